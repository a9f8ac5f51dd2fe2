import { isTerminal, type JobStatus } from '../../core/job-status.js';
import type { JobView } from '../../engine/coordinator-job.js';
import { EXECUTION_STATES, FLINK_JOB_STATUSES, type ExecutionState, type FlinkJobStatus } from './schemas/job-schemas.js';

/**
 * SeaTunnel's job states, the source of truth, as Flink names them. A job waiting for slots is
 * CREATED (Flink's adaptive scheduler waiting for resources); taking a savepoint is still RUNNING;
 * a stop with a savepoint ends FINISHED (the savepoint shows in /checkpoints); UNKNOWABLE is FAILED,
 * so that clients polling for a globally terminal state stop polling.
 */
const JOB_STATUS: Record<JobStatus, FlinkJobStatus> = {
  INITIALIZING: 'INITIALIZING',
  CREATED: 'CREATED',
  PENDING: 'CREATED',
  SCHEDULED: 'RUNNING',
  RUNNING: 'RUNNING',
  DOING_SAVEPOINT: 'RUNNING',
  FAILING: 'FAILING',
  FAILED: 'FAILED',
  SAVEPOINT_DONE: 'FINISHED',
  CANCELING: 'CANCELLING',
  CANCELED: 'CANCELED',
  FINISHED: 'FINISHED',
  UNKNOWABLE: 'FAILED',
};

/** The state every vertex and subtask of a job is in: Sluice tracks subtasks by job, not one by one. */
const EXECUTION_STATE: Record<JobStatus, ExecutionState> = {
  INITIALIZING: 'CREATED',
  CREATED: 'CREATED',
  PENDING: 'CREATED',
  SCHEDULED: 'DEPLOYING',
  RUNNING: 'RUNNING',
  DOING_SAVEPOINT: 'RUNNING',
  FAILING: 'CANCELING',
  FAILED: 'FAILED',
  SAVEPOINT_DONE: 'FINISHED',
  CANCELING: 'CANCELING',
  CANCELED: 'CANCELED',
  FINISHED: 'FINISHED',
  UNKNOWABLE: 'FAILED',
};

export function flinkJobStatus(status: JobStatus): FlinkJobStatus {
  return JOB_STATUS[status];
}

export function executionState(status: JobStatus): ExecutionState {
  return EXECUTION_STATE[status];
}

/** When the job was accepted: Flink's start-time (its INITIALIZING timestamp). */
export function startTime(job: JobView): number {
  return job.createTime;
}

/** When the job ended, or -1. */
export function endTime(job: JobView): number {
  return isTerminal(job.status) ? (job.finishTime ?? job.timestamps[job.status] ?? job.createTime) : -1;
}

export function durationOf(start: number, end: number, now: number): number {
  return start < 0 ? -1 : (end < 0 ? now : end) - start;
}

/**
 * When the job started RUNNING. A job read back from history only kept its creation and end
 * times; its RUNNING time is then its end less the time it ran.
 */
export function runningSince(job: JobView): number | undefined {
  const running = job.timestamps.RUNNING;
  if (running !== undefined) return running;
  if (job.finishTime !== undefined && job.runningSeconds > 0) return Math.round(job.finishTime - job.runningSeconds * 1000);
  return undefined;
}

/** Every Flink JobStatus with when the job entered it, 0 when it did not (Flink's `timestamps`). */
export function flinkTimestamps(job: JobView): Record<FlinkJobStatus, number> {
  const out = Object.fromEntries(FLINK_JOB_STATUSES.map((status) => [status, 0])) as Record<FlinkJobStatus, number>;
  out.INITIALIZING = job.createTime;
  for (const [status, at] of Object.entries(job.timestamps) as [JobStatus, number | undefined][]) {
    if (at === undefined) continue;
    const flink = JOB_STATUS[status];
    out[flink] = out[flink] === 0 ? at : Math.min(out[flink], at);
  }
  const running = runningSince(job);
  if (running !== undefined && out.RUNNING === 0) out.RUNNING = running;
  return out;
}

/** `{STATE: n}` for every ExecutionState, with `count` in `state`. */
export function stateCounts(state: ExecutionState, count: number, keys: 'upper' | 'lower'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of EXECUTION_STATES) out[keys === 'upper' ? name : name.toLowerCase()] = name === state ? count : 0;
  return out;
}
