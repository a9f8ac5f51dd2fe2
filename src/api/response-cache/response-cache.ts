import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Coordinator } from '../../engine/coordinator.js';

/**
 * The list routes whose bodies grow with the number of jobs and that dashboards and scripts poll:
 * SeaTunnel's running-jobs and finished-jobs, the monitoring API's /jobs and /jobs/overview (with
 * and without /v1). Route patterns, as registered.
 */
const CACHED = /^(?:\/hazelcast\/rest\/maps\/(?:running-jobs|finished-jobs|finished-jobs\/:state)|(?:\/v1)?\/jobs(?:\/overview)?)$/;

/** Flink's GETs that end a job. */
const WRITING_GETS = /\/yarn-(?:cancel|stop)$/;

/** At most this many distinct URLs (query strings included) are held; more clears the cache. */
const MAX_ENTRIES = 64;

interface Entry {
  body: Buffer;
  contentType: string;
  fingerprint: string;
  expires: number;
}

/**
 * A short-lived cache of rendered list responses (`rest.response-cache.ttl-ms`, 1000 by default;
 * 0 turns it off), as Flink caches its execution graphs for `web.refresh-interval`. An entry is
 * used only while all of these hold: it is younger than the TTL; no write request (any method but
 * GET and HEAD, and Flink's yarn-cancel and yarn-stop) has been handled since; and the
 * coordinator's job counts (accepted, pending, finished, failed, canceled, savepoint-done, slots in
 * use) are unchanged, so a job that was submitted, started or ended is never missing from a list.
 * What can be stale, by at most the TTL: row counts and rates, and status changes inside a running
 * job (RUNNING → DOING_SAVEPOINT). Only 200 answers with a text or buffer body are kept. Requests
 * reach the cache after the request guard, so only callers allowed to read the route get its body.
 *
 * Call before any route is registered (it marks cacheable routes as they register).
 */
export function installResponseCache(app: FastifyInstance, coordinator: Coordinator, ttlMs: number): void {
  if (ttlMs <= 0) return;
  const entries = new Map<string, Entry>();
  const pending = new WeakMap<FastifyRequest, string>();

  app.addHook('onRoute', (route: RouteOptions) => {
    if (CACHED.test(route.url) && (route.method === 'GET' || (Array.isArray(route.method) && route.method.includes('GET')))) {
      route.config = { ...(route.config as object), responseCache: true } as typeof route.config;
    }
  });
  const isCacheable = (request: FastifyRequest): boolean => (request.routeOptions.config as { responseCache?: boolean } | undefined)?.responseCache === true;
  const fingerprint = (): string => {
    const o = coordinator.overview();
    return `${o.active}/${o.pending}/${o.finished}/${o.failed}/${o.canceled}/${o.savepointDone}/${o.slots.assigned}`;
  };

  // Callback-style hooks: no promise per request on the hot path.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (isWrite(request)) {
      entries.clear();
      return done();
    }
    if (request.method !== 'GET' || !isCacheable(request)) return done();
    const current = fingerprint();
    const entry = entries.get(request.url);
    if (entry !== undefined && entry.expires > Date.now() && entry.fingerprint === current) {
      reply.code(200).type(entry.contentType).send(entry.body);
      return undefined;
    }
    pending.set(request, current);
    return done();
  });

  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    const print = pending.get(request);
    if (print !== undefined && reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      // Kept encoded: a hit then writes bytes without converting the text again.
      entries.set(request.url, { body: typeof payload === 'string' ? Buffer.from(payload) : payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), fingerprint: print, expires: Date.now() + ttlMs });
    }
    done(null, payload);
  });

  // A write may change what lists show once it has been handled, too.
  app.addHook('onResponse', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (isWrite(request)) entries.clear();
    done();
  });
}

function isWrite(request: FastifyRequest): boolean {
  return (request.method !== 'GET' && request.method !== 'HEAD') || WRITING_GETS.test(request.routeOptions.url ?? '');
}
