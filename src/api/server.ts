import Fastify, { type FastifyInstance } from 'fastify';
import type { Coordinator } from '../engine/coordinator.js';
import { healthFamily } from './health/health-family.js';
import { NodeLifecycle } from './health/node-lifecycle.js';
import { monitoringContext, monitoringFamily } from './monitoring/monitoring-family.js';
import { registerDashboard } from './dashboard/register-dashboard.js';
import { NodeHealthMonitor } from './node-health-monitor.js';
import { NodeInfo } from './node-info.js';
import { prometheusFamily } from './prometheus/prometheus-family.js';
import { SluiceMetrics } from './prometheus/sluice-metrics.js';
import { installResponseCache } from './response-cache/response-cache.js';
import { registerFamily } from './route-kit/register-family.js';
import { seaTunnelFamily } from './seatunnel/seatunnel-family.js';
import { installRequestGuard, type ClassifiedRoute } from './security/request-guard.js';
import type { ServerSettings } from './server-settings.js';

export interface SluiceServer {
  app: FastifyInstance;
  node: NodeInfo;
  /** The Prometheus registry behind `GET /metrics`, for any route that wants to serve it too. */
  metrics: SluiceMetrics;
  /** Every registered route with its endpoint group and access (docs, tests). */
  routes: readonly ClassifiedRoute[];
  /** Listens on `settings.port`, or the next free port within `portCount`; resolves with the URL. */
  listen(): Promise<string>;
  /** Stops accepting requests and closes the monitors. Does not close the coordinator. Idempotent. */
  close(): Promise<void>;
}

/**
 * The HTTP server of a node: every API family on one port, each mounted from its route list with
 * its own error table, behind one request guard (CORS, `rest.auth`, endpoint groups) installed
 * before any route. Request handlers only read the coordinator or hand it work; jobs run on
 * worker threads, so no request waits for another.
 */
export async function createServer(coordinator: Coordinator, settings: ServerSettings, version: string): Promise<SluiceServer> {
  const app = Fastify({ bodyLimit: settings.maxContentLength, routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true }, logger: false, forceCloseConnections: true });
  const node = new NodeInfo(advertisedHost(settings.bindAddress), version);
  const health = new NodeHealthMonitor();
  const routes = installRequestGuard(app, settings.security);
  installResponseCache(app, coordinator, settings.responseCacheMs);
  const lifecycle = new NodeLifecycle();
  const metrics = new SluiceMetrics(coordinator, { version, finishedJobMinutes: settings.metricsFinishedJobMinutes });
  const limits = { bodyLimit: settings.maxContentLength };
  await registerFamily(app, healthFamily(), { lifecycle }, limits);
  await registerFamily(app, prometheusFamily(), { metrics }, limits);
  await registerFamily(app, seaTunnelFamily(settings.maxContentLength), { coordinator, node, health, bodyLimit: settings.maxContentLength }, { bodyLimit: settings.maxContentLength });
  await registerDashboard(app);
  const monitoring = monitoringContext({ coordinator, node, health, settings, asyncStoreDurationMs: settings.asyncStoreDurationMs, documented: [healthFamily(), prometheusFamily(), seaTunnelFamily(settings.maxContentLength)] });
  await registerFamily(app, monitoringFamily(settings.maxContentLength), monitoring, { bodyLimit: settings.maxContentLength });
  let closed: Promise<void> | undefined;
  return {
    app,
    node,
    metrics,
    routes,
    async listen() {
      const last = settings.port === 0 ? 0 : settings.port + Math.max(1, settings.portCount) - 1;
      for (let port = settings.port; ; port++) {
        try {
          await app.listen({ port, host: settings.bindAddress });
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port >= last) throw error;
        }
      }
      const address = app.server.address();
      node.port = typeof address === 'object' && address !== null ? address.port : settings.port;
      return `http://${urlHost(settings.bindAddress)}:${node.port}`;
    },
    close() {
      closed ??= (async () => {
        lifecycle.state = 'PASSIVE';
        health.close();
        await app.close();
        lifecycle.state = 'SHUT_DOWN';
      })();
      return closed;
    },
  };
}

/** The host other nodes and log links should use. */
function advertisedHost(bindAddress: string): string {
  return bindAddress === '0.0.0.0' || bindAddress === '::' || bindAddress === '127.0.0.1' || bindAddress === '::1' ? 'localhost' : bindAddress;
}

function urlHost(bindAddress: string): string {
  if (bindAddress === '0.0.0.0' || bindAddress === '::') return '127.0.0.1';
  return bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
}
