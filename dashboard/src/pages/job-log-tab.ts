import { loadJobLog } from '../api/job-source.js';
import type { JobDetail } from '../api/model.js';
import { isTerminal } from '../api/values.js';
import type { PageContext } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { emptyState, errorState, loading } from '../ui/notice.js';

const MAX_CHARS = 400_000;

/** The job's log file (masked by the server), following its end while the job runs. */
export class JobLogTab {
  readonly element: HTMLElement;
  private readonly body = h('div', null, loading());
  private ended = false;

  constructor(private readonly context: PageContext) {
    this.element = h('div', null, h('p', { class: 'muted' }, 'The log of this job on this node; it follows the end of the file while the job runs.'), this.body);
  }

  async refresh(job: JobDetail): Promise<void> {
    if (this.ended) return;
    try {
      const text = await loadJobLog(this.context.http, job.id, this.context.signal);
      if (text === null) {
        fill(this.body, emptyState('No log for this job on this node.', 'Logs are written to <data-dir>/logs while a job runs here.'));
      } else {
        const pre = this.body.querySelector('pre');
        const follow = pre === null || pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
        const shown = text.length > MAX_CHARS ? `… (${text.length - MAX_CHARS} earlier characters not shown)\n${text.slice(-MAX_CHARS)}` : text;
        const block = pre ?? h('pre', { class: 'code-block log', tabindex: '0', 'aria-label': 'Job log' });
        if (block.textContent !== shown) block.textContent = shown;
        if (pre === null) fill(this.body, block);
        if (follow) block.scrollTop = block.scrollHeight;
      }
      this.ended = isTerminal(job.state);
    } catch (error) {
      fill(this.body, errorState(error));
    }
  }
}
