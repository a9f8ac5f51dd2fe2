import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import { aggregatedReply, metricsReply } from './metric-query.js';
import { clusterSlots, jobManagerMetricValues, processMetricValues } from './metric-values.js';
import { REFRESH_INTERVAL_MS, type MonitoringContext } from './monitoring-context.js';
import { notFound, pathParam, queryList } from './monitoring-request.js';
import { taskManagerDetailsJson, taskManagerId, taskManagerJson } from './taskmanager-json.js';

/** What Flink reports when the git commit is unknown (EnvironmentInformation), as SeaTunnel does too. */
const UNKNOWN_COMMIT = 'DeadD0d0';

/**
 * GET /config: the dashboard's bootstrap. `flink-version` is Sluice's version; `web-submit` means
 * jobs can be submitted over REST (POST /v1/jobs: configs, not jars).
 */
export function dashboardConfig(_request: RouteRequest, { node }: MonitoringContext): ApiReply {
  const now = new Date();
  return json({
    'refresh-interval': REFRESH_INTERVAL_MS,
    'timezone-name': timeZoneName(now),
    'timezone-offset': -now.getTimezoneOffset() * 60_000,
    'flink-version': node.version,
    'flink-revision': `${UNKNOWN_COMMIT} @ 1970-01-01T00:00:00+00:00`,
    features: { 'web-submit': true, 'web-cancel': true, 'web-rescale': true, 'web-history': false },
  });
}

/** GET /overview: one task manager per node; jobs-running counts every accepted job that has not ended. */
export function clusterOverview(_request: RouteRequest, { coordinator, node }: MonitoringContext): ApiReply {
  const overview = coordinator.overview();
  const slots = clusterSlots(overview.slots);
  return json({
    taskmanagers: 1,
    'slots-total': slots.total,
    'slots-available': slots.free,
    'jobs-running': overview.active,
    'jobs-finished': overview.finished + overview.savepointDone,
    'jobs-cancelled': overview.canceled,
    'jobs-failed': overview.failed,
    'flink-version': node.version,
    'flink-commit': UNKNOWN_COMMIT,
  });
}

/** GET /jobmanager/config: the node's settings as key/value pairs. */
export function jobManagerConfig(_request: RouteRequest, context: MonitoringContext): ApiReply {
  const { settings, coordinator } = context;
  const slots = coordinator.overview().slots;
  const entries: [string, string][] = [
    ['rest.port', String(context.node.port)],
    ['rest.bind-address', settings.bindAddress],
    ['rest.port-count', String(settings.portCount)],
    ['rest.server.max-content-length', String(settings.maxContentLength)],
    ['rest.async.store-duration', `${context.asyncStoreDurationMs} ms`],
    ['web.refresh-interval', String(REFRESH_INTERVAL_MS)],
    ['slot-service.dynamic-slot', String(slots.dynamic)],
    ...(slots.total === undefined ? [] : ([['slot-service.slot-num', String(slots.total)]] as [string, string][])),
    ['job-schedule-strategy', coordinator.scheduleStrategy],
  ];
  return json(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value })));
}

/** GET /jobmanager/environment: the Node runtime in Flink's JVM shape. */
export function jobManagerEnvironment(): ApiReply {
  return json({ jvm: { version: `Node.js ${process.version}`, arch: process.arch, options: [...process.execArgv] }, classpath: [] });
}

export function jobManagerMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  return json(metricsReply(request, jobManagerMetricValues(context)));
}

/** GET /taskmanagers: one per node. */
export function taskManagers(_request: RouteRequest, context: MonitoringContext): ApiReply {
  return json({ taskmanagers: [taskManagerJson(context)] });
}

export function taskManagerDetails(request: RouteRequest, context: MonitoringContext): ApiReply {
  requireTaskManager(request, context);
  return json(taskManagerDetailsJson(context));
}

/** GET /taskmanagers/:taskmanagerid/metrics; an unknown task manager is 404 (Flink answers `[]`). */
export function taskManagerMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  requireTaskManager(request, context);
  return json(metricsReply(request, processMetricValues(context)));
}

/** GET /taskmanagers/metrics[?get=&agg=&taskmanagers=]: aggregated over the selected task managers. */
export function taskManagersMetrics(request: RouteRequest, context: MonitoringContext): ApiReply {
  const selected = queryList(request, 'taskmanagers');
  const include = selected.length === 0 || selected.includes(taskManagerId(context));
  return json(aggregatedReply(request, include ? [processMetricValues(context)] : []));
}

function requireTaskManager(request: RouteRequest, context: MonitoringContext): void {
  const id = pathParam(request, 'taskmanagerid');
  if (id !== taskManagerId(context)) throw notFound(`Could not find TaskExecutor ${id}.`);
}

function timeZoneName(now: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'long' }).formatToParts(now).find((p) => p.type === 'timeZoneName');
  return part?.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
