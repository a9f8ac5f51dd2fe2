import { setTimeout as sleep } from 'node:timers/promises';
import { SluiceError } from '../../core/errors.js';
import type { BoundTransform, PluginContext, SinkPlugin, SinkWriter, SourcePlugin, SourceReader, TransformPlugin } from '../../core/plugin.js';
import type { Row } from '../../core/row.js';
import type { Vertex } from '../../plan/job-plan.js';
import { findPlugin } from '../../plugins.js';
import { BoundedQueue } from '../bounded-queue.js';
import type { SubtaskSpec, VertexCounters } from '../messages.js';
import { RateLimiter } from '../rate-limiter.js';
import { addMeasure, BatchMeter, emptyCounters, type BatchMeasure } from '../vertex-counters.js';
import type { WorkerLogBuffer } from './worker-logger.js';

/** Batches a reader may run ahead of the chain before it waits (backpressure). */
const QUEUE_CAPACITY = 4;
const IDLE_POLL_MS = 20;

type Node =
  | { vertex: Vertex; kind: 'source'; reader: SourceReader }
  | { vertex: Vertex; kind: 'transform'; bound: Map<string, BoundTransform> }
  | { vertex: Vertex; kind: 'sink'; writer: SinkWriter };

/**
 * One parallel instance of a pipeline, run inside a worker: this subtask's source readers feed the
 * transforms and sinks downstream of them, batch by batch, all in this thread. Returns what each
 * sink writer's close() returned, by vertex id.
 */
export class Subtask {
  readonly counters: Record<number, VertexCounters> = {};
  private readonly nodes = new Map<number, Node>();
  private readonly consumers = new Map<number, number[]>();
  /** Sizes the rows each source or transform emits. */
  private readonly meters = new Map<number, BatchMeter>();

  constructor(
    private readonly spec: SubtaskSpec,
    private readonly signal: AbortSignal,
    private readonly logs: WorkerLogBuffer,
  ) {
    for (const vertex of spec.vertices) {
      this.counters[vertex.id] = emptyCounters();
      this.meters.set(vertex.id, new BatchMeter(vertex.outputTables));
      for (const input of vertex.inputs) this.consumers.set(input, [...(this.consumers.get(input) ?? []), vertex.id]);
    }
  }

  async run(): Promise<Record<number, unknown>> {
    this.instantiate();
    const nodes = [...this.nodes.values()];
    // Sinks open before sources so that nothing is read that cannot be written.
    for (const node of nodes.filter((n) => n.kind === 'sink')) await node.writer.open?.();
    for (const node of nodes.filter((n) => n.kind === 'source')) await node.reader.open?.();

    let failure: unknown;
    try {
      await Promise.all(nodes.filter((n) => n.kind === 'source').map((node) => this.drive(node)));
      if (this.spec.jobMode === 'STREAMING' && !this.signal.aborted) {
        await new Promise((resolve) => this.signal.addEventListener('abort', resolve, { once: true }));
      }
    } catch (error) {
      failure = error;
    }
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

  private instantiate(): void {
    const { spec } = this;
    for (const vertex of spec.vertices) {
      const plugin = findPlugin(vertex.type, vertex.pluginName);
      if (plugin === undefined) throw new SluiceError('INTERNAL', `plugin ${vertex.pluginName} is not registered`);
      const context: PluginContext = {
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

  /** Reads one source until it is finished (or the job stops), pushing batches down the chain. */
  private async drive(node: Extract<Node, { kind: 'source' }>): Promise<void> {
    const queue = new BoundedQueue<{ rows: Row[]; measure: BatchMeasure }>(QUEUE_CAPACITY, this.signal);
    const limiter = new RateLimiter(this.spec.readLimit.rowsPerSecond, this.spec.readLimit.bytesPerSecond);
    const counters = this.counters[node.vertex.id]!;
    const meter = this.meters.get(node.vertex.id)!;
    const read = async (): Promise<void> => {
      try {
        while (!this.signal.aborted) {
          const rows = await node.reader.poll(limiter.allowance(this.spec.batchSize));
          if (rows === null) return;
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
      for (let batch = await queue.take(); batch !== undefined; batch = await queue.take()) {
        await this.emit(node.vertex.id, batch.rows, batch.measure);
      }
    };
    await Promise.all([read(), process()]);
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
