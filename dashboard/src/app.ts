import { ApiError } from './api/api-error.js';
import { AuthStore } from './api/auth-store.js';
import { loadConfig } from './api/cluster-source.js';
import { HttpClient } from './api/http-client.js';
import type { DashboardConfig } from './api/model.js';
import type { PageContext } from './page.js';
import { RateHistory } from './rate-history.js';
import { pageFor, parseRoute } from './router.js';
import { fill, h } from './ui/dom.js';
import { errorState, loading } from './ui/notice.js';
import { askForCredentials, signInPrompt } from './ui/sign-in-dialog.js';

const NAV = [
  { key: 'overview', label: 'Overview', href: '#/overview' },
  { key: 'jobs', label: 'Jobs', href: '#/jobs' },
  { key: 'submit', label: 'Submit', href: '#/submit' },
  { key: 'nodes', label: 'Nodes', href: '#/nodes' },
];

/**
 * The page frame (header, navigation, connection banner, sign-in state) and the hash router: each
 * route change aborts the previous page (its polling and requests) and mounts the next one.
 */
export class App {
  private readonly auth = new AuthStore();
  private readonly rates = new RateHistory();
  private readonly http: HttpClient;
  private readonly main = h('main', { id: 'main', tabindex: '-1' });
  private readonly banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  private readonly account = h('div', { class: 'account' });
  private readonly version = h('span', { class: 'version' });
  private readonly links = new Map<string, HTMLAnchorElement>();
  private config: DashboardConfig | null = null;
  private page: AbortController | null = null;
  private needsSignIn = false;
  private navigated = false;

  constructor(private readonly root: HTMLElement) {
    const prompt = signInPrompt(this.auth);
    this.http = new HttpClient(
      this.auth,
      async (challenge, rejected) => {
        const signedIn = await prompt(challenge, rejected);
        this.needsSignIn = !signedIn;
        this.renderAccount();
        return signedIn;
      },
      (reachable) => this.showReachability(reachable),
    );
    this.auth.onChange(() => this.renderAccount());
  }

  async start(): Promise<void> {
    const nav = h(
      'nav',
      { 'aria-label': 'Main' },
      h(
        'ul',
        null,
        NAV.map((item) => {
          const link = h('a', { href: item.href }, item.label);
          this.links.set(item.key, link);
          return h('li', null, link);
        }),
      ),
    );
    fill(
      this.root,
      h('a', { class: 'skip-link', href: '#main', onclick: (event: Event) => this.skipToContent(event) }, 'Skip to content'),
      h('header', { class: 'top' }, h('a', { class: 'brand', href: '#/overview' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Sluice', this.version), nav, this.account),
      this.banner,
      this.main,
    );
    this.renderAccount();
    window.addEventListener('hashchange', () => {
      this.navigated = true;
      this.mount();
    });
    await this.boot();
  }

  /** Loads `/v1/config`; until it answers, the page says why and retries. */
  private async boot(): Promise<void> {
    fill(this.main, loading('Connecting to the server…'));
    for (;;) {
      try {
        this.config = await loadConfig(this.http);
        break;
      } catch (error) {
        fill(this.main, h('h1', null, 'Sluice'), errorState(error, () => void this.boot()));
        if (error instanceof ApiError && error.unreachable) {
          await new Promise((resolve) => setTimeout(resolve, 3000));
          continue;
        }
        return;
      }
    }
    this.version.textContent = this.config.version === '' ? '' : ` ${this.config.version}`;
    this.mount();
  }

  private mount(): void {
    if (this.config === null) return;
    this.page?.abort();
    const controller = new AbortController();
    this.page = controller;
    const route = parseRoute(location.hash);
    const { section, page } = pageFor(route);
    for (const [key, link] of this.links) {
      if (key === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const content = h('div', { class: `page page-${section || 'missing'}` });
    fill(this.main, content);
    const context: PageContext = {
      http: this.http,
      config: this.config,
      signal: controller.signal,
      rates: this.rates,
      navigate: (hash) => {
        location.hash = hash;
      },
      replaceQuery: (query) => {
        const text = query.toString();
        history.replaceState(history.state, '', `#${route.path}${text === '' ? '' : `?${text}`}`);
      },
      setTitle: (title) => {
        document.title = `${title} · Sluice`;
      },
    };
    page(content, route, context);
    if (this.navigated) (content.querySelector('h1') ?? this.main).setAttribute('tabindex', '-1');
    if (this.navigated) (content.querySelector<HTMLElement>('h1') ?? this.main).focus({ preventScroll: false });
  }

  private renderAccount(): void {
    const credential = this.auth.get();
    if (credential !== null) {
      fill(
        this.account,
        h('span', { class: 'muted' }, `Signed in as ${credential.label}`),
        h('button', { type: 'button', class: 'button small', onclick: () => {
          this.auth.clear();
          location.reload();
        } }, 'Sign out'),
      );
      return;
    }
    fill(
      this.account,
      this.needsSignIn
        ? h('button', { type: 'button', class: 'button small primary', onclick: async () => {
            if (await askForCredentials(this.auth)) {
              this.needsSignIn = false;
              if (this.config === null) void this.boot();
              else this.mount();
            }
          } }, 'Sign in')
        : null,
    );
  }

  private showReachability(reachable: boolean): void {
    this.banner.hidden = reachable;
    if (!reachable) this.banner.textContent = 'The Sluice server cannot be reached. Retrying…';
  }

  private skipToContent(event: Event): void {
    event.preventDefault();
    this.main.focus();
  }
}
