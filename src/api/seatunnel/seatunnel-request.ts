import { parseJobId } from '../../core/job-id.js';
import { badRequest } from '../route-kit/api-error.js';
import { parseJsonLossless } from '../route-kit/lossless-json.js';
import type { RouteRequest } from '../route-kit/route-declaration.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * URL parameters as SeaTunnel's `RestUtil.buildRequestParams` reads them: `&`-separated `k=v`,
 * URL-decoded (`+` is a space), a parameter without `=` is a 400.
 */
export function seaTunnelParams(request: RouteRequest): Record<string, string> {
  const at = request.url.indexOf('?');
  const query = at < 0 ? '' : request.url.slice(at + 1);
  const params: Record<string, string> = {};
  if (query === '') return params;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw badRequest('Invalid Params format in Params.');
    Object.defineProperty(params, decode(pair.slice(0, eq)), { value: decode(pair.slice(eq + 1)), enumerable: true, writable: true, configurable: true });
  }
  return params;
}

/**
 * Java's `Long.parseLong`: a 64-bit signed decimal, returned in canonical form. Anything else is a
 * 400 with Java's NumberFormatException text, which SeaTunnel clients see.
 */
export function parseLong(text: string): string {
  if (/^[+-]?\d{1,19}$/.test(text)) {
    const value = BigInt(text);
    if (value >= LONG_MIN && value <= LONG_MAX) return value.toString();
  }
  throw badRequest(`For input string: "${text}"`);
}

/** A job id from a URL or body: a long (400 otherwise) that must also be a valid, positive job id. */
export function parseJobIdParam(text: string): string {
  const long = parseLong(text);
  const id = parseJobId(long);
  if (id === undefined) throw badRequest(`Invalid job id ${long}: a job id is a whole number from 1 to 2^63-1.`);
  return id;
}

/** Java's `Boolean.parseBoolean`: true only for "true", any case. */
export function parseBoolean(text: string | undefined): boolean {
  return text?.toLowerCase() === 'true';
}

/** The raw body as UTF-8 text; 400 "Request body is empty." when there is none. */
export function bodyText(request: RouteRequest): string {
  const body = request.body;
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  if (text.trim() === '') throw badRequest('Request body is empty.');
  return text;
}

/** The body parsed as JSON without losing digits; 400 for an empty or malformed body (SeaTunnel's texts). */
export function jsonBody(request: RouteRequest): unknown {
  const text = bodyText(request);
  try {
    return parseJsonLossless(text);
  } catch {
    throw badRequest('Invalid JSON format in request body.'); // SeaTunnel's exact text; clients compare it
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`Invalid URL encoding in parameter "${text}".`);
  }
}
