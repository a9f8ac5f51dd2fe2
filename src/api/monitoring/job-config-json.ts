import type { Static } from 'typebox';
import type { JobView } from '../../engine/coordinator-job.js';
import type { JobConfigInfo } from './schemas/job-schemas.js';

/**
 * `/jobs/:jobid/config` in Flink's wire format. `user-config` holds the job's config as strings:
 * `env.<key>` and `<section>[<i>].<option>` for every plugin option with a value (defaults
 * included). The view is already masked, so sensitive values read `******`.
 */
export function jobConfigJson(job: JobView): Static<typeof JobConfigInfo> {
  const { env } = job.plan;
  const userConfig: Record<string, string> = {};
  for (const [key, value] of Object.entries(job.envOptions)) userConfig[`env.${key}`] = value;
  for (const vertex of job.plan.vertices) {
    const prefix = `${vertex.type}[${vertex.configIndex}]`;
    userConfig[`${prefix}.plugin_name`] = vertex.configuredName;
    for (const [key, value] of Object.entries(vertex.options)) {
      if (value !== undefined && value !== null) userConfig[`${prefix}.${key}`] = text(value);
    }
  }
  return {
    jid: job.jobId,
    name: job.jobName,
    'execution-config': {
      'restart-strategy': env.retryTimes > 0 ? `Restart with fixed delay (${env.retryIntervalSeconds} s). #${env.retryTimes} restart attempts.` : 'Restart deactivated.',
      'job-parallelism': env.parallelism,
      'object-reuse-mode': false,
      'user-config': userConfig,
    },
  };
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}
