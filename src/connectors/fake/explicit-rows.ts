import { formatDataType } from '../../core/data-type.js';
import { OptionError } from '../../core/errors.js';
import type { Row } from '../../core/row.js';
import { parseRowKind, type RowKind } from '../../core/row-kind.js';
import type { TableSchema } from '../../core/table.js';
import { describeValue, isPlainObject } from '../common/config-path.js';
import { ValueConversionError, convertRowFields } from '../common/config-value.js';
import { currentDate, currentTime, currentTimestamp } from '../common/temporal-text.js';

/** One configured row, converted to the core encoding once, emitted by every split. */
export interface ExplicitRow {
  kind: RowKind;
  fields: unknown[];
  /** Top-level fields written as CURRENT_DATE / CURRENT_TIME / CURRENT_TIMESTAMP: re-read at each emission. */
  current: { index: number; kind: 'date' | 'time' | 'timestamp' }[];
}

/**
 * Converts FakeSource `rows` for `table`: `kind` (INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE or
 * +I/-U/+U/-D; INSERT when omitted) and `fields` in schema order or by field name. Every value is
 * converted to its column type; a value that does not fit throws OptionError at plan time, its
 * path naming the row and the field (`rows[1].fields[3]`) and its message the column.
 * `where` is the option path of the list (`rows`, `tables_configs[0].rows`).
 */
export function convertExplicitRows(rawRows: readonly unknown[], table: TableSchema, where: string): ExplicitRow[] {
  return rawRows.map((raw, r) => {
    const at = `${where}[${r}]`;
    if (!isPlainObject(raw)) throw new OptionError(at, `expected {kind, fields}, got ${describeValue(raw)}`);
    const kindText = raw['kind'] === undefined || raw['kind'] === null ? 'INSERT' : String(raw['kind']);
    const kind = parseRowKind(kindText);
    if (kind === undefined) {
      throw new OptionError(`${at}.kind`, `expected INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE, got ${describeValue(raw['kind'])}`);
    }
    const rawFields = raw['fields'];
    if (rawFields === undefined) throw new OptionError(at, 'needs [fields], the values in schema order');
    let fields: unknown[];
    try {
      fields = convertRowFields(table.columns, rawFields);
    } catch (error) {
      if (error instanceof ValueConversionError) throw new OptionError(`${at}.fields${error.path}`, `${columnNote(table, error.path)}${error.detail}`);
      throw error;
    }
    const current: ExplicitRow['current'] = [];
    table.columns.forEach((column, index) => {
      const value = Array.isArray(rawFields) ? rawFields[index] : (rawFields as Record<string, unknown>)[column.name];
      const kindName = column.type.kind;
      if ((kindName === 'date' || kindName === 'time' || kindName === 'timestamp') && typeof value === 'string' && value.trim().toUpperCase() === `CURRENT_${kindName.toUpperCase()}`) {
        current.push({ index, kind: kindName });
      }
    });
    return { kind, fields, current };
  });
}

/** `column c_int (int): ` for a path into a row's fields (`[3]`, `.c_int`, `[3][1]`). */
function columnNote(table: TableSchema, path: string): string {
  const match = /^\[(\d+)\]|^\.([^.[]+)/.exec(path);
  const column = match === null ? undefined : match[1] !== undefined ? table.columns[Number(match[1])] : table.columns.find((c) => c.name === match[2]);
  return column === undefined ? '' : `column ${column.name} (${formatDataType(column.type)}): `;
}

/** A fresh Row for `row` (downstream transforms may mutate rows), with CURRENT_* read at `now`. */
export function emitExplicitRow(row: ExplicitRow, tableId: string, now: Date): Row {
  const fields = row.fields.slice();
  for (const { index, kind } of row.current) {
    fields[index] = kind === 'date' ? currentDate(now) : kind === 'time' ? currentTime(now) : currentTimestamp(now);
  }
  return { kind: row.kind, tableId, fields };
}
