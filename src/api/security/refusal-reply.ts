import { ApiError } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import { seaTunnelErrorReply } from '../seatunnel/seatunnel-errors.js';
import type { ErrorFormat } from './endpoint-classes.js';

/**
 * A request refused before it reached a route (401, 403), worded as its API family words errors:
 * SeaTunnel's table for `/hazelcast/...`, Flink's `{"errors":[...]}` for everything else.
 */
export function refusalReply(format: ErrorFormat, status: number, message: string): ApiReply {
  return format === 'seatunnel' ? seaTunnelErrorReply(new ApiError(status, message), 0) : json({ errors: [message] }, status);
}
