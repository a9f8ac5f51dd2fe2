import type { Static } from 'typebox';
import type { JobView } from '../../engine/coordinator-job.js';
import type { Vertex } from '../../plan/job-plan.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { durationOf, endTime, executionState, runningSince } from './flink-status.js';
import { maxParallelism } from './job-handlers.js';
import { aggregatedReply, metricsReply, subtaskFilter } from './metric-query.js';
import { vertexSubtaskValues } from './metric-values.js';
import type { MonitoringContext } from './monitoring-context.js';
import { jobOf, notFound, pathParam, unresolvedPath } from './monitoring-request.js';
import type { JobVertexDetailsInfo } from './schemas/vertex-schemas.js';
import { countersComplete, findVertex, ioMetrics, subtaskCounters, vertexParallelism } from './vertex-figures.js';

type AggregatedStats = Static<typeof JobVertexDetailsInfo>['aggregated']['metrics'];

function vertexOf(request: RouteRequest, job: JobView): Vertex {
  const id = pathParam(request, 'vertexid');
  if (!/^\d+$/.test(id)) throw unresolvedPath('vertexid', id, `a vertex id is its number in the job's plan (1 to ${job.plan.vertices.length})`);
  const vertex = findVertex(job, id);
  if (vertex === undefined) throw notFound(`JobVertex ${id} not found`);
  return vertex;
}

/**
 * GET /jobs/:jobid/vertices/:vertexid: the vertex and its subtasks. Sluice tracks subtasks by job,
 * so every subtask shows the job's state and times; per-subtask figures appear where known (see
 * vertex-figures.ts), otherwise they are 0 and not `complete`.
 */
export function vertexDetails(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const vertex = vertexOf(request, job);
  const now = Date.now();
  const parallelism = vertexParallelism(job.plan, vertex);
  const state = executionState(job.status);
  const running = runningSince(job);
  const start = running ?? -1;
  const end = running === undefined ? -1 : endTime(job);
  const complete = countersComplete(job);
  const waited = (running ?? now) - job.createTime;
  const ran = running === undefined ? 0 : durationOf(start, end, now);
  const subtasks = Array.from({ length: parallelism }, (_, index) => ({
    subtask: index,
    status: state,
    attempt: 0,
    endpoint: context.node.address,
    'start-time': start,
    'end-time': end,
    duration: durationOf(start, end, now),
    metrics: ioMetrics(subtaskCounters(job, vertex, index), complete),
    'taskmanager-id': context.node.address,
    'status-duration': { CREATED: waited, SCHEDULED: 0, DEPLOYING: 0, INITIALIZING: 0, RUNNING: ran },
  }));
  const known = subtasks.filter((subtask) => subtask.metrics['read-records-complete']);
  const metrics: AggregatedStats = {};
  for (const key of ['read-bytes', 'write-bytes', 'read-records', 'write-records'] as const) {
    if (known.length > 0) metrics[key] = stats(known.map((subtask) => subtask.metrics[key]));
  }
  return json({
    id: String(vertex.id),
    name: vertex.name,
    parallelism,
    maxParallelism: maxParallelism(context),
    now,
    subtasks,
    aggregated: { metrics, 'status-duration': { CREATED: stats(subtasks.map(() => waited)), RUNNING: stats(subtasks.map(() => ran)) } },
  });
}

/** GET …/vertices/:vertexid/metrics[?get=]: per-subtask metrics named `<subtask>.<metric>`, as Flink names them. */
export function vertexMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const vertex = vertexOf(request, job);
  const values = new Map<string, string>();
  for (const [index, subtask] of vertexSubtaskValues(job, vertex, Date.now())) for (const [name, value] of subtask) values.set(`${index}.${name}`, value);
  return json(metricsReply(request, values));
}

/** GET …/vertices/:vertexid/subtasks/metrics[?get=&agg=&subtasks=]: aggregated over the (selected) subtasks. */
export function subtasksMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const vertex = vertexOf(request, job);
  const filter = subtaskFilter(request);
  const subtasks = [...vertexSubtaskValues(job, vertex, Date.now())].filter(([index]) => filter === undefined || filter.has(index)).map(([, values]) => values);
  return json(aggregatedReply(request, subtasks));
}

/** GET …/vertices/:vertexid/watermarks: Sluice has no event time, so there are none. */
export function vertexWatermarks(request: RouteRequest, context: MonitoringContext): ApiReply {
  vertexOf(request, jobOf(request, context));
  return json([]);
}

/** GET …/vertices/:vertexid/subtasktimes: when each subtask entered each state (the dashboard's timeline). */
export function subtaskTimes(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const vertex = vertexOf(request, job);
  const now = Date.now();
  const running = runningSince(job);
  const end = endTime(job);
  const timestamps: Record<string, number> = { CREATED: job.createTime };
  if (running !== undefined) timestamps.RUNNING = running;
  if (end > 0) timestamps[executionState(job.status)] = end;
  return json({
    id: String(vertex.id),
    name: vertex.name,
    now,
    subtasks: Array.from({ length: vertexParallelism(job.plan, vertex) }, (_, subtask) => ({ subtask, endpoint: context.node.address, duration: durationOf(job.createTime, end, now), timestamps })),
  });
}

/** min, max, avg, sum, median, p25, p75, p95 of whole numbers (Flink's aggregated subtask figures). */
function stats(values: number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, avg: sorted.length === 0 ? 0 : Math.round(sum / sorted.length), sum, median: at(0.5), p25: at(0.25), p75: at(0.75), p95: at(0.95) };
}
