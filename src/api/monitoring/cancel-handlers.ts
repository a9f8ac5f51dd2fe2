import { isTerminal } from '../../core/job-status.js';
import { ApiError } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { flinkJobStatus } from './flink-status.js';
import type { MonitoringContext } from './monitoring-context.js';
import { jobIdParam, notFound, queryValue, unresolvedQuery } from './monitoring-request.js';

const STOP_REMOVED = 'The termination mode "stop" has been removed. For a graceful shutdown, please use "jobs/:jobId/stop" instead.';

/**
 * PATCH /jobs/:jobid[?mode=cancel] → 202 `{}` (Flink's JobCancellationHandler): 404 "Job could not be
 * found.", 409 when the job already ended; `mode=stop` is 308 as in Flink.
 */
export function cancelJob(request: RouteRequest, context: MonitoringContext): ApiReply {
  const mode = queryValue(request, 'mode')?.toLowerCase() ?? 'cancel';
  if (mode === 'stop') throw new ApiError(308, STOP_REMOVED);
  if (mode !== 'cancel') throw unresolvedQuery('mode', mode, 'the only mode is "cancel"');
  return cancel(request, context);
}

/** GET /jobs/:jobid/yarn-cancel: the dashboard's Cancel button (not in Flink's spec). */
export function yarnCancel(request: RouteRequest, context: MonitoringContext): ApiReply {
  return cancel(request, context);
}

/** GET /jobs/:jobid/yarn-stop: 308 as in Flink. */
export function yarnStop(): ApiReply {
  throw new ApiError(308, STOP_REMOVED);
}

function cancel(request: RouteRequest, { coordinator }: MonitoringContext): ApiReply {
  const id = jobIdParam(request);
  const job = coordinator.job(id);
  if (job === undefined) throw notFound('Job could not be found.');
  if (isTerminal(job.status)) throw new ApiError(409, `Job cancellation failed because the job has already reached another terminal state (${flinkJobStatus(job.status)}).`);
  coordinator.cancel(id);
  return json({}, 202);
}
