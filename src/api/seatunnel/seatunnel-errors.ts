import { ConfigError, SluiceError, errorMessage } from '../../core/errors.js';
import { CoordinatorError } from '../../engine/coordinator-error.js';
import { ApiError } from '../route-kit/api-error.js';
import { empty, json, type ApiReply } from '../route-kit/api-reply.js';

/**
 * SeaTunnel's error table (reference 1): `{"status":"fail","message":...}`; what Java throws as
 * IllegalArgumentException (bad parameters, empty or non-JSON bodies, malformed ids) is 400,
 * everything else 500 — including config problems and refused submissions, as SeaTunnel's failed
 * submit future does. A null message is omitted. 413 for bodies over the limit.
 */
export function seaTunnelErrorReply(error: unknown, bodyLimit: number): ApiReply {
  if (error instanceof ApiError) return error.bare ? empty(error.status) : fail(error.status, error.message);
  if (error instanceof CoordinatorError) return fail(error.reason === 'INVALID_REQUEST' ? 400 : 500, error.message);
  if (error instanceof ConfigError || error instanceof SluiceError) return fail(500, error.message);
  const status = httpStatusOf(error);
  if (status === 413) return fail(413, `Request body is too large: the limit is ${bodyLimit} bytes (rest.server.max-content-length).`);
  if (status !== undefined && status >= 400 && status < 500) return fail(status, errorMessage(error));
  return fail(500, error instanceof Error ? error.message : error === null || error === undefined ? undefined : String(error));
}

export function seaTunnelNotFound(method: string, url: string): ApiReply {
  return fail(404, `Not found: ${method} ${url}`);
}

function fail(status: number, message: string | undefined): ApiReply {
  return json(message === undefined || message === '' ? { status: 'fail' } : { status: 'fail', message }, status);
}

/** Fastify's own errors (body too large, bad media type, schema validation) carry `statusCode`. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  if ((error as { validation?: unknown }).validation !== undefined) return 400;
  return typeof status === 'number' ? status : undefined;
}
