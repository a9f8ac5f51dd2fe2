import type { OptionSpec } from '../../../core/option-spec.js';
import { CONNECTION_OPTIONS } from '../jdbc-connection-options.js';

/**
 * Jdbc source options as SeaTunnel declares them (docs/en/connector-v2/source/Jdbc.md,
 * JdbcOptions.java, JdbcSourceOptions.java, JdbcSourceTableConfig.java): same keys and defaults.
 * `schema` is Sluice's addition (see its description).
 */
export const JDBC_SOURCE_OPTIONS: readonly OptionSpec[] = [
  ...CONNECTION_OPTIONS,
  {
    key: 'query',
    type: 'string',
    description: 'The SELECT to read. With partition_column it is split by ranges of that column (SeaTunnel\'s fixed splitter); else read as one split unless table_path names a table with a primary key.',
    example: '"select * from orders"',
  },
  {
    key: 'table_path',
    type: 'string',
    description: 'The table to read instead of a query: `database.schema.table` or `schema.table` (PostgreSQL), `database.table` (MySQL). Reads split by split.size rows along partition_column or the primary key / a unique key.',
    example: '"shop.public.orders"',
  },
  {
    key: 'table_list',
    type: 'list',
    elementType: 'object',
    description: 'Several tables from one source: entries with table_path and optional query, partition_column, partition_num, partition_lower_bound, partition_upper_bound (and Sluice\'s schema). Not together with table_path or query.',
    example: 'table_list = [{ table_path = "shop.public.orders" }, { table_path = "shop.public.items", query = "select * from items where id > 100" }]',
  },
  {
    key: 'where_condition',
    type: 'string',
    description: 'A row filter for every table and query, starting with `where`, e.g. `where id > 100`.',
    example: '"where created_at > \'2024-01-01\'"',
  },
  {
    key: 'fetch_size',
    type: 'int',
    default: 0,
    min: 0,
    description: 'Rows held back from the server at most while the job is busy (MySQL streaming buffer); 0 uses the default of 4096. PostgreSQL reads stream through COPY and need no fetch size.',
    example: '10000',
  },
  {
    key: 'partition_column',
    type: 'string',
    description: 'The column splits are cut along (numbers, strings and dates). With query: partition_num fixed ranges between the bounds; with table_path: chunks of split.size rows.',
    example: '"id"',
  },
  {
    key: 'partition_num',
    type: 'int',
    min: 1,
    description: 'With query and partition_column: the number of splits (SeaTunnel\'s code default is 10).',
    example: '8',
  },
  {
    key: 'partition_lower_bound',
    type: 'any',
    description: 'With query and partition_column: the smallest value read (inclusive); rows below it are not read. Default: MIN(partition_column). A number, or a date as `yyyy-MM-dd`.',
    example: '1',
  },
  {
    key: 'partition_upper_bound',
    type: 'any',
    description: 'With query and partition_column: the largest value read (inclusive); rows above it are not read. Default: MAX(partition_column).',
    example: '1000000',
  },
  { key: 'split.size', type: 'int', default: 8096, min: 1, description: 'Rows per split when a table is split by its key.', example: '10000' },
  {
    key: 'split.even-distribution.factor.upper-bound',
    type: 'double',
    default: 100,
    description: 'Largest (MAX - MIN + 1) / rows for which a numeric key is treated as evenly spread and cut by arithmetic; otherwise chunk ends are queried.',
    example: '100',
  },
  {
    key: 'split.even-distribution.factor.lower-bound',
    type: 'double',
    default: 0.05,
    description: 'Smallest (MAX - MIN + 1) / rows for which a numeric key is treated as evenly spread.',
    example: '0.05',
  },
  { key: 'split.sample-sharding.threshold', type: 'int', default: 1000, min: 1, description: 'SeaTunnel: splits above which sampling cuts uneven keys. Accepted; Sluice queries chunk ends instead.', example: '1000' },
  { key: 'split.inverse-sampling.rate', type: 'int', default: 1000, min: 1, description: 'SeaTunnel: the sampling rate of sample sharding. Accepted; not used.', example: '1000' },
  { key: 'use_select_count', type: 'boolean', default: false, description: 'Count rows with SELECT COUNT(*) instead of the catalog\'s estimate when planning splits.', example: 'true' },
  { key: 'skip_analyze', type: 'boolean', default: false, description: 'SeaTunnel (Oracle only): skip ANALYZE before counting. Accepted; Sluice never analyzes.', example: 'true' },
  { key: 'decimal_type_narrowing', type: 'boolean', default: true, description: 'SeaTunnel (Oracle only): narrow NUMBER columns to integers. Accepted; no effect on PostgreSQL and MySQL.', example: 'false' },
  {
    key: 'schema',
    type: 'object',
    description:
      'Sluice: the columns the source emits, as FakeSource declares them (`fields { id = bigint, name = string }` or `columns = [...]`, optional `table`). Needed until Sluice reads catalogs at plan time: without it the plan knows no columns, rows carry every column of the result in database types, and downstream sinks map them by position. With it, only these columns are read, by name, converted to the declared types (JSON text to arrays, maps and rows).',
    example: 'schema { fields { id = bigint, name = string, tags = "array<string>" } }',
  },
];
