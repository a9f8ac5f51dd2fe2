import type { ConfigProblem } from '../api/model.js';
import { fill, h } from './dom.js';

const LINE_HEIGHT = 20;

/**
 * A plain textarea with line numbers, and each problem shown at its line: the line is marked in the
 * gutter, tinted, and carries the message at its right edge. Under the text, a list of the problems
 * whose entries move the cursor to their line. No key is captured: Tab moves focus as usual.
 */
export class CodeEditor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly marks: HTMLElement;
  private readonly list: HTMLElement;
  private problems: ConfigProblem[] = [];
  private lines = 0;

  constructor(options: { id: string; describedBy: string; onInput: (text: string) => void }) {
    this.textarea = h('textarea', { id: options.id, class: 'editor-text', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', wrap: 'off', 'aria-describedby': options.describedBy });
    this.gutter = h('div', { class: 'editor-gutter', 'aria-hidden': 'true' });
    this.marks = h('div', { class: 'editor-marks', 'aria-hidden': 'true' });
    this.list = h('ul', { class: 'problem-list', id: options.describedBy, 'aria-live': 'polite' });
    const viewport = h('div', { class: 'editor-viewport' }, this.marks, this.textarea);
    this.element = h('div', { class: 'editor' }, h('div', { class: 'editor-frame' }, h('div', { class: 'editor-gutter-wrap' }, this.gutter), viewport), this.list);
    this.textarea.addEventListener('input', () => {
      this.renderGutter();
      options.onInput(this.textarea.value);
    });
    this.textarea.addEventListener('scroll', () => this.syncScroll());
    this.renderGutter();
    this.renderProblems();
  }

  get value(): string {
    return this.textarea.value;
  }

  set value(text: string) {
    this.textarea.value = text;
    this.renderGutter();
  }

  setProblems(problems: readonly ConfigProblem[], note?: string): void {
    this.problems = [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    this.renderGutter(true);
    this.renderProblems(note);
  }

  /** Puts the cursor at a 1-based line and column and scrolls it into view. */
  goTo(line: number, column = 1): void {
    const lines = this.textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, Math.min(column - 1, lines[line - 1]?.length ?? 0));
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset);
    const top = (line - 1) * LINE_HEIGHT;
    if (top < this.textarea.scrollTop || top > this.textarea.scrollTop + this.textarea.clientHeight - LINE_HEIGHT * 2) this.textarea.scrollTop = Math.max(0, top - LINE_HEIGHT * 3);
  }

  private renderGutter(force = false): void {
    const count = this.textarea.value.split('\n').length;
    if (count === this.lines && !force) return;
    this.lines = count;
    const byLine = new Map<number, ConfigProblem[]>();
    for (const problem of this.problems) if (problem.line !== null) byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
    const numbers: HTMLElement[] = [];
    for (let line = 1; line <= Math.max(count, 1); line++) {
      const here = byLine.get(line);
      numbers.push(h('div', { class: here ? `gutter-line has-${severityOf(here)}` : 'gutter-line' }, String(line)));
    }
    fill(this.gutter, numbers);
    fill(
      this.marks,
      [...byLine.entries()].map(([line, list]) => {
        const mark = h('div', { class: `line-mark ${severityOf(list)}`, 'data-line': line }, h('span', { class: 'line-message' }, list.map((p) => p.message).join(' · ')));
        mark.style.top = `${(line - 1) * LINE_HEIGHT}px`;
        return mark;
      }),
    );
    this.syncScroll();
  }

  private renderProblems(note?: string): void {
    if (this.problems.length === 0) {
      fill(this.list, note === undefined ? null : h('li', { class: 'problem-note' }, note));
      return;
    }
    fill(
      this.list,
      this.problems.map((problem) =>
        h(
          'li',
          { class: `problem ${problem.severity}` },
          h(
            'button',
            { type: 'button', class: 'link-button', disabled: problem.line === null, onclick: () => problem.line !== null && this.goTo(problem.line, problem.column ?? 1) },
            problem.line === null ? h('span', { class: 'problem-at' }, problem.severity) : h('span', { class: 'problem-at' }, `Line ${problem.line}${problem.column === null ? '' : `:${problem.column}`}`),
            ' ',
            problem.path === '' ? null : h('code', null, problem.path),
            problem.path === '' ? '' : ': ',
            problem.message,
          ),
        ),
      ),
    );
  }

  private syncScroll(): void {
    const y = -this.textarea.scrollTop;
    this.gutter.style.transform = `translateY(${y}px)`;
    this.marks.style.transform = `translateY(${y}px)`;
  }
}

function severityOf(problems: readonly ConfigProblem[]): 'error' | 'warning' {
  return problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning';
}
