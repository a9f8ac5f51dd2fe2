import { ConfigError, SluiceError, errorMessage } from '../../core/errors.js';
import { CoordinatorError, type CoordinatorErrorReason } from '../../engine/coordinator-error.js';
import { ApiError } from '../route-kit/api-error.js';
import { json, type ApiReply } from '../route-kit/api-reply.js';
import type { HttpMethod } from '../route-kit/route-declaration.js';

/**
 * The monitoring family's error table (reference §3.3): every error is `{"errors":[...]}` with
 * messages only — never a stack trace. A refused request says what to fix.
 */
const COORDINATOR_STATUS: Record<CoordinatorErrorReason, number> = {
  INVALID_REQUEST: 400,
  NO_SAVEPOINT: 400,
  JOB_NOT_FOUND: 404,
  ALREADY_SUBMITTED: 409,
  NOT_RUNNING: 409,
  SHUTTING_DOWN: 503,
};

export function errors(status: number, ...messages: string[]): ApiReply {
  return json({ errors: messages }, status);
}

export function monitoringErrorReply(error: unknown, bodyLimit: number): ApiReply {
  if (error instanceof ApiError) return errors(error.status, error.message);
  if (error instanceof CoordinatorError) return errors(COORDINATOR_STATUS[error.reason], error.message);
  if (error instanceof ConfigError || (error instanceof SluiceError && (error.code === 'CONFIG_INVALID' || error.code === 'ENCRYPTION'))) return errors(400, error.message);
  if (error instanceof SluiceError && error.code === 'JOB_NOT_FOUND') return errors(404, error.message);
  const status = httpStatusOf(error);
  if (status === 413) return errors(413, `Request body is too large: the limit is ${bodyLimit} bytes. Try to raise [rest.server.max-content-length].`);
  if (status === 400 && isValidationError(error)) return errors(400, `Bad request, could not parse parameters: ${errorMessage(error)}.`);
  if (status !== undefined && status >= 400 && status < 500) return errors(status, errorMessage(error));
  return errors(500, 'Internal server error.', errorMessage(error));
}

/** Flink answers 404 "Not found: <uri>" for unknown paths and versions (`/v2/...`). */
export function notFoundReply(url: string): ApiReply {
  return errors(404, `Not found: ${url}`);
}

/**
 * A known path with another method. Flink answers 404 here; Sluice answers 405 with `Allow`, which
 * tells a client what it got wrong (docs/rest-api-monitoring.md).
 */
export function methodNotAllowedReply(method: string, url: string, allowed: readonly HttpMethod[]): ApiReply {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : [...allowed];
  const reply = errors(405, `Method ${method} is not allowed on ${url.split('?', 1)[0]}; use ${allow.join(', ')}.`);
  return { ...reply, headers: { allow: allow.join(', ') } };
}

/** Fastify's own errors (body too large, schema validation) carry `statusCode`. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (isValidationError(error)) return 400;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isValidationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { validation?: unknown }).validation !== undefined;
}
