import mysql from 'mysql2/promise';
import pg from 'pg';
import { createServer, connect, type Socket } from 'node:net';
import type { TestContext } from 'node:test';

/**
 * The real databases the Jdbc tests use, from SLUICE_TEST_PG_URL and SLUICE_TEST_MYSQL_URL.
 * When one is unreachable its tests are skipped with a loud reason, unless
 * SLUICE_REQUIRE_SERVICES=1 (CI), where they fail.
 */
export const PG_URL = process.env['SLUICE_TEST_PG_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env['SLUICE_TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
const REQUIRED = process.env['SLUICE_REQUIRE_SERVICES'] === '1';

export interface Database {
  kind: 'postgresql' | 'mysql';
  /** The JDBC url for job configs (no credentials). */
  jdbcUrl: string;
  user: string;
  password: string | undefined;
  /** HOCON lines with url, driver, user and password. */
  connection: string;
  /** Runs SQL and returns rows as objects. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

let counter = 0;
/** A table name no other test (or parallel test process) uses. */
export function uniqueTable(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

function parse(url: string): { host: string; port: number; database: string; user: string; password: string | undefined } {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || (u.protocol.startsWith('postgres') ? 5432 : 3306)),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
    password: u.password === '' ? undefined : decodeURIComponent(u.password),
  };
}

export async function postgres(t: TestContext): Promise<Database | undefined> {
  const p = parse(PG_URL);
  const client = new pg.Client({ host: p.host, port: p.port, database: p.database, user: p.user, password: p.password, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SET TimeZone = 'UTC'");
  } catch (error) {
    return unavailable(t, `PostgreSQL at ${p.host}:${p.port}`, error);
  }
  const jdbcUrl = `jdbc:postgresql://${p.host}:${p.port}/${p.database}`;
  return {
    kind: 'postgresql',
    jdbcUrl,
    user: p.user,
    password: p.password,
    connection: connectionLines(jdbcUrl, 'org.postgresql.Driver', p.user, p.password),
    query: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

export async function mariadb(t: TestContext): Promise<Database | undefined> {
  const p = parse(MYSQL_URL);
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({ host: p.host, port: p.port, database: p.database, user: p.user, password: p.password, connectTimeout: 3000, supportBigNumbers: true, bigNumberStrings: true, dateStrings: true, timezone: 'Z', multipleStatements: true });
    await connection.query("SET time_zone = '+00:00'");
  } catch (error) {
    return unavailable(t, `MySQL/MariaDB at ${p.host}:${p.port}`, error);
  }
  const jdbcUrl = `jdbc:mysql://${p.host}:${p.port}/${p.database}`;
  return {
    kind: 'mysql',
    jdbcUrl,
    user: p.user,
    password: p.password,
    connection: connectionLines(jdbcUrl, 'com.mysql.cj.jdbc.Driver', p.user, p.password),
    query: async <T>(sql: string) => (await connection.query(sql))[0] as T[],
    close: () => connection.end(),
  };
}

/**
 * A TCP relay in front of a database, so a test can drop every open connection at a moment of
 * its choosing, as a network fault or a server restart would. `jdbcUrl` points through it.
 */
export interface Relay {
  jdbcUrl: string;
  /** Cuts every connection open through the relay; later connections go through again. */
  dropAll(): number;
  close(): Promise<void>;
}

export async function relayTo(db: Database): Promise<Relay> {
  const target = new URL(db.jdbcUrl.slice('jdbc:'.length));
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
      sockets.add(a);
      a.once('close', () => sockets.delete(a));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    jdbcUrl: db.jdbcUrl.replace(`//${target.host}/`, `//127.0.0.1:${port}/`),
    dropAll: () => {
      const open = sockets.size;
      for (const socket of sockets) socket.destroy();
      return open;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function connectionLines(url: string, driver: string, user: string, password: string | undefined): string {
  return `url = "${url}"\n    driver = "${driver}"\n    user = "${user}"${password === undefined ? '' : `\n    password = "${password}"`}`;
}

function unavailable(t: TestContext, what: string, error: unknown): undefined {
  const reason = `${what} is unreachable (${(error as Error).message}); set SLUICE_TEST_PG_URL / SLUICE_TEST_MYSQL_URL`;
  if (REQUIRED) throw new Error(`SLUICE_REQUIRE_SERVICES=1 but ${reason}`);
  console.warn(`\n*** SKIPPED: ${reason} ***\n`);
  t.skip(reason);
  return undefined;
}
