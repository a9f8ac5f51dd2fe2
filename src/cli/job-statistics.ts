import type { JobRun } from '../engine/job-run.js';
import { formatTimestamp } from './log-printer.js';

/** The block SeaTunnel's client prints when a job ends (ClientExecuteCommand). */
export function jobStatistics(job: JobRun): string {
  const { read, written } = job.metrics.snapshot();
  const start = job.timestamps.CREATED ?? Date.now();
  const end = job.timestamps[job.status] ?? Date.now();
  const rows: [string, string | number][] = [
    ['Start Time', formatTimestamp(start)],
    ['End Time', formatTimestamp(end)],
    ['Total Time(s)', Math.round((end - start) / 1000)],
    ['Total Read Count', read],
    ['Total Write Count', written],
    ['Total Failed Count', Math.max(0, read - written)],
  ];
  const rule = '*'.repeat(47);
  return [
    rule,
    '           Job Statistic Information',
    rule,
    ...rows.map(([label, value]) => `${label.padEnd(26)}: ${String(value).padStart(19)}`),
    rule,
  ].join('\n');
}
