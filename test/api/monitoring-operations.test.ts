import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { assertFlinkShape, get, send, streamingConfig, submit, waitForFlinkState, waitForOperation, waitForRows } from './monitoring-support.js';
import { http, startServe, waitFor, waitForStatus, type ServeProcess } from './serve-process.js';

const TRIGGER = /^[0-9a-f]{32}$/;

type Details = { vertices: { id: string; parallelism: number }[] };

async function runningJob(serve: ServeProcess, name: string): Promise<string> {
  const id = await submit(serve, streamingConfig(name));
  assert.equal(await waitForFlinkState(serve, id, ['RUNNING', 'FAILED']), 'RUNNING');
  await waitForRows(serve, id);
  return id;
}

function requestId(result: { status: number; body: unknown; text: string }, status: number): string {
  assert.equal(result.status, status, result.text);
  const id = (result.body as { 'request-id': string })['request-id'];
  assert.match(id, TRIGGER);
  return id;
}

describe('monitoring API over HTTP: trigger-and-poll operations on running jobs', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('triggers a savepoint and a checkpoint and polls them; a client triggerId deduplicates', async () => {
    const id = await runningJob(serve, 'savepoints');
    const triggerId = 'a'.repeat(16) + '0123456789abcdef';
    const first = await send(serve, 'POST', `/jobs/${id}/savepoints`, { 'target-directory': '/ignored', 'cancel-job': false, formatType: 'CANONICAL', triggerId });
    assert.equal(requestId(first, 202), triggerId);
    assertFlinkShape(first, 'post', '/jobs/{jobid}/savepoints');
    const again = await send(serve, 'POST', `/jobs/${id}/savepoints`, { triggerId: triggerId.toUpperCase() });
    assert.equal(requestId(again, 202), triggerId, 'the same trigger id answers the same operation');

    const status = await waitFor(() => http(`${serve.url}/v1/jobs/${id}/savepoints/${triggerId}`), (r) => (r.body as { status: { id: string } }).status.id === 'COMPLETED');
    assertFlinkShape(status, 'get', '/jobs/{jobid}/savepoints/{triggerid}');
    const location = (status.body as { operation: { location: string } }).operation.location;
    assert.match(location, /savepoint-\d+\.json$/);

    const checkpoints = await get(serve, `/jobs/${id}/checkpoints`);
    assertFlinkShape(checkpoints, 'get', '/jobs/{jobid}/checkpoints');
    const stats = checkpoints.body as { latest: { savepoint: { external_path: string } }; history: { is_savepoint: boolean; status: string }[] };
    assert.equal(stats.latest.savepoint.external_path, location);
    assert.equal(stats.history.filter((entry) => entry.is_savepoint).length, 1, 'the duplicate trigger took no second savepoint');

    const other = requestId(await send(serve, 'POST', `/jobs/${id}/savepoints`), 202);
    assert.notEqual(other, triggerId);
    await waitForOperation(serve, `/jobs/${id}/savepoints/${other}`);

    const checkpoint = requestId(await send(serve, 'POST', `/jobs/${id}/checkpoints`, { checkpointType: 'FULL' }), 202);
    const checkpointStatus = await waitFor(() => http(`${serve.url}/v1/jobs/${id}/checkpoints/${checkpoint}`), (r) => (r.body as { status: { id: string } }).status.id === 'COMPLETED');
    assertFlinkShape(checkpointStatus, 'get', '/jobs/{jobid}/checkpoints/{triggerid}');
    assert.equal(typeof (checkpointStatus.body as { operation: { checkpointId: number } }).operation.checkpointId, 'number');
    const incremental = await send(serve, 'POST', `/jobs/${id}/checkpoints`, { checkpointType: 'INCREMENTAL' });
    assert.equal(incremental.status, 400);
    const badTrigger = await send(serve, 'POST', `/jobs/${id}/savepoints`, { triggerId: 'xyz' });
    assert.equal(badTrigger.status, 400);
    assert.match((badTrigger.body as { errors: string[] }).errors[0]!, /^Request did not match expected format SavepointTriggerRequestBody: "triggerId" must be 32 hexadecimal characters/);

    const cancelled = requestId(await send(serve, 'POST', `/jobs/${id}/savepoints`, { 'cancel-job': true }), 202);
    assert.ok(typeof (await waitForOperation(serve, `/jobs/${id}/savepoints/${cancelled}`)).location === 'string');
    assert.equal(await waitForFlinkState(serve, id, ['CANCELED', 'FAILED', 'FINISHED']), 'CANCELED', 'cancel-job cancels once the savepoint is stored');
  });

  it('rescales a running job through PATCH …/rescaling and PUT …/resource-requirements', async () => {
    const id = await runningJob(serve, 'rescaled');
    const parallelisms = async (): Promise<number[]> => ((await get(serve, `/jobs/${id}`)).body as Details).vertices.map((vertex) => vertex.parallelism);
    assert.deepEqual(await parallelisms(), [1, 1]);

    const trigger = await send(serve, 'PATCH', `/jobs/${id}/rescaling?parallelism=2`);
    const triggerId = requestId(trigger, 200);
    assertFlinkShape(trigger, 'patch', '/jobs/{jobid}/rescaling');
    const status = await waitFor(() => http(`${serve.url}/v1/jobs/${id}/rescaling/${triggerId}`), (r) => (r.body as { status: { id: string } }).status.id === 'COMPLETED');
    assertFlinkShape(status, 'get', '/jobs/{jobid}/rescaling/{triggerid}');
    assert.deepEqual((status.body as { operation: unknown }).operation, {}, 'a rescale that worked has no failure-cause');
    assert.deepEqual(await parallelisms(), [2, 2]);
    assert.equal(((await get(serve, `/jobs/${id}/vertices/1`)).body as { subtasks: unknown[] }).subtasks.length, 2);
    // The engine redeploys the subtasks a moment after the rescale completes; a second rescale
    // issued during that redeploy is lost (an engine race reported with issue 4), so give it time.
    await sleep(1000);

    const requirements = await get(serve, `/jobs/${id}/resource-requirements`);
    assertFlinkShape(requirements, 'get', '/jobs/{jobid}/resource-requirements');
    const body = requirements.body as Record<string, { parallelism: { lowerBound: number; upperBound: number } }>;
    assert.deepEqual(body['1'], { parallelism: { lowerBound: 1, upperBound: 2 } });
    for (const vertex of Object.values(body)) vertex.parallelism.upperBound = 3;
    const put = await send(serve, 'PUT', `/jobs/${id}/resource-requirements`, body);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(await parallelisms(), [3, 3]);
    const before = Number(((await get(serve, `/jobs/${id}/metrics?get=numRecordsIn`)).body as { value: string }[])[0]!.value);
    await waitFor(
      () => get(serve, `/jobs/${id}/metrics?get=numRecordsIn`),
      (r) => Number((r.body as { value: string }[])[0]!.value) > before,
    );

    const disagreeing = await send(serve, 'PUT', `/jobs/${id}/resource-requirements`, { '1': { parallelism: { lowerBound: 1, upperBound: 2 } }, '2': { parallelism: { lowerBound: 1, upperBound: 4 } } });
    assert.equal(disagreeing.status, 400);
    assert.match((disagreeing.body as { errors: string[] }).errors[0]!, /upper bounds differ/);
    assert.equal((await send(serve, 'PATCH', `/jobs/${id}/rescaling`)).status, 400);
    assert.equal((await send(serve, 'PATCH', `/jobs/${id}/rescaling?parallelism=zero`)).status, 400);

    assert.equal((await send(serve, 'PATCH', `/jobs/${id}?mode=stop`)).status, 308);
    const cancel = await send(serve, 'PATCH', `/jobs/${id}?mode=cancel`);
    assert.equal(cancel.status, 202);
    assert.deepEqual(cancel.body, {});
    assert.equal(await waitForFlinkState(serve, id, ['CANCELED', 'FAILED']), 'CANCELED');
    const late = await send(serve, 'PATCH', `/jobs/${id}`);
    assert.equal(late.status, 409);
    assert.deepEqual(late.body, { errors: ['Job cancellation failed because the job has already reached another terminal state (CANCELED).'] });
  });

  it('stops with a savepoint via /stop (SAVEPOINT_DONE in SeaTunnel\'s API, FINISHED here), then disposes of the savepoint', async () => {
    const id = await runningJob(serve, 'stopped');
    const triggerId = '0123456789abcdef'.repeat(2);
    const stop = await send(serve, 'POST', `/jobs/${id}/stop`, { drain: true, targetDirectory: '/ignored', triggerId });
    assert.equal(requestId(stop, 202), triggerId);
    assertFlinkShape(stop, 'post', '/jobs/{jobid}/stop');
    assert.equal(requestId(await send(serve, 'POST', `/jobs/${id}/savepoints`, { triggerId }), 202), triggerId, 'stop and savepoint share one operation cache');
    const operation = await waitForOperation(serve, `/jobs/${id}/savepoints/${triggerId}`);
    const location = operation.location as string;
    assert.match(location, /savepoint-\d+\.json$/);

    const seaTunnel = await waitForStatus(serve, id, ['SAVEPOINT_DONE', 'FAILED', 'CANCELED']);
    assert.equal(seaTunnel.jobStatus, 'SAVEPOINT_DONE');
    assert.equal(await waitForFlinkState(serve, id, ['FINISHED', 'FAILED']), 'FINISHED');
    const checkpoints = (await get(serve, `/jobs/${id}/checkpoints`)).body as { latest: { savepoint: { external_path: string } } };
    assert.equal(checkpoints.latest.savepoint.external_path, location);
    assert.equal(((await get(serve, `/jobs/${id}/execution-result`)).body as { 'job-execution-result': { 'application-status': string } })['job-execution-result']['application-status'], 'SUCCEEDED');

    const late = requestId(await send(serve, 'POST', `/jobs/${id}/savepoints`), 202);
    const failed = await waitForOperation(serve, `/jobs/${id}/savepoints/${late}`);
    assert.match((failed['failure-cause'] as { 'stack-trace': string })['stack-trace'], /not running/, 'an ended job fails the operation, not the trigger');

    const disposal = await send(serve, 'POST', '/savepoint-disposal', { 'savepoint-path': location });
    const disposalId = requestId(disposal, 200);
    assertFlinkShape(disposal, 'post', '/savepoint-disposal');
    const disposed = await waitFor(() => http(`${serve.url}/v1/savepoint-disposal/${disposalId}`), (r) => (r.body as { status: { id: string } }).status.id === 'COMPLETED');
    assertFlinkShape(disposed, 'get', '/savepoint-disposal/{triggerid}');
    assert.deepEqual((disposed.body as { operation: unknown }).operation, {});
    const twice = requestId(await send(serve, 'POST', '/savepoint-disposal', { 'savepoint-path': `file:${location}` }), 200);
    assert.ok('failure-cause' in (await waitForOperation(serve, `/savepoint-disposal/${twice}`)), 'a savepoint that is gone cannot be disposed again');
    const outside = requestId(await send(serve, 'POST', '/savepoint-disposal', { 'savepoint-path': '/etc/passwd' }), 200);
    assert.ok('failure-cause' in (await waitForOperation(serve, `/savepoint-disposal/${outside}`)), 'only checkpoints of this node can be disposed');
    assert.equal((await send(serve, 'POST', '/savepoint-disposal', {})).status, 400);
  });

  it("cancels through the dashboard's GET …/yarn-cancel", async () => {
    const id = await runningJob(serve, 'yarn');
    const cancel = await http(`${serve.url}/jobs/${id}/yarn-cancel`);
    assert.equal(cancel.status, 202);
    assert.equal(await waitForFlinkState(serve, id, ['CANCELED', 'FAILED']), 'CANCELED');
    const exceptions = await get(serve, `/jobs/${id}/exceptions`);
    assertFlinkShape(exceptions, 'get', '/jobs/{jobid}/exceptions');
  });
});
