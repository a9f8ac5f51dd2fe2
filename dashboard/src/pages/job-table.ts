import type { JobSummary } from '../api/model.js';
import { h, type Child } from '../ui/dom.js';
import { formatCount, formatDuration, formatTime } from '../ui/format.js';
import { SortableTable, type SortState } from '../ui/sortable-table.js';
import { stateBadge } from '../ui/state-badge.js';

/** The jobs table of the overview and jobs pages: name (a link to the job), id, state, times, rows. */
export function jobTable(caption: string, sort: SortState, empty: () => Child, onSort?: (sort: SortState) => void): SortableTable<JobSummary> {
  return new SortableTable<JobSummary>(
    [
      { key: 'name', label: 'Name', sortValue: (job) => job.name.toLowerCase(), cell: (job) => h('a', { href: `#/jobs/${encodeURIComponent(job.id)}`, class: 'job-link' }, job.name || '(unnamed)') },
      { key: 'id', label: 'Job id', sortValue: (job) => job.id.padStart(20, '0'), cell: (job) => h('code', { class: 'job-id' }, job.id) },
      { key: 'state', label: 'State', sortValue: (job) => job.state, cell: (job) => stateBadge(job.state) },
      { key: 'start', label: 'Started', sortValue: (job) => job.startTime, cell: (job) => formatTime(job.startTime) },
      { key: 'end', label: 'Ended', sortValue: (job) => job.endTime, cell: (job) => formatTime(job.endTime) },
      { key: 'duration', label: 'Duration', sortValue: (job) => job.durationMs, cell: (job) => formatDuration(job.durationMs), numeric: true },
      { key: 'read', label: 'Rows read', sortValue: (job) => job.rowsRead, cell: (job) => formatCount(job.rowsRead), numeric: true },
      { key: 'written', label: 'Rows written', sortValue: (job) => job.rowsWritten, cell: (job) => formatCount(job.rowsWritten), numeric: true },
    ],
    sort,
    { caption, empty, ...(onSort === undefined ? {} : { onSort }) },
  );
}
