import { OptionError, type ConfigProblem } from '../../../core/errors.js';
import type { OptionValues } from '../../../core/option-spec.js';
import type { TableSchema } from '../../../core/table.js';
import { describeValue, readPath } from '../../common/config-path.js';
import { DEFAULT_TABLE_PATH, parseSchemaConfig } from '../../common/schema-config.js';
import { parseDateText } from '../../common/temporal-text.js';
import { connectionProblems, readConnection, type ConnectionSettings } from '../jdbc-connection-options.js';
import type { DbTablePath } from '../jdbc-session.js';
import { dialectFor } from '../open-session.js';
import { splitPath } from '../split-path.js';

/** One table (or query) the source reads: the top-level options, or one table_list entry. */
export interface SourceTableConfig {
  /** The table_path as written, if any. */
  tablePath: string | undefined;
  query: string | undefined;
  partitionColumn: string | undefined;
  partitionNum: number | undefined;
  /** Bounds as text: a number or a `yyyy-MM-dd` date. */
  lowerBound: string | undefined;
  upperBound: string | undefined;
  /** The declared columns (Sluice's `schema` option), if any. */
  schema: TableSchema | undefined;
  /** Where the table's options live, for messages: `table_list[1]` or ''. */
  where: string;
}

export interface JdbcSourceSettings {
  connection: ConnectionSettings;
  tables: SourceTableConfig[];
  whereCondition: string | undefined;
  fetchSize: number;
  splitSize: number;
  factorUpper: number;
  factorLower: number;
  useSelectCount: boolean;
}

export function readSourceSettings(options: OptionValues): JdbcSourceSettings {
  const list = options['table_list'] as Record<string, unknown>[] | undefined;
  const tables = list === undefined ? [tableConfig(options, '')] : list.map((entry, i) => tableConfig(entry, `table_list[${i}]`));
  const where = options['where_condition'] as string | undefined;
  return {
    connection: readConnection(options),
    tables,
    whereCondition: where === undefined || where.trim() === '' ? undefined : where.trim(),
    fetchSize: Number(options['fetch_size'] ?? 0),
    splitSize: Number(options['split.size'] ?? 8096),
    factorUpper: Number(options['split.even-distribution.factor.upper-bound'] ?? 100),
    factorLower: Number(options['split.even-distribution.factor.lower-bound'] ?? 0.05),
    useSelectCount: options['use_select_count'] === true,
  };
}

function tableConfig(source: Record<string, unknown>, where: string): SourceTableConfig {
  const text = (key: string): string | undefined => {
    const value = readPath(source, key);
    return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);
  };
  const at = (key: string): string => (where === '' ? key : `${where}.${key}`);
  const num = readPath(source, 'partition_num');
  const schema = readPath(source, 'schema');
  return {
    tablePath: text('table_path'),
    query: text('query'),
    partitionColumn: text('partition_column'),
    partitionNum: num === undefined || num === null ? undefined : Number(num),
    lowerBound: bound(readPath(source, 'partition_lower_bound'), at('partition_lower_bound')),
    upperBound: bound(readPath(source, 'partition_upper_bound'), at('partition_upper_bound')),
    schema: schema === undefined || schema === null ? undefined : parseSchemaConfig(schema, undefined, at('schema')),
    where,
  };
}

function bound(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return text;
    const date = parseDateText(text);
    if (date !== undefined) return date;
  }
  throw new OptionError(at, `expected a number or a date like 2024-01-31, got ${describeValue(value)}`);
}

export function validateSourceOptions(options: OptionValues): ConfigProblem[] {
  const problems = connectionProblems(options);
  const hasList = options['table_list'] !== undefined;
  const hasSingle = options['query'] !== undefined || options['table_path'] !== undefined;
  if (hasList && hasSingle) problems.push({ path: 'table_list', message: 'configure either table_list or table_path/query, not both' });
  if (!hasList && !hasSingle) problems.push({ path: '', message: 'Jdbc source needs query, table_path or table_list' });
  const where = options['where_condition'];
  if (typeof where === 'string' && where.trim() !== '' && !/^where\b/i.test(where.trim())) {
    problems.push({ path: 'where_condition', message: `must start with "where", e.g. "where id > 100", got ${JSON.stringify(where)}` });
  }
  if (problems.length > 0) return problems;
  try {
    const settings = readSourceSettings(options);
    const seen = new Set<string>();
    for (const table of settings.tables) {
      const at = (key: string): string => (table.where === '' ? key : `${table.where}.${key}`);
      if (table.tablePath === undefined && table.query === undefined) problems.push({ path: table.where, message: 'needs table_path or query' });
      if (settings.tables.length > 1) {
        const path = tablePathOf(settings, table, undefined);
        if (seen.has(path)) problems.push({ path: at('table_path'), message: `table ${path} is read twice; table paths must be unique` });
        seen.add(path);
      }
      if ((table.lowerBound !== undefined || table.upperBound !== undefined) && table.partitionColumn === undefined) {
        problems.push({ path: at('partition_column'), message: 'partition bounds need partition_column' });
      }
    }
  } catch (error) {
    if (error instanceof OptionError) problems.push({ path: error.option, message: error.message });
    else throw error;
  }
  return problems;
}

/**
 * The path rows of this table carry: the table_path (PostgreSQL `db.schema.table`, MySQL
 * `db.table`, the database taken from the url when left out), else the declared schema's table,
 * else the table a simple `SELECT ... FROM t` reads, else plugin_output, else default.default.default.
 */
export function tablePathOf(settings: JdbcSourceSettings, table: SourceTableConfig, outputName: string | undefined): string {
  const dialect = dialectFor(settings.connection.target.kind);
  const format = (path: DbTablePath): string => [path.database, path.schema, path.table].filter((part) => part !== undefined && part !== '').join('.');
  if (table.tablePath !== undefined) return format(dialect.parseTablePath(table.tablePath, settings.connection.target));
  if (table.schema !== undefined && table.schema.tablePath !== DEFAULT_TABLE_PATH) return table.schema.tablePath;
  const from = table.query === undefined ? undefined : simpleFromTable(table.query);
  if (from !== undefined) return format(dialect.parseTablePath(from, settings.connection.target));
  return outputName ?? DEFAULT_TABLE_PATH;
}

/** The table of `SELECT ... FROM t [WHERE ...]` when the query reads exactly one table. */
function simpleFromTable(query: string): string | undefined {
  if (/\b(join|union|intersect|except)\b|\(\s*select\b|,\s*[`"\w]+\s*(where|$)/i.test(query)) return undefined;
  const match = /\bfrom\s+((?:(?:"[^"]+"|`[^`]+`|[\w$]+)\s*\.\s*){0,2}(?:"[^"]+"|`[^`]+`|[\w$]+))/i.exec(query);
  if (match === null) return undefined;
  return splitPath(match[1]!.replace(/\s+/g, '')).join('.');
}

/** The tables the source emits, from options alone: the declared columns, or none until the reader discovers them. */
export function sourceTables(settings: JdbcSourceSettings, outputName: string | undefined): TableSchema[] {
  return settings.tables.map((table) => {
    const tablePath = tablePathOf(settings, table, outputName);
    if (table.schema === undefined) return { tablePath, columns: [] };
    return { ...table.schema, tablePath };
  });
}
