import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { batchJob, http, postJson, startServe, waitForStatus, type ServeProcess } from './serve-process.js';

const MONITORING_KEYS = [
  'isMaster', 'host', 'port', 'processors', 'physical.memory.total', 'physical.memory.free', 'swap.space.total', 'swap.space.free',
  'heap.memory.used', 'heap.memory.free', 'heap.memory.total', 'heap.memory.max', 'heap.memory.used/total', 'heap.memory.used/max',
  'minor.gc.count', 'minor.gc.time', 'major.gc.count', 'major.gc.time', 'load.process', 'load.system', 'load.systemAverage',
  'thread.count', 'thread.peakCount', 'cluster.timeDiff', 'event.q.size', 'executor.q.async.size', 'executor.q.client.size',
  'executor.q.client.query.size', 'executor.q.client.blocking.size', 'executor.q.query.size', 'executor.q.scheduled.size',
  'executor.q.io.size', 'executor.q.system.size', 'executor.q.operations.size', 'executor.q.priorityOperation.size',
  'operations.completed.count', 'executor.q.mapLoad.size', 'executor.q.mapLoadAllKeys.size', 'executor.q.cluster.size',
  'executor.q.response.size', 'operations.running.count', 'operations.pending.invocations.percentage',
  'operations.pending.invocations.count', 'proxy.count', 'clientEndpoint.count', 'connection.active.count',
  'client.connection.count', 'connection.count',
];

describe('SeaTunnel v1 API: node endpoints over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('reports system monitoring with SeaTunnel keys, in order, as strings', async () => {
    const result = await http(`${serve.maps}/system-monitoring-information`);
    assert.equal(result.status, 200);
    const [node] = result.body as Record<string, unknown>[];
    assert.deepEqual(Object.keys(node!).slice(0, MONITORING_KEYS.length), MONITORING_KEYS);
    for (const value of Object.values(node!)) assert.equal(typeof value, 'string');
    assert.equal(node!.isMaster, 'true');
    assert.equal(node!.host, 'localhost');
    assert.equal(node!.port, new URL(serve.url).port);
    assert.match(node!['heap.memory.used/total'] as string, /^\d+\.\d\d%$/);
    assert.match(node!['minor.gc.time'] as string, /^\d+ms$/);
  });

  it('encrypts a config with base64 shade', async () => {
    const config = { env: { 'shade.identifier': 'base64' }, source: [{ plugin_name: 'Jdbc', username: 'seatunnel', password: 'seatunnel_password', query: 'select 1' }], sink: [{ plugin_name: 'Console' }] };
    const result = await postJson(`${serve.maps}/encrypt-config`, config);
    assert.equal(result.status, 200, result.text);
    const source = (result.body as { source: Record<string, string>[] }).source[0]!;
    assert.equal(source.username, 'c2VhdHVubmVs');
    assert.equal(source.password, 'c2VhdHVubmVsX3Bhc3N3b3Jk');
    assert.equal(source.query, 'select 1');
    const noSource = await postJson(`${serve.maps}/encrypt-config`, { env: {}, source: [], sink: [{ plugin_name: 'Console' }] });
    assert.equal(noSource.status, 400);
    assert.deepEqual(noSource.body, { status: 'fail', message: 'Miss <Source> config! Please check the config file.' });
  });

  it('updates tags (POST and PUT) and filters the overview by tag', async () => {
    const put = await http(`${serve.maps}/update-tags`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"node":"node1"}' });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body, { status: 'success', message: 'update node tags done.' });
    assert.equal(((await http(`${serve.maps}/overview?node=node1`)).body as { workers: string }).workers, '1');
    const other = (await http(`${serve.maps}/overview?node=node2`)).body as Record<string, string>;
    assert.deepEqual([other.workers, other.totalSlot, other.unassignedSlot], ['0', '0', '0']);
  });

  it('lists threads, serves job logs and Prometheus metrics', async () => {
    const submitted = await postJson(`${serve.maps}/submit-job`, batchJob({ rows: 3 }));
    const { jobId } = submitted.body as { jobId: string };
    await waitForStatus(serve, jobId, ['FINISHED']);

    const dump = (await http(`${serve.maps}/thread-dump`)).body as Record<string, unknown>[];
    assert.equal(dump[0]!.threadName, 'main');
    assert.equal(typeof dump[0]!.threadId, 'number');
    const threads = (await http(`${serve.maps}/running-threads`)).body as Record<string, unknown>[];
    assert.ok(threads.every((t) => typeof t.threadName === 'string' && typeof t.classLoader === 'string'));

    const list = (await http(`${serve.maps}/logs/${jobId}?format=json`)).body as Record<string, string>[];
    assert.equal(list.length, 1);
    assert.equal(list[0]!.logName, `job-${jobId}.log`);
    assert.equal(list[0]!.node, `localhost:${new URL(serve.url).port}`);
    const html = await http(`${serve.maps}/logs`);
    assert.match(html.contentType, /text\/html/);
    assert.match(html.text, new RegExp(`job-${jobId}\\.log`));
    const file = await http(`${serve.maps}/logs/job-${jobId}.log`);
    assert.equal(file.status, 200);
    assert.match(file.text, /ended with state FINISHED/);
    assert.equal((await http(`${serve.maps}/log/job-${jobId}.log`)).status, 200);
    assert.match((await http(`${serve.maps}/log`)).text, /href="log\/job-/);
    const missing = await http(`${serve.maps}/logs/job-1.log`);
    assert.equal(missing.status, 400);
    assert.equal(missing.text, '');
    assert.equal((await http(`${serve.maps}/log/..%2F..%2Fetc%2Fpasswd.log`)).status, 400);

    const metrics = await http(`${serve.url}/hazelcast/rest/instance/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.contentType, /text\/plain; version=0.0.4/);
    assert.match(metrics.text, /job_count\{cluster="sluice",type="finished"\} [1-9]/);
    assert.match((await http(`${serve.url}/hazelcast/rest/instance/openmetrics`)).text, /# EOF\n$/);
  });
});
