import { OptionError, type ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { TableSchema } from '../../core/table.js';
import type { CsvQuoteMode } from './csv-text.js';
import { defaultFieldDelimiter, findEncoding, localPath, type CompressCodec, type FileEncoding, type FileFormat } from './file-format.js';
import { checkDelimitersAndEncoding } from './check-delimiters-and-encoding.js';
import { checkFormatCodec } from './check-format-codec.js';
import { checkPartitionsAndParquet, partitionSettings } from './sink-partitions.js';
import { tableDirectory } from './table-directory.js';
import { temporalFormats, type TemporalFormats } from './temporal-formats.js';
import { compilePattern, PatternError, type TemporalPattern } from './temporal-pattern.js';

/** The LocalFile sink options, checked and typed. */
export interface FileSinkSettings {
  /** As configured (minus `file://`), placeholders included. */
  path: string;
  format: FileFormat;
  fieldDelimiter: string;
  rowDelimiter: string;
  codec: CompressCodec;
  encoding: FileEncoding;
  temporal: TemporalFormats;
  /** What names files before `_<part>`: `${transactionId}` unless custom_filename. */
  fileNameExpression: string;
  filenameTimeFormat: TemporalPattern;
  transactional: boolean;
  sinkColumns: string[] | undefined;
  batchSize: number;
  headerWrite: boolean;
  quoteMode: CsvQuoteMode;
  /** partition_by: empty when the output is not partitioned. */
  partitionBy: string[];
  /** partition_dir_expression, undefined for the default `k0=v0/k1=v1/...`. */
  partitionDirExpression: string | undefined;
  partitionFieldWriteInFile: boolean;
}

export const TRANSACTION_ID = '${transactionId}';

export function validateSinkOptions(options: OptionValues): ConfigProblem[] {
  const problems = checkDelimitersAndEncoding(options, true);
  const expression = String(options['file_name_expression'] ?? TRANSACTION_ID);
  if (options['custom_filename'] === true && options['is_enable_transaction'] !== false && !expression.includes(TRANSACTION_ID)) {
    // FileSinkConfig: the transaction id keeps committed names unique across checkpoints and restores.
    problems.push({ path: 'file_name_expression', message: 'must contain ${transactionId} when is_enable_transaction is true' });
  }
  if (options['custom_filename'] === true && expression.trim() === '') problems.push({ path: 'file_name_expression', message: 'must not be empty' });
  try {
    compilePattern(String(options['filename_time_format'] ?? 'yyyy.MM.dd'));
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problems.push({ path: 'filename_time_format', message: error.message });
  }
  const columns = options['sink_columns'];
  if (Array.isArray(columns) && new Set(columns.map((c) => String(c).toLowerCase())).size !== columns.length) {
    problems.push({ path: 'sink_columns', message: 'names a column twice' });
  }
  problems.push(...checkFormatCodec(options, 'csv'));
  const partitions = options['partition_by'];
  if (Array.isArray(partitions) && new Set(partitions.map((c) => String(c).toLowerCase())).size !== partitions.length) {
    problems.push({ path: 'partition_by', message: 'names a field twice' });
  }
  return problems;
}

/**
 * Plan-time checks against the input tables: sink_columns and partition_by fields exist, partition
 * fields are written columns and leave some column for the files, parquet can hold every written
 * type, tables do not share an output directory.
 */
export function checkSinkTables(options: OptionValues, tables: TableSchema[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  problems.push(...checkPartitionsAndParquet(options, tables));
  const columns = options['sink_columns'];
  if (Array.isArray(columns) && columns.length > 0) {
    for (const table of tables) {
      const names = new Set(table.columns.map((c) => c.name.toLowerCase()));
      const missing = columns.filter((c) => !names.has(String(c).toLowerCase()));
      if (missing.length > 0) problems.push({ path: 'sink_columns', message: `table ${table.tablePath} has no column ${missing.map((m) => `"${m}"`).join(', ')}` });
    }
  }
  const path = localPath(String(options['path'] ?? ''));
  const seen = new Map<string, string>();
  for (const table of tables) {
    const dir = tableDirectory(path, table.tablePath, tables.length);
    const other = seen.get(dir);
    if (other !== undefined) problems.push({ path: 'path', message: `tables ${other} and ${table.tablePath} would both write to ${dir}` });
    seen.set(dir, table.tablePath);
  }
  return problems;
}

export function readSinkSettings(options: OptionValues): FileSinkSettings {
  const first = validateSinkOptions(options)[0];
  if (first !== undefined) throw new OptionError(first.path, first.message);
  const format = (options['file_format_type'] ?? 'csv') as FileFormat;
  const columns = options['sink_columns'];
  return {
    path: localPath(String(options['path'])),
    format,
    fieldDelimiter: (options['field_delimiter'] as string | undefined) ?? defaultFieldDelimiter(format),
    rowDelimiter: String(options['row_delimiter'] ?? '\n'),
    codec: (options['compress_codec'] ?? 'none') as CompressCodec,
    encoding: findEncoding(String(options['encoding'] ?? 'UTF-8')) as FileEncoding,
    temporal: temporalFormats(
      String(options['date_format'] ?? 'yyyy-MM-dd'),
      String(options['datetime_format'] ?? 'yyyy-MM-dd HH:mm:ss'),
      String(options['time_format'] ?? 'HH:mm:ss'),
    ),
    fileNameExpression: options['custom_filename'] === true ? String(options['file_name_expression'] ?? TRANSACTION_ID) : TRANSACTION_ID,
    filenameTimeFormat: compilePattern(String(options['filename_time_format'] ?? 'yyyy.MM.dd')),
    transactional: options['is_enable_transaction'] !== false,
    sinkColumns: Array.isArray(columns) && columns.length > 0 ? columns.map(String) : undefined,
    batchSize: Number(options['batch_size'] ?? 1000000),
    headerWrite: options['enable_header_write'] === true,
    quoteMode: (options['csv_string_quote_mode'] ?? 'MINIMAL') as CsvQuoteMode,
    ...partitionSettings(options),
  };
}
