/**
 * JDBC URLs as SeaTunnel job files write them, for the two databases Sluice speaks natively:
 *
 *   jdbc:postgresql://host[:port][/database][?key=value&...]      (also jdbc:postgresql:database)
 *   jdbc:mysql://host[:port][/database][?key=value&...]           (also jdbc:mariadb://...)
 *
 * Credentials may sit in the URL (`?user=...&password=...`, or `user:password@host`); they are
 * kept out of `display`, which is what messages and logs show.
 */
export type DatabaseKind = 'postgresql' | 'mysql';

export interface JdbcTarget {
  kind: DatabaseKind;
  host: string;
  port: number;
  /** The database named in the URL; '' when none (PostgreSQL then uses the user name, MySQL none). */
  database: string;
  user: string | undefined;
  password: string | undefined;
  /** URL parameters and `properties`, keys as written (properties win, as in MySQL's driver). */
  params: Record<string, string>;
  /** The URL without credentials, e.g. `jdbc:postgresql://db:5432/shop`. */
  display: string;
}

export class JdbcUrlError extends Error {}

const DEFAULT_PORTS: Record<DatabaseKind, number> = { postgresql: 5432, mysql: 3306 };
const SECRET_PARAMS = /^(password|pass|pwd|sslpassword|sslkey|token)$/i;

export function parseJdbcUrl(url: string, properties: Record<string, string> = {}): JdbcTarget {
  const match = /^jdbc:(postgresql|mysql|mariadb):(.*)$/is.exec(url.trim());
  if (match === null) {
    const scheme = /^jdbc:([a-z0-9]+):/i.exec(url.trim())?.[1];
    throw new JdbcUrlError(
      scheme === undefined
        ? `"${maskUrl(url)}" is not a JDBC URL; expected jdbc:postgresql://host:port/database or jdbc:mysql://host:port/database`
        : `Sluice's Jdbc connector speaks PostgreSQL and MySQL/MariaDB, not "${scheme}" (url ${maskUrl(url)})`,
    );
  }
  const kind: DatabaseKind = match[1]!.toLowerCase() === 'postgresql' ? 'postgresql' : 'mysql';
  let rest = match[2]!;
  const queryAt = rest.indexOf('?');
  const query = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  if (queryAt >= 0) rest = rest.slice(0, queryAt);

  let host = 'localhost';
  let port = DEFAULT_PORTS[kind];
  let database = '';
  let user: string | undefined;
  let password: string | undefined;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    let authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    database = slash < 0 ? '' : decode(rest.slice(slash + 1));
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const credentials = authority.slice(0, at);
      authority = authority.slice(at + 1);
      const colon = credentials.indexOf(':');
      user = decode(colon < 0 ? credentials : credentials.slice(0, colon));
      if (colon >= 0) password = decode(credentials.slice(colon + 1));
    }
    // Several hosts (failover lists) are allowed in both drivers; Sluice connects to the first.
    const first = authority.split(',')[0]!;
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
    const plain = /^([^:]*)(?::(\d*))?$/.exec(first);
    const hostPart = bracket?.[1] ?? plain?.[1];
    const portPart = bracket?.[2] ?? plain?.[2];
    if (hostPart === undefined) throw new JdbcUrlError(`cannot read the host of ${maskUrl(url)}`);
    if (hostPart !== '') host = hostPart;
    if (portPart !== undefined && portPart !== '') {
      port = Number(portPart);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new JdbcUrlError(`port ${portPart} of ${maskUrl(url)} is not a port number`);
    }
  } else if (kind === 'postgresql') {
    database = decode(rest);
  } else {
    throw new JdbcUrlError(`expected jdbc:mysql://host:port/database, got ${maskUrl(url)}`);
  }
  if (database.includes('/')) database = database.slice(0, database.indexOf('/'));

  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    params[decode(eq < 0 ? pair : pair.slice(0, eq))] = decode(eq < 0 ? '' : pair.slice(eq + 1));
  }
  Object.assign(params, properties);
  user ??= params['user'];
  password ??= params['password'];

  const hostText = host.includes(':') ? `[${host}]` : host;
  const visible = Object.entries(params)
    .filter(([key]) => !SECRET_PARAMS.test(key))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const display = `jdbc:${kind}://${hostText}:${port}/${database}${visible === '' ? '' : `?${visible}`}`;
  return { kind, host, port, database, user, password, params, display };
}

/** A URL with any password in it replaced by `******`, for messages about URLs that did not parse. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/([^/@?]*):[^/@?]*@/, '//$1:******@').replace(/([?&;](?:password|pass|pwd|sslpassword|token)=)[^&;]*/gi, '$1******');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL parameter read as a boolean the way JDBC drivers do (`true`/`false`, case-insensitive). */
export function booleanParam(target: JdbcTarget, ...keys: string[]): boolean | undefined {
  for (const key of keys) {
    const entry = Object.entries(target.params).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (entry !== undefined) return entry[1].toLowerCase() === 'true';
  }
  return undefined;
}

/** A URL parameter by case-insensitive name. */
export function param(target: JdbcTarget, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const entry = Object.entries(target.params).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (entry !== undefined) return entry[1];
  }
  return undefined;
}
