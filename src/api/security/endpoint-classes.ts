import type { EndpointGroup } from './endpoint-group.js';

/** Who may call an endpoint: anyone, or credentials with the read or the write permission. */
export type Access = 'public' | 'read' | 'write';

/** Which error format answers a refused request: SeaTunnel's `{"status":"fail"}` or Flink's `{"errors":[]}`. */
export type ErrorFormat = 'seatunnel' | 'monitoring';

export interface EndpointClass {
  /** Undefined for paths no route serves (they 404 after the access check). */
  group: EndpointGroup | undefined;
  access: Access;
  format: ErrorFormat;
}

type Methods = 'GET' | 'WRITE' | 'ANY' | 'POST';

interface Row {
  methods: Methods;
  /** A path; `*` at the end matches any rest, `:name` one segment. Monitoring paths are written without `/v1`. */
  path: string;
  group: EndpointGroup | undefined;
  /** Default: read for GET and HEAD, write for any other method. */
  access?: Access;
}

/** Top-level segments of the Flink-style monitoring API (served at `/v1/...` and unversioned). */
const MONITORING = '{config,overview,jobs,jobmanager,taskmanagers,datasets,savepoint-disposal,plugins,openapi.json,jars,cluster}';

/**
 * THE table: every route's endpoint group and access, first match wins. Hazelcast's own filter
 * (`RestApiFilter`) puts all of `/hazelcast/rest/maps/*` in DATA; Sluice classifies by purpose
 * instead, so that job control can be switched off while monitoring stays (docs/configuration.md).
 * Paths no row matches need read (GET) or write (others) and belong to no group: access is
 * denied by default, never granted by default. `test/api/security-groups.test.ts` checks that
 * every registered route has a group.
 */
const ROWS: readonly Row[] = [
  // Probes stay open so load balancers and Kubernetes need no credentials; they reveal no job data.
  { methods: 'ANY', path: '/hazelcast/health', group: 'HEALTH_CHECK', access: 'public' },
  { methods: 'ANY', path: '/hazelcast/health/*', group: 'HEALTH_CHECK', access: 'public' },
  { methods: 'GET', path: '/metrics', group: 'HEALTH_CHECK' },
  // SeaTunnel v1. Hazelcast classifies /hazelcast/rest/instance as CLUSTER_READ.
  { methods: 'GET', path: '/hazelcast/rest/instance/*', group: 'CLUSTER_READ' },
  { methods: 'WRITE', path: '/hazelcast/rest/maps/submit-job*', group: 'CLUSTER_WRITE' },
  { methods: 'WRITE', path: '/hazelcast/rest/maps/stop-job*', group: 'CLUSTER_WRITE' },
  { methods: 'WRITE', path: '/hazelcast/rest/maps/update-tags', group: 'CLUSTER_WRITE' },
  // DATA: what carries or transforms user data rather than cluster state. Job logs hold rows
  // (Console prints them there); encrypt-config turns a config's secrets into ciphertext.
  { methods: 'WRITE', path: '/hazelcast/rest/maps/encrypt-config', group: 'DATA' },
  { methods: 'GET', path: '/hazelcast/rest/maps/log*', group: 'DATA' },
  { methods: 'GET', path: '/hazelcast/rest/maps/get-all-log-name', group: 'DATA' },
  { methods: 'GET', path: '/hazelcast/rest/maps/*', group: 'CLUSTER_READ' },
  // Monitoring API. yarn-cancel and yarn-stop are GETs that end a job; validate is a POST that only reads.
  { methods: 'GET', path: '/jobs/:jobid/{yarn-cancel,yarn-stop}', group: 'CLUSTER_WRITE', access: 'write' },
  { methods: 'POST', path: '/jobs/validate', group: 'CLUSTER_READ', access: 'read' },
  { methods: 'GET', path: '/jobmanager/log*', group: 'DATA' },
  { methods: 'GET', path: '/jobmanager/stdout', group: 'DATA' },
  { methods: 'GET', path: '/taskmanagers/:id/log*', group: 'DATA' },
  { methods: 'GET', path: '/taskmanagers/:id/stdout', group: 'DATA' },
  { methods: 'GET', path: `/${MONITORING}`, group: 'CLUSTER_READ' },
  { methods: 'GET', path: `/${MONITORING}/*`, group: 'CLUSTER_READ' },
  { methods: 'WRITE', path: `/${MONITORING}`, group: 'CLUSTER_WRITE' },
  { methods: 'WRITE', path: `/${MONITORING}/*`, group: 'CLUSTER_WRITE' },
  // The dashboard's static files: public, the dashboard asks for credentials and sends them itself.
  { methods: 'GET', path: '/', group: undefined, access: 'public' },
  { methods: 'GET', path: '/{index.html,favicon.ico,favicon.svg}', group: undefined, access: 'public' },
  { methods: 'GET', path: '/assets/*', group: undefined, access: 'public' },
];

const COMPILED = ROWS.map((row) => ({ ...row, regex: compile(row.path) }));

/**
 * Classifies a request by method and path. `path` may be a route pattern (`/jobs/:jobid`) or a
 * raw URL path; a query string is ignored, `/v1` is optional on monitoring paths, and duplicate
 * or trailing slashes do not matter (the router ignores them too).
 */
export function classifyEndpoint(method: string, path: string): EndpointClass {
  const normal = normalize(path);
  const format: ErrorFormat = normal.startsWith('/hazelcast/') ? 'seatunnel' : 'monitoring';
  const unversioned = normal === '/v1' ? '/' : normal.startsWith('/v1/') ? normal.slice(3) : normal;
  const upper = method.toUpperCase();
  const read = upper === 'GET' || upper === 'HEAD';
  for (const row of COMPILED) {
    if (!methodMatches(row.methods, upper, read)) continue;
    const candidate = format === 'seatunnel' || row.path.startsWith('/hazelcast/') ? normal : unversioned;
    if (row.regex.test(candidate)) return { group: row.group, access: row.access ?? (read ? 'read' : 'write'), format };
  }
  return { group: undefined, access: read ? 'read' : 'write', format };
}

function methodMatches(methods: Methods, method: string, read: boolean): boolean {
  switch (methods) {
    case 'ANY':
      return true;
    case 'GET':
      return read;
    case 'POST':
      return method === 'POST';
    case 'WRITE':
      return !read && method !== 'OPTIONS';
  }
}

function normalize(path: string): string {
  const query = path.indexOf('?');
  let normal = (query < 0 ? path : path.slice(0, query)).replace(/\/{2,}/g, '/');
  if (normal.length > 1 && normal.endsWith('/')) normal = normal.slice(0, -1);
  return normal === '' ? '/' : normal;
}

/** `*` at the end: any rest (also nothing); `:name`: one segment; `{a,b}`: alternatives. */
function compile(pattern: string): RegExp {
  let source = '';
  for (const token of pattern.match(/\{[^}]*\}|:[A-Za-z]+|\*|[^{:*]+/g) ?? []) {
    if (token === '*') source += '.*';
    else if (token.startsWith(':')) source += '[^/]+';
    else if (token.startsWith('{')) source += `(?:${token.slice(1, -1).split(',').map(escape).join('|')})`;
    else source += escape(token);
  }
  return new RegExp(`^${source}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
