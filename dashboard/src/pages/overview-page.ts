import { loadOverview } from '../api/cluster-source.js';
import { loadJobs } from '../api/jobs-source.js';
import type { ClusterOverview, JobSummary } from '../api/model.js';
import { isTerminal } from '../api/values.js';
import type { Page } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { formatCount } from '../ui/format.js';
import { emptyState, errorState, loading } from '../ui/notice.js';
import { poll } from '../ui/poll.js';
import { jobTable } from './job-table.js';

/** Cluster figures (nodes, slots, jobs by state, version) and the running and latest finished jobs, refreshed at the server's interval. */
export const overviewPage: Page = (root, _route, context) => {
  context.setTitle('Overview');
  const cards = h('div', { class: 'cards' }, loading());
  const problem = h('div');
  const running = jobTable('Running jobs', { key: 'start', direction: 'desc' }, () => emptyState('No job is running.', h('a', { href: '#/submit' }, 'Submit a job')));
  const finished = jobTable('Recently ended jobs', { key: 'end', direction: 'desc' }, () => emptyState('No job has ended yet.'));
  fill(
    root,
    h('h1', null, 'Overview'),
    problem,
    h('section', { 'aria-labelledby': 'cluster-heading' }, h('h2', { id: 'cluster-heading', class: 'visually-hidden' }, 'Cluster'), cards),
    h('section', { class: 'panel', 'aria-labelledby': 'running-heading' }, h('h2', { id: 'running-heading' }, 'Running jobs'), running.element),
    h('section', { class: 'panel', 'aria-labelledby': 'ended-heading' }, h('div', { class: 'panel-head' }, h('h2', { id: 'ended-heading' }, 'Recently ended jobs'), h('a', { href: '#/jobs?state=ended' }, 'All ended jobs')), finished.element),
  );
  poll(
    async () => {
      const [overview, jobs] = await Promise.all([loadOverview(context.http, context.config, context.signal), loadJobs(context.http, context.config, context.signal)]);
      problem.replaceChildren();
      fill(cards, statCards(overview, context.config.dynamicSlots));
      running.update(jobs.filter((job) => !isTerminal(job.state)));
      finished.update(latestEnded(jobs, 10));
    },
    context.config.refreshMs,
    context.signal,
    (error) => fill(problem, errorState(error)),
  );
};

function latestEnded(jobs: JobSummary[], count: number): JobSummary[] {
  return jobs
    .filter((job) => isTerminal(job.state))
    .sort((a, b) => (b.endTime ?? 0) - (a.endTime ?? 0))
    .slice(0, count);
}

function statCards(o: ClusterOverview, dynamicSlots: boolean): HTMLElement[] {
  const used = o.slotsTotal === null || o.slotsFree === null ? null : o.slotsTotal - o.slotsFree;
  return [
    card('Nodes', formatCount(o.nodes), 'nodes'),
    dynamicSlots
      ? card('Slots used', formatCount(used ?? 0), 'slots', 'dynamic: a slot per running subtask')
      : card('Slots used / free', `${formatCount(used)} / ${formatCount(o.slotsFree)}`, 'slots', `${formatCount(o.slotsTotal)} in total`),
    card('Running', formatCount(o.running), 'running', o.pending === null || o.pending === 0 ? null : `${formatCount(o.pending)} waiting for slots`),
    card('Finished', formatCount(o.finished), 'finished'),
    card('Failed', formatCount(o.failed), 'failed'),
    card('Canceled', formatCount(o.canceled), 'canceled'),
    card('Version', o.version || '–', 'version'),
  ];
}

function card(label: string, value: string, key: string, note?: string | null): HTMLElement {
  return h('div', { class: `card card-${key}`, 'data-stat': key }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value' }, value), note ? h('div', { class: 'card-note' }, note) : null);
}
