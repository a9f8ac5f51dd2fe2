import { ApiError } from './api-error.js';
import type { HttpClient } from './http-client.js';
import type { ClusterOverview, DashboardConfig, NodeView } from './model.js';
import { paths } from './paths.js';
import { arr, num, obj, str } from './values.js';

const DEFAULT_REFRESH_MS = 3000;

/**
 * The dashboard's bootstrap: `/v1/config` (refresh interval, version, features). A server without
 * the monitoring API is still usable through SeaTunnel's API, with fewer features.
 */
export async function loadConfig(http: HttpClient): Promise<DashboardConfig> {
  try {
    const config = obj(await http.json(paths.config));
    const features = obj(config.features);
    const nodeConfig = await http.json(paths.jobManagerConfig).then(arr, () => []);
    const dynamic = nodeConfig.map(obj).find((entry) => entry.key === 'slot-service.dynamic-slot');
    return {
      dynamicSlots: dynamic === undefined ? false : str(dynamic.value) === 'true',
      refreshMs: clampRefresh(num(config['refresh-interval'])),
      version: str(config['sluice-version']) ?? str(config['flink-version']) ?? '',
      monitoring: true,
      features: { submit: features['web-submit'] !== false, cancel: features['web-cancel'] !== false, rescale: features['web-rescale'] !== false },
    };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const overview = obj(await http.json(paths.seaTunnel.overview));
    return { refreshMs: DEFAULT_REFRESH_MS, version: str(overview.projectVersion) ?? '', monitoring: false, features: { submit: true, cancel: true, rescale: false }, dynamicSlots: false };
  }
}

/** At least 500 ms, so that a misconfigured interval cannot flood the server. */
function clampRefresh(ms: number | null): number {
  return ms === null || ms <= 0 ? DEFAULT_REFRESH_MS : Math.max(500, ms);
}

export async function loadOverview(http: HttpClient, config: DashboardConfig, signal?: AbortSignal): Promise<ClusterOverview> {
  if (config.monitoring) {
    const o = obj(await http.json(paths.overview, { signal }));
    return {
      nodes: num(o.taskmanagers) ?? 0,
      slotsTotal: num(o['slots-total']),
      slotsFree: num(o['slots-available']),
      running: num(o['jobs-running']) ?? 0,
      pending: num(o['jobs-pending']),
      finished: num(o['jobs-finished']) ?? 0,
      failed: num(o['jobs-failed']) ?? 0,
      canceled: num(o['jobs-cancelled']) ?? 0,
      version: str(o['sluice-version']) ?? str(o['flink-version']) ?? config.version,
    };
  }
  const o = obj(await http.json(paths.seaTunnel.overview, { signal }));
  return {
    nodes: num(o.workers) ?? 0,
    slotsTotal: num(o.totalSlot),
    slotsFree: num(o.unassignedSlot),
    running: num(o.runningJobs) ?? 0,
    pending: num(o.pendingJobs),
    finished: num(o.finishedJobs) ?? 0,
    failed: num(o.failedJobs) ?? 0,
    canceled: num(o.cancelledJobs) ?? 0,
    version: str(o.projectVersion) ?? config.version,
  };
}

/**
 * Every node with its slots (`/v1/taskmanagers`), its system figures (SeaTunnel's
 * system-monitoring-information, one entry per node) and the subtasks it runs (from the thread
 * dump: one worker thread per running subtask, named `job-<id>-pipeline-<p>-subtask-<n>`).
 */
export async function loadNodes(http: HttpClient, config: DashboardConfig, signal?: AbortSignal): Promise<NodeView[]> {
  const [managers, systems, threads] = await Promise.all([
    config.monitoring ? http.json(paths.taskManagers, { signal }).then((body) => arr(obj(body).taskmanagers).map(obj), ignoreMissing) : Promise.resolve(null),
    http.json(paths.seaTunnel.systemMonitoring, { signal }).then((body) => arr(body).map(obj), ignoreMissing),
    http.json(paths.seaTunnel.threadDump, { signal }).then((body) => arr(body).map(obj), ignoreMissing),
  ]);
  const count = Math.max(managers?.length ?? 0, systems?.length ?? 0, 1);
  const nodes: NodeView[] = [];
  for (let i = 0; i < count; i++) {
    const manager = managers?.[i] ?? {};
    const system = systems?.[i] ?? {};
    const hardware = obj(manager.hardware);
    const systemText: Record<string, string> = {};
    for (const [key, value] of Object.entries(system)) systemText[key] = typeof value === 'string' ? value : JSON.stringify(value);
    const host = str(system.host);
    const address = str(manager.path) ?? (host === null ? '' : `${host}:${str(system.port) ?? ''}`);
    nodes.push({
      id: str(manager.id) ?? (address || `node-${i + 1}`),
      address,
      slotsTotal: num(manager.slotsNumber),
      slotsFree: num(manager.freeSlots),
      cores: num(hardware.cpuCores) ?? num(system.processors),
      memory: { total: num(hardware.physicalMemory), free: num(hardware.freeMemory) },
      heartbeat: num(manager.timeSinceLastHeartbeat),
      system: systemText,
      // One node runs every subtask until cluster mode places them: the thread dump is this node's.
      subtasks: i === 0 ? subtasksOf(threads ?? []) : [],
    });
  }
  return nodes;
}

function subtasksOf(threads: Record<string, unknown>[]): NodeView['subtasks'] {
  const subtasks: NodeView['subtasks'] = [];
  for (const thread of threads) {
    const match = /^job-(\d+)-pipeline-(\d+)-subtask-(\d+)$/.exec(str(thread.threadName) ?? '');
    if (match === null) continue;
    const name = /of job (.*) \(\d+\)$/.exec(str(thread.stackTrace) ?? '')?.[1] ?? '';
    subtasks.push({ jobId: match[1]!, jobName: name, pipeline: match[2]!, subtask: Number(match[3]) });
  }
  return subtasks;
}

/** A route this server does not have answers null; anything else is a real failure. */
export function ignoreMissing(error: unknown): null {
  if (error instanceof ApiError && (error.missingRoute || error.status === 404)) return null;
  throw error;
}
