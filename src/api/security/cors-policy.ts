import type { CorsSettings } from './security-settings.js';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Requested-With';
/** What a browser script may read of a response besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = 'WWW-Authenticate, Location, Content-Disposition';

/**
 * `rest.cors`: which browser origins may call the API. Responses to an allowed origin carry
 * `Access-Control-Allow-Origin` (the origin itself, with `Vary: Origin`); a preflight from it is
 * answered 204 before authentication (browsers send preflights without credentials). Credentials
 * travel in the Authorization header, never cookies, so `Allow-Credentials` is not sent.
 */
export class CorsPolicy {
  private readonly any: boolean;
  private readonly origins: Set<string>;

  constructor(private readonly settings: CorsSettings) {
    this.any = settings.allowedOrigins.includes('*');
    this.origins = new Set(settings.allowedOrigins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
  }

  get enabled(): boolean {
    return this.settings.allowedOrigins.length > 0;
  }

  allows(origin: string): boolean {
    return this.any || this.origins.has(origin.toLowerCase());
  }

  /** Headers for a response to `origin` (assumed allowed). */
  responseHeaders(origin: string): Record<string, string> {
    return { 'access-control-allow-origin': this.any ? '*' : origin, vary: 'Origin', 'access-control-expose-headers': EXPOSED_HEADERS };
  }

  /** Headers for a preflight answer to an allowed origin. */
  preflightHeaders(origin: string, requestedHeaders: string | undefined): Record<string, string> {
    return {
      ...this.responseHeaders(origin),
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': requestedHeaders !== undefined && requestedHeaders.trim() !== '' ? requestedHeaders : ALLOWED_HEADERS,
      'access-control-max-age': String(this.settings.maxAgeSeconds),
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    };
  }
}
