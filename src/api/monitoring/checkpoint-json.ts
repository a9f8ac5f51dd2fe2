import type { Static } from 'typebox';
import type { CheckpointHistory, CheckpointStats } from '../../engine/checkpoint-stats.js';
import type { JobView } from '../../engine/coordinator-job.js';
import type { CheckpointConfigInfo, CheckpointingStatistics, CheckpointStatistics } from './schemas/checkpoint-schemas.js';

/** The engine's defaults (engine/job-run.ts): STREAMING jobs checkpoint every 10 s unless told; a checkpoint may take 60 s. */
const DEFAULT_STREAMING_INTERVAL = 10_000;
const DEFAULT_CHECKPOINT_TIMEOUT = 60_000;
/** Flink's interval when periodic checkpoints are off: Long.MAX_VALUE, written exactly. */
const NO_INTERVAL = 9223372036854775807n;

type Stats = Static<typeof CheckpointStatistics>;
type Summary = Static<typeof CheckpointingStatistics>['summary']['state_size'];

const EMPTY_HISTORY: CheckpointHistory = { counts: { triggered: 0, inProgress: 0, completed: 0, failed: 0, restored: 0 }, history: [] };

/** Why `/checkpoints` of this job is 404, or undefined when the job can take checkpoints and savepoints. */
export function checkpointingDisabled(job: JobView): string | undefined {
  if (job.plan.restorable) return undefined;
  const sources = job.plan.vertices.filter((vertex) => vertex.type === 'source' && !vertex.restorable).map((vertex) => vertex.pluginName);
  return `Checkpointing has not been enabled: source ${sources.join(', ')} cannot snapshot its read position.`;
}

/** Flink's CheckpointStatistics of one checkpoint or savepoint, with its `className` discriminator. */
export function checkpointStatisticsJson(stats: CheckpointStats): Stats {
  const size = stats.stateSize ?? 0;
  const common = {
    id: stats.id,
    status: stats.status,
    is_savepoint: stats.kind === 'savepoint',
    ...(stats.kind === 'savepoint' ? { savepointFormat: 'CANONICAL' } : {}),
    trigger_timestamp: stats.triggerTimestamp,
    latest_ack_timestamp: stats.latestAckTimestamp ?? -1,
    checkpointed_size: size,
    state_size: size,
    end_to_end_duration: stats.durationMs ?? Math.max(0, Date.now() - stats.triggerTimestamp),
    alignment_buffered: 0,
    processed_data: 0,
    persisted_data: 0,
    num_subtasks: stats.numSubtasks,
    num_acknowledged_subtasks: stats.numAckedSubtasks,
    checkpoint_type: stats.kind === 'savepoint' ? ('SAVEPOINT' as const) : ('CHECKPOINT' as const),
    tasks: {},
  };
  if (stats.status === 'COMPLETED') return { className: 'completed', ...common, external_path: stats.externalPath ?? '', discarded: false };
  if (stats.status === 'FAILED') return { className: 'failed', ...common, failure_timestamp: stats.endTimestamp ?? stats.triggerTimestamp, failure_message: stats.failureMessage ?? '' };
  return { className: 'in_progress', ...common };
}

/** `/jobs/:jobid/checkpoints`: counts, a summary of completed ones, the latest of each kind, the history. */
export function checkpointingStatisticsJson(job: JobView): Static<typeof CheckpointingStatistics> {
  const history = job.checkpoints ?? EMPTY_HISTORY;
  const completed = history.history.filter((stats) => stats.status === 'COMPLETED');
  const latest = (pick: (stats: CheckpointStats) => boolean): Stats | null => {
    const found = history.history.find(pick);
    return found === undefined ? null : checkpointStatisticsJson(found);
  };
  const sizes = completed.map((stats) => stats.stateSize ?? 0);
  const zeros = completed.map(() => 0);
  const { restored } = history;
  return {
    counts: {
      restored: history.counts.restored,
      total: history.counts.triggered,
      in_progress: history.counts.inProgress,
      completed: history.counts.completed,
      failed: history.counts.failed,
    },
    summary: {
      checkpointed_size: summary(sizes),
      state_size: summary(sizes),
      end_to_end_duration: summary(completed.map((stats) => stats.durationMs ?? 0)),
      alignment_buffered: summary(zeros),
      processed_data: summary(zeros),
      persisted_data: summary(zeros),
    },
    latest: {
      completed: latest((stats) => stats.status === 'COMPLETED'),
      savepoint: latest((stats) => stats.status === 'COMPLETED' && stats.kind === 'savepoint'),
      failed: latest((stats) => stats.status === 'FAILED'),
      restored: restored === undefined ? null : { id: restored.id, restore_timestamp: restored.timestamp, is_savepoint: restored.kind === 'savepoint', external_path: restored.externalPath },
    },
    history: history.history.map(checkpointStatisticsJson),
  };
}

/** `/jobs/:jobid/checkpoints/config`; `interval` is a bigint when periodic checkpoints are off (write it losslessly). */
export function checkpointConfigJson(job: JobView): Omit<Static<typeof CheckpointConfigInfo>, 'interval'> & { interval: number | bigint } {
  const { env } = job.plan;
  const interval = env.checkpointInterval ?? (env.jobMode === 'STREAMING' ? DEFAULT_STREAMING_INTERVAL : undefined);
  return {
    mode: 'EXACTLY_ONCE',
    interval: interval ?? NO_INTERVAL,
    timeout: env.checkpointTimeout ?? DEFAULT_CHECKPOINT_TIMEOUT,
    min_pause: 0,
    max_concurrent: 1,
    externalization: { enabled: true, delete_on_cancellation: false },
    state_backend: 'sluice-subtask-state',
    checkpoint_storage: 'sluice-file-checkpoint-store',
    unaligned_checkpoints: false,
    tolerable_failed_checkpoints: env.checkpointTolerableFailures,
    aligned_checkpoint_timeout: 0,
    checkpoints_after_tasks_finish: true,
    state_changelog_enabled: false,
    changelog_periodic_materialization_interval: 0,
    changelog_storage: 'none',
  };
}

/** Flink's StatsSummaryDto: min/max/avg as whole numbers, percentiles as doubles; all 0 without samples. */
function summary(values: number[]): Summary {
  if (values.length === 0) return { min: 0, max: 0, avg: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    avg: Math.round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    p999: at(0.999),
  };
}
