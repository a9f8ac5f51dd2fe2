/**
 * bench/rest — the REST server under load, beside bare Fastify serving the same bytes.
 *
 *   (a) GET /hazelcast/rest/maps/running-jobs with 100 running jobs (STREAMING FakeSource,
 *       parallelism 1, idle between split reads) vs a bare Fastify route serving the body we
 *       answered. Target: at least 0.8 of bare Fastify's requests per second.
 *   (b) GET /v1/jobs/overview with 10,000 finished jobs in the history (records written into the
 *       data directory before the server starts), same comparison and target.
 *   (c) p99 latency of GET /v1/overview idle vs while a CPU-heavy job (FakeSource with long strings
 *       to Console, parallelism 2) keeps every worker busy. Target: within 2x.
 *   (d) RSS of an idle server. Target: under 120 MB.
 *
 * The load generator is in this process: keep-alive connections (node:http Agent), N concurrent
 * request loops, bounded by a duration, loopback only. Servers run as child processes, so client
 * and server share the machine's cores as they would with autocannon. Each comparison alternates
 * sluice and bare Fastify for `--rounds` rounds and reports the median of the per-round ratios.
 * The load average is printed: on a shared machine, figures taken under load are not comparable.
 *
 *   npm run bench:rest [-- --duration 5 --concurrency 16 --rounds 3 --only a,b,c,d]
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { decodeHistoryJson, encodeHistoryJson } from '../src/state/job-history-codec.js';
import type { JobRecord } from '../src/state/job-history-store.js';

const CLI = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

interface Options {
  /** rest.response-cache.ttl-ms for (a) and (b); undefined: the default. */
  cacheMs: number | undefined;
  durationMs: number;
  concurrency: number;
  rounds: number;
  only: Set<string>;
  jobs: number;
  finished: number;
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
}

// ---------------------------------------------------------------- load generator

/** Sends GETs on `concurrency` keep-alive connections for `durationMs` after `warmupMs`; latencies in ms. */
async function load(url: string, concurrency: number, durationMs: number, warmupMs = 1000): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const sent = performance.now();
      const req = request({ agent, host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'GET' }, (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => {
          const done = performance.now();
          if (sent >= measureFrom && done <= end) {
            if (res.statusCode === 200) {
              latencies.push(done - sent);
              bytes += size;
            } else errors += 1;
          }
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const loop = async (): Promise<void> => {
    while (performance.now() < end) await once();
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, rps: latencies.length / (durationMs / 1000), p50: at(0.5), p99: at(0.99), errors, bytes };
}

// ---------------------------------------------------------------- servers

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${output}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
}

/** `sluice serve` on a free port; `cacheMs` sets rest.response-cache.ttl-ms (the default when undefined). */
async function startSluice(dataDir: string, cacheMs?: number): Promise<Server> {
  const config = join(dataDir, 'sluice.yaml');
  writeFileSync(config, cacheMs === undefined ? '' : `rest.response-cache.ttl-ms: ${cacheMs}\n`);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const url = await waitForLine(child, /Sluice REST API and dashboard on (http:\/\/\S+)/, 'sluice serve');
  return { url, child, stop: stopper(child) };
}

/** Bare Fastify in a child process, answering `path` with the given bytes and content type. */
async function startBare(path: string, body: string, contentType: string): Promise<Server> {
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-bench-rest-')), 'body');
  writeFileSync(file, body);
  const child = fork(SELF, ['--bare-server', path, file, contentType], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const url = await waitForLine(child, /listening on (http:\/\/\S+)/, 'bare fastify');
  return { url, child, stop: stopper(child) };
}

async function bareServer(path: string, file: string, contentType: string): Promise<void> {
  // Bytes read once: the cheapest a route can serve this body.
  const body = readFileSync(file);
  const app = Fastify({ logger: false });
  app.get(path, (_request, reply) => reply.type(contentType).send(body));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening on ${url}\n`);
}

/** Linux: sets nice 10 on every thread of `pid` except its main thread; false elsewhere. */
function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

// ---------------------------------------------------------------- jobs

const postJson = async (url: string, body: unknown): Promise<unknown> => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
};

function idleStreamingJob(index: number): Record<string, unknown> {
  return {
    env: { 'job.mode': 'STREAMING', parallelism: 1, 'job.name': `idle-${index}`, 'checkpoint.interval': 3_600_000 },
    source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 10, 'split.read-interval': 3_600_000, schema: { fields: { name: 'string', age: 'int' } } }],
    sink: [{ plugin_name: 'Console', plugin_input: 'fake', 'log.print.data': false }],
  };
}

function cpuHeavyJob(): Record<string, unknown> {
  return {
    env: { 'job.mode': 'BATCH', parallelism: 2, 'job.name': 'cpu-heavy' },
    source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 1_000_000_000, 'split.read-interval': 0, 'string.length': 1000, schema: { fields: { a: 'string', b: 'string', c: 'int' } } }],
    sink: [{ plugin_name: 'Console', plugin_input: 'fake', 'log.print.data': false }],
  };
}

async function runningJobs(url: string): Promise<{ jobId: string; jobStatus: string; metrics: { SourceReceivedCount: string } }[]> {
  return (await (await fetch(`${url}/hazelcast/rest/maps/running-jobs`)).json()) as { jobId: string; jobStatus: string; metrics: { SourceReceivedCount: string } }[];
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** Runs one tiny batch job, then writes `count` copies of its history record with new ids. */
async function writeFinishedJobs(dataDir: string, count: number): Promise<void> {
  const server = await startSluice(dataDir);
  try {
    const { jobId } = (await postJson(`${server.url}/hazelcast/rest/maps/submit-job`, {
      env: { 'job.mode': 'BATCH', parallelism: 1, 'job.name': 'finished' },
      source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 5, schema: { fields: { name: 'string', age: 'int' } } }],
      sink: [{ plugin_name: 'Console', plugin_input: 'fake', 'log.print.data': false }],
    })) as { jobId: string };
    await waitUntil(async () => ((await (await fetch(`${server.url}/hazelcast/rest/maps/job-info/${jobId}`)).json()) as { jobStatus: string }).jobStatus === 'FINISHED', 'the template job');
    await sleep(500);
    const template = decodeHistoryJson(readFileSync(join(dataDir, 'jobs', `${jobId}.json`), 'utf8')) as JobRecord;
    mkdirSync(join(dataDir, 'jobs'), { recursive: true });
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const id = String(1_000_000_000_000n + BigInt(i));
      const record: JobRecord = { ...template, jobId: id, jobName: `finished-${i}`, createTime: now - 600_000 + i, finishTime: now - 300_000 + i };
      writeFileSync(join(dataDir, 'jobs', `${id}.json`), encodeHistoryJson(record), { mode: 0o600 });
    }
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- measurements

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

interface Row {
  measurement: string;
  sluice: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}
const rows: Row[] = [];

/** Alternates sluice and bare Fastify on the same path and body; medians of req/s. */
async function compare(label: string, sluiceUrl: string, path: string, options: Options): Promise<void> {
  const sample = await fetch(`${sluiceUrl}${path}`);
  if (sample.status === 404) {
    rows.push({ measurement: label, sluice: 'route not registered', baseline: '-', ratio: '-', target: '>= 0.80', met: undefined });
    return;
  }
  const body = await sample.text();
  const bare = await startBare(path, body, sample.headers.get('content-type') ?? 'application/json; charset=utf-8');
  try {
    const ours: LoadResult[] = [];
    const theirs: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      ours.push(await load(`${sluiceUrl}${path}`, options.concurrency, options.durationMs));
      theirs.push(await load(`${bare.url}${path}`, options.concurrency, options.durationMs));
    }
    // Rounds run back to back, so each pair saw the same background load: the ratio is the
    // median of the per-round ratios, the req/s figures the medians of each side.
    const a = median(ours.map((r) => r.rps));
    const b = median(theirs.map((r) => r.rps));
    const ratio = median(ours.map((r, i) => r.rps / theirs[i]!.rps));
    const errors = ours.reduce((n, r) => n + r.errors, 0);
    process.stdout.write(`  ${label}: body ${fmt(body.length / 1024, 1)} KiB; sluice ${ours.map((r) => fmt(r.rps)).join(' / ')} req/s (p99 ${fmt(median(ours.map((r) => r.p99)), 1)} ms, ${errors} errors); bare ${theirs.map((r) => fmt(r.rps)).join(' / ')} req/s (p99 ${fmt(median(theirs.map((r) => r.p99)), 1)} ms)\n`);
    rows.push({ measurement: `${label} (${fmt(body.length / 1024, 0)} KiB body)`, sluice: `${fmt(a)} req/s`, baseline: `${fmt(b)} req/s`, ratio: fmt(ratio, 2), target: '>= 0.80', met: ratio >= 0.8 });
  } finally {
    await bare.stop();
  }
}

async function benchRunningJobs(options: Options): Promise<void> {
  process.stdout.write(`(a) ${options.jobs} running jobs\n`);
  const server = await startSluice(mkdtempSync(join(tmpdir(), 'sluice-bench-rest-')), options.cacheMs);
  try {
    for (let i = 0; i < options.jobs; i++) await postJson(`${server.url}/hazelcast/rest/maps/submit-job`, idleStreamingJob(i));
    await waitUntil(async () => (await runningJobs(server.url)).filter((job) => job.jobStatus === 'RUNNING' && Number(job.metrics.SourceReceivedCount) > 0).length === options.jobs, 'every job to run');
    process.stdout.write(`  ${options.jobs} jobs RUNNING; server RSS ${fmt(rssMb(server.child.pid!))} MB\n`);
    await compare(`(a) GET /hazelcast/rest/maps/running-jobs, ${options.jobs} running jobs`, server.url, '/hazelcast/rest/maps/running-jobs', options);
  } finally {
    await server.stop();
  }
}

async function benchFinishedJobs(options: Options): Promise<void> {
  process.stdout.write(`(b) ${options.finished} finished jobs\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-rest-'));
  await writeFinishedJobs(dataDir, options.finished);
  const started = performance.now();
  const server = await startSluice(dataDir, options.cacheMs);
  process.stdout.write(`  started with ${options.finished} finished jobs in ${fmt((performance.now() - started) / 1000, 2)} s; RSS ${fmt(rssMb(server.child.pid!))} MB\n`);
  try {
    await compare(`(b) GET /v1/jobs/overview, ${options.finished} finished jobs`, server.url, '/v1/jobs/overview', options);
  } finally {
    await server.stop();
  }
}

async function benchLatencyUnderLoad(options: Options): Promise<void> {
  process.stdout.write('(c) latency while a CPU-heavy job runs\n');
  const server = await startSluice(mkdtempSync(join(tmpdir(), 'sluice-bench-rest-')));
  try {
    for (const path of ['/v1/overview', '/hazelcast/rest/maps/overview']) {
      if ((await fetch(`${server.url}${path}`)).status === 404) {
        rows.push({ measurement: `(c) p99 GET ${path}, busy vs idle`, sluice: 'route not registered', baseline: '-', ratio: '-', target: '<= 2.0', met: undefined });
        continue;
      }
      const idle = await load(`${server.url}${path}`, 1, options.durationMs);
      const { jobId } = (await postJson(`${server.url}/hazelcast/rest/maps/submit-job`, cpuHeavyJob())) as { jobId: string };
      await waitUntil(async () => (await runningJobs(server.url)).some((job) => job.jobId === jobId && Number(job.metrics.SourceReceivedCount) > 0), 'the CPU-heavy job');
      const cpuBefore = process.cpuUsage();
      const busy = await load(`${server.url}${path}`, 1, options.durationMs);
      const clientCpu = process.cpuUsage(cpuBefore);
      await postJson(`${server.url}/hazelcast/rest/maps/stop-job`, { jobId });
      await waitUntil(async () => !(await runningJobs(server.url)).some((job) => job.jobId === jobId), 'the job to stop');
      process.stdout.write(`  GET ${path}: idle p50 ${fmt(idle.p50, 2)} p99 ${fmt(idle.p99, 2)} ms (${fmt(idle.rps)} req/s); busy p50 ${fmt(busy.p50, 2)} p99 ${fmt(busy.p99, 2)} ms (${fmt(busy.rps)} req/s, client CPU ${fmt((clientCpu.user + clientCpu.system) / 1e6, 1)} s)\n`);
      rows.push({ measurement: `(c) p99 GET ${path}, busy vs idle (1 connection)`, sluice: `${fmt(busy.p99, 2)} ms`, baseline: `${fmt(idle.p99, 2)} ms`, ratio: `${fmt(busy.p99 / idle.p99, 2)}x`, target: '<= 2.0x', met: busy.p99 / idle.p99 <= 2 });
    }
  } finally {
    await server.stop();
  }
}

async function benchIdleRss(): Promise<void> {
  process.stdout.write('(d) idle RSS\n');
  const server = await startSluice(mkdtempSync(join(tmpdir(), 'sluice-bench-rest-')));
  try {
    await fetch(`${server.url}/hazelcast/rest/maps/overview`);
    await sleep(3000);
    const rss = rssMb(server.child.pid!);
    rows.push({ measurement: '(d) idle server RSS (3 s after start, one request served)', sluice: `${fmt(rss, 1)} MB`, baseline: '-', ratio: '-', target: '< 120 MB', met: rss < 120 });
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '3' },
      only: { type: 'string', default: 'a,b,c,d' },
      jobs: { type: 'string', default: '100' },
      finished: { type: 'string', default: '10000' },
      'cache-ms': { type: 'string' },
    },
  });
  const options: Options = {
    cacheMs: values['cache-ms'] === undefined ? undefined : Number(values['cache-ms']),
    durationMs: Number(values.duration) * 1000,
    concurrency: Number(values.concurrency),
    rounds: Number(values.rounds),
    only: new Set(values.only.split(',')),
    jobs: Number(values.jobs),
    finished: Number(values.finished),
  };
  process.stdout.write(`bench/rest: ${options.concurrency} connections, ${options.durationMs / 1000} s per run after 1 s warm-up, ${options.rounds} rounds (medians); rest.response-cache.ttl-ms ${options.cacheMs ?? 'default'}\n`);
  const load = (): string => loadavg().map((n) => n.toFixed(1)).join(' ');
  process.stdout.write(`load average at start: ${load()}\n`);
  if (options.only.has('d')) await benchIdleRss();
  if (options.only.has('a')) await benchRunningJobs(options);
  if (options.only.has('b')) await benchFinishedJobs(options);
  if (options.only.has('c')) await benchLatencyUnderLoad(options);
  process.stdout.write(`load average at end: ${load()} (${cpus().length} cores)\n`);
  process.stdout.write('\n| measurement | sluice | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n');
  for (const row of rows) process.stdout.write(`| ${row.measurement} | ${row.sluice} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.met === undefined ? '-' : row.met ? 'yes' : 'NO'} |\n`);
}

if (process.argv[2] === '--bare-server') await bareServer(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await main();
