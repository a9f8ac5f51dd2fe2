/**
 * bench/checkpoint — what checkpoints cost. FakeSource to LocalFile (csv, exactly-once), 3 million
 * rows at parallelism 2, with `checkpoint.interval = 1000` against the same job without checkpoints,
 * in one run; then the time to complete a savepoint of a running job (median of 15).
 *
 * Target (issue 3): throughput with checkpoints at least 0.9 of without.
 *
 *   npm run build && node dist/bench/checkpoint.js [rows]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseJobConfig } from '../src/config/parse-job-config.js';
import { JobRun } from '../src/engine/job-run.js';
import { planJob } from '../src/plan/plan-job.js';
import { catalog } from '../src/plugins.js';
import { FileCheckpointStore } from '../src/state/file-checkpoint-store.js';

const ROWS = Number(process.argv[2] ?? 3_000_000);
const CLI = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-checkpoint-'));
const FIELDS = '{ id = bigint, name = string, score = double, at = timestamp }';

function config(env: string, out: string, rowsPerReader: number): string {
  return `env { parallelism = 2 ${env} }
source { FakeSource { row.num = ${rowsPerReader}, split.num = 20, split.read-interval = 0, schema = { fields ${FIELDS} } } }
sink { LocalFile { path = "${out}", file_format_type = "csv" } }`;
}

/** Seconds between the job's "started" and "ended" log lines. */
function jobSeconds(env: string): number {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const file = join(dir, 'job.conf');
  writeFileSync(file, config(env, out, ROWS / 2));
  const result = spawnSync(process.execPath, [CLI, 'run', file, '--data-dir', join(dir, 'data')], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`sluice run failed:\n${result.stdout}\n${result.stderr}`);
  const stamp = (pattern: RegExp): number => {
    const match = new RegExp(`^(\\S+ \\S+),(\\d{3}) .*${pattern.source}`, 'm').exec(result.stdout)!;
    return Date.parse(match[1]!.replace(' ', 'T')) + Number(match[2]);
  };
  return (stamp(/ended with state/) - stamp(/\) started:/)) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (seconds: number): string => `${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s`;

const without: number[] = [];
const withCheckpoints: number[] = [];
for (let i = 0; i < 3; i++) {
  without.push(jobSeconds(''));
  withCheckpoints.push(jobSeconds(', checkpoint.interval = 1000'));
}
const plain = median(without);
const checkpointed = median(withCheckpoints);

// Savepoints of a running STREAMING job that keeps both workers busy.
const out = join(dir, 'savepoint-out');
const plan = planJob(parseJobConfig(config(', job.mode = "STREAMING"', out, 50_000_000), { format: 'hocon', env: {} }), catalog).plan;
const job = new JobRun(plan, { jobId: '1', checkpointStore: new FileCheckpointStore(join(dir, 'savepoints')) });
const done = job.start();
await sleep(1500);
const savepoints: number[] = [];
for (let i = 0; i < 15; i++) {
  savepoints.push((await job.triggerSavepoint()).durationMs!);
  await sleep(200);
}
job.cancel();
await done;
rmSync(dir, { recursive: true, force: true });

console.log(
  [
    `bench/checkpoint: ${ROWS.toLocaleString('en-US')} rows FakeSource -> LocalFile csv (exactly-once), parallelism 2, median of 3, Node ${process.version}`,
    '',
    '| measurement | sluice | baseline | ratio | target |',
    '|---|---|---|---|---|',
    `| checkpoint.interval = 1000 vs no checkpoints | ${rate(checkpointed)} (${checkpointed.toFixed(2)} s) | ${rate(plain)} (${plain.toFixed(2)} s) | ${(plain / checkpointed).toFixed(2)} | >= 0.90 |`,
    `| savepoint of a running job, trigger to stored and committed (median of 15) | ${median(savepoints)} ms | - | - | recorded |`,
  ].join('\n'),
);
