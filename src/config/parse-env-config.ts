import type { ConfigProblem } from '../core/errors.js';
import type { JobMode } from '../core/plugin.js';
import type { ConfigEntry } from './config-node.js';
import { ENV_OPTIONS } from './env-options.js';
import type { EnvConfig, SourcePosition } from './job-config.js';
import { objectToValue } from './object-to-value.js';
import { isRecord, setOwn } from './plain-record.js';
import { resolveOptions } from './resolve-options.js';

export interface ParsedEnv {
  env: EnvConfig;
  /** `shade.options`: the extra keys to encrypt. */
  shadeOptions: string[];
  problems: ConfigProblem[];
}

/**
 * Types and defaults the `env` block (reference 7.2). `raw` holds every key flattened to its dotted
 * path (`job { mode = BATCH }` and `job.mode = BATCH` both give `{"job.mode": "BATCH"}`), as
 * SeaTunnel reports env options. A missing `env` is all defaults.
 */
export function parseEnvConfig(entries: readonly ConfigEntry[], positions: Map<string, SourcePosition>): ParsedEnv {
  const nested = objectToValue({ kind: 'object', entries: [...entries], position: { line: 1, column: 1 } }, 'env', positions);
  const raw: Record<string, unknown> = {};
  flatten(nested, '', raw);
  const { values, problems } = resolveOptions(ENV_OPTIONS, raw, 'env', positions);
  const env: EnvConfig = {
    jobMode: values['job.mode'] as JobMode,
    jobName: values['job.name'] as string,
    parallelism: values['parallelism'] as number,
    checkpointInterval: values['checkpoint.interval'] as number | undefined,
    checkpointTimeout: values['checkpoint.timeout'] as number | undefined,
    checkpointTolerableFailures: values['checkpoint.tolerable-failures'] as number,
    retryTimes: values['job.retry.times'] as number,
    retryIntervalSeconds: values['job.retry.interval.seconds'] as number,
    readLimitRowsPerSecond: values['read_limit.rows_per_second'] as number | undefined,
    readLimitBytesPerSecond: values['read_limit.bytes_per_second'] as number | undefined,
    shadeIdentifier: values['shade.identifier'] as string,
    raw,
  };
  // Unknown env keys are normal (engine-specific options), so only errors are reported.
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  return { env, shadeOptions: values['shade.options'] as string[], problems: errors };
}

function flatten(object: Readonly<Record<string, unknown>>, prefix: string, into: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(value)) flatten(value, path, into);
    else setOwn(into, path, value);
  }
}
