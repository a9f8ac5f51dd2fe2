/**
 * CSV quoting and field splitting (RFC 4180 with `"` as the quote, as commons-csv's
 * CSVFormat.DEFAULT that SeaTunnel uses): a quoted field may hold delimiters, quotes (doubled)
 * and line breaks. Only a quote at the start of a field opens a quoted field.
 */
export const CSV_QUOTE_MODES = ['ALL', 'MINIMAL', 'NONE'] as const;
export type CsvQuoteMode = (typeof CSV_QUOTE_MODES)[number];

export class CsvError extends Error {}

/**
 * A string field as SeaTunnel's CsvSerializationSchema prints it with `csv_string_quote_mode`.
 * MINIMAL follows commons-csv's rule for a value printed alone: quoted when empty (so an empty
 * string stays distinguishable from null, which is written as nothing), when it starts with a
 * character up to `#` or ends with one up to a space, or when it holds the delimiter, a quote or a
 * line break. NONE writes values raw and refuses the ones that would break the line (commons-csv
 * fails on them too).
 */
export function quoteCsvString(value: string, mode: CsvQuoteMode, delimiter: string): string {
  if (mode === 'ALL') return quote(value);
  if (mode === 'NONE') {
    if (needsQuotes(value, delimiter) || value.startsWith('"')) {
      throw new CsvError(`csv_string_quote_mode = NONE cannot write ${JSON.stringify(value)}: it holds the delimiter, a quote or a line break`);
    }
    return value;
  }
  if (value === '') return '""';
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first <= 0x23 || last <= 0x20 || needsQuotes(value, delimiter) ? quote(value) : value;
}

/** Any other field (numbers, dates, flattened collections): quoted only when it would break the line. */
export function quoteCsvOther(text: string, delimiter: string): string {
  return needsQuotes(text, delimiter) ? quote(text) : text;
}

function needsQuotes(value: string, delimiter: string): boolean {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
}

function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export interface CsvFields {
  values: string[];
  /** Whether each value was quoted: `""` is the empty string, an empty unquoted field is null. */
  quoted: boolean[];
}

/** Splits one record (already cut at its row delimiter) into fields. Throws CsvError on bad quoting. */
export function splitCsvRecord(record: string, delimiter: string): CsvFields {
  const values: string[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = record.indexOf('"', j);
        if (close < 0) throw new CsvError(`unterminated quoted field starting at character ${i + 1}`);
        value += record.slice(j, close);
        if (record[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      values.push(value);
      quoted.push(true);
      if (i === record.length) break;
      if (!record.startsWith(delimiter, i)) throw new CsvError(`unexpected character after a closing quote at character ${i + 1}`);
      i += delimiter.length;
      continue;
    }
    const next = record.indexOf(delimiter, i);
    values.push(next < 0 ? record.slice(i) : record.slice(i, next));
    quoted.push(false);
    if (next < 0) break;
    i = next + delimiter.length;
  }
  return { values, quoted };
}
