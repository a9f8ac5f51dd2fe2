import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertFlinkShape, get, send, submit, waitForFlinkState } from './monitoring-support.js';
import { http, startServe, type ServeProcess } from './serve-process.js';

const SECRET = 's3cr3t-value-0451';

const batchConfig = (name: string, rows = 20): string => `
env {
  job.mode = "BATCH"
  job.name = "${name}"
  db.password = "${SECRET}"
}
source {
  FakeSource { plugin_output = "fake", row.num = ${rows}, schema = { fields { name = string, age = int } } }
}
transform {
  Filter { plugin_input = "fake", plugin_output = "kept", fields = [name] }
}
sink {
  Console { plugin_input = "kept", log.print.data = false }
}
`;

describe('monitoring API over HTTP: reading jobs in Flink\'s shapes', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('answers the cluster endpoints, at /v1 and unversioned, as Flink\'s spec describes them', async () => {
    const config = await get(serve, '/config');
    assertFlinkShape(config, 'get', '/config');
    assert.equal(typeof (config.body as Record<string, unknown>)['refresh-interval'], 'number');
    const unversioned = await http(`${serve.url}/overview`);
    assert.equal(unversioned.status, 200);
    assertFlinkShape(unversioned, 'get', '/overview');
    assert.equal((unversioned.body as Record<string, unknown>).taskmanagers, 1);
    assertFlinkShape(await get(serve, '/jobs'), 'get', '/jobs');
    assertFlinkShape(await get(serve, '/jobs/overview'), 'get', '/jobs/overview');
    const taskManagers = await get(serve, '/taskmanagers');
    assertFlinkShape(taskManagers, 'get', '/taskmanagers');
    const tmId = (taskManagers.body as { taskmanagers: { id: string }[] }).taskmanagers[0]!.id;
    assertFlinkShape(await get(serve, `/taskmanagers/${encodeURIComponent(tmId)}`), 'get', '/taskmanagers/{taskmanagerid}');
    assertFlinkShape(await get(serve, `/taskmanagers/${encodeURIComponent(tmId)}/metrics?get=Status.JVM.Memory.Heap.Used`), 'get', '/taskmanagers/{taskmanagerid}/metrics');
    await get(serve, '/taskmanagers/nowhere:1/metrics', 404);
    assertFlinkShape(await get(serve, '/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=max'), 'get', '/taskmanagers/metrics');
    assertFlinkShape(await get(serve, '/jobmanager/config'), 'get', '/jobmanager/config');
    assertFlinkShape(await get(serve, '/jobmanager/environment'), 'get', '/jobmanager/environment');
    const names = await get(serve, '/jobmanager/metrics');
    assertFlinkShape(names, 'get', '/jobmanager/metrics');
    assert.ok((names.body as { id: string }[]).some((metric) => metric.id === 'Status.JVM.Memory.Heap.Used'));
    assert.ok((names.body as Record<string, unknown>[]).every((metric) => !('value' in metric)), 'without get, only names');
  });

  it('submits a HOCON job, polls it to FINISHED, and describes it in Flink\'s shapes with secrets masked', async () => {
    const id = await submit(serve, batchConfig('described'));
    assert.equal(await waitForFlinkState(serve, id, ['FINISHED', 'FAILED', 'CANCELED']), 'FINISHED');
    const seaTunnel = await http(`${serve.maps}/job-info/${id}`);
    assert.equal((seaTunnel.body as { jobStatus: string }).jobStatus, 'FINISHED');

    const details = await get(serve, `/jobs/${id}`);
    assertFlinkShape(details, 'get', '/jobs/{jobid}');
    const info = details.body as {
      jid: string;
      name: string;
      state: string;
      'job-type': string;
      'end-time': number;
      timestamps: Record<string, number>;
      vertices: { id: string; name: string; parallelism: number; status: string; tasks: Record<string, number>; metrics: Record<string, number | boolean> }[];
      'status-counts': Record<string, number>;
      plan: { nodes: { id: string; inputs: { id: string }[] }[] };
    };
    assert.equal(info.jid, id);
    assert.equal(info.name, 'described');
    assert.equal(info['job-type'], 'BATCH');
    assert.ok(info['end-time'] > 0 && info.timestamps.FINISHED! >= info.timestamps.RUNNING! && info.timestamps.RUNNING! > 0);
    assert.deepEqual(info.vertices.map((vertex) => vertex.id), ['1', '2', '3']);
    const [source, filter, sink] = info.vertices;
    assert.equal(source!.metrics['write-records'], 20);
    assert.equal(source!.metrics['write-records-complete'], true);
    assert.ok((source!.metrics['write-bytes'] as number) > 0);
    assert.equal(filter!.metrics['read-records'], 20);
    assert.equal(sink!.metrics['read-records'], 20);
    assert.equal(source!.tasks.FINISHED, 1);
    assert.equal(info['status-counts'].FINISHED, 3);
    assert.deepEqual(info.plan.nodes[2]!.inputs.map((input) => input.id), ['2'], 'plan inputs name vertex ids');

    assertFlinkShape(await get(serve, `/jobs/${id}/status`), 'get', '/jobs/{jobid}/status');
    assertFlinkShape(await get(serve, `/jobs/${id}/plan`), 'get', '/jobs/{jobid}/plan');
    const overview = await get(serve, '/jobs/overview');
    assertFlinkShape(overview, 'get', '/jobs/overview');
    const listed = (overview.body as { jobs: { jid: string; jobType: string; tasks: Record<string, number> }[] }).jobs.find((job) => job.jid === id)!;
    assert.equal(listed.jobType, 'BATCH');
    assert.equal(listed.tasks.total, 3);
    assert.equal(listed.tasks.finished, 3, 'lower-case task states in /jobs/overview');

    const config = await get(serve, `/jobs/${id}/config`);
    assertFlinkShape(config, 'get', '/jobs/{jobid}/config');
    assert.ok(!config.text.includes(SECRET), 'the job config is masked');
    const userConfig = (config.body as { 'execution-config': { 'user-config': Record<string, string> } })['execution-config']['user-config'];
    assert.equal(userConfig['env.db.password'], '******');
    assert.equal(userConfig['source[0].row.num'], '20');
    for (const path of [`/jobs/${id}`, `/jobs/${id}/plan`, '/jobs/overview']) assert.ok(!(await get(serve, path)).text.includes(SECRET), `${path} is masked`);

    assertFlinkShape(await get(serve, `/jobs/${id}/exceptions`), 'get', '/jobs/{jobid}/exceptions');
    const result = await get(serve, `/jobs/${id}/execution-result`);
    assertFlinkShape(result, 'get', '/jobs/{jobid}/execution-result');
    assert.equal((result.body as { 'job-execution-result': { 'application-status': string } })['job-execution-result']['application-status'], 'SUCCEEDED');

    const checkpoints = await get(serve, `/jobs/${id}/checkpoints`);
    assertFlinkShape(checkpoints, 'get', '/jobs/{jobid}/checkpoints');
    const history = (checkpoints.body as { history: { id: number; className: string }[] }).history;
    assert.ok(history.length >= 1, 'the final checkpoint of the bounded pipeline is listed');
    assertFlinkShape(await get(serve, `/jobs/${id}/checkpoints/details/${history[0]!.id}`), 'get', '/jobs/{jobid}/checkpoints/details/{checkpointid}');
    await get(serve, `/jobs/${id}/checkpoints/details/999999`, 404);
    assertFlinkShape(await get(serve, `/jobs/${id}/checkpoints/config`), 'get', '/jobs/{jobid}/checkpoints/config');
    assert.match((await get(serve, `/jobs/${id}/checkpoints/config`)).text, /"interval":9223372036854775807/, 'no periodic checkpoints: Long.MAX_VALUE, exactly');

    const vertex = await get(serve, `/jobs/${id}/vertices/1`);
    assertFlinkShape(vertex, 'get', '/jobs/{jobid}/vertices/{vertexid}');
    assert.equal((vertex.body as { subtasks: unknown[] }).subtasks.length, 1);
    assertFlinkShape(await get(serve, `/jobs/${id}/vertices/1/subtasktimes`), 'get', '/jobs/{jobid}/vertices/{vertexid}/subtasktimes');
    assertFlinkShape(await get(serve, `/jobs/${id}/vertices/1/watermarks`), 'get', '/jobs/{jobid}/vertices/{vertexid}/watermarks');
    assertFlinkShape(await get(serve, `/jobs/${id}/vertices/1/metrics`), 'get', '/jobs/{jobid}/vertices/{vertexid}/metrics');
    await get(serve, `/jobs/${id}/vertices/9`, 404);
  });

  it('answers metrics with Flink\'s get and agg semantics', async () => {
    const id = await submit(serve, batchConfig('measured', 30));
    await waitForFlinkState(serve, id, ['FINISHED']);
    const names = await get(serve, `/jobs/${id}/metrics`);
    assertFlinkShape(names, 'get', '/jobs/{jobid}/metrics');
    assert.ok((names.body as { id: string }[]).some((metric) => metric.id === 'numRecordsIn'));

    const values = await get(serve, `/jobs/${id}/metrics?get=numRecordsIn,numRecordsOut,noSuchMetric`);
    assert.deepEqual(values.body, [
      { id: 'numRecordsIn', value: '30' },
      { id: 'numRecordsOut', value: '30' },
    ], 'values are strings; unknown names are left out');

    const subtasks = await get(serve, `/jobs/${id}/vertices/1/subtasks/metrics?get=numRecordsOut`);
    assertFlinkShape(subtasks, 'get', '/jobs/{jobid}/vertices/{vertexid}/subtasks/metrics');
    assert.deepEqual(subtasks.body, [{ id: 'numRecordsOut', min: 30, max: 30, avg: 30, sum: 30, skew: 0 }], 'all five aggregates without agg');
    const picked = await get(serve, `/jobs/${id}/vertices/1/subtasks/metrics?get=numRecordsOut&agg=SUM,max&subtasks=0`);
    assert.deepEqual(picked.body, [{ id: 'numRecordsOut', max: 30, sum: 30 }]);
    assert.deepEqual((await get(serve, `/jobs/${id}/vertices/1/subtasks/metrics?get=numRecordsOut&subtasks=3-4`)).body, []);
    const subtaskNames = await get(serve, `/jobs/${id}/vertices/1/subtasks/metrics`);
    assert.ok((subtaskNames.body as { id: string }[]).some((metric) => metric.id === 'numRecordsOut'));

    const bad = await get(serve, `/jobs/${id}/vertices/1/subtasks/metrics?get=numRecordsOut&agg=median`, 400);
    assert.match((bad.body as { errors: string[] }).errors[0]!, /Cannot resolve query parameter \(agg\) from value "median"/);
    const aggregatedJobs = await get(serve, `/jobs/metrics?get=numRecordsIn&agg=sum&jobs=${id}`);
    assertFlinkShape(aggregatedJobs, 'get', '/jobs/metrics');
    assert.deepEqual(aggregatedJobs.body, [{ id: 'numRecordsIn', sum: 30 }]);
  });

  it('reports a failed job in /exceptions and /execution-result', async () => {
    const id = await submit(serve, {
      env: { 'job.mode': 'BATCH', 'job.name': 'failing' },
      source: [{ plugin_name: 'FakeSource', 'row.num': 5, schema: { fields: { name: 'string' } } }],
      sink: [{ plugin_name: 'Assert', rules: { row_rules: [{ rule_type: 'MAX_ROW', rule_value: 1 }] } }],
    });
    assert.equal(await waitForFlinkState(serve, id, ['FINISHED', 'FAILED']), 'FAILED');
    const exceptions = await get(serve, `/jobs/${id}/exceptions?maxExceptions=5`);
    assertFlinkShape(exceptions, 'get', '/jobs/{jobid}/exceptions');
    const entries = (exceptions.body as { exceptionHistory: { entries: { stacktrace: string }[] } }).exceptionHistory.entries;
    assert.ok(entries.length >= 1);
    assert.match(entries[0]!.stacktrace, /MAX_ROW|row/i);
    assert.ok(!entries[0]!.stacktrace.includes('    at '), 'messages, not stack frames');
    const result = await get(serve, `/jobs/${id}/execution-result`);
    assertFlinkShape(result, 'get', '/jobs/{jobid}/execution-result');
    const jobResult = (result.body as { 'job-execution-result': { 'application-status': string; 'failure-cause': { 'stack-trace': string } } })['job-execution-result'];
    assert.equal(jobResult['application-status'], 'FAILED');
    assert.match(jobResult['failure-cause']['stack-trace'], /^JobFailure: /);
  });

  it('submits JSON with a custom 64-bit job id and refuses the same id again (409)', async () => {
    const id = '733584788375666689';
    const config = { env: { 'job.mode': 'BATCH' }, source: [{ plugin_name: 'FakeSource', 'row.num': 3, schema: { fields: { a: 'int' } } }], sink: [{ plugin_name: 'Console', 'log.print.data': false }] };
    assert.equal(await submit(serve, config, `?jobId=${id}&jobName=${encodeURIComponent('名前')}`), id);
    await waitForFlinkState(serve, id, ['FINISHED']);
    assert.equal(((await get(serve, `/jobs/${id}`)).body as { name: string }).name, '名前');
    const again = await send(serve, 'POST', `/jobs?jobId=${id}`, config);
    assert.equal(again.status, 409, again.text);
    assert.match((again.body as { errors: string[] }).errors[0]!, /already been submitted/);
    const invalid = await send(serve, 'POST', '/jobs', { env: { 'job.mode': 'BATCH' }, source: [{ plugin_name: 'FakeSourc' }], sink: [{ plugin_name: 'Console' }] });
    assert.equal(invalid.status, 400);
    assert.match((invalid.body as { errors: string[] }).errors[0]!, /did you mean FakeSource/);
  });

  it('answers bad requests in Flink\'s error format: unknown versions and paths 404, wrong methods 405, bad ids 400, unknown ids 404', async () => {
    for (const path of ['/v2/overview', '/v99/jobs', '/no-such-thing']) {
      const result = await http(`${serve.url}${path}`);
      assert.equal(result.status, 404, path);
      assert.deepEqual(result.body, { errors: [`Not found: ${path}`] });
    }
    const wrongMethod = await http(`${serve.url}/v1/overview`, { method: 'POST' });
    assert.equal(wrongMethod.status, 405);
    assert.match((wrongMethod.body as { errors: string[] }).errors[0]!, /Method POST is not allowed on \/v1\/overview; use GET, HEAD/);
    const unknownJob = await get(serve, '/jobs/123456789', 404);
    assert.deepEqual(unknownJob.body, { errors: ['Job 123456789 not found'] });
    assert.equal(unknownJob.contentType, 'application/json; charset=utf-8');
    const malformed = await get(serve, '/jobs/a1b2c3d4e5f60718293a4b5c6d7e8f90', 400);
    assert.match((malformed.body as { errors: string[] }).errors[0]!, /^Bad request, could not parse parameters: Cannot resolve path parameter \(jobid\)/);
    const unknownTrigger = await get(serve, '/jobs/123456789/savepoints/0123456789abcdef0123456789abcdef', 404);
    assert.deepEqual(unknownTrigger.body, { errors: ['There is no savepoint operation with triggerId=0123456789abcdef0123456789abcdef for job 123456789.'] });
    const unknownCheckpoint = await get(serve, '/jobs/123456789/checkpoints/0123456789abcdef0123456789abcdef', 404);
    assert.match((unknownCheckpoint.body as { errors: string[] }).errors[0]!, /^There is no checkpoint operation with triggerId=/);
    assert.deepEqual((await get(serve, '/savepoint-disposal/0123456789abcdef0123456789abcdef', 404)).body, { errors: ['Operation not found under key: 0123456789abcdef0123456789abcdef'] });
    await get(serve, '/jobs/123456789/savepoints/not-a-trigger-id', 400);
    const cancelUnknown = await send(serve, 'PATCH', '/jobs/123456789');
    assert.equal(cancelUnknown.status, 404);
    assert.deepEqual(cancelUnknown.body, { errors: ['Job could not be found.'] });
    const badBody = await send(serve, 'POST', '/jobs/123456789/savepoints', '{"cancel-job": "yes"}');
    assert.equal(badBody.status, 404, 'the job is looked up first');
  });
});
