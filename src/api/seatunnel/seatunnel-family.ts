import type { ApiFamily } from '../route-kit/api-family.js';
import { SEATUNNEL_PREFIX, type SeaTunnelContext } from './seatunnel-context.js';
import { seaTunnelErrorReply, seaTunnelNotFound } from './seatunnel-errors.js';
import { seaTunnelRoutes } from './routes.js';

/** SeaTunnel's v1 REST API (Hazelcast REST, port 5801) as a family of the server. */
export function seaTunnelFamily(bodyLimit: number): ApiFamily<SeaTunnelContext> {
  return {
    name: 'seatunnel-v1',
    prefix: SEATUNNEL_PREFIX,
    routes: seaTunnelRoutes,
    errorReply: (error) => seaTunnelErrorReply(error, bodyLimit),
    notFoundReply: seaTunnelNotFound,
    multipart: true,
  };
}
