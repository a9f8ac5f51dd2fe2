import type { HttpMethod, RouteDeclaration } from './route-declaration.js';

interface CompiledRoute {
  pattern: RegExp;
  methods: readonly HttpMethod[];
}

/**
 * Which methods a family's routes accept at a concrete URL (`/v1/jobs/123`), so that a request with
 * another method can be answered 405 with an `Allow` header instead of 404. Matches the way the
 * server routes: `:param` is one path segment, `*` the rest, trailing and repeated slashes are
 * ignored, the query string is not part of the path. GET implies HEAD, as Fastify serves it.
 */
export function allowedMethods(routes: readonly RouteDeclaration<never>[], prefix = ''): (url: string) => HttpMethod[] {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    pattern: compile(prefix + route.url),
    methods: typeof route.method === 'string' ? [route.method] : route.method,
  }));
  return (url) => {
    const path = normalisePath(url);
    const found = new Set<HttpMethod>();
    for (const route of compiled) if (route.pattern.test(path)) for (const method of route.methods) found.add(method);
    return [...found];
  };
}

function compile(url: string): RegExp {
  const segments = normalisePath(url)
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}$`);
}

function normalisePath(url: string): string {
  const path = url.split('?', 1)[0]!.replace(/\/{2,}/g, '/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
