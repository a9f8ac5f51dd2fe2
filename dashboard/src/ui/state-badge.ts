import { h } from './dom.js';

const TONES: Record<string, string> = {
  RUNNING: 'running',
  FINISHED: 'ok',
  SAVEPOINT_DONE: 'ok',
  COMPLETED: 'ok',
  FAILED: 'bad',
  FAILING: 'bad',
  UNKNOWABLE: 'bad',
  CANCELED: 'muted',
  CANCELING: 'warn',
  DOING_SAVEPOINT: 'warn',
  IN_PROGRESS: 'warn',
  RESTARTING: 'warn',
  PENDING: 'wait',
  CREATED: 'wait',
  INITIALIZING: 'wait',
  SCHEDULED: 'wait',
};

/** The tone a state is shown in: running, ok, bad, warn, wait or muted. */
export function stateTone(state: string): string {
  return TONES[state] ?? 'muted';
}

/** A job, vertex or checkpoint state as a coloured label; the text carries the meaning, colour only helps. */
export function stateBadge(state: string): HTMLElement {
  return h('span', { class: `badge tone-${stateTone(state)}`, 'data-state': state }, state);
}
