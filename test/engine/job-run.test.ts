import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { JobRun } from '../../src/engine/job-run.js';
import { seaTunnelMetrics } from '../../src/engine/job-metrics.js';
import type { LogLine } from '../../src/engine/messages.js';
import { planJob } from '../../src/plan/plan-job.js';
import { catalog } from '../../src/plugins.js';
import { FileCheckpointStore } from '../../src/state/file-checkpoint-store.js';
import { formatLogLine } from '../../src/cli/log-printer.js';
import { printedRows, tempDir } from '../support/cli.js';

function plan(text: string) {
  return planJob(parseJobConfig(text, { format: 'hocon', env: {} }), catalog).plan;
}

/** A job whose Console output is collected; `rows()` gives the printed values, sorted. */
function collectingJob(text: string, jobId: string, store = new FileCheckpointStore(tempDir())) {
  const lines: LogLine[] = [];
  const job = new JobRun(plan(text), { jobId, onLog: (more) => lines.push(...more), checkpointStore: store, metricsInterval: 100 });
  const printed = () => printedRows(lines.map(formatLogLine).join('\n'));
  return { job, lines, printed, rows: () => printed().map((row) => row.values.join('|')).sort() };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const source = (mode: string) => `env { job.mode = "${mode}", checkpoint.interval = 150 }
source { FakeSource { seed = 3, row.num = 240, split.num = 12, split.read-interval = 60, schema = { fields { id = bigint, name = string } } } }
sink { Console {} }`;

describe('JobRun', () => {
  it('rescales a running job 1 -> 3 -> 2 without losing or repeating a row', async () => {
    const reference = collectingJob(source('BATCH'), '1');
    assert.equal(await reference.job.start(), 'FINISHED');
    const expected = reference.rows();
    assert.equal(expected.length, 240);

    const { job, rows, printed } = collectingJob(source('STREAMING'), '2');
    const done = job.start();
    after(async () => {
      job.cancel();
      await done;
    });
    await waitFor(() => printed().length >= 40, '40 rows');
    await job.rescale(3);
    const afterFirst = printed().length;
    await waitFor(() => new Set(printed().slice(afterFirst).map((r) => r.subtask)).size === 3, 'three subtasks printing');
    assert.equal(job.plan.pipelines[0]!.parallelism, 3);
    await job.rescale(2);
    await waitFor(() => printed().length >= 240, 'every row');
    assert.equal(job.plan.pipelines[0]!.parallelism, 2);
    await job.stopWithSavepoint();
    assert.equal(await done, 'SAVEPOINT_DONE');
    assert.deepEqual(rows(), expected);
    assert.ok(job.checkpoints.counts.completed >= 3);
  });

  it('reports the 16 SeaTunnel metrics with per-table maps', async () => {
    const { job } = collectingJob(
      `source { FakeSource { tables_configs = [ { row.num = 3, schema = { table = "db.a", fields { x = int } } }, { row.num = 4, schema = { table = "db.b", fields { y = string } } } ] } }
sink { Console { log.print.data = false } }`,
      '3',
    );
    assert.equal(await job.start(), 'FINISHED');
    const metrics = seaTunnelMetrics(job.metrics.snapshot(), job.runningSeconds);
    assert.equal(Object.keys(metrics).length, 16);
    assert.equal(metrics.SourceReceivedCount, '7');
    assert.equal(metrics.SinkWriteCount, '7');
    assert.deepEqual(metrics.TableSourceReceivedCount, { 'db.a': '3', 'db.b': '4' });
    assert.deepEqual(metrics.TableSinkWriteBytes, { 'db.a': '12', 'db.b': String(4 * 5) });
    assert.match(metrics.SourceReceivedQPS as string, /^\d+(\.\d+)?$/);
  });

  it('keeps counters per subtask as well as per vertex', async () => {
    const { job } = collectingJob(`env { parallelism = 2 }
source { FakeSource { row.num = 5, split.num = 1, schema = { fields { x = int } } } }
sink { Console { log.print.data = false } }`, '7');
    assert.equal(await job.start(), 'FINISHED');
    const { vertices, subtasks } = job.metrics.snapshot();
    assert.deepEqual(subtasks[1]!.map((counters) => counters.rowsOut), [5, 5]);
    assert.deepEqual(subtasks[2]!.map((counters) => counters.rowsIn), [5, 5]);
    assert.equal(vertices[2]!.bytesIn, 10 * 4);
  });

  it('throttles reads to read_limit.rows_per_second', async () => {
    const { job } = collectingJob(
      `env { read_limit.rows_per_second = 100 }
source { FakeSource { row.num = 50, split.read-interval = 0, schema = { fields { x = int } } } }
sink { Console { log.print.data = false } }`,
      '4',
    );
    const started = Date.now();
    assert.equal(await job.start(), 'FINISHED');
    // 50 rows at 100 rows/s take about half a second; without the limit a few milliseconds.
    assert.ok(Date.now() - started >= 400, `took ${Date.now() - started} ms`);
  });

  it('retries a failing pipeline job.retry.times times, then fails with the first cause', async () => {
    const { job, lines } = collectingJob(
      `env { job.retry.times = 2, job.retry.interval.seconds = 0 }
source { FakeSource { schema = { fields { doc = string } }, rows = [ { kind = INSERT, fields = ["not json"] } ] } }
transform { JsonPath { columns = [ { src_field = doc, path = "$.a", dest_field = a } ] } }
sink { Console {} }`,
      '5',
    );
    assert.equal(await job.start(), 'FAILED');
    assert.equal(lines.filter((line) => /restarting from the beginning/.test(line.message)).length, 2);
    assert.match(job.error ?? '', /not json|JSON/i);
  });

  it('refuses savepoints and rescaling of a job that is not running', async () => {
    const { job } = collectingJob(source('BATCH'), '6');
    assert.throws(() => job.triggerSavepoint(), /not running, save point failed/);
    await assert.rejects(job.rescale(2), /only a RUNNING job can be rescaled/);
    await assert.rejects(job.rescale(0), /at least 1/);
  });
});
