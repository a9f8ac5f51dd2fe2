import type { VersionedRoute } from './api-versions.js';
import { checkpointStatus, triggerCheckpoint } from './checkpoint-handlers.js';
import type { MonitoringContext } from './monitoring-context.js';
import { rescalingStatus, resourceRequirements, triggerRescaling, updateResourceRequirements } from './rescale-handlers.js';
import { JobParams, JobTriggerParams, RescalingQuery, TriggerParams } from './route-params.js';
import { disposalStatus, savepointStatus, stopWithSavepoint, triggerDisposal, triggerSavepoint } from './savepoint-handlers.js';
import { CheckpointStatus, EmptyBody, ErrorResponseBody, OperationStatus, SavepointStatus, TriggerResponse } from './schemas/common-schemas.js';
import { CheckpointTriggerRequestBody, JobResourceRequirements, SavepointDisposalRequest, SavepointTriggerRequestBody, StopWithSavepointRequestBody } from './schemas/request-schemas.js';

const triggered = { 202: TriggerResponse, 400: ErrorResponseBody, 404: ErrorResponseBody };
const polled = { 404: ErrorResponseBody };

/** Trigger-and-poll operations (reference §4) and the synchronous rescale of resource requirements. */
export const operationRoutes: readonly VersionedRoute<MonitoringContext>[] = [
  {
    route: {
      method: 'POST',
      url: '/jobs/:jobid/savepoints',
      summary: 'Trigger a savepoint (optionally cancelling the job)',
      schema: { params: JobParams, body: SavepointTriggerRequestBody, response: triggered },
      handler: triggerSavepoint,
    },
  },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/savepoints/:triggerid',
      summary: 'Status of a savepoint or stop-with-savepoint',
      schema: { params: JobTriggerParams, response: { 200: SavepointStatus, ...polled } },
      handler: savepointStatus,
    },
  },
  {
    route: {
      method: 'POST',
      url: '/jobs/:jobid/stop',
      summary: 'Stop a job with a savepoint (status at …/savepoints/:triggerid)',
      schema: { params: JobParams, body: StopWithSavepointRequestBody, response: triggered },
      handler: stopWithSavepoint,
    },
  },
  { route: { method: 'POST', url: '/jobs/:jobid/checkpoints', summary: 'Trigger a checkpoint', schema: { params: JobParams, body: CheckpointTriggerRequestBody, response: triggered }, handler: triggerCheckpoint } },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/checkpoints/:triggerid',
      summary: 'Status of a triggered checkpoint',
      schema: { params: JobTriggerParams, response: { 200: CheckpointStatus, ...polled } },
      handler: checkpointStatus,
    },
  },
  {
    route: {
      method: 'PATCH',
      url: '/jobs/:jobid/rescaling',
      summary: 'Rescale a running job to a parallelism',
      schema: { params: JobParams, querystring: RescalingQuery, response: { 200: TriggerResponse, 400: ErrorResponseBody, 404: ErrorResponseBody } },
      handler: triggerRescaling,
    },
  },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/rescaling/:triggerid',
      summary: 'Status of a rescale',
      schema: { params: JobTriggerParams, response: { 200: OperationStatus, ...polled } },
      handler: rescalingStatus,
    },
  },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/resource-requirements',
      summary: 'Parallelism bounds per vertex (upper bound = current parallelism)',
      schema: { params: JobParams, response: { 200: JobResourceRequirements, 404: ErrorResponseBody } },
      handler: resourceRequirements,
    },
  },
  {
    route: {
      method: 'PUT',
      url: '/jobs/:jobid/resource-requirements',
      summary: 'Rescale a running job to the upper bound; answers once it runs at it',
      schema: { params: JobParams, body: JobResourceRequirements, response: { 200: EmptyBody, 400: ErrorResponseBody, 404: ErrorResponseBody, 409: ErrorResponseBody } },
      handler: updateResourceRequirements,
    },
  },
  {
    route: {
      method: 'POST',
      url: '/savepoint-disposal',
      summary: 'Delete a savepoint',
      schema: { body: SavepointDisposalRequest, response: { 200: TriggerResponse, 400: ErrorResponseBody } },
      handler: triggerDisposal,
    },
  },
  {
    route: {
      method: 'GET',
      url: '/savepoint-disposal/:triggerid',
      summary: 'Status of a savepoint disposal',
      schema: { params: TriggerParams, response: { 200: OperationStatus, ...polled } },
      handler: disposalStatus,
    },
  },
];
