/**
 * The dashboard's own view of the server, independent of which API family answered. Job ids are
 * strings everywhere (64-bit); job states use SeaTunnel's names (`SAVEPOINT_DONE`, `CANCELING`),
 * the source of truth, with Flink-only names (`RESTARTING`, `SUSPENDED`) passed through.
 */

export interface DashboardConfig {
  refreshMs: number;
  version: string;
  /** The Flink-style monitoring API (`/v1/...`) answers; without it the dashboard uses SeaTunnel's API and offers less. */
  monitoring: boolean;
  features: { submit: boolean; cancel: boolean; rescale: boolean };
  /** Slots are created as jobs need them (`slot-service.dynamic-slot`): there is no "free". */
  dynamicSlots: boolean;
}

export interface ClusterOverview {
  nodes: number;
  slotsTotal: number | null;
  slotsFree: number | null;
  running: number;
  pending: number | null;
  finished: number;
  failed: number;
  canceled: number;
  version: string;
}

export interface JobSummary {
  id: string;
  name: string;
  state: string;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  rowsRead: number | null;
  rowsWritten: number | null;
}

export type VertexKind = 'source' | 'transform' | 'sink';

export interface DagVertex {
  id: string;
  name: string;
  plugin: string;
  kind: VertexKind;
  parallelism: number | null;
  /** Upstream vertex ids. */
  inputs: string[];
  rowsIn: number | null;
  rowsOut: number | null;
  bytesIn: number | null;
  bytesOut: number | null;
  state: string | null;
  /** Tables this vertex reads (transforms, sinks) or writes (sources). */
  tables: string[];
}

export interface DagEdge {
  from: string;
  to: string;
  tables: string[];
}

export interface JobDetail {
  id: string;
  name: string;
  state: string;
  mode: string | null;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  /** Server time of the answer (ms), for rates; the browser's clock when the server gives none. */
  now: number;
  rowsRead: number | null;
  rowsWritten: number | null;
  bytesRead: number | null;
  bytesWritten: number | null;
  vertices: DagVertex[];
  edges: DagEdge[];
  /** When the job entered each state (ms). */
  timestamps: Record<string, number>;
  error: string | null;
  env: Record<string, string>;
  startedWithSavepoint: boolean;
}

export interface CheckpointEntry {
  id: string;
  status: string;
  savepoint: boolean;
  kind: string;
  triggerTime: number | null;
  durationMs: number | null;
  sizeBytes: number | null;
  acknowledged: string;
  path: string | null;
  failure: string | null;
}

export interface CheckpointOverview {
  counts: { total: number; completed: number; failed: number; inProgress: number; restored: number };
  history: CheckpointEntry[];
  restored: { id: string; path: string | null; savepoint: boolean; time: number | null } | null;
}

export interface ExceptionEntry {
  name: string;
  message: string;
  time: number | null;
  task: string | null;
}

export interface NodeView {
  id: string;
  address: string;
  slotsTotal: number | null;
  slotsFree: number | null;
  cores: number | null;
  memory: { total: number | null; free: number | null };
  heartbeat: number | null;
  /** SeaTunnel's system-monitoring keys for this node, as the server words them. */
  system: Record<string, string>;
  subtasks: { jobId: string; jobName: string; pipeline: string; subtask: number }[];
}

export interface ConfigProblem {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
}

export type ConfigFormat = 'hocon' | 'json';

/** The state of an asynchronous operation the dashboard started and follows. */
export interface OperationProgress {
  done: boolean;
  failed: boolean;
  /** What to show now: "Waiting for the savepoint…", "Savepoint stored at …". */
  message: string;
}
