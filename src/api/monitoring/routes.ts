import type { RouteDeclaration } from '../route-kit/route-declaration.js';
import { versionedRoutes } from './api-versions.js';
import { clusterRoutes } from './cluster-routes.js';
import { extensionRoutes } from './extension-routes.js';
import { jobRoutes } from './job-routes.js';
import type { MonitoringContext } from './monitoring-context.js';
import { operationRoutes } from './operation-routes.js';

/**
 * Every route of the monitoring API in Flink's design (reference §2), at `/v1/...` and unversioned.
 * Wire formats, status codes and error texts follow Flink's code; docs/rest-api-monitoring.md lists
 * where Sluice differs and why.
 */
export const monitoringRoutes: readonly RouteDeclaration<MonitoringContext>[] = versionedRoutes([...clusterRoutes, ...jobRoutes, ...operationRoutes, ...extensionRoutes]);
