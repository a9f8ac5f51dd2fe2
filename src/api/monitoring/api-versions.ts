import type { RouteDeclaration } from '../route-kit/route-declaration.js';

/** REST API versions, oldest first; each is a URL prefix (`/v1`). Only v1 exists, as in Flink. */
export const API_VERSIONS = ['v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** A route and the versions that serve it (all by default). */
export interface VersionedRoute<Context> {
  route: RouteDeclaration<Context>;
  versions?: readonly ApiVersion[];
}

/**
 * Flink's versioning (reference §3.1): every route is served at `/<version><url>` for each version
 * that supports it, and at the bare `<url>` by the oldest version supporting it. An unknown version
 * (`/v2/...`) matches nothing and is answered 404. The bare routes share their handler with the
 * versioned ones, so the OpenAPI document lists them as aliases.
 */
export function versionedRoutes<Context>(routes: readonly VersionedRoute<Context>[]): RouteDeclaration<Context>[] {
  const out: RouteDeclaration<Context>[] = [];
  const bare = new Map<string, RouteDeclaration<Context>>();
  for (const version of API_VERSIONS) {
    for (const { route, versions = API_VERSIONS } of routes) {
      if (!versions.includes(version)) continue;
      out.push({ ...route, url: `/${version}${route.url}` });
      const key = `${String(route.method)} ${route.url}`;
      if (!bare.has(key)) bare.set(key, route);
    }
  }
  return [...out, ...bare.values()];
}
