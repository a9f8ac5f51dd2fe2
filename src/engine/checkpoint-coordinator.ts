import { errorMessage, SluiceError } from '../core/errors.js';
import type { CheckpointKind, CheckpointStore, CompletedCheckpoint, JobFingerprint, PipelineState } from '../state/checkpoint-store.js';
import type { CheckpointHistory, CheckpointStats } from './checkpoint-stats.js';
import type { PipelineRunner } from './pipeline-runner.js';

const HISTORY_SIZE = 100;

export interface CheckpointSettings {
  jobId: string;
  store: CheckpointStore | undefined;
  /** Periodic checkpoints are taken and stored only when set. */
  interval: number | undefined;
  timeout: number;
  maxRetained: number;
  /** Consecutive failed checkpoints after which the job fails. */
  tolerableFailures: number;
  fingerprint: JobFingerprint;
  /** Checkpoint ids continue after the one restored from. */
  firstId: number;
}

export interface TriggerRequest {
  kind: CheckpointKind;
  /** Subtasks end after this checkpoint (stop-with-savepoint, rescale). */
  stop?: boolean;
  /** The pipeline whose input ended: it takes its final barrier. */
  final?: PipelineRunner;
  /** Store it even without a checkpoint interval (a checkpoint triggered by hand). */
  persist?: boolean;
  /** With `stop`: the stopped pipelines are redeployed with this parallelism. */
  rescaleTo?: number;
}

/**
 * Takes a job's checkpoints: one at a time, periodically when `checkpoint.interval` is set, and on
 * request (savepoints, stops, rescales, the final checkpoint of a bounded pipeline). A checkpoint
 * sends a barrier to every running pipeline, stores the collected state atomically, and only then
 * lets the pipelines commit their sinks' prepared output (two-phase commit). A checkpoint that times
 * out or fails is counted and the job goes on, until `tolerableFailures` fail in a row.
 */
export class CheckpointCoordinator {
  readonly history: CheckpointHistory = { counts: { triggered: 0, inProgress: 0, completed: 0, failed: 0, restored: 0 }, history: [] };
  private nextId: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** Barriers of a timed-out checkpoint may still be in flight; the next one waits for them. */
  private inFlight: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private consecutiveFailures = 0;

  constructor(
    private readonly settings: CheckpointSettings,
    private readonly pipelines: () => PipelineRunner[],
    private readonly onTooManyFailures: (error: Error) => void,
  ) {
    this.nextId = settings.firstId;
  }

  /** True when checkpoints are stored: savepoints need it, periodic checkpoints need an interval too. */
  get storing(): boolean {
    return this.settings.store !== undefined;
  }

  startPeriodic(): void {
    const { interval } = this.settings;
    if (interval === undefined || !this.storing) return;
    this.timer = setInterval(() => {
      this.trigger({ kind: 'checkpoint' }).catch(() => undefined);
    }, interval);
    this.timer.unref();
  }

  /** Stops periodic checkpoints and waits for the ones already queued to end. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queue;
  }

  recordRestore(checkpoint: CompletedCheckpoint, path: string): void {
    this.history.counts.restored++;
    this.history.restored = { id: checkpoint.checkpointId, kind: checkpoint.kind, externalPath: path, timestamp: checkpoint.timestamp };
  }

  /** Queues a checkpoint; resolves with its statistics once it is stored and committed, rejects when it failed. */
  trigger(request: TriggerRequest): Promise<CheckpointStats> {
    const run = this.queue.then(() => this.take(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async take(request: TriggerRequest): Promise<CheckpointStats> {
    const persist = this.storing && (request.persist ?? (request.kind === 'savepoint' || request.stop === true || this.settings.interval !== undefined));
    const all = this.pipelines();
    if (all.every((runner) => runner.over)) throw new SluiceError('INTERNAL', `job ${this.settings.jobId} has ended`);
    // Pipelines between attempts (starting, restarting, rescaling) have no subtasks to take the
    // barrier, and a stop would be missed by their next attempt: wait until they run again.
    await this.withTimeout(Promise.all(all.map((runner) => runner.settled())), this.nextId, 'a pipeline is still starting');
    if (request.rescaleTo !== undefined) for (const runner of all) if (runner.running) runner.requestRescale(request.rescaleTo);
    const participants = persist ? all : all.filter((runner) => runner === request.final);
    const stats: CheckpointStats = {
      id: this.nextId++,
      kind: request.kind,
      status: 'IN_PROGRESS',
      triggerTimestamp: Date.now(),
      numSubtasks: participants.reduce((sum, runner) => sum + (runner.running || runner === request.final ? runner.parallelism : 0), 0),
      numAckedSubtasks: 0,
    };
    this.record(stats);
    try {
      await this.withTimeout(this.inFlight, stats.id, 'the previous checkpoint is still in flight');
      const snapshots = Promise.all(
        participants.map(async (runner) => {
          const state = await runner.snapshot({ id: stats.id, stop: request.stop === true, final: runner === request.final });
          stats.numAckedSubtasks += runner.parallelism;
          stats.latestAckTimestamp = Date.now();
          return state;
        }),
      );
      this.inFlight = snapshots.catch(() => undefined);
      const states = await this.withTimeout(snapshots, stats.id);
      if (persist) {
        if (!states.every((state) => state.restorable)) {
          throw new SluiceError('INTERNAL', `a source of job ${this.settings.jobId} cannot snapshot its position, so its state cannot be stored`);
        }
        const pipelines: Record<number, PipelineState> = {};
        all.forEach((runner) => {
          const index = participants.indexOf(runner);
          const { restorable: _restorable, ...state } = index >= 0 ? states[index]! : { ...(runner.state ?? emptyState(runner)), restorable: true };
          pipelines[runner.pipeline.id] = state;
        });
        const checkpoint: CompletedCheckpoint = { jobId: this.settings.jobId, checkpointId: stats.id, kind: request.kind, timestamp: stats.triggerTimestamp, fingerprint: this.settings.fingerprint, pipelines };
        const stored = await this.settings.store!.save(checkpoint, this.settings.maxRetained);
        stats.externalPath = stored.path;
        stats.stateSize = stored.size;
      }
      await Promise.all(participants.map((runner, i) => runner.completed(states[i]!)));
      this.finish(stats, 'COMPLETED');
      this.consecutiveFailures = 0;
      return stats;
    } catch (error) {
      stats.failureMessage = errorMessage(error);
      this.finish(stats, 'FAILED');
      for (const runner of participants) runner.checkpointFailed(error);
      if (++this.consecutiveFailures > this.settings.tolerableFailures) {
        this.onTooManyFailures(new SluiceError('INTERNAL', `${this.consecutiveFailures} checkpoints failed in a row; the last: ${stats.failureMessage}`));
      }
      throw error;
    }
  }

  private withTimeout<T>(promise: Promise<T>, id: number, reason = 'not every subtask acknowledged it'): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SluiceError('INTERNAL', `checkpoint ${id} timed out after ${this.settings.timeout} ms: ${reason}`)), this.settings.timeout);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private record(stats: CheckpointStats): void {
    const { counts, history } = this.history;
    counts.triggered++;
    counts.inProgress++;
    history.unshift(stats);
    history.length = Math.min(history.length, HISTORY_SIZE);
  }

  private finish(stats: CheckpointStats, status: 'COMPLETED' | 'FAILED'): void {
    stats.status = status;
    stats.endTimestamp = Date.now();
    stats.durationMs = stats.endTimestamp - stats.triggerTimestamp;
    this.history.counts.inProgress--;
    if (status === 'COMPLETED') this.history.counts.completed++;
    else this.history.counts.failed++;
  }
}

function emptyState(runner: PipelineRunner): PipelineState {
  return { parallelism: runner.parallelism, splits: {}, commits: {}, finished: false };
}
