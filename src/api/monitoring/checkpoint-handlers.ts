import { stringifyJsonLossless } from '../route-kit/lossless-json.js';
import { json, rawJson, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { checkpointConfigJson, checkpointingDisabled, checkpointingStatisticsJson, checkpointStatisticsJson } from './checkpoint-json.js';
import type { MonitoringContext } from './monitoring-context.js';
import { isString, jobIdParam, jobOf, jsonObjectBody, mismatch, notFound, optionalField, pathParam, unresolvedPath } from './monitoring-request.js';
import { operationStatusReply, triggerReply } from './operation-json.js';
import { parseTriggerId } from './trigger-id.js';
import { badRequest } from '../route-kit/api-error.js';

/** GET /jobs/:jobid/checkpoints; 404 when the job cannot take checkpoints (a source cannot snapshot its position). */
export function checkpointStatistics(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const disabled = checkpointingDisabled(job);
  if (disabled !== undefined) throw notFound(disabled);
  return json(checkpointingStatisticsJson(job));
}

export function checkpointConfig(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  if (checkpointingDisabled(job) !== undefined) throw notFound(`Checkpointing is not enabled for this job (${job.jobId}).`);
  return rawJson(stringifyJsonLossless(checkpointConfigJson(job)));
}

/** GET /jobs/:jobid/checkpoints/details/:checkpointid: one of the last 100 checkpoints and savepoints. */
export function checkpointDetails(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const given = pathParam(request, 'checkpointid');
  if (!/^\d{1,15}$/.test(given)) throw unresolvedPath('checkpointid', given, 'a checkpoint id is a whole number');
  const stats = job.checkpoints?.history.find((entry) => entry.id === Number(given));
  if (stats === undefined) throw notFound(`Could not find checkpointing statistics for checkpoint ${given}.`);
  return json(checkpointStatisticsJson(stats));
}

/**
 * POST /jobs/:jobid/checkpoints `{checkpointType?, triggerId?}` → 202 `{"request-id"}`. Sluice's
 * checkpoints are always full, so CONFIGURED and FULL are the same; INCREMENTAL is refused with 400
 * (Flink fails it with 500).
 */
export function triggerCheckpoint(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const body = jsonObjectBody(request, 'CheckpointTriggerRequestBody');
  const type = optionalField(body, 'CheckpointTriggerRequestBody', 'checkpointType', isString, 'CONFIGURED or FULL');
  if (type !== undefined && type.toUpperCase() === 'INCREMENTAL') throw badRequest('Incremental checkpoints are not supported: Sluice takes full checkpoints; use checkpointType CONFIGURED or FULL.');
  if (type !== undefined && type.toUpperCase() !== 'CONFIGURED' && type.toUpperCase() !== 'FULL') throw mismatch('CheckpointTriggerRequestBody', '"checkpointType" must be CONFIGURED or FULL');
  const triggerId = clientTriggerId(body, 'CheckpointTriggerRequestBody');
  const { coordinator, operations } = context;
  const trigger = operations.trigger('checkpoint', job.jobId, triggerId, () => coordinator.triggerCheckpoint(job.jobId));
  return triggerReply(trigger.triggerId, 202);
}

/** GET /jobs/:jobid/checkpoints/:triggerid. */
export function checkpointStatus(request: RouteRequest, context: MonitoringContext): ApiReply {
  const { jobId, triggerId } = statusKey(request);
  const state = context.operations.status('checkpoint', jobId, triggerId);
  if (state === undefined) throw notFound(`There is no checkpoint operation with triggerId=${triggerId} for job ${jobId}.`);
  return operationStatusReply(state, 'checkpoint');
}

/** `triggerId` of a body: 32 hex characters when given. */
export function clientTriggerId(body: Record<string, unknown>, className: string): string | undefined {
  const given = body.triggerId;
  if (given === undefined || given === null) return undefined;
  const id = parseTriggerId(given);
  if (id === undefined) throw mismatch(className, '"triggerId" must be 32 hexadecimal characters');
  return id;
}

/** The job id and trigger id of a status URL; the job need not exist any more (its operation may still be kept). */
export function statusKey(request: RouteRequest): { jobId: string; triggerId: string } {
  return { jobId: jobIdParam(request), triggerId: triggerIdParam(request) };
}

export function triggerIdParam(request: RouteRequest): string {
  const given = pathParam(request, 'triggerid');
  const id = parseTriggerId(given);
  if (id === undefined) throw unresolvedPath('triggerid', given, 'a trigger id is 32 hexadecimal characters, as a trigger answered it');
  return id;
}
