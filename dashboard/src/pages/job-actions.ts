import type { JobDetail } from '../api/model.js';
import { cancelJob, rescaleJob, stopWithSavepoint, triggerSavepoint } from '../api/operations.js';
import { isTerminal } from '../api/values.js';
import type { PageContext } from '../page.js';
import { confirmAndRun } from '../ui/dialog.js';
import { fill, h, uid } from '../ui/dom.js';

const STARTABLE = new Set(['PENDING', 'CREATED', 'INITIALIZING', 'SCHEDULED']);

/**
 * The buttons that act on a job, shown for the states where they apply. Each asks for
 * confirmation, then shows the asynchronous operation's progress until it is done; the page is
 * refreshed afterwards.
 */
export class JobActions {
  readonly element = h('div', { class: 'actions', role: 'group', 'aria-label': 'Job actions' });
  private shape = '';

  constructor(
    private readonly context: PageContext,
    private readonly refresh: () => void,
  ) {}

  /** `restorable`: the ended job left a savepoint or checkpoint to restart from. */
  update(job: JobDetail, restorable: boolean): void {
    const running = job.state === 'RUNNING';
    const live = !isTerminal(job.state);
    const monitoring = this.context.config.monitoring;
    const canRestart = isTerminal(job.state) && job.state !== 'FINISHED' && restorable;
    const shape = [job.state, canRestart, job.vertices[0]?.parallelism].join();
    if (shape === this.shape) return;
    this.shape = shape;
    const http = this.context.http;
    const config = this.context.config;
    const run = (options: Parameters<typeof confirmAndRun>[0], start: Parameters<typeof confirmAndRun>[1]) => (): void => {
      void confirmAndRun(options, start).then(() => this.refresh());
    };
    fill(
      this.element,
      running
        ? h('button', { type: 'button', class: 'button', 'data-action': 'stop-with-savepoint', onclick: run({ title: 'Stop with a savepoint?', body: stopText(job), confirmLabel: 'Stop with savepoint' }, () => stopWithSavepoint(http, config, job.id)) }, 'Stop with savepoint')
        : null,
      running && monitoring
        ? h('button', { type: 'button', class: 'button', 'data-action': 'savepoint', onclick: run({ title: 'Take a savepoint?', body: 'The job keeps running. The savepoint is stored in the data directory and can be used to restart the job later.', confirmLabel: 'Take savepoint' }, () => triggerSavepoint(http, job.id)) }, 'Trigger savepoint')
        : null,
      running && monitoring && config.features.rescale ? h('button', { type: 'button', class: 'button', 'data-action': 'rescale', onclick: () => this.rescale(job) }, 'Rescale…') : null,
      live && (running || STARTABLE.has(job.state) || job.state === 'DOING_SAVEPOINT') && config.features.cancel
        ? h('button', { type: 'button', class: 'button danger', 'data-action': 'cancel', onclick: run({ title: 'Cancel this job?', body: `Job ${job.name} (${job.id}) stops at once, without a savepoint. Rows already written stay written.`, confirmLabel: 'Cancel job', danger: true }, () => cancelJob(http, config, job.id)) }, 'Cancel job')
        : null,
      canRestart ? h('a', { class: 'button', 'data-action': 'restart', href: `#/submit?restart=${encodeURIComponent(job.id)}` }, 'Restart from savepoint…') : null,
    );
  }

  private rescale(job: JobDetail): void {
    const id = uid('parallelism');
    const current = job.vertices[0]?.parallelism ?? 1;
    const input = h('input', { id, type: 'number', min: '1', max: '1024', step: '1', value: String(current), inputmode: 'numeric', required: true });
    const fields = h('div', { class: 'field-group' }, h('label', { for: id }, 'New parallelism'), input, h('p', { class: 'muted' }, `Now ${current}. Every pipeline takes a savepoint and resumes with the new number of subtasks; growing needs free slots.`));
    void confirmAndRun(
      {
        title: 'Rescale the job',
        body: `Job ${job.name} (${job.id}).`,
        confirmLabel: 'Rescale',
        fields: {
          element: fields,
          read: () => {
            const value = Number(input.value);
            return Number.isInteger(value) && value >= 1 ? { value } : { problem: 'Enter a whole number of at least 1.' };
          },
        },
      },
      (value) => rescaleJob(this.context.http, job.id, value as number),
    ).then(() => this.refresh());
  }
}

function stopText(job: JobDetail): string {
  return `Job ${job.name} (${job.id}) takes a savepoint and stops; it ends in state SAVEPOINT_DONE and can be restarted from the savepoint.`;
}
