import type { Static } from 'typebox';
import { badRequest } from '../route-kit/api-error.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { AggregatedMetricList, MetricList } from './schemas/common-schemas.js';
import { queryList, unresolvedQuery } from './monitoring-request.js';

/** A component's metrics by name; values are strings, as Flink's metric store holds them. */
export type MetricValues = ReadonlyMap<string, string>;

const AGGREGATIONS = ['min', 'max', 'avg', 'sum', 'skew'] as const;
type Aggregation = (typeof AGGREGATIONS)[number];

/**
 * Flink's AbstractMetricsHandler: without `get`, the names of the available metrics
 * (`[{"id"}]`); with `get=a,b`, the values of those that exist (`[{"id","value"}]`), unknown names
 * silently left out, in the order asked.
 */
export function metricsReply(request: RouteRequest, values: MetricValues): Static<typeof MetricList> {
  const wanted = queryList(request, 'get');
  if (wanted.length === 0) return [...values.keys()].sort().map((id) => ({ id }));
  return wanted.filter((id) => values.has(id)).map((id) => ({ id, value: values.get(id)! }));
}

/**
 * Flink's AbstractAggregatingMetricsHandler over several components (subtasks, jobs, task
 * managers): without `get`, the union of their metric names; with `get`, per metric the
 * aggregates `agg` asks for (min, max, avg, sum, skew; all five without `agg`) over the components
 * that have it. A metric no component has, or one that is not numeric, is left out. (Flink answers
 * `[]` for the whole request when one asked metric is missing everywhere; Sluice keeps the others.)
 */
export function aggregatedReply(request: RouteRequest, components: readonly MetricValues[]): Static<typeof AggregatedMetricList> {
  const wanted = queryList(request, 'get');
  const aggregations = aggregationsOf(request);
  if (wanted.length === 0) return [...new Set(components.flatMap((values) => [...values.keys()]))].sort().map((id) => ({ id }));
  const out: Static<typeof AggregatedMetricList> = [];
  for (const id of wanted) {
    const numbers: number[] = [];
    let numeric = true;
    for (const values of components) {
      const text = values.get(id);
      if (text === undefined) continue;
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value)) numeric = false;
      numbers.push(value);
    }
    if (!numeric || numbers.length === 0) continue;
    const entry: Static<typeof AggregatedMetricList>[number] = { id };
    for (const aggregation of aggregations) entry[aggregation] = aggregate(aggregation, numbers);
    out.push(entry);
  }
  return out;
}

/** `agg=min,MAX`: case-insensitive; an unknown mode is a 400 as in Flink. */
function aggregationsOf(request: RouteRequest): Aggregation[] {
  const given = queryList(request, 'agg');
  if (given.length === 0) return [...AGGREGATIONS];
  return given.map((mode) => {
    const lower = mode.toLowerCase() as Aggregation;
    if (!AGGREGATIONS.includes(lower)) throw unresolvedQuery('agg', mode, `use ${AGGREGATIONS.join(', ')}`);
    return lower;
  });
}

function aggregate(mode: Aggregation, values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  const avg = sum / values.length;
  switch (mode) {
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'sum':
      return sum;
    case 'avg':
      return avg;
    case 'skew': {
      // Flink's DoubleDataSkew: mean absolute deviation over the mean, as a percentage capped at 100
      if (avg === 0) return 0;
      const deviation = values.reduce((total, value) => total + Math.abs(avg - value), 0) / values.length;
      return Math.min((deviation / avg) * 100, 100);
    }
  }
}

/** Flink's `subtasks` filter: `0,2,5-7`. Undefined means all. */
export function subtaskFilter(request: RouteRequest): Set<number> | undefined {
  const ranges = queryList(request, 'subtasks');
  if (ranges.length === 0) return undefined;
  const picked = new Set<number>();
  for (const range of ranges) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (match === null) throw unresolvedQuery('subtasks', range, 'use subtask indexes and ranges such as 0,2,5-7');
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from || to - from > 100_000) throw badRequest(`Bad request, could not parse parameters: the subtask range ${range} is empty or too large.`);
    for (let index = from; index <= to; index++) picked.add(index);
  }
  return picked;
}
