import { loadJobs } from '../api/jobs-source.js';
import type { JobSummary } from '../api/model.js';
import { isTerminal } from '../api/values.js';
import type { Page } from '../page.js';
import { fill, h, uid } from '../ui/dom.js';
import { emptyState, errorState, loading } from '../ui/notice.js';
import { poll } from '../ui/poll.js';
import type { SortState } from '../ui/sortable-table.js';
import { jobTable } from './job-table.js';

const FILTERS: { key: string; label: string; test: (job: JobSummary) => boolean }[] = [
  { key: 'all', label: 'All', test: () => true },
  { key: 'running', label: 'Running', test: (job) => !isTerminal(job.state) },
  { key: 'ended', label: 'Ended', test: (job) => isTerminal(job.state) },
  { key: 'finished', label: 'Finished', test: (job) => job.state === 'FINISHED' },
  { key: 'savepoint', label: 'Savepoint done', test: (job) => job.state === 'SAVEPOINT_DONE' },
  { key: 'failed', label: 'Failed', test: (job) => job.state === 'FAILED' },
  { key: 'canceled', label: 'Canceled', test: (job) => job.state === 'CANCELED' },
];

/**
 * Every job, running and ended: filter by state, search by name or id, sort by any column. The
 * filter, search and sort live in the URL (`#/jobs?state=failed&q=orders&sort=duration:desc`).
 */
export const jobsPage: Page = (root, route, context) => {
  context.setTitle('Jobs');
  let filter = FILTERS.find((f) => f.key === route.query.get('state')) ?? FILTERS[0]!;
  let search = route.query.get('q') ?? '';
  const [sortKey, sortDirection] = (route.query.get('sort') ?? 'start:desc').split(':');
  let sort: SortState = { key: sortKey || 'start', direction: sortDirection === 'asc' ? 'asc' : 'desc' };
  let jobs: JobSummary[] | null = null;

  const saveQuery = (): void => {
    const query = new URLSearchParams();
    if (filter.key !== 'all') query.set('state', filter.key);
    if (search !== '') query.set('q', search);
    query.set('sort', `${sort.key}:${sort.direction}`);
    context.replaceQuery(query);
  };
  const table = jobTable('Jobs', sort, () => (jobs !== null && jobs.length > 0 ? emptyState('No job matches.', 'Change the state filter or the search.') : emptyState('No jobs yet.', h('a', { href: '#/submit' }, 'Submit a job'))), (next) => {
    sort = next;
    saveQuery();
  });
  const filterButtons = FILTERS.map((f) =>
    h('button', { type: 'button', class: 'chip', 'aria-pressed': String(f === filter), 'data-filter': f.key, onclick: () => {
      filter = f;
      filterButtons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.filter === f.key)));
      saveQuery();
      render();
    } }, f.label, h('span', { class: 'chip-count' })),
  );
  const searchId = uid('job-search');
  const searchInput = h('input', { id: searchId, type: 'search', value: search, placeholder: 'Name or job id', autocomplete: 'off' });
  searchInput.addEventListener('input', () => {
    search = searchInput.value.trim();
    saveQuery();
    render();
  });
  const problem = h('div');
  const status = h('p', { class: 'muted', role: 'status' }, loading().textContent);
  fill(
    root,
    h('h1', null, 'Jobs'),
    h('div', { class: 'toolbar' }, h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by state' }, filterButtons), h('div', { class: 'search' }, h('label', { for: searchId }, 'Search'), searchInput)),
    problem,
    status,
    table.element,
  );

  function render(): void {
    if (jobs === null) return;
    const all = jobs;
    filterButtons.forEach((button, index) => (button.querySelector('.chip-count')!.textContent = ` ${all.filter(FILTERS[index]!.test).length}`));
    const needle = search.toLowerCase();
    const shown = all.filter(filter.test).filter((job) => needle === '' || job.name.toLowerCase().includes(needle) || job.id.includes(needle));
    status.textContent = `${shown.length} of ${all.length} jobs`;
    table.update(shown);
  }

  poll(
    async () => {
      jobs = await loadJobs(context.http, context.config, context.signal);
      problem.replaceChildren();
      render();
    },
    context.config.refreshMs,
    context.signal,
    (error) => fill(problem, errorState(error)),
  );
};
