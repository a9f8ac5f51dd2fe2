import { sleep } from '../api/values.js';

export interface Poller {
  /** Runs the next tick at once (after the one in progress, if any). */
  now(): void;
}

/**
 * Runs `tick` now and then every `intervalMs` after the previous run ends (never two at once) until
 * `signal` aborts. A failing tick is handed to `onError` and polling goes on, so a page recovers by
 * itself when the server comes back. While the tab is hidden the interval is four times longer.
 */
export function poll(tick: () => Promise<void>, intervalMs: number, signal: AbortSignal, onError: (error: unknown) => void): Poller {
  let wake: AbortController | null = null;
  let pending = false;
  void (async () => {
    while (!signal.aborted) {
      pending = false;
      try {
        await tick();
      } catch (error) {
        if (signal.aborted) return;
        onError(error);
      }
      if (pending) continue;
      wake = new AbortController();
      try {
        await sleep(document.hidden ? intervalMs * 4 : intervalMs, AbortSignal.any([signal, wake.signal]));
      } catch {
        if (signal.aborted) return;
      }
      wake = null;
    }
  })();
  return {
    now() {
      pending = true;
      wake?.abort();
    },
  };
}
