import { parseJobId } from '../../core/job-id.js';
import type { JobView } from '../../engine/coordinator-job.js';
import { ApiError, badRequest } from '../route-kit/api-error.js';
import { isJsonObject, parseJsonLossless } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';
import type { MonitoringContext } from './monitoring-context.js';

/**
 * Reading requests as Flink's handlers do (reference §3.3): malformed path and query parameters
 * are 400 "Bad request, could not parse parameters: …", a body that does not fit its class is 400
 * "Request did not match expected format <Class>.", unknown jobs are 404 "Job <id> not found". Each
 * message then says what to send instead.
 */

export function unresolvedPath(name: string, value: string, hint: string): ApiError {
  return badRequest(`Bad request, could not parse parameters: Cannot resolve path parameter (${name}) from value "${value}"; ${hint}.`);
}

export function unresolvedQuery(name: string, value: string, hint: string): ApiError {
  return badRequest(`Bad request, could not parse parameters: Cannot resolve query parameter (${name}) from value "${value}"; ${hint}.`);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}

function param(request: RouteRequest, name: string): string {
  return (request.params as Record<string, string | undefined>)[name] ?? '';
}

/** The `:jobid` of the URL: a Sluice job id is a 64-bit decimal (Flink's 32-hex ids are not Sluice's). */
export function jobIdParam(request: RouteRequest): string {
  const given = param(request, 'jobid');
  const id = parseJobId(given);
  if (id === undefined) throw unresolvedPath('jobid', given, 'a Sluice job id is a decimal number from 1 to 2^63-1 (not a 32-character hex id)');
  return id;
}

/** The job of `:jobid`, or 404 `Job <id> not found`. */
export function jobOf(request: RouteRequest, { coordinator }: MonitoringContext): JobView {
  const id = jobIdParam(request);
  const job = coordinator.job(id);
  if (job === undefined) throw notFound(`Job ${id} not found`);
  return job;
}

export function pathParam(request: RouteRequest, name: string): string {
  return param(request, name);
}

/** A comma-separated query parameter (also repeated), trimmed, empty parts dropped. */
export function queryList(request: RouteRequest, name: string): string[] {
  const raw = (request.query as Record<string, string | string[] | undefined>)[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function queryValue(request: RouteRequest, name: string): string | undefined {
  const list = queryList(request, name);
  return list.length === 0 ? undefined : list.join(',');
}

/** A whole number query parameter within bounds. */
export function queryInteger(request: RouteRequest, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = queryValue(request, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw unresolvedQuery(name, value, `use a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`);
  return Number(value);
}

export function bodyText(request: RouteRequest): string {
  const body = request.body;
  return Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
}

/**
 * A JSON request body as Flink reads one: empty is `{}`, unknown fields are ignored; anything that
 * is not a JSON object is 400 with the class name Flink would name.
 */
export function jsonObjectBody(request: RouteRequest, className: string): Record<string, unknown> {
  const text = bodyText(request);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch (error) {
    throw mismatch(className, `the body is not JSON (${(error as Error).message})`);
  }
  if (!isJsonObject(parsed)) throw mismatch(className, 'the body must be a JSON object');
  return parsed;
}

export function mismatch(className: string, detail: string): ApiError {
  return badRequest(`Request did not match expected format ${className}: ${detail}.`);
}

/** Reads one optional field of a body, checking its type; a wrong type is a 400 naming the field. */
export function optionalField<T>(body: Record<string, unknown>, className: string, key: string, check: (value: unknown) => value is T, expected: string): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw mismatch(className, `"${key}" must be ${expected}`);
  return value;
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isString = (value: unknown): value is string => typeof value === 'string';
