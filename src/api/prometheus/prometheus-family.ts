import type { ApiFamily } from '../route-kit/api-family.js';
import { ApiError } from '../route-kit/api-error.js';
import { json, text, type ApiReply } from '../route-kit/api-reply.js';
import { route } from '../route-kit/route-declaration.js';
import type { SluiceMetrics } from './sluice-metrics.js';

export interface PrometheusContext {
  metrics: SluiceMetrics;
}

/**
 * `GET /metrics`, Prometheus text format 0.0.4. Its errors are worded as the monitoring API's
 * (`{"errors":[...]}`): it is not a SeaTunnel path.
 */
export function prometheusFamily(): ApiFamily<PrometheusContext> {
  return {
    name: 'prometheus',
    prefix: '/metrics',
    routes: [
      route<PrometheusContext>({
        method: 'GET',
        url: '',
        summary: 'Prometheus metrics: jobs by state, rows and bytes per job, rates, checkpoints, slots, process',
        handler: async (_request, { metrics }) => text(await metrics.scrape(), metrics.contentType),
      }),
    ],
    errorReply: (error): ApiReply => {
      const status = error instanceof ApiError ? error.status : 500;
      return json({ errors: [error instanceof Error ? error.message : String(error)] }, status);
    },
    notFoundReply: (_method, url) => json({ errors: [`Not found: ${url}`] }, 404),
  };
}
