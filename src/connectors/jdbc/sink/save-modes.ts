import { SluiceError } from '../../../core/errors.js';
import type { Logger } from '../../../core/plugin.js';
import type { TableSchema } from '../../../core/table.js';
import type { DbTablePath, JdbcSession } from '../jdbc-session.js';
import { identifier, keyColumnsOf, type JdbcSinkSettings } from './jdbc-sink-settings.js';

/**
 * The table where Sluice notes which job applied a destructive save mode to which table, so that
 * a restored job (same job id) does not drop or check the data again. Created next to the target
 * table, only when a destructive mode runs.
 */
export const SAVE_MODE_LOG = 'sluice_save_mode_log';

/**
 * SeaTunnel's SaveModeHandler for one target table, at job start: schema_save_mode decides about
 * the table, data_save_mode about rows already in it. Destructive data modes (DROP_DATA,
 * ERROR_WHEN_DATA_EXISTS, CUSTOM_PROCESSING) and RECREATE_SCHEMA run once per job id.
 */
export async function applySaveModes(session: JdbcSession, settings: JdbcSinkSettings, input: TableSchema, path: DbTablePath, jobId: string, log: Logger): Promise<void> {
  const dialect = session.dialect;
  const name = dialect.qualified(path);
  const shown = [path.database, path.schema, path.table].filter((p) => p !== undefined && p !== '').join('.');
  const fail = (message: string): never => {
    throw new SluiceError('CONFIG_INVALID', `Jdbc sink: table ${shown} of ${session.target.display}: ${message}`);
  };
  const schemaMode = settings.schemaSaveMode;
  const dataMode = settings.dataSaveMode;
  const destructive = schemaMode === 'RECREATE_SCHEMA' || dataMode !== 'APPEND_DATA';
  if (destructive && (await alreadyApplied(session, path, jobId))) {
    log.info(`Jdbc sink: save modes of ${shown} were applied when job ${jobId} first started; not again`);
    return;
  }

  let exists = (await session.describeTable(path)) !== undefined;
  let created = false;
  if (schemaMode === 'ERROR_WHEN_SCHEMA_NOT_EXIST' && !exists) fail('does not exist (schema_save_mode = ERROR_WHEN_SCHEMA_NOT_EXIST)');
  if (schemaMode === 'RECREATE_SCHEMA' && exists) {
    await session.execute(`DROP TABLE ${name}`);
    log.info(`Jdbc sink: dropped ${shown} (schema_save_mode = RECREATE_SCHEMA)`);
    exists = false;
  }
  if (!exists && (schemaMode === 'RECREATE_SCHEMA' || schemaMode === 'CREATE_SCHEMA_WHEN_NOT_EXIST')) {
    if (input.columns.length === 0) {
      fail('does not exist, and its columns cannot be derived: the input table declares none at plan time (give the Jdbc source a schema option, or create the table)');
    }
    await session.execute(createTableSql(session, settings, input, path));
    log.info(`Jdbc sink: created ${shown} (schema_save_mode = ${schemaMode})`);
    created = true;
  }

  if (!created && exists) {
    if (dataMode === 'DROP_DATA') {
      await session.execute(`TRUNCATE TABLE ${name}`);
      log.info(`Jdbc sink: removed the rows of ${shown} (data_save_mode = DROP_DATA)`);
    } else if (dataMode === 'ERROR_WHEN_DATA_EXISTS') {
      const rows = await session.query(`SELECT 1 FROM ${name} LIMIT 1`);
      if (rows.length > 0) fail('already has rows (data_save_mode = ERROR_WHEN_DATA_EXISTS)');
    } else if (dataMode === 'CUSTOM_PROCESSING' && settings.customSql !== undefined) {
      await session.execute(settings.customSql);
      log.info(`Jdbc sink: ran custom_sql before writing ${shown} (data_save_mode = CUSTOM_PROCESSING)`);
    }
  }
  if (destructive) await noteApplied(session, path, jobId);
}

/** CREATE TABLE from the input's columns (SeaTunnel's CreateTableSqlBuilder): types mapped, NOT NULL kept, primary key when create_index. */
export function createTableSql(session: JdbcSession, settings: JdbcSinkSettings, input: TableSchema, path: DbTablePath): string {
  const dialect = session.dialect;
  const columns = input.columns.map((column) => `${dialect.quote(identifier(settings, column.name))} ${dialect.columnType(column)}${column.nullable === false ? ' NOT NULL' : ''}`);
  const key = keyColumnsOf(settings, input);
  if (settings.createIndex && key !== undefined && key.length > 0) columns.push(`PRIMARY KEY (${key.map((k) => dialect.quote(identifier(settings, k))).join(', ')})`);
  return `CREATE TABLE ${dialect.qualified(path)} (${columns.join(', ')})`;
}

function logPath(path: DbTablePath): DbTablePath {
  return { ...path, table: SAVE_MODE_LOG };
}

function logKey(path: DbTablePath): string {
  return [path.database, path.schema, path.table].filter((p) => p !== undefined && p !== '').join('.');
}

async function alreadyApplied(session: JdbcSession, path: DbTablePath, jobId: string): Promise<boolean> {
  const log = logPath(path);
  if ((await session.describeTable(log)) === undefined) return false;
  const dialect = session.dialect;
  const literal = (text: string): string => dialect.literalEncoder({ kind: 'string' }, { name: '', dbType: 'text', type: { kind: 'string' }, nullable: true, orderable: true, splitClass: undefined })(text);
  const rows = await session.query(`SELECT 1 FROM ${dialect.qualified(log)} WHERE job_id = ${literal(jobId)} AND table_name = ${literal(logKey(path))}`);
  return rows.length > 0;
}

async function noteApplied(session: JdbcSession, path: DbTablePath, jobId: string): Promise<void> {
  const dialect = session.dialect;
  const log = dialect.qualified(logPath(path));
  const literal = (text: string): string => dialect.literalEncoder({ kind: 'string' }, { name: '', dbType: 'text', type: { kind: 'string' }, nullable: true, orderable: true, splitClass: undefined })(text);
  await session.execute(`CREATE TABLE IF NOT EXISTS ${log} (job_id varchar(64) NOT NULL, table_name varchar(512) NOT NULL, applied_at varchar(32) NOT NULL, PRIMARY KEY (job_id, table_name))`);
  await session.execute(`INSERT INTO ${log} (job_id, table_name, applied_at) VALUES (${literal(jobId)}, ${literal(logKey(path))}, ${literal(new Date().toISOString())})`);
}
