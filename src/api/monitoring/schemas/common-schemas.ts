import { Type } from 'typebox';

/**
 * Flink's shared wire shapes (reference §3.3, §4, §5.8). Each schema with an `$id` is listed once in
 * the OpenAPI document; the names are Flink's class names where there is one.
 */

/** Flink's JobID is 32 hex characters; Sluice's job ids are 64-bit decimals, and its `jid` is that decimal. */
export const JobIdText = Type.String({ pattern: '^[0-9]{1,19}$', description: 'A Sluice job id: a 64-bit decimal (Flink uses 32 hex characters)' });

export const TriggerIdText = Type.String({ pattern: '^[0-9a-f]{32}$', description: '32 hexadecimal characters' });

export const ErrorResponseBody = Type.Object({ errors: Type.Array(Type.String()) }, { $id: 'ErrorResponseBody', description: 'Every error: messages only, never stack traces' });

export const TriggerResponse = Type.Object({ 'request-id': TriggerIdText }, { $id: 'TriggerResponse' });

export const QueueStatus = Type.Object({ id: Type.Union([Type.Literal('IN_PROGRESS'), Type.Literal('COMPLETED')]) }, { $id: 'QueueStatus' });

/**
 * Flink writes `{class, stack-trace, serialized-throwable}`; Sluice cannot produce Java-serialized
 * bytes, so it sends the class (the error's name) and `stack-trace` as `Name: message` (no frames).
 */
export const SerializedThrowable = Type.Object({ class: Type.String(), 'stack-trace': Type.String() }, { $id: 'SerializedThrowable' });

export const SavepointInfo = Type.Object({ location: Type.Optional(Type.String()), 'failure-cause': Type.Optional(SerializedThrowable) }, { $id: 'SavepointInfo' });
export const CheckpointInfo = Type.Object({ checkpointId: Type.Optional(Type.Integer()), failureCause: Type.Optional(SerializedThrowable) }, { $id: 'CheckpointInfo' });
export const AsynchronousOperationInfo = Type.Object({ 'failure-cause': Type.Optional(SerializedThrowable) }, { $id: 'AsynchronousOperationInfo' });

export const SavepointStatus = Type.Object({ status: QueueStatus, operation: Type.Union([SavepointInfo, Type.Null()]) }, { $id: 'SavepointOperationResult' });
export const CheckpointStatus = Type.Object({ status: QueueStatus, operation: Type.Union([CheckpointInfo, Type.Null()]) }, { $id: 'CheckpointOperationResult' });
export const OperationStatus = Type.Object({ status: QueueStatus, operation: Type.Union([AsynchronousOperationInfo, Type.Null()]) }, { $id: 'AsynchronousOperationResult' });

/** Metric values are strings, as Flink sends them; without `get` only ids are listed. */
export const MetricList = Type.Array(Type.Object({ id: Type.String(), value: Type.Optional(Type.String()) }), { $id: 'MetricCollectionResponseBody', description: 'A bare array (Flink\'s wire format; its spec wrongly says {"metrics": [...]})' });

export const AggregatedMetricList = Type.Array(
  Type.Object({
    id: Type.String(),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    avg: Type.Optional(Type.Number()),
    sum: Type.Optional(Type.Number()),
    skew: Type.Optional(Type.Number()),
  }),
  { $id: 'AggregatedMetricsResponseBody', description: 'A bare array; each aggregate appears when asked for (`agg`), all five by default' },
);

/** Flink's EmptyResponseBody. */
export const EmptyBody = Type.Object({}, { $id: 'EmptyResponseBody' });
