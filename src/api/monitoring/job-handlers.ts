import { isTerminal } from '../../core/job-status.js';
import { json, rawJson, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { exceptionsJson } from './exceptions-json.js';
import { failureCause } from './failure-cause.js';
import { durationOf, flinkJobStatus, runningSince, startTime, endTime } from './flink-status.js';
import { jobConfigJson } from './job-config-json.js';
import { jobDetailsInfoJson } from './job-details-json.js';
import { aggregatedReply, metricsReply } from './metric-query.js';
import { jobMetricValues } from './metric-values.js';
import type { MonitoringContext } from './monitoring-context.js';
import { jobOf, queryInteger, queryList } from './monitoring-request.js';
import { planJson } from './plan-json.js';
import { DYNAMIC_MAX_PARALLELISM } from './vertex-figures.js';

/** GET /jobs: every job this node knows, running and in history. */
export function jobIds(_request: RouteRequest, { coordinator }: MonitoringContext): ApiReply {
  const jobs = [...coordinator.runningJobs(), ...coordinator.finishedJobs()];
  return json({ jobs: jobs.map((job) => ({ id: job.jobId, status: flinkJobStatus(job.status) })) });
}

/** GET /jobs/overview: running jobs first, then history by finish time; ended jobs are rendered once and cached. */
export function jobsOverview(_request: RouteRequest, { coordinator, overviewCache }: MonitoringContext): ApiReply {
  return rawJson(overviewCache.render(coordinator.runningJobs(), coordinator.finishedJobs(), Date.now()));
}

export function jobDetails(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json(jobDetailsInfoJson(jobOf(request, context), Date.now(), maxParallelism(context)));
}

/** GET /jobs/:jobid/status. (Flink answers 500 for an unknown job here; Sluice 404.) */
export function jobStatus(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json({ status: flinkJobStatus(jobOf(request, context).status) });
}

export function jobPlan(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json({ plan: planJson(jobOf(request, context)) });
}

export function jobConfig(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json(jobConfigJson(jobOf(request, context)));
}

/** GET /jobs/:jobid/exceptions[?maxExceptions=&failureLabelFilter=]. */
export function jobExceptions(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  const max = queryInteger(request, 'maxExceptions', 0) ?? 20;
  return json(exceptionsJson(job, context.coordinator.jobLog(job.jobId), { max, labelFilter: queryList(request, 'failureLabelFilter') }));
}

/**
 * GET /jobs/:jobid/execution-result: IN_PROGRESS until the job ended, then Flink's JobResult.
 * SAVEPOINT_DONE and FINISHED are SUCCEEDED; UNKNOWABLE is UNKNOWN.
 */
export function jobExecutionResult(request: RouteRequest, context: MonitoringContext): ApiReply {
  const job = jobOf(request, context);
  if (!isTerminal(job.status)) return json({ status: { id: 'IN_PROGRESS' } });
  const applicationStatus = { FINISHED: 'SUCCEEDED', SAVEPOINT_DONE: 'SUCCEEDED', FAILED: 'FAILED', CANCELED: 'CANCELED' }[job.status as string] ?? 'UNKNOWN';
  const running = runningSince(job);
  const netRuntime = running === undefined ? 0 : durationOf(running, endTime(job), Date.now());
  return json({
    status: { id: 'COMPLETED' },
    'job-execution-result': {
      id: job.jobId,
      'application-status': applicationStatus,
      'accumulator-results': {},
      'net-runtime': Math.max(0, netRuntime || durationOf(startTime(job), endTime(job), Date.now())),
      ...(applicationStatus === 'SUCCEEDED' || job.error === undefined ? {} : { 'failure-cause': failureCause(new JobFailure(job.error)) }),
    },
  });
}

/** GET /jobs/:jobid/metrics[?get=]. (Flink answers `[]` for an unknown job; Sluice 404.) */
export function jobMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json(metricsReply(request, jobMetricValues(jobOf(request, context), Date.now())));
}

/** GET /jobs/metrics[?get=&agg=&jobs=]: aggregated over the given jobs, or over every job that has not ended. */
export function jobsMetrics(request: RouteRequest, { coordinator }: MonitoringContext): ApiReply {
  const ids = queryList(request, 'jobs');
  const jobs = ids.length === 0 ? coordinator.runningJobs() : ids.map((id) => coordinator.job(id)).filter((job) => job !== undefined);
  const now = Date.now();
  return json(aggregatedReply(request, jobs.map((job) => jobMetricValues(job, now))));
}

/** A vertex's maximum parallelism: the node's slots when fixed, Flink's upper bound when dynamic. */
export function maxParallelism({ coordinator }: MonitoringContext): number {
  const slots = coordinator.overview().slots;
  return slots.dynamic ? DYNAMIC_MAX_PARALLELISM : (slots.total ?? DYNAMIC_MAX_PARALLELISM);
}

/** The error a job ended with, named for `failure-cause`. */
class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailure';
  }
}
