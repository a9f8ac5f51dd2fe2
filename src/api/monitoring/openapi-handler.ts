import type { ApiReply } from '../route-kit/api-reply.js';
import { rawJson } from '../route-kit/api-reply.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { MonitoringContext } from './monitoring-context.js';

/** GET /v1/openapi.json: the OpenAPI 3.1 document of every family of the server, generated once. */
export function openApi(_request: RouteRequest, context: MonitoringContext): ApiReply {
  return rawJson(context.openApiText());
}
