import { ApiError, errorFromResponse } from './api-error.js';
import type { AuthStore } from './auth-store.js';
import { parseJson } from './json-lossless.js';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  body?: string | Blob | FormData;
  contentType?: string;
  signal?: AbortSignal;
}

/**
 * Asks the user for credentials after a 401 (`challenge` is the WWW-Authenticate header). Resolves
 * true when new credentials are stored and the call should be retried, false when the user gave up.
 */
export type CredentialPrompt = (challenge: string | null, rejected: boolean) => Promise<boolean>;

/**
 * Every REST call of the dashboard goes through here: relative URLs on this origin, the tab's
 * credential, one sign-in prompt on 401 (then the call is retried), errors as ApiError with the
 * server's own message, and JSON read without losing 64-bit integers.
 */
export class HttpClient {
  constructor(
    private readonly auth: AuthStore,
    private readonly prompt: CredentialPrompt,
    private readonly reachability: (reachable: boolean) => void,
  ) {}

  async json<T>(path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.call(path, options, 'application/json');
    const text = await response.text();
    return (text === '' ? undefined : parseJson(text)) as T;
  }

  /** Like `json`, but a 4xx or 5xx answer (other than 401) is returned, not thrown: for calls whose error bodies carry data. */
  async answer(path: string, options: CallOptions = {}): Promise<{ status: number; body: unknown }> {
    const response = await this.call(path, options, 'application/json', true);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : parseJson(text);
    } catch {
      // plain text stays text
    }
    return { status: response.status, body };
  }

  async text(path: string, options: CallOptions = {}): Promise<string> {
    return (await this.call(path, options, 'text/plain, */*')).text();
  }

  async call(path: string, options: CallOptions, accept: string, keepErrors = false): Promise<Response> {
    const url = withQuery(path, options.query);
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept, 'x-requested-with': 'XMLHttpRequest' };
      const authorization = this.auth.header();
      if (authorization !== null) headers.authorization = authorization;
      if (options.contentType !== undefined) headers['content-type'] = options.contentType;
      let response: Response;
      try {
        response = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body ?? null, signal: options.signal ?? null, credentials: 'same-origin', cache: 'no-store' });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        this.reachability(false);
        throw new ApiError(0, 'The Sluice server cannot be reached. Is `sluice serve` running?', path);
      }
      this.reachability(true);
      if (response.status === 401 && attempt < 5) {
        const retry = await this.prompt(response.headers.get('www-authenticate'), authorization !== null);
        if (retry) continue;
      }
      if (!response.ok && !(keepErrors && response.status !== 401)) throw await errorFromResponse(response, path);
      return response;
    }
  }
}

function withQuery(path: string, query: CallOptions['query']): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${text}`;
}
