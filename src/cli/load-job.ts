import { readFile } from 'node:fs/promises';
import { formatFromFileName, parseJobConfig } from '../config/parse-job-config.js';
import { ConfigError, type ConfigProblem } from '../core/errors.js';
import type { JobPlan } from '../plan/job-plan.js';
import { planJob } from '../plan/plan-job.js';
import { catalog } from '../plugins.js';

export interface LoadOptions {
  /** `-i key=value` pairs. */
  variables: Record<string, string>;
  /** `-n name`: overrides env.job.name. */
  jobName?: string;
}

/** Reads a job file and plans it. Throws ConfigError (every problem) when it cannot run. */
export async function loadJob(file: string, options: LoadOptions): Promise<{ plan: JobPlan; warnings: ConfigProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ConfigError([{ path: '', message: `cannot read ${file}: ${reason}` }]);
  }
  const config = parseJobConfig(text, { format: formatFromFileName(file), variables: options.variables, env: process.env, deferErrors: true });
  if (options.jobName !== undefined) config.env.jobName = options.jobName;
  return planJob(config, catalog);
}

/** Parses repeated `-i key=value` options. */
export function parseVariables(pairs: string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ConfigError([{ path: '', message: `variable "${pair}" must look like key=value` }]);
    variables[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return variables;
}
