import { newTriggerId } from './trigger-id.js';

/** Which cache an operation lives in. Savepoints and stop-with-savepoint share one, as in Flink. */
export type OperationKind = 'savepoint' | 'checkpoint' | 'rescale' | 'disposal';

export type OperationState<T> = { status: 'IN_PROGRESS' } | { status: 'COMPLETED'; value: T } | { status: 'FAILED'; error: unknown };

interface Entry {
  state: OperationState<unknown>;
  /** When it completed (ms); undefined while in progress. */
  completedAt?: number;
}

export interface AsyncOperationsOptions {
  /** `rest.async.store-duration` in ms (5 min): how long a completed result can be read; 0 keeps it forever. */
  storeDurationMs: number;
  now?: () => number;
}

/**
 * Trigger-and-poll operations (reference §4): a trigger starts the work and answers a trigger id at
 * once; the status is read by (kind, scope, trigger id) — scope is the job id, or '' for
 * operations not tied to a job. A trigger id the client supplies makes the trigger idempotent:
 * while an operation with that key is in progress or its result is kept, the same id is answered
 * and nothing new starts. Results are kept `storeDurationMs` after completion, then forgotten
 * (status: unknown). Operations in progress are never forgotten. Expiry is checked on every call,
 * so the store holds no timer and needs no closing.
 */
export class AsyncOperations {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: AsyncOperationsOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts `work` under a new or the given trigger id and returns the id. With a known id, returns
   * it without calling `work` (deduplication). `work` may throw or reject: the operation then
   * completes as failed.
   */
  trigger<T>(kind: OperationKind, scope: string, triggerId: string | undefined, work: () => Promise<T>): { triggerId: string; started: boolean } {
    this.expire();
    const id = triggerId ?? newTriggerId();
    const key = keyOf(kind, scope, id);
    if (this.entries.has(key)) return { triggerId: id, started: false };
    const entry: Entry = { state: { status: 'IN_PROGRESS' } };
    this.entries.set(key, entry);
    let outcome: Promise<T>;
    try {
      outcome = work();
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.then(
      (value) => this.complete(entry, { status: 'COMPLETED', value }),
      (error: unknown) => this.complete(entry, { status: 'FAILED', error }),
    );
    return { triggerId: id, started: true };
  }

  /** The state of an operation, or undefined when no such operation is known (or its result expired). */
  status<T>(kind: OperationKind, scope: string, triggerId: string): OperationState<T> | undefined {
    this.expire();
    return this.entries.get(keyOf(kind, scope, triggerId.toLowerCase()))?.state as OperationState<T> | undefined;
  }

  private complete(entry: Entry, state: OperationState<unknown>): void {
    entry.state = state;
    entry.completedAt = this.now();
  }

  private expire(): void {
    const ttl = this.options.storeDurationMs;
    if (ttl <= 0) return;
    const horizon = this.now() - ttl;
    for (const [key, entry] of this.entries) if (entry.completedAt !== undefined && entry.completedAt <= horizon) this.entries.delete(key);
  }
}

function keyOf(kind: OperationKind, scope: string, triggerId: string): string {
  return `${kind}/${scope}/${triggerId}`;
}
