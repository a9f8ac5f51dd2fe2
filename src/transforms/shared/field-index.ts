import { OptionError } from '../../core/errors.js';
import { columnIndex, columnNames, type TableSchema } from '../../core/table.js';

/**
 * The index of column `name` in `table`, or an OptionError on `option` that names the field and
 * lists the table's fields, e.g. `field "x" is not in table fake (fields: id, name)`.
 */
export function fieldIndex(table: TableSchema, option: string, name: string): number {
  const index = columnIndex(table, name);
  if (index < 0) throw new OptionError(option, missingFieldsMessage(table, [name]));
  return index;
}

/** The message for fields that `table` lacks; SeaTunnel reports every missing field at once. */
export function missingFieldsMessage(table: TableSchema, names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const what = names.length === 1 ? `field ${quoted} is` : `fields ${quoted} are`;
  return `${what} not in table ${table.tablePath} (fields: ${columnNames(table).join(', ')})`;
}
