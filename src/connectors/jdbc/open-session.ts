import type { JdbcSession } from './jdbc-session.js';
import type { DatabaseKind, JdbcTarget } from './jdbc-url.js';
import { mysqlDialect } from './mysql/mysql-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import type { SqlDialect } from './sql-dialect.js';

/**
 * Opens a connection to the URL's database with Sluice's session settings. The client library is
 * loaded on first use, so processes that run no Jdbc job never load it.
 */
export async function openSession(target: JdbcTarget, timeoutSec: number): Promise<JdbcSession> {
  if (target.kind === 'postgresql') return (await import('./postgres/postgres-session.js')).connectPostgres(target, timeoutSec);
  return (await import('./mysql/mysql-session.js')).connectMysql(target, timeoutSec);
}

/** The dialect before connecting (MySQL's default: backslash escapes on). */
export function dialectFor(kind: DatabaseKind): SqlDialect {
  return kind === 'postgresql' ? postgresDialect : mysqlDialect();
}
