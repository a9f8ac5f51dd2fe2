import type { JobConfig } from '../config/job-config.js';
import type { ConfigFormat } from '../config/parse-job-config.js';
import { errorMessage, SluiceError } from '../core/errors.js';
import { JobIdGenerator, parseJobId } from '../core/job-id.js';
import { isTerminal, type JobStatus } from '../core/job-status.js';
import type { PluginCatalog } from '../core/plugin.js';
import type { JobPlan } from '../plan/job-plan.js';
import { catalog as builtInCatalog } from '../plugins.js';
import type { CheckpointStore } from '../state/checkpoint-store.js';
import type { JobHistoryStore, JobRecord } from '../state/job-history-store.js';
import type { CheckpointStats } from './checkpoint-stats.js';
import { CoordinatorError } from './coordinator-error.js';
import { CoordinatorJob, safely, viewOfRecord, type JobRunHandle, type JobView, type RestorePoint } from './coordinator-job.js';
import { CoordinatorJobLog } from './coordinator-job-log.js';
import { secretValues } from './coordinator-secrets.js';
import { lowerWorkerPriority } from './worker-slot.js';
import { planSubmission, shadeKeyEnv, slotsNeeded } from './coordinator-submission.js';
import { JobRun, type JobRunOptions } from './job-run.js';
import type { LogLine } from './messages.js';
import { SlotPool, type SlotPoolOptions } from './slot-pool.js';

export type ScheduleStrategy = 'REJECT' | 'WAIT';

export interface CoordinatorOptions {
  history: JobHistoryStore;
  /** Savepoints and checkpoints; without one, jobs can neither be restored nor resumed. */
  checkpointStore?: CheckpointStore;
  /** Folder of the per-job log files `job-<id>.log`; none: logs are kept in memory only. */
  logDir?: string;
  /** `slot-service`: dynamic (unlimited) by default. */
  slots?: SlotPoolOptions;
  /** `job-schedule-strategy`: REJECT (SeaTunnel's default) fails a job at once when slots are short; WAIT queues it. */
  scheduleStrategy?: ScheduleStrategy;
  /** `history-job-expire-minutes` (1440): finished jobs are forgotten this long after they ended. */
  historyExpireMinutes?: number;
  /** Log lines kept in memory per job (1000). */
  logLines?: number;
  catalog?: PluginCatalog;
  /**
   * What `${var}` in submitted configs (and the aes256 shade key) may read. Defaults to the shade
   * key variables only: a remote client must not read the server's environment through `${VAR}`.
   */
  configEnv?: Readonly<Record<string, string | undefined>>;
  /** Node-level warnings (history that cannot be written, jobs that could not be resumed). */
  onWarning?: (message: string) => void;
  /** How long `close` waits for jobs to stop (60 s). */
  closeTimeoutMs?: number;
  /** Runs a plan; `JobRun` on worker threads by default. */
  createRun?: (plan: JobPlan, options: JobRunOptions) => JobRunHandle;
}

export interface SubmitOptions {
  /** Syntax of a config given as text; JSON by default (SeaTunnel's REST body). */
  format?: ConfigFormat;
  /** A custom 64-bit job id (decimal string); a new id is generated when absent. */
  jobId?: string;
  /** Overrides `env.job.name` when non-empty. */
  jobName?: string;
  /** Restore the latest savepoint or checkpoint of `jobId`. */
  startWithSavepoint?: boolean;
}

export interface SubmitResult {
  jobId: string;
  jobName: string;
  /** The job id was already running: nothing new was started (SeaTunnel answers success). */
  alreadyRunning: boolean;
}

export interface CoordinatorOverview {
  /** Accepted and not ended, PENDING included (SeaTunnel's `runningJobs`). */
  active: number;
  pending: number;
  finished: number;
  failed: number;
  canceled: number;
  savepointDone: number;
  slots: { dynamic: boolean; total?: number; free?: number; assigned: number };
}

/**
 * The job service of one node: accepts jobs, queues them for slots, runs them, answers what every
 * API and the dashboard ask about them, keeps their history durable, and stops them cleanly.
 * Create it with `Coordinator.open`, which loads the history and resumes jobs the last shutdown
 * stopped with a savepoint. Every method is safe to call at any time; none blocks on a job.
 */
export class Coordinator {
  private readonly active = new Map<string, CoordinatorJob>();
  private readonly finished = new Map<string, JobRecord>();
  private readonly queue: CoordinatorJob[] = [];
  private readonly endings = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly writes = new Set<Promise<void>>();
  private readonly pool: SlotPool;
  private readonly ids = new JobIdGenerator();
  private readonly sweeper: NodeJS.Timeout;
  private closing: Promise<void> | undefined;

  private constructor(private readonly options: CoordinatorOptions) {
    // The coordinator shares its process with the REST API, which must stay responsive.
    lowerWorkerPriority();
    this.pool = new SlotPool(options.slots ?? { dynamic: true, slotNum: 2 });
    this.sweeper = setInterval(() => this.expireHistory(), 60_000);
    this.sweeper.unref();
  }

  /** Loads the job history, resumes what can be resumed, and records the rest as ended (with the reason). */
  static async open(options: CoordinatorOptions): Promise<Coordinator> {
    const coordinator = new Coordinator(options);
    try {
      await coordinator.restore();
    } catch (error) {
      clearInterval(coordinator.sweeper);
      throw error;
    }
    return coordinator;
  }

  get scheduleStrategy(): ScheduleStrategy {
    return this.options.scheduleStrategy ?? 'REJECT';
  }

  get logDir(): string | undefined {
    return this.options.logDir;
  }

  /**
   * Accepts a job and returns once it is PENDING and recorded durably (it has not necessarily
   * started). SeaTunnel's rules: a custom id that is running → success, nothing new; an id with
   * history → ALREADY_SUBMITTED unless `startWithSavepoint`, which restores the id's latest
   * savepoint or checkpoint (NO_SAVEPOINT when there is none). Throws ConfigError for a bad config.
   */
  async submit(config: string | JobConfig, options: SubmitOptions = {}): Promise<SubmitResult> {
    this.assertOpen();
    const requestedId = options.jobId === undefined ? undefined : parseJobId(options.jobId);
    if (options.jobId !== undefined && requestedId === undefined) throw new CoordinatorError('INVALID_REQUEST', `Invalid job id "${options.jobId}": a job id is a whole number from 1 to 2^63-1.`);
    if (options.startWithSavepoint && requestedId === undefined) throw new CoordinatorError('INVALID_REQUEST', 'Please provide jobId when start with save point.');
    const { plan } = planSubmission(config, { format: options.format ?? 'json', jobName: options.jobName, catalog: this.options.catalog ?? builtInCatalog, env: this.configEnv() });

    let restoreFrom: RestorePoint | undefined;
    if (requestedId !== undefined) {
      const running = this.alreadyRunning(requestedId);
      if (running !== undefined) return running;
      if (this.finished.has(requestedId) && !options.startWithSavepoint) {
        throw new CoordinatorError('ALREADY_SUBMITTED', `The job id ${requestedId} has already been submitted and is not starting with a savepoint.`);
      }
      if (options.startWithSavepoint) {
        restoreFrom = await this.latestCheckpoint(requestedId);
        this.assertOpen();
        const raced = this.alreadyRunning(requestedId);
        if (raced !== undefined) return raced;
      }
    }

    const jobId = requestedId ?? this.newJobId();
    const job = this.createJob(jobId, plan, Date.now(), options.startWithSavepoint === true, restoreFrom);
    this.active.set(jobId, job);
    try {
      await this.options.history.save(job.record());
    } catch (error) {
      this.active.delete(jobId);
      void job.log.close();
      throw new SluiceError('INTERNAL', `Job ${jobId} was not accepted: it could not be recorded in the job history (${errorMessage(error)}).`, { cause: error });
    }
    this.finished.delete(jobId);
    if (restoreFrom !== undefined) job.log.append([nodeLine(`Restoring job ${jobId} from ${restoreFrom.checkpoint.kind} ${restoreFrom.checkpoint.checkpointId}`)]);
    this.admit(job);
    return { jobId, jobName: job.jobName, alreadyRunning: false };
  }

  /** Cancels a job (→ CANCELING → CANCELED). False when no accepted, unfinished job has the id: a no-op, as in SeaTunnel. */
  cancel(jobId: string): boolean {
    const job = this.active.get(jobId);
    if (job === undefined || job.finishTime !== undefined) return false;
    if (job.run === undefined) {
      this.dequeue(job);
      job.setStatus('CANCELING');
      this.end(job, 'CANCELED');
    } else {
      job.run.cancel();
    }
    return true;
  }

  /** Takes a savepoint and stops the job: DOING_SAVEPOINT, then SAVEPOINT_DONE. Rejects when the job is not RUNNING. */
  stopWithSavepoint(jobId: string): Promise<CheckpointStats> {
    return this.onRunning(jobId, 'save point', (run) => run.stopWithSavepoint());
  }

  /** Takes a savepoint; the job keeps running. */
  triggerSavepoint(jobId: string): Promise<CheckpointStats> {
    return this.onRunning(jobId, 'save point', (run) => run.triggerSavepoint());
  }

  triggerCheckpoint(jobId: string): Promise<CheckpointStats> {
    return this.onRunning(jobId, 'checkpoint', (run) => run.triggerCheckpoint());
  }

  /**
   * Changes the parallelism of every pipeline of a running job. The job's slots change with it:
   * growing needs the extra slots free (on fixed slots), else it is refused.
   */
  rescale(jobId: string, parallelism: number): Promise<void> {
    if (!Number.isInteger(parallelism) || parallelism < 1) return Promise.reject(new CoordinatorError('INVALID_REQUEST', `parallelism must be a whole number of at least 1, got ${parallelism}`));
    return this.onRunning(jobId, 'rescale', async (run, job) => {
      const wanted = parallelism * job.plan.pipelines.length;
      const delta = wanted - job.slots;
      if (delta > 0 && !this.pool.tryAcquire(delta)) {
        throw new CoordinatorError('NOT_RUNNING', `Not enough free slots to rescale job ${jobId} to parallelism ${parallelism}: it needs ${delta} more, ${this.pool.free} are free.`);
      }
      try {
        await run.rescale(parallelism);
      } catch (error) {
        if (delta > 0) this.pool.release(delta);
        throw error;
      }
      if (delta < 0) this.pool.release(-delta);
      job.slots = wanted;
    });
  }

  /** Deletes a stored savepoint or checkpoint by the path its statistics report; false when nothing was stored there. */
  disposeSavepoint(path: string): Promise<boolean> {
    const store = this.options.checkpointStore;
    if (store === undefined) return Promise.reject(new CoordinatorError('INVALID_REQUEST', 'This node has no checkpoint storage, so it has no savepoints to dispose.'));
    return store.dispose(path);
  }

  /** Accepted jobs that have not ended (PENDING included), oldest first. */
  runningJobs(): JobView[] {
    return [...this.active.values()].map((job) => job.view());
  }

  /** Ended jobs still in history, by finish time, oldest first. */
  finishedJobs(): JobView[] {
    return [...this.finished.values()].map(viewOfRecord).sort((a, b) => (a.finishTime ?? 0) - (b.finishTime ?? 0));
  }

  /** One job, running or finished; undefined when unknown or expired. */
  job(jobId: string): JobView | undefined {
    const active = this.active.get(jobId);
    if (active !== undefined) return active.view();
    const record = this.finished.get(jobId);
    return record === undefined ? undefined : viewOfRecord(record);
  }

  /** The last log lines of a job still held in memory (masked); undefined for a job not run since the node started. */
  jobLog(jobId: string): LogLine[] | undefined {
    return this.active.get(jobId)?.log.lines();
  }

  /** Resolves when the job has ended and its record is written (at once for an unknown job). */
  whenEnded(jobId: string): Promise<void> {
    return this.endings.get(jobId)?.promise ?? Promise.resolve();
  }

  overview(): CoordinatorOverview {
    const count = (status: JobStatus): number => [...this.finished.values()].filter((record) => record.status === status).length;
    return {
      active: this.active.size,
      pending: [...this.active.values()].filter((job) => job.run === undefined).length,
      finished: count('FINISHED'),
      failed: count('FAILED'),
      canceled: count('CANCELED'),
      savepointDone: count('SAVEPOINT_DONE'),
      slots: { dynamic: this.pool.dynamic, total: this.pool.total, free: this.pool.free, assigned: this.pool.assigned },
    };
  }

  /**
   * Stops the node's jobs for a shutdown, then waits for the history to be written. With
   * `savepoint`, a RUNNING job that can be restored stops with a savepoint and is resumed by the next
   * `open` on the same data; every other started job is canceled and recorded CANCELED with the
   * reason. Jobs still PENDING stay recorded as accepted and are queued again by the next `open`.
   * Idempotent; new submissions are refused from the first call.
   */
  close(options: { savepoint: boolean }): Promise<void> {
    this.closing ??= this.shutdown(options.savepoint);
    return this.closing;
  }

  private async shutdown(savepoint: boolean): Promise<void> {
    clearInterval(this.sweeper);
    this.queue.length = 0;
    const timeoutMs = this.options.closeTimeoutMs ?? 60_000;
    await Promise.all([...this.active.values()].map((job) => this.stopForShutdown(job, savepoint, timeoutMs)));
    await Promise.allSettled([...this.writes]);
    await this.options.history.close();
  }

  private async stopForShutdown(job: CoordinatorJob, savepoint: boolean, timeoutMs: number): Promise<void> {
    const run = job.run;
    if (run === undefined) {
      await job.log.close(); // its accepted record stays: the next start queues it again
      return;
    }
    const restorable = safely(() => run.restorable);
    if (savepoint && restorable === true && job.status === 'RUNNING') {
      job.nodeStop = { reason: 'Stopped with a savepoint because the node shut down; it resumes when the node starts again.', resume: true };
      try {
        await run.stopWithSavepoint();
      } catch (error) {
        job.nodeStop = { reason: `Canceled because the node shut down; the savepoint failed: ${errorMessage(error)}`, resume: false };
        run.cancel();
      }
    } else {
      const why = restorable === false ? 'its sources cannot snapshot their positions' : restorable === undefined ? 'this engine cannot take savepoints yet' : `it was ${job.status}`;
      job.nodeStop = { reason: savepoint ? `Canceled because the node shut down; it could not be stopped with a savepoint: ${why}.` : 'Canceled because the node shut down.', resume: false };
      run.cancel();
    }
    const ended = this.whenEnded(job.jobId);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([ended, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      job.nodeStop = { reason: `Canceled because the node shut down; the job did not stop within ${timeoutMs / 1000}s.`, resume: false };
      this.end(job, 'CANCELED');
      await ended;
    }
  }

  private async restore(): Promise<void> {
    const { records, warnings } = await this.options.history.load();
    for (const warning of warnings) this.warn(warning);
    records.sort((a, b) => a.createTime - b.createTime);
    for (const record of records) {
      try {
        await this.restoreRecord(record);
      } catch (error) {
        this.warn(`job ${record.jobId} could not be restored from the job history: ${errorMessage(error)}`);
      }
    }
    this.expireHistory();
  }

  private async restoreRecord(record: JobRecord): Promise<void> {
    if (isTerminal(record.status) && !record.resumeOnStart) {
      this.finished.set(record.jobId, record);
      return;
    }
    const plan = record.runPlan;
    let restoreFrom: RestorePoint | undefined;
    let reason: string | undefined;
    if (plan === undefined) reason = 'its plan was not recorded';
    else if (record.resumeOnStart || record.started || record.isStartWithSavePoint) {
      restoreFrom = await this.latestRestorePoint(record.jobId);
      if (restoreFrom === undefined) {
        reason = record.resumeOnStart ? 'its savepoint is missing' : record.restorable === false ? 'its sources cannot snapshot their positions' : 'it has no checkpoint';
      }
    }
    if (plan === undefined || reason !== undefined) {
      const failed: JobRecord = { ...record, status: 'FAILED', finishTime: Date.now(), error: `The node stopped while the job was ${record.resumeOnStart ? 'stopped for resumption' : record.status}, and it could not be resumed: ${reason}.` };
      delete failed.runPlan;
      delete failed.resumeOnStart;
      this.finished.set(record.jobId, failed);
      this.persistRecord(failed);
      return;
    }
    const job = this.createJob(record.jobId, plan, record.createTime, record.isStartWithSavePoint || restoreFrom !== undefined, restoreFrom);
    job.log.append([nodeLine(restoreFrom === undefined ? `Job ${record.jobId} queued again after a node restart` : `Resuming job ${record.jobId} after a node restart from ${restoreFrom.checkpoint.kind} ${restoreFrom.checkpoint.checkpointId}`)]);
    this.active.set(job.jobId, job);
    this.persist(job);
    this.admit(job);
  }

  private createJob(jobId: string, plan: JobPlan, createTime: number, startWithSavepoint: boolean, restoreFrom: RestorePoint | undefined): CoordinatorJob {
    const log = new CoordinatorJobLog(jobId, secretValues(plan), this.options.logLines ?? 1000, this.options.logDir);
    const job = new CoordinatorJob(jobId, plan, slotsNeeded(plan), createTime, startWithSavepoint, restoreFrom, log);
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    this.endings.set(jobId, { promise, resolve });
    return job;
  }

  /** PENDING → running now, queued (WAIT), or FAILED when slots are short (REJECT) or can never suffice. */
  private admit(job: CoordinatorJob): void {
    if (!this.pool.canEverFit(job.slots)) {
      job.error = `The job needs ${job.slots} slots but this node has only ${this.pool.total} (slot-service.slot-num).`;
      this.end(job, 'FAILED');
    } else if (this.scheduleStrategy === 'REJECT') {
      if (this.pool.tryAcquire(job.slots)) this.start(job);
      else {
        job.error = `Not enough free slots: the job needs ${job.slots}, ${this.pool.free} of ${this.pool.total} are free (job-schedule-strategy REJECT).`;
        this.end(job, 'FAILED');
      }
    } else {
      this.queue.push(job);
      this.drain();
    }
  }

  /** Starts queued jobs in order while the first one fits (no overtaking, so big jobs do not starve). */
  private drain(): void {
    if (this.closing !== undefined) return;
    while (this.queue.length > 0 && this.pool.tryAcquire(this.queue[0]!.slots)) this.start(this.queue.shift()!);
  }

  private start(job: CoordinatorJob): void {
    let run: JobRunHandle;
    try {
      const options: JobRunOptions = {
        jobId: job.jobId,
        onLog: (lines) => job.log.append(lines),
        onStatus: (status) => this.onRunStatus(job, status),
        ...(this.options.checkpointStore === undefined ? {} : { checkpointStore: this.options.checkpointStore }),
        ...(job.restoreFrom === undefined ? {} : { restoreFrom: job.restoreFrom }),
      };
      run = (this.options.createRun ?? ((plan, o) => new JobRun(plan, o)))(job.plan, options);
    } catch (error) {
      this.pool.release(job.slots);
      job.error = errorMessage(error);
      this.end(job, 'FAILED');
      return;
    }
    job.run = run;
    job.restorable = safely(() => run.restorable);
    job.log.append([nodeLine(`Job ${job.jobName} (${job.jobId}) scheduled on ${job.slots} slot(s)`)]);
    run.start().then(
      (status) => this.end(job, status),
      (error: unknown) => {
        job.error ??= errorMessage(error);
        this.end(job, 'FAILED');
      },
    );
    this.persist(job);
  }

  private onRunStatus(job: CoordinatorJob, status: JobStatus): void {
    if (job.finishTime !== undefined || job.run === undefined || status === 'CREATED' || status === 'PENDING' || isTerminal(status)) return;
    job.setStatus(status);
    if (status === 'RUNNING') job.restorable = safely(() => job.run!.restorable);
    this.persist(job);
  }

  /** Moves a job to history, once: frees its slots, writes its final record, starts queued jobs. */
  private end(job: CoordinatorJob, status: JobStatus): void {
    if (job.finishTime !== undefined) return;
    const runError = job.run?.error;
    if (job.error === undefined && runError !== undefined) job.error = runError;
    if (job.nodeStop !== undefined && !(job.nodeStop.resume && status === 'SAVEPOINT_DONE')) {
      job.nodeStop.resume = false;
      if (status === 'CANCELED') job.error = job.nodeStop.reason;
    }
    job.setStatus(status);
    job.finishTime = job.timestamps[status]!;
    job.freeze();
    if (job.run !== undefined) this.pool.release(job.slots);
    this.active.delete(job.jobId);
    const record = job.record();
    this.finished.set(job.jobId, record);
    job.log.append([nodeLine(`Job ${job.jobId} ended with state ${status}${job.error === undefined ? '' : `: ${job.error}`}`)]);
    const written = this.persistRecord(record);
    const ending = this.endings.get(job.jobId);
    void Promise.all([written, job.log.close()]).then(() => {
      ending?.resolve();
      if (this.endings.get(job.jobId) === ending) this.endings.delete(job.jobId);
    });
    this.drain();
  }

  private onRunning<T>(jobId: string, operation: string, act: (run: JobRunHandle, job: CoordinatorJob) => Promise<T>): Promise<T> {
    const job = this.active.get(jobId);
    if (job === undefined && !this.finished.has(jobId)) return Promise.reject(new CoordinatorError('JOB_NOT_FOUND', `The job with id '${jobId}' does not exist, ${operation} failed`));
    if (job?.run === undefined || job.status !== 'RUNNING') return Promise.reject(new CoordinatorError('NOT_RUNNING', `The job with id '${jobId}' not running, ${operation} failed`));
    let outcome: Promise<T>;
    try {
      outcome = act(job.run, job);
    } catch (error) {
      outcome = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // Callers such as SeaTunnel's stop-job do not wait: the job's log is where a failure shows.
    outcome.catch((error: unknown) => job.log.append([{ time: Date.now(), level: 'WARN', source: 'coordinator', message: `${operation} of job ${jobId} failed: ${errorMessage(error)}` }]));
    return outcome;
  }

  private alreadyRunning(jobId: string): SubmitResult | undefined {
    const job = this.active.get(jobId);
    if (job === undefined) return undefined;
    job.log.append([nodeLine(`The job ${jobId} is currently running; no need to submit again.`)]);
    return { jobId, jobName: job.jobName, alreadyRunning: true };
  }

  private async latestCheckpoint(jobId: string): Promise<RestorePoint> {
    if (this.options.checkpointStore === undefined) throw new CoordinatorError('NO_SAVEPOINT', `The job ${jobId} cannot start with a savepoint: this node has no checkpoint storage.`);
    const latest = await this.latestRestorePoint(jobId);
    if (latest === undefined) throw new CoordinatorError('NO_SAVEPOINT', `The job ${jobId} has no savepoint or checkpoint to start from.`);
    return latest;
  }

  /** The newest savepoint or checkpoint of a job, with its storage path. */
  private async latestRestorePoint(jobId: string): Promise<RestorePoint | undefined> {
    const store = this.options.checkpointStore;
    const checkpoint = await store?.latest(jobId);
    if (store === undefined || checkpoint === undefined) return undefined;
    const stored = (await store.list(jobId)).find((info) => info.checkpointId === checkpoint.checkpointId && info.kind === checkpoint.kind);
    return { checkpoint, path: stored?.path ?? '' };
  }

  private dequeue(job: CoordinatorJob): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) this.queue.splice(at, 1);
  }

  private persist(job: CoordinatorJob): void {
    this.persistRecord(job.record());
  }

  private persistRecord(record: JobRecord): Promise<void> {
    const write = this.options.history.save(record).catch((error: unknown) => this.warn(`job ${record.jobId}: the job history could not be written: ${errorMessage(error)}`));
    this.writes.add(write);
    void write.then(() => this.writes.delete(write));
    return write;
  }

  private expireHistory(): void {
    const horizon = Date.now() - (this.options.historyExpireMinutes ?? 1440) * 60_000;
    for (const [jobId, record] of this.finished) {
      if ((record.finishTime ?? record.createTime) < horizon && !record.resumeOnStart) {
        this.finished.delete(jobId);
        this.options.history.remove(jobId).catch((error: unknown) => this.warn(`job ${jobId}: expired history could not be deleted: ${errorMessage(error)}`));
      }
    }
  }

  private newJobId(): string {
    let id = this.ids.next();
    while (this.active.has(id) || this.finished.has(id)) id = this.ids.next();
    return id;
  }

  private configEnv(): Readonly<Record<string, string | undefined>> {
    return this.options.configEnv ?? shadeKeyEnv();
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new CoordinatorError('SHUTTING_DOWN', 'The node is shutting down and accepts no new jobs.');
  }

  private warn(message: string): void {
    (this.options.onWarning ?? ((text: string) => process.stderr.write(`warning: ${text}\n`)))(message);
  }
}

function nodeLine(message: string): LogLine {
  return { time: Date.now(), level: 'INFO', source: 'coordinator', message };
}
