import { setTimeout as sleep } from 'node:timers/promises';
import { SluiceError } from '../../core/errors.js';
import type { BoundTransform, PluginContext, SinkPlugin, SinkWriter, SourcePlugin, SourceReader, SourceSplit, TransformPlugin } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { Vertex } from '../../plan/job-plan.js';
import { findPlugin } from '../../plugins.js';
import { BoundedQueue } from '../bounded-queue.js';
import type { Barrier, CheckpointAck, SubtaskSpec, VertexCounters } from '../messages.js';
import { RateLimiter } from '../rate-limiter.js';
import { addMeasure, BatchMeter, emptyCounters, type BatchMeasure } from '../vertex-counters.js';
import type { WorkerLogBuffer } from './worker-logger.js';

/** Batches a reader may run ahead of the chain before it waits (backpressure). */
const QUEUE_CAPACITY = 4;
const IDLE_POLL_MS = 20;
/**
 * A reader whose polls resolve at once would keep the worker in microtasks forever, starving its
 * message port (barriers, cancel) and timers (metrics). It yields to the event loop this often.
 */
const YIELD_EVERY_MS = 5;

type SourceNode = { vertex: Vertex; kind: 'source'; reader: SourceReader };
type Node =
  | SourceNode
  | { vertex: Vertex; kind: 'transform'; bound: Map<string, BoundTransform> }
  | { vertex: Vertex; kind: 'sink'; writer: SinkWriter };

type QueueItem = { rows: Row[]; measure: BatchMeasure } | { barrier: Barrier; splits: SourceSplit[] | undefined };

/** A checkpoint under way in this subtask: sources pass the barrier one by one (alignment). */
interface Alignment {
  barrier: Barrier;
  passed: Set<number>;
  splits: Record<number, SourceSplit[]>;
  restorable: boolean;
  ack: (ack: CheckpointAck) => void;
  fail: (error: unknown) => void;
  /** Resolved once the sinks prepared; sources wait on it before reading on. */
  released: Promise<void>;
  release: () => void;
}

/**
 * One parallel instance of a pipeline, run inside a worker: this subtask's source readers feed the
 * transforms and sinks downstream of them, batch by batch, all in this thread.
 *
 * Checkpoints are aligned at batch boundaries: each source, before its next poll, snapshots its
 * splits and sends a barrier down its queue; once every source's barrier has gone through the
 * chain, the sinks prepare their commits and the subtask acknowledges. Sources wait for that
 * before reading on, so the snapshot covers exactly the rows the sinks prepared.
 */
export class Subtask {
  readonly counters: Record<number, VertexCounters> = {};
  private readonly nodes = new Map<number, Node>();
  private readonly consumers = new Map<number, number[]>();
  private readonly meters = new Map<number, BatchMeter>();
  private alignment: Alignment | undefined;
  /** Sources whose input has ended wait here for the next barrier. */
  private barrierWaiters: (() => void)[] = [];
  private endedSources = 0;
  private readonly ended: Promise<void>;
  private end!: () => void;
  /** Set once run() is past reading: no barrier can be aligned any more. */
  private over = false;
  /** A sink that failed to prepare a checkpoint fails the subtask. */
  private sinkFailure: unknown;

  constructor(
    private readonly spec: SubtaskSpec,
    private readonly signal: AbortSignal,
    private readonly logs: WorkerLogBuffer,
    private readonly onInputEnded: () => void,
  ) {
    for (const vertex of spec.vertices) {
      this.counters[vertex.id] = emptyCounters();
      this.meters.set(vertex.id, new BatchMeter(vertex.outputTables));
      for (const input of vertex.inputs) this.consumers.set(input, [...(this.consumers.get(input) ?? []), vertex.id]);
    }
    this.ended = new Promise((resolve) => (this.end = resolve));
    signal.addEventListener(
      'abort',
      () => {
        const alignment = this.alignment;
        this.alignment = undefined;
        alignment?.fail(new SluiceError('INTERNAL', `subtask canceled during checkpoint ${alignment.barrier.id}`));
        alignment?.release();
        for (const wake of this.barrierWaiters.splice(0)) wake();
        this.end();
      },
      { once: true },
    );
    // A cancel may arrive before the run request: the subtask then ends at once.
    if (signal.aborted) this.end();
  }

  /** Runs until a final or stop barrier was acknowledged, or the job is canceled. Returns each sink writer's close() result by vertex id. */
  async run(): Promise<Record<number, unknown>> {
    this.instantiate();
    const nodes = [...this.nodes.values()];
    // Sinks open before sources so that nothing is read that cannot be written.
    for (const node of nodes) if (node.kind === 'sink') await node.writer.open?.();
    for (const node of nodes) if (node.kind === 'source') await node.reader.open?.();

    let failure: unknown;
    try {
      const sources = nodes.filter((n): n is SourceNode => n.kind === 'source');
      if (sources.length === 0) this.sourceEnded();
      await Promise.all([...sources.map((node) => this.drive(node)), this.ended]);
    } catch (error) {
      failure = error;
    }
    failure ??= this.sinkFailure;
    this.over = true;
    this.alignment?.fail(failure ?? new SluiceError('INTERNAL', 'the subtask ended during a checkpoint'));
    this.alignment = undefined;
    const results: Record<number, unknown> = {};
    for (const node of nodes) {
      try {
        if (node.kind === 'source') await node.reader.close?.();
        if (node.kind === 'sink') results[node.vertex.id] = await node.writer.close?.();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return results;
  }

  /** Takes this subtask's part of a checkpoint; resolves once aligned and prepared. */
  checkpoint(barrier: Barrier): Promise<CheckpointAck> {
    if (this.over) throw new SluiceError('INTERNAL', `checkpoint ${barrier.id} arrived after the subtask ended`);
    if (this.alignment !== undefined) throw new SluiceError('INTERNAL', `checkpoint ${barrier.id} overlaps checkpoint ${this.alignment.barrier.id}`);
    return new Promise((ack, fail) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      this.alignment = { barrier, passed: new Set(), splits: {}, restorable: true, ack, fail, released, release };
      const waiters = this.barrierWaiters;
      this.barrierWaiters = [];
      for (const wake of waiters) wake();
      if (this.activeSources().length === 0) {
        void this.completeAlignment().then(() => {
          if (this.sinkFailure !== undefined) this.end();
        });
      }
    });
  }

  private activeSources(): SourceNode[] {
    return [...this.nodes.values()].filter((n): n is SourceNode => n.kind === 'source');
  }

  private instantiate(): void {
    const { spec } = this;
    for (const vertex of spec.vertices) {
      const plugin = findPlugin(vertex.type, vertex.pluginName);
      if (plugin === undefined) throw new SluiceError('INTERNAL', `plugin ${vertex.pluginName} is not registered`);
      const context: PluginContext = {
        jobId: spec.jobId,
        subtaskIndex: spec.subtaskIndex,
        parallelism: spec.parallelism,
        jobMode: spec.jobMode,
        signal: this.signal,
        log: this.logs.logger(vertex.name),
      };
      if (vertex.type === 'source') {
        if (spec.subtaskIndex >= vertex.parallelism) continue;
        const reader = (plugin as SourcePlugin).createReader(vertex.options, vertex.outputTables, context);
        reader.addSplits(spec.splits[vertex.id] ?? []);
        this.nodes.set(vertex.id, { vertex, kind: 'source', reader });
      } else if (vertex.type === 'transform') {
        const transform = plugin as TransformPlugin;
        const bound = new Map(vertex.inputTables.map((table) => [table.tablePath, transform.bind(vertex.options, table)]));
        this.nodes.set(vertex.id, { vertex, kind: 'transform', bound });
      } else {
        const sink = plugin as SinkPlugin;
        const writer = sink.createWriter(vertex.options, vertex.inputTables, { ...context, configuredName: vertex.configuredName });
        this.nodes.set(vertex.id, { vertex, kind: 'sink', writer });
      }
    }
  }

  /** Reads one source until a stop/final barrier passed it or the job is canceled, pushing batches and barriers down the chain. */
  private async drive(node: SourceNode): Promise<void> {
    const queue = new BoundedQueue<QueueItem>(QUEUE_CAPACITY, this.signal);
    const limiter = new RateLimiter(this.spec.readLimit.rowsPerSecond, this.spec.readLimit.bytesPerSecond);
    const counters = this.counters[node.vertex.id]!;
    const meter = this.meters.get(node.vertex.id)!;
    const read = async (): Promise<void> => {
      let inputEnded = false;
      let lastYield = performance.now();
      try {
        while (!this.signal.aborted) {
          if (performance.now() - lastYield > YIELD_EVERY_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            lastYield = performance.now();
          }
          const alignment = this.alignment;
          if (alignment !== undefined && !alignment.passed.has(node.vertex.id)) {
            alignment.passed.add(node.vertex.id);
            await queue.push({ barrier: alignment.barrier, splits: node.reader.snapshotSplits?.() });
            await alignment.released;
            if (this.sinkFailure !== undefined) throw this.sinkFailure;
            if (alignment.barrier.stop || alignment.barrier.final) return;
            continue;
          }
          if (inputEnded) {
            await new Promise<void>((wake) => this.barrierWaiters.push(wake));
            continue;
          }
          const rows = await node.reader.poll(limiter.allowance(this.spec.batchSize));
          if (rows === null) {
            inputEnded = true;
            this.sourceEnded();
            continue;
          }
          if (rows.length === 0) {
            await sleep(IDLE_POLL_MS, undefined, { signal: this.signal }).catch(() => undefined);
            continue;
          }
          const measure = meter.measure(rows);
          addMeasure(counters, 'out', measure);
          await queue.push({ rows, measure });
          if (limiter.active) await limiter.record(measure.rows, measure.bytes, this.signal);
        }
      } finally {
        queue.close();
      }
    };
    const process = async (): Promise<void> => {
      for (let item = await queue.take(); item !== undefined; item = await queue.take()) {
        if ('barrier' in item) this.barrierArrived(node.vertex.id, item.splits);
        else await this.emit(node.vertex.id, item.rows, item.measure);
      }
    };
    await Promise.all([read(), process()]);
  }

  /** In BATCH mode, once every source is exhausted, the coordinator is told so that it sends the final barrier. */
  private sourceEnded(): void {
    this.endedSources++;
    if (this.spec.jobMode === 'BATCH' && this.endedSources >= this.activeSources().length) this.onInputEnded();
  }

  private barrierArrived(sourceId: number, splits: SourceSplit[] | undefined): void {
    const alignment = this.alignment!;
    if (splits === undefined) alignment.restorable = false;
    alignment.splits[sourceId] = splits ?? [];
    if (Object.keys(alignment.splits).length === this.activeSources().length) void this.completeAlignment();
  }

  /** Every source passed the barrier: the sinks prepare, the subtask acknowledges, sources read on (or the subtask ends). */
  private async completeAlignment(): Promise<void> {
    const alignment = this.alignment!;
    try {
      const commits: Record<number, unknown> = {};
      for (const node of this.nodes.values()) {
        if (node.kind !== 'sink') continue;
        const info = await node.writer.prepareCommit?.(alignment.barrier.id);
        if (info !== undefined) commits[node.vertex.id] = info;
      }
      this.alignment = undefined;
      alignment.ack({ splits: alignment.splits, commits, restorable: alignment.restorable });
      alignment.release();
      if (alignment.barrier.stop || alignment.barrier.final) this.end();
    } catch (error) {
      // The sources waiting on this alignment end the subtask with the sink's error.
      this.alignment = undefined;
      this.sinkFailure ??= error;
      alignment.fail(error);
      alignment.release();
    }
  }

  /** Hands a batch produced by `from` to each of its consumers. `measure` is reused while rows are unchanged. */
  private async emit(from: number, rows: Row[], measure: BatchMeasure): Promise<void> {
    const consumers = this.consumers.get(from) ?? [];
    for (let i = 0; i < consumers.length; i++) {
      const node = this.nodes.get(consumers[i]!)!;
      // Transforms may change rows in place; with fan-out each one gets its own copy.
      const own = node.kind === 'transform' && i < consumers.length - 1 ? rows.map(copyRow) : rows;
      await this.accept(node, own, measure);
    }
  }

  private async accept(node: Node, rows: Row[], measure: BatchMeasure): Promise<void> {
    const counters = this.counters[node.vertex.id]!;
    if (node.kind === 'sink') {
      await node.writer.write(rows);
      addMeasure(counters, 'in', measure);
      return;
    }
    if (node.kind !== 'transform') return;
    counters.rowsIn += rows.length;
    const output = transformBatch(node, rows);
    if (output.length === 0) return;
    const outMeasure = this.meters.get(node.vertex.id)!.measure(output);
    addMeasure(counters, 'out', outMeasure);
    await this.emit(node.vertex.id, output, outMeasure);
  }
}

function transformBatch(node: Extract<Node, { kind: 'transform' }>, rows: Row[]): Row[] {
  const first = rows[0]!.tableId;
  if (rows.every((row) => row.tableId === first)) return boundFor(node, first).map(rows);
  const byTable = new Map<string, Row[]>();
  for (const row of rows) {
    let group = byTable.get(row.tableId);
    if (group === undefined) byTable.set(row.tableId, (group = []));
    group.push(row);
  }
  return [...byTable].flatMap(([table, group]) => boundFor(node, table).map(group));
}

function boundFor(node: Extract<Node, { kind: 'transform' }>, table: string): BoundTransform {
  const bound = node.bound.get(table);
  if (bound === undefined) throw new SluiceError('PLUGIN_FAILED', `${node.vertex.name} received a row of unknown table "${table}"`);
  return bound;
}

function copyRow(row: Row): Row {
  return { kind: row.kind, tableId: row.tableId, fields: row.fields.slice() };
}
