import type { PluginContext, SourceReader, SourceSplit } from '../../../core/plugin.js';
import type { Row } from '../../../core/row.js';
import type { TableSchema } from '../../../core/table.js';
import { driverMessage, jdbcFailure } from '../jdbc-errors.js';
import type { JdbcSession, RowCursor } from '../jdbc-session.js';
import { openSession } from '../open-session.js';
import { CONNECTION_RETRIES, withRetries } from '../retry.js';
import type { JdbcSourceSettings } from './jdbc-source-settings.js';
import { splitSql, type JdbcSplit } from './jdbc-split.js';
import { loadTableContext, type TableContext } from './table-context.js';

/**
 * Reads Jdbc splits one after the other, streaming each (COPY TO on PostgreSQL, a streaming
 * result on MySQL) so memory stays flat whatever the table size. Rows come in the split's order,
 * and the split remembers the last one handed out (its key, or a count): a checkpoint holds that
 * position and a restored reader resumes right after it.
 *
 * A dropped connection is retried with backoff (0.5 s .. 4 s, 5 attempts) on a new connection,
 * resuming from the position; after that the subtask fails and the engine restores the job from
 * its last checkpoint.
 */
export class JdbcSourceReader implements SourceReader {
  private readonly pending: JdbcSplit[] = [];
  private current: JdbcSplit | undefined;
  private cursor: RowCursor | undefined;
  private session: JdbcSession | undefined;
  private readonly contexts = new Map<number, TableContext>();
  private keyIndexes: number[] = [];
  private closed = false;

  constructor(
    private readonly settings: JdbcSourceSettings,
    private readonly tables: readonly TableSchema[],
    private readonly context: PluginContext,
  ) {}

  addSplits(splits: SourceSplit[]): void {
    for (const split of splits) this.pending.push({ ...(split as JdbcSplit) });
  }

  async poll(maxRows: number): Promise<Row[] | null> {
    const limit = Math.max(1, Math.floor(maxRows));
    for (;;) {
      if (this.current === undefined) {
        this.current = this.pending.shift();
        if (this.current === undefined) {
          await this.release();
          return null;
        }
      }
      const split = this.current;
      const table = this.tables[split.table];
      if (table === undefined) throw jdbcFailure(`Jdbc source: split ${split.splitId}`, new Error(`names table ${split.table}, which this source does not read`));
      const rows = await withRetries(
        () => this.read(split, table.tablePath, limit),
        CONNECTION_RETRIES,
        this.context.signal,
        async (error, attempt, delay) => {
          this.context.log.warn(`Jdbc source: reading ${split.tablePath} from ${this.settings.connection.target.display} failed (${driverMessage(error)}); retry ${attempt} in ${delay} ms from the last row read`);
          await this.dropConnection();
        },
      ).catch((error: unknown) => {
        throw jdbcFailure(`Jdbc source: cannot read table ${split.tablePath} from ${this.settings.connection.target.display}`, error);
      });
      if (rows === null) {
        await this.cursor?.close();
        this.cursor = undefined;
        this.current = undefined;
        continue;
      }
      return rows;
    }
  }

  snapshotSplits(): SourceSplit[] {
    const owned = this.current === undefined ? this.pending : [this.current, ...this.pending];
    return owned.map((split) => ({ ...split, ...(split.position === undefined ? {} : { position: { ...split.position } }) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }

  /** The next rows of `split`, converted to the declared types; null when it is exhausted. Moves the split's position. */
  private async read(split: JdbcSplit, tableId: string, limit: number): Promise<Row[] | null> {
    const session = await this.connect();
    const context = await this.tableContext(session, split);
    if (this.cursor === undefined) {
      const byName = new Map(context.columns.map((c, i) => [c.name, i]));
      this.keyIndexes = split.order.unique ? split.order.columns.map((name) => byName.get(name)!) : [];
      this.cursor = session.openCursor(splitSql(session.dialect, split, context), context.columns, this.keyIndexes, this.settings.fetchSize, tableId);
    }
    const rows = await this.cursor.next(limit);
    if (rows === null) return null;
    if (split.order.unique) {
      const after = this.cursor.lastKeyTexts();
      if (after !== undefined) split.position = { after };
    } else {
      split.position = { offset: (split.position?.offset ?? 0) + rows.length };
    }
    const adapters = context.adapters;
    if (adapters.some((a) => a !== undefined)) {
      for (const row of rows) {
        const fields = row.fields;
        for (let i = 0; i < adapters.length; i++) {
          const adapt = adapters[i];
          if (adapt !== undefined && fields[i] !== null) {
            try {
              fields[i] = adapt(fields[i]);
            } catch (error) {
              throw jdbcFailure(`Jdbc source: table ${split.tablePath}, column ${context.columns[i]!.name}`, error);
            }
          }
        }
      }
    }
    return rows;
  }

  private async connect(): Promise<JdbcSession> {
    if (this.session !== undefined) return this.session;
    if (this.closed) throw new Error('the reader is closed');
    const { target, timeoutSec } = this.settings.connection;
    this.session = await openSession(target, timeoutSec);
    return this.session;
  }

  private async tableContext(session: JdbcSession, split: JdbcSplit): Promise<TableContext> {
    let context = this.contexts.get(split.table);
    if (context === undefined) {
      const config = this.settings.tables[split.table]!;
      context = await loadTableContext(session, this.settings, config, this.tables[split.table]!);
      this.contexts.set(split.table, context);
    }
    return context;
  }

  /** Forgets the connection (it failed): the next read opens a new one and resumes from the split's position. */
  private async dropConnection(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.cursor = undefined;
    await session?.close().catch(() => undefined);
  }

  private async release(): Promise<void> {
    const cursor = this.cursor;
    this.cursor = undefined;
    await cursor?.close().catch(() => undefined);
    const session = this.session;
    this.session = undefined;
    await session?.close().catch(() => undefined);
  }
}

