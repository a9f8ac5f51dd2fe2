import type { TableSchema } from '../../core/table.js';
import type { FileSinkSettings } from './file-sink-settings.js';

type Layout = Pick<FileSinkSettings, 'sinkColumns' | 'partitionBy' | 'partitionFieldWriteInFile'>;

function indexOf(table: TableSchema, name: string): number {
  const lower = name.toLowerCase();
  return table.columns.findIndex((column) => column.name.toLowerCase() === lower);
}

/**
 * The columns a sink writes into its files, as indices into the table's columns (FileSinkConfig):
 * sink_columns in their order (names matched ignoring case), else all; partition fields are left
 * out unless is_partition_field_write_in_file (their values are in the directory names).
 */
export function writtenColumnIndices(table: TableSchema, settings: Layout): number[] {
  const all = settings.sinkColumns === undefined ? table.columns.map((_, i) => i) : settings.sinkColumns.map((name) => indexOf(table, name)).filter((i) => i >= 0);
  if (settings.partitionBy.length === 0 || settings.partitionFieldWriteInFile) return all;
  const partitions = new Set(partitionIndices(table, settings));
  return all.filter((i) => !partitions.has(i));
}

/** The partition_by fields as indices into the table's columns, in partition_by order. */
export function partitionIndices(table: TableSchema, settings: Pick<FileSinkSettings, 'partitionBy'>): number[] {
  return settings.partitionBy.map((name) => indexOf(table, name)).filter((i) => i >= 0);
}
