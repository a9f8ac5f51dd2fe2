import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { ConfigError, type ConfigProblem } from '../core/errors.js';
import type { ScheduleStrategy } from '../engine/coordinator.js';
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

type KeySpec = { type: 'int'; min: number } | { type: 'bool' } | { type: 'string' } | { type: 'enum'; values: readonly string[] };

/** Every key the YAML file may hold, flattened (`rest: {port: 1}` is `rest.port`). */
const KEYS: Record<string, KeySpec> = {
  'rest.port': { type: 'int', min: 0 },
  'rest.port-count': { type: 'int', min: 1 },
  'rest.bind-address': { type: 'string' },
  'rest.server.max-content-length': { type: 'int', min: 1 },
  'data-dir': { type: 'string' },
  'slot-service.dynamic-slot': { type: 'bool' },
  'slot-service.slot-num': { type: 'int', min: 1 },
  'job-schedule-strategy': { type: 'enum', values: ['REJECT', 'WAIT'] },
  'history-job-expire-minutes': { type: 'int', min: 1 },
};

export function defaultNodeConfig(): NodeConfig {
  return {
    server: { ...DEFAULT_SERVER_SETTINGS },
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
    const key = rawKey.replace(/^seatunnel\.engine\./, '');
    const spec = KEYS[key];
    if (spec === undefined) {
      warnings.push(`${file}: unknown key ${rawKey} (ignored); known keys: ${Object.keys(KEYS).join(', ')}`);
      continue;
    }
    const checked = check(spec, value);
    if (checked instanceof Problem) problems.push({ path: rawKey, message: checked.message });
    else values[key] = checked;
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
  set<string>('data-dir', (v) => (config.dataDir = v));
  set<boolean>('slot-service.dynamic-slot', (v) => (config.slots.dynamic = v));
  set<number>('slot-service.slot-num', (v) => (config.slots.slotNum = v));
  set<ScheduleStrategy>('job-schedule-strategy', (v) => (config.scheduleStrategy = v));
  set<number>('history-job-expire-minutes', (v) => (config.historyExpireMinutes = v));
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
