import { abortableSleep } from '../common/abortable-sleep.js';
import { isTransientError } from './jdbc-errors.js';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** First pause; doubled after every failed attempt, up to 8 s. */
  baseDelayMs: number;
}

/** Dropped connections and server restarts get a few attempts 0.5 s, 1 s, 2 s, 4 s apart. */
export const CONNECTION_RETRIES: RetryPolicy = { retries: 4, baseDelayMs: 500 };

/**
 * Runs `operation` until it succeeds, fails with an error that is not transient, or has failed
 * `policy.retries + 1` times; waits with exponential backoff between attempts. `onRetry` hears
 * about each failure that will be retried (to reconnect and to log it).
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal,
  onRetry: (error: unknown, attempt: number, delayMs: number) => Promise<void> | void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.retries || !isTransientError(error) || signal.aborted) throw error;
      const delay = Math.min(policy.baseDelayMs * 2 ** attempt, 8000);
      await onRetry(error, attempt + 1, delay);
      await abortableSleep(delay, signal);
      if (signal.aborted) throw error;
    }
  }
}
