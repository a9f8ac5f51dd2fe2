import type { Readable } from 'node:stream';
import type { DataType } from '../../core/data-type.js';
import type { Row } from '../../core/row.js';
import type { DatabaseKind, JdbcTarget } from './jdbc-url.js';
import type { SqlDialect } from './sql-dialect.js';

/** A table in the database: PostgreSQL has a schema level, MySQL does not. */
export interface DbTablePath {
  database: string;
  schema: string | undefined;
  table: string;
}

/** A column as the database describes it, with the core type its values are read as. */
export interface DbColumn {
  name: string;
  /** The database's spelling of the type: `numeric(10,2)`, `text[]`, `bigint unsigned`, `tinyint(1)`. */
  dbType: string;
  /** The core type values of this column are read as (SeaTunnel's mapping for the database). */
  type: DataType;
  nullable: boolean;
  /** Whether ORDER BY and range comparisons work on it (not json, xml, geometry ...). */
  orderable: boolean;
  /** Numeric class used for split arithmetic: integers (exact bigint math), other numbers, dates, strings, or none. */
  splitClass: 'integer' | 'number' | 'date' | 'string' | undefined;
  columnLength?: number;
  columnScale?: number;
  /** What the session needs to decode the column (PostgreSQL type details, MySQL field flags). */
  native?: unknown;
}

export interface DbTable {
  path: DbTablePath;
  columns: DbColumn[];
  primaryKey: string[] | undefined;
  /** Unique keys whose columns are all NOT NULL (usable as exact row positions). */
  uniqueKeys: string[][];
}

/**
 * Rows streamed from a query. Memory stays bounded: rows are pulled from the server only as
 * `next` asks for them (COPY TO or a streaming result, paused between calls).
 */
export interface RowCursor {
  /** Up to `max` rows of the cursor's table (fields in the query's column order, of the columns' core types); null once the result ended. */
  next(max: number): Promise<Row[] | null>;
  /** The database text of the key columns (given when the cursor opened) of the last row returned. */
  lastKeyTexts(): string[] | undefined;
  /** Stops reading; idempotent. */
  close(): Promise<void>;
}

/** One open connection. Every method throws the driver's error; callers name connector and table. */
export interface JdbcSession {
  readonly kind: DatabaseKind;
  readonly target: JdbcTarget;
  /** How this server spells SQL (MySQL's depends on sql_mode). */
  readonly dialect: SqlDialect;
  /** The schema unqualified names resolve to (PostgreSQL's current_schema(); undefined for MySQL). */
  readonly defaultSchema: string | undefined;
  /** Runs SQL; values come back as database text (bytes as hex for MySQL), NULL as null. */
  query(sql: string): Promise<(string | null)[][]>;
  /** Runs a statement and returns the affected row count. */
  execute(sql: string): Promise<number>;
  /** The columns a query returns, without running it to completion. */
  describeQuery(sql: string): Promise<DbColumn[]>;
  /** The table's columns and keys, or undefined when it does not exist. */
  describeTable(path: DbTablePath): Promise<DbTable | undefined>;
  /** The catalog's estimate of a table's row count (no scan); undefined when it has none. */
  estimateRows(path: DbTablePath): Promise<number | undefined>;
  /** Streams the rows of `sql` as rows of table `tableId`, decoded with `columns`; `keyColumns` are indexes whose raw text `lastKeyTexts` reports. */
  openCursor(sql: string, columns: readonly DbColumn[], keyColumns: readonly number[], fetchSize: number, tableId: string): RowCursor;
  /**
   * A batch for `insertBatch`, encoded row by row as rows arrive in the fastest form the database
   * reads (binary or text COPY, multi-row INSERT). `encoders` render values as text; `types` are
   * the values' core types, for databases with a binary form.
   */
  newInsertBatch(columns: readonly DbColumn[], encoders: readonly ValueEncoder[], types: readonly DataType[]): InsertBatch;
  /** Appends a batch's rows; the same batch can be written again (on another session) after a failure. */
  insertBatch(table: DbTablePath, columns: readonly DbColumn[], batch: InsertBatch): Promise<void>;
  /** Inserts or replaces rows by `keyColumns` (indexes into columns). */
  upsertRows(table: DbTablePath, columns: readonly DbColumn[], keyColumns: readonly number[], rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void>;
  /** Deletes the rows with these keys (each an array of key values, encoded with `literals`). */
  deleteRows(table: DbTablePath, keyColumns: readonly DbColumn[], keys: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void>;
  /** Runs a user statement with `?` placeholders once per row, values bound in order. */
  executeForRows(sql: string, rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Two-phase commit: starts a transaction that `prepare(gid)` can prepare (MySQL XA needs the id up front). */
  beginPrepared(gid: string): Promise<void>;
  prepare(gid: string): Promise<void>;
  /** Commits a prepared transaction; false when no prepared transaction has that id (already committed or rolled back). */
  commitPrepared(gid: string): Promise<boolean>;
  rollbackPrepared(gid: string): Promise<boolean>;
  /** Ids of prepared transactions waiting in this database whose id starts with `prefix`. */
  listPrepared(prefix: string): Promise<string[]>;
  /** Why two-phase commit cannot work on this server (with how to enable it), or undefined when it can. */
  preparedTransactionsProblem(): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Rows to append, held only in their encoded form: the rows themselves can be collected as soon
 * as they are added, so a large batch costs its bytes, not its objects.
 */
export interface InsertBatch {
  readonly rows: number;
  /** Encodes one row (values in column order); throws ColumnEncodeError naming the column. */
  add(row: readonly unknown[]): void;
  /** Adds a row whose fields are the columns in order by the bytes it was read as, when they are what this batch writes; false (nothing added) otherwise. */
  addEncoded?(row: Row): boolean;
  /**
   * Set by batches that `insertBatch` can write while they still fill (PostgreSQL COPY): how many
   * chunks of encoded rows are ready to send. `seal` ends such a batch, and its write with it.
   */
  readonly chunksReady?: number;
  seal?(): void;
}

/** A column whose database type has no SeaTunnel type. */
export interface UnsupportedColumn {
  name: string;
  unsupported: string;
}

/** Every column of a table or query that Sluice cannot map, reported together. */
export class UnsupportedTypesError extends Error {
  constructor(readonly columns: UnsupportedColumn[]) {
    super(`${columns.map((c) => `column ${c.name} has type ${c.unsupported}`).join(', ')}, which Sluice cannot map to a SeaTunnel type`);
  }
}

/** Renders a core value for the database (COPY text field, SQL literal); throws ValueEncodeError when it cannot. */
export type ValueEncoder = (value: unknown) => string;

export class ValueEncodeError extends Error {}

/** A value of column `column` (index into the written columns) that an encoder refused; `cause` says why. */
export class ColumnEncodeError extends Error {
  constructor(
    readonly column: number,
    readonly value: unknown,
    cause: unknown,
  ) {
    super(`column ${column + 1}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** Runs `encode` on value `i` of a row; a failure names the column index. */
export function encodeColumn(encoders: readonly ValueEncoder[], row: readonly unknown[], i: number): string {
  try {
    return encoders[i]!(row[i]);
  } catch (error) {
    throw new ColumnEncodeError(i, row[i], error);
  }
}

/** Resolves when a stream has data to read, ended, failed or closed. */
export function whenReadable(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of STREAM_EVENTS) stream.off(event, done);
      resolve();
    };
    for (const event of STREAM_EVENTS) stream.on(event, done);
  });
}

const STREAM_EVENTS = ['readable', 'end', 'error', 'close'] as const;
