import type { OptionValues } from '../../../core/option-spec.js';
import type { PluginContext, SourcePlugin, SourceReader, SourceSplit } from '../../../core/plugin.js';
import type { TableSchema } from '../../../core/table.js';
import { isAuthenticationError, jdbcFailure } from '../jdbc-errors.js';
import type { JdbcSession } from '../jdbc-session.js';
import { openSession } from '../open-session.js';
import { CONNECTION_RETRIES, withRetries } from '../retry.js';
import { JdbcSourceReader } from './jdbc-source-reader.js';
import { JDBC_SOURCE_OPTIONS } from './jdbc-source-options.js';
import { readSourceSettings, sourceTables, validateSourceOptions, type JdbcSourceSettings } from './jdbc-source-settings.js';
import { planTableSplits } from './split-planner.js';
import { loadTableContext } from './table-context.js';

/**
 * Jdbc source: reads tables or queries of PostgreSQL and MySQL/MariaDB (SeaTunnel's Jdbc source,
 * same options). Splits are planned in a worker (catalog and MIN/MAX queries), read in parallel
 * with streaming results, and checkpointed with their exact position.
 *
 * Plan time is I/O-free, so the columns come from the `schema` option when given; otherwise the
 * plan holds no columns and the reader discovers them (see `discover` for the engine hook that
 * would make them known at plan time).
 */
export const jdbcSource: SourcePlugin & { discover(options: OptionValues, outputName: string | undefined, signal: AbortSignal): Promise<TableSchema[]> } = {
  name: 'Jdbc',
  type: 'source',
  description: 'Reads tables or queries of PostgreSQL and MySQL/MariaDB, in parallel splits with checkpointed positions (SeaTunnel Jdbc).',
  bounded: true,
  restorable: true,
  options: JDBC_SOURCE_OPTIONS,
  validate: validateSourceOptions,

  tables(options: OptionValues, outputName: string | undefined): TableSchema[] {
    return sourceTables(readSourceSettings(options), outputName);
  },

  async planSplits(options: OptionValues, tables: TableSchema[], _parallelism: number): Promise<SourceSplit[]> {
    const settings = readSourceSettings(options);
    return withSession(settings, 'plan splits of', new AbortController().signal, async (session) => {
      const splits: SourceSplit[] = [];
      for (let i = 0; i < settings.tables.length; i++) {
        const table = settings.tables[i]!;
        const tablePath = tables[i]?.tablePath ?? `table-${i}`;
        try {
          const context = await loadTableContext(session, settings, table, tables[i] ?? { tablePath, columns: [] });
          splits.push(...(await planTableSplits(session, settings, table, i, tablePath, context)));
        } catch (error) {
          throw jdbcFailure(`Jdbc source: table ${tablePath} of ${settings.connection.target.display}`, error);
        }
      }
      return splits;
    });
  },

  createReader(options: OptionValues, tables: TableSchema[], context: PluginContext): SourceReader {
    return new JdbcSourceReader(readSourceSettings(options), tables, context);
  },

  /**
   * What SeaTunnel's JdbcCatalogUtils.getTables does at plan time: the tables with their columns,
   * types and primary keys, read from the database. Not called by the engine yet (its plan step
   * is synchronous and I/O-free); see the report on the engine contract this needs.
   */
  async discover(options: OptionValues, outputName: string | undefined, signal: AbortSignal): Promise<TableSchema[]> {
    const settings = readSourceSettings(options);
    const declared = sourceTables(settings, outputName);
    return withSession(settings, 'read the tables of', signal, async (session) => {
      const out: TableSchema[] = [];
      for (let i = 0; i < settings.tables.length; i++) {
        const table = declared[i]!;
        const context = await loadTableContext(session, settings, settings.tables[i]!, table);
        if (table.columns.length > 0) {
          out.push(table);
          continue;
        }
        const schema: TableSchema = {
          tablePath: table.tablePath,
          columns: context.columns.map((c) => ({
            name: c.name,
            type: c.type,
            nullable: c.nullable,
            ...(c.columnLength === undefined ? {} : { columnLength: c.columnLength }),
            ...(c.columnScale === undefined ? {} : { columnScale: c.columnScale }),
          })),
        };
        const key = context.catalog?.primaryKey;
        if (key !== undefined) schema.primaryKey = { name: `${context.catalog!.path.table}_pkey`, columns: key };
        out.push(schema);
      }
      return out;
    });
  },
};

/** Runs `work` on a fresh connection (retried while the database is unreachable), closing it after. */
async function withSession<T>(settings: JdbcSourceSettings, what: string, signal: AbortSignal, work: (session: JdbcSession) => Promise<T>): Promise<T> {
  const { target, timeoutSec } = settings.connection;
  let session: JdbcSession;
  try {
    session = await withRetries(() => openSession(target, timeoutSec), CONNECTION_RETRIES, signal, () => undefined);
  } catch (error) {
    const hint = isAuthenticationError(error) ? ' (check user and password)' : '';
    throw jdbcFailure(`Jdbc source: cannot connect to ${target.display} to ${what} it${hint}`, error);
  }
  try {
    return await work(session);
  } catch (error) {
    throw jdbcFailure(`Jdbc source: cannot ${what} ${target.display}`, error);
  } finally {
    await session.close();
  }
}
