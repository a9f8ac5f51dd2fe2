import type { OperationProgress } from '../api/model.js';
import type { Operation } from '../api/operations.js';
import { describeError } from './notice.js';
import { fill, h, uid, type Child } from './dom.js';

export interface ConfirmOptions {
  title: string;
  body: Child;
  confirmLabel: string;
  /** Extra fields (a parallelism input); `read` returns their value or a message saying what is wrong. */
  fields?: { element: HTMLElement; read: () => { value?: unknown; problem?: string } };
  danger?: boolean;
}

/**
 * Asks for confirmation in a modal dialog, then runs the operation in the same dialog and shows
 * its progress until it is done (or failed). Resolves with the final progress, or null when the
 * user backed out. Closing the dialog while the operation runs stops watching it, not the operation.
 */
export function confirmAndRun(options: ConfirmOptions, start: (value: unknown) => Operation): Promise<OperationProgress | null> {
  return new Promise((resolve) => {
    const titleId = uid('dialog-title');
    const status = h('div', { class: 'dialog-status', role: 'status', 'aria-live': 'polite' });
    const problem = h('p', { class: 'field-problem', role: 'alert' });
    const confirm = h('button', { type: 'submit', class: `button ${options.danger ? 'danger' : 'primary'}` }, options.confirmLabel);
    const close = h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, 'Cancel');
    const form = h('form', { method: 'dialog', class: 'dialog-form', novalidate: true }, h('h2', { id: titleId }, options.title), h('div', { class: 'dialog-body' }, options.body), options.fields?.element, problem, status, h('div', { class: 'dialog-actions' }, close, confirm));
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);
    const watching = new AbortController();
    let result: OperationProgress | null = null;
    dialog.addEventListener('close', () => {
      watching.abort();
      dialog.remove();
      resolve(result);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const read = options.fields?.read() ?? {};
      if (read.problem !== undefined) {
        problem.textContent = read.problem;
        return;
      }
      problem.textContent = '';
      confirm.disabled = true;
      options.fields?.element.querySelectorAll('input, select').forEach((input) => ((input as HTMLInputElement).disabled = true));
      close.textContent = 'Close';
      const show = (progress: OperationProgress): void => {
        result = progress;
        fill(status, h('p', { class: progress.done ? (progress.failed ? 'progress failed' : 'progress done') : 'progress running' }, progress.done ? null : h('span', { class: 'spinner', 'aria-hidden': 'true' }), progress.message));
      };
      start(read.value)(show, watching.signal).then(
        (final) => {
          show(final);
          confirm.remove();
          close.focus();
        },
        (error: unknown) => {
          if (watching.signal.aborted) return;
          const { title, detail } = describeError(error);
          show({ done: true, failed: true, message: `${title}: ${detail}` });
          confirm.remove();
          close.focus();
        },
      );
    });
    document.body.append(dialog);
    dialog.showModal();
    (options.fields?.element.querySelector('input') ?? close).focus();
  });
}
