import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage, SluiceError } from '../core/errors.js';
import { isTerminal, type JobStatus } from '../core/job-status.js';
import type { SourceSplit } from '../core/plugin.js';
import type { JobPlan, Pipeline, Vertex } from '../plan/job-plan.js';
import { JobMetrics } from './job-metrics.js';
import type { LogLine, SubtaskSpec } from './messages.js';
import { WorkerSlot } from './worker-slot.js';

export interface JobRunOptions {
  jobId: string;
  /** Where plugin and engine log lines go. */
  onLog?: (lines: LogLine[]) => void;
  onStatus?: (status: JobStatus) => void;
  /** Rows per batch a reader is asked for. */
  batchSize?: number;
  /** How often workers report metrics, in ms. */
  metricsInterval?: number;
}

type PipelineEnd = { status: 'FINISHED' | 'CANCELED' } | { status: 'FAILED'; error: string };

/**
 * Runs one job on worker threads and tracks its SeaTunnel state. Pipelines run concurrently, each
 * as `parallelism` subtasks; a failed pipeline is restarted up to `job.retry.times` times.
 * Terminal precedence is SeaTunnel's: any failed pipeline → FAILED, else any canceled → CANCELED,
 * else FINISHED.
 */
export class JobRun {
  readonly metrics: JobMetrics;
  readonly timestamps: Partial<Record<JobStatus, number>> = {};
  status: JobStatus = 'CREATED';
  error: string | undefined;
  private readonly cancelRequested = new AbortController();
  private readonly slots = new Set<WorkerSlot>();
  private result: Promise<JobStatus> | undefined;

  constructor(
    readonly plan: JobPlan,
    private readonly options: JobRunOptions,
  ) {
    this.metrics = new JobMetrics(plan.vertices);
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

  /** Starts the job once; later calls return the same outcome. Resolves with the terminal status. */
  start(): Promise<JobStatus> {
    this.result ??= this.execute();
    return this.result;
  }

  /** Asks every subtask to stop; the job ends CANCELED. A no-op on an ended job. */
  cancel(): void {
    if (isTerminal(this.status) || this.cancelRequested.signal.aborted) return;
    this.cancelRequested.abort();
    this.setStatus('CANCELING');
    for (const slot of this.slots) slot.cancel();
  }

  private async execute(): Promise<JobStatus> {
    this.setStatus('PENDING');
    this.setStatus('RUNNING');
    const ends = await Promise.all(this.plan.pipelines.map((pipeline) => this.runPipeline(pipeline)));
    const failed = ends.find((end): end is Extract<PipelineEnd, { status: 'FAILED' }> => end.status === 'FAILED');
    if (failed !== undefined) {
      this.error = failed.error;
      if (this.status !== 'CANCELING') this.setStatus('FAILING');
      this.setStatus('FAILED');
    } else {
      this.setStatus(ends.some((end) => end.status === 'CANCELED') ? 'CANCELED' : 'FINISHED');
    }
    return this.status;
  }

  private async runPipeline(pipeline: Pipeline): Promise<PipelineEnd> {
    const { retryTimes, retryIntervalSeconds } = this.plan.env;
    for (let attempt = 0; ; attempt++) {
      if (this.cancelRequested.signal.aborted) return { status: 'CANCELED' };
      try {
        return await this.attempt(pipeline, attempt);
      } catch (error) {
        const message = errorMessage(error);
        if (this.cancelRequested.signal.aborted) return { status: 'CANCELED' };
        const retryable = !(error instanceof SluiceError && (error.code === 'ASSERTION_FAILED' || error.code === 'CONFIG_INVALID'));
        if (!retryable || attempt >= retryTimes) return { status: 'FAILED', error: message };
        this.log('WARN', `pipeline-${pipeline.id} failed (attempt ${attempt + 1} of ${retryTimes + 1}): ${message}; restarting in ${retryIntervalSeconds}s`);
        await sleep(retryIntervalSeconds * 1000, undefined, { signal: this.cancelRequested.signal }).catch(() => undefined);
      }
    }
  }

  /** One run of a pipeline: plan splits, run every subtask, then let sinks finish. */
  private async attempt(pipeline: Pipeline, attempt: number): Promise<PipelineEnd> {
    const vertices = pipeline.vertexIds.map((id) => this.plan.vertices[id - 1]!);
    const slots = Array.from({ length: pipeline.parallelism }, () => this.openSlot());
    try {
      const splits = await this.assignSplits(slots[0]!, vertices, pipeline.parallelism);
      const runs = slots.map((slot, index) =>
        slot.run(this.spec(pipeline, vertices, index, splits[index]!), (counters) =>
          this.metrics.update(`${pipeline.id}/${attempt}/${index}`, counters),
        ),
      );
      const outcomes = await settleAll(runs, () => slots.forEach((slot) => slot.cancel()));
      if (outcomes.some((o) => o.outcome === 'canceled') || this.cancelRequested.signal.aborted) return { status: 'CANCELED' };
      for (const sink of vertices.filter((v) => v.type === 'sink')) {
        const results = outcomes.map((o) => (o.outcome === 'finished' ? o.sinkResults[sink.id] : undefined));
        await slots[0]!.finishSink(sink, results, this.plan.env.jobMode, pipeline.parallelism);
      }
      return { status: 'FINISHED' };
    } finally {
      await Promise.all(slots.map((slot) => this.closeSlot(slot)));
    }
  }

  /** Asks a worker for each source's splits; split i goes to the reader i % parallelism. */
  private async assignSplits(slot: WorkerSlot, vertices: Vertex[], parallelism: number): Promise<Record<number, SourceSplit[]>[]> {
    const perSubtask: Record<number, SourceSplit[]>[] = Array.from({ length: parallelism }, () => ({}));
    for (const source of vertices.filter((v) => v.type === 'source')) {
      const splits = await slot.planSplits(source, source.parallelism);
      for (let i = 0; i < source.parallelism; i++) perSubtask[i]![source.id] = [];
      splits.forEach((split, i) => perSubtask[i % source.parallelism]![source.id]!.push(split));
    }
    return perSubtask;
  }

  private spec(pipeline: Pipeline, vertices: Vertex[], subtaskIndex: number, splits: Record<number, SourceSplit[]>): SubtaskSpec {
    const { env } = this.plan;
    return {
      jobId: this.jobId,
      pipelineId: pipeline.id,
      subtaskIndex,
      parallelism: pipeline.parallelism,
      jobMode: env.jobMode,
      vertices: topological(vertices),
      splits,
      batchSize: this.options.batchSize ?? 1024,
      readLimit: { rowsPerSecond: env.readLimitRowsPerSecond, bytesPerSecond: env.readLimitBytesPerSecond },
      metricsInterval: this.options.metricsInterval ?? 1000,
    };
  }

  private openSlot(): WorkerSlot {
    const slot = new WorkerSlot((lines) => this.options.onLog?.(lines));
    this.slots.add(slot);
    if (this.cancelRequested.signal.aborted) slot.cancel();
    return slot;
  }

  private async closeSlot(slot: WorkerSlot): Promise<void> {
    this.slots.delete(slot);
    await slot.close();
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

/** Vertices ordered so that every vertex comes after its inputs (ids already follow config order). */
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
