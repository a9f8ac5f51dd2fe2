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
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  port: 5801,
  portCount: 100,
  bindAddress: '127.0.0.1',
  maxContentLength: 104_857_600,
};
