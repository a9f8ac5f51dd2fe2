import type { ApiFamily } from '../route-kit/api-family.js';
import { allowedMethods } from '../route-kit/allowed-methods.js';
import { openApiDocument, type DocumentedFamily } from '../route-kit/openapi-document.js';
import { AsyncOperations } from './async-operations.js';
import { JobOverviewCache } from './job-overview-cache.js';
import { DEFAULT_ASYNC_STORE_DURATION_MS, type MonitoringContext, type MonitoringContextOptions } from './monitoring-context.js';
import { methodNotAllowedReply, monitoringErrorReply, notFoundReply } from './monitoring-errors.js';
import { monitoringRoutes } from './routes.js';

const NAME = 'monitoring';

/**
 * The monitoring API in Flink's design as a family of the server, at the root: every route at
 * `/v1/...` and unversioned, errors `{"errors":[...]}`. Unknown paths and versions are 404
 * "Not found: <uri>"; a known path with another method is 405 with `Allow`.
 */
export function monitoringFamily(bodyLimit: number): ApiFamily<MonitoringContext> {
  const allowed = allowedMethods(monitoringRoutes);
  return {
    name: NAME,
    prefix: '',
    routes: monitoringRoutes,
    errorReply: (error) => monitoringErrorReply(error, bodyLimit),
    notFoundReply: (method, url) => {
      const methods = allowed(url);
      return methods.length > 0 ? methodNotAllowedReply(method, url, methods) : notFoundReply(url);
    },
  };
}

/** The context the monitoring routes run with; the OpenAPI document covers `documented` families and this one. */
export function monitoringContext(options: MonitoringContextOptions): MonitoringContext {
  const asyncStoreDurationMs = options.asyncStoreDurationMs ?? DEFAULT_ASYNC_STORE_DURATION_MS;
  const families: DocumentedFamily[] = [{ name: NAME, prefix: '', routes: monitoringRoutes }, ...(options.documented ?? [])];
  let openApiText: string | undefined;
  return {
    coordinator: options.coordinator,
    node: options.node,
    health: options.health,
    settings: options.settings,
    operations: new AsyncOperations({ storeDurationMs: asyncStoreDurationMs }),
    asyncStoreDurationMs,
    overviewCache: new JobOverviewCache(),
    openApiText: () =>
      (openApiText ??= JSON.stringify(
        openApiDocument(families, {
          title: 'Sluice REST API',
          version: options.node.version,
          description:
            'The monitoring API in Flink\'s design (every route at /v1/... and unversioned; errors {"errors":[...]}; long operations answer a trigger id to poll) and the SeaTunnel v1 compatible API. See docs/rest-api-monitoring.md and docs/rest-api-seatunnel.md.',
        }),
      )),
  };
}
