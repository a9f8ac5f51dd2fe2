import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { AsyncOperations } from '../../src/api/monitoring/async-operations.js';
import { monitoringContext, monitoringFamily } from '../../src/api/monitoring/monitoring-family.js';
import { monitoringRoutes } from '../../src/api/monitoring/routes.js';
import { NodeHealthMonitor } from '../../src/api/node-health-monitor.js';
import { NodeInfo } from '../../src/api/node-info.js';
import { registerFamily } from '../../src/api/route-kit/register-family.js';
import { createServer, type SluiceServer } from '../../src/api/server.js';
import { DEFAULT_SERVER_SETTINGS } from '../../src/api/server-settings.js';
import { Coordinator } from '../../src/engine/coordinator.js';
import type { JobHistoryStore } from '../../src/state/job-history-store.js';
import { FileCheckpointStore } from '../../src/state/file-checkpoint-store.js';

const history: JobHistoryStore = { load: async () => ({ records: [], warnings: [] }), save: async () => undefined, remove: async () => undefined, close: async () => undefined };

/** Checks a response against the schema its route declares (the one the OpenAPI document shows). */
function assertDeclared(url: string, method: string, status: number, body: unknown): void {
  const route = monitoringRoutes.find((candidate) => candidate.url === url && ([] as string[]).concat(candidate.method).includes(method));
  assert.ok(route !== undefined, `no route ${method} ${url}`);
  const schema = route.schema?.response?.[status] as TSchema | undefined;
  assert.ok(schema !== undefined, `${method} ${url} declares no ${status} response`);
  const errors = [...Value.Errors(schema, body)].map((error) => `${error.instancePath} ${error.message}`);
  assert.deepEqual(errors, [], `${method} ${url} does not match its declared schema: ${JSON.stringify(body).slice(0, 1000)}`);
}

const hocon = (text: string): { method: 'POST'; headers: Record<string, string>; payload: string } => ({ method: 'POST', headers: { 'content-type': 'application/hocon' }, payload: text });

describe('monitoring routes through app.inject', () => {
  let server: SluiceServer;
  let coordinator: Coordinator;
  before(async () => {
    coordinator = await Coordinator.open({ history, checkpointStore: new FileCheckpointStore(mkdtempSync(join(tmpdir(), 'sluice-mon-'))), onWarning: () => undefined });
    server = await createServer(coordinator, { ...DEFAULT_SERVER_SETTINGS, maxContentLength: 4096 }, 'test');
  });
  after(async () => {
    await server.close();
    await coordinator.close({ savepoint: false });
  });

  it('validates a config without running it, reporting every problem with its position', async () => {
    const text = [
      'env {',
      '  job.mode = "BATCHY"',
      '}',
      'source {',
      '  FakeSourc { plugin_output = "fake" }',
      '  FakeSource { plugin_output = "other", row.num = "ten", schema = { fields { a = int } } }',
      '}',
      'sink {',
      '  Console { plugin_input = "missing" }',
      '}',
    ].join('\n');
    const response = await server.app.inject({ url: '/v1/jobs/validate', ...hocon(text) });
    assert.equal(response.statusCode, 200);
    const result = response.json() as { valid: boolean; errors: number; problems: { severity: string; path: string; message: string; line?: number; column?: number; text: string }[]; plan: unknown };
    assertDeclared('/v1/jobs/validate', 'POST', 200, result);
    assert.equal(result.valid, false);
    assert.equal(result.plan, null);
    assert.ok(result.errors >= 4, JSON.stringify(result.problems, null, 1));
    const byPath = (path: string) => result.problems.find((problem) => problem.path === path);
    assert.deepEqual([byPath('env.job.mode')?.line, byPath('env.job.mode')?.column], [2, 14]);
    assert.match(byPath('source[0]')!.message, /did you mean FakeSource/);
    assert.equal(byPath('source[0]')!.line, 5);
    assert.equal(byPath('source[1].row.num')!.line, 6);
    assert.ok(result.problems.some((problem) => problem.path.startsWith('sink[0]') && problem.line === 9), 'the unknown plugin_input is reported on its line');
    const lines = result.problems.map((problem) => problem.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'problems come in the order of the text');
    assert.ok(result.problems.every((problem) => problem.text.includes(problem.message)));
    assert.equal(coordinator.runningJobs().length + coordinator.finishedJobs().length, 0, 'nothing ran');
  });

  it('answers a valid config with its plan; JSON by Content-Type; syntax errors and empty bodies', async () => {
    const valid = await server.app.inject({
      method: 'POST',
      url: '/jobs/validate?jobName=checked',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ env: { 'job.mode': 'BATCH', parallelism: 2 }, source: [{ plugin_name: 'FakeSource', plugin_output: 'f', schema: { fields: { a: 'int', b: 'string' } } }], sink: [{ plugin_name: 'Console', plugin_input: 'f' }] }),
    });
    const result = valid.json() as { valid: boolean; plan: { jobName: string; parallelism: number; vertices: { id: number; configPath: string; inputs: number[]; outputTables: { path: string; columns: { name: string; type: string }[] }[] }[]; pipelines: { edges: unknown[] }[] } };
    assertDeclared('/v1/jobs/validate', 'POST', 200, result);
    assert.equal(result.valid, true);
    assert.equal(result.plan.jobName, 'checked');
    assert.deepEqual(result.plan.vertices.map((vertex) => vertex.configPath), ['source[0]', 'sink[0]']);
    assert.deepEqual(result.plan.vertices[1]!.inputs, [1]);
    assert.deepEqual(result.plan.vertices[0]!.outputTables[0]!.columns, [{ name: 'a', type: 'int' }, { name: 'b', type: 'string' }]);
    assert.deepEqual(result.plan.pipelines[0]!.edges, [{ from: 1, to: 2 }]);

    const broken = (await server.app.inject({ url: '/v1/jobs/validate', ...hocon('source {\n  FakeSource { row.num = \n') })).json() as { valid: boolean; problems: { line?: number }[] };
    assert.equal(broken.valid, false);
    assert.ok(broken.problems.length > 0 && broken.problems[0]!.line !== undefined, JSON.stringify(broken));
    const empty = await server.app.inject({ method: 'POST', url: '/v1/jobs/validate' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().errors[0], /body is empty/);
  });

  it('lists plugins and their option specs', async () => {
    const list = await server.app.inject('/v1/plugins');
    assertDeclared('/v1/plugins', 'GET', 200, list.json());
    const plugins = (list.json() as { plugins: { name: string; type: string }[] }).plugins;
    assert.ok(plugins.some((plugin) => plugin.name === 'FakeSource' && plugin.type === 'source'));
    assert.deepEqual([...new Set(plugins.map((plugin) => plugin.type))], ['source', 'transform', 'sink']);
    const sinks = (await server.app.inject('/v1/plugins?type=sink')).json() as { plugins: { type: string }[] };
    assert.ok(sinks.plugins.every((plugin) => plugin.type === 'sink'));

    const fake = await server.app.inject('/v1/plugins/fakesource');
    assertDeclared('/v1/plugins/:name', 'GET', 200, fake.json());
    const spec = (fake.json() as { plugins: { name: string; options: { key: string; default?: unknown; required: boolean }[] }[] }).plugins[0]!;
    assert.equal(spec.name, 'FakeSource');
    assert.deepEqual(spec.options.find((option) => option.key === 'row.num'), { ...spec.options.find((option) => option.key === 'row.num'), default: 5, required: false });
    const localFile = (await server.app.inject('/v1/plugins/LocalFile')).json() as { plugins: { type: string }[] };
    assert.deepEqual(localFile.plugins.map((plugin) => plugin.type).sort(), ['sink', 'source']);
    const missing = await server.app.inject('/v1/plugins/FakeSorce');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().errors[0], /Did you mean FakeSource\?/);
    assert.equal((await server.app.inject('/v1/plugins?type=engine')).statusCode, 400);
  });

  it('answers every job endpoint with the shape its route declares', async () => {
    const submitted = await server.app.inject({ url: '/v1/jobs?jobName=shapes', ...hocon('env { job.mode = "BATCH" }\nsource { FakeSource { row.num = 7, schema = { fields { a = int } } } }\nsink { Console { log.print.data = false } }') });
    assert.equal(submitted.statusCode, 202);
    assertDeclared('/v1/jobs', 'POST', 202, submitted.json());
    const id = (submitted.json() as { jobid: string }).jobid;
    await coordinator.whenEnded(id);
    const gets: [string, string][] = [
      ['/v1/config', '/v1/config'],
      ['/v1/overview', '/v1/overview'],
      ['/v1/jobs', '/v1/jobs'],
      ['/v1/jobs/overview', '/v1/jobs/overview'],
      [`/v1/jobs/${id}`, '/v1/jobs/:jobid'],
      [`/v1/jobs/${id}/status`, '/v1/jobs/:jobid/status'],
      [`/v1/jobs/${id}/plan`, '/v1/jobs/:jobid/plan'],
      [`/v1/jobs/${id}/config`, '/v1/jobs/:jobid/config'],
      [`/v1/jobs/${id}/exceptions`, '/v1/jobs/:jobid/exceptions'],
      [`/v1/jobs/${id}/execution-result`, '/v1/jobs/:jobid/execution-result'],
      [`/v1/jobs/${id}/metrics?get=numRecordsIn`, '/v1/jobs/:jobid/metrics'],
      [`/v1/jobs/${id}/checkpoints`, '/v1/jobs/:jobid/checkpoints'],
      [`/v1/jobs/${id}/vertices/1`, '/v1/jobs/:jobid/vertices/:vertexid'],
      [`/v1/jobs/${id}/vertices/2/subtasks/metrics?get=numRecordsIn`, '/v1/jobs/:jobid/vertices/:vertexid/subtasks/metrics'],
      [`/v1/jobs/${id}/vertices/1/subtasktimes`, '/v1/jobs/:jobid/vertices/:vertexid/subtasktimes'],
      [`/v1/jobs/${id}/resource-requirements`, '/v1/jobs/:jobid/resource-requirements'],
      ['/v1/taskmanagers', '/v1/taskmanagers'],
      ['/v1/jobmanager/config', '/v1/jobmanager/config'],
      ['/v1/jobmanager/environment', '/v1/jobmanager/environment'],
      ['/v1/jobmanager/metrics', '/v1/jobmanager/metrics'],
      ['/v1/taskmanagers/metrics?get=Status.JVM.CPU.Load', '/v1/taskmanagers/metrics'],
    ];
    for (const [url, route] of gets) {
      const response = await server.app.inject(url);
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      assertDeclared(route, 'GET', 200, response.json());
    }
    const config = (await server.app.inject(`/v1/jobs/${id}/checkpoints/config`));
    assert.equal(config.statusCode, 200);
    assert.equal((await server.app.inject(`/jobs/${id}`)).body.length > 0, true);
    assert.deepEqual((await server.app.inject(`/v1/jobs/${id}/status`)).json(), (await server.app.inject(`/jobs/${id}/status/`)).json(), 'unversioned and trailing slash reach the same route');
    const head = await server.app.inject({ method: 'HEAD', url: '/v1/overview' });
    assert.equal(head.statusCode, 200);
  });

  it('answers malformed requests in the Flink error format', async () => {
    const big = await server.app.inject({ method: 'POST', url: '/v1/jobs/validate', headers: { 'content-type': 'application/hocon' }, payload: `# ${'x'.repeat(5000)}` });
    assert.equal(big.statusCode, 413);
    assert.match(big.json().errors[0], /Try to raise \[rest\.server\.max-content-length\]/);
    const notJson = await server.app.inject({ method: 'POST', url: '/v1/savepoint-disposal', payload: '{nope' });
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.json().errors[0], /^Request did not match expected format SavepointDisposalRequest: the body is not JSON/);
    const options = await server.app.inject({ method: 'OPTIONS', url: '/v1/jobs' });
    assert.equal(options.statusCode, 405);
    assert.equal(options.headers.allow, 'GET, POST, HEAD');
    const stopMode = await server.app.inject({ method: 'PATCH', url: '/v1/jobs/1?mode=pause' });
    assert.equal(stopMode.statusCode, 400);
    assert.match(stopMode.json().errors[0], /Cannot resolve query parameter \(mode\) from value "pause"/);
    const yarnStop = await server.app.inject('/jobs/1/yarn-stop');
    assert.equal(yarnStop.statusCode, 308);
    assert.match(yarnStop.json().errors[0], /The termination mode "stop" has been removed/);
    const badVertex = await server.app.inject('/v1/jobs/1/vertices/abc');
    assert.equal(badVertex.statusCode, 404, 'the job is looked up before the vertex');
  });
});

describe('async operations', () => {
  it('deduplicates by trigger id, keeps results store-duration, never forgets running ones', async () => {
    let now = 1000;
    const operations = new AsyncOperations({ storeDurationMs: 100, now: () => now });
    let finish = (): void => undefined;
    const slow = new Promise<string>((resolve) => (finish = () => resolve('done')));
    const first = operations.trigger('savepoint', '7', 'ab'.repeat(16), () => slow);
    assert.deepEqual(first, { triggerId: 'ab'.repeat(16), started: true });
    assert.deepEqual(operations.trigger('savepoint', '7', 'ab'.repeat(16), () => Promise.reject(new Error('not called'))), { triggerId: 'ab'.repeat(16), started: false });
    assert.equal(operations.trigger('savepoint', '8', 'ab'.repeat(16), () => Promise.resolve(1)).started, true, 'keys are per job');
    assert.equal(operations.trigger('checkpoint', '7', 'ab'.repeat(16), () => Promise.resolve(1)).started, true, 'checkpoints have their own cache');
    now += 10_000;
    assert.deepEqual(operations.status('savepoint', '7', 'AB'.repeat(16)), { status: 'IN_PROGRESS' }, 'running operations never expire');
    finish();
    await sleep(0);
    assert.deepEqual(operations.status('savepoint', '7', 'ab'.repeat(16)), { status: 'COMPLETED', value: 'done' });
    now += 99;
    assert.ok(operations.status('savepoint', '7', 'ab'.repeat(16)) !== undefined);
    now += 1;
    assert.equal(operations.status('savepoint', '7', 'ab'.repeat(16)), undefined, 'forgotten after store-duration');
    const failing = operations.trigger('rescale', '7', undefined, () => {
      throw new Error('refused');
    });
    assert.match(failing.triggerId, /^[0-9a-f]{32}$/);
    await sleep(0);
    assert.equal(operations.status('rescale', '7', failing.triggerId)?.status, 'FAILED');
    const forever = new AsyncOperations({ storeDurationMs: 0, now: () => now });
    const kept = forever.trigger('disposal', '', undefined, () => Promise.resolve());
    await sleep(0);
    now += 1e12;
    assert.equal(forever.status('disposal', '', kept.triggerId)?.status, 'COMPLETED', '0 keeps results forever');
  });

  it('answers 404 for a trigger id whose result expired (rest.async.store-duration)', async () => {
    const coordinator = await Coordinator.open({ history, onWarning: () => undefined });
    const app = Fastify();
    const node = new NodeInfo('localhost', 'test');
    const health = new NodeHealthMonitor();
    try {
      const context = monitoringContext({ coordinator, node, health, settings: DEFAULT_SERVER_SETTINGS, asyncStoreDurationMs: 50 });
      await registerFamily(app, monitoringFamily(1024), context, { bodyLimit: 1024 });
      const trigger = await app.inject({ method: 'POST', url: '/v1/savepoint-disposal', payload: '{"savepoint-path":"/nowhere/savepoint-1.json"}' });
      assert.equal(trigger.statusCode, 200);
      const id = trigger.json()['request-id'] as string;
      await sleep(20);
      const done = (await app.inject(`/v1/savepoint-disposal/${id}`)).json();
      assert.equal(done.status.id, 'COMPLETED');
      assert.match(done.operation['failure-cause']['stack-trace'], /no checkpoint storage/);
      await sleep(80);
      const expired = await app.inject(`/v1/savepoint-disposal/${id}`);
      assert.equal(expired.statusCode, 404);
      assert.deepEqual(expired.json(), { errors: [`Operation not found under key: ${id}`] });
    } finally {
      await app.close();
      health.close();
      await coordinator.close({ savepoint: false });
    }
  });
});
