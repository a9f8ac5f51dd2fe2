import type { ConfigFormat } from '../../config/parse-job-config.js';
import type { Coordinator } from '../../engine/coordinator.js';
import { badRequest } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import { isJsonObject, parseJsonLossless, scalarText, stringifyJsonLossless } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { SeaTunnelContext } from './seatunnel-context.js';
import { bodyText, jsonBody, parseBoolean, parseJobIdParam, seaTunnelParams } from './seatunnel-request.js';

interface SubmitParams {
  jobId?: string;
  jobName?: string;
  isStartWithSavePoint?: string;
}

/**
 * POST /submit-job[?jobId=&jobName=&isStartWithSavePoint=&format=hocon]. The body is a JSON config,
 * HOCON text with `format=hocon`, or a multipart upload (part `config_file`; a `.json` file name
 * means JSON, anything else HOCON) — the last also at /submit-job/upload. Answers once the job is
 * PENDING: `{"jobId":"…","jobName":"…"}`.
 */
export async function submitJob(request: RouteRequest, { coordinator }: SeaTunnelContext): Promise<ApiReply> {
  const params = seaTunnelParams(request);
  const options = submitOptions(params);
  let text: string;
  let format: ConfigFormat;
  if (request.isMultipart()) {
    ({ text, format } = await uploadedConfig(request));
  } else {
    text = bodyText(request);
    format = params.format?.toLowerCase() === 'hocon' ? 'hocon' : 'json';
    if (format === 'json') assertJsonObject(text);
  }
  return json(await submit(coordinator, text, format, options));
}

/**
 * POST /submit-jobs: a JSON array of configs, each with optional `"params": {jobId, jobName,
 * isStartWithSavePoint}`. Non-objects are skipped; jobs are submitted in order, and a failure
 * fails the call after the earlier ones were accepted (as in SeaTunnel).
 */
export async function submitJobs(request: RouteRequest, { coordinator }: SeaTunnelContext): Promise<ApiReply> {
  const body = jsonBody(request);
  if (!Array.isArray(body)) throw badRequest('The body of submit-jobs must be a JSON array of job configs.');
  const requests = body.filter(isJsonObject).map((element) => {
    const { params, ...config } = element;
    const given: SubmitParams = {};
    if (isJsonObject(params)) {
      for (const key of ['jobId', 'jobName', 'isStartWithSavePoint'] as const) {
        const value = scalarText(params[key]);
        if (value !== undefined) given[key] = value;
      }
    }
    return { text: stringifyJsonLossless(config), options: submitOptions(given) };
  });
  const results = [];
  for (const { text, options } of requests) results.push(await submit(coordinator, text, 'json', options));
  return json(results);
}

function submitOptions(params: SubmitParams): { jobId?: string; jobName?: string; startWithSavepoint: boolean } {
  const jobId = params.jobId === undefined || params.jobId === '' ? undefined : parseJobIdParam(params.jobId);
  const startWithSavepoint = parseBoolean(params.isStartWithSavePoint);
  if (startWithSavepoint && jobId === undefined) throw badRequest('Please provide jobId when start with save point.');
  return { ...(jobId === undefined ? {} : { jobId }), ...(params.jobName ? { jobName: params.jobName } : {}), startWithSavepoint };
}

async function submit(coordinator: Coordinator, text: string, format: ConfigFormat, options: ReturnType<typeof submitOptions>): Promise<{ jobId: string; jobName: string }> {
  const result = await coordinator.submit(text, { format, ...options });
  return { jobId: result.jobId, jobName: result.jobName };
}

async function uploadedConfig(request: RouteRequest): Promise<{ text: string; format: ConfigFormat }> {
  const file = await request.file();
  if (file === undefined || file.fieldname !== 'config_file') throw badRequest('Upload the job config as the multipart form part "config_file".');
  const text = (await file.toBuffer()).toString('utf8');
  if (text.trim() === '') throw badRequest('Request body is empty.');
  const format: ConfigFormat = file.filename.toLowerCase().endsWith('.json') ? 'json' : 'hocon';
  if (format === 'json') assertJsonObject(text);
  return { text, format };
}

/** SeaTunnel reads a JSON body into a map: anything but a JSON object is "Invalid JSON format". */
function assertJsonObject(text: string): void {
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch {
    throw badRequest('Invalid JSON format in request body.');
  }
  if (!isJsonObject(parsed)) throw badRequest('Invalid JSON format in request body.');
}
