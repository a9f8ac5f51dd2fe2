import { SluiceError } from '../core/errors.js';
import { isTerminal, type JobStatus } from '../core/job-status.js';
import type { JobPlan } from '../plan/job-plan.js';
import type { CheckpointStore, CompletedCheckpoint, JobFingerprint } from '../state/checkpoint-store.js';
import { CheckpointCoordinator } from './checkpoint-coordinator.js';
import type { CheckpointHistory, CheckpointStats } from './checkpoint-stats.js';
import { JobMetrics } from './job-metrics.js';
import type { LogLine } from './messages.js';
import { PipelineRunner, type PipelineEnd } from './pipeline-runner.js';

/** SeaTunnel's shipped seatunnel.yaml: STREAMING jobs without `checkpoint.interval` take one every 10 s. */
const DEFAULT_STREAMING_INTERVAL = 10_000;
const DEFAULT_CHECKPOINT_TIMEOUT = 60_000;

export interface JobRunOptions {
  jobId: string;
  /** Where plugin and engine log lines go. */
  onLog?: (lines: LogLine[]) => void;
  onStatus?: (status: JobStatus) => void;
  /** Rows per batch a reader is asked for. */
  batchSize?: number;
  /** How often workers report metrics, in ms. */
  metricsInterval?: number;
  /** Where checkpoints and savepoints are stored; without one the job takes none (rescale still works, in memory). */
  checkpointStore?: CheckpointStore;
  /** Completed checkpoints kept per job (`checkpoint.storage.max-retained`). */
  maxRetainedCheckpoints?: number;
  /** Resume from this checkpoint or savepoint (of the same job id), stored at `restorePath`. */
  restoreFrom?: { checkpoint: CompletedCheckpoint; path: string };
}

/**
 * Runs one job on worker threads and tracks its SeaTunnel state. Pipelines run concurrently, each
 * as `parallelism` subtasks; checkpoints, savepoints and rescaling go through the
 * CheckpointCoordinator. Terminal precedence is SeaTunnel's: any failed pipeline → FAILED, else any
 * canceled → CANCELED, else SAVEPOINT_DONE after a stop-with-savepoint, else FINISHED.
 */
export class JobRun {
  readonly metrics: JobMetrics;
  readonly timestamps: Partial<Record<JobStatus, number>> = {};
  status: JobStatus = 'CREATED';
  error: string | undefined;
  private readonly canceled = new AbortController();
  private readonly checkpointer: CheckpointCoordinator;
  private runners: PipelineRunner[] = [];
  private stopping = false;
  private result: Promise<JobStatus> | undefined;

  constructor(
    readonly plan: JobPlan,
    private readonly options: JobRunOptions,
  ) {
    this.metrics = new JobMetrics(plan.vertices);
    const fingerprint = fingerprintOf(plan);
    const restored = options.restoreFrom?.checkpoint;
    if (restored !== undefined) assertCompatible(restored, fingerprint, options.jobId);
    const { env } = plan;
    const interval = env.checkpointInterval ?? (env.jobMode === 'STREAMING' ? DEFAULT_STREAMING_INTERVAL : undefined);
    this.checkpointer = new CheckpointCoordinator(
      {
        jobId: options.jobId,
        store: options.checkpointStore,
        interval: plan.restorable ? interval : undefined,
        timeout: env.checkpointTimeout ?? DEFAULT_CHECKPOINT_TIMEOUT,
        maxRetained: options.maxRetainedCheckpoints ?? 3,
        tolerableFailures: env.checkpointTolerableFailures,
        fingerprint,
        firstId: (restored?.checkpointId ?? 0) + 1,
      },
      () => this.runners,
      (error) => this.failAll(error),
    );
    this.setStatus('CREATED');
  }

  get jobId(): string {
    return this.options.jobId;
  }

  /** Seconds from RUNNING until the end (or now). */
  get runningSeconds(): number {
    const start = this.timestamps.RUNNING;
    if (start === undefined) return 0;
    const end = isTerminal(this.status) ? (this.timestamps[this.status] ?? Date.now()) : Date.now();
    return (end - start) / 1000;
  }

  /** The job's checkpoint and savepoint statistics. */
  get checkpoints(): CheckpointHistory {
    return this.checkpointer.history;
  }

  /** True when every source can snapshot its position, so savepoints and restores are possible. */
  get restorable(): boolean {
    return this.plan.restorable;
  }

  /** Starts the job once; later calls return the same outcome. Resolves with the terminal status. */
  start(): Promise<JobStatus> {
    this.result ??= this.execute();
    return this.result;
  }

  /** Asks every subtask to stop; the job ends CANCELED. A no-op on an ended job. */
  cancel(): void {
    if (isTerminal(this.status) || this.canceled.signal.aborted) return;
    this.canceled.abort();
    this.setStatus('CANCELING');
  }

  /** Takes a savepoint; the job keeps running. */
  triggerSavepoint(): Promise<CheckpointStats> {
    this.assertCanSave('savepoint');
    return this.checkpointer.trigger({ kind: 'savepoint' });
  }

  /** Takes a savepoint and stops: DOING_SAVEPOINT, then SAVEPOINT_DONE. If the savepoint fails the job keeps RUNNING. */
  async stopWithSavepoint(): Promise<CheckpointStats> {
    this.assertCanSave('savepoint');
    this.stopping = true;
    this.setStatus('DOING_SAVEPOINT');
    try {
      return await this.checkpointer.trigger({ kind: 'savepoint', stop: true });
    } catch (error) {
      this.stopping = false;
      if (this.status === 'DOING_SAVEPOINT') this.setStatus('RUNNING');
      throw error;
    }
  }

  /** Takes a checkpoint now and stores it. */
  triggerCheckpoint(): Promise<CheckpointStats> {
    this.assertCanSave('checkpoint');
    return this.checkpointer.trigger({ kind: 'checkpoint', persist: true });
  }

  /**
   * Changes the parallelism of every running pipeline: checkpoint, stop, redeploy with the splits
   * and their positions redistributed. Resolves once the pipelines run at the new parallelism.
   */
  async rescale(parallelism: number): Promise<CheckpointStats> {
    if (!Number.isInteger(parallelism) || parallelism < 1) throw new SluiceError('CONFIG_INVALID', `parallelism must be a whole number of at least 1, got ${parallelism}`);
    if (this.status !== 'RUNNING') throw new SluiceError('CONFIG_INVALID', `job ${this.jobId} is ${this.status}, only a RUNNING job can be rescaled`);
    if (!this.restorable) throw new SluiceError('CONFIG_INVALID', `job ${this.jobId} cannot be rescaled: ${this.unrestorableReason()}`);
    const stats = await this.checkpointer.trigger({ kind: 'checkpoint', stop: true, persist: this.checkpointer.storing, rescaleTo: parallelism });
    // Answer once the pipelines run again, at the new parallelism.
    await Promise.all(this.runners.map((runner) => runner.settled()));
    this.log('INFO', `job ${this.jobId} rescaled to parallelism ${parallelism}`);
    return stats;
  }

  private async execute(): Promise<JobStatus> {
    this.setStatus('PENDING');
    this.setStatus('RUNNING');
    const restored = this.options.restoreFrom;
    if (restored !== undefined) {
      this.checkpointer.recordRestore(restored.checkpoint, restored.path);
      this.log('INFO', `job ${this.jobId} restored from ${restored.checkpoint.kind} ${restored.checkpoint.checkpointId} (${restored.path})`);
    }
    const host = {
      jobId: this.jobId,
      plan: this.plan,
      batchSize: this.options.batchSize ?? 1024,
      metricsInterval: this.options.metricsInterval ?? 1000,
      canceled: this.canceled.signal,
      log: (level: LogLine['level'], message: string) => this.log(level, message),
      onLog: (lines: LogLine[]) => this.options.onLog?.(lines),
      onMetrics: (...args: Parameters<JobMetrics['update']>) => this.metrics.update(...args),
      finalCheckpoint: async (runner: PipelineRunner) => {
        await this.checkpointer.trigger({ kind: 'checkpoint', final: runner });
      },
    };
    this.runners = this.plan.pipelines.map((pipeline) => new PipelineRunner(pipeline, host, restored?.checkpoint.pipelines[pipeline.id]));
    this.checkpointer.startPeriodic();
    const ends = await Promise.all(this.runners.map((runner) => runner.run()));
    await this.checkpointer.close();
    await this.end(ends);
    return this.status;
  }

  private async end(ends: PipelineEnd[]): Promise<void> {
    const failed = ends.find((end): end is Extract<PipelineEnd, { status: 'FAILED' }> => end.status === 'FAILED');
    if (failed !== undefined) {
      this.error = failed.error;
      if (this.status !== 'CANCELING') this.setStatus('FAILING');
      this.setStatus('FAILED');
      return;
    }
    if (ends.some((end) => end.status === 'CANCELED')) return this.setStatus('CANCELED');
    // A finished job needs its checkpoints no more; savepoints stay until disposed.
    await this.options.checkpointStore?.discardCheckpoints(this.jobId).catch(() => undefined);
    this.setStatus(this.stopping ? 'SAVEPOINT_DONE' : 'FINISHED');
  }

  /** Too many checkpoints failed: the job fails (a user can restore it from its last checkpoint). */
  private failAll(error: Error): void {
    this.error ??= error.message;
    for (const runner of this.runners) runner.checkpointFailed(error);
    this.log('ERROR', error.message);
  }

  private assertCanSave(kind: 'savepoint' | 'checkpoint'): void {
    if (this.status !== 'RUNNING') throw new SluiceError('CONFIG_INVALID', `The job with id '${this.jobId}' not running, ${kind === 'savepoint' ? 'save point' : 'checkpoint'} failed`);
    if (!this.restorable) throw new SluiceError('CONFIG_INVALID', `job ${this.jobId} cannot take a ${kind}: ${this.unrestorableReason()}`);
    if (!this.checkpointer.storing) throw new SluiceError('INTERNAL', `job ${this.jobId} has no checkpoint storage`);
  }

  private unrestorableReason(): string {
    const sources = this.plan.vertices.filter((v) => v.type === 'source' && !v.restorable).map((v) => v.pluginName);
    return `source ${sources.join(', ')} cannot snapshot its read position`;
  }

  private setStatus(status: JobStatus): void {
    this.status = status;
    this.timestamps[status] = Date.now();
    this.options.onStatus?.(status);
  }

  private log(level: LogLine['level'], message: string): void {
    this.options.onLog?.([{ time: Date.now(), level, source: `job ${this.jobId}`, message }]);
  }
}

/** What a checkpoint records about the job's shape. */
export function fingerprintOf(plan: JobPlan): JobFingerprint {
  return {
    vertices: plan.vertices.map((v) => ({ id: v.id, type: v.type, plugin: v.pluginName, tables: (v.type === 'source' ? v.outputTables : v.inputTables).map((t) => t.tablePath).sort() })),
  };
}

function assertCompatible(checkpoint: CompletedCheckpoint, fingerprint: JobFingerprint, jobId: string): void {
  const describe = (f: JobFingerprint): string => f.vertices.map((v) => `${v.type} ${v.plugin} [${v.tables.join(', ')}]`).join('; ');
  if (describe(checkpoint.fingerprint) !== describe(fingerprint)) {
    throw new SluiceError(
      'CONFIG_INVALID',
      `cannot restore job ${jobId} from ${checkpoint.kind} ${checkpoint.checkpointId}: it was taken from a job with other sources, sinks or tables (saved: ${describe(checkpoint.fingerprint)}; now: ${describe(fingerprint)}). Run the original config, or start without restoring.`,
    );
  }
}
