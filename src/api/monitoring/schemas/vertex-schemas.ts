import { Type } from 'typebox';
import { ExecutionStateName, IOMetricsInfo } from './job-schemas.js';

const AggregatedStats = Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()));

export const SubtaskExecutionAttemptDetailsInfo = Type.Object(
  {
    subtask: Type.Integer(),
    status: ExecutionStateName,
    attempt: Type.Integer(),
    endpoint: Type.String(),
    'start-time': Type.Integer(),
    'end-time': Type.Integer(),
    duration: Type.Integer(),
    metrics: IOMetricsInfo,
    'taskmanager-id': Type.String(),
    'status-duration': Type.Record(Type.String(), Type.Integer()),
  },
  { $id: 'SubtaskExecutionAttemptDetailsInfo' },
);

export const JobVertexDetailsInfo = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    parallelism: Type.Integer(),
    maxParallelism: Type.Integer(),
    now: Type.Integer(),
    subtasks: Type.Array(SubtaskExecutionAttemptDetailsInfo),
    aggregated: Type.Object({ metrics: AggregatedStats, 'status-duration': AggregatedStats }, { description: 'min, max, avg, sum, median, p25, p75, p95 over the subtasks' }),
  },
  { $id: 'JobVertexDetailsInfo' },
);

export const SubtasksTimesInfo = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    now: Type.Integer(),
    subtasks: Type.Array(Type.Object({ subtask: Type.Integer(), endpoint: Type.String(), duration: Type.Integer(), timestamps: Type.Record(Type.String(), Type.Integer()) })),
  },
  { $id: 'SubtasksTimesInfo' },
);

export const WatermarkList = Type.Array(Type.Object({ id: Type.String(), value: Type.String() }), { $id: 'WatermarkList', description: 'Sluice has no event time: always empty' });
