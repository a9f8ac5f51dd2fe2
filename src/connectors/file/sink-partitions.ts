import type { ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { TableSchema } from '../../core/table.js';
import { DEFAULT_PARTITION_DIR_EXPRESSION } from './partition-path.js';
import { parquetTypeProblem } from './parquet-schema.js';
import { partitionIndices, writtenColumnIndices } from './written-columns.js';

/** The partitioning part of the sink settings (FileSinkConfig's partition fields). */
export function partitionSettings(options: OptionValues): { partitionBy: string[]; partitionDirExpression: string | undefined; partitionFieldWriteInFile: boolean } {
  const list = options['partition_by'];
  const expression = options['partition_dir_expression'];
  return {
    partitionBy: Array.isArray(list) ? list.map(String) : [],
    partitionDirExpression: typeof expression === 'string' && expression.trim() !== '' && expression !== DEFAULT_PARTITION_DIR_EXPRESSION ? expression : undefined,
    partitionFieldWriteInFile: options['is_partition_field_write_in_file'] === true,
  };
}

/** Plan-time checks of partition_by and of the types a parquet sink writes. */
export function checkPartitionsAndParquet(options: OptionValues, tables: readonly TableSchema[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const columns = options['sink_columns'];
  const layout = {
    sinkColumns: Array.isArray(columns) && columns.length > 0 ? columns.map(String) : undefined,
    ...partitionSettings(options),
  };
  for (const table of tables) {
    if (layout.partitionBy.length > 0) {
      const found = partitionIndices(table, layout);
      const names = new Set(table.columns.map((c) => c.name.toLowerCase()));
      const missing = layout.partitionBy.filter((name) => !names.has(name.toLowerCase()));
      if (missing.length > 0) {
        problems.push({ path: 'partition_by', message: `table ${table.tablePath} has no column ${missing.map((m) => `"${m}"`).join(', ')}` });
        continue;
      }
      if (layout.sinkColumns !== undefined) {
        const sink = new Set(layout.sinkColumns.map((name) => name.toLowerCase()));
        const outside = found.filter((i) => !sink.has((table.columns[i]?.name ?? '').toLowerCase()));
        if (outside.length > 0) problems.push({ path: 'partition_by', message: `partition fields must be sink columns: ${outside.map((i) => `"${table.columns[i]?.name}"`).join(', ')} is not in sink_columns` });
      }
      if (writtenColumnIndices(table, layout).length === 0) {
        problems.push({ path: 'partition_by', message: `table ${table.tablePath} would have no columns left to write into its files; set is_partition_field_write_in_file = true` });
      }
    }
    if (String(options['file_format_type'] ?? 'csv') === 'parquet') {
      for (const i of writtenColumnIndices(table, layout)) {
        const column = table.columns[i];
        if (column === undefined) continue;
        const problem = parquetTypeProblem(column.type, `column ${column.name} of table ${table.tablePath}`);
        if (problem !== undefined) problems.push({ path: 'file_format_type', message: problem });
      }
    }
  }
  return problems;
}
