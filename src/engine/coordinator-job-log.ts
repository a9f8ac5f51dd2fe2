import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { maskLogText } from './coordinator-secrets.js';
import type { LogLine } from './messages.js';

/**
 * The log of one job: the last `capacity` lines in memory (a ring), and, when a folder is given,
 * every line appended to `<dir>/job-<jobId>.log` (SeaTunnel's per-job file name). Lines are masked
 * before they are kept or written: no secret of the job reaches memory views or disk.
 */
export class CoordinatorJobLog {
  private readonly ring: LogLine[] = [];
  private next = 0;
  private file: WriteStream | undefined;
  private closed = false;

  constructor(
    readonly jobId: string,
    private readonly secrets: readonly string[],
    private readonly capacity: number,
    dir: string | undefined,
  ) {
    if (dir !== undefined) {
      mkdirSync(dir, { recursive: true });
      this.file = createWriteStream(join(dir, `job-${jobId}.log`), { flags: 'a', mode: 0o600 });
      this.file.on('error', () => (this.file = undefined)); // a full disk must not stop the job
    }
  }

  append(lines: readonly LogLine[]): void {
    if (this.closed) return;
    let text = '';
    for (const line of lines) {
      const masked: LogLine = { ...line, message: maskLogText(line.message, this.secrets), source: maskLogText(line.source, this.secrets) };
      if (this.ring.length < this.capacity) this.ring.push(masked);
      else this.ring[this.next] = masked;
      this.next = (this.next + 1) % this.capacity;
      text += `${formatLogLine(masked)}\n`;
    }
    this.file?.write(text);
  }

  /** Oldest first. */
  lines(): LogLine[] {
    return this.ring.length < this.capacity ? [...this.ring] : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  /** Flushes and closes the file; later lines are dropped. Idempotent. */
  close(): Promise<void> {
    this.closed = true;
    const file = this.file;
    this.file = undefined;
    if (file === undefined) return Promise.resolve();
    return new Promise((resolve) => file.end(resolve));
  }
}

/** `2024-01-01 12:00:00,123 INFO  [source] - message`, as SeaTunnel's file appender writes. */
export function formatLogLine(line: LogLine): string {
  return `${formatLocalTime(line.time, true)} ${line.level.padEnd(5)} [${line.source}] - ${line.message}`;
}

/** `yyyy-MM-dd HH:mm:ss` (with `,SSS` when asked) in the server's local time zone, as SeaTunnel formats times. */
export function formatLocalTime(time: number, millis = false): string {
  const d = new Date(time);
  const p = (n: number, width = 2): string => String(n).padStart(width, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return millis ? `${base},${p(d.getMilliseconds(), 3)}` : base;
}
