import mysql from 'mysql2';
import type { Readable } from 'node:stream';
import { ColumnEncodeError, encodeColumn, type DbColumn, type DbTable, type DbTablePath, type InsertBatch, type JdbcSession, type RowCursor, type UnsupportedColumn, UnsupportedTypesError, type ValueEncoder } from '../jdbc-session.js';
import { booleanParam, param, type JdbcTarget } from '../jdbc-url.js';
import { findPlaceholders, substitutePlaceholders } from '../placeholders.js';
import type { SqlDialect } from '../sql-dialect.js';
import { MysqlCursor } from './mysql-cursor.js';
import { mysqlDialect } from './mysql-dialect.js';
import { MYSQL_TYPES, mysqlColumn, type MysqlField, type MysqlNative } from './mysql-types.js';
import { mysqlDecoder, quoteMysql } from './mysql-values.js';

/** Upper size of one generated statement (kept well under the default max_allowed_packet of 16-64 MB). */
const STATEMENT_CHARS = 4 << 20;
const XAER_NOTA = 1397;

/** Rows as `(v, ...), (v, ...)` lists of SQL literals, each list short enough for one statement. */
class ValuesBatch implements InsertBatch {
  rows = 0;
  private readonly done: string[] = [];
  private body = '';

  constructor(private readonly encoders: readonly ValueEncoder[]) {}

  add(row: readonly unknown[]): void {
    const encoders = this.encoders;
    let part = '(';
    let i = 0;
    try {
      for (; i < encoders.length; i++) {
        if (i > 0) part += ', ';
        part += encoders[i]!(row[i]);
      }
    } catch (error) {
      throw new ColumnEncodeError(i, row[i], error);
    }
    part += ')';
    if (this.body !== '' && this.body.length + part.length > STATEMENT_CHARS) {
      this.done.push(this.body);
      this.body = '';
    }
    this.body += this.body === '' ? part : `, ${part}`;
    this.rows++;
  }

  /** The lists; the batch takes no rows after this. */
  bodies(): readonly string[] {
    if (this.body !== '') {
      this.done.push(this.body);
      this.body = '';
    }
    return this.done;
  }
}

export async function connectMysql(target: JdbcTarget, timeoutSec: number): Promise<MysqlSession> {
  const useSsl = booleanParam(target, 'useSSL', 'ssl') === true || ['REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'].includes((param(target, 'sslMode') ?? '').toUpperCase());
  const connection = mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database === '' ? undefined : target.database,
    connectTimeout: timeoutSec * 1000,
    charset: 'utf8mb4_general_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    multipleStatements: true,
    timezone: 'Z',
    enableKeepAlive: true,
    ...(useSsl ? { ssl: { rejectUnauthorized: ['VERIFY_CA', 'VERIFY_IDENTITY'].includes((param(target, 'sslMode') ?? '').toUpperCase()) } } : {}),
  });
  // Errors outside a query (the server went away while idle) arrive as events; the next query reports them.
  connection.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  const session = new MysqlSession(connection, target);
  try {
    await session.setup();
  } catch (error) {
    connection.destroy();
    throw error;
  }
  return session;
}

export class MysqlSession implements JdbcSession {
  readonly kind = 'mysql';
  readonly defaultSchema = undefined;
  dialect: SqlDialect = mysqlDialect();
  private version = '';
  private closed = false;
  private readonly zeroDatesAsNull: boolean;

  constructor(
    private readonly connection: mysql.Connection,
    readonly target: JdbcTarget,
  ) {
    this.zeroDatesAsNull = (param(target, 'zeroDateTimeBehavior') ?? '').toUpperCase().replace(/_/g, '') === 'CONVERTTONULL';
  }

  async setup(): Promise<void> {
    await this.raw("SET time_zone = '+00:00'");
    const [row] = await this.query('SELECT @@sql_mode, VERSION()');
    this.dialect = mysqlDialect(!(row?.[0] ?? '').includes('NO_BACKSLASH_ESCAPES'));
    this.version = row?.[1] ?? '';
  }

  async query(sql: string): Promise<(string | null)[][]> {
    const [rows, fields] = await this.raw(sql);
    if (!Array.isArray(rows)) return [];
    const textual = (fields ?? []).map((f) => !isBinaryField(f as unknown as MysqlField));
    return (rows as (Buffer | null)[][]).map((row) => row.map((value, i) => (value === null ? null : textual[i] ? value.toString('utf8') : value.toString('hex'))));
  }

  async execute(sql: string): Promise<number> {
    const [result] = await this.raw(sql);
    const results = Array.isArray(result) ? (result as { affectedRows?: number }[]) : [result as { affectedRows?: number }];
    return results.reduce((sum, r) => sum + (r?.affectedRows ?? 0), 0);
  }

  async describeQuery(sql: string): Promise<DbColumn[]> {
    const [, fields] = await this.raw(`SELECT * FROM (${sql}) AS sluice_describe LIMIT 0`);
    return this.columnsOf((fields ?? []) as unknown as MysqlField[], new Map());
  }

  async describeTable(path: DbTablePath): Promise<DbTable | undefined> {
    const database = path.database === '' ? (await this.query('SELECT DATABASE()'))[0]?.[0] ?? '' : path.database;
    const info = await this.query(
      `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${quoteMysql(database)} AND TABLE_NAME = ${quoteMysql(path.table)} ORDER BY ORDINAL_POSITION`,
    );
    if (info.length === 0) return undefined;
    const types = new Map(info.map((row) => [row[0]!, { dbType: row[1]!, nullable: row[2] === 'YES' }]));
    const [, fields] = await this.raw(`SELECT * FROM ${this.dialect.qualified({ ...path, database })} LIMIT 0`);
    const columns = this.columnsOf((fields ?? []) as unknown as MysqlField[], types);
    const indexes = await this.query(
      `SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${quoteMysql(database)} AND TABLE_NAME = ${quoteMysql(path.table)} AND NON_UNIQUE = 0 ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`,
    );
    const byIndex = new Map<string, string[]>();
    for (const [index, column] of indexes) byIndex.set(index!, [...(byIndex.get(index!) ?? []), column!]);
    const notNull = new Set(columns.filter((c) => !c.nullable).map((c) => c.name));
    let primaryKey: string[] | undefined;
    const uniqueKeys: string[][] = [];
    for (const [index, keyColumns] of byIndex) {
      if (index === 'PRIMARY') primaryKey = keyColumns;
      else if (keyColumns.every((c) => notNull.has(c))) uniqueKeys.push(keyColumns);
    }
    return { path: { ...path, database }, columns, primaryKey, uniqueKeys };
  }

  async estimateRows(path: DbTablePath): Promise<number | undefined> {
    const rows = await this.query(`SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${path.database === '' ? 'DATABASE()' : quoteMysql(path.database)} AND TABLE_NAME = ${quoteMysql(path.table)}`);
    const n = Number(rows[0]?.[0] ?? 0);
    return n > 0 ? n : undefined;
  }

  openCursor(sql: string, columns: readonly DbColumn[], keyColumns: readonly number[], fetchSize: number, tableId: string): RowCursor {
    const decoders = columns.map((c) => mysqlDecoder(c.type, (c.native as MysqlNative | undefined) ?? { binary: false, bit: false, selectAsDouble: false }, { zeroDatesAsNull: this.zeroDatesAsNull }));
    const stream = this.connection.query({ sql, rowsAsArray: true }).stream({ highWaterMark: fetchSize > 0 ? fetchSize : 4096 }) as unknown as Readable;
    // mysql2 reports a connection lost during a streamed result on the connection only; the stream just stalls.
    const lost = (error?: Error): void => {
      stream.destroy(error ?? new Error('Connection lost: the server closed the connection'));
    };
    this.connection.on('error', lost);
    this.connection.on('end', lost);
    stream.once('close', () => {
      this.connection.off('error', lost);
      this.connection.off('end', lost);
    });
    return new MysqlCursor(stream, tableId, columns, decoders, keyColumns, async () => {
      // A streaming result cannot be abandoned on a live connection: the session is closed instead.
      await this.close();
    });
  }

  newInsertBatch(_columns: readonly DbColumn[], encoders: readonly ValueEncoder[]): ValuesBatch {
    return new ValuesBatch(encoders);
  }

  async insertBatch(table: DbTablePath, columns: readonly DbColumn[], batch: InsertBatch): Promise<void> {
    const head = `INSERT INTO ${this.dialect.qualified(table)} (${columns.map((c) => this.dialect.quote(c.name)).join(', ')}) VALUES `;
    for (const body of (batch as ValuesBatch).bodies()) await this.raw(head + body);
  }

  async upsertRows(table: DbTablePath, columns: readonly DbColumn[], keyColumns: readonly number[], rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const names = columns.map((c) => this.dialect.quote(c.name));
    const updates = names.filter((_, i) => !keyColumns.includes(i)).map((n) => `${n} = VALUES(${n})`);
    const head = `INSERT ${updates.length === 0 ? 'IGNORE ' : ''}INTO ${this.dialect.qualified(table)} (${names.join(', ')}) VALUES `;
    await this.chunked(rows, head, updates.length === 0 ? '' : ` ON DUPLICATE KEY UPDATE ${updates.join(', ')}`, literals);
  }

  async deleteRows(table: DbTablePath, keyColumns: readonly DbColumn[], keys: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const head = `DELETE FROM ${this.dialect.qualified(table)} WHERE (${keyColumns.map((c) => this.dialect.quote(c.name)).join(', ')}) IN (`;
    await this.chunked(keys, head, ')', literals);
  }

  async executeForRows(sql: string, rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const placeholders = findPlaceholders(sql, 'mysql');
    let batch = '';
    for (const row of rows) {
      batch += `${substitutePlaceholders(sql, row.map((_, i) => encodeColumn(literals, row, i)), 'mysql', placeholders)};\n`;
      if (batch.length >= STATEMENT_CHARS) {
        await this.raw(batch);
        batch = '';
      }
    }
    if (batch !== '') await this.raw(batch);
  }

  async begin(): Promise<void> {
    await this.raw('START TRANSACTION');
  }

  async commit(): Promise<void> {
    await this.raw('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.raw('ROLLBACK');
  }

  async beginPrepared(gid: string): Promise<void> {
    await this.raw(`XA START ${quoteMysql(gid)}`);
  }

  async prepare(gid: string): Promise<void> {
    await this.raw(`XA END ${quoteMysql(gid)}`);
    await this.raw(`XA PREPARE ${quoteMysql(gid)}`);
  }

  async commitPrepared(gid: string): Promise<boolean> {
    return this.finishPrepared('COMMIT', gid);
  }

  async rollbackPrepared(gid: string): Promise<boolean> {
    return this.finishPrepared('ROLLBACK', gid);
  }

  async listPrepared(prefix: string): Promise<string[]> {
    // formatID, gtrid_length, bqual_length, data (binary: gtrid and bqual concatenated; Sluice's bqual is empty).
    const rows = await this.query('XA RECOVER');
    return rows.map((row) => Buffer.from(row[3] ?? '', 'hex').toString('utf8')).filter((gid) => gid.startsWith(prefix));
  }

  async preparedTransactionsProblem(): Promise<string | undefined> {
    const [major, minor, patch] = this.version.split(/[.-]/).map(Number) as [number, number, number];
    const mariadb = /mariadb/i.test(this.version);
    const old = mariadb ? major < 10 || (major === 10 && minor < 5) : major < 5 || (major === 5 && (minor < 7 || (minor === 7 && patch < 7)));
    if (old) {
      return `${mariadb ? 'MariaDB' : 'MySQL'} ${this.version} at ${this.target.host}:${this.target.port} loses prepared XA transactions when a client disconnects, so is_exactly_once cannot be kept; use MySQL 5.7.7+ or MariaDB 10.5+, or set is_exactly_once = false`;
    }
    try {
      await this.raw('XA RECOVER');
    } catch (error) {
      return `is_exactly_once needs XA RECOVER, which ${this.target.user ?? 'this user'} may not run (${(error as Error).message}); grant XA_RECOVER_ADMIN (MySQL 8) or set is_exactly_once = false`;
    }
    return undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.connection.destroy();
        resolve();
      }, 2000);
      this.connection.end(() => {
        clearTimeout(timer);
        resolve();
      });
    }).catch(() => undefined);
    this.connection.destroy();
  }

  /** Runs SQL with untyped values (every value a Buffer or null). */
  private raw(sql: string): Promise<[unknown, mysql.FieldPacket[] | undefined]> {
    return new Promise((resolve, reject) => {
      this.connection.query({ sql, rowsAsArray: true, typeCast: false }, (error, rows, fields) => (error ? reject(error) : resolve([rows, fields as mysql.FieldPacket[] | undefined])));
    });
  }

  private async finishPrepared(verb: 'COMMIT' | 'ROLLBACK', gid: string): Promise<boolean> {
    try {
      await this.raw(`XA ${verb} ${quoteMysql(gid)}`);
      return true;
    } catch (error) {
      if ((error as { errno?: number }).errno === XAER_NOTA) return false;
      throw error;
    }
  }

  /** Sends `head (row), (row) ... tail` statements no bigger than STATEMENT_CHARS. */
  private async chunked(rows: readonly unknown[][], head: string, tail: string, encoders: readonly ValueEncoder[]): Promise<void> {
    const batch = new ValuesBatch(encoders);
    for (const row of rows) batch.add(row);
    for (const body of batch.bodies()) await this.raw(head + body + tail);
  }

  private columnsOf(fields: MysqlField[], types: Map<string, { dbType: string; nullable: boolean }>): DbColumn[] {
    const columns: DbColumn[] = [];
    const unsupported: UnsupportedColumn[] = [];
    for (const field of fields) {
      const known = types.get(field.name);
      const column = mysqlColumn(field, known?.dbType);
      if ('unsupported' in column) {
        unsupported.push(column);
        continue;
      }
      if (known !== undefined) column.nullable = known.nullable;
      // information_schema knows tinyint(1) and JSON where result metadata is ambiguous.
      if (known !== undefined && /^tinyint\(1\)/i.test(known.dbType) && column.type.kind !== 'boolean') column.type = { kind: 'boolean' };
      columns.push(column);
    }
    if (unsupported.length > 0) throw new UnsupportedTypesError(unsupported);
    return columns;
  }
}

function isBinaryField(field: MysqlField): boolean {
  const t = MYSQL_TYPES;
  const stringish = [t.VARCHAR, t.VAR_STRING, t.STRING, t.TINY_BLOB, t.MEDIUM_BLOB, t.LONG_BLOB, t.BLOB, t.BIT, t.GEOMETRY] as number[];
  return field.characterSet === 63 && stringish.includes(field.columnType);
}
