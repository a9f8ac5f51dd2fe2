import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ApiReply } from '../route-kit/api-reply.js';
import { Authenticator, type AuthOutcome } from './authenticator.js';
import { CorsPolicy } from './cors-policy.js';
import { classifyEndpoint, type EndpointClass } from './endpoint-classes.js';
import type { EndpointGroup } from './endpoint-group.js';
import { refusalReply } from './refusal-reply.js';
import type { SecuritySettings } from './security-settings.js';

/** A route as the guard classified it (for docs and the test that every route has a group). */
export interface ClassifiedRoute extends EndpointClass {
  method: string;
  url: string;
}

interface GuardConfig {
  endpointClasses?: Record<string, EndpointClass>;
}

/**
 * The server's one gate, run on every request before routing results are used: CORS (preflights
 * answered here), authentication and permission (`rest.auth`), and disabled endpoint groups
 * (`rest.endpoint-groups`), in that order, so an anonymous caller learns nothing of the node's
 * configuration. Routes are classified once, when they are registered; only unrouted paths (404s)
 * are classified per request. With nothing configured no hook is installed at all.
 *
 * Call before any route is registered. Returns the classified routes (filled as routes register).
 */
export function installRequestGuard(app: FastifyInstance, settings: SecuritySettings): readonly ClassifiedRoute[] {
  const routes: ClassifiedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const classes: Record<string, EndpointClass> = {};
    for (const method of typeof route.method === 'string' ? [route.method] : route.method) {
      classes[method] = classifyEndpoint(method, route.url);
      routes.push({ method, url: route.url, ...classes[method]! });
    }
    route.config = { ...(route.config as object), endpointClasses: classes } as typeof route.config;
  });

  const cors = new CorsPolicy(settings.cors);
  const authenticator = settings.auth.enabled ? new Authenticator(settings.auth) : undefined;
  const disabled = new Set((Object.entries(settings.endpointGroups) as [EndpointGroup, boolean][]).filter(([, on]) => !on).map(([group]) => group));
  if (!cors.enabled && authenticator === undefined && disabled.size === 0) return routes;
  const realm = settings.auth.realm.replace(/["\\]/g, '');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    const endpoint = (request.routeOptions.config as GuardConfig | undefined)?.endpointClasses?.[request.method] ?? classifyEndpoint(request.method, request.url);
    if (cors.enabled && origin !== undefined) {
      const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
      if (!cors.allows(origin)) {
        if (preflight) return refuse(reply, refusalReply(endpoint.format, 403, `Origin ${origin} is not allowed (rest.cors.allowed-origins).`));
      } else if (preflight) {
        const requested = request.headers['access-control-request-headers'];
        return reply.code(204).headers(cors.preflightHeaders(origin, Array.isArray(requested) ? requested.join(',') : requested)).send();
      } else {
        reply.headers(cors.responseHeaders(origin));
      }
    }
    if (authenticator !== undefined && endpoint.access !== 'public') {
      const outcome = await authenticator.authenticate(request.headers.authorization);
      if (!('principal' in outcome)) {
        const browser = request.headers['x-requested-with']?.toString().toLowerCase() === 'xmlhttprequest';
        const challenge = challenges(authenticator, realm, outcome, browser);
        return refuse(reply, refusalReply(endpoint.format, 401, unauthorizedMessage(outcome)), challenge.length > 0 ? { 'www-authenticate': challenge } : {});
      }
      if (endpoint.access === 'write' && outcome.principal.permission !== 'write') {
        const headers: Record<string, string> = outcome.principal.scheme === 'bearer' ? { 'www-authenticate': `Bearer realm="${realm}", error="insufficient_scope"` } : {};
        return refuse(reply, refusalReply(endpoint.format, 403, `Permission denied: ${request.method} ${pathOf(request.url)} needs the write permission; these credentials have read only.`), headers);
      }
    }
    if (endpoint.group !== undefined && disabled.has(endpoint.group)) {
      return refuse(reply, refusalReply(endpoint.format, 403, `The ${endpoint.group} endpoint group is disabled on this node (rest.endpoint-groups.${endpoint.group}.enabled: false).`));
    }
    return undefined;
  });
  return routes;
}

function unauthorizedMessage(outcome: Exclude<AuthOutcome, { principal: unknown }>): string {
  switch (outcome.failure) {
    case 'missing':
      return 'Authentication required: send an Authorization header (Basic or Bearer, see rest.auth).';
    case 'malformed':
      return 'Malformed Authorization header: expected "Basic <base64 of username:password>" or "Bearer <token>".';
    case 'invalid':
      return 'Invalid credentials.';
  }
}

/**
 * One challenge per configured scheme (RFC 7235). A request marked `X-Requested-With:
 * XMLHttpRequest` (the dashboard's) gets no Basic challenge, so the browser does not open its own
 * login dialog over the dashboard's.
 */
function challenges(authenticator: Authenticator, realm: string, outcome: Exclude<AuthOutcome, { principal: unknown }>, browser: boolean): string[] {
  const list: string[] = [];
  for (const scheme of authenticator.schemes) {
    if (scheme === 'basic' && !browser) list.push(`Basic realm="${realm}", charset="UTF-8"`);
    if (scheme === 'bearer') list.push(outcome.scheme === 'bearer' && outcome.failure !== 'missing' ? `Bearer realm="${realm}", error="invalid_token"` : `Bearer realm="${realm}"`);
  }
  return list;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function refuse(reply: FastifyReply, answer: ApiReply, headers: Record<string, string | string[]> = {}): FastifyReply {
  reply.code(answer.status).headers({ ...answer.headers, ...headers });
  if (answer.kind === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  if (answer.kind === 'text') return reply.type(answer.contentType).send(answer.body);
  return reply.send();
}
