import { Type } from 'typebox';
import { JobIdText, SerializedThrowable } from './common-schemas.js';

/** Flink's JobStatus names; Sluice's SeaTunnel states are mapped onto them (docs/rest-api-monitoring.md). */
export const FLINK_JOB_STATUSES = ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'] as const;
/** Flink's ExecutionState names, the state of a vertex and of a subtask. */
export const EXECUTION_STATES = ['CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FINISHED', 'CANCELING', 'CANCELED', 'FAILED', 'RECONCILING', 'INITIALIZING'] as const;

export type FlinkJobStatus = (typeof FLINK_JOB_STATUSES)[number];
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export const JobStatusName = Type.Enum(FLINK_JOB_STATUSES, { $id: 'JobStatus' });
export const ExecutionStateName = Type.Enum(EXECUTION_STATES, { $id: 'ExecutionState' });
const JobType = Type.Union([Type.Literal('BATCH'), Type.Literal('STREAMING')], { $id: 'JobType' });
const SchedulerType = Type.Union([Type.Literal('Default'), Type.Literal('Adaptive')], { $id: 'SchedulerType', description: 'Adaptive: the job can be rescaled (its sources can snapshot their positions)' });
const Counts = Type.Record(Type.String(), Type.Integer());

export const JobIdsWithStatusOverview = Type.Object({ jobs: Type.Array(Type.Object({ id: JobIdText, status: JobStatusName })) }, { $id: 'JobIdsWithStatusOverview' });

export const JobDetails = Type.Object(
  {
    jid: JobIdText,
    name: Type.String(),
    jobType: JobType,
    schedulerType: SchedulerType,
    state: JobStatusName,
    'start-time': Type.Integer(),
    'end-time': Type.Integer({ description: '-1 while the job has not ended' }),
    duration: Type.Integer(),
    'last-modification': Type.Integer(),
    tasks: Type.Record(Type.String(), Type.Integer(), { description: '`total` and every ExecutionState in lower case' }),
    'pending-operators': Type.Integer(),
  },
  { $id: 'JobDetails' },
);

export const MultipleJobsDetails = Type.Object({ jobs: Type.Array(JobDetails) }, { $id: 'MultipleJobsDetails' });

export const IOMetricsInfo = Type.Object(
  {
    'read-bytes': Type.Integer(),
    'read-bytes-complete': Type.Boolean(),
    'write-bytes': Type.Integer(),
    'write-bytes-complete': Type.Boolean(),
    'read-records': Type.Integer(),
    'read-records-complete': Type.Boolean(),
    'write-records': Type.Integer(),
    'write-records-complete': Type.Boolean(),
    'accumulated-backpressured-time': Type.Integer(),
    'accumulated-idle-time': Type.Integer(),
    'accumulated-busy-time': Type.Number(),
  },
  { $id: 'IOMetricsInfo', description: 'read = rows into the plugin, write = rows out of it (a source reads nothing, a sink writes nothing downstream)' },
);

export const JobDetailsVertexInfo = Type.Object(
  {
    id: Type.String({ description: 'The vertex id (1-based, in config order: sources, transforms, sinks)' }),
    name: Type.String(),
    maxParallelism: Type.Integer(),
    parallelism: Type.Integer(),
    status: ExecutionStateName,
    'start-time': Type.Integer(),
    'end-time': Type.Integer(),
    duration: Type.Integer(),
    tasks: Counts,
    metrics: IOMetricsInfo,
  },
  { $id: 'JobDetailsVertexInfo' },
);

const PlanInput = Type.Object({ num: Type.Integer(), id: Type.String(), ship_strategy: Type.String(), exchange: Type.String() });
export const Plan = Type.Object(
  {
    jid: JobIdText,
    name: Type.String(),
    type: JobType,
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        parallelism: Type.Integer(),
        operator: Type.String(),
        operator_strategy: Type.String(),
        description: Type.String(),
        inputs: Type.Array(PlanInput),
        optimizer_properties: Type.Object({}),
      }),
    ),
  },
  { $id: 'Plan' },
);

export const JobDetailsInfo = Type.Object(
  {
    jid: JobIdText,
    name: Type.String(),
    isStoppable: Type.Boolean(),
    state: JobStatusName,
    'job-type': JobType,
    schedulerType: SchedulerType,
    'start-time': Type.Integer(),
    'end-time': Type.Integer(),
    duration: Type.Integer(),
    maxParallelism: Type.Integer(),
    now: Type.Integer(),
    timestamps: Type.Record(Type.String(), Type.Integer(), { description: 'Every JobStatus; 0 when not reached' }),
    vertices: Type.Array(JobDetailsVertexInfo),
    'status-counts': Type.Record(Type.String(), Type.Integer(), { description: 'Vertices per ExecutionState' }),
    plan: Plan,
    'pending-operators': Type.Integer(),
  },
  { $id: 'JobDetailsInfo' },
);

export const JobStatusInfo = Type.Object({ status: JobStatusName }, { $id: 'JobStatusInfo' });
export const JobPlanInfo = Type.Object({ plan: Plan }, { $id: 'JobPlanInfo' });

/** Flink's wire format of JobConfigInfo (its custom serializer), not its spec's. */
export const JobConfigInfo = Type.Object(
  {
    jid: JobIdText,
    name: Type.String(),
    'execution-config': Type.Object({
      'restart-strategy': Type.String(),
      'job-parallelism': Type.Integer(),
      'object-reuse-mode': Type.Boolean(),
      'user-config': Type.Record(Type.String(), Type.String(), { description: 'env and plugin options as strings, sensitive values masked' }),
    }),
  },
  { $id: 'JobConfigInfo' },
);

const ExceptionInfo = Type.Object({
  exceptionName: Type.String(),
  stacktrace: Type.String({ description: 'The message (Sluice sends no stack frames)' }),
  timestamp: Type.Integer(),
  taskName: Type.Optional(Type.String({ description: 'Where it happened: the job, or the log source (a pipeline, the checkpoint coordinator)' })),
  failureLabels: Type.Record(Type.String(), Type.String()),
});

export const JobExceptionsInfoWithHistory = Type.Object(
  {
    exceptionHistory: Type.Object({
      entries: Type.Array(Type.Object({ ...ExceptionInfo.properties, concurrentExceptions: Type.Array(ExceptionInfo) })),
      truncated: Type.Boolean(),
    }),
  },
  { $id: 'JobExceptionsInfoWithHistory' },
);

export const JobExecutionResultResponseBody = Type.Object(
  {
    status: Type.Object({ id: Type.Union([Type.Literal('IN_PROGRESS'), Type.Literal('COMPLETED')]) }),
    'job-execution-result': Type.Optional(
      Type.Object({
        id: JobIdText,
        'application-status': Type.Union([Type.Literal('SUCCEEDED'), Type.Literal('FAILED'), Type.Literal('CANCELED'), Type.Literal('UNKNOWN')]),
        'accumulator-results': Type.Object({}),
        'net-runtime': Type.Integer(),
        'failure-cause': Type.Optional(SerializedThrowable),
      }),
    ),
  },
  { $id: 'JobExecutionResultResponseBody' },
);
