import type { Row } from '../../core/row.js';
import type { Column, TableSchema } from '../../core/table.js';

export interface PlacedColumns {
  output: TableSchema;
  /** Where each output column's value goes in the output row, in the order given. */
  targets: number[];
  /** The number of fields of an output row. */
  width: number;
}

/**
 * Places the columns a transform produces the way SeaTunnel's MultipleFieldOutputTransform does
 * (Copy, Split, JsonPath, RowKindExtractor): a column whose name the input already has replaces
 * that column's type in place (keeping its other attributes); any other is appended, in order.
 * The primary key and constraint keys stay as they were. Throws a plain Error naming the
 * duplicate when `added` repeats a name (callers wrap it in an OptionError).
 */
export function placeOutputColumns(input: TableSchema, added: readonly Column[]): PlacedColumns {
  const seen = new Set<string>();
  for (const column of added) {
    if (seen.has(column.name)) throw new Error(`the output field "${column.name}" is produced twice`);
    seen.add(column.name);
  }
  const columns = input.columns.map((column) => ({ ...column }));
  const targets: number[] = [];
  for (const column of added) {
    const existing = columns.findIndex((c) => c.name === column.name);
    if (existing >= 0) {
      columns[existing] = { ...columns[existing], type: column.type } as Column;
      targets.push(existing);
    } else {
      targets.push(columns.length);
      columns.push({ ...column });
    }
  }
  return { output: { ...input, columns }, targets, width: columns.length };
}

/**
 * The schema of a projection of `input` (Filter, FieldMapper): `columns` replace the input's, and
 * the primary key and the constraint keys survive only when all their columns are kept, renamed
 * through `renamed` (input name → output name). SeaTunnel drops the keys that lose a column.
 */
export function projectedTable(input: TableSchema, columns: Column[], renamed: ReadonlyMap<string, string>): TableSchema {
  const { primaryKey, constraintKeys, ...rest } = input;
  const output: TableSchema = { ...rest, columns };
  if (primaryKey !== undefined && primaryKey.columns.every((name) => renamed.has(name))) {
    output.primaryKey = { name: primaryKey.name, columns: primaryKey.columns.map((name) => renamed.get(name) as string) };
  }
  if (constraintKeys !== undefined) {
    output.constraintKeys = constraintKeys
      .filter((key) => key.columns.every((column) => renamed.has(column.name)))
      .map((key) => ({ ...key, columns: key.columns.map((column) => ({ ...column, name: renamed.get(column.name) as string })) }));
  }
  return output;
}

/** Rows keep the fields at `indexes`, in that order (Filter, FieldMapper). */
export function projectRows(indexes: readonly number[]): (rows: Row[]) => Row[] {
  const width = indexes.length;
  return (rows) => {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Row;
      const fields = row.fields;
      const projected = new Array<unknown>(width);
      for (let i = 0; i < width; i++) projected[i] = fields[indexes[i] as number];
      row.fields = projected;
    }
    return rows;
  };
}
