import type { DataType } from '../../../core/data-type.js';
import type { Column } from '../../../core/table.js';
import type { DbColumn, DbTablePath, ValueEncoder } from '../jdbc-session.js';
import type { JdbcTarget } from '../jdbc-url.js';
import { param } from '../jdbc-url.js';
import type { SqlDialect } from '../sql-dialect.js';
import { splitPath } from '../split-path.js';
import { copyEncoder, literalEncoder, quoteLiteral } from './pg-values.js';
import { pgColumnType } from './postgres-types.js';

/** PostgreSQL's spelling of SQL (SeaTunnel's PostgresDialect). */
export const postgresDialect: SqlDialect = {
  kind: 'postgresql',
  label: 'PostgreSQL',

  quote(identifier: string): string {
    return `"${identifier.replace(/"/g, '""')}"`;
  },

  qualified(path: DbTablePath): string {
    return path.schema === undefined ? this.quote(path.table) : `${this.quote(path.schema)}.${this.quote(path.table)}`;
  },

  /** `db.schema.table`, `schema.table` or `table`; the schema defaults to currentSchema in the URL, else `public`. */
  parseTablePath(text: string, target: JdbcTarget): DbTablePath {
    const parts = splitPath(text);
    const table = parts[parts.length - 1]!;
    const schema = parts.length >= 2 ? parts[parts.length - 2]! : (param(target, 'currentSchema')?.split(',')[0] ?? 'public');
    const database = parts.length === 3 ? parts[0]! : target.database;
    return { database, schema, table };
  },

  selectExpression(column: DbColumn): string {
    // money prints with the server's currency format; numeric keeps the digits.
    return column.dbType === 'money' ? `${this.quote(column.name)}::numeric AS ${this.quote(column.name)}` : this.quote(column.name);
  },

  keyLiteral(column: DbColumn, text: string): string {
    return `${quoteLiteral(text)}::${column.dbType}`;
  },

  hashBucket(column: DbColumn, buckets: number): string {
    return `MOD(ABS(hashtext(${this.quote(column.name)}::text)::bigint), ${buckets})`;
  },

  offset(rows: number): string {
    return rows > 0 ? ` OFFSET ${rows}` : '';
  },

  columnType(column: Column): string {
    return pgColumnType(column);
  },

  bulkEncoder(type: DataType, _target: DbColumn): ValueEncoder {
    return copyEncoder(type);
  },

  literalEncoder(type: DataType, _target: DbColumn): ValueEncoder {
    return literalEncoder(type);
  },
};
