import type { Vertex } from '../plan/job-plan.js';
import type { VertexCounters } from './messages.js';
import { emptyCounters } from './vertex-counters.js';

/** Totals of a job, and of each vertex, summed over subtasks and attempts. */
export interface MetricsSnapshot {
  vertices: Record<number, VertexCounters>;
  /** The same counters per subtask index (summed over attempts): `subtasks[vertexId][index]`. */
  subtasks: Record<number, VertexCounters[]>;
  /** Rows read by sources, rows written by sinks, and their bytes. */
  read: number;
  written: number;
  readBytes: number;
  writtenBytes: number;
  /** Per table: [rows, bytes] read by sources and written by sinks. */
  readTables: Record<string, [number, number]>;
  writtenTables: Record<string, [number, number]>;
}

/**
 * Collects the counters each subtask reports (cumulative per attempt) and sums them. Keyed by
 * attempt so that a restarted pipeline adds to, rather than replaces, what the failed attempt did —
 * the rows it wrote were really written.
 */
export class JobMetrics {
  private readonly reports = new Map<string, Record<number, VertexCounters>>();

  constructor(private readonly vertices: readonly Vertex[]) {}

  /** Records what subtask `index` of a pipeline attempt has counted so far (cumulative). */
  update(key: { pipeline: number; attempt: number; index: number }, counters: Record<number, VertexCounters>): void {
    this.reports.set(`${key.pipeline}/${key.attempt}/${key.index}`, counters);
  }

  snapshot(): MetricsSnapshot {
    const totals: Record<number, VertexCounters> = {};
    const subtasks: Record<number, VertexCounters[]> = {};
    for (const vertex of this.vertices) {
      totals[vertex.id] = emptyCounters();
      subtasks[vertex.id] = [];
    }
    for (const [key, report] of this.reports) {
      const index = Number(key.slice(key.lastIndexOf('/') + 1));
      for (const id in report) {
        const total = totals[Number(id)];
        if (total === undefined) continue;
        addCounters(total, report[id]!);
        const perSubtask = subtasks[Number(id)]!;
        addCounters((perSubtask[index] ??= emptyCounters()), report[id]!);
      }
    }
    const snapshot: MetricsSnapshot = { vertices: totals, subtasks, read: 0, written: 0, readBytes: 0, writtenBytes: 0, readTables: {}, writtenTables: {} };
    for (const vertex of this.vertices) {
      const counters = totals[vertex.id]!;
      if (vertex.type === 'source') {
        snapshot.read += counters.rowsOut;
        snapshot.readBytes += counters.bytesOut;
        addTables(snapshot.readTables, counters.tablesOut);
      } else if (vertex.type === 'sink') {
        snapshot.written += counters.rowsIn;
        snapshot.writtenBytes += counters.bytesIn;
        addTables(snapshot.writtenTables, counters.tablesIn);
      }
    }
    return snapshot;
  }
}

function addCounters(total: VertexCounters, more: VertexCounters): void {
  total.rowsIn += more.rowsIn;
  total.bytesIn += more.bytesIn;
  total.rowsOut += more.rowsOut;
  total.bytesOut += more.bytesOut;
  addTables(total.tablesIn, more.tablesIn);
  addTables(total.tablesOut, more.tablesOut);
}

function addTables(total: Record<string, [number, number]>, more: Record<string, [number, number]>): void {
  for (const table in more) {
    const entry = (total[table] ??= [0, 0]);
    entry[0] += more[table]![0];
    entry[1] += more[table]![1];
  }
}

/**
 * The 16 metrics SeaTunnel's REST API reports, with its value formats: counts as strings, rates as
 * strings of doubles, per-table maps keyed by table path. `seconds` is how long the job has run.
 */
export function seaTunnelMetrics(snapshot: MetricsSnapshot, seconds: number): Record<string, string | Record<string, string>> {
  const rate = (n: number): string => javaDouble(seconds > 0 ? n / seconds : 0);
  const perTable = (tables: Record<string, [number, number]>, index: 0 | 1, format: (n: number) => string): Record<string, string> =>
    Object.fromEntries(Object.entries(tables).map(([table, pair]) => [table, format(pair[index])]));
  return {
    SourceReceivedCount: String(snapshot.read),
    SourceReceivedQPS: rate(snapshot.read),
    SourceReceivedBytes: String(snapshot.readBytes),
    SourceReceivedBytesPerSeconds: rate(snapshot.readBytes),
    SinkWriteCount: String(snapshot.written),
    SinkWriteQPS: rate(snapshot.written),
    SinkWriteBytes: String(snapshot.writtenBytes),
    SinkWriteBytesPerSeconds: rate(snapshot.writtenBytes),
    TableSourceReceivedCount: perTable(snapshot.readTables, 0, String),
    TableSourceReceivedQPS: perTable(snapshot.readTables, 0, rate),
    TableSourceReceivedBytes: perTable(snapshot.readTables, 1, String),
    TableSourceReceivedBytesPerSeconds: perTable(snapshot.readTables, 1, rate),
    TableSinkWriteCount: perTable(snapshot.writtenTables, 0, String),
    TableSinkWriteQPS: perTable(snapshot.writtenTables, 0, rate),
    TableSinkWriteBytes: perTable(snapshot.writtenTables, 1, String),
    TableSinkWriteBytesPerSeconds: perTable(snapshot.writtenTables, 1, rate),
  };
}

/** Java's Double.toString for the values metrics take: always a fraction part (`0.0`, `12.5`). */
function javaDouble(value: number): string {
  const text = String(Math.round(value * 100) / 100);
  return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}
