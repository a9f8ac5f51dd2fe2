import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Throttles one reader to `read_limit.rows_per_second` and `read_limit.bytes_per_second` (per
 * subtask, as SeaTunnel applies them per parallel reader). Callers ask how many rows they may read
 * now, then report what they read; the limiter sleeps the difference.
 */
export class RateLimiter {
  private readonly started = performance.now();
  private rows = 0;
  private bytes = 0;

  constructor(
    private readonly rowsPerSecond: number | undefined,
    private readonly bytesPerSecond: number | undefined,
  ) {}

  get active(): boolean {
    return this.rowsPerSecond !== undefined || this.bytesPerSecond !== undefined;
  }

  /** Rows that may be read in the next poll: at most `wanted`, at least 1. */
  allowance(wanted: number): number {
    if (this.rowsPerSecond === undefined) return wanted;
    return Math.max(1, Math.min(wanted, Math.ceil(this.rowsPerSecond / 10)));
  }

  /** Records a read and waits until the totals are within both limits. */
  async record(rows: number, bytes: number, signal: AbortSignal): Promise<void> {
    this.rows += rows;
    this.bytes += bytes;
    const dueRows = this.rowsPerSecond ? (this.rows / this.rowsPerSecond) * 1000 : 0;
    const dueBytes = this.bytesPerSecond ? (this.bytes / this.bytesPerSecond) * 1000 : 0;
    const wait = Math.max(dueRows, dueBytes) - (performance.now() - this.started);
    if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
  }
}
