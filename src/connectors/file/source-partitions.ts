import type { Column } from '../../core/table.js';
import { partitionsOfPath } from './partition-path.js';

/**
 * Partition columns of a source (parse_partition_from_path, SeaTunnel's mergePartitionTypes):
 * the `key=value` directories of the first file become string columns after the file's own
 * columns, except keys the files already hold as columns (their values win).
 */
export function partitionColumns(firstFile: string | undefined, fileColumns: readonly Column[]): Column[] {
  if (firstFile === undefined) return [];
  const taken = new Set(fileColumns.map((column) => column.name));
  return [...partitionsOfPath(firstFile).keys()].filter((key) => !taken.has(key)).map((name) => ({ name, type: { kind: 'string' }, nullable: true }));
}

/** The values of the partition columns `names` for a file: from its path, NULL where it has none. */
export function partitionValues(path: string, names: readonly string[]): (string | null)[] {
  if (names.length === 0) return [];
  const partitions = partitionsOfPath(path);
  return names.map((name) => partitions.get(name) ?? null);
}
