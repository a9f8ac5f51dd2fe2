import { loadCheckpoints } from '../api/job-source.js';
import type { CheckpointEntry, JobDetail } from '../api/model.js';
import type { PageContext } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { formatBytes, formatCount, formatDuration, formatTime } from '../ui/format.js';
import { emptyState, errorState } from '../ui/notice.js';
import { SortableTable } from '../ui/sortable-table.js';
import { stateBadge } from '../ui/state-badge.js';

/** Checkpoint and savepoint counts, where the job was restored from, and the history with durations, sizes and failures. */
export class JobCheckpointsTab {
  readonly element: HTMLElement;
  private readonly summary = h('div', { class: 'cards small' });
  private readonly restored = h('p', { class: 'muted' });
  private readonly problem = h('div');
  private readonly table: SortableTable<CheckpointEntry>;

  constructor(private readonly context: PageContext) {
    this.table = new SortableTable<CheckpointEntry>(
      [
        { key: 'id', label: 'Id', sortValue: (c) => Number(c.id), cell: (c) => c.id, numeric: true },
        { key: 'kind', label: 'Kind', sortValue: (c) => c.kind, cell: (c) => (c.savepoint ? h('strong', null, 'Savepoint') : 'Checkpoint') },
        { key: 'status', label: 'Status', sortValue: (c) => c.status, cell: (c) => stateBadge(c.status) },
        { key: 'trigger', label: 'Triggered', sortValue: (c) => c.triggerTime, cell: (c) => formatTime(c.triggerTime) },
        { key: 'duration', label: 'Duration', sortValue: (c) => c.durationMs, cell: (c) => formatDuration(c.durationMs), numeric: true },
        { key: 'size', label: 'Size', sortValue: (c) => c.sizeBytes, cell: (c) => formatBytes(c.sizeBytes), numeric: true },
        { key: 'acks', label: 'Subtasks', cell: (c) => c.acknowledged, numeric: true },
        { key: 'detail', label: 'Path or failure', cell: (c) => (c.failure !== null ? h('span', { class: 'failure-text' }, c.failure) : c.path === null ? '–' : h('code', { class: 'path' }, c.path)) },
      ],
      { key: 'id', direction: 'desc' },
      { caption: 'Checkpoint history', empty: () => emptyState('No checkpoint or savepoint yet.', 'Streaming jobs checkpoint every `checkpoint.interval`; a savepoint is taken on request.'), rowKey: (c) => c.id },
    );
    this.element = h('div', null, this.problem, this.summary, this.restored, h('h2', null, 'History'), this.table.element);
  }

  async refresh(job: JobDetail): Promise<void> {
    try {
      const checkpoints = await loadCheckpoints(this.context.http, this.context.config, job.id, this.context.signal);
      this.problem.replaceChildren();
      if (checkpoints === null) {
        fill(this.summary);
        fill(this.restored, this.context.config.monitoring ? 'This job keeps no checkpoint statistics (checkpointing is not enabled).' : 'Checkpoint statistics need the monitoring API (/v1), which this server does not offer.');
        this.table.update([]);
        return;
      }
      const c = checkpoints.counts;
      const savepoints = checkpoints.history.filter((entry) => entry.savepoint && entry.status === 'COMPLETED').length;
      fill(
        this.summary,
        stat('Completed', formatCount(c.completed)),
        stat('Failed', formatCount(c.failed)),
        stat('In progress', formatCount(c.inProgress)),
        stat('Savepoints', formatCount(savepoints)),
        stat('Restored', formatCount(c.restored)),
      );
      const r = checkpoints.restored;
      fill(this.restored, r === null ? (job.startedWithSavepoint ? 'Started from a savepoint.' : 'Not restored from a checkpoint or savepoint.') : ['Restored from ', r.savepoint ? 'savepoint ' : 'checkpoint ', h('strong', null, r.id), r.path === null ? '' : [' at ', h('code', { class: 'path' }, r.path)], r.time === null ? '' : ` on ${formatTime(r.time)}`, '.']);
      this.table.update(checkpoints.history);
    } catch (error) {
      fill(this.problem, errorState(error));
    }
  }
}

function stat(label: string, value: string): HTMLElement {
  return h('div', { class: 'card' }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value' }, value));
}
