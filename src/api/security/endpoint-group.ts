/**
 * Hazelcast's REST endpoint groups, as SeaTunnel's `hazelcast.yaml` names them. Each can be
 * switched off with `rest.endpoint-groups.<GROUP>.enabled: false`; every route belongs to at most
 * one (see endpoint-classes.ts).
 */
export const ENDPOINT_GROUPS = ['CLUSTER_READ', 'CLUSTER_WRITE', 'DATA', 'HEALTH_CHECK'] as const;

export type EndpointGroup = (typeof ENDPOINT_GROUPS)[number];
