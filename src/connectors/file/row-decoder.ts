import { SluiceError } from '../../core/errors.js';
import type { TableSchema } from '../../core/table.js';
import { ValueConversionError } from '../common/config-value.js';
import { CsvError, splitCsvRecord } from './csv-text.js';
import { JsonSyntaxError, parseExactJson, type JsonValue } from './exact-json.js';
import type { FileSourceSettings } from './file-source-settings.js';
import { jsonToValue } from './json-values.js';
import { HIVE_SEPARATORS, textReader, type TextValueFormat } from './text-values.js';

/** Where a record came from, for error messages. */
export interface RecordPlace {
  file: string;
  line: number;
}

/**
 * Turns one record (a line, or a csv record that may span lines) into the field values of a row,
 * or undefined for a record that holds no row: a blank json line, or an empty text/csv line of a
 * table with several columns (an empty line is a row only for a one-column table, whose null the
 * sink writes as an empty line). Lines with fewer fields than columns leave the rest null; extra
 * fields are ignored, as in SeaTunnel. A bad value fails with the file, line and column.
 */
export class RowDecoder {
  private readonly textFormat: TextValueFormat;
  /** Per column, how its text is read (textReader). */
  private readonly readers: readonly ((text: string) => unknown)[];
  /** No schema: the whole line is the one `content` column. */
  private readonly wholeLine: boolean;

  constructor(
    private readonly table: TableSchema,
    private readonly settings: FileSourceSettings,
    schemaGiven: boolean,
  ) {
    this.textFormat = { separators: [settings.fieldDelimiter, ...HIVE_SEPARATORS.slice(1)], temporal: settings.temporal };
    this.wholeLine = !schemaGiven;
    this.readers = table.columns.map((column) => textReader(column.type, this.textFormat));
  }

  /** `quoteFree`: the caller knows the record holds no quote character. */
  decode(record: string, place: RecordPlace, quoteFree = false): unknown[] | undefined {
    if (this.settings.format === 'json') return this.decodeJson(record, place);
    if (record === '') return this.table.columns.length === 1 ? [null] : undefined;
    if (this.wholeLine) return [record];
    if (this.settings.format === 'csv') return quoteFree ? this.decodeUnquoted(record, place) : this.decodeCsv(record, place);
    return this.decodeUnquoted(record, place);
  }

  private decodeCsv(record: string, place: RecordPlace): unknown[] {
    if (record.indexOf('"') < 0) return this.decodeUnquoted(record, place);
    let fields;
    try {
      fields = splitCsvRecord(record, this.settings.fieldDelimiter);
    } catch (error) {
      if (error instanceof CsvError) throw this.failure(place, undefined, `bad csv: ${error.message}`, error);
      throw error;
    }
    return this.decodeFields(fields.values, fields.quoted, place);
  }

  /** A text line, or a csv record without quotes: fields are cut and read in one pass, without arrays of them. */
  private decodeUnquoted(record: string, place: RecordPlace): unknown[] {
    const width = this.table.columns.length;
    const delimiter = this.settings.fieldDelimiter;
    const out = new Array<unknown>(width);
    let at = 0;
    for (let i = 0; i < width; i++) {
      if (at > record.length) {
        out[i] = this.field('', false, i, place);
        continue;
      }
      const end = record.indexOf(delimiter, at);
      out[i] = this.field(end < 0 ? record.slice(at) : record.slice(at, end), false, i, place);
      at = end < 0 ? record.length + 1 : end + delimiter.length;
    }
    return out;
  }

  private decodeFields(values: readonly string[], quoted: readonly boolean[] | undefined, place: RecordPlace): unknown[] {
    const out = new Array<unknown>(this.table.columns.length);
    for (let i = 0; i < out.length; i++) out[i] = this.field(values[i] ?? '', quoted?.[i] === true, i, place);
    return out;
  }

  /** Field `i` from its text; `quoted` tells a csv `""` (the empty string) from an empty field (null). */
  private field(text: string, quoted: boolean, i: number, place: RecordPlace): unknown {
    if (!quoted && text === this.settings.nullFormat) return null;
    if (quoted && text === '' && this.table.columns[i]!.type.kind === 'string') return '';
    try {
      return this.readers[i]!(text);
    } catch (error) {
      if (error instanceof ValueConversionError) throw this.failure(place, i, error.message, error);
      throw error;
    }
  }

  private decodeJson(record: string, place: RecordPlace): unknown[] | undefined {
    if (record.trim() === '') return undefined;
    let json: JsonValue;
    try {
      json = parseExactJson(record);
    } catch (error) {
      if (error instanceof JsonSyntaxError) throw this.failure(place, undefined, `bad JSON: ${error.message}`, error);
      throw error;
    }
    if (!(json instanceof Map)) throw this.failure(place, undefined, 'expected a JSON object per line');
    const columns = this.table.columns;
    const out = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as TableSchema['columns'][number];
      try {
        out[i] = jsonToValue(json.get(column.name), column.type);
      } catch (error) {
        if (error instanceof ValueConversionError) throw this.failure(place, i, error.message, error);
        throw error;
      }
    }
    return out;
  }

  private failure(place: RecordPlace, column: number | undefined, message: string, cause?: unknown): SluiceError {
    const name = column === undefined ? '' : `, column ${column + 1} (${this.table.columns[column]?.name})`;
    return new SluiceError('PLUGIN_FAILED', `LocalFile: cannot read ${place.file} line ${place.line}${name}: ${message}`, { cause });
  }
}
