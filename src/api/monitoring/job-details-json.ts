import type { Static } from 'typebox';
import type { JobView } from '../../engine/coordinator-job.js';
import { durationOf, endTime, executionState, flinkJobStatus, flinkTimestamps, runningSince, startTime, stateCounts } from './flink-status.js';
import { planJson } from './plan-json.js';
import type { JobDetails, JobDetailsInfo } from './schemas/job-schemas.js';
import { countersComplete, ioMetrics, vertexCounters, vertexParallelism } from './vertex-figures.js';

/** Subtasks of a job: one per vertex and parallel instance, as Flink counts tasks. */
function taskCount(job: JobView): number {
  return job.plan.vertices.reduce((sum, vertex) => sum + vertexParallelism(job.plan, vertex), 0);
}

function lastModification(job: JobView): number {
  return Math.max(job.createTime, ...Object.values(job.timestamps).filter((at): at is number => at !== undefined));
}

/** A job as `/jobs/overview` lists it (Flink's JobDetails: `jobType`, lower-case `tasks`). */
export function jobDetailsJson(job: JobView, now: number): Static<typeof JobDetails> {
  const start = startTime(job);
  const end = endTime(job);
  return {
    jid: job.jobId,
    name: job.jobName,
    jobType: job.plan.env.jobMode,
    schedulerType: job.plan.restorable ? 'Adaptive' : 'Default',
    state: flinkJobStatus(job.status),
    'start-time': start,
    'end-time': end,
    duration: durationOf(start, end, now),
    'last-modification': lastModification(job),
    tasks: { total: taskCount(job), ...stateCounts(executionState(job.status), taskCount(job), 'lower') },
    'pending-operators': 0,
  };
}

/** `/jobs/:jobid` (Flink's JobDetailsInfo: `job-type`, UPPER-case `tasks` and `status-counts`). */
export function jobDetailsInfoJson(job: JobView, now: number, maxParallelism: number): Static<typeof JobDetailsInfo> {
  const start = startTime(job);
  const end = endTime(job);
  const state = executionState(job.status);
  const running = runningSince(job);
  const vertexStart = running ?? -1;
  const vertexEnd = running === undefined ? -1 : end;
  const complete = countersComplete(job);
  return {
    jid: job.jobId,
    name: job.jobName,
    isStoppable: job.plan.restorable,
    state: flinkJobStatus(job.status),
    'job-type': job.plan.env.jobMode,
    schedulerType: job.plan.restorable ? 'Adaptive' : 'Default',
    'start-time': start,
    'end-time': end,
    duration: durationOf(start, end, now),
    maxParallelism,
    now,
    timestamps: flinkTimestamps(job),
    vertices: job.plan.vertices.map((vertex) => {
      const parallelism = vertexParallelism(job.plan, vertex);
      return {
        id: String(vertex.id),
        name: vertex.name,
        maxParallelism,
        parallelism,
        status: state,
        'start-time': vertexStart,
        'end-time': vertexEnd,
        duration: durationOf(vertexStart, vertexEnd, now),
        tasks: stateCounts(state, parallelism, 'upper'),
        metrics: ioMetrics(vertexCounters(job, vertex), complete),
      };
    }),
    'status-counts': stateCounts(state, job.plan.vertices.length, 'upper'),
    plan: planJson(job),
    'pending-operators': 0,
  };
}
