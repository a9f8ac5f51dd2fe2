import type { ConfigProblem } from '../core/errors.js';
import type { JobMode, PluginType } from '../core/plugin.js';

/** Where a value was written: 1-based line and column in the config text (HOCON and JSON). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One plugin block of a job config, after parsing, variable substitution and decryption. */
export interface PluginConfig {
  type: PluginType;
  /** Position within its section: `source[1]` has index 1. */
  index: number;
  /** The plugin name as written (`console`, `FakeSource`). */
  name: string;
  /**
   * Every key of the block except the wiring and common keys below, as parsed: HOCON paths like
   * `row.num = 5` become nested objects (`{row: {num: 5}}`), JSON keys stay as written
   * (`{"row.num": 5}`); option lookup accepts both.
   */
  options: Record<string, unknown>;
  /** plugin_input / source_table_name (string or list), normalised to a list; empty when omitted. */
  inputs: string[];
  /** plugin_output / result_table_name. */
  output?: string;
  /** The block's own `parallelism`, when set. */
  parallelism?: number;
}

/** The `env` block with the options Sluice acts on, typed and defaulted (reference 7.2). */
export interface EnvConfig {
  jobMode: JobMode;
  jobName: string;
  parallelism: number;
  /** ms; undefined = not set (BATCH then takes no checkpoints). */
  checkpointInterval?: number;
  checkpointTimeout?: number;
  /** Checkpoints that may fail in a row before the job fails. */
  checkpointTolerableFailures: number;
  retryTimes: number;
  retryIntervalSeconds: number;
  readLimitRowsPerSecond?: number;
  readLimitBytesPerSecond?: number;
  shadeIdentifier: string;
  /** Every env key as written, values as parsed (SeaTunnel reports them as strings in jobDag.envOptions). */
  raw: Record<string, unknown>;
}

export interface JobConfig {
  env: EnvConfig;
  source: PluginConfig[];
  transform: PluginConfig[];
  sink: PluginConfig[];
  /** Positions of values by path (`source[0].row.num`, `env.parallelism`), when known. */
  positions: Map<string, SourcePosition>;
  /**
   * What parsing found that did not stop it: warnings (an unknown section, an unknown shade) and,
   * when parsed with `deferErrors`, errors. `validateJobConfig` reports them with its own.
   */
  problems?: ConfigProblem[];
}

/** `source[0]`, `transform[2]`, … — the prefix of every problem path inside a plugin block. */
export function pluginPath(plugin: Pick<PluginConfig, 'type' | 'index'>): string {
  return `${plugin.type}[${plugin.index}]`;
}
