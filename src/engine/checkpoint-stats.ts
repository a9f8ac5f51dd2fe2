/**
 * What the monitoring API reports about a job's checkpoints and savepoints (Flink's
 * CheckpointingStatistics in spirit). Kept per job, in memory while it runs and in job history
 * afterwards.
 */
import type { CheckpointKind } from '../state/checkpoint-store.js';

export interface CheckpointStats {
  id: number;
  kind: CheckpointKind;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  triggerTimestamp: number;
  latestAckTimestamp?: number;
  endTimestamp?: number;
  /** Trigger to completion (or failure), ms. */
  durationMs?: number;
  /** Bytes of the stored state file. */
  stateSize?: number;
  /** Where it is stored (a path under the data directory). */
  externalPath?: string;
  numSubtasks: number;
  numAckedSubtasks: number;
  failureMessage?: string;
}

export interface CheckpointHistory {
  counts: { triggered: number; inProgress: number; completed: number; failed: number; restored: number };
  /** Newest first, at most 100 entries. */
  history: CheckpointStats[];
  /** The checkpoint or savepoint this run was restored from. */
  restored?: { id: number; kind: CheckpointKind; externalPath: string; timestamp: number };
}
