import type { SourceSplit } from '../core/plugin.js';

/** A checkpoint is taken by the engine on its own; a savepoint because a user asked. */
export type CheckpointKind = 'checkpoint' | 'savepoint';

/**
 * The state of a whole job at one checkpoint or savepoint: enough to resume every pipeline exactly
 * where it was. Plain JSON.
 */
export interface CompletedCheckpoint {
  jobId: string;
  checkpointId: number;
  kind: CheckpointKind;
  timestamp: number;
  /** What the job reads and writes; a restore into a job with a different shape is refused. */
  fingerprint: JobFingerprint;
  pipelines: Record<number, PipelineState>;
}

export interface PipelineState {
  parallelism: number;
  /** Unfinished splits with their positions, by source vertex id (all readers together). */
  splits: Record<number, SourceSplit[]>;
  /** Prepared but not yet committed sink output, by sink vertex id: committed on restore. */
  commits: Record<number, unknown[]>;
  /** True when the pipeline had ended (its sources were exhausted) at this checkpoint. */
  finished: boolean;
}

export interface JobFingerprint {
  vertices: { id: number; type: string; plugin: string; tables: string[] }[];
}

export interface StoredCheckpointInfo {
  checkpointId: number;
  kind: CheckpointKind;
  timestamp: number;
  path: string;
  size: number;
}

/**
 * Where checkpoints and savepoints live. Implementations write atomically and never return a
 * corrupt or partial checkpoint: such files are skipped with a warning. Every implementation passes
 * test/state/checkpoint-store-conformance.ts.
 */
export interface CheckpointStore {
  /** Stores a completed checkpoint, then keeps at most `maxRetained` checkpoints of the job (savepoints are kept until disposed). */
  save(checkpoint: CompletedCheckpoint, maxRetained: number): Promise<StoredCheckpointInfo>;
  /** The newest readable savepoint or checkpoint of a job, or undefined when it has none. */
  latest(jobId: string): Promise<CompletedCheckpoint | undefined>;
  list(jobId: string): Promise<StoredCheckpointInfo[]>;
  /** Deletes one checkpoint or savepoint, by the path `save` returned; false when it did not exist. */
  dispose(path: string): Promise<boolean>;
  /** Deletes every checkpoint of a job (after it finished), keeping savepoints. */
  discardCheckpoints(jobId: string): Promise<void>;
}
