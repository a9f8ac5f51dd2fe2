import { isTerminal } from '../api/values.js';
import { h } from './dom.js';
import { formatDuration, formatTime } from './format.js';
import { stateBadge, stateTone } from './state-badge.js';

/**
 * The states a job went through as a bar (each state's share of the job's life) and a list with
 * when each began and how long it lasted. A terminal state has no duration.
 */
export function stateTimeline(timestamps: Readonly<Record<string, number>>, now: number): HTMLElement {
  const entries = Object.entries(timestamps).sort((a, b) => a[1] - b[1]);
  if (entries.length === 0) return h('p', { class: 'muted' }, 'No state changes recorded.');
  const spans = entries.map(([state, at], index) => {
    const next = entries[index + 1]?.[1] ?? (isTerminal(state) ? at : now);
    return { state, at, duration: Math.max(0, next - at) };
  });
  const total = spans.reduce((sum, span) => sum + span.duration, 0);
  const bar = h('div', { class: 'timeline-bar', 'aria-hidden': 'true' });
  for (const span of spans) {
    const segment = h('span', { class: `timeline-segment tone-${stateTone(span.state)}`, title: `${span.state} ${formatDuration(span.duration)}` });
    segment.style.flexGrow = String(total === 0 ? 1 : Math.max(span.duration / total, 0.015));
    bar.append(segment);
  }
  const list = h(
    'ol',
    { class: 'timeline-list' },
    spans.map((span) =>
      h('li', null, stateBadge(span.state), h('span', { class: 'timeline-at' }, formatTime(span.at)), h('span', { class: 'muted' }, isTerminal(span.state) ? 'end' : formatDuration(span.duration))),
    ),
  );
  return h('div', { class: 'timeline' }, bar, list);
}
