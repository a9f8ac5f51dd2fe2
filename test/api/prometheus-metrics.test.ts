import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { SluiceMetrics } from '../../src/api/prometheus/sluice-metrics.js';
import type { Coordinator } from '../../src/engine/coordinator.js';
import { Coordinator as RealCoordinator } from '../../src/engine/coordinator.js';
import type { JobView } from '../../src/engine/coordinator-job.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';
import { batchJob, postJson, startServe, streamingJob, waitFor, waitForStatus, type ServeProcess } from './serve-process.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text format 0.0.4 strictly enough to catch malformed lines. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type !== null) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(match !== null, `malformed line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g)) labels[key!] = value!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    const value = match[3] === '+Inf' ? Infinity : match[3] === '-Inf' ? -Infinity : Number(match[3]);
    assert.ok(!Number.isNaN(value) || match[3] === 'Nan', `bad value: ${line}`);
    samples.push({ name: match[1]!, labels, value });
  }
  return { samples, types };
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}): Sample | undefined =>
  samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));

describe('GET /metrics over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('exposes per-job rows and bytes after a job ran, jobs by state, slots and process metrics', async () => {
    const submitted = await postJson(`${serve.maps}/submit-job`, batchJob({ rows: 7, name: 'metered "job"\\ ü' }));
    const { jobId } = submitted.body as { jobId: string };
    await waitForStatus(serve, jobId, ['FINISHED']);
    const response = await fetch(`${serve.url}/metrics`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const { samples, types } = parseExposition(await response.text());
    const job = { job_id: jobId, job_name: 'metered "job"\\ ü' };
    assert.equal(find(samples, 'sluice_job_rows_read_total', job)?.value, 7);
    assert.equal(find(samples, 'sluice_job_rows_written_total', job)?.value, 7);
    assert.ok(find(samples, 'sluice_job_bytes_read_total', job)!.value > 0);
    assert.ok(find(samples, 'sluice_job_bytes_written_total', job)!.value > 0);
    assert.ok(find(samples, 'sluice_job_rows_read_per_second', job) !== undefined);
    assert.equal(find(samples, 'sluice_job_info', { ...job, state: 'FINISHED' })?.value, 1);
    assert.equal(types.get('sluice_job_rows_read_total'), 'counter');
    assert.equal(find(samples, 'sluice_jobs', { state: 'FINISHED' })?.value, 1);
    assert.equal(find(samples, 'sluice_jobs', { state: 'RUNNING' })?.value, 0);
    assert.equal(find(samples, 'sluice_slots_total')?.value, Infinity, 'dynamic slots');
    assert.equal(find(samples, 'sluice_slots_used')?.value, 0);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) assert.ok(find(samples, name) !== undefined, name);
  });

  it('counts a running job, its slots and its checkpoints with durations', async () => {
    const submitted = await postJson(`${serve.maps}/submit-job`, streamingJob({ name: 'streaming' }));
    const { jobId } = submitted.body as { jobId: string };
    const scrape = async (): Promise<Sample[]> => parseExposition(await (await fetch(`${serve.url}/metrics`)).text()).samples;
    const samples = await waitFor(
      scrape,
      (found) => (find(found, 'sluice_job_checkpoints_total', { job_id: jobId, result: 'completed' })?.value ?? 0) > 0 && (find(found, 'sluice_job_rows_read_total', { job_id: jobId })?.value ?? 0) > 0,
      20_000,
    );
    assert.equal(find(samples, 'sluice_jobs', { state: 'RUNNING' })?.value, 1);
    assert.equal(find(samples, 'sluice_slots_used')?.value, 1);
    assert.equal(find(samples, 'sluice_job_info', { job_id: jobId, state: 'RUNNING' })?.value, 1);
    assert.ok(find(samples, 'sluice_job_rows_read_total', { job_id: jobId })!.value > 0);
    assert.ok(find(samples, 'sluice_job_last_checkpoint_timestamp_seconds', { job_id: jobId })!.value > 1e9);
    assert.ok(find(samples, 'sluice_checkpoint_duration_seconds_count', { kind: 'checkpoint' })!.value > 0);
    await postJson(`${serve.maps}/stop-job`, { jobId });
    await waitForStatus(serve, jobId, ['CANCELED']);
  });
});

describe('SluiceMetrics', () => {
  const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };

  function view(jobId: string, status: JobView['status'], finishTime?: number): JobView {
    return {
      jobId,
      jobName: `job ${jobId}`,
      status,
      envOptions: {},
      createTime: 0,
      ...(finishTime === undefined ? {} : { finishTime }),
      isStartWithSavePoint: false,
      plan: { jobName: `job ${jobId}`, vertices: [], pipelines: [] } as unknown as JobView['plan'],
      metrics: { vertices: {}, subtasks: {}, read: 10, written: 8, readBytes: 100, writtenBytes: 80, readTables: {}, writtenTables: {} },
      runningSeconds: 2,
      timestamps: {},
      slots: 1,
    };
  }

  function fakeCoordinator(running: JobView[], finished: JobView[]): Coordinator {
    return {
      runningJobs: () => running,
      finishedJobs: () => finished,
      overview: () => ({ active: running.length, pending: 0, finished: finished.length, failed: 0, canceled: 0, savepointDone: 0, slots: { dynamic: false, total: 4, free: 3, assigned: 1 } }),
    } as unknown as Coordinator;
  }

  it('keeps series of ended jobs only for metrics.finished-job-minutes', async () => {
    const now = Date.now();
    const coordinator = fakeCoordinator([view('1', 'RUNNING')], [view('2', 'FINISHED', now - 3_600_000), view('3', 'FAILED', now - 60_000)]);
    const { samples } = parseExposition(await new SluiceMetrics(coordinator, { version: 't', finishedJobMinutes: 10 }).scrape());
    const jobs = samples.filter((sample) => sample.name === 'sluice_job_rows_read_total').map((sample) => sample.labels.job_id);
    assert.deepEqual(jobs.sort(), ['1', '3']);
    assert.equal(find(samples, 'sluice_job_rows_read_per_second', { job_id: '1' })?.value, 5);
    assert.equal(find(samples, 'sluice_jobs', { state: 'FAILED' })?.value, 1);
    assert.equal(find(samples, 'sluice_slots_total')?.value, 4);
    const none = parseExposition(await new SluiceMetrics(coordinator, { version: 't', finishedJobMinutes: 0 }).scrape()).samples;
    assert.deepEqual(none.filter((sample) => sample.name === 'sluice_job_rows_read_total').map((sample) => sample.labels.job_id), ['1']);
  });

  it('gives each server its own registry', async () => {
    const coordinator = await RealCoordinator.open({ history, onWarning: () => undefined });
    const first = await createServer(coordinator, DEFAULT_SERVER_SETTINGS, 'a');
    const second = await createServer(coordinator, DEFAULT_SERVER_SETTINGS, 'b');
    try {
      assert.notEqual(first.metrics.registry, second.metrics.registry);
      assert.match((await first.app.inject('/metrics')).body, /sluice_info\{version="a"\} 1/);
      assert.match((await second.app.inject('/metrics')).body, /sluice_info\{version="b"\} 1/);
    } finally {
      await first.close();
      await second.close();
      await coordinator.close({ savepoint: false });
    }
  });
});
