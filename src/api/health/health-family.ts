import { ApiError } from '../route-kit/api-error.js';
import type { ApiFamily } from '../route-kit/api-family.js';
import { empty, json, type ApiReply } from '../route-kit/api-reply.js';
import { route, type RouteDeclaration } from '../route-kit/route-declaration.js';
import type { NodeLifecycle } from './node-lifecycle.js';

export interface HealthContext {
  lifecycle: NodeLifecycle;
}

/** One node, no partitions: the cluster is this node, always safe, never migrating. */
const CLUSTER_SIZE = 1;

const routes: readonly RouteDeclaration<HealthContext>[] = [
  route({
    method: 'GET',
    url: '',
    summary: 'Node health as Hazelcast reports it: nodeState, clusterState, clusterSafe, migrationQueueSize, clusterSize',
    handler: (_request, { lifecycle }) => json({ nodeState: lifecycle.state, clusterState: clusterState(lifecycle), clusterSafe: lifecycle.ready, migrationQueueSize: 0, clusterSize: CLUSTER_SIZE }),
  }),
  route({ method: 'GET', url: '/ready', summary: 'Readiness probe: 200 while the node serves, 503 once it shuts down', handler: (_request, { lifecycle }) => empty(lifecycle.ready ? 200 : 503) }),
  route({
    method: 'GET',
    url: '/node-state',
    summary: 'Node state as a JSON string; 503 when shut down',
    handler: (_request, { lifecycle }) => (lifecycle.state === 'SHUT_DOWN' ? empty(503) : json(lifecycle.state)),
  }),
  route({ method: 'GET', url: '/cluster-state', summary: 'Cluster state as a JSON string', handler: (_request, { lifecycle }) => json(clusterState(lifecycle)) }),
  route({ method: 'GET', url: '/cluster-safe', summary: '200 when the cluster is safe, else 503', handler: (_request, { lifecycle }) => empty(lifecycle.ready ? 200 : 503) }),
  route({ method: 'GET', url: '/migration-queue-size', summary: 'Always 0 (no partitions migrate)', handler: () => json(0) }),
  route({ method: 'GET', url: '/cluster-size', summary: 'Nodes in the cluster', handler: () => json(CLUSTER_SIZE) }),
  route({ method: 'GET', url: '/*', summary: 'Any other health path: 400 without a body, as Hazelcast answers', handler: () => empty(400) }),
];

/**
 * Hazelcast's health check (`/hazelcast/health`, HEALTH_CHECK group), answered as Hazelcast's
 * `HttpGetCommandProcessor` does: errors are bare status codes without a body.
 */
export function healthFamily(): ApiFamily<HealthContext> {
  return {
    name: 'hazelcast-health',
    prefix: '/hazelcast/health',
    routes,
    errorReply: (error): ApiReply => empty(error instanceof ApiError ? error.status : 500),
    notFoundReply: () => empty(404),
  };
}

function clusterState(lifecycle: NodeLifecycle): string {
  return lifecycle.state === 'ACTIVE' ? 'ACTIVE' : 'PASSIVE';
}
