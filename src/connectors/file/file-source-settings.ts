import { resolve } from 'node:path';
import { OptionError, type ConfigProblem } from '../../core/errors.js';
import type { OptionValues } from '../../core/option-spec.js';
import type { TableSchema } from '../../core/table.js';
import { DEFAULT_TABLE_PATH, parseSchemaConfig } from '../common/schema-config.js';
import { checkDelimitersAndEncoding } from './check-delimiters-and-encoding.js';
import { checkFormatCodec } from './check-format-codec.js';
import { firstFileSync } from './first-file.js';
import { parquetColumns, readParquetFooterSync } from './parquet-footer.js';
import { partitionColumns } from './source-partitions.js';
import { defaultFieldDelimiter, findEncoding, localPath, type CompressCodec, type FileEncoding, type FileFormat } from './file-format.js';
import { temporalFormats, type TemporalFormats } from './temporal-formats.js';

/** The LocalFile source options, checked and typed. */
export interface FileSourceSettings {
  /** Absolute. */
  path: string;
  format: FileFormat;
  fieldDelimiter: string;
  rowDelimiter: string;
  /** Records skipped at the start of each text or csv file. */
  skipHeader: number;
  filterPattern: RegExp | undefined;
  /**
   * `path` as configured, when file_filter_pattern starts with it: the pattern is then matched
   * against file paths spelled from there, not against names (SeaTunnel's filterFileByPattern).
   */
  filterPathPrefix: string | undefined;
  nullFormat: string | undefined;
  codec: CompressCodec;
  encoding: FileEncoding;
  temporal: TemporalFormats;
  /** parse_partition_from_path */
  parsePartitions: boolean;
  /** With enable_file_split, for text, csv and json: the byte size of the ranges files are cut into. */
  splitSize: number | undefined;
}

/** The column a schema-less text or csv line is read into (SeaTunnel's buildSimpleTextSchema). */
export const CONTENT_COLUMN = 'content';

export function validateSourceOptions(options: OptionValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (options['file_format_type'] === 'json' && options['schema'] === undefined) {
    problems.push({ path: 'schema', message: 'is required when file_format_type is json' });
  }
  problems.push(...checkDelimitersAndEncoding(options, false));
  // A parquet file names its own codec.
  if (options['file_format_type'] !== 'parquet') problems.push(...checkFormatCodec(options, undefined));
  const pattern = options['file_filter_pattern'];
  if (typeof pattern === 'string') {
    try {
      new RegExp(pattern);
    } catch (error) {
      problems.push({ path: 'file_filter_pattern', message: `is not a valid regular expression: ${(error as Error).message}` });
    }
  }
  return problems;
}

export function readSourceSettings(options: OptionValues): FileSourceSettings {
  const first = validateSourceOptions(options)[0];
  if (first !== undefined) throw new OptionError(first.path, first.message);
  const format = options['file_format_type'] as FileFormat;
  const pattern = options['file_filter_pattern'];
  return {
    path: resolve(localPath(String(options['path']))),
    format,
    fieldDelimiter: (options['field_delimiter'] as string | undefined) ?? defaultFieldDelimiter(format),
    rowDelimiter: String(options['row_delimiter'] ?? '\n'),
    skipHeader: format === 'json' ? 0 : Number(options['skip_header_row_number'] ?? 0),
    filterPattern: typeof pattern === 'string' ? new RegExp(`^(?:${pattern})$`) : undefined,
    filterPathPrefix: typeof pattern === 'string' && pattern.startsWith(String(options['path'])) ? String(options['path']) : undefined,
    nullFormat: options['null_format'] as string | undefined,
    codec: (options['compress_codec'] ?? 'none') as CompressCodec,
    encoding: findEncoding(String(options['encoding'] ?? 'UTF-8')) as FileEncoding,
    temporal: temporalFormats(
      String(options['date_format'] ?? 'yyyy-MM-dd'),
      String(options['datetime_format'] ?? 'yyyy-MM-dd HH:mm:ss'),
      String(options['time_format'] ?? 'HH:mm:ss'),
    ),
    parsePartitions: options['parse_partition_from_path'] !== false,
    splitSize: options['enable_file_split'] === true && format !== 'parquet' ? Number(options['file_split_size'] ?? 67108864) : undefined,
  };
}

/**
 * The one table the source emits: the columns the files hold (fileTable), then, with
 * parse_partition_from_path, the partition columns of the first file's path.
 */
export function sourceTable(options: OptionValues, outputName: string | undefined): TableSchema {
  const table = fileTable(options, outputName);
  if (options['parse_partition_from_path'] === false) return table;
  const partitions = partitionColumns(firstFileSync(readSourceSettings(options)), table.columns);
  return partitions.length === 0 ? table : { ...table, columns: [...table.columns, ...partitions] };
}

/**
 * The columns the files hold: the schema's; without one, a parquet file's own columns (from the
 * first file's footer, read now: a plan-time read of one footer), or a single string column
 * `content` for text and csv lines.
 */
export function fileTable(options: OptionValues, outputName: string | undefined): TableSchema {
  const schema = options['schema'];
  if (schema !== undefined) return parseSchemaConfig(schema, outputName, 'schema');
  if (options['file_format_type'] === 'parquet') {
    const settings = readSourceSettings(options);
    const first = firstFileSync(settings);
    if (first === undefined) throw new OptionError('schema', `no parquet file under ${settings.path} to read the columns from; give a schema or check path`);
    let columns;
    try {
      columns = parquetColumns(readParquetFooterSync(first));
    } catch (error) {
      throw new OptionError('path', `cannot read the columns of ${first}: ${(error as Error).message}`);
    }
    return { tablePath: outputName ?? DEFAULT_TABLE_PATH, columns };
  }
  return { tablePath: outputName ?? DEFAULT_TABLE_PATH, columns: [{ name: CONTENT_COLUMN, type: { kind: 'string' } }] };
}
