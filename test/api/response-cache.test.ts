import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type SluiceServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { defaultSecuritySettings } from '../../src/api/security/security-settings.js';
import type { JobStatus } from '../../src/core/job-status.js';
import { Coordinator } from '../../src/engine/coordinator.js';
import type { JobRunHandle } from '../../src/engine/coordinator-job.js';
import type { JobRunOptions } from '../../src/engine/job-run.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';

const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };
const TTL = 300;
const JOB = JSON.stringify({
  env: { 'job.mode': 'STREAMING', parallelism: 1 },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console', plugin_input: 'fake' }],
});

/** A run whose rows and end the test controls; no worker threads. */
class ControlledRun implements JobRunHandle {
  status: JobStatus = 'CREATED';
  error: string | undefined;
  timestamps: Partial<Record<JobStatus, number>> = {};
  runningSeconds = 1;
  rows = 0;
  metrics = { snapshot: () => ({ vertices: {}, subtasks: {}, read: this.rows, written: this.rows, readBytes: 0, writtenBytes: 0, readTables: {}, writtenTables: {} }) };
  checkpoints = { counts: { triggered: 0, inProgress: 0, completed: 0, failed: 0, restored: 0 }, history: [] };
  restorable = true;
  private end!: (status: JobStatus) => void;
  private readonly ended = new Promise<JobStatus>((resolve) => (this.end = resolve));

  constructor(private readonly options: JobRunOptions) {}

  start(): Promise<JobStatus> {
    this.status = 'RUNNING';
    this.options.onStatus?.('RUNNING');
    return this.ended;
  }
  finish(): void {
    this.status = 'FINISHED';
    this.end('FINISHED');
  }
  cancel(): void {
    this.status = 'CANCELED';
    this.end('CANCELED');
  }
  stopWithSavepoint = (): Promise<never> => Promise.reject(new Error('not in this test'));
  triggerSavepoint = this.stopWithSavepoint;
  triggerCheckpoint = this.stopWithSavepoint;
  async rescale(): Promise<void> {}
}

describe('response cache of job lists (rest.response-cache.ttl-ms)', () => {
  let coordinator: Coordinator;
  let server: SluiceServer;
  const runs: ControlledRun[] = [];
  const rowsShown = async (): Promise<string[]> => ((await server.app.inject('/hazelcast/rest/maps/running-jobs')).json() as { metrics: { SourceReceivedCount: string } }[]).map((job) => job.metrics.SourceReceivedCount);

  before(async () => {
    coordinator = await Coordinator.open({
      history,
      onWarning: () => undefined,
      createRun: (_plan, options) => {
        const run = new ControlledRun(options);
        runs.push(run);
        return run;
      },
    });
    server = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, responseCacheMs: TTL, security: defaultSecuritySettings() }, 'test');
  });
  after(async () => {
    await server.close();
    await coordinator.close({ savepoint: false });
  });

  it('serves a list again within the TTL and renders it afresh after', async () => {
    await coordinator.submit(JOB);
    await sleep(10);
    runs[0]!.rows = 5;
    assert.deepEqual(await rowsShown(), ['5']);
    runs[0]!.rows = 9;
    assert.deepEqual(await rowsShown(), ['5'], 'row counts may lag by the TTL');
    assert.equal((await server.app.inject(`/hazelcast/rest/maps/job-info/${coordinator.runningJobs()[0]!.jobId}`)).json().metrics.SourceReceivedCount, '9', 'single jobs are never cached');
    await sleep(TTL + 50);
    assert.deepEqual(await rowsShown(), ['9']);
  });

  it('drops everything on a write request', async () => {
    runs[0]!.rows = 11;
    assert.deepEqual(await rowsShown(), ['9']);
    await server.app.inject({ method: 'POST', url: '/hazelcast/rest/maps/update-tags', payload: '{"zone":"a"}' });
    assert.deepEqual(await rowsShown(), ['11']);
  });

  it('never leaves out a job that was submitted or ended, even within the TTL', async () => {
    assert.equal((await server.app.inject('/hazelcast/rest/maps/finished-jobs')).body, '[]');
    await coordinator.submit(JOB); // not through the API: only the job counts tell
    assert.equal((await rowsShown()).length, 2);
    runs[0]!.finish();
    await sleep(10);
    assert.equal((await rowsShown()).length, 1);
    assert.equal(((await server.app.inject('/hazelcast/rest/maps/finished-jobs')).json() as unknown[]).length, 1);
  });

  it('is off with a TTL of 0', async () => {
    const uncached = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, responseCacheMs: 0, security: defaultSecuritySettings() }, 'test');
    try {
      const last = runs.at(-1)!;
      last.rows = 1;
      const first = (await uncached.app.inject('/hazelcast/rest/maps/running-jobs')).body;
      last.rows = 2;
      assert.notEqual((await uncached.app.inject('/hazelcast/rest/maps/running-jobs')).body, first);
    } finally {
      await uncached.close();
    }
  });

  it('answers a cached list only to callers the request guard lets through', async () => {
    const security = defaultSecuritySettings();
    security.auth = { enabled: true, realm: 'sluice', users: [{ username: 'u', password: { kind: 'plain', value: 'p' }, permission: 'read' }], tokens: [] };
    const guarded = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, responseCacheMs: 60_000, security }, 'test');
    try {
      const authorization = `Basic ${Buffer.from('u:p').toString('base64')}`;
      assert.equal((await guarded.app.inject({ url: '/hazelcast/rest/maps/running-jobs', headers: { authorization } })).statusCode, 200);
      assert.equal((await guarded.app.inject('/hazelcast/rest/maps/running-jobs')).statusCode, 401);
    } finally {
      await guarded.close();
    }
  });
});
