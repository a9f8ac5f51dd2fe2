import type { VersionedRoute } from './api-versions.js';
import { clusterOverview, dashboardConfig, jobManagerConfig, jobManagerEnvironment, jobManagerMetrics, taskManagerDetails, taskManagerMetrics, taskManagers, taskManagersMetrics } from './cluster-handlers.js';
import type { MonitoringContext } from './monitoring-context.js';
import { MetricsQuery, TaskManagerParams, TaskManagersMetricsQuery } from './route-params.js';
import { ClusterOverviewWithVersion, ConfigurationInfo, DashboardConfiguration, EnvironmentInfo, TaskManagerDetailsInfo, TaskManagersInfo } from './schemas/cluster-schemas.js';
import { AggregatedMetricList, ErrorResponseBody, MetricList } from './schemas/common-schemas.js';

/** The cluster: dashboard config, overview, the job manager and task managers (this node). */
export const clusterRoutes: readonly VersionedRoute<MonitoringContext>[] = [
  { route: { method: 'GET', url: '/config', summary: "The dashboard's configuration", schema: { response: { 200: DashboardConfiguration } }, handler: dashboardConfig } },
  { route: { method: 'GET', url: '/overview', summary: 'Cluster overview: task managers, slots, jobs by state', schema: { response: { 200: ClusterOverviewWithVersion } }, handler: clusterOverview } },
  { route: { method: 'GET', url: '/jobmanager/config', summary: "The node's configuration", schema: { response: { 200: ConfigurationInfo } }, handler: jobManagerConfig } },
  { route: { method: 'GET', url: '/jobmanager/environment', summary: 'The runtime (Node.js) of the job manager', schema: { response: { 200: EnvironmentInfo } }, handler: jobManagerEnvironment } },
  { route: { method: 'GET', url: '/jobmanager/metrics', summary: 'Job manager metrics (this process)', schema: { querystring: MetricsQuery, response: { 200: MetricList } }, handler: jobManagerMetrics } },
  { route: { method: 'GET', url: '/taskmanagers', summary: 'Task managers: one per node, with its slots', schema: { response: { 200: TaskManagersInfo } }, handler: taskManagers } },
  { route: { method: 'GET', url: '/taskmanagers/metrics', summary: 'Task manager metrics aggregated over task managers', schema: { querystring: TaskManagersMetricsQuery, response: { 200: AggregatedMetricList } }, handler: taskManagersMetrics } },
  {
    route: {
      method: 'GET',
      url: '/taskmanagers/:taskmanagerid',
      summary: 'One task manager: slots, memory, garbage collection',
      schema: { params: TaskManagerParams, response: { 200: TaskManagerDetailsInfo, 404: ErrorResponseBody } },
      handler: taskManagerDetails,
    },
  },
  {
    route: {
      method: 'GET',
      url: '/taskmanagers/:taskmanagerid/metrics',
      summary: 'Metrics of one task manager',
      schema: { params: TaskManagerParams, querystring: MetricsQuery, response: { 200: MetricList, 404: ErrorResponseBody } },
      handler: taskManagerMetrics,
    },
  },
];
