import { defaultSecuritySettings, type SecuritySettings } from './security/security-settings.js';

/** What `sluice serve` reads from its YAML file and flags (docs/configuration.md). */
export interface ServerSettings {
  /** `rest.port` (5801); 0 picks a free port. */
  port: number;
  /** `rest.port-count` (100): ports tried from `port` upwards when one is taken. */
  portCount: number;
  /** `rest.bind-address` (127.0.0.1): use 0.0.0.0 to listen on every interface. */
  bindAddress: string;
  /** `rest.server.max-content-length` (104857600): larger bodies and uploads are answered 413. */
  maxContentLength: number;
  /** `rest.auth`, `rest.endpoint-groups`, `rest.cors`: all off or open by default. */
  security: SecuritySettings;
  /** `rest.response-cache.ttl-ms` (1000): how long list responses may be reused (see response-cache.ts); 0 turns it off. */
  responseCacheMs: number;
  /** `metrics.finished-job-minutes` (10): how long an ended job keeps its series in `/metrics`. */
  metricsFinishedJobMinutes: number;
  /** `rest.async.store-duration` (300000 ms, Flink's): how long a finished operation's result can be polled. */
  asyncStoreDurationMs: number;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  port: 5801,
  portCount: 100,
  bindAddress: '127.0.0.1',
  maxContentLength: 104_857_600,
  security: defaultSecuritySettings(),
  responseCacheMs: 1000,
  metricsFinishedJobMinutes: 10,
  asyncStoreDurationMs: 300_000,
};
