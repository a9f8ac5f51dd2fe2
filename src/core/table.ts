import type { DataType } from './data-type.js';

/** A column of a table, as SeaTunnel's catalog describes it. */
export interface Column {
  name: string;
  type: DataType;
  nullable?: boolean;
  defaultValue?: unknown;
  comment?: string;
  columnLength?: number;
  columnScale?: number;
}

/**
 * The schema of the rows one table carries (SeaTunnel's CatalogTable). `tablePath` is the table's
 * full name (`fake`, `test.table1`, `db.schema.t`); rows carry it as their `tableId`.
 */
export interface TableSchema {
  tablePath: string;
  columns: Column[];
  primaryKey?: { name: string; columns: string[] };
  constraintKeys?: { name: string; type: string; columns: { name: string; sortType?: string }[] }[];
  comment?: string;
}

export function columnIndex(table: TableSchema, name: string): number {
  return table.columns.findIndex((column) => column.name === name);
}

export function columnNames(table: TableSchema): string[] {
  return table.columns.map((column) => column.name);
}
