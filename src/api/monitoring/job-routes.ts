import type { VersionedRoute } from './api-versions.js';
import { cancelJob, yarnCancel, yarnStop } from './cancel-handlers.js';
import { checkpointConfig, checkpointDetails, checkpointStatistics } from './checkpoint-handlers.js';
import { jobConfig, jobDetails, jobExceptions, jobExecutionResult, jobIds, jobMetrics, jobPlan, jobsMetrics, jobsOverview, jobStatus } from './job-handlers.js';
import type { MonitoringContext } from './monitoring-context.js';
import { CancelQuery, CheckpointParams, ExceptionsQuery, JobParams, JobsMetricsQuery, MetricsQuery, SubtasksMetricsQuery, VertexParams } from './route-params.js';
import { CheckpointConfigInfo, CheckpointingStatistics, CheckpointStatistics } from './schemas/checkpoint-schemas.js';
import { AggregatedMetricList, EmptyBody, ErrorResponseBody, MetricList } from './schemas/common-schemas.js';
import { JobConfigInfo, JobDetailsInfo, JobExceptionsInfoWithHistory, JobExecutionResultResponseBody, JobIdsWithStatusOverview, JobPlanInfo, JobStatusInfo, MultipleJobsDetails } from './schemas/job-schemas.js';
import { JobVertexDetailsInfo, SubtasksTimesInfo, WatermarkList } from './schemas/vertex-schemas.js';
import { subtasksMetrics, subtaskTimes, vertexDetails, vertexMetrics, vertexWatermarks } from './vertex-handlers.js';

const notFound = { 404: ErrorResponseBody };

/** Reading jobs, their vertices and checkpoints; cancelling them. */
export const jobRoutes: readonly VersionedRoute<MonitoringContext>[] = [
  { route: { method: 'GET', url: '/jobs', summary: 'Every job with its state', schema: { response: { 200: JobIdsWithStatusOverview } }, handler: jobIds } },
  { route: { method: 'GET', url: '/jobs/overview', summary: 'Every job: running first, then history by finish time', schema: { response: { 200: MultipleJobsDetails } }, handler: jobsOverview } },
  { route: { method: 'GET', url: '/jobs/metrics', summary: 'Job metrics aggregated over jobs', schema: { querystring: JobsMetricsQuery, response: { 200: AggregatedMetricList } }, handler: jobsMetrics } },
  { route: { method: 'GET', url: '/jobs/:jobid', summary: 'One job: vertices with their figures, state counts, timestamps, plan', schema: { params: JobParams, response: { 200: JobDetailsInfo, ...notFound } }, handler: jobDetails } },
  { route: { method: 'PATCH', url: '/jobs/:jobid', summary: 'Cancel a job (mode=cancel)', schema: { params: JobParams, querystring: CancelQuery, response: { 202: EmptyBody, 404: ErrorResponseBody, 409: ErrorResponseBody } }, handler: cancelJob } },
  { route: { method: 'GET', url: '/jobs/:jobid/yarn-cancel', summary: "Cancel a job (the dashboard's Cancel button)", schema: { params: JobParams, response: { 202: EmptyBody, ...notFound } }, handler: yarnCancel } },
  { route: { method: 'GET', url: '/jobs/:jobid/yarn-stop', summary: 'Removed in Flink: 308', schema: { params: JobParams }, handler: yarnStop } },
  { route: { method: 'GET', url: '/jobs/:jobid/status', summary: "A job's state", schema: { params: JobParams, response: { 200: JobStatusInfo, ...notFound } }, handler: jobStatus } },
  { route: { method: 'GET', url: '/jobs/:jobid/plan', summary: "A job's dataflow plan", schema: { params: JobParams, response: { 200: JobPlanInfo, ...notFound } }, handler: jobPlan } },
  { route: { method: 'GET', url: '/jobs/:jobid/config', summary: "A job's configuration, sensitive values masked", schema: { params: JobParams, response: { 200: JobConfigInfo, ...notFound } }, handler: jobConfig } },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/exceptions',
      summary: "A job's failure and the errors before it, newest first",
      schema: { params: JobParams, querystring: ExceptionsQuery, response: { 200: JobExceptionsInfoWithHistory, ...notFound } },
      handler: jobExceptions,
    },
  },
  { route: { method: 'GET', url: '/jobs/:jobid/execution-result', summary: "A job's result once it ended", schema: { params: JobParams, response: { 200: JobExecutionResultResponseBody, ...notFound } }, handler: jobExecutionResult } },
  { route: { method: 'GET', url: '/jobs/:jobid/metrics', summary: 'Job metrics', schema: { params: JobParams, querystring: MetricsQuery, response: { 200: MetricList, ...notFound } }, handler: jobMetrics } },
  { route: { method: 'GET', url: '/jobs/:jobid/checkpoints', summary: 'Checkpoint and savepoint statistics', schema: { params: JobParams, response: { 200: CheckpointingStatistics, ...notFound } }, handler: checkpointStatistics } },
  { route: { method: 'GET', url: '/jobs/:jobid/checkpoints/config', summary: 'Checkpoint configuration', schema: { params: JobParams, response: { 200: CheckpointConfigInfo, ...notFound } }, handler: checkpointConfig } },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/checkpoints/details/:checkpointid',
      summary: 'One checkpoint or savepoint',
      schema: { params: CheckpointParams, response: { 200: CheckpointStatistics, ...notFound } },
      handler: checkpointDetails,
    },
  },
  { route: { method: 'GET', url: '/jobs/:jobid/vertices/:vertexid', summary: 'A vertex and its subtasks', schema: { params: VertexParams, response: { 200: JobVertexDetailsInfo, ...notFound } }, handler: vertexDetails } },
  { route: { method: 'GET', url: '/jobs/:jobid/vertices/:vertexid/metrics', summary: 'Per-subtask metrics of a vertex (`<subtask>.<metric>`)', schema: { params: VertexParams, querystring: MetricsQuery, response: { 200: MetricList, ...notFound } }, handler: vertexMetrics } },
  {
    route: {
      method: 'GET',
      url: '/jobs/:jobid/vertices/:vertexid/subtasks/metrics',
      summary: 'Metrics of a vertex aggregated over its subtasks',
      schema: { params: VertexParams, querystring: SubtasksMetricsQuery, response: { 200: AggregatedMetricList, ...notFound } },
      handler: subtasksMetrics,
    },
  },
  { route: { method: 'GET', url: '/jobs/:jobid/vertices/:vertexid/subtasktimes', summary: 'When each subtask entered each state', schema: { params: VertexParams, response: { 200: SubtasksTimesInfo, ...notFound } }, handler: subtaskTimes } },
  { route: { method: 'GET', url: '/jobs/:jobid/vertices/:vertexid/watermarks', summary: 'Watermarks (none: Sluice has no event time)', schema: { params: VertexParams, response: { 200: WatermarkList, ...notFound } }, handler: vertexWatermarks } },
];
