import { Type } from 'typebox';

/** `GET /jobs/:jobid/checkpoints` and friends (reference §5.7): snake_case, as Flink writes them. */

const StatsSummaryDto = Type.Object(
  { min: Type.Integer(), max: Type.Integer(), avg: Type.Integer(), p50: Type.Number(), p90: Type.Number(), p95: Type.Number(), p99: Type.Number(), p999: Type.Number() },
  { $id: 'StatsSummaryDto' },
);

const checkpointFields = {
  id: Type.Integer(),
  status: Type.Union([Type.Literal('IN_PROGRESS'), Type.Literal('COMPLETED'), Type.Literal('FAILED')]),
  is_savepoint: Type.Boolean(),
  savepointFormat: Type.Optional(Type.String({ description: 'CANONICAL for savepoints; absent for checkpoints' })),
  trigger_timestamp: Type.Integer(),
  latest_ack_timestamp: Type.Integer({ description: '-1 before the first acknowledgement' }),
  checkpointed_size: Type.Integer(),
  state_size: Type.Integer(),
  end_to_end_duration: Type.Integer(),
  alignment_buffered: Type.Integer(),
  processed_data: Type.Integer(),
  persisted_data: Type.Integer(),
  num_subtasks: Type.Integer(),
  num_acknowledged_subtasks: Type.Integer(),
  checkpoint_type: Type.Union([Type.Literal('CHECKPOINT'), Type.Literal('SAVEPOINT')]),
  tasks: Type.Object({}, { description: 'Per-vertex statistics: not tracked by Sluice (always empty)' }),
};

export const CheckpointStatistics = Type.Object(
  {
    className: Type.Union([Type.Literal('completed'), Type.Literal('failed'), Type.Literal('in_progress')], { description: "Flink's type discriminator" }),
    ...checkpointFields,
    external_path: Type.Optional(Type.String({ description: 'completed: where it is stored' })),
    discarded: Type.Optional(Type.Boolean({ description: 'completed' })),
    failure_timestamp: Type.Optional(Type.Integer({ description: 'failed' })),
    failure_message: Type.Optional(Type.String({ description: 'failed' })),
  },
  { $id: 'CheckpointStatistics' },
);

const RestoredCheckpointStatistics = Type.Object(
  { id: Type.Integer(), restore_timestamp: Type.Integer(), is_savepoint: Type.Boolean(), external_path: Type.String() },
  { $id: 'RestoredCheckpointStatistics' },
);

export const CheckpointingStatistics = Type.Object(
  {
    counts: Type.Object({ restored: Type.Integer(), total: Type.Integer(), in_progress: Type.Integer(), completed: Type.Integer(), failed: Type.Integer() }),
    summary: Type.Object({
      checkpointed_size: StatsSummaryDto,
      state_size: StatsSummaryDto,
      end_to_end_duration: StatsSummaryDto,
      alignment_buffered: StatsSummaryDto,
      processed_data: StatsSummaryDto,
      persisted_data: StatsSummaryDto,
    }),
    latest: Type.Object({
      completed: Type.Union([CheckpointStatistics, Type.Null()]),
      savepoint: Type.Union([CheckpointStatistics, Type.Null()]),
      failed: Type.Union([CheckpointStatistics, Type.Null()]),
      restored: Type.Union([RestoredCheckpointStatistics, Type.Null()]),
    }),
    history: Type.Array(CheckpointStatistics, { description: 'Newest first, at most 100' }),
  },
  { $id: 'CheckpointingStatistics' },
);

export const CheckpointConfigInfo = Type.Object(
  {
    mode: Type.Union([Type.Literal('EXACTLY_ONCE'), Type.Literal('AT_LEAST_ONCE')]),
    interval: Type.Integer({ description: 'ms; 9223372036854775807 when periodic checkpoints are off (Flink\'s Long.MAX_VALUE)' }),
    timeout: Type.Integer(),
    min_pause: Type.Integer(),
    max_concurrent: Type.Integer(),
    externalization: Type.Object({ enabled: Type.Boolean(), delete_on_cancellation: Type.Boolean() }),
    state_backend: Type.String(),
    checkpoint_storage: Type.String(),
    unaligned_checkpoints: Type.Boolean(),
    tolerable_failed_checkpoints: Type.Integer(),
    aligned_checkpoint_timeout: Type.Integer(),
    checkpoints_after_tasks_finish: Type.Boolean(),
    state_changelog_enabled: Type.Boolean(),
    changelog_periodic_materialization_interval: Type.Integer(),
    changelog_storage: Type.String(),
  },
  { $id: 'CheckpointConfigInfo' },
);
