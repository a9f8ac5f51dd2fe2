import type { OptionValues } from '../../core/option-spec.js';
import type { PluginContext, SinkContext, SinkPlugin, SinkWriter } from '../../core/plugin.js';
import type { TableSchema } from '../../core/table.js';
import { abortFiles, commitFiles, discardStagingDirectories, removeEmptyStagingDirectories } from './file-commit.js';
import { LOCAL_FILE_SINK_OPTIONS } from './file-options.js';
import { checkSinkTables, readSinkSettings, validateSinkOptions } from './file-sink-settings.js';
import { LocalFileSinkWriter } from './local-file-sink-writer.js';
import { stagingDirectory, tableDirectory } from './table-directory.js';

/**
 * LocalFile sink: writes text, csv or json-lines files (plain or gzip) or parquet files, optionally
 * into Hive partition directories (partition_by), with exactly-once output
 * through two-phase commit: writers stage files in a hidden directory, `commit` renames them to
 * their final names once the checkpoint is stored, `abort` and `discardStaged` delete what will
 * never be committed.
 */
export const localFileSink: SinkPlugin = {
  name: 'LocalFile',
  type: 'sink',
  description: 'Writes text, csv, json-lines (plain or gzip) or parquet files to a local directory, optionally partitioned, exactly once (SeaTunnel LocalFile).',
  exactlyOnce: true,
  options: LOCAL_FILE_SINK_OPTIONS,
  validate: validateSinkOptions,
  check: checkSinkTables,

  createWriter(options: OptionValues, tables: TableSchema[], context: SinkContext): SinkWriter {
    return new LocalFileSinkWriter(tables, readSinkSettings(options), context);
  },

  commit(_options: OptionValues, _tables: TableSchema[], commitInfos: unknown[], _context: PluginContext): Promise<void> {
    return commitFiles(commitInfos);
  },

  abort(_options: OptionValues, _tables: TableSchema[], commitInfos: unknown[], _context: PluginContext): Promise<void> {
    return abortFiles(commitInfos);
  },

  discardStaged(options: OptionValues, tables: TableSchema[], context: PluginContext): Promise<void> {
    return discardStagingDirectories(stagingDirectories(options, tables, context.jobId));
  },

  /** At the end of the job: tidies staging directories that ended up empty. */
  finish(options: OptionValues, tables: TableSchema[], _results: unknown[], context: PluginContext): Promise<void> {
    return removeEmptyStagingDirectories(stagingDirectories(options, tables, context.jobId));
  },
};

function stagingDirectories(options: OptionValues, tables: TableSchema[], jobId: string): string[] {
  const settings = readSinkSettings(options);
  return tables.map((table) => stagingDirectory(tableDirectory(settings.path, table.tablePath, tables.length), jobId));
}
