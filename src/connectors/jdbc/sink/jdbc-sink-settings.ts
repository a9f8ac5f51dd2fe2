import type { ConfigProblem } from '../../../core/errors.js';
import type { OptionValues } from '../../../core/option-spec.js';
import type { TableSchema } from '../../../core/table.js';
import { DEFAULT_TABLE_PATH } from '../../common/schema-config.js';
import { connectionProblems, readConnection, type ConnectionSettings } from '../jdbc-connection-options.js';
import type { DbTablePath } from '../jdbc-session.js';
import type { JdbcTarget } from '../jdbc-url.js';
import { findPlaceholders } from '../placeholders.js';
import type { SqlDialect } from '../sql-dialect.js';
import { splitPath } from '../split-path.js';
import type { DATA_SAVE_MODES, SCHEMA_SAVE_MODES } from './jdbc-sink-options.js';

export interface JdbcSinkSettings {
  connection: ConnectionSettings;
  query: string | undefined;
  database: string;
  table: string;
  primaryKeys: string[] | undefined;
  batchSize: number;
  maxRetries: number;
  exactlyOnce: boolean;
  maxCommitAttempts: number;
  fieldIde: 'ORIGINAL' | 'UPPERCASE' | 'LOWERCASE';
  schemaSaveMode: (typeof SCHEMA_SAVE_MODES)[number];
  dataSaveMode: (typeof DATA_SAVE_MODES)[number];
  customSql: string | undefined;
  enableUpsert: boolean;
  insertOnly: boolean;
  createIndex: boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function readSinkSettings(options: OptionValues): JdbcSinkSettings {
  const keys = options['primary_keys'] as string[] | undefined;
  return {
    connection: readConnection(options),
    query: text(options['query']),
    database: text(options['database']) ?? '${database_name}',
    table: text(options['table']) ?? '${table_name}',
    primaryKeys: keys === undefined || keys.length === 0 ? undefined : keys,
    batchSize: Number(options['batch_size'] ?? 1000),
    maxRetries: Number(options['max_retries'] ?? 0),
    exactlyOnce: options['is_exactly_once'] === true,
    maxCommitAttempts: Number(options['max_commit_attempts'] ?? 3),
    fieldIde: (options['field_ide'] as JdbcSinkSettings['fieldIde'] | undefined) ?? 'ORIGINAL',
    schemaSaveMode: (options['schema_save_mode'] as JdbcSinkSettings['schemaSaveMode'] | undefined) ?? 'CREATE_SCHEMA_WHEN_NOT_EXIST',
    dataSaveMode: (options['data_save_mode'] as JdbcSinkSettings['dataSaveMode'] | undefined) ?? 'APPEND_DATA',
    customSql: text(options['custom_sql']),
    enableUpsert: options['enable_upsert'] !== false,
    insertOnly: options['support_upsert_by_insert_only'] === true,
    createIndex: options['create_index'] !== false,
  };
}

export function validateSinkOptions(options: OptionValues): ConfigProblem[] {
  const problems = connectionProblems(options);
  if (options['data_save_mode'] === 'CUSTOM_PROCESSING' && text(options['custom_sql']) === undefined) {
    problems.push({ path: 'custom_sql', message: 'data_save_mode = CUSTOM_PROCESSING needs custom_sql' });
  }
  if (options['generate_sink_sql'] === true && text(options['query']) !== undefined) {
    problems.push({ path: 'query', message: 'query is ignored with generate_sink_sql = true; remove one of them', severity: 'warning' });
  }
  return problems;
}

/** Plan-time checks against the input tables (when their columns are known). */
export function checkSinkTables(options: OptionValues, tables: TableSchema[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (connectionProblems(options).length > 0) return problems;
  const settings = readSinkSettings(options);
  for (const table of tables) {
    if (table.columns.length === 0) continue;
    const names = new Set(table.columns.map((c) => c.name));
    for (const key of settings.primaryKeys ?? []) {
      if (!names.has(key)) problems.push({ path: 'primary_keys', message: `column ${key} is not in input table ${table.tablePath} (it has ${[...names].join(', ')})` });
    }
    if (settings.query !== undefined) {
      for (const placeholder of findPlaceholders(settings.query, settings.connection.target.kind)) {
        if (placeholder.name !== undefined && !names.has(placeholder.name)) problems.push({ path: 'query', message: `:${placeholder.name} is not a field of input table ${table.tablePath}` });
      }
    }
  }
  return problems;
}

/** The input table's key: primary_keys, else its primary key, else its first unique key. */
export function keyColumnsOf(settings: JdbcSinkSettings, table: TableSchema): string[] | undefined {
  if (settings.primaryKeys !== undefined) return settings.primaryKeys;
  if (table.primaryKey !== undefined && table.primaryKey.columns.length > 0) return table.primaryKey.columns;
  const unique = table.constraintKeys?.find((key) => key.type === 'UNIQUE_KEY');
  return unique?.columns.map((c) => c.name);
}

/** Applies field_ide to an identifier. */
export function identifier(settings: JdbcSinkSettings, name: string): string {
  return settings.fieldIde === 'UPPERCASE' ? name.toUpperCase() : settings.fieldIde === 'LOWERCASE' ? name.toLowerCase() : name;
}

/**
 * The table rows of `input` go to (SeaTunnel's JdbcSinkFactory): `database` and `table` with
 * `${database_name}`, `${schema_name}`, `${table_name}` replaced by the parts of the input's path;
 * unresolved parts fall back to the url's database and the default schema.
 */
export function targetTable(settings: JdbcSinkSettings, input: TableSchema, dialect: SqlDialect, target: JdbcTarget): DbTablePath {
  // default.default.default names no real table (a source without one): only its last part counts.
  const parts = input.tablePath === DEFAULT_TABLE_PATH ? ['default'] : input.tablePath.split('.');
  const source = {
    database: parts.length >= 2 ? parts[0] : undefined,
    schema: parts.length === 3 ? parts[1] : undefined,
    table: parts[parts.length - 1],
  };
  const fill = (pattern: string): string | undefined => {
    let unresolved = false;
    const value = pattern.replace(/\$\{(database_name|schema_name|table_name)\}/g, (_m, key: string) => {
      const part = key === 'database_name' ? source.database : key === 'schema_name' ? source.schema : source.table;
      if (part === undefined) unresolved = true;
      return part ?? '';
    });
    return unresolved && value.replace(/[._]/g, '') === '' ? undefined : value;
  };
  const tableParts = splitPath(fill(settings.table) ?? source.table ?? 'sink').filter((part) => part !== '');
  const name = identifier(settings, tableParts[tableParts.length - 1] ?? 'sink');
  const database = fill(settings.database) ?? target.database;
  if (dialect.kind === 'postgresql') {
    const schema = tableParts.length >= 2 ? tableParts[tableParts.length - 2] : undefined;
    return { database: target.database, schema: schema === undefined ? undefined : identifier(settings, schema), table: name };
  }
  return { database: tableParts.length >= 2 ? tableParts[0]! : database, schema: undefined, table: name };
}
