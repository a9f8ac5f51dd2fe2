import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { ConfigError, type ConfigProblem } from '../core/errors.js';
import type { ScheduleStrategy } from '../engine/coordinator.js';
import { ENDPOINT_GROUPS, type EndpointGroup } from './security/endpoint-group.js';
import { parseOrigins, parseTokens, parseUsers, type Parsed } from './security/parse-credentials.js';
import { defaultSecuritySettings, type BasicUser, type BearerToken } from './security/security-settings.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './server-settings.js';

/** Everything `sluice serve` is configured with (docs/configuration.md). */
export interface NodeConfig {
  server: ServerSettings;
  /** `data-dir` (.sluice): job history, checkpoints, savepoints, job logs. */
  dataDir: string;
  /** `slot-service.dynamic-slot` (true) and `slot-service.slot-num` (2). */
  slots: { dynamic: boolean; slotNum: number };
  /** `job-schedule-strategy` (REJECT). */
  scheduleStrategy: ScheduleStrategy;
  /** `history-job-expire-minutes` (1440). */
  historyExpireMinutes: number;
}

/** A bad value, as opposed to a checked one. */
class Problem {
  constructor(readonly message: string) {}
}

type KeySpec =
  | { type: 'int'; min: number }
  | { type: 'bool' }
  | { type: 'string' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; parse: (value: unknown) => Parsed<unknown> };

/** Every key the YAML file may hold, flattened (`rest: {port: 1}` is `rest.port`). */
const KEYS: Record<string, KeySpec> = {
  'rest.port': { type: 'int', min: 0 },
  'rest.port-count': { type: 'int', min: 1 },
  'rest.bind-address': { type: 'string' },
  'rest.server.max-content-length': { type: 'int', min: 1 },
  'rest.auth.enabled': { type: 'bool' },
  'rest.auth.realm': { type: 'string' },
  'rest.auth.basic.users': { type: 'list', parse: parseUsers },
  'rest.auth.bearer.tokens': { type: 'list', parse: parseTokens },
  ...Object.fromEntries(ENDPOINT_GROUPS.map((group) => [`rest.endpoint-groups.${group}.enabled`, { type: 'bool' }])),
  'rest.cors.allowed-origins': { type: 'list', parse: parseOrigins },
  'rest.cors.max-age': { type: 'int', min: 0 },
  'rest.response-cache.ttl-ms': { type: 'int', min: 0 },
  'rest.async.store-duration': { type: 'int', min: 1 },
  'metrics.finished-job-minutes': { type: 'int', min: 0 },
  'data-dir': { type: 'string' },
  'slot-service.dynamic-slot': { type: 'bool' },
  'slot-service.slot-num': { type: 'int', min: 1 },
  'job-schedule-strategy': { type: 'enum', values: ['REJECT', 'WAIT'] },
  'history-job-expire-minutes': { type: 'int', min: 1 },
};

export function defaultNodeConfig(): NodeConfig {
  return {
    server: { ...DEFAULT_SERVER_SETTINGS, security: defaultSecuritySettings() },
    dataDir: '.sluice',
    slots: { dynamic: true, slotNum: 2 },
    scheduleStrategy: 'REJECT',
    historyExpireMinutes: 1440,
  };
}

/**
 * Reads a `sluice.yaml`. Keys may be nested or dotted, and may sit under `seatunnel.engine` (so a
 * SeaTunnel `seatunnel.yaml` section can be pasted). Unknown keys are warnings; bad values are
 * errors, all reported at once with their paths.
 */
export async function loadNodeConfig(file: string | undefined): Promise<{ config: NodeConfig; warnings: string[] }> {
  const config = defaultNodeConfig();
  if (file === undefined) return { config, warnings: [] };
  let document: unknown;
  try {
    document = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([{ path: '', message: `cannot read ${file}: ${(error as Error).message}` }]);
  }
  const flat: Record<string, unknown> = {};
  flatten(document ?? {}, '', flat);
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(flat)) {
    // Group names are upper case in Hazelcast's YAML; accept any case.
    const key = rawKey.replace(/^seatunnel\.engine\./, '').replace(/^(rest\.endpoint-groups\.)([^.]+)/, (_, prefix: string, group: string) => prefix + group.toUpperCase());
    const spec = KEYS[key];
    if (spec === undefined && key.startsWith('rest.auth.')) {
      // A misspelt auth key would leave the API open: refuse to start rather than warn.
      problems.push({ path: rawKey, message: `unknown key; rest.auth takes ${Object.keys(KEYS).filter((k) => k.startsWith('rest.auth.')).join(', ')}` });
      continue;
    }
    if (spec === undefined) {
      warnings.push(`${file}: unknown key ${rawKey} (ignored); known keys: ${Object.keys(KEYS).join(', ')}`);
      continue;
    }
    const checked = check(spec, value);
    if (checked instanceof Problem) problems.push({ path: rawKey, message: checked.message });
    else values[key] = checked;
  }
  const credentials = ((values['rest.auth.basic.users'] as unknown[] | undefined) ?? []).length + ((values['rest.auth.bearer.tokens'] as unknown[] | undefined) ?? []).length;
  if (values['rest.auth.enabled'] === true && credentials === 0 && !problems.some((problem) => problem.path.includes('rest.auth.'))) {
    problems.push({ path: 'rest.auth.enabled', message: 'authentication is enabled but no credentials are configured: add rest.auth.basic.users or rest.auth.bearer.tokens' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  apply(config, values);
  return { config, warnings };
}

function apply(config: NodeConfig, values: Record<string, unknown>): void {
  const set = <T>(key: string, assign: (value: T) => void): void => {
    if (key in values) assign(values[key] as T);
  };
  set<number>('rest.port', (v) => (config.server.port = v));
  set<number>('rest.port-count', (v) => (config.server.portCount = v));
  set<string>('rest.bind-address', (v) => (config.server.bindAddress = v));
  set<number>('rest.server.max-content-length', (v) => (config.server.maxContentLength = v));
  set<number>('rest.async.store-duration', (v) => (config.server.asyncStoreDurationMs = v));
  set<string>('data-dir', (v) => (config.dataDir = v));
  set<boolean>('slot-service.dynamic-slot', (v) => (config.slots.dynamic = v));
  set<number>('slot-service.slot-num', (v) => (config.slots.slotNum = v));
  set<ScheduleStrategy>('job-schedule-strategy', (v) => (config.scheduleStrategy = v));
  set<number>('history-job-expire-minutes', (v) => (config.historyExpireMinutes = v));
  const { auth, cors, endpointGroups } = config.server.security;
  set<BasicUser[]>('rest.auth.basic.users', (v) => (auth.users = v));
  set<BearerToken[]>('rest.auth.bearer.tokens', (v) => (auth.tokens = v));
  // Credentials switch authentication on unless `enabled: false` says otherwise.
  auth.enabled = auth.users.length + auth.tokens.length > 0;
  set<boolean>('rest.auth.enabled', (v) => (auth.enabled = v));
  set<string>('rest.auth.realm', (v) => (auth.realm = v));
  for (const group of ENDPOINT_GROUPS) set<boolean>(`rest.endpoint-groups.${group}.enabled`, (v) => (endpointGroups[group as EndpointGroup] = v));
  set<string[]>('rest.cors.allowed-origins', (v) => (cors.allowedOrigins = v));
  set<number>('rest.cors.max-age', (v) => (cors.maxAgeSeconds = v));
  set<number>('rest.response-cache.ttl-ms', (v) => (config.server.responseCacheMs = v));
  set<number>('metrics.finished-job-minutes', (v) => (config.server.metricsFinishedJobMinutes = v));
}

function check(spec: KeySpec, value: unknown): unknown {
  switch (spec.type) {
    case 'int': {
      const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= spec.min ? n : new Problem(`expected a whole number of at least ${spec.min}, got ${JSON.stringify(value)}`);
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return new Problem(`expected true or false, got ${JSON.stringify(value)}`);
    case 'string':
      return typeof value === 'string' && value !== '' ? value : new Problem(`expected a non-empty string, got ${JSON.stringify(value)}`);
    case 'list': {
      const parsed = spec.parse(value);
      return 'value' in parsed ? parsed.value : new Problem(parsed.problems.join('; '));
    }
    case 'enum': {
      const upper = typeof value === 'string' ? value.toUpperCase() : '';
      return spec.values.includes(upper) ? upper : new Problem(`expected one of ${spec.values.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
  } else if (prefix !== '') {
    out[prefix] = value;
  }
}
