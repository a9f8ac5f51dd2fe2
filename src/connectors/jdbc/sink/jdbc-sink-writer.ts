import { randomBytes } from 'node:crypto';
import { SluiceError } from '../../../core/errors.js';
import type { SinkContext, SinkWriter } from '../../../core/plugin.js';
import type { Row } from '../../../core/row.js';
import type { TableSchema } from '../../../core/table.js';
import { driverMessage, isAuthenticationError, isTransientError, jdbcFailure } from '../jdbc-errors.js';
import type { InsertBatch, JdbcSession } from '../jdbc-session.js';
import { openSession } from '../open-session.js';
import { CONNECTION_RETRIES, withRetries } from '../retry.js';
import { targetTable, type JdbcSinkSettings } from './jdbc-sink-settings.js';
import { TableWriter, type TableBatch } from './table-writer.js';

/** A write of batches in progress; `streams` is the batch it writes while that still fills. */
interface Write {
  promise: Promise<void>;
  settled: boolean;
  failed: boolean;
  streams: InsertBatch | undefined;
}

/** What a writer's prepareCommit hands to the sink's commit: the prepared transactions to commit. */
export interface JdbcCommitInfo {
  gids: string[];
}

/** Prefix of this job's prepared transaction ids; `discardStaged` rolls back every one left over. */
export function gidPrefix(jobId: string): string {
  return `sluice_${jobId}_`;
}

/**
 * Writes the rows of one subtask. Rows are buffered per table and written every batch_size rows
 * and at every checkpoint.
 *
 * Without is_exactly_once each write is its own transaction, committed at once; a dropped
 * connection is retried with backoff on a new connection (the batch is written again: at least
 * once, and idempotent with primary keys).
 *
 * With is_exactly_once all rows between two checkpoints go into one transaction, which
 * prepareCommit prepares (PREPARE TRANSACTION / XA PREPARE) under an id naming the job, subtask
 * and writer; the sink's commit commits it after the checkpoint is stored. A dropped connection
 * then loses the open transaction, so the subtask fails and the engine replays from the last
 * checkpoint.
 */
export class JdbcSinkWriter implements SinkWriter {
  private session: JdbcSession | undefined;
  private readonly writers = new Map<string, TableWriter>();
  private buffered = 0;
  /** The last write started: of the previous batch (while the next one fills), or of the batch being filled when it streams. */
  private inflight: Write | undefined;
  /** The open two-phase transaction's id, once a row went into it. */
  private gid: string | undefined;
  private sequence = 0;
  private readonly writerId = randomBytes(4).toString('hex');
  private closed = false;

  constructor(
    private readonly settings: JdbcSinkSettings,
    private readonly tables: readonly TableSchema[],
    private readonly context: SinkContext,
  ) {}

  async open(): Promise<void> {
    const session = await this.connect();
    if (this.settings.exactlyOnce) {
      const problem = await session.preparedTransactionsProblem();
      if (problem !== undefined) throw new SluiceError('CONFIG_INVALID', `Jdbc sink: ${problem}`);
    }
  }

  async write(rows: Row[]): Promise<void> {
    const session = await this.connect();
    let tableId: string | undefined;
    let writer: TableWriter | undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.tableId !== tableId || writer === undefined) {
        tableId = row.tableId;
        writer = await this.writerFor(session, tableId);
      }
      writer.add(row, session);
      if (++this.buffered >= this.settings.batchSize) await this.flush();
    }
    this.stream();
  }

  async prepareCommit(_checkpointId: number): Promise<JdbcCommitInfo | undefined> {
    await this.drain();
    if (!this.settings.exactlyOnce || this.gid === undefined) return undefined;
    const gid = this.gid;
    const session = this.session!;
    try {
      await session.prepare(gid);
    } catch (error) {
      throw this.failure('cannot prepare the transaction of this checkpoint', error);
    }
    this.gid = undefined;
    if (session.kind === 'mysql') {
      // A MySQL/MariaDB connection stays tied to the XA transaction it prepared; the transaction
      // outlives the connection (5.7.7+, 10.5+), so the next one starts on a new connection.
      this.session = undefined;
      await session.close();
    }
    return { gids: [gid] };
  }

  /** Ends the writer. An open (unprepared) transaction is rolled back by closing its connection. */
  async close(): Promise<undefined> {
    if (this.closed) return undefined;
    this.closed = true;
    // Buffered rows are dropped; a write streaming them ends with what it has.
    for (const writer of this.writers.values()) writer.take();
    await this.inflight?.promise.catch(() => undefined);
    this.inflight = undefined;
    const session = this.session;
    this.session = undefined;
    await session?.close();
    return undefined;
  }

  private async writerFor(session: JdbcSession, tableId: string): Promise<TableWriter> {
    const known = this.writers.get(tableId);
    if (known !== undefined) return known;
    const input = this.tables.find((t) => t.tablePath === tableId);
    if (input === undefined) throw new SluiceError('PLUGIN_FAILED', `Jdbc sink got a row of table "${tableId}", which is not one of its input tables`);
    let path = targetTable(this.settings, input, session.dialect, session.target);
    path = { ...path, schema: path.schema ?? session.defaultSchema };
    const shown = [path.database, path.schema, path.table].filter((p) => p !== undefined && p !== '').join('.');
    const label = `Jdbc sink: table ${shown} of ${session.target.display}`;
    let target;
    if (this.settings.query === undefined) {
      try {
        target = await session.describeTable(path);
      } catch (error) {
        throw jdbcFailure(label, error);
      }
      if (target === undefined) throw new SluiceError('PLUGIN_FAILED', `${label}: the table does not exist (schema_save_mode = ${this.settings.schemaSaveMode})`);
    }
    const writer = new TableWriter(this.settings, input, path, target, label);
    this.writers.set(tableId, writer);
    return writer;
  }

  /**
   * Hands the buffered rows to a write that runs while the next rows are read and buffered (the
   * database works on one batch while Sluice prepares the next); waits for the previous write
   * first, so writes stay in order and at most two batches are held. A batch whose write already
   * streams it is complete once taken (take seals it).
   */
  private async flush(): Promise<void> {
    const current = this.inflight;
    const batches: [TableWriter, TableBatch][] = [];
    for (const writer of this.writers.values()) {
      const batch = writer.take();
      if (batch !== undefined) batches.push([writer, batch]);
    }
    this.buffered = 0;
    const rest = batches.filter(([, batch]) => batch.inserts === undefined || batch.inserts !== current?.streams);
    if (rest.length === 0) {
      if (current?.failed === true) await current.promise;
      return;
    }
    await current?.promise;
    this.startWrite(rest);
  }

  /**
   * Starts writing the batch being filled before it is full, when the database would otherwise
   * wait: one table, appended through a batch that can be written while it fills (PostgreSQL
   * COPY), the previous write done. The server then works on rows as they come instead of after
   * batch_size of them, which shortens most the last batch, that nothing else overlaps.
   */
  private stream(): void {
    const current = this.inflight;
    if (this.writers.size !== 1 || (current !== undefined && (!current.settled || current.failed))) return;
    const writer = this.writers.values().next().value!;
    const batch = writer.streamable;
    if (batch === undefined || batch === current?.streams) return;
    this.startWrite([[writer, { inserts: batch, appended: [], reduced: new Map() }]], batch);
  }

  private startWrite(batches: readonly [TableWriter, TableBatch][], streams?: InsertBatch): void {
    const write: Write = { promise: this.writeBatches(batches), settled: false, failed: false, streams };
    write.promise.then(
      () => (write.settled = true),
      () => (write.settled = write.failed = true),
    );
    this.inflight = write;
  }

  /** Writes everything buffered and waits until it is written. */
  private async drain(): Promise<void> {
    await this.flush();
    const last = this.inflight;
    this.inflight = undefined;
    await last?.promise;
  }

  private async writeBatches(batches: readonly [TableWriter, TableBatch][]): Promise<void> {
    if (this.settings.exactlyOnce) {
      const session = await this.connect();
      try {
        if (this.gid === undefined) {
          const gid = `${gidPrefix(this.context.jobId)}${this.context.subtaskIndex}_${this.writerId}_${this.sequence++}`;
          await session.beginPrepared(gid);
          this.gid = gid;
        }
        for (const [writer, batch] of batches) await writer.write(session, batch);
      } catch (error) {
        throw this.failure(isTransientError(error) ? 'lost the connection during a transaction; the job resumes from its last checkpoint' : 'cannot write', error);
      }
      return;
    }
    const policy = { ...CONNECTION_RETRIES, retries: Math.max(CONNECTION_RETRIES.retries, this.settings.maxRetries) };
    await withRetries(
      async () => {
        const session = await this.connect();
        await session.begin();
        try {
          for (const [writer, batch] of batches) await writer.write(session, batch);
          await session.commit();
        } catch (error) {
          await session.rollback().catch(() => undefined);
          throw error;
        }
      },
      policy,
      this.context.signal,
      async (error, attempt, delay) => {
        this.context.log.warn(`Jdbc sink: writing to ${this.settings.connection.target.display} failed (${driverMessage(error)}); retry ${attempt} in ${delay} ms`);
        const session = this.session;
        this.session = undefined;
        await session?.close();
      },
    ).catch((error: unknown) => {
      throw this.failure('cannot write', error);
    });
  }

  private failure(what: string, error: unknown): SluiceError {
    if (error instanceof SluiceError) return error;
    const tables = [...this.writers.values()].map((w) => [w.path.database, w.path.schema, w.path.table].filter((p) => p !== undefined && p !== '').join('.'));
    return jdbcFailure(`Jdbc sink: ${what} (table ${tables.join(', ')} of ${this.settings.connection.target.display})`, error);
  }

  private async connect(): Promise<JdbcSession> {
    if (this.session !== undefined) return this.session;
    if (this.closed) throw new SluiceError('PLUGIN_FAILED', 'Jdbc sink: the writer is closed');
    const { target, timeoutSec } = this.settings.connection;
    try {
      this.session = await withRetries(() => openSession(target, timeoutSec), CONNECTION_RETRIES, this.context.signal, (error, attempt, delay) => {
        this.context.log.warn(`Jdbc sink: cannot connect to ${target.display} (${driverMessage(error)}); retry ${attempt} in ${delay} ms`);
      });
    } catch (error) {
      const hint = isAuthenticationError(error) ? ' (check user and password)' : '';
      throw jdbcFailure(`Jdbc sink: cannot connect to ${target.display}${hint}`, error);
    }
    return this.session;
  }
}
