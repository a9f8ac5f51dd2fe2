/**
 * The node's state as Hazelcast's health check names it: ACTIVE while serving, PASSIVE once the
 * server has begun to close, SHUT_DOWN when it has. Owned by the server.
 */
export class NodeLifecycle {
  state: 'ACTIVE' | 'PASSIVE' | 'SHUT_DOWN' = 'ACTIVE';

  get ready(): boolean {
    return this.state === 'ACTIVE';
  }
}
