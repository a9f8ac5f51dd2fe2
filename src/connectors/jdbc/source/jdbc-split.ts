import type { SourceSplit } from '../../../core/plugin.js';
import type { DbColumn } from '../jdbc-session.js';
import type { SqlDialect } from '../sql-dialect.js';

/**
 * A part of one table's rows, as plain JSON (it is checkpointed). Key values are kept as the
 * database's own text and compared by the database, so splits follow its types and collations
 * exactly: together a table's splits cover every row once, NULL keys included (in the first split).
 */
export interface JdbcSplit extends SourceSplit {
  /** Index of the table in the source's table configs. */
  table: number;
  /** The column the rows are cut along. */
  key?: string;
  /** `lower <= key < upper` (`<= upper` when upperInclusive); a missing end is open. */
  range?: { lower?: string; upper?: string; upperInclusive?: boolean; nulls?: boolean };
  /** `hash(key) mod count = index` (string keys with a fixed partition_num). */
  bucket?: { index: number; count: number; nulls: boolean };
  /** How rows are ordered so that a position can be resumed. */
  order: { columns: string[]; unique: boolean };
  /** Rows already read: the order columns' texts of the last row (unique order), or a count. */
  position?: { after?: string[]; offset?: number };
}

export interface SplitQueryParts {
  /** The table or query with where_condition applied, as a derived table source. */
  base: string;
  /** Selected columns, in the order rows carry them. */
  columns: readonly DbColumn[];
  /** All columns of the base (for key lookups). */
  all: readonly DbColumn[];
}

/** `SELECT <columns> FROM (<base>) WHERE <split> [AND <after position>] ORDER BY <order> [OFFSET n]`. */
export function splitSql(dialect: SqlDialect, split: JdbcSplit, parts: SplitQueryParts): string {
  const q = (name: string): string => dialect.quote(name);
  const byName = new Map(parts.all.map((column) => [column.name, column]));
  const column = (name: string): DbColumn => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`column ${name} is not in the result of the table or query`);
    return found;
  };
  const conditions: string[] = [];
  if (split.key !== undefined && split.range !== undefined) {
    const key = column(split.key);
    const { lower, upper, upperInclusive, nulls } = split.range;
    const terms: string[] = [];
    if (lower !== undefined) terms.push(`${q(key.name)} >= ${dialect.keyLiteral(key, lower)}`);
    if (upper !== undefined) terms.push(`${q(key.name)} ${upperInclusive ? '<=' : '<'} ${dialect.keyLiteral(key, upper)}`);
    if (terms.length === 0) terms.push(`${q(key.name)} IS NOT NULL`);
    const range = terms.join(' AND ');
    conditions.push(nulls ? `(${q(key.name)} IS NULL OR (${range}))` : range);
  }
  if (split.key !== undefined && split.bucket !== undefined) {
    const key = column(split.key);
    const { index, count, nulls } = split.bucket;
    const bucket = `${dialect.hashBucket(key, count)} = ${index}`;
    conditions.push(nulls ? `(${q(key.name)} IS NULL OR ${bucket})` : bucket);
  }
  const after = split.position?.after;
  if (split.order.unique && after !== undefined) {
    const orderColumns = split.order.columns.map(column);
    const left = orderColumns.map((c) => q(c.name));
    const right = orderColumns.map((c, i) => dialect.keyLiteral(c, after[i]!));
    conditions.push(left.length === 1 ? `${left[0]} > ${right[0]}` : `(${left.join(', ')}) > (${right.join(', ')})`);
  }
  const select = parts.columns.map((c) => dialect.selectExpression(c)).join(', ');
  let sql = `SELECT ${select} FROM (${parts.base}) AS st_jdbc_splitter`;
  if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
  if (split.order.columns.length > 0) sql += ` ORDER BY ${split.order.columns.map(q).join(', ')}`;
  if (!split.order.unique && (split.position?.offset ?? 0) > 0) sql += dialect.offset(split.position!.offset!);
  return sql;
}
