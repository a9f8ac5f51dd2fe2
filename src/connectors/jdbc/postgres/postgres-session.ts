import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeColumn, type DbColumn, type DbTable, type DbTablePath, type InsertBatch, type JdbcSession, type RowCursor, type UnsupportedColumn, UnsupportedTypesError, type ValueEncoder } from '../jdbc-session.js';
import { booleanParam, param, type JdbcTarget } from '../jdbc-url.js';
import { findPlaceholders, substitutePlaceholders } from '../placeholders.js';
import type { DataType } from '../../../core/data-type.js';
import { fixedBytes } from '../../../core/row-size.js';
import { binaryEncoder, type BinaryEncoder } from './pg-binary-copy.js';
import { BinaryCopyBatch, TextCopyBatch, type PgCopyBatch } from './pg-copy-batch.js';
import { PgBinaryCopyCursor } from './pg-binary-cursor.js';
import { pgBinaryDecoder, type BinaryDecoder } from './pg-binary-values.js';
import { PgTextCopyCursor } from './pg-copy-cursor.js';
import { PgCopyOut } from './pg-copy-out.js';
import { TupleLayout } from './pg-tuple-row.js';
import { pgDecoder, quoteLiteral } from './pg-values.js';
import { postgresDialect } from './postgres-dialect.js';
import { pgColumn, type PgTypeInfo } from './postgres-types.js';

/** Upper size of one generated INSERT/DELETE statement. */
const STATEMENT_CHARS = 4 << 20;

/**
 * Session settings every Sluice connection uses, so values read and written have one text form:
 * ISO dates, UTC for timestamptz (timestamps without zone are UTC wall clock), hex bytea,
 * round-trip floats.
 */
const SETUP = `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET bytea_output = 'hex'; SET extra_float_digits = 3; SET standard_conforming_strings = on; SET client_encoding = 'UTF8'`;

const identity = (value: string): string => value;
const TEXT_TYPES = { getTypeParser: () => identity } as unknown as pg.CustomTypesConfig;

export async function connectPostgres(target: JdbcTarget, timeoutSec: number): Promise<PostgresSession> {
  const ssl = param(target, 'sslmode');
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    database: target.database === '' ? undefined : target.database,
    user: target.user,
    password: target.password,
    connectionTimeoutMillis: timeoutSec * 1000,
    keepAlive: true,
    application_name: param(target, 'ApplicationName') ?? 'sluice',
    ssl: booleanParam(target, 'ssl') === true || (ssl !== undefined && ssl !== 'disable' && ssl !== 'allow' && ssl !== 'prefer') ? { rejectUnauthorized: ssl === 'verify-full' || ssl === 'verify-ca' } : undefined,
    types: TEXT_TYPES,
  });
  const session = new PostgresSession(client, target);
  // A connection that breaks while idle emits 'error'; the next query reports it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(SETUP);
    const schema = param(target, 'currentSchema');
    if (schema !== undefined) await client.query(`SET search_path TO ${schema.split(',').map((s) => postgresDialect.quote(s.trim())).join(', ')}`);
    const current = await client.query<{ s: string | null }>('SELECT current_schema() AS s');
    session.defaultSchema = current.rows[0]?.s ?? 'public';
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return session;
}

export class PostgresSession implements JdbcSession {
  readonly kind = 'postgresql';
  readonly dialect = postgresDialect;
  defaultSchema: string | undefined;
  private closed = false;
  /** Per written column list: its binary encoders, or null when it goes as text. */

  constructor(
    private readonly client: pg.Client,
    readonly target: JdbcTarget,
  ) {}

  async query(sql: string): Promise<(string | null)[][]> {
    const result = await this.client.query({ text: sql, rowMode: 'array' });
    const last = Array.isArray(result) ? (result as pg.QueryArrayResult[])[(result as pg.QueryArrayResult[]).length - 1]! : result;
    return last.rows as (string | null)[][];
  }

  async execute(sql: string): Promise<number> {
    const result = await this.client.query(sql);
    if (Array.isArray(result)) return (result as pg.QueryResult[]).reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
    return result.rowCount ?? 0;
  }

  async describeQuery(sql: string): Promise<DbColumn[]> {
    const result = await this.client.query({ text: `SELECT * FROM (${sql}) AS sluice_describe LIMIT 0`, rowMode: 'array' });
    return this.columnsOf(result.fields.map((f) => ({ name: f.name, oid: f.dataTypeID, typmod: f.dataTypeModifier, nullable: true })));
  }

  async describeTable(path: DbTablePath): Promise<DbTable | undefined> {
    const name = postgresDialect.qualified(path);
    if (path.database !== '' && this.target.database !== '' && path.database !== this.target.database) {
      throw new Error(`table ${path.database}.${path.schema}.${path.table} is in database ${path.database}, but the url connects to database ${this.target.database}`);
    }
    const exists = await this.client.query<{ oid: string | null }>('SELECT to_regclass($1)::oid AS oid', [name]);
    const oid = exists.rows[0]?.oid;
    if (oid === null || oid === undefined) return undefined;
    const attributes = await this.client.query<{ name: string; oid: string; typmod: string; notnull: string }>(
      `SELECT attname AS name, atttypid AS oid, atttypmod AS typmod, attnotnull AS notnull FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [oid],
    );
    const columns = await this.columnsOf(attributes.rows.map((a) => ({ name: a.name, oid: Number(a.oid), typmod: Number(a.typmod), nullable: a.notnull !== 't' })));
    const indexes = await this.client.query<{ primary: string; columns: string }>(
      `SELECT i.indisprimary AS primary, array_to_json(array_agg(a.attname ORDER BY k.ord))::text AS columns
         FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = $1 AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
        GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indisprimary DESC, i.indexrelid`,
      [oid],
    );
    let primaryKey: string[] | undefined;
    const uniqueKeys: string[][] = [];
    const notNull = new Set(columns.filter((c) => !c.nullable).map((c) => c.name));
    for (const index of indexes.rows) {
      const keyColumns = JSON.parse(index.columns) as string[];
      if (index.primary === 't') primaryKey ??= keyColumns;
      else if (keyColumns.every((c) => notNull.has(c))) uniqueKeys.push(keyColumns);
    }
    return { path: { ...path, schema: path.schema ?? this.defaultSchema }, columns, primaryKey, uniqueKeys };
  }

  async estimateRows(path: DbTablePath): Promise<number | undefined> {
    const result = await this.client.query<{ n: string | null }>('SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)', [postgresDialect.qualified(path)]);
    const n = Number(result.rows[0]?.n ?? -1);
    // -1: never analyzed (PostgreSQL 14+); 0 may also mean never analyzed on older servers.
    return n > 0 ? n : undefined;
  }

  /**
   * COPY TO in the binary format when every column has a binary decoder (the server does less
   * work, and rows stay bytes until something reads them), else in the text format.
   */
  openCursor(sql: string, columns: readonly DbColumn[], keyColumns: readonly number[], _fetchSize: number, tableId: string): RowCursor {
    const infos = columns.map((c) => pgTypeInfoOf(c));
    const binary = columns.map((c, i) => pgBinaryDecoder(infos[i]!, c.type));
    const useBinary = columns.length > 0 && binary.every((decoder) => decoder !== undefined);
    const stream = new PgCopyOut(`COPY (${sql}) TO STDOUT${useBinary ? ' (FORMAT binary)' : ''}`);
    this.client.query(stream as unknown as pg.Submittable);
    const onClose = async (): Promise<void> => {
      if (!stream.readableEnded && !stream.destroyed) {
        // A COPY cannot be abandoned half way on a live connection: the session is closed instead.
        await this.close();
      }
    };
    if (!useBinary) return new PgTextCopyCursor(stream, tableId, columns, columns.map((c, i) => pgDecoder(infos[i]!, c.type)), keyColumns, onClose);
    const layout = new TupleLayout(infos.map((info) => info.name), binary as BinaryDecoder[], columns.map((c) => c.name), `Jdbc source: table ${tableId}`);
    const fixedSizes = columns.map((c) => fixedBytes(c.type) ?? -1);
    return new PgBinaryCopyCursor(stream, tableId, layout, fixedSizes, keyColumns, onClose);
  }

  newInsertBatch(columns: readonly DbColumn[], encoders: readonly ValueEncoder[], types: readonly DataType[]): PgCopyBatch {
    const binary = this.binaryEncoders(columns, types);
    return binary === undefined ? new TextCopyBatch(encoders) : new BinaryCopyBatch(binary, columns.map((c) => (c.native as PgTypeInfo).name));
  }

  /**
   * Writes the batch's COPY data as it becomes ready: a batch still filling is written while it
   * fills, and the COPY ends once it is sealed. A COPY the server fails (a constraint, a dropped
   * connection) ends the write at once, without waiting for more data.
   */
  async insertBatch(table: DbTablePath, columns: readonly DbColumn[], batch: InsertBatch): Promise<void> {
    const copy = batch as PgCopyBatch;
    if (copy.rows === 0) return;
    const names = columns.map((c) => postgresDialect.quote(c.name)).join(', ');
    const stream = this.client.query(copyFrom(`COPY ${postgresDialect.qualified(table)} (${names}) FROM STDIN${copy.binary ? ' (FORMAT binary)' : ''}`));
    const done = finished(stream);
    done.catch(() => undefined);
    const failed = done.then(() => new Promise<never>(() => undefined));
    failed.catch(() => undefined);
    const chunks = copy.stream();
    for (let next = await Promise.race([chunks.next(), failed]); next.done !== true; next = await Promise.race([chunks.next(), failed])) {
      if (!stream.write(next.value)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await done;
  }

  /** Binary encoders for every column, or undefined when one of them has no binary form (the table then goes as text). */
  private binaryEncoders(columns: readonly DbColumn[], types: readonly DataType[]): BinaryEncoder[] | undefined {
    const encoders: BinaryEncoder[] = [];
    for (let i = 0; i < columns.length; i++) {
      const info = columns[i]!.native as PgTypeInfo | undefined;
      const encoder = info === undefined || types[i] === undefined ? undefined : binaryEncoder(types[i]!, info.name);
      if (encoder === undefined) return undefined;
      encoders.push(encoder);
    }
    return encoders;
  }

  async upsertRows(table: DbTablePath, columns: readonly DbColumn[], keyColumns: readonly number[], rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const names = columns.map((c) => postgresDialect.quote(c.name));
    const keys = keyColumns.map((i) => names[i]!);
    const updates = names.filter((_, i) => !keyColumns.includes(i)).map((n) => `${n} = EXCLUDED.${n}`);
    const head = `INSERT INTO ${postgresDialect.qualified(table)} (${names.join(', ')}) VALUES `;
    const tail = ` ON CONFLICT (${keys.join(', ')}) DO ${updates.length === 0 ? 'NOTHING' : `UPDATE SET ${updates.join(', ')}`}`;
    await this.chunked(rows, head, tail, (row) => `(${row.map((_, i) => encodeColumn(literals, row, i)).join(', ')})`);
  }

  async deleteRows(table: DbTablePath, keyColumns: readonly DbColumn[], keys: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const names = keyColumns.map((c) => postgresDialect.quote(c.name));
    const head = `DELETE FROM ${postgresDialect.qualified(table)} WHERE (${names.join(', ')}) IN (`;
    await this.chunked(keys, head, ')', (key) => `(${key.map((_, i) => encodeColumn(literals, key, i)).join(', ')})`);
  }

  async executeForRows(sql: string, rows: readonly unknown[][], literals: readonly ValueEncoder[]): Promise<void> {
    const placeholders = findPlaceholders(sql, 'postgresql');
    let batch = '';
    for (const row of rows) {
      batch += `${substitutePlaceholders(sql, row.map((_, i) => encodeColumn(literals, row, i)), 'postgresql', placeholders)};\n`;
      if (batch.length >= STATEMENT_CHARS) {
        await this.client.query(batch);
        batch = '';
      }
    }
    if (batch !== '') await this.client.query(batch);
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  async beginPrepared(_gid: string): Promise<void> {
    await this.client.query('BEGIN');
  }

  async prepare(gid: string): Promise<void> {
    await this.client.query(`PREPARE TRANSACTION ${quoteLiteral(gid)}`);
  }

  async commitPrepared(gid: string): Promise<boolean> {
    return this.finishPrepared('COMMIT', gid);
  }

  async rollbackPrepared(gid: string): Promise<boolean> {
    return this.finishPrepared('ROLLBACK', gid);
  }

  async listPrepared(prefix: string): Promise<string[]> {
    const result = await this.client.query<{ gid: string }>('SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, $1) ORDER BY prepared', [prefix]);
    return result.rows.map((row) => row.gid);
  }

  async preparedTransactionsProblem(): Promise<string | undefined> {
    const result = await this.client.query<{ max_prepared_transactions: string }>('SHOW max_prepared_transactions');
    const max = Number(result.rows[0]?.max_prepared_transactions ?? '0');
    if (max > 0) return undefined;
    return (
      `PostgreSQL at ${this.target.host}:${this.target.port} does not allow prepared transactions (max_prepared_transactions = 0), which is_exactly_once needs. ` +
      `Set it to at least the sink's parallelism plus one per concurrent job, e.g. run ALTER SYSTEM SET max_prepared_transactions = 64 and restart PostgreSQL, or set is_exactly_once = false`
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }

  private async finishPrepared(verb: 'COMMIT' | 'ROLLBACK', gid: string): Promise<boolean> {
    try {
      await this.client.query(`${verb} PREPARED ${quoteLiteral(gid)}`);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === '42704') return false;
      throw error;
    }
  }

  /** Sends `head item, item, ... tail` statements no bigger than STATEMENT_CHARS. */
  private async chunked(items: readonly unknown[][], head: string, tail: string, render: (item: unknown[]) => string): Promise<void> {
    let body = '';
    for (const item of items) {
      const part = render(item);
      if (body !== '' && body.length + part.length > STATEMENT_CHARS) {
        await this.client.query(head + body + tail);
        body = '';
      }
      body += body === '' ? part : `, ${part}`;
    }
    if (body !== '') await this.client.query(head + body + tail);
  }

  /** Type details of result columns, in one catalog query; unmappable types are reported together. */
  private async columnsOf(fields: { name: string; oid: number; typmod: number; nullable: boolean }[]): Promise<DbColumn[]> {
    if (fields.length === 0) return [];
    const info = await this.client.query<{ i: string; name: string; category: string; formatted: string; elem_name: string | null; elem_category: string | null; elem_formatted: string | null }>(
      `SELECT f.i, coalesce(b.typname, t.typname) AS name, coalesce(b.typcategory, t.typcategory) AS category,
              format_type(f.oid, nullif(f.typmod, -1)) AS formatted,
              e.typname AS elem_name, e.typcategory AS elem_category, format_type(e.oid, nullif(f.typmod, -1)) AS elem_formatted
         FROM unnest($1::oid[], $2::int4[]) WITH ORDINALITY AS f(oid, typmod, i)
         JOIN pg_type t ON t.oid = f.oid
         LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
         LEFT JOIN pg_type e ON e.oid = coalesce(b.typelem, t.typelem) AND coalesce(b.typcategory, t.typcategory) = 'A'
        ORDER BY f.i`,
      [fields.map((f) => f.oid), fields.map((f) => f.typmod)],
    );
    const columns: DbColumn[] = [];
    const unsupported: UnsupportedColumn[] = [];
    info.rows.forEach((row, index) => {
      const field = fields[index]!;
      const typeInfo: PgTypeInfo = { name: row.name, category: row.category, formatted: row.formatted, typmod: field.typmod };
      if (row.elem_name !== null) typeInfo.element = { name: row.elem_name, category: row.elem_category ?? '', formatted: row.elem_formatted ?? row.elem_name, typmod: field.typmod };
      const column = pgColumn(field.name, typeInfo, field.nullable);
      if ('unsupported' in column) unsupported.push(column);
      else columns.push({ ...column, native: typeInfo });
    });
    if (unsupported.length > 0) throw new UnsupportedTypesError(unsupported);
    return columns;
  }
}

/** The PostgreSQL type details kept on columns this session described. */
export function pgTypeInfoOf(column: DbColumn): PgTypeInfo {
  if (column.native === undefined) throw new Error(`column ${column.name} was not described by PostgreSQL`);
  return column.native as PgTypeInfo;
}
