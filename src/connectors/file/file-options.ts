import type { OptionSpec } from '../../core/option-spec.js';
import { CSV_QUOTE_MODES } from './csv-text.js';
import { COMPRESS_CODECS, FILE_FORMATS } from './file-format.js';
import { DATE_FORMATS, DATETIME_FORMATS, TIME_FORMATS } from './temporal-formats.js';

/**
 * LocalFile options, as SeaTunnel's connector-file declares them (FileBaseOptions,
 * FileBaseSourceOptions, FileBaseSinkOptions; docs/en/connector-v2/{source,sink}/LocalFile.md):
 * same keys and defaults, limited to the text, csv, json and parquet formats; text, csv and json
 * take gzip compression, parquet snappy, gzip, brotli (and zstd on Node 22.15+).
 */
const temporal: OptionSpec[] = [
  {
    key: 'date_format',
    type: 'enum',
    values: DATE_FORMATS,
    default: 'yyyy-MM-dd',
    description: 'How text and csv files spell dates. Reading also accepts the other date formats.',
    example: '"yyyy/MM/dd"',
  },
  {
    key: 'datetime_format',
    type: 'enum',
    values: DATETIME_FORMATS,
    default: 'yyyy-MM-dd HH:mm:ss',
    description:
      'How text and csv files spell timestamps. Reading also accepts the other formats. Writing never drops data: seconds or fraction digits the pattern lacks are appended when the value has them.',
    example: "\"yyyy-MM-dd'T'HH:mm:ss.SSS\"",
  },
  {
    key: 'time_format',
    type: 'enum',
    values: TIME_FORMATS,
    default: 'HH:mm:ss',
    description: 'How text and csv files spell times. Fraction digits the pattern lacks are appended when the value has them.',
    example: '"HH:mm:ss.SSS"',
  },
];

const common: OptionSpec[] = [
  {
    key: 'field_delimiter',
    type: 'string',
    fallbackKeys: ['delimiter'],
    description: 'Separator between the fields of a line in text and csv files. Default: `\\u0001` (Hive\'s) for text, `,` for csv.',
    example: '"\\t"',
  },
  {
    key: 'row_delimiter',
    type: 'string',
    default: '\n',
    description: 'Separator between rows in text, csv and json files. With the default `\\n`, a `\\r` before it is dropped too when reading.',
    example: '"\\n"',
  },
  {
    key: 'compress_codec',
    type: 'enum',
    values: COMPRESS_CODECS,
    default: 'none',
    description:
      'Compression of the files: `none` or `gzip` for text, csv and json (SeaTunnel offers lzo instead); `none`, `snappy`, `gzip`, `brotli` or `zstd` (Node 22.15+) inside parquet files. lzo and lz4 are not supported. The source reads a parquet file\'s codec from the file.',
    example: 'gzip',
  },
  {
    key: 'encoding',
    type: 'string',
    default: 'UTF-8',
    description: 'Character set of text, csv and json files: UTF-8, ISO-8859-1 or US-ASCII (the source also reads GBK and GB18030).',
    example: '"ISO-8859-1"',
  },
  ...temporal,
];

export const LOCAL_FILE_SOURCE_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'path',
    type: 'string',
    required: true,
    description:
      'A file, or a directory read recursively (in path order; hidden files and directories, `_SUCCESS` and empty files are skipped). `file://` is allowed.',
    example: '"/data/orders"',
  },
  {
    key: 'file_format_type',
    type: 'enum',
    values: FILE_FORMATS,
    required: true,
    description: 'Format of the files: `text` (delimited lines), `csv` (RFC 4180), `json` (one JSON object per line) or `parquet`.',
    example: 'csv',
  },
  {
    key: 'schema',
    type: 'object',
    description:
      'The columns to read: `fields { name = type }` or `columns = [{name, type, ...}]`, optional `table`. Required for json; without it a text or csv line is one string column `content`, and parquet columns are read from the first file\'s footer (parquet columns are matched by name).',
    example: 'schema { fields { id = bigint, name = string } }',
  },
  {
    key: 'skip_header_row_number',
    type: 'long',
    default: 0,
    min: 0,
    description: 'Lines to skip at the start of every text or csv file (headers).',
    example: '1',
  },
  {
    key: 'file_filter_pattern',
    type: 'string',
    description:
      'A regular expression the whole file name must match; when it starts with `path`, it is matched against the file\'s path instead (SeaTunnel\'s rule).',
    example: '"orders_.*\\\\.csv"',
  },
  {
    key: 'parse_partition_from_path',
    type: 'boolean',
    default: true,
    description:
      'Read `key=value` directories in the path of the first file as extra string columns after the file\'s columns, filled per file from its own path (Hive layout; `%XX` escapes undone, `__HIVE_DEFAULT_PARTITION__` reads as null). Keys the files already have as columns are not added.',
    example: 'false',
  },
  {
    key: 'null_format',
    type: 'string',
    description: 'A text or csv field equal to this (unquoted) text is read as null, in addition to empty fields.',
    example: '"\\\\N"',
  },
  {
    key: 'enable_file_split',
    type: 'boolean',
    default: false,
    description:
      'Cut text, csv and json files larger than file_split_size into byte ranges that readers take in parallel, each range ending just after a row delimiter. Compressed files are read whole. Not for csv files whose quoted fields hold row delimiters: a range may start inside such a field.',
    example: 'true',
  },
  {
    key: 'file_split_size',
    type: 'long',
    default: 67108864,
    min: 1,
    description: 'With enable_file_split: the size in bytes of each range (the last one of a file may be smaller, each grows to the end of its last record).',
    example: '134217728',
  },
  ...common,
];

export const LOCAL_FILE_SINK_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'path',
    type: 'string',
    required: true,
    description:
      'The directory to write. `${table_name}`, `${schema_name}` and `${database_name}` are replaced by the parts of each table\'s path; with several tables and no `${table_name}`, each table gets a sub-directory named by its path.',
    example: '"/data/out/${table_name}"',
  },
  {
    key: 'file_format_type',
    type: 'enum',
    values: FILE_FORMATS,
    default: 'csv',
    description:
      'Format of the files: `text` (.txt), `csv` (.csv), `json` (.json, one object per line; `.gz` follows with gzip) or `parquet` (.parquet, after the codec\'s suffix: `.snappy.parquet`). Parquet keeps every type exactly: decimal(p, s), bigint, dates, times (nanoseconds), timestamps (microseconds), bytes, arrays, maps and rows.',
    example: 'parquet',
  },
  {
    key: 'custom_filename',
    type: 'boolean',
    default: false,
    description: 'Name files with file_name_expression instead of `${transactionId}`.',
    example: 'true',
  },
  {
    key: 'file_name_expression',
    type: 'string',
    default: '${transactionId}',
    description:
      'File name (when custom_filename is true) before `_<part>` and the extension: `${transactionId}` (`T_<jobId>_<writer id>_<subtask>_<checkpoint>`, required with transactions), `${now}` (filename_time_format), `${uuid}`.',
    example: '"orders_${transactionId}_${now}"',
  },
  {
    key: 'filename_time_format',
    type: 'string',
    default: 'yyyy.MM.dd',
    description: 'Pattern of `${now}` in file names (letters y M d H m s S, as Java\'s SimpleDateFormat).',
    example: '"yyyyMMddHHmmss"',
  },
  {
    key: 'is_enable_transaction',
    type: 'boolean',
    default: true,
    description:
      'Exactly-once output: rows are written to hidden staging files (`<path>/.sluice-staging/<jobId>/`) that become visible under their final names only when the checkpoint that covers them completes. When false, rows go straight to their final files.',
    example: 'false',
  },
  {
    key: 'sink_columns',
    type: 'list',
    elementType: 'string',
    description: 'The columns to write, in this order (names match case-insensitively). Default: all columns.',
    example: '["id", "name"]',
  },
  {
    key: 'batch_size',
    type: 'int',
    default: 1000000,
    min: 1,
    description: 'Rows per file: a writer starts a new file part after this many rows.',
    example: '100000',
  },
  {
    key: 'have_partition',
    type: 'boolean',
    default: false,
    description: 'Whether the output is partitioned. As in SeaTunnel\'s code, a non-empty partition_by partitions the output whatever this says.',
    example: 'true',
  },
  {
    key: 'partition_by',
    type: 'list',
    elementType: 'string',
    description:
      'Fields whose values name sub-directories of the table directory (Hive layout). Each must be one of the written columns; values are escaped as Hive escapes path names, and null or empty values go to `__HIVE_DEFAULT_PARTITION__`.',
    example: '["dt", "country"]',
  },
  {
    key: 'partition_dir_expression',
    type: 'string',
    default: '${k0}=${v0}/${k1}=${v1}/.../${kn}=${vn}/',
    description: 'The partition directory: `${kN}` is the N-th partition field\'s name, `${vN}` its value. The default means `k0=v0/k1=v1/...` for all fields.',
    example: '"${v0}/${v1}"',
  },
  {
    key: 'is_partition_field_write_in_file',
    type: 'boolean',
    default: false,
    description: 'Write the partition fields into the files too (by default they are only in the directory names, as Hive expects).',
    example: 'true',
  },
  {
    key: 'enable_header_write',
    type: 'boolean',
    default: false,
    description: 'Write the column names as the first line of every text or csv file.',
    example: 'true',
  },
  {
    key: 'csv_string_quote_mode',
    type: 'enum',
    values: CSV_QUOTE_MODES,
    default: 'MINIMAL',
    description:
      'Quoting of csv string fields: `MINIMAL` (only when needed; the empty string is written `""` so it stays apart from null, written as nothing), `ALL`, or `NONE` (never; values that would break the line fail the job).',
    example: 'ALL',
  },
  ...common,
];
