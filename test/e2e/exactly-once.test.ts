import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { JobRun } from '../../src/engine/job-run.js';
import { parseJobConfig } from '../../src/config/parse-job-config.js';
import { planJob } from '../../src/plan/plan-job.js';
import { catalog } from '../../src/plugins.js';
import { FileCheckpointStore } from '../../src/state/file-checkpoint-store.js';
import { CLI, configFile, runJob, stopOnceRowsArePrinted, tempDir } from '../support/cli.js';

/**
 * Exactly-once file output through crashes, stops and rescales. Rows are reproducible (FakeSource
 * `seed`), so the committed output is compared by content with an uninterrupted run's.
 */
const TOTAL = 2 * 400;
const source = `FakeSource { seed = 5, row.num = 400, split.num = 8, split.read-interval = 80, schema = { fields { id = bigint, name = string, score = double } } }`;

function job(mode: 'BATCH' | 'STREAMING', out: string): string {
  return `env { job.mode = "${mode}", parallelism = 2, checkpoint.interval = 250 }
source { ${source} }
sink { LocalFile { path = "${out}", file_format_type = "csv" } }`;
}

/** Every committed line under `dir` (staging excluded), sorted. */
function committedLines(dir: string): string[] {
  const lines: string[] = [];
  const walk = (at: string): void => {
    for (const name of existsSync(at) ? readdirSync(at) : []) {
      if (name.startsWith('.')) continue;
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else lines.push(...readFileSync(path, 'utf8').split('\n').filter((line) => line !== ''));
    }
  };
  walk(dir);
  return lines.sort();
}

let expected: string[] | undefined;
async function expectedLines(): Promise<string[]> {
  if (expected === undefined) {
    const out = tempDir();
    const result = await runJob(job('BATCH', out));
    assert.equal(result.code, 0, result.stderr);
    expected = committedLines(out);
    assert.equal(expected.length, TOTAL);
    assert.equal(new Set(expected).size, TOTAL, 'seeded rows are distinct');
  }
  return expected;
}

function hasCheckpoint(dataDir: string, jobId: string): boolean {
  const dir = join(dataDir, 'checkpoints', jobId);
  return existsSync(dir) && readdirSync(dir).some((name) => /^(checkpoint|savepoint)-\d+\.json$/.test(name));
}

/** Starts `sluice run` and SIGKILLs it after `ms`. */
async function runAndKill(args: string[], ms: number): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'run', ...args], { stdio: 'ignore' });
  await sleep(ms);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Sends SIGINT and waits for the exit; a process still alive after a minute is killed and reported. */
async function interrupt(child: ReturnType<typeof spawn>): Promise<void> {
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const signal = await exited;
  clearTimeout(timer);
  assert.notEqual(signal, 'SIGKILL', 'the job did not stop within a minute of SIGINT');
}

/** Runs `body` with an in-process job that is canceled afterwards, whatever happens. */
async function withJob(text: string, jobId: string, body: (run: JobRun, done: Promise<string>) => Promise<void>, onLog?: (message: string) => void): Promise<void> {
  const plan = planJob(parseJobConfig(text, { format: 'hocon', env: {} }), catalog).plan;
  const run = new JobRun(plan, { jobId, checkpointStore: new FileCheckpointStore(tempDir()), onLog: (lines) => lines.forEach((l) => onLog?.(l.message)) });
  const done = run.start();
  try {
    await body(run, done);
  } finally {
    run.cancel();
    await done;
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('exactly-once LocalFile output', () => {
  it('survives SIGKILL at random moments (12 rounds), every row committed exactly once', { timeout: 300_000 }, async () => {
    const want = await expectedLines();
    const out = tempDir();
    const dataDir = tempDir();
    const file = configFile(job('STREAMING', out));
    const jobId = '4242';
    for (let round = 0; round < 12; round++) {
      const restore = hasCheckpoint(dataDir, jobId) ? ['--restore', jobId] : ['--job-id', jobId];
      await runAndKill([file, ...restore, '--data-dir', dataDir], 250 + Math.floor(Math.random() * 700));
      const lines = committedLines(out);
      assert.equal(new Set(lines).size, lines.length, `round ${round}: a row was committed twice`);
    }
    // The last run goes on until everything is committed, then stops with a savepoint.
    const child = spawn(process.execPath, [CLI, 'run', file, ...(hasCheckpoint(dataDir, jobId) ? ['--restore', jobId] : ['--job-id', jobId]), '--data-dir', dataDir], { stdio: 'ignore' });
    try {
      await waitFor(() => committedLines(out).length >= TOTAL, 'all rows committed');
    } finally {
      await interrupt(child);
    }
    assert.deepEqual(committedLines(out), want);
  });

  it('gives the same output after stop-with-savepoint and restore as without a stop', { timeout: 180_000 }, async () => {
    const want = await expectedLines();
    const out = tempDir();
    const dataDir = tempDir();
    const file = configFile(job('STREAMING', out).replace('sink {', 'sink {\n  Console { log.print.data = true }\n '));
    const first = await stopOnceRowsArePrinted(file, 300, ['--job-id', '99', '--data-dir', dataDir]);
    assert.match(first.stdout, /ended with state SAVEPOINT_DONE/);
    const committed = committedLines(out).length;
    assert.ok(committed >= 300 && committed < TOTAL, `committed ${committed} rows at the savepoint`);
    const child = spawn(process.execPath, [CLI, 'run', file, '--restore', '99', '--data-dir', dataDir], { stdio: 'ignore' });
    try {
      await waitFor(() => committedLines(out).length >= TOTAL, 'all rows committed');
    } finally {
      await interrupt(child);
    }
    assert.deepEqual(committedLines(out), want);
  });

  it('restores a failed pipeline from its last checkpoint, not from the beginning', { timeout: 180_000 }, async () => {
    const want = await expectedLines();
    const out = tempDir();
    const text = job('STREAMING', out).replace('checkpoint.interval = 250', 'checkpoint.interval = 250, job.retry.times = 10, job.retry.interval.seconds = 1');
    const messages: string[] = [];
    await withJob(
      text,
      '55',
      async (run, done) => {
        await waitFor(() => committedLines(out).length >= 200, 'first commits');
        // A disk fault: the sink's staging folder turns into a file, so new staging files cannot be created.
        const staging = join(out, '.sluice-staging', '55');
        rmSync(staging, { recursive: true, force: true });
        writeFileSync(staging, 'not a folder');
        await waitFor(() => messages.some((m) => /restarting from the last completed checkpoint/.test(m)), 'a restart from the checkpoint');
        rmSync(staging, { force: true });
        await waitFor(() => committedLines(out).length >= TOTAL, 'all rows committed');
        await run.stopWithSavepoint();
        assert.equal(await done, 'SAVEPOINT_DONE');
      },
      (message) => messages.push(message),
    );
    assert.deepEqual(committedLines(out), want);
  });

  it('rescales 1 -> 3 -> 2 during a run without losing or repeating a committed row', { timeout: 180_000 }, async () => {
    const out = tempDir();
    const text = job('STREAMING', out).replace('parallelism = 2', 'parallelism = 1').replace('row.num = 400', 'row.num = 800');
    await withJob(text, '77', async (run, done) => {
      await waitFor(() => committedLines(out).length >= 100, 'first commits');
      await run.rescale(3);
      await waitFor(() => committedLines(out).length >= 350, 'commits at parallelism 3');
      await run.rescale(2);
      await waitFor(() => committedLines(out).length >= TOTAL, 'all rows committed');
      await run.stopWithSavepoint();
      assert.equal(await done, 'SAVEPOINT_DONE');
    });
    // The same job at parallelism 1, uninterrupted: splits (and so rows) depend only on the config.
    const reference = tempDir();
    const batch = await runJob(text.replace('"STREAMING"', '"BATCH"').replace(out, reference));
    assert.equal(batch.code, 0, batch.stderr);
    assert.equal(committedLines(reference).length, TOTAL);
    assert.deepEqual(committedLines(out), committedLines(reference));
  });
});
