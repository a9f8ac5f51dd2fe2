import type { JobMode, SourceSplit } from '../core/plugin.js';
import type { Vertex } from '../plan/job-plan.js';

/**
 * The protocol between the coordinator (main thread) and a subtask worker. Only small messages
 * cross threads: deployment, splits, metrics, logs and outcomes. Rows never do.
 */
export interface SubtaskSpec {
  jobId: string;
  pipelineId: number;
  subtaskIndex: number;
  parallelism: number;
  jobMode: JobMode;
  /** The pipeline's vertices, in topological order. */
  vertices: Vertex[];
  /** Splits assigned to this subtask, by source vertex id. */
  splits: Record<number, SourceSplit[]>;
  batchSize: number;
  readLimit: { rowsPerSecond?: number; bytesPerSecond?: number };
  /** How often the worker reports metrics, in ms. */
  metricsInterval: number;
}

export type ToWorker =
  | { type: 'plan-splits'; vertex: Vertex; parallelism: number }
  | { type: 'run'; spec: SubtaskSpec }
  | { type: 'finish-sink'; vertex: Vertex; results: unknown[]; jobMode: JobMode; parallelism: number }
  | { type: 'cancel' };

/** Cumulative counts of one vertex in one subtask; `tables` holds [rows, bytes] per table path. */
export interface VertexCounters {
  rowsIn: number;
  bytesIn: number;
  rowsOut: number;
  bytesOut: number;
  tablesIn: Record<string, [number, number]>;
  tablesOut: Record<string, [number, number]>;
}

export interface ErrorInfo {
  message: string;
  code: string;
  stack?: string;
}

export type FromWorker =
  | { type: 'splits'; splits: SourceSplit[] }
  | { type: 'metrics'; counters: Record<number, VertexCounters> }
  | { type: 'log'; lines: LogLine[] }
  | { type: 'finished'; sinkResults: Record<number, unknown> }
  | { type: 'sink-finished' }
  | { type: 'canceled' }
  | { type: 'failed'; error: ErrorInfo };

export interface LogLine {
  time: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  source: string;
  message: string;
}
