import type { ConfigProblem } from '../../core/errors.js';
import type { OptionSpec, OptionValues } from '../../core/option-spec.js';
import { JdbcUrlError, parseJdbcUrl, type DatabaseKind, type JdbcTarget } from './jdbc-url.js';

/**
 * The connection options the Jdbc source and sink share (SeaTunnel's JdbcOptions and
 * JdbcConnectionConfig: url, driver, user, password, properties, connection_check_timeout_sec,
 * compatible_mode).
 */
export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'url',
    type: 'string',
    required: true,
    description:
      'JDBC URL of the database: `jdbc:postgresql://host:port/database` or `jdbc:mysql://host:port/database` (also `jdbc:mariadb://`). URL parameters user, password, currentSchema (PostgreSQL), ssl/sslmode, useSSL/sslMode, zeroDateTimeBehavior (MySQL) and ApplicationName are honoured.',
    example: '"jdbc:postgresql://localhost:5432/shop"',
  },
  {
    key: 'driver',
    type: 'string',
    description:
      'The JDBC driver class SeaTunnel loads: `org.postgresql.Driver`, `com.mysql.cj.jdbc.Driver` (or `com.mysql.jdbc.Driver`) or `org.mariadb.jdbc.Driver`. Sluice speaks both protocols natively, so it only checks that the driver fits the url; it may be left out.',
    example: '"org.postgresql.Driver"',
  },
  { key: 'user', type: 'string', description: 'User name; wins over a user in the url.', example: '"postgres"' },
  { key: 'password', type: 'string', sensitive: true, description: 'Password; wins over a password in the url. Masked in logs and responses.', example: '"secret"' },
  {
    key: 'properties',
    type: 'object',
    description: 'Extra connection parameters, as if added to the url query; on conflict they win over the url (the MySQL driver rule).',
    example: 'properties { useSSL = false }',
  },
  {
    key: 'connection_check_timeout_sec',
    type: 'int',
    default: 30,
    min: 1,
    description: 'Seconds to wait for a connection to be established before giving up on an attempt.',
    example: '10',
  },
  {
    key: 'compatible_mode',
    type: 'string',
    description: 'SeaTunnel: the mode of databases with several (OceanBase, StarRocks). Accepted for compatibility; Sluice speaks PostgreSQL and MySQL only.',
    example: '"mysql"',
  },
];

const DRIVERS: Record<string, DatabaseKind> = {
  'org.postgresql.driver': 'postgresql',
  'com.mysql.cj.jdbc.driver': 'mysql',
  'com.mysql.jdbc.driver': 'mysql',
  'org.mariadb.jdbc.driver': 'mysql',
};

export interface ConnectionSettings {
  target: JdbcTarget;
  timeoutSec: number;
}

/** The validated connection settings (call after `connectionProblems` found none). */
export function readConnection(options: OptionValues): ConnectionSettings {
  const properties: Record<string, string> = {};
  const raw = options['properties'];
  if (raw !== undefined && raw !== null && typeof raw === 'object') {
    for (const [key, value] of Object.entries(flatten(raw as Record<string, unknown>))) properties[key] = String(value);
  }
  const target = parseJdbcUrl(String(options['url']), properties);
  if (typeof options['user'] === 'string') target.user = options['user'];
  if (typeof options['password'] === 'string') target.password = options['password'];
  return { target, timeoutSec: Number(options['connection_check_timeout_sec'] ?? 30) };
}

/** Problems with url and driver, each at its option. */
export function connectionProblems(options: OptionValues): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let kind: DatabaseKind | undefined;
  try {
    kind = readConnection(options).target.kind;
  } catch (error) {
    if (!(error instanceof JdbcUrlError)) throw error;
    problems.push({ path: 'url', message: error.message });
  }
  const driver = options['driver'];
  if (typeof driver === 'string' && driver !== '') {
    const driverKind = DRIVERS[driver.toLowerCase()];
    if (driverKind === undefined) {
      problems.push({ path: 'driver', message: `driver ${driver} is not one Sluice speaks; use org.postgresql.Driver, com.mysql.cj.jdbc.Driver or org.mariadb.jdbc.Driver` });
    } else if (kind !== undefined && driverKind !== kind) {
      problems.push({ path: 'driver', message: `driver ${driver} does not fit the url, which is a ${kind === 'postgresql' ? 'PostgreSQL' : 'MySQL'} url` });
    }
  }
  return problems;
}

/** `{ a { b = 1 } }` → `{ "a.b": 1 }`: HOCON paths in properties are driver parameter names with dots. */
function flatten(object: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}
