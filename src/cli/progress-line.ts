import type { JobRun } from '../engine/job-run.js';

/**
 * The live line shown on a terminal while a job runs: state, rows read and written, and the rates
 * over the last refresh. Redrawn in place on stderr so stdout keeps only the job's output.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private last = { time: performance.now(), read: 0, written: 0 };
  private shown = false;

  constructor(
    private readonly job: JobRun,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  start(intervalMs = 500): void {
    this.timer = setInterval(() => this.draw(), intervalMs);
    this.timer.unref();
  }

  /** Removes the line; call before printing anything else. */
  stop(): void {
    clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(): void {
    const { read, written } = this.job.metrics.snapshot();
    const now = performance.now();
    const seconds = Math.max((now - this.last.time) / 1000, 0.001);
    const readRate = (read - this.last.read) / seconds;
    const writeRate = (written - this.last.written) / seconds;
    this.last = { time: now, read, written };
    const n = (value: number): string => Math.round(value).toLocaleString('en-US');
    const line = `${this.job.status}  read ${n(read)} (${n(readRate)} rows/s)  written ${n(written)} (${n(writeRate)} rows/s)  ${this.job.runningSeconds.toFixed(1)}s`;
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }
}
