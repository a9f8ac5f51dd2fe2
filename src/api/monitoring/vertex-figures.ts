import type { JobView } from '../../engine/coordinator-job.js';
import type { MetricsSnapshot } from '../../engine/job-metrics.js';
import type { VertexCounters } from '../../engine/messages.js';
import type { JobPlan, Vertex } from '../../plan/job-plan.js';
import type { Static } from 'typebox';
import type { IOMetricsInfo } from './schemas/job-schemas.js';

/** Flink's upper bound for max parallelism; Sluice's dynamic slots have no other limit. */
export const DYNAMIC_MAX_PARALLELISM = 32768;

/**
 * A vertex's current parallelism. A rescale changes the job's pipelines but not the copy of the
 * vertices the API reads; a pipeline whose non-source vertices disagree with it was rescaled, and
 * then every vertex of it runs at the pipeline's parallelism.
 */
export function vertexParallelism(plan: JobPlan, vertex: Vertex): number {
  const pipeline = plan.pipelines.find((candidate) => candidate.id === vertex.pipelineId);
  if (pipeline === undefined) return vertex.parallelism;
  const rescaled = plan.vertices.some((other) => other.pipelineId === pipeline.id && other.type !== 'source' && other.parallelism !== pipeline.parallelism);
  return rescaled ? pipeline.parallelism : vertex.parallelism;
}

export function vertexCounters(job: JobView, vertex: Vertex): VertexCounters | undefined {
  return job.metrics.vertices[vertex.id];
}

/** One subtask's counters: reported by the engine, or the vertex's own when it runs as one subtask; undefined when unknown. */
export function subtaskCounters(job: JobView, vertex: Vertex, index: number): VertexCounters | undefined {
  // Snapshots stored before per-subtask counters existed have no `subtasks`.
  const reported = (job.metrics.subtasks as MetricsSnapshot['subtasks'] | undefined)?.[vertex.id]?.[index];
  if (reported !== undefined) return reported;
  return vertexParallelism(job.plan, vertex) === 1 && index === 0 ? vertexCounters(job, vertex) : undefined;
}

/** Whether the job's counters are being reported (it runs) or final (it ran): Flink's `*-complete`. */
export function countersComplete(job: JobView): boolean {
  return job.timestamps.RUNNING !== undefined || job.runningSeconds > 0 || job.finishTime !== undefined;
}

/** Flink's IOMetricsInfo: read = rows into the plugin, write = rows out of it. Unknown counters are 0 and not complete. */
export function ioMetrics(counters: VertexCounters | undefined, complete: boolean): Static<typeof IOMetricsInfo> {
  const known = complete && counters !== undefined;
  return {
    'read-bytes': counters?.bytesIn ?? 0,
    'read-bytes-complete': known,
    'write-bytes': counters?.bytesOut ?? 0,
    'write-bytes-complete': known,
    'read-records': counters?.rowsIn ?? 0,
    'read-records-complete': known,
    'write-records': counters?.rowsOut ?? 0,
    'write-records-complete': known,
    'accumulated-backpressured-time': 0,
    'accumulated-idle-time': 0,
    'accumulated-busy-time': 0,
  };
}

/** `1`, or 404-worthy undefined: vertices are addressed by their decimal id. */
export function findVertex(job: JobView, id: string): Vertex | undefined {
  return /^\d{1,9}$/.test(id) ? job.plan.vertices.find((vertex) => vertex.id === Number(id)) : undefined;
}
