import { Worker } from 'node:worker_threads';
import { SluiceError, type ErrorCode } from '../core/errors.js';
import type { SourceSplit } from '../core/plugin.js';
import type { Vertex } from '../plan/job-plan.js';
import type { Barrier, CheckpointAck, FromWorker, LogLine, Request, RunResult, SinkCall, SubtaskSpec, ToWorker, VertexCounters } from './messages.js';

const WORKER_URL = new URL('./worker/subtask-worker.js', import.meta.url);
/**
 * Subtasks allocate many short-lived rows; a larger young generation than V8's default means fewer
 * scavenges, which matters most when every core runs a subtask (bench/engine: parallelism 2).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

/** The nice value worker threads give themselves (Linux): see `lowerWorkerPriority`. */
let workerNice = 0;

/**
 * Makes worker threads started from now on run at a lower priority than the main thread (nice 10),
 * so a process that also serves the REST API answers promptly while every worker is busy
 * (bench/rest). `sluice run` leaves workers at the main thread's priority: there they compete only
 * with other processes, such as the database a job writes to, and should not lose to them.
 */
export function lowerWorkerPriority(): void {
  workerNice = 10;
}

/** Worker threads started ahead of need, for the next slots to take. */
const spares: { worker: Worker; alive: boolean }[] = [];

function startWorker(): Worker {
  return new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS, workerData: { nice: workerNice } });
}

/**
 * Starts `count` worker threads now, so their start-up (a thread and its modules, about 0.1 s)
 * overlaps whatever the caller does before the job runs (reading and planning the config). Unused
 * spares do not keep the process alive.
 */
export function prestartWorkers(count: number): void {
  while (spares.length < count) {
    const spare = { worker: startWorker(), alive: true };
    spare.worker.unref();
    spare.worker.once('error', () => (spare.alive = false));
    spare.worker.once('exit', () => (spare.alive = false));
    spares.push(spare);
  }
}

function takeWorker(): Worker {
  for (let spare = spares.shift(); spare !== undefined; spare = spares.shift()) {
    if (!spare.alive) continue;
    spare.worker.ref();
    return spare.worker;
  }
  return startWorker();
}

export interface SlotListener {
  onLog(lines: LogLine[]): void;
  onMetrics?(counters: Record<number, VertexCounters>): void;
  onInputEnded?(): void;
}

/**
 * The coordinator's handle on one worker thread (a slot). Requests may overlap (a checkpoint
 * arrives while `run` is pending); a failure inside the worker rejects its request with the
 * plugin's error, and the worker dying rejects every pending request.
 */
export class WorkerSlot {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextRequestId = 1;
  private exited = false;

  constructor(private listener: SlotListener) {
    this.worker = takeWorker();
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(new SluiceError('PLUGIN_FAILED', error.message, { cause: error })));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.failAll(new SluiceError('INTERNAL', `worker thread exited with code ${code}`));
    });
  }

  /** Routes metrics and input-ended notices of the next `run` to a new listener. */
  listen(listener: SlotListener): void {
    this.listener = listener;
  }

  planSplits(vertex: Vertex, parallelism: number): Promise<SourceSplit[]> {
    return this.request({ type: 'plan-splits', vertex, parallelism }) as Promise<SourceSplit[]>;
  }

  run(spec: SubtaskSpec): Promise<RunResult> {
    return this.request({ type: 'run', spec }) as Promise<RunResult>;
  }

  checkpoint(barrier: Barrier): Promise<CheckpointAck> {
    return this.request({ type: 'checkpoint', barrier }) as Promise<CheckpointAck>;
  }

  async commit(call: SinkCall, commitInfos: unknown[]): Promise<void> {
    await this.request({ type: 'commit', commitInfos, ...call });
  }

  async discardStaged(call: SinkCall): Promise<void> {
    await this.request({ type: 'discard-staged', ...call });
  }

  async finishSink(call: SinkCall, results: unknown[]): Promise<void> {
    await this.request({ type: 'finish-sink', results, ...call });
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

  private request(request: Request): Promise<unknown> {
    if (this.exited) return Promise.reject(new SluiceError('INTERNAL', 'worker thread is gone'));
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.worker.postMessage({ ...request, requestId } satisfies ToWorker);
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'log':
        return this.listener.onLog(message.lines);
      case 'metrics':
        return this.listener.onMetrics?.(message.counters);
      case 'input-ended':
        return this.listener.onInputEnded?.();
      case 'reply':
      case 'error': {
        const pending = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        if (message.type === 'reply') return pending?.resolve(message.value);
        const error = new SluiceError(message.error.code as ErrorCode, message.error.message);
        if (message.error.stack !== undefined) error.stack = message.error.stack;
        return pending?.reject(error);
      }
    }
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.reject(error);
  }
}
