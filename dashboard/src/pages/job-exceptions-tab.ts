import { loadExceptions } from '../api/job-source.js';
import type { JobDetail } from '../api/model.js';
import type { PageContext } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { formatTime } from '../ui/format.js';
import { emptyState, errorState } from '../ui/notice.js';

/** The job's exceptions, newest first, each with its full message and stack trace. */
export class JobExceptionsTab {
  readonly element = h('div');

  constructor(private readonly context: PageContext) {}

  async refresh(job: JobDetail): Promise<void> {
    try {
      const entries = await loadExceptions(this.context.http, this.context.config, job, this.context.signal);
      if (entries.length === 0) {
        fill(this.element, emptyState('No exceptions.', job.state === 'FAILED' ? 'The job failed without a recorded exception; see its log.' : 'The job has not reported an error.'));
        return;
      }
      fill(
        this.element,
        h(
          'ol',
          { class: 'exceptions' },
          entries.map((entry) =>
            h(
              'li',
              { class: 'exception' },
              h('div', { class: 'exception-head' }, h('strong', null, entry.name), h('span', { class: 'muted' }, formatTime(entry.time)), entry.task === null ? null : h('span', { class: 'muted' }, entry.task)),
              h('pre', { class: 'exception-text', tabindex: '0' }, entry.message),
            ),
          ),
        ),
      );
    } catch (error) {
      fill(this.element, errorState(error));
    }
  }
}
