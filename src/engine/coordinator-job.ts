import type { JobStatus } from '../core/job-status.js';
import type { JobPlan } from '../plan/job-plan.js';
import type { CompletedCheckpoint } from '../state/checkpoint-store.js';

/** A stored checkpoint or savepoint to resume from, with where it is stored. */
export interface RestorePoint {
  checkpoint: CompletedCheckpoint;
  path: string;
}
import type { JobRecord } from '../state/job-history-store.js';
import type { CheckpointHistory, CheckpointStats } from './checkpoint-stats.js';
import type { CoordinatorJobLog } from './coordinator-job-log.js';
import { envOptionsOf, maskPlan } from './coordinator-secrets.js';
import { JobMetrics, type MetricsSnapshot } from './job-metrics.js';

/** What the coordinator needs of a running job; `JobRun` provides it (tests may fake it). */
export interface JobRunHandle {
  readonly status: JobStatus;
  readonly error: string | undefined;
  readonly timestamps: Partial<Record<JobStatus, number>>;
  readonly runningSeconds: number;
  readonly metrics: { snapshot(): MetricsSnapshot };
  readonly checkpoints: CheckpointHistory;
  readonly restorable: boolean;
  start(): Promise<JobStatus>;
  cancel(): void;
  triggerSavepoint(): Promise<CheckpointStats>;
  stopWithSavepoint(): Promise<CheckpointStats>;
  triggerCheckpoint(): Promise<CheckpointStats>;
  rescale(parallelism: number): Promise<unknown>;
}

/** A read-only snapshot of one job, running or finished, for the APIs. Secrets are masked. */
export interface JobView {
  jobId: string;
  jobName: string;
  status: JobStatus;
  /** `env` with values as strings, secrets masked. */
  envOptions: Record<string, string>;
  createTime: number;
  finishTime?: number;
  error?: string;
  isStartWithSavePoint: boolean;
  /** Secrets masked. */
  plan: JobPlan;
  metrics: MetricsSnapshot;
  runningSeconds: number;
  checkpoints?: CheckpointHistory;
  /** When the job entered each state (ms); only what this node saw. */
  timestamps: Partial<Record<JobStatus, number>>;
  /** Slots the job holds while it runs. */
  slots: number;
}

/** Why and how the node itself ended a job (at shutdown): recorded with the job. */
export interface NodeStopIntent {
  reason: string;
  /** Stopped with a savepoint; resume when the node starts again. */
  resume: boolean;
}

/** The coordinator's state of one accepted, not yet finished job. */
export class CoordinatorJob {
  status: JobStatus = 'PENDING';
  finishTime: number | undefined;
  error: string | undefined;
  run: JobRunHandle | undefined;
  restorable: boolean | undefined;
  nodeStop: NodeStopIntent | undefined;
  readonly timestamps: Partial<Record<JobStatus, number>> = {};
  readonly maskedPlan: JobPlan;
  /** Slots held while running; changes when the job is rescaled. */
  slots: number;
  readonly envOptions: Record<string, string>;
  private finalState: { metrics: MetricsSnapshot; runningSeconds: number; checkpoints?: CheckpointHistory } | undefined;

  constructor(
    readonly jobId: string,
    readonly plan: JobPlan,
    slots: number,
    readonly createTime: number,
    readonly isStartWithSavePoint: boolean,
    readonly restoreFrom: RestorePoint | undefined,
    readonly log: CoordinatorJobLog,
  ) {
    this.slots = slots;
    this.maskedPlan = maskPlan(plan);
    this.envOptions = envOptionsOf(plan);
    this.timestamps.PENDING = createTime;
  }

  get jobName(): string {
    return this.plan.jobName;
  }

  get started(): boolean {
    return this.run !== undefined;
  }

  setStatus(status: JobStatus, at = Date.now()): void {
    this.status = status;
    this.timestamps[status] = at;
  }

  /** Freezes what the run measured; called once, when the job ends. */
  freeze(): void {
    const run = this.run;
    this.finalState = {
      metrics: run?.metrics.snapshot() ?? emptyMetrics(this.plan),
      runningSeconds: run?.runningSeconds ?? 0,
      checkpoints: run === undefined ? undefined : safely(() => run.checkpoints),
    };
  }

  view(): JobView {
    const run = this.run;
    const state = this.finalState ?? {
      metrics: run?.metrics.snapshot() ?? emptyMetrics(this.plan),
      runningSeconds: run?.runningSeconds ?? 0,
      checkpoints: run === undefined ? undefined : safely(() => run.checkpoints),
    };
    return {
      jobId: this.jobId,
      jobName: this.jobName,
      status: this.status,
      envOptions: this.envOptions,
      createTime: this.createTime,
      ...(this.finishTime === undefined ? {} : { finishTime: this.finishTime }),
      ...(this.error === undefined ? {} : { error: this.error }),
      isStartWithSavePoint: this.isStartWithSavePoint,
      plan: this.maskedPlan,
      metrics: state.metrics,
      runningSeconds: state.runningSeconds,
      ...(state.checkpoints === undefined ? {} : { checkpoints: state.checkpoints }),
      timestamps: { ...this.timestamps },
      slots: this.slots,
    };
  }

  /** The durable record; the run plan is kept while the job may still run here. */
  record(): JobRecord {
    const view = this.view();
    const mayRunAgain = !isEnded(this.status) || this.nodeStop?.resume === true;
    return {
      jobId: view.jobId,
      jobName: view.jobName,
      status: view.status,
      envOptions: view.envOptions,
      createTime: view.createTime,
      ...(view.finishTime === undefined ? {} : { finishTime: view.finishTime }),
      ...(view.error === undefined ? {} : { error: view.error }),
      isStartWithSavePoint: view.isStartWithSavePoint,
      plan: view.plan,
      ...(mayRunAgain ? { runPlan: this.plan } : {}),
      started: this.started,
      ...(this.restorable === undefined ? {} : { restorable: this.restorable }),
      ...(this.nodeStop?.resume ? { resumeOnStart: true } : {}),
      metrics: view.metrics,
      runningSeconds: view.runningSeconds,
      ...(view.checkpoints === undefined ? {} : { checkpoints: view.checkpoints }),
    };
  }
}

/** A finished job's view, from its history record. */
export function viewOfRecord(record: JobRecord): JobView {
  return {
    jobId: record.jobId,
    jobName: record.jobName,
    status: record.status,
    envOptions: record.envOptions,
    createTime: record.createTime,
    ...(record.finishTime === undefined ? {} : { finishTime: record.finishTime }),
    ...(record.error === undefined ? {} : { error: record.error }),
    isStartWithSavePoint: record.isStartWithSavePoint,
    plan: record.plan,
    metrics: record.metrics ?? emptyMetrics(record.plan),
    runningSeconds: record.runningSeconds ?? 0,
    ...(record.checkpoints === undefined ? {} : { checkpoints: record.checkpoints }),
    timestamps: { PENDING: record.createTime, ...(record.finishTime === undefined ? {} : { [record.status]: record.finishTime }) },
    slots: 0,
  };
}

function emptyMetrics(plan: JobPlan): MetricsSnapshot {
  return new JobMetrics(plan.vertices).snapshot();
}

/** Reads a property the engine may not implement yet (it throws); undefined then. */
export function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function isEnded(status: JobStatus): boolean {
  return status === 'FINISHED' || status === 'FAILED' || status === 'CANCELED' || status === 'SAVEPOINT_DONE' || status === 'UNKNOWABLE';
}
