import { formatLocalTime } from '../../engine/coordinator-job-log.js';
import type { JobView } from '../../engine/coordinator-job.js';
import { seaTunnelMetrics } from '../../engine/job-metrics.js';
import { vertexTablePaths } from '../../plan/job-plan.js';

/**
 * SeaTunnel's job shapes (reference 4.1-4.4). Ids are strings, times `yyyy-MM-dd HH:mm:ss` local,
 * metrics values strings. Where SeaTunnel's docs and code disagree both are emitted: top-level
 * `envOptions` (v2) on running jobs, lower-case `sourceReceivedCount`/`sinkWriteCount` (docs) beside
 * the 16 capitalised keys (code), and the old `vertices`/`edges` beside `vertexInfoMap`/`pipelineEdges`.
 */
export function runningJobJson(job: JobView): Record<string, unknown> {
  return {
    jobId: job.jobId,
    jobName: job.jobName,
    jobStatus: job.status,
    envOptions: job.envOptions,
    createTime: formatLocalTime(job.createTime),
    jobDag: jobDagJson(job),
    pluginJarsUrls: [],
    isStartWithSavePoint: job.isStartWithSavePoint,
    metrics: metricsJson(job),
  };
}

export function finishedJobJson(job: JobView): Record<string, unknown> {
  return {
    jobId: job.jobId,
    jobName: job.jobName,
    jobStatus: job.status,
    errorMsg: job.error ?? null,
    createTime: formatLocalTime(job.createTime),
    finishTime: formatLocalTime(job.finishTime ?? job.createTime),
    jobDag: jobDagJson(job),
    pluginJarsUrls: [],
    metrics: metricsJson(job),
  };
}

export function jobDagJson(job: JobView): Record<string, unknown> {
  const { plan } = job;
  const pipelineEdges: Record<string, { inputVertexId: string; targetVertexId: string }[]> = {};
  for (const pipeline of plan.pipelines) {
    pipelineEdges[String(pipeline.id)] = pipeline.edges.map((edge) => ({ inputVertexId: String(edge.from), targetVertexId: String(edge.to) }));
  }
  return {
    jobId: job.jobId,
    envOptions: job.envOptions,
    vertexInfoMap: plan.vertices.map((vertex) => ({ vertexId: vertex.id, type: vertex.type, vertexName: vertex.name, tablePaths: vertexTablePaths(vertex) })),
    pipelineEdges,
    vertices: plan.vertices.map((vertex) => ({ vertexId: vertex.id, vertexName: vertex.name, type: vertex.type, pluginName: vertex.pluginName, parallelism: vertex.parallelism, pipelineId: vertex.pipelineId })),
    edges: Object.values(pipelineEdges).flat(),
  };
}

export function metricsJson(job: JobView): Record<string, unknown> {
  const metrics = seaTunnelMetrics(job.metrics, job.runningSeconds);
  return { ...metrics, sourceReceivedCount: metrics.SourceReceivedCount, sinkWriteCount: metrics.SinkWriteCount };
}
