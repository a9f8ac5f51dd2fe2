import type { DataType } from '../../core/data-type.js';
import type { Column } from '../../core/table.js';
import type { DbColumn, DbTablePath, ValueEncoder } from './jdbc-session.js';
import type { DatabaseKind, JdbcTarget } from './jdbc-url.js';

/** The pure, I/O-free part of a database: how its SQL is spelled and how values are rendered. */
export interface SqlDialect {
  readonly kind: DatabaseKind;
  /** `PostgreSQL` or `MySQL`, for messages. */
  readonly label: string;
  quote(identifier: string): string;
  qualified(path: DbTablePath): string;
  /** A table_path (`db.schema.table`, `schema.table`, `table` / `db.table`, `table`) without I/O. */
  parseTablePath(text: string, target: JdbcTarget): DbTablePath;
  /** The expression a reader selects a column with (a cast where the column's own text would lose data). */
  selectExpression(column: DbColumn): string;
  /** A SQL literal equal to a key column's value, from the database text the cursor reported. */
  keyLiteral(column: DbColumn, text: string): string;
  /** An expression in 0..buckets-1 spreading a string key's values (SeaTunnel's hashModForField). */
  hashBucket(column: DbColumn, buckets: number): string;
  /** Skips the first `rows` rows of an ordered query. */
  offset(rows: number): string;
  /** The column type CREATE TABLE uses for a core column. */
  columnType(column: Column): string;
  /** Renders values of core type `type` for the bulk insert path into column `target`. */
  bulkEncoder(type: DataType, target: DbColumn): ValueEncoder;
  /** Renders values of core type `type` as SQL literals for column `target`. */
  literalEncoder(type: DataType, target: DbColumn): ValueEncoder;
}
