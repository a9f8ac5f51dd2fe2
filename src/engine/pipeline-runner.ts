import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage, SluiceError } from '../core/errors.js';
import type { SourceSplit } from '../core/plugin.js';
import type { JobPlan, Pipeline, Vertex } from '../plan/job-plan.js';
import type { PipelineState } from '../state/checkpoint-store.js';
import type { Barrier, LogLine, RunResult, SinkCall, SubtaskSpec, VertexCounters } from './messages.js';
import { WorkerSlot } from './worker-slot.js';

export type PipelineEnd = { status: 'FINISHED' | 'CANCELED' | 'STOPPED' } | { status: 'FAILED'; error: string };

/** What a pipeline needs from its job. */
export interface PipelineHost {
  jobId: string;
  plan: JobPlan;
  batchSize: number;
  metricsInterval: number;
  canceled: AbortSignal;
  log(level: LogLine['level'], message: string): void;
  onLog(lines: LogLine[]): void;
  onMetrics(key: { pipeline: number; attempt: number; index: number }, counters: Record<number, VertexCounters>): void;
  /** Every subtask's input has ended: take the pipeline's final checkpoint (stored or not) and commit it. */
  finalCheckpoint(runner: PipelineRunner): Promise<void>;
}

/**
 * Runs one pipeline to its end, across attempts. An attempt deploys `parallelism` subtasks on
 * worker threads, from fresh splits or from the latest completed state; a failed attempt is
 * restarted from that state up to `job.retry.times` times. The runner also takes the pipeline's
 * part of every checkpoint and commits sink output once a checkpoint is complete.
 */
export class PipelineRunner {
  /** The latest completed state: where a restarted attempt resumes. Its `commits` are still to be committed. */
  state: PipelineState | undefined;
  parallelism: number;
  private readonly vertices: Vertex[];
  /** Prepared sink output acknowledged since the last completed checkpoint, by sink vertex id. */
  private pending: Record<number, unknown[]> = {};
  private slots: WorkerSlot[] = [];
  private attemptCount = 0;
  private inputEnded = 0;
  /** Why the current attempt is being stopped by a stop barrier, if it is. */
  private stopReason: 'savepoint' | 'rescale' | undefined;
  private rescaleTo: number | undefined;
  /** The checkpoint that ends the current attempt (final or stop barrier): resolved once stored and committed. */
  private closing: Promise<void> | undefined;
  private closeStop: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  private abortAttempt: ((error: unknown) => void) | undefined;
  /** True once run() has returned: the pipeline will never deploy subtasks again. */
  over = false;
  private settledWaiters: (() => void)[] = [];

  constructor(
    readonly pipeline: Pipeline,
    private readonly host: PipelineHost,
    restored: PipelineState | undefined,
  ) {
    this.vertices = topological(pipeline.vertexIds.map((id) => host.plan.vertices[id - 1]!));
    this.state = restored;
    this.parallelism = restored?.parallelism ?? pipeline.parallelism;
    if (this.parallelism !== pipeline.parallelism) this.applyParallelism(this.parallelism);
    host.canceled.addEventListener('abort', () => this.slots.forEach((slot) => slot.cancel()), { once: true });
  }

  /** True while subtasks are deployed and can take a barrier. */
  get running(): boolean {
    return this.slots.length > 0 && this.closing === undefined;
  }

  /**
   * Resolves when the pipeline can take a barrier or never will again: not while it is between
   * attempts (restarting, rescaling), where a stop would otherwise be missed by the next attempt.
   */
  settled(): Promise<void> {
    if (this.slots.length > 0 || this.over) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  async run(): Promise<PipelineEnd> {
    try {
      return await this.runAttempts();
    } finally {
      this.over = true;
      this.notifySettled();
    }
  }

  private notifySettled(): void {
    for (const wake of this.settledWaiters.splice(0)) wake();
  }

  private async runAttempts(): Promise<PipelineEnd> {
    const { retryTimes, retryIntervalSeconds } = this.host.plan.env;
    for (let failures = 0; ; ) {
      if (this.host.canceled.aborted) return { status: 'CANCELED' };
      try {
        const end = await this.attempt();
        if (end.status === 'STOPPED' && this.stopReason === 'rescale') {
          this.stopReason = undefined;
          this.applyParallelism(this.rescaleTo!);
          this.rescaleTo = undefined;
          continue;
        }
        return end;
      } catch (error) {
        const message = errorMessage(error);
        if (this.host.canceled.aborted) return { status: 'CANCELED' };
        const retryable = !(error instanceof SluiceError && (error.code === 'ASSERTION_FAILED' || error.code === 'CONFIG_INVALID'));
        if (!retryable || failures >= retryTimes) return { status: 'FAILED', error: message };
        failures++;
        const from = this.state === undefined ? 'from the beginning' : 'from the last completed checkpoint';
        this.host.log('WARN', `pipeline-${this.pipeline.id} failed (attempt ${failures} of ${retryTimes + 1}): ${message}; restarting ${from} in ${retryIntervalSeconds}s`);
        await sleep(retryIntervalSeconds * 1000, undefined, { signal: this.host.canceled }).catch(() => undefined);
      }
    }
  }

  /** Stops the subtasks after a checkpoint and redeploys them with a new parallelism. */
  requestRescale(parallelism: number): void {
    this.rescaleTo = parallelism;
  }

  /**
   * This pipeline's part of checkpoint `barrier.id`: every subtask snapshots at a batch boundary
   * and prepares its sinks. Returns the state to store; output prepared now stays pending until
   * `completed` is called with that state.
   */
  async snapshot(barrier: Barrier): Promise<PipelineState & { restorable: boolean }> {
    if (!this.running && !barrier.final) return { ...(this.state ?? this.emptyState(false)), restorable: this.state !== undefined };
    if (barrier.stop) {
      this.stopReason = this.rescaleTo === undefined ? 'savepoint' : 'rescale';
      this.closing = new Promise((resolve, reject) => (this.closeStop = { resolve, reject }));
      this.closing.catch(() => undefined);
    }
    try {
      const acks = await Promise.all(this.slots.map((slot) => slot.checkpoint(barrier)));
      const splits: Record<number, SourceSplit[]> = {};
      for (const ack of acks) {
        for (const [id, list] of Object.entries(ack.splits)) (splits[Number(id)] ??= []).push(...list);
        for (const [id, info] of Object.entries(ack.commits)) (this.pending[Number(id)] ??= []).push(info);
      }
      const commits = Object.fromEntries(Object.entries(this.pending).map(([id, infos]) => [id, [...infos]]));
      return { parallelism: this.parallelism, splits, commits, finished: barrier.final, restorable: acks.every((ack) => ack.restorable) };
    } catch (error) {
      if (barrier.stop || barrier.final) this.checkpointFailed(error);
      throw error;
    }
  }

  /** A checkpoint this pipeline took part in failed; a stop or final one ends the attempt with that error. */
  checkpointFailed(error: unknown): void {
    if (this.closing === undefined) return;
    this.closeStop?.reject(error);
    this.abortAttempt?.(error);
  }

  /** The checkpoint holding `state` is stored (or needs no storing): commit its output and resume from it on failure. */
  async completed(state: PipelineState): Promise<void> {
    await this.commit(state.commits);
    for (const [id, infos] of Object.entries(state.commits)) {
      this.pending[Number(id)] = (this.pending[Number(id)] ?? []).slice(infos.length);
    }
    this.state = { ...state, commits: {} };
    this.closeStop?.resolve();
  }

  private async attempt(): Promise<PipelineEnd> {
    const attempt = this.attemptCount++;
    this.pending = {};
    this.inputEnded = 0;
    this.closing = undefined;
    this.closeStop = undefined;
    const slots = Array.from({ length: this.parallelism }, (_, index) => new WorkerSlot(this.listener(attempt, index)));
    let aborted: (error: unknown) => void = () => undefined;
    const abortion = new Promise<never>((_, reject) => (aborted = reject));
    abortion.catch(() => undefined);
    this.abortAttempt = (error) => {
      slots.forEach((slot) => slot.cancel());
      aborted(error);
    };
    try {
      // A restored state may hold output that was prepared and checkpointed but not yet committed.
      if (this.state !== undefined && Object.keys(this.state.commits).length > 0) {
        await this.commitWith(slots[0]!, this.state.commits);
        this.state = { ...this.state, commits: {} };
      }
      if (this.state?.finished) return { status: 'FINISHED' };
      // Sources are planned first: a source that cannot be read fails the job before a sink's save
      // mode (such as DROP_DATA) touches its target.
      const splits = await this.assignSplits(slots[0]!);
      for (const sink of this.sinks()) await slots[0]!.discardStaged(this.sinkCall(sink));
      this.slots = slots;
      if (this.host.canceled.aborted) slots.forEach((slot) => slot.cancel());
      const runs = slots.map((slot, index) => slot.run(this.spec(index, splits[index]!)));
      this.notifySettled();
      const outcomes = await Promise.race([settleAll(runs, () => slots.forEach((slot) => slot.cancel())), abortion]);
      if (this.host.canceled.aborted || outcomes.some((o) => o.outcome === 'canceled')) return { status: 'CANCELED' };
      await Promise.race([this.closing, abortion]);
      if (this.stopReason === 'rescale') return { status: 'STOPPED' };
      await this.finishSinks(slots[0]!, outcomes);
      return { status: this.stopReason === 'savepoint' ? 'STOPPED' : 'FINISHED' };
    } finally {
      this.slots = [];
      this.abortAttempt = undefined;
      await Promise.all(slots.map((slot) => slot.close()));
    }
  }

  private listener(attempt: number, index: number): ConstructorParameters<typeof WorkerSlot>[0] {
    return {
      onLog: (lines) => this.host.onLog(lines),
      onMetrics: (counters) => this.host.onMetrics({ pipeline: this.pipeline.id, attempt, index }, counters),
      onInputEnded: () => {
        if (++this.inputEnded === this.parallelism && this.closing === undefined) {
          this.closing = this.host.finalCheckpoint(this);
          this.closing.catch((error: unknown) => this.abortAttempt?.(error));
        }
      },
    };
  }

  /** Splits for each subtask: from the restored state (positions kept) or freshly planned. Split i goes to reader i % parallelism. */
  private async assignSplits(slot: WorkerSlot): Promise<Record<number, SourceSplit[]>[]> {
    const perSubtask: Record<number, SourceSplit[]>[] = Array.from({ length: this.parallelism }, () => ({}));
    for (const source of this.vertices.filter((v) => v.type === 'source')) {
      const splits = this.state?.splits[source.id] ?? (this.state === undefined ? await slot.planSplits(source, source.parallelism) : []);
      for (let i = 0; i < source.parallelism; i++) perSubtask[i]![source.id] = [];
      splits.forEach((split, i) => perSubtask[i % source.parallelism]![source.id]!.push(split));
    }
    return perSubtask;
  }

  private async commit(commits: Record<number, unknown[]>): Promise<void> {
    const slot = this.slots[0];
    if (Object.values(commits).every((infos) => infos.length === 0)) return;
    if (slot === undefined) throw new SluiceError('INTERNAL', `pipeline-${this.pipeline.id} has no running subtask to commit with`);
    await this.commitWith(slot, commits);
  }

  private async commitWith(slot: WorkerSlot, commits: Record<number, unknown[]>): Promise<void> {
    for (const sink of this.sinks()) {
      const infos = commits[sink.id] ?? [];
      if (infos.length > 0) await slot.commit(this.sinkCall(sink), infos);
    }
  }

  private async finishSinks(slot: WorkerSlot, outcomes: RunResult[]): Promise<void> {
    for (const sink of this.sinks()) {
      const results = outcomes.map((o) => (o.outcome === 'finished' ? o.sinkResults[sink.id] : undefined));
      await slot.finishSink(this.sinkCall(sink), results);
    }
  }

  private applyParallelism(parallelism: number): void {
    this.parallelism = parallelism;
    this.pipeline.parallelism = parallelism;
    for (const vertex of this.vertices) vertex.parallelism = parallelism;
    if (this.state !== undefined) this.state = { ...this.state, parallelism };
  }

  private emptyState(finished: boolean): PipelineState {
    return { parallelism: this.parallelism, splits: {}, commits: {}, finished };
  }

  private sinks(): Vertex[] {
    return this.vertices.filter((v) => v.type === 'sink');
  }

  private sinkCall(vertex: Vertex): SinkCall {
    return { vertex, jobId: this.host.jobId, jobMode: this.host.plan.env.jobMode, parallelism: this.parallelism };
  }

  private spec(subtaskIndex: number, splits: Record<number, SourceSplit[]>): SubtaskSpec {
    const { env } = this.host.plan;
    return {
      jobId: this.host.jobId,
      pipelineId: this.pipeline.id,
      subtaskIndex,
      parallelism: this.parallelism,
      jobMode: env.jobMode,
      vertices: this.vertices,
      splits,
      batchSize: this.host.batchSize,
      readLimit: { rowsPerSecond: env.readLimitRowsPerSecond, bytesPerSecond: env.readLimitBytesPerSecond },
      metricsInterval: this.host.metricsInterval,
    };
  }
}

/**
 * Waits for every promise. On the first rejection it calls `onFirstFailure` (to stop the others),
 * still waits for all of them, then rethrows that first error.
 */
async function settleAll<T>(promises: Promise<T>[], onFirstFailure: () => void): Promise<T[]> {
  let first: { error: unknown } | undefined;
  const guarded = promises.map((promise) =>
    promise.catch((error: unknown) => {
      if (first === undefined) {
        first = { error };
        onFirstFailure();
      }
      return undefined;
    }),
  );
  const values = await Promise.all(guarded);
  if (first !== undefined) throw first.error;
  return values as T[];
}

/** Vertices ordered so that every vertex comes after its inputs. */
function topological(vertices: Vertex[]): Vertex[] {
  const placed = new Set<number>();
  const ordered: Vertex[] = [];
  while (ordered.length < vertices.length) {
    for (const vertex of vertices) {
      if (!placed.has(vertex.id) && vertex.inputs.every((id) => placed.has(id))) {
        placed.add(vertex.id);
        ordered.push(vertex);
      }
    }
  }
  return ordered;
}
