import { SluiceError } from '../../core/errors.js';

/**
 * Driver errors as users need to read them: the database's message with its detail, hint and
 * position (PostgreSQL names the column and the COPY line; MySQL names the column in the
 * message), prefixed by what Sluice was doing (connector, table, masked URL). Credentials never
 * appear: messages are built from masked URLs, and driver messages do not carry passwords.
 */
interface DriverError {
  message?: string;
  code?: string;
  errno?: number;
  detail?: string;
  hint?: string;
  where?: string;
  column?: string;
  sqlMessage?: string;
  sqlState?: string;
  fatal?: boolean;
}

/** A table, query or schema option that does not fit the database: no retry can fix it. */
export class TableDefinitionError extends Error {}

const TRANSIENT_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED', 'ENOTCONN']);
const TRANSIENT_MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_INTERRUPTED',
]);
const TRANSIENT_MYSQL_ERRNOS = new Set([1040, 1053, 1205, 1213, 1317, 1927, 2002, 2003, 2006, 2013]);
/** SQLSTATEs worth another try: connection exceptions (08xxx), shutdowns, too many connections, serialization failures, deadlocks. */
const TRANSIENT_SQLSTATES = /^(08...|57P0[123]|53300|40001|40P01)$/;

/** True for faults another attempt on a fresh connection may not meet: dropped connections, restarts, deadlocks. */
export function isTransientError(error: unknown): boolean {
  const e = error as DriverError | undefined;
  if (e === undefined || e === null || typeof e !== 'object') return false;
  if (e instanceof SluiceError) return false;
  const code = e.code ?? '';
  if (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_MYSQL_CODES.has(code)) return true;
  if (typeof e.errno === 'number' && TRANSIENT_MYSQL_ERRNOS.has(e.errno) && e.sqlMessage !== undefined) return true;
  if (TRANSIENT_SQLSTATES.test(code)) return true;
  const message = e.message ?? '';
  return /Connection terminated|connection error and is not queryable|Connection lost|closed state|timeout expired|socket hang up|read ECONNRESET/i.test(message);
}

/** The driver's message with PostgreSQL's detail, hint and context. */
export function driverMessage(error: unknown): string {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return String(error);
  const e = error as DriverError;
  let message = e.sqlMessage ?? e.message ?? String(error);
  if (message === '' && e.code !== undefined) message = e.code;
  if (e.detail) message += `; ${e.detail}`;
  if (e.hint) message += ` (hint: ${e.hint})`;
  if (e.where) message += ` [${e.where.split('\n')[0]}]`;
  return message;
}

/** A job failure: `<what>: <driver message>`, keeping the driver error as cause. */
export function jdbcFailure(what: string, error: unknown): SluiceError {
  if (error instanceof SluiceError) return error;
  // CONFIG_INVALID: the engine fails the job at once instead of restarting it job.retry.times.
  return new SluiceError(isDefinitionError(error) ? 'CONFIG_INVALID' : 'PLUGIN_FAILED', `${what}: ${driverMessage(error)}`, { cause: error });
}

/** A missing table or column, a statement with a syntax error, a schema option that does not fit (SQLSTATE class 42). */
function isDefinitionError(error: unknown): boolean {
  if (error instanceof TableDefinitionError) return true;
  const e = error as DriverError | undefined;
  const state = e?.sqlState ?? e?.code;
  return typeof state === 'string' && /^42[0-9A-Z]{3}$/.test(state);
}

/** Errors that say the credentials are wrong or missing (never worth a retry). */
export function isAuthenticationError(error: unknown): boolean {
  const e = error as DriverError | undefined;
  return e?.code === '28P01' || e?.code === '28000' || e?.code === 'ER_ACCESS_DENIED_ERROR' || e?.errno === 1045;
}
