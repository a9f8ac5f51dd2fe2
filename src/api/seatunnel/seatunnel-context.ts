import type { Coordinator } from '../../engine/coordinator.js';
import type { NodeHealthMonitor } from '../node-health-monitor.js';
import type { NodeInfo } from '../node-info.js';

/** What SeaTunnel routes may use. */
export interface SeaTunnelContext {
  coordinator: Coordinator;
  node: NodeInfo;
  health: NodeHealthMonitor;
  /** `rest.server.max-content-length`, for error messages. */
  bodyLimit: number;
}

/** Where SeaTunnel's v1 routes live; `/hazelcast/rest/instance/metrics` sits beside `maps`. */
export const SEATUNNEL_PREFIX = '/hazelcast/rest';
export const MAPS = '/maps';
