import { Worker } from 'node:worker_threads';
import { SluiceError, type ErrorCode } from '../core/errors.js';
import type { JobMode, SourceSplit } from '../core/plugin.js';
import type { Vertex } from '../plan/job-plan.js';
import type { FromWorker, LogLine, SubtaskSpec, ToWorker, VertexCounters } from './messages.js';

const WORKER_URL = new URL('./worker/subtask-worker.js', import.meta.url);
/**
 * Subtasks allocate many short-lived rows; a larger young generation than V8's default means fewer
 * scavenges, which matters most when every core runs a subtask (bench/engine: parallelism 2).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

export type SubtaskOutcome = { outcome: 'finished'; sinkResults: Record<number, unknown> } | { outcome: 'canceled' };

/**
 * The coordinator's handle on one worker thread. Requests run one at a time; a failure inside the
 * worker, or the worker dying, rejects the pending request with the plugin's error.
 */
export class WorkerSlot {
  private readonly worker: Worker;
  private pending: { accept: (message: FromWorker) => boolean; resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  private exited = false;

  constructor(
    private readonly onLog: (lines: LogLine[]) => void,
    private onMetrics: (counters: Record<number, VertexCounters>) => void = () => undefined,
  ) {
    this.worker = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => this.fail(new SluiceError('PLUGIN_FAILED', error.message, { cause: error })));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.fail(new SluiceError('INTERNAL', `worker thread exited with code ${code}`));
    });
  }

  async planSplits(vertex: Vertex, parallelism: number): Promise<SourceSplit[]> {
    const reply = await this.request({ type: 'plan-splits', vertex, parallelism }, (m) => m.type === 'splits');
    return reply.type === 'splits' ? reply.splits : [];
  }

  async run(spec: SubtaskSpec, onMetrics: (counters: Record<number, VertexCounters>) => void): Promise<SubtaskOutcome> {
    this.onMetrics = onMetrics;
    const reply = await this.request({ type: 'run', spec }, (m) => m.type === 'finished' || m.type === 'canceled');
    return reply.type === 'finished' ? { outcome: 'finished', sinkResults: reply.sinkResults } : { outcome: 'canceled' };
  }

  async finishSink(vertex: Vertex, results: unknown[], jobMode: JobMode, parallelism: number): Promise<void> {
    await this.request({ type: 'finish-sink', vertex, results, jobMode, parallelism }, (m) => m.type === 'sink-finished');
  }

  cancel(): void {
    if (!this.exited) this.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
  }

  /** Stops the thread; idempotent. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    await this.worker.terminate();
  }

  private request(message: ToWorker, accept: (reply: FromWorker) => boolean): Promise<FromWorker> {
    if (this.exited) return Promise.reject(new SluiceError('INTERNAL', 'worker thread is gone'));
    return new Promise((resolve, reject) => {
      this.pending = { accept, resolve, reject };
      this.worker.postMessage(message);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'log') return this.onLog(message.lines);
    if (message.type === 'metrics') return this.onMetrics(message.counters);
    if (message.type === 'failed') {
      const error = new SluiceError(message.error.code as ErrorCode, message.error.message);
      if (message.error.stack !== undefined) error.stack = message.error.stack;
      return this.fail(error);
    }
    const pending = this.pending;
    if (pending?.accept(message)) {
      this.pending = undefined;
      pending.resolve(message);
    }
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}
