/** Readers for loosely typed JSON answers: each returns null rather than a wrong value. */

export type JsonObject = Record<string, unknown>;

export function obj(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A number from a number or a numeric string (SeaTunnel sends counts as strings). */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** A string; numbers (ids that arrived as numbers) as their decimal text. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** Flink's timestamps use -1 (and sometimes 0) for "not yet". */
export function timestamp(value: unknown): number | null {
  const n = num(value);
  return n === null || n <= 0 ? null : n;
}

/** SeaTunnel's `yyyy-MM-dd HH:mm:ss` (the server's local time; read as the browser's). */
export function seaTunnelTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(y!, mo! - 1, d!, h!, mi!, s!).getTime();
}

/** Flink's job state names, in SeaTunnel's words where they differ. */
export function seaTunnelState(state: string): string {
  const upper = state.toUpperCase();
  return upper === 'CANCELLING' ? 'CANCELING' : upper === 'CANCELLED' ? 'CANCELED' : upper;
}

const TERMINAL = new Set(['FINISHED', 'FAILED', 'CANCELED', 'SAVEPOINT_DONE', 'UNKNOWABLE', 'SUSPENDED']);

export function isTerminal(state: string): boolean {
  return TERMINAL.has(state);
}

/** Waits, unless aborted first (then rejects with the abort reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
