import { h, uid } from './dom.js';

export interface TabSpec {
  key: string;
  label: string;
}

/**
 * WAI-ARIA tabs: a tablist of buttons (arrow keys, Home and End move between them) and one panel
 * per tab. `onSelect` fires when the shown tab changes, so a panel can load its data lazily.
 */
export class Tabs {
  readonly element: HTMLElement;
  readonly panels = new Map<string, HTMLElement>();
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private current: string;

  constructor(
    private readonly specs: TabSpec[],
    initial: string,
    private readonly onSelect: (key: string) => void,
  ) {
    this.current = specs.some((spec) => spec.key === initial) ? initial : specs[0]!.key;
    const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': 'Job sections' });
    const panels: HTMLElement[] = [];
    for (const spec of specs) {
      const tabId = uid(`tab-${spec.key}`);
      const panelId = uid(`panel-${spec.key}`);
      const button = h('button', { type: 'button', role: 'tab', id: tabId, class: 'tab', 'aria-controls': panelId, 'data-tab': spec.key, onclick: () => this.select(spec.key, true) }, spec.label);
      button.addEventListener('keydown', (event) => this.onKey(event, spec.key));
      const panel = h('div', { role: 'tabpanel', id: panelId, class: 'tabpanel', 'aria-labelledby': tabId, tabindex: '0' });
      this.buttons.set(spec.key, button);
      this.panels.set(spec.key, panel);
      list.append(button);
      panels.push(panel);
    }
    this.element = h('div', { class: 'tabs' }, list, panels);
    this.apply();
  }

  get selected(): string {
    return this.current;
  }

  select(key: string, focus = false): void {
    if (!this.buttons.has(key)) return;
    const changed = key !== this.current;
    this.current = key;
    this.apply();
    if (focus) this.buttons.get(key)!.focus();
    if (changed) this.onSelect(key);
  }

  private apply(): void {
    for (const [key, button] of this.buttons) {
      const on = key === this.current;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      this.panels.get(key)!.hidden = !on;
    }
  }

  private onKey(event: KeyboardEvent, key: string): void {
    const keys = this.specs.map((spec) => spec.key);
    const index = keys.indexOf(key);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: keys.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(keys[(next + keys.length) % keys.length]!, true);
  }
}
