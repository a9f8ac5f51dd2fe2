import type { JobMode, SourceSplit } from '../core/plugin.js';
import type { Vertex } from '../plan/job-plan.js';

/**
 * The protocol between the coordinator (main thread) and a worker thread. Only small messages
 * cross threads: deployment, splits, checkpoint barriers and acks, metrics, logs and outcomes.
 * Rows never do. Every request carries an id; its answer is a `reply` or an `error` with that id.
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

/**
 * A checkpoint barrier. `stop`: the subtask ends right after it (stop-with-savepoint, rescale).
 * `final`: the last checkpoint of a bounded pipeline whose input has ended.
 */
export interface Barrier {
  id: number;
  stop: boolean;
  final: boolean;
}

/** What one subtask contributes to a checkpoint. */
export interface CheckpointAck {
  /** This subtask's unfinished splits with positions, by source vertex id. */
  splits: Record<number, SourceSplit[]>;
  /** What each sink's prepareCommit returned (absent when nothing to commit), by sink vertex id. */
  commits: Record<number, unknown>;
  /** False when some source cannot snapshot its splits. */
  restorable: boolean;
}

export interface SinkCall {
  vertex: Vertex;
  jobId: string;
  jobMode: JobMode;
  parallelism: number;
}

export type Request =
  | { type: 'plan-splits'; vertex: Vertex; parallelism: number }
  | { type: 'run'; spec: SubtaskSpec }
  | { type: 'checkpoint'; barrier: Barrier }
  | ({ type: 'commit'; commitInfos: unknown[] } & SinkCall)
  | ({ type: 'discard-staged' } & SinkCall)
  | ({ type: 'finish-sink'; results: unknown[] } & SinkCall);

export type RunResult = { outcome: 'finished'; sinkResults: Record<number, unknown> } | { outcome: 'canceled' };

export type ToWorker = (Request & { requestId: number }) | { type: 'cancel' };

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
  | { type: 'reply'; requestId: number; value: unknown }
  | { type: 'error'; requestId: number; error: ErrorInfo }
  | { type: 'metrics'; counters: Record<number, VertexCounters> }
  | { type: 'log'; lines: LogLine[] }
  /** Every source of the running subtask is exhausted (BATCH): it waits for the final barrier. */
  | { type: 'input-ended' };

export interface LogLine {
  time: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  source: string;
  message: string;
}
