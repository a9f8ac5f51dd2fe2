import type { OptionSpec } from '../../../core/option-spec.js';
import { CONNECTION_OPTIONS } from '../jdbc-connection-options.js';

export const SCHEMA_SAVE_MODES = ['RECREATE_SCHEMA', 'CREATE_SCHEMA_WHEN_NOT_EXIST', 'ERROR_WHEN_SCHEMA_NOT_EXIST', 'IGNORE'] as const;
export const DATA_SAVE_MODES = ['DROP_DATA', 'APPEND_DATA', 'CUSTOM_PROCESSING', 'ERROR_WHEN_DATA_EXISTS'] as const;

/**
 * Jdbc sink options as SeaTunnel declares them (docs/en/connector-v2/sink/Jdbc.md, JdbcOptions.java,
 * JdbcSinkFactory.java): same keys and defaults.
 */
export const JDBC_SINK_OPTIONS: readonly OptionSpec[] = [
  ...CONNECTION_OPTIONS,
  {
    key: 'query',
    type: 'string',
    description: 'A statement run for every row, its `?` placeholders bound to the row\'s fields in order (or `:field` by name), e.g. `insert into t(name, age) values(?, ?)`. Without it the statements are generated from database and table.',
    example: '"insert into test_table(name, age) values(?, ?)"',
  },
  {
    key: 'database',
    type: 'string',
    description: 'The database written to when statements are generated; `${database_name}` (the default) is the input table\'s database, else the url\'s. PostgreSQL writes go to the url\'s database.',
    example: '"shop"',
  },
  {
    key: 'table',
    type: 'string',
    description:
      'The table written to when statements are generated; may use `${database_name}`, `${schema_name}` and `${table_name}` of the input table (default `${table_name}`). PostgreSQL tables may be written `schema.table`.',
    example: '"public.${table_name}_copy"',
  },
  {
    key: 'primary_keys',
    type: 'list',
    elementType: 'string',
    description: 'Columns identifying a row: with them, INSERT and UPDATE_AFTER rows are upserted and UPDATE_BEFORE and DELETE rows delete. Default: the input table\'s primary key, else its first unique key.',
    example: '["id"]',
  },
  { key: 'support_upsert_by_query_primary_key_exist', type: 'boolean', default: false, description: 'SeaTunnel: upsert by querying whether the key exists, for databases without upsert. Accepted; PostgreSQL and MySQL upsert natively.', example: 'true' },
  { key: 'max_retries', type: 'int', default: 0, min: 0, description: 'Further attempts of a failed flush (dropped connections get at least 4, 0.5 s to 4 s apart).', example: '3' },
  { key: 'batch_size', type: 'int', default: 1000, min: 1, description: 'Rows buffered before they are written (one COPY or a few multi-row statements); all buffered rows are also written at every checkpoint.', example: '10000' },
  {
    key: 'is_exactly_once',
    type: 'boolean',
    default: false,
    description:
      'Exactly-once output through two-phase commit: rows between checkpoints go into one transaction per writer, prepared at the checkpoint (PostgreSQL PREPARE TRANSACTION, MySQL XA PREPARE) and committed once the checkpoint is stored. PostgreSQL needs max_prepared_transactions > 0; MySQL 5.7.7+ or MariaDB 10.5+.',
    example: 'true',
  },
  { key: 'generate_sink_sql', type: 'boolean', default: false, description: 'Generate the statements from database and table (also done whenever query is not set).', example: 'true' },
  { key: 'xa_data_source_class_name', type: 'string', description: 'SeaTunnel: the XA data source class. Accepted; Sluice uses the database\'s own two-phase commit.', example: '"com.mysql.cj.jdbc.MysqlXADataSource"' },
  { key: 'max_commit_attempts', type: 'int', default: 3, min: 1, description: 'Attempts to commit a prepared transaction when the connection fails.', example: '5' },
  { key: 'transaction_timeout_sec', type: 'int', default: -1, description: 'SeaTunnel: XA transaction timeout. Accepted; transactions last until the next checkpoint.', example: '-1' },
  { key: 'auto_commit', type: 'boolean', default: true, description: 'Without is_exactly_once, every batch is committed as it is written. Accepted for compatibility; batches are always committed.', example: 'true' },
  { key: 'field_ide', type: 'enum', values: ['ORIGINAL', 'UPPERCASE', 'LOWERCASE'], description: 'Converts the names of created tables and of written columns: ORIGINAL, UPPERCASE or LOWERCASE.', example: 'LOWERCASE' },
  {
    key: 'schema_save_mode',
    type: 'enum',
    values: SCHEMA_SAVE_MODES,
    default: 'CREATE_SCHEMA_WHEN_NOT_EXIST',
    description: 'At job start, for the target table: RECREATE_SCHEMA (drop and create), CREATE_SCHEMA_WHEN_NOT_EXIST, ERROR_WHEN_SCHEMA_NOT_EXIST or IGNORE. Only with generated statements.',
    example: 'RECREATE_SCHEMA',
  },
  {
    key: 'data_save_mode',
    type: 'enum',
    values: DATA_SAVE_MODES,
    default: 'APPEND_DATA',
    description: 'At job start, for rows already in the target table: DROP_DATA (truncate), APPEND_DATA, CUSTOM_PROCESSING (run custom_sql) or ERROR_WHEN_DATA_EXISTS. Applied once per job, not again when it is restored.',
    example: 'DROP_DATA',
  },
  { key: 'custom_sql', type: 'string', description: 'The statement data_save_mode = CUSTOM_PROCESSING runs at job start.', example: '"delete from t where day = current_date"' },
  { key: 'enable_upsert', type: 'boolean', default: true, description: 'With primary keys: upsert INSERT rows. False writes INSERT rows with plain (bulk) inserts, faster when keys never repeat; UPDATE_AFTER rows still upsert.', example: 'false' },
  { key: 'is_primary_key_updated', type: 'boolean', default: true, description: 'SeaTunnel: whether updates set key columns. Accepted; upserts never change the key.', example: 'false' },
  { key: 'support_upsert_by_insert_only', type: 'boolean', default: false, description: 'Write INSERT and UPDATE_AFTER rows with plain inserts (no upsert).', example: 'true' },
  { key: 'use_copy_statement', type: 'boolean', default: false, description: 'SeaTunnel: use COPY FROM STDIN on PostgreSQL. Sluice always uses COPY for plain inserts on PostgreSQL.', example: 'true' },
  { key: 'create_index', type: 'boolean', default: true, description: 'Create the primary key when a table is created.', example: 'false' },
];
