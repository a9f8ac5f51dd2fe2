import type { HttpClient } from './api/http-client.js';
import type { DashboardConfig } from './api/model.js';
import type { RateHistory } from './rate-history.js';

/** A parsed `#/path?query` location. */
export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

/** What a page gets: the REST client, the server's config, and a signal that aborts when the user leaves the page. */
export interface PageContext {
  http: HttpClient;
  config: DashboardConfig;
  signal: AbortSignal;
  rates: RateHistory;
  navigate(hash: string): void;
  /** Rewrites the URL (e.g. a filter) without leaving the page. */
  replaceQuery(query: URLSearchParams): void;
  setTitle(title: string): void;
}

export type Page = (root: HTMLElement, route: Route, context: PageContext) => void;
