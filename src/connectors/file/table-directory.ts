import { join, resolve } from 'node:path';

/**
 * The directory a table's files go to: `path` with `${database_name}`, `${schema_name}` and
 * `${table_name}` replaced by the parts of the table path (SeaTunnel's path placeholders;
 * `db.t` has no schema, `t` neither database nor schema). When several tables share a path without
 * `${table_name}`, each gets a sub-directory named by its table path, so every table has its own
 * file set. Absolute.
 */
export function tableDirectory(path: string, tablePath: string, tableCount: number): string {
  const parts = tablePath.split('.');
  const table = parts[parts.length - 1] ?? '';
  const database = parts.length > 1 ? (parts[0] ?? '') : '';
  const schema = parts.length > 2 ? (parts[1] ?? '') : '';
  const substituted = path.replaceAll('${table_name}', table).replaceAll('${database_name}', database).replaceAll('${schema_name}', schema);
  const perTable = tableCount > 1 && !path.includes('${table_name}');
  return resolve(perTable ? join(substituted, tablePath) : substituted);
}

/** Where a job's uncommitted files of one directory wait: hidden, so readers of the directory skip them. */
export function stagingDirectory(directory: string, jobId: string): string {
  return join(directory, '.sluice-staging', jobId.replace(/[^A-Za-z0-9_-]/g, '_'));
}
