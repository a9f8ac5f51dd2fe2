/**
 * bench/engine — FakeSource (string, int, bigint, double, timestamp) to Console without printing,
 * 10 million rows, against a bare loop that generates the same rows and drops them.
 *
 * Targets (issue 2): parallelism 1 reaches at least 0.7 of the bare loop; parallelism 2 at least
 * 1.6x parallelism 1; `sluice run` of a 10-row job takes under 1 s of wall time.
 *
 *   npm run build && node dist/bench/engine.js [rows]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeSource } from '../src/connectors/fake/fake-source.js';
import type { PluginContext } from '../src/core/plugin.js';

const ROWS = Number(process.argv[2] ?? 10_000_000);
const CLI = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const FIELDS = '{ name = string, age = int, id = bigint, score = double, at = timestamp }';
const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));

function job(rowsPerReader: number, parallelism: number): string {
  const file = join(dir, `job-${rowsPerReader}-${parallelism}.conf`);
  writeFileSync(
    file,
    `env { job.mode = "BATCH", parallelism = ${parallelism} }
source { FakeSource { row.num = ${rowsPerReader}, schema = { fields ${FIELDS} } } }
sink { Console { log.print.data = false } }
`,
  );
  return file;
}

interface RunTime {
  /** Process start to exit. */
  wall: number;
  /** From the job's "started" log line to its "ended" line: the engine without Node's own start-up. */
  job: number;
}

/** Runs `sluice run` and times it. */
function timeRun(file: string): RunTime {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'run', file], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`sluice run failed:\n${result.stdout}\n${result.stderr}`);
  const stamp = (pattern: RegExp): number => {
    const match = new RegExp(`^(\\S+ \\S+),(\\d{3}) .*${pattern.source}`, 'm').exec(result.stdout);
    if (match === null) throw new Error(`no ${pattern} line in:\n${result.stdout}`);
    return Date.parse(match[1]!.replace(' ', 'T')) + Number(match[2]);
  };
  return { wall, job: (stamp(/ended with state/) - stamp(/\) started:/)) / 1000 };
}

/** The same FakeSource reader, polled in a plain loop on this thread, rows dropped. */
async function timeBareLoop(rows: number): Promise<number> {
  const options = { 'row.num': rows, 'split.num': 1, 'split.read-interval': 0, schema: { fields: { name: 'string', age: 'int', id: 'bigint', score: 'double', at: 'timestamp' } } };
  const values = Object.fromEntries(fakeSource.options.map((o) => [o.key, o.key in options ? options[o.key as keyof typeof options] : o.default]));
  const tables = fakeSource.tables(values, undefined);
  const splits = await fakeSource.planSplits(values, tables, 1);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const context: PluginContext = { jobId: 'bench', subtaskIndex: 0, parallelism: 1, jobMode: 'BATCH', signal: new AbortController().signal, log };
  const started = performance.now();
  const reader = fakeSource.createReader(values, tables, context);
  reader.addSplits(splits);
  let count = 0;
  for (let batch = await reader.poll(1024); batch !== null; batch = await reader.poll(1024)) count += batch.length;
  const seconds = (performance.now() - started) / 1000;
  if (count !== rows) throw new Error(`bare loop made ${count} rows, expected ${rows}`);
  return seconds;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (seconds: number): string => `${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s`;
const REPEAT = 3;
/** Median of REPEAT runs, by job time. */
const medianRun = (file: string): RunTime => {
  const runs = Array.from({ length: REPEAT }, () => timeRun(file)).sort((a, b) => a.job - b.job);
  return runs[Math.floor(REPEAT / 2)]!;
};

const bareTimes: number[] = [];
for (let i = 0; i < REPEAT; i++) bareTimes.push(await timeBareLoop(ROWS));
const bare = median(bareTimes);
const p1 = medianRun(job(ROWS, 1));
const p2 = medianRun(job(ROWS / 2, 2));
const small = job(5, 2);
const tenRows = median(Array.from({ length: 5 }, () => timeRun(small).wall));

const lines = [
  `bench/engine: ${ROWS.toLocaleString('en-US')} rows of (string, int, bigint, double, timestamp), Node ${process.version}, median of ${REPEAT}`,
  '',
  '| measurement | sluice | baseline | ratio | target |',
  '|---|---|---|---|---|',
  `| parallelism 1 vs bare loop (job time) | ${rate(p1.job)} (${p1.job.toFixed(2)} s) | ${rate(bare)} (${bare.toFixed(2)} s) | ${(bare / p1.job).toFixed(2)} | >= 0.70 |`,
  `| parallelism 1 vs bare loop (process wall time) | ${rate(p1.wall)} (${p1.wall.toFixed(2)} s) | ${rate(bare)} (${bare.toFixed(2)} s) | ${(bare / p1.wall).toFixed(2)} | - |`,
  `| parallelism 2 vs parallelism 1 (job time) | ${rate(p2.job)} (${p2.job.toFixed(2)} s) | ${rate(p1.job)} (${p1.job.toFixed(2)} s) | ${(p1.job / p2.job).toFixed(2)}x | >= 1.60x |`,
  `| parallelism 2 vs parallelism 1 (process wall time) | ${rate(p2.wall)} (${p2.wall.toFixed(2)} s) | ${rate(p1.wall)} (${p1.wall.toFixed(2)} s) | ${(p1.wall / p2.wall).toFixed(2)}x | - |`,
  `| sluice run, 10-row job, wall time (median of 5) | ${tenRows.toFixed(3)} s | - | - | < 1 s |`,
];
console.log(lines.join('\n'));
