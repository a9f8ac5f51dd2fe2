import type { JobSummary } from './model.js';
import { num, obj, seaTunnelTime, str, type JsonObject } from './values.js';

/** A job as SeaTunnel's running-jobs, finished-jobs and job-info answer it, in the dashboard's terms. */
export function seaTunnelSummary(job: JsonObject, now = Date.now()): JobSummary {
  const metrics = obj(job.metrics);
  const start = seaTunnelTime(job.createTime);
  const end = seaTunnelTime(job.finishTime);
  return {
    id: str(job.jobId) ?? '',
    name: str(job.jobName) ?? '',
    state: str(job.jobStatus) ?? 'UNKNOWABLE',
    startTime: start,
    endTime: end,
    durationMs: start === null ? null : (end ?? now) - start,
    rowsRead: num(metrics.SourceReceivedCount),
    rowsWritten: num(metrics.SinkWriteCount),
  };
}
