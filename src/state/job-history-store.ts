import type { JobStatus } from '../core/job-status.js';
import type { CheckpointHistory } from '../engine/checkpoint-stats.js';
import type { MetricsSnapshot } from '../engine/job-metrics.js';
import type { JobPlan } from '../plan/job-plan.js';

/**
 * What the job history keeps of one job. A record is written when a job is accepted, again when
 * its state changes, and a last time when it ends, so a client that was told "accepted" never sees
 * the job forgotten, even after a crash.
 */
export interface JobRecord {
  jobId: string;
  jobName: string;
  status: JobStatus;
  /** `env` as SeaTunnel reports it: values as strings, secrets masked. */
  envOptions: Record<string, string>;
  /** Epoch ms. */
  createTime: number;
  finishTime?: number;
  /** Why the job failed or was canceled by the node (not by a user). */
  error?: string;
  isStartWithSavePoint: boolean;
  /** The plan with secrets masked: the DAG the APIs show. */
  plan: JobPlan;
  /**
   * The plan as it runs (secrets included), kept only while the job may still run on this node:
   * accepted, running, or stopped with a savepoint for resumption. Dropped when the job ends.
   */
  runPlan?: JobPlan;
  /** True once slots were given and the job began to run; a job that never started is re-queued as new. */
  started: boolean;
  /** Whether its sources can snapshot positions (so a crash can be recovered from a checkpoint). */
  restorable?: boolean;
  /** Stopped with a savepoint at shutdown: resume it from that savepoint when the node starts again. */
  resumeOnStart?: boolean;
  metrics?: MetricsSnapshot;
  /** Seconds the job ran (for rates). */
  runningSeconds?: number;
  checkpoints?: CheckpointHistory;
}

/**
 * Durable job history. `save` is an upsert by job id and is atomic: after a crash a record is
 * either the old or the new version, never a torn one. Saves of one job are applied in call order.
 * Every implementation must pass test/state/job-history-store-conformance.ts.
 */
export interface JobHistoryStore {
  /** Every stored record; unreadable ones are skipped and described in `warnings`. */
  load(): Promise<{ records: JobRecord[]; warnings: string[] }>;
  save(record: JobRecord): Promise<void>;
  /** Deletes a record; a no-op when there is none. */
  remove(jobId: string): Promise<void>;
  /** Waits for writes in flight. Idempotent. */
  close(): Promise<void>;
}
