import type { Logger } from '../../core/plugin.js';
import type { LogLine } from '../messages.js';

/**
 * A plugin's logger inside a worker. Lines are buffered and sent to the coordinator in batches, so
 * a Console sink printing every row costs one message per batch, not per row.
 */
export class WorkerLogBuffer {
  private lines: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly send: (lines: LogLine[]) => void) {}

  logger(source: string): Logger {
    return {
      info: (message) => this.add('INFO', source, message),
      warn: (message) => this.add('WARN', source, message),
      error: (message) => this.add('ERROR', source, message),
    };
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    this.send(lines);
  }

  private add(level: LogLine['level'], source: string, message: string): void {
    this.lines.push({ time: Date.now(), level, source, message });
    if (this.lines.length >= 1000) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), 50);
  }
}
