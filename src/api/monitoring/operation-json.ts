import type { CheckpointStats } from '../../engine/checkpoint-stats.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { OperationState } from './async-operations.js';
import { failureCause } from './failure-cause.js';

/**
 * Flink's AsynchronousOperationResult (reference §4.1): `{"status":{"id":"IN_PROGRESS"},"operation":null}`
 * until done, then COMPLETED with the operation's result or its `failure-cause`. A failed operation
 * is still HTTP 200. Savepoints say `location`, checkpoints `checkpointId`/`failureCause` (camelCase,
 * as in Flink), the others `{}`.
 */
type Shape = 'savepoint' | 'checkpoint' | 'plain';

export function operationStatusReply(state: OperationState<unknown>, shape: Shape): ApiReply {
  if (state.status === 'IN_PROGRESS') return json({ status: { id: 'IN_PROGRESS' }, operation: null });
  return json({ status: { id: 'COMPLETED' }, operation: state.status === 'FAILED' ? failed(state.error, shape) : succeeded(state.value, shape) });
}

function succeeded(value: unknown, shape: Shape): Record<string, unknown> {
  const stats = value as CheckpointStats | undefined;
  if (shape === 'savepoint') return { location: stats?.externalPath ?? '' };
  if (shape === 'checkpoint') return { checkpointId: stats?.id ?? -1 };
  return {};
}

function failed(error: unknown, shape: Shape): Record<string, unknown> {
  return shape === 'checkpoint' ? { failureCause: failureCause(error) } : { 'failure-cause': failureCause(error) };
}

export function triggerReply(triggerId: string, status: 200 | 202): ApiReply {
  return json({ 'request-id': triggerId }, status);
}
