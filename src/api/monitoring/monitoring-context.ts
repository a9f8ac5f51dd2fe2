import type { Coordinator } from '../../engine/coordinator.js';
import type { NodeHealthMonitor } from '../node-health-monitor.js';
import type { NodeInfo } from '../node-info.js';
import type { DocumentedFamily } from '../route-kit/openapi-document.js';
import type { ServerSettings } from '../server-settings.js';
import type { AsyncOperations } from './async-operations.js';
import type { JobOverviewCache } from './job-overview-cache.js';

/** Flink's `rest.async.store-duration` default. */
export const DEFAULT_ASYNC_STORE_DURATION_MS = 5 * 60_000;
/** Flink's `web.refresh-interval` default: how often the dashboard polls. */
export const REFRESH_INTERVAL_MS = 3000;

/** What the monitoring routes may use. */
export interface MonitoringContext {
  coordinator: Coordinator;
  node: NodeInfo;
  health: NodeHealthMonitor;
  settings: ServerSettings;
  /** Savepoint, checkpoint, rescale and disposal operations, by trigger id. */
  operations: AsyncOperations;
  /** `rest.async.store-duration` in ms, reported by /jobmanager/config. */
  asyncStoreDurationMs: number;
  /** Rendered entries of ended jobs for /jobs/overview. */
  overviewCache: JobOverviewCache;
  /** The OpenAPI document of every family of the server (this one included), as JSON text; generated on first use. */
  openApiText(): string;
}

export interface MonitoringContextOptions {
  coordinator: Coordinator;
  node: NodeInfo;
  health: NodeHealthMonitor;
  settings: ServerSettings;
  /** The server's other families, documented in /v1/openapi.json beside this one. */
  documented?: readonly DocumentedFamily[];
  asyncStoreDurationMs?: number;
}
