import { ApiError } from '../api/api-error.js';
import { h, type Child } from './dom.js';

/** An empty state: what is missing and, when there is one, what to do. */
export function emptyState(title: string, ...body: Child[]): HTMLElement {
  return h('div', { class: 'empty', role: 'status' }, h('p', { class: 'empty-title' }, title), ...body);
}

/** An error block with the server's message; unreachable and sign-in errors are worded for the user. */
export function errorState(error: unknown, retry?: () => void): HTMLElement {
  const { title, detail } = describeError(error);
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    detail === '' ? null : h('p', { class: 'error-detail' }, detail),
    retry === undefined ? null : h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'),
  );
}

export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError) {
    if (error.unreachable) return { title: 'The server cannot be reached', detail: 'The dashboard keeps trying. Check that sluice serve is running and reachable from this browser.' };
    if (error.status === 401) return { title: 'Sign-in needed', detail: 'This server requires credentials. Use "Sign in" at the top of the page.' };
    if (error.status === 403) return { title: 'Not allowed', detail: error.message };
    return { title: `The server answered ${error.status}`, detail: error.message };
  }
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) };
}

/** A small line saying the data is being loaded. */
export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, what);
}
