import { SluiceError } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { PluginContext, SourcePlugin, SourceReader, SourceSplit } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { LOCAL_FILE_SOURCE_OPTIONS } from './file-options.js';
import { readSourceSettings, sourceTable, validateSourceOptions } from './file-source-settings.js';
import { planFileSplits } from './file-splits.js';
import { LocalFileSourceReader } from './local-file-source-reader.js';
import { RowDecoder } from './row-decoder.js';

/**
 * LocalFile source: reads text, csv and json-lines files (plain or gzip) below a path into one
 * table, one split per file. Restorable at any row: a split carries its byte position.
 */
export const localFileSource: SourcePlugin = {
  name: 'LocalFile',
  type: 'source',
  description: 'Reads text, csv and json-lines files, plain or gzip, from a local file or directory (SeaTunnel LocalFile).',
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
    return new LocalFileSourceReader(settings, new RowDecoder(onlyTable(tables), settings, options['schema'] !== undefined));
  },
};

function onlyTable(tables: TableSchema[]): TableSchema {
  const table = tables[0];
  if (tables.length !== 1 || table === undefined) throw new SluiceError('PLUGIN_FAILED', `LocalFile source reads one table but the plan has ${tables.length}`);
  return table;
}
