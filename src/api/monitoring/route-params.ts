import { Type } from 'typebox';

/** Path and query parameter schemas: strings, checked by the handlers so errors read as Flink's. */
const jobid = Type.String({ description: 'A Sluice job id: a 64-bit decimal' });
const vertexid = Type.String({ description: "A vertex id: its number in the job's plan" });
const triggerid = Type.String({ description: 'The trigger id a trigger answered (32 hexadecimal characters)' });

export const JobParams = Type.Object({ jobid });
export const VertexParams = Type.Object({ jobid, vertexid });
export const JobTriggerParams = Type.Object({ jobid, triggerid });
export const TriggerParams = Type.Object({ triggerid });
export const CheckpointParams = Type.Object({ jobid, checkpointid: Type.String({ description: 'A checkpoint id' }) });
export const TaskManagerParams = Type.Object({ taskmanagerid: Type.String({ description: "A task manager id: the node's host:port" }) });
export const PluginParams = Type.Object({ name: Type.String({ description: 'A plugin name, any case' }) });

const get = Type.Optional(Type.String({ description: 'Comma-separated metric names; without it, the available names are listed' }));
const agg = Type.Optional(Type.String({ description: 'Comma-separated aggregations: min, max, sum, avg, skew (all by default)' }));

export const MetricsQuery = Type.Object({ get });
export const JobsMetricsQuery = Type.Object({ get, agg, jobs: Type.Optional(Type.String({ description: 'Comma-separated job ids (default: jobs that have not ended)' })) });
export const SubtasksMetricsQuery = Type.Object({ get, agg, subtasks: Type.Optional(Type.String({ description: 'Subtask indexes and ranges: 0,2,5-7' })) });
export const TaskManagersMetricsQuery = Type.Object({ get, agg, taskmanagers: Type.Optional(Type.String({ description: 'Comma-separated task manager ids' })) });
export const ExceptionsQuery = Type.Object({
  maxExceptions: Type.Optional(Type.String({ description: 'At most this many entries (20)' })),
  failureLabelFilter: Type.Optional(Type.String({ description: 'key:value pairs; Sluice failures carry no labels' })),
});
export const CancelQuery = Type.Object({ mode: Type.Optional(Type.String({ description: '"cancel" (default); "stop" is 308 as in Flink' })) });
export const RescalingQuery = Type.Object({ parallelism: Type.String({ description: 'The new parallelism of every pipeline' }) });
export const SubmitQuery = Type.Object({
  jobId: Type.Optional(Type.String({ description: 'A custom 64-bit job id' })),
  jobName: Type.Optional(Type.String({ description: 'Overrides env.job.name' })),
  startWithSavepoint: Type.Optional(Type.String({ description: 'true: restore the latest savepoint or checkpoint of jobId' })),
});
export const ValidateQuery = Type.Object({ jobName: Type.Optional(Type.String({ description: 'Overrides env.job.name' })) });
export const PluginQuery = Type.Object({ type: Type.Optional(Type.String({ description: 'source, transform or sink' })) });
