import { SluiceError } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { PluginContext, SourcePlugin, SourceReader, SourceSplit } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { LOCAL_FILE_SOURCE_OPTIONS } from './file-options.js';
import { fileTable, readSourceSettings, sourceTable, validateSourceOptions } from './file-source-settings.js';
import { planFileSplits } from './file-splits.js';
import { LocalFileSourceReader } from './local-file-source-reader.js';
import { LocalParquetSourceReader } from './parquet-source-reader.js';
import { RowDecoder } from './row-decoder.js';

/**
 * LocalFile source: reads text, csv and json-lines files (plain or gzip) and parquet files below a
 * path into one table, one split per file. Restorable at any row: a split carries its byte
 * position (text) or row position (parquet). With parse_partition_from_path, `key=value`
 * directories add string columns.
 */
export const localFileSource: SourcePlugin = {
  name: 'LocalFile',
  type: 'source',
  description: 'Reads text, csv, json-lines (plain or gzip) and parquet files from a local file or directory, with Hive partition directories (SeaTunnel LocalFile).',
  bounded: true,
  restorable: true,
  options: LOCAL_FILE_SOURCE_OPTIONS,
  validate: validateSourceOptions,

  tables(options: OptionValues, outputName: string | undefined): TableSchema[] {
    return [sourceTable(options, outputName)];
  },

  planSplits(options: OptionValues, tables: TableSchema[], _parallelism: number): Promise<SourceSplit[]> {
    return planFileSplits(readSourceSettings(options), onlyTable(tables).tablePath);
  },

  createReader(options: OptionValues, tables: TableSchema[], _context: PluginContext): SourceReader {
    const settings = readSourceSettings(options);
    const table = onlyTable(tables);
    // The table is the files' columns followed by the partition columns.
    const fileColumnCount = fileTable(options, table.tablePath).columns.length;
    const files: TableSchema = { ...table, columns: table.columns.slice(0, fileColumnCount) };
    const partitionNames = table.columns.slice(fileColumnCount).map((column) => column.name);
    if (settings.format === 'parquet') return new LocalParquetSourceReader(files.columns, partitionNames);
    return new LocalFileSourceReader(settings, new RowDecoder(files, settings, options['schema'] !== undefined), partitionNames);
  },
};

function onlyTable(tables: TableSchema[]): TableSchema {
  const table = tables[0];
  if (tables.length !== 1 || table === undefined) throw new SluiceError('PLUGIN_FAILED', `LocalFile source reads one table but the plan has ${tables.length}`);
  return table;
}
