import { fileURLToPath } from 'node:url';
import type { ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { clientTriggerId, statusKey, triggerIdParam } from './checkpoint-handlers.js';
import type { MonitoringContext } from './monitoring-context.js';
import { isBoolean, isString, jobOf, jsonObjectBody, mismatch, notFound, optionalField } from './monitoring-request.js';
import { operationStatusReply, triggerReply } from './operation-json.js';

const FORMATS = ['CANONICAL', 'NATIVE'];

/**
 * POST /jobs/:jobid/savepoints `{"target-directory", "cancel-job", "formatType", "triggerId"}` →
 * 202 `{"request-id"}`. Savepoints are stored in the data directory, so `target-directory` is
 * accepted and ignored; `cancel-job` cancels the job once the savepoint is stored (it ends
 * CANCELED, as in Flink). A job that is not RUNNING fails the operation, not the trigger.
 */
export function triggerSavepoint(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const className = 'SavepointTriggerRequestBody';
  const body = jsonObjectBody(request, className);
  optionalField(body, className, 'target-directory', isString, 'a string');
  const cancel = optionalField(body, className, 'cancel-job', isBoolean, 'true or false') ?? false;
  checkFormat(body, className);
  const { coordinator, operations } = context;
  const trigger = operations.trigger('savepoint', job.jobId, clientTriggerId(body, className), async () => {
    const stats = await coordinator.triggerSavepoint(job.jobId);
    if (cancel) coordinator.cancel(job.jobId);
    return stats;
  });
  return triggerReply(trigger.triggerId, 202);
}

/**
 * POST /jobs/:jobid/stop `{"targetDirectory", "drain", "formatType", "triggerId"}` → 202: stop with
 * a savepoint (SeaTunnel: DOING_SAVEPOINT, then SAVEPOINT_DONE; Flink view: FINISHED). Its status
 * is read at the savepoint status URL, and a trigger id dedupes across both, as in Flink.
 */
export function stopWithSavepoint(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const className = 'StopWithSavepointRequestBody';
  const body = jsonObjectBody(request, className);
  optionalField(body, className, 'targetDirectory', isString, 'a string');
  optionalField(body, className, 'drain', isBoolean, 'true or false');
  checkFormat(body, className);
  const { coordinator, operations } = context;
  const trigger = operations.trigger('savepoint', job.jobId, clientTriggerId(body, className), () => coordinator.stopWithSavepoint(job.jobId));
  return triggerReply(trigger.triggerId, 202);
}

/** GET /jobs/:jobid/savepoints/:triggerid: savepoints and stops. */
export function savepointStatus(request: RouteRequest, context: MonitoringContext): ApiReply {
  const { jobId, triggerId } = statusKey(request);
  const state = context.operations.status('savepoint', jobId, triggerId);
  if (state === undefined) throw notFound(`There is no savepoint operation with triggerId=${triggerId} for job ${jobId}.`);
  return operationStatusReply(state, 'savepoint');
}

/**
 * POST /savepoint-disposal `{"savepoint-path"}` → 200 `{"request-id"}` (200, as Flink answers this
 * trigger). The path is one a savepoint operation or /checkpoints reported (a `file:` URI works
 * too); only checkpoints and savepoints of this node can be disposed.
 */
export function triggerDisposal(request: RouteRequest, context: MonitoringContext): ApiReply {
  const className = 'SavepointDisposalRequest';
  const body = jsonObjectBody(request, className);
  const given = optionalField(body, className, 'savepoint-path', isString, 'a string');
  if (given === undefined || given.trim() === '') throw mismatch(className, '"savepoint-path" is required');
  const path = localPath(given.trim());
  const trigger = context.operations.trigger('disposal', '', undefined, async () => {
    if (!(await context.coordinator.disposeSavepoint(path))) throw new Error(`There is no savepoint at ${given}.`);
  });
  return triggerReply(trigger.triggerId, 200);
}

/** GET /savepoint-disposal/:triggerid. */
export function disposalStatus(request: RouteRequest, context: MonitoringContext): ApiReply {
  const triggerId = triggerIdParam(request);
  const state = context.operations.status('disposal', '', triggerId);
  if (state === undefined) throw notFound(`Operation not found under key: ${triggerId}`);
  return operationStatusReply(state, 'plain');
}

function checkFormat(body: Record<string, unknown>, className: string): void {
  const format = optionalField(body, className, 'formatType', isString, 'CANONICAL or NATIVE');
  if (format !== undefined && !FORMATS.includes(format.toUpperCase())) throw mismatch(className, '"formatType" must be CANONICAL or NATIVE');
}

function localPath(location: string): string {
  if (!location.startsWith('file:')) return location;
  try {
    return fileURLToPath(location.startsWith('file://') ? location : `file://${location.slice('file:'.length)}`);
  } catch {
    return location.slice('file:'.length);
  }
}
