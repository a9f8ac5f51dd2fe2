import type { ConfigFormat } from '../../config/parse-job-config.js';
import { ConfigError, SluiceError } from '../../core/errors.js';
import { parseJobId } from '../../core/job-id.js';
import { planSubmission, shadeKeyEnv } from '../../engine/coordinator-submission.js';
import { catalog } from '../../plugins.js';
import { ApiError, badRequest } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { MonitoringContext } from './monitoring-context.js';
import { bodyText, queryValue, unresolvedQuery } from './monitoring-request.js';
import { validationJson } from './validation-json.js';

/**
 * POST /v1/jobs[?jobId=&jobName=&startWithSavepoint=true]: submits a SeaTunnel job config — JSON
 * when the Content-Type says JSON, HOCON otherwise (HOCON reads JSON too) — and answers 202
 * `{"jobid", "jobUrl"}` once the job is accepted (PENDING) and recorded. A config with problems is
 * 400 listing all of them; a job id that is running or has history is 409 (restart it from its
 * savepoint with startWithSavepoint=true).
 */
export async function submitJob(request: RouteRequest, { coordinator }: MonitoringContext): Promise<ApiReply> {
  const text = configText(request);
  const jobIdText = queryValue(request, 'jobId');
  const jobId = jobIdText === undefined ? undefined : parseJobId(jobIdText);
  if (jobIdText !== undefined && jobId === undefined) throw unresolvedQuery('jobId', jobIdText, 'a job id is a decimal number from 1 to 2^63-1');
  const restore = booleanQuery(request, 'startWithSavepoint');
  const jobName = queryValue(request, 'jobName');
  const result = await coordinator.submit(text, { format: formatOf(request), ...(jobId === undefined ? {} : { jobId }), ...(jobName === undefined ? {} : { jobName }), startWithSavepoint: restore });
  if (result.alreadyRunning) throw new ApiError(409, `Job ${result.jobId} is already running; nothing new was submitted.`);
  return json({ jobid: result.jobId, jobUrl: `/jobs/${result.jobId}` }, 202);
}

/**
 * POST /v1/jobs/validate[?jobName=]: checks a config as a submission would — parse, plugin
 * options, wiring, tables — and answers 200 with every problem and the plan; nothing runs and
 * nothing is recorded. An invalid config is still 200 (`valid: false`): the request succeeded.
 */
export function validateJob(request: RouteRequest): ApiReply {
  const text = configText(request);
  const jobName = queryValue(request, 'jobName');
  try {
    const { plan, warnings } = planSubmission(text, { format: formatOf(request), ...(jobName === undefined ? {} : { jobName }), catalog, env: shadeKeyEnv() });
    return json(validationJson(plan, warnings));
  } catch (error) {
    if (error instanceof ConfigError) return json(validationJson(undefined, error.problems));
    if (error instanceof SluiceError && error.code === 'ENCRYPTION') return json(validationJson(undefined, [{ path: 'env.shade.identifier', message: error.message }]));
    throw error;
  }
}

function configText(request: RouteRequest): string {
  const text = bodyText(request);
  if (text.trim() === '') throw badRequest('The request body is empty: send a job config (JSON with Content-Type application/json, or HOCON).');
  return text;
}

function formatOf(request: RouteRequest): ConfigFormat {
  const type = request.headers['content-type'] ?? '';
  return /[/+]json\b/i.test(type) ? 'json' : 'hocon';
}

function booleanQuery(request: RouteRequest, name: string): boolean {
  const value = queryValue(request, name);
  if (value === undefined) return false;
  if (value.toLowerCase() === 'true' || value.toLowerCase() === 'false') return value.toLowerCase() === 'true';
  throw unresolvedQuery(name, value, 'use true or false');
}
