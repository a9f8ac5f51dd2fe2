import type { HttpClient } from './http-client.js';
import type { DashboardConfig, JobSummary } from './model.js';
import { paths } from './paths.js';
import { seaTunnelSummary } from './seatunnel-job.js';
import { arr, num, obj, seaTunnelState, str, timestamp } from './values.js';

/**
 * Every job the server knows, running and finished. Times and durations come from
 * `/v1/jobs/overview`; states in SeaTunnel's words (`SAVEPOINT_DONE`) and row counts from
 * SeaTunnel's running-jobs and finished-jobs, unless the overview already carries the counts.
 */
export async function loadJobs(http: HttpClient, config: DashboardConfig, signal?: AbortSignal): Promise<JobSummary[]> {
  const monitoring = config.monitoring ? arr(obj(await http.json(paths.jobsOverview, { signal })).jobs).map(obj) : null;
  const withCounts = monitoring !== null && monitoring.length > 0 && monitoring.every((job) => countsOf(job) !== null);
  const seaTunnel = withCounts
    ? []
    : (await Promise.all([http.json(paths.seaTunnel.runningJobs, { signal }), http.json(paths.seaTunnel.finishedJobs, { signal })])).flatMap((list) => arr(list).map(obj));
  const jobs = new Map<string, JobSummary>();
  for (const job of seaTunnel) {
    const summary = seaTunnelSummary(job);
    if (summary.id !== '') jobs.set(summary.id, summary);
  }
  for (const job of monitoring ?? []) {
    const id = str(job.jid) ?? str(job.id);
    if (id === null) continue;
    const known = jobs.get(id);
    const counts = countsOf(job);
    const start = timestamp(job['start-time']);
    const end = timestamp(job['end-time']);
    jobs.set(id, {
      id,
      name: str(job.name) ?? known?.name ?? '',
      state: known?.state ?? seaTunnelState(str(job.state) ?? str(job.status) ?? 'UNKNOWABLE'),
      startTime: start ?? known?.startTime ?? null,
      endTime: end ?? known?.endTime ?? null,
      durationMs: num(job.duration) ?? known?.durationMs ?? null,
      rowsRead: counts?.read ?? known?.rowsRead ?? null,
      rowsWritten: counts?.written ?? known?.rowsWritten ?? null,
    });
  }
  return [...jobs.values()];
}

/** Row counts, when the overview entry carries them (`metrics: {read-records, write-records}`). */
function countsOf(job: Record<string, unknown>): { read: number | null; written: number | null } | null {
  const metrics = obj(job.metrics);
  const read = num(metrics['read-records'] ?? job['read-records']);
  const written = num(metrics['write-records'] ?? job['write-records']);
  return read === null && written === null ? null : { read, written };
}
