import type { LogLine } from '../engine/messages.js';

/** Formats log lines the way SeaTunnel's console appender does: `2024-01-01 12:00:00,123 INFO  [source] - message`. */
export function formatLogLine(line: LogLine): string {
  return `${formatTimestamp(line.time, true)} ${line.level.padEnd(5)} [${line.source}] - ${line.message}`;
}

/** `yyyy-MM-dd HH:mm:ss` in local time, as SeaTunnel prints times (with `,SSS` when asked). */
export function formatTimestamp(time: number, millis = false): string {
  const d = new Date(time);
  const p = (n: number, width = 2): string => String(n).padStart(width, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return millis ? `${base},${p(d.getMilliseconds(), 3)}` : base;
}
