/**
 * bench/dashboard — what the browser downloads on the dashboard's first load, and how long a job
 * page whose DAG has 200 vertices takes to render, against a real `sluice serve`.
 *
 *   (a) First load: index.html, the script and the style sheet as built (raw, gzip -9, brotli -11),
 *       and the bytes Chromium actually received (it asks for brotli). Target: JS + CSS under 300 KB
 *       compressed (gzip).
 *   (b) A running STREAMING job with 200 vertices (2 FakeSources, 9 chains of 21 Filters, 9 Console
 *       sinks), opened cold in a fresh browser context each run: navigation start to the first
 *       complete job page (header, SVG DAG with figures, vertex table, charts, timeline; the
 *       `sluice:job-page-rendered` mark), to the next painted frame, and the DAG's own layout and
 *       drawing (`sluice:dag-build`). Recorded; median of the runs.
 *
 *   npm run bench:dashboard [-- --runs 5]      (needs Debian's Chromium at /usr/bin/chromium)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const CLI = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../dashboard/', import.meta.url));
const CHROMIUM = process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium';
const TARGET_BYTES = 300 * 1024;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));

/** 2 sources + 9 chains × (21 Filters + 1 Console) = 200 vertices; about 20 rows/s per source. */
function wideJob(): string {
  const branches = 9;
  const chain = 21;
  const lines = ['env {', '  job.mode = "STREAMING"', '  job.name = "wide-dag-200"', '  parallelism = 1', '  checkpoint.interval = 10000', '}', 'source {'];
  for (const name of ['a', 'b']) {
    lines.push('  FakeSource {', `    plugin_output = "src_${name}"`, '    row.num = 1000000', '    split.num = 100000', '    split.read-interval = 500', '    schema = { fields { id = bigint, name = string } }', '  }');
  }
  lines.push('}', 'transform {');
  for (let b = 0; b < branches; b++) {
    for (let t = 0; t < chain; t++) {
      const input = t === 0 ? (b < 5 ? 'src_a' : 'src_b') : `b${b}_t${t - 1}`;
      lines.push('  Filter {', `    plugin_input = "${input}"`, `    plugin_output = "b${b}_t${t}"`, '    fields = [id, name]', '  }');
    }
  }
  lines.push('}', 'sink {');
  for (let b = 0; b < branches; b++) lines.push('  Console {', `    plugin_input = "b${b}_t${chain - 1}"`, '    log.print.data = false', '  }');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

interface Sizes {
  raw: number;
  gzip: number;
  br: number;
}

function builtSizes(): { script: Sizes; style: Sizes; html: Sizes; scriptName: string; styleName: string } {
  const html = readFileSync(join(BUILT, 'index.html'), 'utf8');
  const scriptName = /src="(assets\/[^"]+\.js)"/.exec(html)?.[1];
  const styleName = /href="(assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (scriptName === undefined || styleName === undefined) throw new Error(`no script or style sheet in ${BUILT}index.html: run npm run build`);
  const sizes = (file: string): Sizes => ({ raw: statSync(join(BUILT, file)).size, gzip: statSync(join(BUILT, `${file}.gz`)).size, br: statSync(join(BUILT, `${file}.br`)).size });
  return { script: sizes(scriptName), style: sizes(styleName), html: sizes('index.html'), scriptName, styleName };
}

async function startServe(): Promise<{ url: string; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-dashboard-'));
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', () => undefined);
  for (let i = 0; i < 150; i++) {
    const match = /dashboard on (http:\/\/\S+)/.exec(output);
    if (match !== null) return { url: match[1]!, child };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`sluice serve did not start:\n${output}`);
}

async function submitWideJob(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/hocon' }, body: wideJob() });
  const body = (await response.json()) as { jobid?: string; errors?: string[] };
  if (body.jobid === undefined) throw new Error(`the 200-vertex job was refused: ${JSON.stringify(body)}`);
  for (let i = 0; i < 300; i++) {
    const info = (await (await fetch(`${url}/hazelcast/rest/maps/job-info/${body.jobid}`)).json()) as { jobStatus?: string; metrics?: { SourceReceivedCount?: string } };
    if (info.jobStatus === 'RUNNING' && Number(info.metrics?.SourceReceivedCount ?? 0) > 0) return body.jobid;
    await sleep(100);
  }
  throw new Error('the 200-vertex job did not start reading');
}

interface RenderRun {
  rendered: number;
  painted: number;
  dagBuild: number;
  vertices: number;
  transferred: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const built = builtSizes();
  const gzip = built.script.gzip + built.style.gzip;
  console.log('bench/dashboard');
  console.log('');
  console.log('(a) first load, as built in dist/dashboard');
  console.log('| file | raw | gzip -9 | brotli -11 |');
  console.log('|---|---|---|---|');
  for (const [name, sizes] of [[built.scriptName, built.script], [built.styleName, built.style], ['index.html', built.html]] as const) console.log(`| ${name} | ${kb(sizes.raw)} | ${kb(sizes.gzip)} | ${kb(sizes.br)} |`);
  console.log(`| JS + CSS | ${kb(built.script.raw + built.style.raw)} | ${kb(gzip)} | ${kb(built.script.br + built.style.br)} |`);
  console.log(`JS + CSS gzip: ${kb(gzip)} — target < ${kb(TARGET_BYTES)}: ${gzip < TARGET_BYTES ? 'met' : 'MISSED'}`);

  if (!existsSync(CHROMIUM)) {
    console.log(`\n(b) skipped: Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  const serve = await startServe();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const jobId = await submitWideJob(serve.url);
    const runs: RenderRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      let transferred = 0;
      page.on('requestfinished', (request) => {
        if (['document', 'script', 'stylesheet'].includes(request.resourceType())) {
          void request.sizes().then((sizes) => (transferred += sizes.responseBodySize + sizes.responseHeadersSize));
        }
      });
      await page.goto(`${serve.url}/#/jobs/${jobId}`);
      for (let i = 0; (await page.evaluate<number>("performance.getEntriesByName('sluice:job-page-rendered').length")) === 0; i++) {
        if (i > 1200) throw new Error('the job page did not render within 60 s');
        await sleep(50);
      }
      const figures = await page.evaluate<{ rendered: number; painted: number; dagBuild: number; vertices: number }>(`new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve({
        rendered: performance.getEntriesByName('sluice:job-page-rendered')[0].startTime,
        painted: performance.now(),
        dagBuild: performance.getEntriesByName('sluice:dag-build')[0].duration,
        vertices: document.querySelectorAll('.dag-node').length,
      }), 0)))`);
      await sleep(200);
      runs.push({ ...figures, transferred });
      await context.close();
    }
    if (runs.some((run) => run.vertices !== 200)) throw new Error(`expected 200 vertices, drew ${runs.map((run) => run.vertices).join(', ')}`);
    console.log('');
    console.log(`(b) job page with a 200-vertex DAG, cold load in a fresh context, ${RUNS} runs (median; min–max)`);
    const row = (label: string, pick: (run: RenderRun) => number): void => {
      const values = runs.map(pick);
      console.log(`| ${label} | ${ms(median(values))} | ${ms(Math.min(...values))}–${ms(Math.max(...values))} |`);
    };
    console.log('| measurement | median | range |');
    console.log('|---|---|---|');
    row('navigation start → job page rendered (4 REST calls, DOM complete)', (run) => run.rendered);
    row('navigation start → next frame painted', (run) => run.painted);
    row('DAG layout + SVG drawing (200 vertices, 198 edges)', (run) => run.dagBuild);
    console.log(`bytes Chromium received for the page, script and style sheet (brotli): ${kb(median(runs.map((run) => run.transferred)))}`);
  } finally {
    await browser.close();
    serve.child.kill('SIGKILL');
  }
}

await main();
