import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_STATUSES, type JobStatus } from '../../core/job-status.js';
import type { Coordinator } from '../../engine/coordinator.js';
import type { JobView } from '../../engine/coordinator-job.js';

export interface SluiceMetricsOptions {
  version: string;
  /** `metrics.finished-job-minutes` (10): how long an ended job keeps its per-job series. */
  finishedJobMinutes: number;
}

type JobLabels = 'job_id' | 'job_name';
const JOB: JobLabels[] = ['job_id', 'job_name'];

/**
 * What `GET /metrics` exposes, in a registry of its own (never prom-client's global one, so two
 * servers in one process do not mix). Job figures are read from the coordinator when scraped:
 * nothing is counted per row. Per-job series cover running jobs and jobs that ended within
 * `finishedJobMinutes`, which bounds their number however long the history is; the final values
 * of a job stay visible for a few scrapes.
 */
export class SluiceMetrics {
  readonly registry = new Registry();
  private readonly jobs: Gauge<'state'>;
  private readonly slotsUsed: Gauge;
  private readonly slotsTotal: Gauge;
  private readonly perJob: {
    info: Gauge<JobLabels | 'state'>;
    rowsRead: Counter<JobLabels>;
    rowsWritten: Counter<JobLabels>;
    bytesRead: Counter<JobLabels>;
    bytesWritten: Counter<JobLabels>;
    rowsReadRate: Gauge<JobLabels>;
    rowsWrittenRate: Gauge<JobLabels>;
    bytesReadRate: Gauge<JobLabels>;
    bytesWrittenRate: Gauge<JobLabels>;
    runningSeconds: Gauge<JobLabels>;
    checkpoints: Counter<JobLabels | 'result'>;
    checkpointsInProgress: Gauge<JobLabels>;
    lastCheckpointDuration: Gauge<JobLabels>;
    lastCheckpointSize: Gauge<JobLabels>;
    lastCheckpointTime: Gauge<JobLabels>;
  };
  private readonly checkpointDuration: Histogram<'kind'>;
  /** Checkpoints already observed into the histogram, per job: `kind:id`. */
  private readonly observed = new Map<string, Set<string>>();

  constructor(
    private readonly coordinator: Coordinator,
    private readonly options: SluiceMetricsOptions,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'sluice_info', help: 'Sluice node: 1, with the version as a label.', labelNames: ['version'], registers }).set({ version: options.version }, 1);
    this.jobs = new Gauge({ name: 'sluice_jobs', help: 'Jobs known to this node (running and in history) by state.', labelNames: ['state'], registers });
    this.slotsUsed = new Gauge({ name: 'sluice_slots_used', help: 'Slots held by running jobs (one per subtask).', registers });
    this.slotsTotal = new Gauge({ name: 'sluice_slots_total', help: 'Slots of this node; +Inf with dynamic slots (slot-service.dynamic-slot).', registers });
    const gauge = <L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> => new Gauge({ name, help, labelNames, registers });
    const counter = <L extends string>(name: string, help: string, labelNames: L[]): Counter<L> => new Counter({ name, help, labelNames, registers });
    this.perJob = {
      info: gauge('sluice_job_info', 'A job (running or recently ended): 1, with its state as a label.', [...JOB, 'state']),
      rowsRead: counter('sluice_job_rows_read_total', 'Rows read by the sources of a job.', JOB),
      rowsWritten: counter('sluice_job_rows_written_total', 'Rows written by the sinks of a job.', JOB),
      bytesRead: counter('sluice_job_bytes_read_total', 'Bytes read by the sources of a job (SeaTunnel sizing).', JOB),
      bytesWritten: counter('sluice_job_bytes_written_total', 'Bytes written by the sinks of a job (SeaTunnel sizing).', JOB),
      rowsReadRate: gauge('sluice_job_rows_read_per_second', 'Rows read per second, averaged over the time the job has run (SeaTunnel SourceReceivedQPS).', JOB),
      rowsWrittenRate: gauge('sluice_job_rows_written_per_second', 'Rows written per second, averaged over the time the job has run (SeaTunnel SinkWriteQPS).', JOB),
      bytesReadRate: gauge('sluice_job_bytes_read_per_second', 'Bytes read per second, averaged over the time the job has run.', JOB),
      bytesWrittenRate: gauge('sluice_job_bytes_written_per_second', 'Bytes written per second, averaged over the time the job has run.', JOB),
      runningSeconds: gauge('sluice_job_running_seconds', 'Seconds the job has run.', JOB),
      checkpoints: counter('sluice_job_checkpoints_total', 'Checkpoints and savepoints of a job by result (triggered, completed, failed, restored).', [...JOB, 'result']),
      checkpointsInProgress: gauge('sluice_job_checkpoints_in_progress', 'Checkpoints of a job not yet completed.', JOB),
      lastCheckpointDuration: gauge('sluice_job_last_checkpoint_duration_seconds', 'Duration of the latest completed checkpoint or savepoint of a job.', JOB),
      lastCheckpointSize: gauge('sluice_job_last_checkpoint_size_bytes', 'State size of the latest completed checkpoint or savepoint of a job.', JOB),
      lastCheckpointTime: gauge('sluice_job_last_checkpoint_timestamp_seconds', 'When the latest checkpoint or savepoint of a job completed (Unix time).', JOB),
    };
    this.checkpointDuration = new Histogram({
      name: 'sluice_checkpoint_duration_seconds',
      help: 'Durations of completed checkpoints and savepoints, trigger to completion, as scrapes find them.',
      labelNames: ['kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text (Prometheus 0.0.4), read from the coordinator now. */
  async scrape(): Promise<string> {
    this.update(Date.now());
    return this.registry.metrics();
  }

  private update(now: number): void {
    const running = this.coordinator.runningJobs();
    const finished = this.coordinator.finishedJobs();
    const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>;
    for (const job of running) counts[job.status] += 1;
    for (const job of finished) counts[job.status] += 1;
    for (const status of JOB_STATUSES) this.jobs.set({ state: status }, counts[status]);

    const slots = this.coordinator.overview().slots;
    this.slotsUsed.set(slots.assigned);
    this.slotsTotal.set(slots.dynamic ? Number.POSITIVE_INFINITY : (slots.total ?? 0));

    for (const metric of Object.values(this.perJob)) metric.reset();
    const cutoff = now - this.options.finishedJobMinutes * 60_000;
    const shown: JobView[] = [...running];
    for (let i = finished.length - 1; i >= 0 && (finished[i]!.finishTime ?? 0) >= cutoff; i--) shown.push(finished[i]!);
    const live = new Set<string>();
    for (const job of shown) {
      live.add(job.jobId);
      this.updateJob(job);
    }
    for (const jobId of this.observed.keys()) if (!live.has(jobId)) this.observed.delete(jobId);
  }

  private updateJob(job: JobView): void {
    const labels = { job_id: job.jobId, job_name: job.jobName };
    const m = this.perJob;
    const { metrics, runningSeconds } = job;
    const rate = (n: number): number => (runningSeconds > 0 ? n / runningSeconds : 0);
    m.info.set({ ...labels, state: job.status }, 1);
    m.rowsRead.inc(labels, metrics.read);
    m.rowsWritten.inc(labels, metrics.written);
    m.bytesRead.inc(labels, metrics.readBytes);
    m.bytesWritten.inc(labels, metrics.writtenBytes);
    m.rowsReadRate.set(labels, rate(metrics.read));
    m.rowsWrittenRate.set(labels, rate(metrics.written));
    m.bytesReadRate.set(labels, rate(metrics.readBytes));
    m.bytesWrittenRate.set(labels, rate(metrics.writtenBytes));
    m.runningSeconds.set(labels, runningSeconds);
    const checkpoints = job.checkpoints;
    if (checkpoints === undefined) return;
    for (const result of ['triggered', 'completed', 'failed', 'restored'] as const) m.checkpoints.inc({ ...labels, result }, checkpoints.counts[result]);
    m.checkpointsInProgress.set(labels, checkpoints.counts.inProgress);
    const latest = checkpoints.history.find((stats) => stats.status === 'COMPLETED');
    if (latest !== undefined) {
      m.lastCheckpointDuration.set(labels, (latest.durationMs ?? 0) / 1000);
      m.lastCheckpointSize.set(labels, latest.stateSize ?? 0);
      m.lastCheckpointTime.set(labels, (latest.endTimestamp ?? latest.latestAckTimestamp ?? latest.triggerTimestamp) / 1000);
    }
    let seen = this.observed.get(job.jobId);
    if (seen === undefined) this.observed.set(job.jobId, (seen = new Set()));
    const present = new Set<string>();
    for (const stats of checkpoints.history) {
      const key = `${stats.kind}:${stats.id}`;
      present.add(key);
      if (stats.status !== 'COMPLETED' || stats.durationMs === undefined || seen.has(key)) continue;
      seen.add(key);
      this.checkpointDuration.observe({ kind: stats.kind }, stats.durationMs / 1000);
    }
    for (const key of seen) if (!present.has(key)) seen.delete(key);
  }
}
