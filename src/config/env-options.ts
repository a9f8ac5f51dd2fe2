import type { OptionSpec } from '../core/option-spec.js';

/** Positive whole numbers that must stay exact as JS numbers (milliseconds, rates). */
const positiveLong = { type: 'long', min: 1, max: Number.MAX_SAFE_INTEGER } as const;

/**
 * The `env` keys Sluice acts on (reference 7.2). Any other env key is kept as written in
 * `EnvConfig.raw` (engine-specific keys such as `flink.*` are common and not an error).
 */
export const ENV_OPTIONS: readonly OptionSpec[] = [
  { key: 'job.mode', type: 'enum', values: ['BATCH', 'STREAMING'], default: 'BATCH', description: 'BATCH ends when the sources are exhausted; STREAMING runs until stopped.' },
  { key: 'job.name', type: 'string', default: 'SeaTunnel_Job', description: 'The job name shown by the REST API and the dashboard.' },
  { key: 'parallelism', type: 'int', min: 1, default: 1, description: 'Subtasks per plugin; a plugin block may override it.' },
  { key: 'checkpoint.interval', ...positiveLong, description: 'Milliseconds between checkpoints; BATCH jobs take none when unset.' },
  { key: 'checkpoint.timeout', ...positiveLong, description: 'Milliseconds a checkpoint may take before it fails (default 60000).' },
  { key: 'checkpoint.tolerable-failures', type: 'int', min: 0, default: 3, description: 'Checkpoints that may fail in a row before the job fails (Sluice; Flink calls it tolerable-failed-checkpoints).' },
  { key: 'job.retry.times', type: 'int', min: 0, default: 3, description: 'How often a failed pipeline is restored before the job fails.' },
  { key: 'job.retry.interval.seconds', type: 'int', min: 0, default: 3, description: 'Seconds between pipeline restore attempts.' },
  { key: 'read_limit.rows_per_second', ...positiveLong, description: 'Rows per second each source subtask may read.' },
  { key: 'read_limit.bytes_per_second', ...positiveLong, description: 'Bytes per second each source subtask may read.' },
  { key: 'shade.identifier', type: 'string', default: 'default', description: 'How sensitive source and sink options are encrypted: default, base64 or aes256.' },
  { key: 'shade.options', type: 'list', elementType: 'string', default: [], description: 'More top-level source and sink keys to encrypt.' },
];
