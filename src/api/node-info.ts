/**
 * This node as the APIs describe it: where it listens, its version, and its tags (Hazelcast member
 * attributes in SeaTunnel; set with update-tags, used by overview's tag filter). Owned by the server.
 */
export class NodeInfo {
  /** The port actually bound (known once the server listens). */
  port = 0;
  tags: Record<string, string> = {};
  readonly startedAt = Date.now();

  constructor(
    /** Host for links and `host:port` names: the bind address, or `localhost` for a wildcard or loopback bind. */
    readonly host: string,
    readonly version: string,
  ) {}

  get address(): string {
    return `${this.host}:${this.port}`;
  }
}
