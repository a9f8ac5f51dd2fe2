import { loadCheckpoints, loadJob } from '../api/job-source.js';
import type { JobDetail } from '../api/model.js';
import { isTerminal } from '../api/values.js';
import type { Page } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { formatBytes, formatCount, formatDuration, formatRate, formatTime } from '../ui/format.js';
import { emptyState, errorState, loading } from '../ui/notice.js';
import { poll } from '../ui/poll.js';
import { stateBadge } from '../ui/state-badge.js';
import { Tabs } from '../ui/tabs.js';
import { JobActions } from './job-actions.js';
import { JobCheckpointsTab } from './job-checkpoints-tab.js';
import { JobConfigTab } from './job-config-tab.js';
import { JobExceptionsTab } from './job-exceptions-tab.js';
import { JobLogTab } from './job-log-tab.js';
import { JobOverviewTab } from './job-overview-tab.js';

interface Tab {
  element: HTMLElement;
}

/**
 * One job: its state, figures and actions on top; tabs for the graph (with rates and the state
 * timeline), checkpoints, exceptions, config and log. The shown tab is in the URL
 * (`#/jobs/<id>?tab=checkpoints`) and refreshes with the page at the server's interval.
 */
export const jobPage: Page = (root, route, context) => {
  const jobId = decodeURIComponent(route.segments[1] ?? '');
  context.setTitle(`Job ${jobId}`);
  const title = h('h1', { class: 'job-title' }, jobId);
  const header = h('div', { class: 'job-header' }, loading());
  const problem = h('div');
  const overview = new JobOverviewTab(context.rates);
  const tabs: Record<string, Tab & { refresh?: (job: JobDetail) => Promise<void>; update?: (job: JobDetail) => void }> = {
    overview,
    checkpoints: new JobCheckpointsTab(context),
    exceptions: new JobExceptionsTab(context),
    config: new JobConfigTab(context),
    log: new JobLogTab(context),
  };
  let job: JobDetail | null = null;
  /** Whether an ended job can restart from a savepoint or checkpoint: asked once per ended state. */
  const restorePoints = new Map<string, Promise<boolean>>();
  const restorable = (current: JobDetail): Promise<boolean> => {
    if (!isTerminal(current.state) || current.state === 'FINISHED') return Promise.resolve(false);
    if (current.state === 'SAVEPOINT_DONE') return Promise.resolve(true);
    let known = restorePoints.get(current.state);
    if (known === undefined) {
      known = loadCheckpoints(context.http, context.config, current.id, context.signal).then((c) => c !== null && c.counts.completed > 0, () => false);
      restorePoints.set(current.state, known);
    }
    return known;
  };
  const tabView = new Tabs(
    [
      { key: 'overview', label: 'Overview' },
      { key: 'checkpoints', label: 'Checkpoints' },
      { key: 'exceptions', label: 'Exceptions' },
      { key: 'config', label: 'Config' },
      { key: 'log', label: 'Log' },
    ],
    route.query.get('tab') ?? 'overview',
    (key) => {
      context.replaceQuery(new URLSearchParams(key === 'overview' ? '' : `tab=${key}`));
      if (job !== null) void showTab(job);
    },
  );
  for (const [key, tab] of Object.entries(tabs)) tabView.panels.get(key)!.append(tab.element);
  const actions = new JobActions(context, () => poller.now());
  const body = h('div', { hidden: true }, h('div', { class: 'job-top' }, h('div', { class: 'job-title-row' }, title, actions.element), header), tabView.element);
  const missing = h('div');
  fill(root, h('p', { class: 'breadcrumb' }, h('a', { href: '#/jobs' }, 'Jobs'), ' / ', h('code', null, jobId)), problem, missing, body);

  const showTab = async (current: JobDetail): Promise<void> => {
    const tab = tabs[tabView.selected]!;
    tab.update?.(current);
    await tab.refresh?.(current);
  };

  const poller = poll(
    async () => {
      const next = await loadJob(context.http, context.config, jobId, context.signal);
      problem.replaceChildren();
      if (next === null) {
        body.hidden = true;
        fill(missing, emptyState('Job not found', `No job with id ${jobId} is running or in the history of this server. Finished jobs expire after history-job-expire-minutes.`, h('p', null, h('a', { href: '#/jobs' }, 'All jobs'))));
        return;
      }
      missing.replaceChildren();
      body.hidden = false;
      job = next;
      context.rates.record(next);
      context.setTitle(`${next.name || 'Job'} · ${next.state}`);
      title.textContent = next.name || '(unnamed job)';
      renderHeader(header, next, context.rates.series(next.id));
      actions.update(next, await restorable(next));
      await showTab(next);
      // Read by bench/dashboard.ts: navigation start to the first complete job page.
      if (performance.getEntriesByName('sluice:job-page-rendered').length === 0) performance.mark('sluice:job-page-rendered');
    },
    context.config.refreshMs,
    context.signal,
    (error) => fill(problem, errorState(error)),
  );
};

function renderHeader(header: HTMLElement, job: JobDetail, series: { read: [number, number][]; written: [number, number][] }): void {
  const last = (points: [number, number][]): number | null => (points.length === 0 ? null : points[points.length - 1]![1]);
  fill(
    header,
    h('div', { class: 'job-meta' }, stateBadge(job.state), h('code', { class: 'job-id', title: 'Job id' }, job.id), job.mode === null ? null : h('span', { class: 'tag' }, job.mode)),
    h(
      'dl',
      { class: 'facts' },
      fact('Started', formatTime(job.startTime)),
      fact('Ended', formatTime(job.endTime)),
      fact('Duration', formatDuration(job.durationMs)),
      fact('Rows read', formatCount(job.rowsRead), 'rows-read'),
      fact('Rows written', formatCount(job.rowsWritten), 'rows-written'),
      fact('Bytes read', formatBytes(job.bytesRead)),
      fact('Bytes written', formatBytes(job.bytesWritten)),
      fact('Read now', formatRate(last(series.read))),
      fact('Write now', formatRate(last(series.written))),
    ),
    job.error === null ? null : h('div', { class: 'error-box compact', role: 'alert' }, h('p', { class: 'error-title' }, 'The job failed'), h('pre', { class: 'error-detail' }, job.error)),
  );
}

function fact(label: string, value: string, key?: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', { 'data-fact': key ?? null }, value));
}
