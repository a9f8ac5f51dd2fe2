import { badRequest } from '../route-kit/api-error.js';
import { json, rawJson, type ApiReply } from '../route-kit/api-reply.js';
import { isJsonObject, scalarText } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { SeaTunnelContext } from './seatunnel-context.js';
import { jsonBody, parseBoolean, parseJobIdParam } from './seatunnel-request.js';

interface StopRequest {
  jobId: string;
  savepoint: boolean;
}

/**
 * POST /stop-job `{"jobId": <number|string>, "isStopWithSavePoint": <bool>}` → `{"jobId":"…"}`.
 * As on SeaTunnel's master the stop is not awaited: an unknown or finished id also answers 200,
 * and a failed savepoint is reported in the job's log, not here.
 */
export function stopJob(request: RouteRequest, context: SeaTunnelContext): ApiReply {
  const stop = stopRequest(jsonBody(request));
  startStop(stop, context);
  return json({ jobId: stop.jobId });
}

/** POST /stop-jobs `[{jobId, isStopWithSavePoint}, …]` → `[{"jobId": <number>}, …]`: numbers here, exactly as SeaTunnel emits them. */
export function stopJobs(request: RouteRequest, context: SeaTunnelContext): ApiReply {
  const body = jsonBody(request);
  if (!Array.isArray(body)) throw badRequest('The body of stop-jobs must be a JSON array of {"jobId", "isStopWithSavePoint"} objects.');
  const stops = body.map(stopRequest); // every element is checked before any job is stopped
  for (const stop of stops) startStop(stop, context);
  return rawJson(`[${stops.map((stop) => `{"jobId":${stop.jobId}}`).join(',')}]`);
}

function stopRequest(element: unknown): StopRequest {
  if (!isJsonObject(element)) throw badRequest('Invalid JSON format in request body.');
  const id = scalarText(element.jobId);
  if (id === undefined || id === '') throw badRequest('jobId cannot be empty.');
  return { jobId: parseJobIdParam(id), savepoint: parseBoolean(scalarText(element.isStopWithSavePoint)) };
}

function startStop(stop: StopRequest, { coordinator }: SeaTunnelContext): void {
  if (stop.savepoint) void coordinator.stopWithSavepoint(stop.jobId).catch(() => undefined); // logged in the job's log by the coordinator
  else coordinator.cancel(stop.jobId);
}
