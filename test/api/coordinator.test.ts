import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobStatus } from '../../src/core/job-status.js';
import { Coordinator, type CoordinatorOptions } from '../../src/engine/coordinator.js';
import type { JobRunHandle } from '../../src/engine/coordinator-job.js';
import type { JobRunOptions } from '../../src/engine/job-run.js';
import type { JobPlan } from '../../src/plan/job-plan.js';
import type { JobHistoryStore, JobRecord } from '../../src/state/job-history-store.js';

const CONFIG = (parallelism = 1): string =>
  JSON.stringify({
    env: { 'job.mode': 'STREAMING', parallelism },
    source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', schema: { fields: { name: 'string' } } }],
    sink: [{ plugin_name: 'Console', plugin_input: 'fake' }],
  });

/** A job that runs until told to finish, fail or cancel; no worker threads. */
class FakeRun implements JobRunHandle {
  status: JobStatus = 'CREATED';
  error: string | undefined;
  timestamps: Partial<Record<JobStatus, number>> = {};
  runningSeconds = 1;
  metrics = { snapshot: () => ({ vertices: {}, subtasks: {}, read: 3, written: 3, readBytes: 0, writtenBytes: 0, readTables: {}, writtenTables: {} }) };
  checkpoints = { counts: { triggered: 0, inProgress: 0, completed: 0, failed: 0, restored: 0 }, history: [] };
  restorable: boolean;
  private end!: (status: JobStatus) => void;
  private readonly ended = new Promise<JobStatus>((resolve) => (this.end = resolve));

  constructor(readonly plan: JobPlan, readonly options: JobRunOptions) {
    this.restorable = plan.restorable;
  }

  start(): Promise<JobStatus> {
    this.set('PENDING');
    this.set('RUNNING');
    return this.ended;
  }
  finish(status: JobStatus = 'FINISHED', error?: string): void {
    this.error = error;
    this.set(status);
    this.end(status);
  }
  cancel(): void {
    this.set('CANCELING');
    queueMicrotask(() => this.finish('CANCELED'));
  }
  async stopWithSavepoint() {
    this.set('DOING_SAVEPOINT');
    queueMicrotask(() => this.finish('SAVEPOINT_DONE'));
    return { id: 1, kind: 'savepoint' as const, status: 'COMPLETED' as const, triggerTimestamp: 0, numSubtasks: 1, numAckedSubtasks: 1 };
  }
  triggerSavepoint = this.stopWithSavepoint;
  triggerCheckpoint = this.stopWithSavepoint;
  async rescale(): Promise<void> {}
  private set(status: JobStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }
}

class MemoryHistory implements JobHistoryStore {
  readonly records = new Map<string, JobRecord>();
  async load() {
    return { records: [...this.records.values()].map((r) => structuredClone(r)), warnings: [] };
  }
  async save(record: JobRecord) {
    this.records.set(record.jobId, structuredClone(record));
  }
  async remove(jobId: string) {
    this.records.delete(jobId);
  }
  async close() {}
}

async function open(options: Partial<CoordinatorOptions> = {}, history = new MemoryHistory()) {
  const runs = new Map<string, FakeRun>();
  const coordinator = await Coordinator.open({
    history,
    createRun: (plan, runOptions) => {
      const run = new FakeRun(plan, runOptions);
      runs.set(runOptions.jobId, run);
      return run;
    },
    onWarning: () => undefined,
    ...options,
  });
  return { coordinator, runs, history };
}

describe('Coordinator', () => {
  it('accepts a job as PENDING, durably, then runs it; a running custom id is not started twice', async () => {
    const { coordinator, runs, history } = await open();
    const result = await coordinator.submit(CONFIG(), { jobId: '733584788375666689', jobName: 'named' });
    assert.deepEqual(result, { jobId: '733584788375666689', jobName: 'named', alreadyRunning: false });
    assert.equal(history.records.get('733584788375666689')?.jobName, 'named');
    assert.equal(coordinator.job('733584788375666689')?.status, 'RUNNING');
    assert.equal((await coordinator.submit(CONFIG(), { jobId: '733584788375666689' })).alreadyRunning, true);
    assert.equal(runs.size, 1);
    runs.get('733584788375666689')!.finish();
    await coordinator.whenEnded('733584788375666689');
    assert.equal(coordinator.finishedJobs()[0]!.status, 'FINISHED');
    assert.equal(history.records.get('733584788375666689')?.status, 'FINISHED');
    assert.equal(history.records.get('733584788375666689')?.runPlan, undefined, 'the run plan (with secrets) is dropped once the job ended');
    await assert.rejects(coordinator.submit(CONFIG(), { jobId: '733584788375666689' }), /has already been submitted and is not starting with a savepoint/);
    await coordinator.close({ savepoint: true });
  });

  it('REJECT fails a job at once when slots are short; WAIT queues it', async () => {
    const reject = await open({ slots: { dynamic: false, slotNum: 2 } });
    const a = await reject.coordinator.submit(CONFIG(2));
    const b = await reject.coordinator.submit(CONFIG(1));
    assert.equal(reject.coordinator.job(a.jobId)?.status, 'RUNNING');
    assert.equal(reject.coordinator.job(b.jobId)?.status, 'FAILED');
    assert.match(reject.coordinator.job(b.jobId)?.error ?? '', /Not enough free slots: the job needs 1, 0 of 2 are free/);
    const tooBig = await reject.coordinator.submit(CONFIG(3));
    assert.match(reject.coordinator.job(tooBig.jobId)?.error ?? '', /needs 3 slots but this node has only 2/);
    await reject.coordinator.close({ savepoint: false });

    const wait = await open({ slots: { dynamic: false, slotNum: 2 }, scheduleStrategy: 'WAIT' });
    const first = await wait.coordinator.submit(CONFIG(2));
    const second = await wait.coordinator.submit(CONFIG(2));
    assert.equal(wait.coordinator.job(second.jobId)?.status, 'PENDING');
    assert.equal(wait.coordinator.overview().pending, 1);
    wait.runs.get(first.jobId)!.finish();
    await wait.coordinator.whenEnded(first.jobId);
    assert.equal(wait.coordinator.job(second.jobId)?.status, 'RUNNING');
    assert.deepEqual(wait.coordinator.overview().slots, { dynamic: false, total: 2, free: 0, assigned: 2 });
    await wait.coordinator.close({ savepoint: false });
  });

  it('cancels pending and running jobs; operations on unknown jobs are refused', async () => {
    const { coordinator } = await open({ slots: { dynamic: false, slotNum: 1 }, scheduleStrategy: 'WAIT' });
    const running = await coordinator.submit(CONFIG());
    const pending = await coordinator.submit(CONFIG());
    assert.equal(coordinator.cancel(pending.jobId), true);
    assert.equal(coordinator.job(pending.jobId)?.status, 'CANCELED');
    assert.equal(coordinator.cancel(running.jobId), true);
    await coordinator.whenEnded(running.jobId);
    assert.equal(coordinator.job(running.jobId)?.status, 'CANCELED');
    assert.equal(coordinator.cancel('42'), false);
    await assert.rejects(coordinator.stopWithSavepoint('42'), /does not exist/);
    await assert.rejects(coordinator.stopWithSavepoint(running.jobId), /not running, save point failed/);
    await coordinator.close({ savepoint: false });
  });

  it('at close, stops restorable jobs with a savepoint for resumption, and requeues accepted ones on open', async () => {
    const history = new MemoryHistory();
    const first = await open({ slots: { dynamic: false, slotNum: 1 }, scheduleStrategy: 'WAIT' }, history);
    const running = await first.coordinator.submit(CONFIG());
    const queued = await first.coordinator.submit(CONFIG());
    await first.coordinator.close({ savepoint: true });
    await assert.rejects(first.coordinator.submit(CONFIG()), /shutting down/);
    assert.equal(history.records.get(running.jobId)?.status, 'SAVEPOINT_DONE');
    assert.equal(history.records.get(running.jobId)?.resumeOnStart, true);
    assert.equal(history.records.get(queued.jobId)?.status, 'PENDING');

    // No checkpoint store: the savepoint cannot be found, so the job is recorded FAILED with the reason.
    const second = await open({ slots: { dynamic: false, slotNum: 1 }, scheduleStrategy: 'WAIT' }, history);
    assert.equal(second.coordinator.job(running.jobId)?.status, 'FAILED');
    assert.match(second.coordinator.job(running.jobId)?.error ?? '', /could not be resumed: its savepoint is missing/);
    assert.equal(second.coordinator.job(queued.jobId)?.status, 'RUNNING', 'the never-started job runs now');
    await second.coordinator.close({ savepoint: false });
    assert.equal(history.records.get(queued.jobId)?.status, 'CANCELED');
    assert.equal(history.records.get(queued.jobId)?.error, 'Canceled because the node shut down.');
  });

  it('forgets finished jobs after history-job-expire-minutes', async () => {
    const history = new MemoryHistory();
    const old = { jobId: '5', jobName: 'old', status: 'FINISHED', envOptions: {}, createTime: 0, finishTime: 0, isStartWithSavePoint: false, started: true, plan: { jobName: 'old', env: {}, vertices: [], pipelines: [], restorable: true } } as unknown as JobRecord;
    history.records.set('5', old);
    history.records.set('6', { ...old, jobId: '6', finishTime: Date.now() });
    const { coordinator } = await open({ historyExpireMinutes: 1 }, history);
    assert.equal(coordinator.job('5'), undefined);
    assert.equal(coordinator.job('6')?.jobName, 'old');
    assert.deepEqual([...history.records.keys()], ['6']);
    await coordinator.close({ savepoint: false });
  });
});
