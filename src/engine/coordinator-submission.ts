import type { JobConfig } from '../config/job-config.js';
import { parseJobConfig, type ConfigFormat } from '../config/parse-job-config.js';
import type { ConfigProblem } from '../core/errors.js';
import type { PluginCatalog } from '../core/plugin.js';
import type { JobPlan } from '../plan/job-plan.js';
import { planJob } from '../plan/plan-job.js';

export interface PlanSubmissionOptions {
  format: ConfigFormat;
  /** Overrides `env.job.name` when non-empty (SeaTunnel's `jobName` parameter). */
  jobName?: string;
  catalog: PluginCatalog;
  /** Supplies `${var}` values and the aes256 key. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Config text (or a parsed config) → a plan. Throws ConfigError listing every problem. Job name:
 * the `jobName` option if non-empty, else `env.job.name`, else `SeaTunnel_Job` (reference 2.1).
 */
export function planSubmission(config: string | JobConfig, options: PlanSubmissionOptions): { plan: JobPlan; warnings: ConfigProblem[] } {
  const parsed = typeof config === 'string' ? parseJobConfig(config, { format: options.format, env: options.env, deferErrors: true }) : config;
  if (options.jobName !== undefined && options.jobName !== '') parsed.env = { ...parsed.env, jobName: options.jobName };
  return planJob(parsed, options.catalog);
}

/** Slots a plan holds while it runs: every pipeline runs at once, one slot per subtask. */
export function slotsNeeded(plan: JobPlan): number {
  return plan.pipelines.reduce((sum, pipeline) => sum + pipeline.parallelism, 0);
}

/**
 * The environment submitted configs may read: only the shade key variables. A remote client must
 * not read the server's environment through `${VAR}`.
 */
export function shadeKeyEnv(): Record<string, string | undefined> {
  return { SLUICE_SHADE_KEY: process.env.SLUICE_SHADE_KEY, SLUICE_SHADE_KEY_FILE: process.env.SLUICE_SHADE_KEY_FILE };
}
