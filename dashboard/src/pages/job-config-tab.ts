import { loadJobConfig } from '../api/job-source.js';
import type { JobDetail } from '../api/model.js';
import type { PageContext } from '../page.js';
import { fill, h } from '../ui/dom.js';
import { errorState, loading } from '../ui/notice.js';
import { maskSecrets } from '../ui/mask-secrets.js';

/** The job's config as the server holds it, secrets masked, and its env options. Loaded once per visit. */
export class JobConfigTab {
  readonly element = h('div', null, loading());
  private loaded = false;

  constructor(private readonly context: PageContext) {}

  async refresh(job: JobDetail): Promise<void> {
    if (this.loaded) return;
    try {
      const config = await loadJobConfig(this.context.http, this.context.config, job, this.context.signal);
      this.loaded = true;
      const env = Object.entries(job.env);
      fill(
        this.element,
        h('h2', null, 'Environment'),
        env.length === 0
          ? h('p', { class: 'muted' }, 'No env options.')
          : h('table', { class: 'table kv' }, h('tbody', null, env.map(([key, value]) => h('tr', null, h('th', { scope: 'row' }, key), h('td', null, h('code', null, maskSecrets(`${key} = ${value}`).slice(key.length + 3))))))),
        h('h2', null, 'Config'),
        h('p', { class: 'muted' }, 'Sensitive values are masked by the server and again here.'),
        h('pre', { class: 'code-block', tabindex: '0', 'data-format': config.format }, maskSecrets(config.display)),
      );
    } catch (error) {
      fill(this.element, errorState(error));
    }
  }
}
