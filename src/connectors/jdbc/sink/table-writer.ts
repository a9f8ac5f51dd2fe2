import type { DataType } from '../../../core/data-type.js';
import { SluiceError } from '../../../core/errors.js';
import type { Row } from '../../../core/row.js';
import type { TableSchema } from '../../../core/table.js';
import type { DbColumn, DbTable, DbTablePath, InsertBatch, JdbcSession, ValueEncoder } from '../jdbc-session.js';
import { ColumnEncodeError, ValueEncodeError } from '../jdbc-session.js';
import { findPlaceholders } from '../placeholders.js';
import { identifier, keyColumnsOf, type JdbcSinkSettings } from './jdbc-sink-settings.js';

type Mode = 'insert' | 'keyed' | 'query';

interface Pending {
  kind: Row['kind'];
  fields: unknown[];
}

/** Rows taken out of a TableWriter's buffer, to be written in one transaction. */
export interface TableBatch {
  /** Appended rows, already encoded (insert mode). */
  inserts: InsertBatch | undefined;
  /** Rows for the user query (query mode). */
  appended: unknown[][];
  /** The last change per key (keyed mode). */
  reduced: Map<string, Pending>;
}

/**
 * Buffers and writes the rows of one input table into its target table.
 *
 * - Without primary keys every row is appended (PostgreSQL COPY, MySQL multi-row INSERT);
 *   UPDATE_BEFORE and DELETE rows cannot be applied without a key and fail the job.
 * - With primary keys (SeaTunnel's BufferReducedBatchStatementExecutor) rows are reduced per key,
 *   the last change of a key winning: INSERT / UPDATE_AFTER upsert, UPDATE_BEFORE / DELETE delete.
 * - With a user `query`, it runs once per row, in order, whatever the row kind (as in SeaTunnel).
 *
 * Input columns are matched to the target's by name (exactly, else ignoring case, after field_ide).
 * When the plan knows no input columns (a Jdbc source without `schema`), rows are matched to the
 * target's columns by position.
 */
export class TableWriter {
  private readonly mode: Mode;
  private inserts: InsertBatch | undefined;
  private appended: unknown[][] = [];
  private reduced = new Map<string, Pending>();
  /** Input fields map onto target columns one to one, in order: rows need no projection. */
  private identity = false;
  private columns: DbColumn[] = [];
  private inputIndexes: number[] = [];
  private bulk: ValueEncoder[] = [];
  /** Core types of the written values, in target column order. */
  private types: DataType[] = [];
  private literals: ValueEncoder[] = [];
  private keyIndexes: number[] = [];
  private queryFields: number[] = [];
  private bound = false;

  constructor(
    private readonly settings: JdbcSinkSettings,
    private readonly input: TableSchema,
    readonly path: DbTablePath,
    private readonly target: DbTable | undefined,
    private readonly label: string,
  ) {
    const keys = keyColumnsOf(settings, input);
    this.mode = settings.query !== undefined ? 'query' : keys !== undefined && keys.length > 0 ? 'keyed' : 'insert';
  }

  get buffered(): number {
    return (this.inserts?.rows ?? 0) + this.appended.length + this.reduced.size;
  }

  add(row: Row, session: JdbcSession): void {
    if (!this.bound) this.bind(row.fieldCount ?? row.fields.length, session);
    if (this.mode === 'keyed') {
      this.reduced.set(this.keyOf(row.fields), { kind: row.kind, fields: row.fields });
      return;
    }
    if (this.mode === 'insert' && (row.kind === '-D' || row.kind === '-U')) {
      throw new SluiceError('PLUGIN_FAILED', `${this.label}: got a ${row.kind === '-D' ? 'DELETE' : 'UPDATE_BEFORE'} row but knows no primary key to apply it by; set primary_keys (or give the input table a primary key), or drop such rows with FilterRowKind`);
    }
    if (this.mode === 'query') {
      this.appended.push(row.fields);
      return;
    }
    // Encoded now, so the row itself is garbage at once instead of living until the batch is written.
    this.inserts ??= session.newInsertBatch(this.columns, this.bulk, this.types);
    if (this.identity && this.inserts.addEncoded?.(row) === true) return;
    try {
      this.inserts.add(this.identity ? row.fields : this.project(row.fields));
    } catch (error) {
      if (error instanceof ColumnEncodeError) throw this.encodeFailure(error);
      throw error;
    }
  }

  /** The appended rows being buffered, when they can be written while more are added (the batch's chunksReady) and some are ready. */
  get streamable(): InsertBatch | undefined {
    const inserts = this.inserts;
    return inserts?.chunksReady !== undefined && inserts.chunksReady > 0 ? inserts : undefined;
  }

  /** Takes the buffered rows out (new rows go to a fresh buffer); undefined when there are none. */
  take(): TableBatch | undefined {
    this.inserts?.seal?.();
    if (this.buffered === 0) return undefined;
    const batch = { inserts: this.inserts, appended: this.appended, reduced: this.reduced };
    this.inserts = undefined;
    this.appended = [];
    this.reduced = new Map();
    return batch;
  }

  /** Writes a batch through `session`, inside the caller's transaction (a failed transaction writes it again). */
  async write(session: JdbcSession, batch: TableBatch): Promise<void> {
    try {
      await this.writeBatch(session, batch);
    } catch (error) {
      if (error instanceof ColumnEncodeError) throw this.encodeFailure(error);
      throw error;
    }
  }

  private async writeBatch(session: JdbcSession, batch: TableBatch): Promise<void> {
    if (this.mode === 'query') {
      await session.executeForRows(this.settings.query!, batch.appended.map((fields) => this.queryFields.map((i) => fields[i])), this.literals);
    } else if (this.mode === 'insert') {
      if (batch.inserts !== undefined) await session.insertBatch(this.path, this.columns, batch.inserts);
    } else {
      const inserts: unknown[][] = [];
      const upserts: unknown[][] = [];
      const deletes: unknown[][] = [];
      const plainInserts = this.settings.insertOnly;
      for (const pending of batch.reduced.values()) {
        const values = this.project(pending.fields);
        if (pending.kind === '-D' || pending.kind === '-U') deletes.push(this.keyIndexes.map((i) => values[i]));
        else if (plainInserts || (pending.kind === '+I' && !this.settings.enableUpsert)) inserts.push(values);
        else upserts.push(values);
      }
      if (inserts.length > 0) {
        const encoded = session.newInsertBatch(this.columns, this.bulk, this.types);
        for (const values of inserts) encoded.add(values);
        encoded.seal?.();
        await session.insertBatch(this.path, this.columns, encoded);
      }
      if (upserts.length > 0) await session.upsertRows(this.path, this.columns, this.keyIndexes, upserts, this.literals);
      if (deletes.length > 0) {
        const keyColumns = this.keyIndexes.map((i) => this.columns[i]!);
        await session.deleteRows(this.path, keyColumns, deletes, this.keyIndexes.map((i) => this.literals[i]!));
      }
    }
  }

  private encodeFailure(error: ColumnEncodeError): SluiceError {
    const column = this.mode === 'query' ? (this.input.columns[this.queryFields[error.column]!]?.name ?? `#${error.column + 1}`) : (this.columns[error.column]?.name ?? `#${error.column + 1}`);
    const cause = error.cause;
    const detail = cause instanceof ValueEncodeError ? cause.message : `cannot write ${describe(error.value)} (${(cause as Error).message})`;
    return new SluiceError('PLUGIN_FAILED', `${this.label}, column ${column}: ${detail}`, { cause });
  }

  private project(fields: unknown[]): unknown[] {
    const indexes = this.inputIndexes;
    const out = new Array<unknown>(indexes.length);
    for (let i = 0; i < indexes.length; i++) out[i] = fields[indexes[i]!];
    return out;
  }

  private keyOf(fields: unknown[]): string {
    let key = '';
    for (const i of this.keyIndexes) {
      const value = fields[this.inputIndexes[i]!];
      key += `${value instanceof Uint8Array ? Buffer.from(value).toString('hex') : typeof value === 'bigint' ? `${value}n` : String(value)}\u0000`;
    }
    return key;
  }

  /** Matches input fields to target columns and picks the value encoders (at the first row, when the row width is known). */
  private bind(width: number, session: JdbcSession): void {
    const dialect = session.dialect;
    if (this.mode === 'query') {
      const names = this.input.columns.map((c) => c.name);
      const placeholders = findPlaceholders(this.settings.query!, session.kind);
      this.queryFields = placeholders.map((p, i) => (p.name === undefined ? i : names.indexOf(p.name)));
      const types = this.queryFields.map((f) => this.input.columns[f]?.type ?? { kind: 'string' as const });
      const any: DbColumn = { name: '', dbType: '', type: { kind: 'string' }, nullable: true, orderable: false, splitClass: undefined };
      this.literals = types.map((type) => dialect.literalEncoder(type, any));
      this.bound = true;
      return;
    }
    const target = this.target!;
    if (this.input.columns.length === 0) {
      if (width > target.columns.length) throw new SluiceError('PLUGIN_FAILED', `${this.label}: rows have ${width} fields but the table has ${target.columns.length} columns`);
      this.columns = target.columns.slice(0, width);
      this.inputIndexes = this.columns.map((_, i) => i);
    } else {
      const exact = new Map(target.columns.map((c) => [c.name, c]));
      const folded = new Map(target.columns.map((c) => [c.name.toLowerCase(), c]));
      this.columns = this.input.columns.map((column) => {
        const name = identifier(this.settings, column.name);
        const found = exact.get(name) ?? folded.get(name.toLowerCase());
        if (found === undefined) throw new SluiceError('PLUGIN_FAILED', `${this.label}: column ${column.name} of the input is not in the table (it has ${target.columns.map((c) => c.name).join(', ')})`);
        return found;
      });
      this.inputIndexes = this.input.columns.map((_, i) => i);
    }
    this.identity = this.columns.length === width && this.inputIndexes.every((index, i) => index === i);
    const types = this.input.columns.length === 0 ? this.columns.map((c) => c.type) : this.input.columns.map((c) => c.type);
    this.types = types;
    this.bulk = this.columns.map((column, i) => dialect.bulkEncoder(types[i]!, column));
    this.literals = this.columns.map((column, i) => dialect.literalEncoder(types[i]!, column));
    if (this.mode === 'keyed') {
      const keys = keyColumnsOf(this.settings, this.input) ?? [];
      this.keyIndexes = keys.map((key) => {
        const index = this.columns.findIndex((c, i) => c.name === identifier(this.settings, key) || this.input.columns[i]?.name === key);
        if (index < 0) throw new SluiceError('PLUGIN_FAILED', `${this.label}: primary key column ${key} is not written`);
        return index;
      });
    }
    this.bound = true;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
  } catch {
    return String(value);
  }
}
