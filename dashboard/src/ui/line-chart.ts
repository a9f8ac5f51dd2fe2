import { s } from './dom.js';
import { formatClock, formatCompact } from './format.js';

export interface Series {
  label: string;
  /** CSS class giving the line its colour (`series-read`). */
  tone: string;
  /** [time ms, value], oldest first. */
  points: readonly (readonly [number, number])[];
}

const PAD = { top: 10, right: 12, bottom: 22, left: 44 };

/**
 * A small SVG line chart of series over time: a y axis from 0 to a round maximum with grid lines
 * at round values, the first and last time on the x axis. Drawn at the given pixel width, so text is never
 * stretched; redraw it when the width changes.
 */
export function lineChart(series: readonly Series[], options: { width: number; height: number; label: string; unit?: string }): SVGSVGElement {
  const width = Math.max(200, Math.floor(options.width));
  const height = options.height;
  const all = series.flatMap((line) => line.points);
  const svg = s('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': options.label });
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  if (all.length < 2) {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-note' }, 'Collecting samples…'));
    return svg;
  }
  const t0 = Math.min(...all.map((p) => p[0]));
  const t1 = Math.max(...all.map((p) => p[0]));
  const max = niceMax(Math.max(...all.map((p) => p[1])));
  const x = (t: number): number => PAD.left + (t1 === t0 ? plotW : ((t - t0) / (t1 - t0)) * plotW);
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const steps = gridSteps(max);
  for (let i = 0; i <= steps; i++) {
    const value = (max / steps) * i;
    svg.append(
      s('line', { x1: PAD.left, x2: width - PAD.right, y1: y(value), y2: y(value), class: i === 0 ? 'chart-axis' : 'chart-grid' }),
      s('text', { x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'chart-tick' }, formatCompact(value)),
    );
  }
  svg.append(
    s('text', { x: PAD.left, y: height - 6, class: 'chart-tick' }, formatClock(t0)),
    s('text', { x: width - PAD.right, y: height - 6, 'text-anchor': 'end', class: 'chart-tick' }, formatClock(t1)),
  );
  for (const line of series) {
    if (line.points.length === 0) continue;
    const d = line.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
    svg.append(s('path', { d, class: `chart-line ${line.tone}` }, s('title', null, line.label)));
  }
  return svg;
}

/** Grid lines at round values: 1 → 0.2 steps, 2 → 0.5, 5 → 1 (times the power of ten). */
function gridSteps(max: number): number {
  const lead = max / 10 ** Math.floor(Math.log10(max));
  return lead === 2 ? 4 : 5;
}

/** 1, 2 or 5 times a power of ten, at least `value` (and at least 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
