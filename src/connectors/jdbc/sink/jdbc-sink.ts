import { SluiceError } from '../../../core/errors.js';
import type { OptionValues } from '../../../core/option-spec.js';
import type { PluginContext, SinkContext, SinkPlugin, SinkWriter } from '../../../core/plugin.js';
import type { TableSchema } from '../../../core/table.js';
import { driverMessage, isAuthenticationError, jdbcFailure } from '../jdbc-errors.js';
import type { JdbcSession } from '../jdbc-session.js';
import { openSession } from '../open-session.js';
import { CONNECTION_RETRIES, withRetries } from '../retry.js';
import { JDBC_SINK_OPTIONS } from './jdbc-sink-options.js';
import { checkSinkTables, readSinkSettings, targetTable, validateSinkOptions, type JdbcSinkSettings } from './jdbc-sink-settings.js';
import { gidPrefix, JdbcSinkWriter, type JdbcCommitInfo } from './jdbc-sink-writer.js';
import { applySaveModes } from './save-modes.js';

/**
 * Jdbc sink: writes to PostgreSQL and MySQL/MariaDB (SeaTunnel's Jdbc sink, same options):
 * appends with the bulk path (COPY, multi-row INSERT), upserts and deletes by primary key for
 * change rows, creates tables by the save modes, and with is_exactly_once commits through the
 * database's two-phase commit, tied to checkpoints.
 */
export const jdbcSink: SinkPlugin = {
  name: 'Jdbc',
  type: 'sink',
  description: 'Writes to PostgreSQL and MySQL/MariaDB: bulk appends, upserts and deletes by key, save modes, exactly-once by two-phase commit (SeaTunnel Jdbc).',
  exactlyOnce: true,
  options: JDBC_SINK_OPTIONS,
  validate: validateSinkOptions,
  check: checkSinkTables,

  createWriter(options: OptionValues, tables: TableSchema[], context: SinkContext): SinkWriter {
    return new JdbcSinkWriter(readSinkSettings(options), tables, context);
  },

  /** Commits the prepared transactions of a stored checkpoint. One already committed (a repeated commit after a crash) is fine. */
  async commit(options: OptionValues, _tables: TableSchema[], commitInfos: unknown[], context: PluginContext): Promise<void> {
    const settings = readSinkSettings(options);
    const gids = gidsOf(commitInfos);
    if (gids.length === 0) return;
    await withSession(settings, context, 'commit', async (session) => {
      for (const gid of gids) {
        const committed = await withRetries(() => session.commitPrepared(gid), { retries: settings.maxCommitAttempts - 1, baseDelayMs: 500 }, context.signal, () => undefined);
        if (!committed) context.log.info(`Jdbc sink: transaction ${gid} was committed before`);
      }
    });
  },

  async abort(options: OptionValues, _tables: TableSchema[], commitInfos: unknown[], context: PluginContext): Promise<void> {
    const settings = readSinkSettings(options);
    const gids = gidsOf(commitInfos);
    if (gids.length === 0) return;
    await withSession(settings, context, 'roll back', async (session) => {
      for (const gid of gids) await session.rollbackPrepared(gid);
    });
  },

  /**
   * At every (re)start of the job, after the restored checkpoint's transactions were committed:
   * rolls back this job's other prepared transactions (their checkpoints never completed), then
   * applies the save modes to each target table.
   */
  async discardStaged(options: OptionValues, tables: TableSchema[], context: PluginContext): Promise<void> {
    const settings = readSinkSettings(options);
    await withSession(settings, context, 'prepare the tables of', async (session) => {
      if (settings.exactlyOnce) {
        const orphans = await session.listPrepared(gidPrefix(context.jobId));
        for (const gid of orphans) await session.rollbackPrepared(gid);
        if (orphans.length > 0) context.log.info(`Jdbc sink: rolled back ${orphans.length} prepared transaction(s) of job ${context.jobId} whose checkpoint never completed`);
      }
      if (settings.query !== undefined) return;
      for (const table of tables) {
        let path = targetTable(settings, table, session.dialect, session.target);
        path = { ...path, schema: path.schema ?? session.defaultSchema };
        await applySaveModes(session, settings, table, path, context.jobId, context.log);
      }
    });
  },
};

function gidsOf(commitInfos: readonly unknown[]): string[] {
  const gids: string[] = [];
  for (const info of commitInfos) {
    if (info === undefined || info === null) continue;
    const list = (info as Partial<JdbcCommitInfo>).gids;
    if (!Array.isArray(list) || list.some((gid) => typeof gid !== 'string')) throw new SluiceError('PLUGIN_FAILED', `Jdbc sink: not a Jdbc commit info: ${JSON.stringify(info)}`);
    gids.push(...list);
  }
  return gids;
}

async function withSession(settings: JdbcSinkSettings, context: PluginContext, what: string, work: (session: JdbcSession) => Promise<void>): Promise<void> {
  const { target, timeoutSec } = settings.connection;
  let session: JdbcSession;
  try {
    session = await withRetries(() => openSession(target, timeoutSec), CONNECTION_RETRIES, context.signal, (error, attempt, delay) => {
      context.log.warn(`Jdbc sink: cannot connect to ${target.display} (${driverMessage(error)}); retry ${attempt} in ${delay} ms`);
    });
  } catch (error) {
    const hint = isAuthenticationError(error) ? ' (check user and password)' : '';
    throw jdbcFailure(`Jdbc sink: cannot connect to ${target.display} to ${what} it${hint}`, error);
  }
  try {
    await work(session);
  } catch (error) {
    throw jdbcFailure(`Jdbc sink: cannot ${what} ${target.display}`, error);
  } finally {
    await session.close();
  }
}
