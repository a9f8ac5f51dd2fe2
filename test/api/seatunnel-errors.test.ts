import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { batchJob, http, postJson, startServe, yamlFile, type ServeProcess } from './serve-process.js';

describe('SeaTunnel v1 API: bad input over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe({ args: ['--config', yamlFile('rest:\n  server:\n    max-content-length: 4096\n')] });
  });
  after(async () => {
    await serve.stop();
  });

  it('answers an empty body 400 "Request body is empty." and a non-JSON one 400', async () => {
    for (const path of ['submit-job', 'submit-jobs', 'stop-job', 'stop-jobs', 'encrypt-config', 'update-tags']) {
      const empty = await http(`${serve.maps}/${path}`, { method: 'POST' });
      assert.equal(empty.status, 400, path);
      assert.deepEqual(empty.body, { status: 'fail', message: 'Request body is empty.' }, path);
      const garbage = await postJson(`${serve.maps}/${path}`, '{"env": ');
      assert.equal(garbage.status, 400, path);
      assert.deepEqual(garbage.body, { status: 'fail', message: 'Invalid JSON format in request body.' }, path);
    }
    const put = await http(`${serve.maps}/update-tags`, { method: 'PUT', body: '' });
    assert.equal(put.status, 400);
  });

  it('explains an unknown plugin with a suggestion (500, as SeaTunnel answers config errors)', async () => {
    const config = batchJob();
    (config.source as Record<string, unknown>[])[0]!.plugin_name = 'FakeSorce';
    const result = await postJson(`${serve.maps}/submit-job`, config);
    assert.equal(result.status, 500);
    const { status, message } = result.body as { status: string; message: string };
    assert.equal(status, 'fail');
    assert.match(message, /unknown source plugin "FakeSorce"; did you mean FakeSource\?/);
  });

  it('reports a HOCON syntax error and a missing sink', async () => {
    const hocon = await http(`${serve.maps}/submit-job?format=hocon`, { method: 'POST', body: 'env { job.mode = ' });
    assert.equal(hocon.status, 500);
    assert.match((hocon.body as { message: string }).message, /Invalid job config/);
    const noSink = await postJson(`${serve.maps}/submit-job`, { env: {}, source: batchJob().source });
    assert.match((noSink.body as { message: string }).message, /Miss <Sink> config!/);
  });

  it('checks parameters as SeaTunnel does', async () => {
    const noId = await postJson(`${serve.maps}/submit-job?isStartWithSavePoint=true`, batchJob());
    assert.equal(noId.status, 400);
    assert.deepEqual(noId.body, { status: 'fail', message: 'Please provide jobId when start with save point.' });
    const badId = await postJson(`${serve.maps}/submit-job?jobId=12x`, batchJob());
    assert.equal(badId.status, 400);
    assert.deepEqual(badId.body, { status: 'fail', message: 'For input string: "12x"' });
    const badParams = await postJson(`${serve.maps}/submit-job?jobId`, batchJob());
    assert.deepEqual(badParams.body, { status: 'fail', message: 'Invalid Params format in Params.' });
    const noJobId = await postJson(`${serve.maps}/stop-job`, { isStopWithSavePoint: true });
    assert.deepEqual(noJobId.body, { status: 'fail', message: 'jobId cannot be empty.' });
    const noSavepoint = await postJson(`${serve.maps}/submit-job?jobId=42&isStartWithSavePoint=true`, batchJob());
    assert.equal(noSavepoint.status, 500);
    assert.match((noSavepoint.body as { message: string }).message, /The job 42 has no savepoint or checkpoint to start from/);
  });

  it('answers bodies over rest.server.max-content-length 413 in the SeaTunnel format', async () => {
    const big = await postJson(`${serve.maps}/submit-job`, { ...batchJob(), padding: 'x'.repeat(10_000) });
    assert.equal(big.status, 413);
    assert.deepEqual(big.body, { status: 'fail', message: 'Request body is too large: the limit is 4096 bytes (rest.server.max-content-length).' });
    const form = new FormData();
    form.append('config_file', new Blob(['#'.repeat(10_000)]), 'job.conf');
    const upload = await http(`${serve.maps}/submit-job/upload`, { method: 'POST', body: form });
    assert.equal(upload.status, 413);
    assert.equal((upload.body as { status: string }).status, 'fail');
    assert.equal((await http(`${serve.maps}/overview`)).status, 200, 'the server still answers');
  });

  it('answers unknown URLs 404 in the family format', async () => {
    const missing = await http(`${serve.maps}/no-such-endpoint`);
    assert.equal(missing.status, 404);
    assert.equal((missing.body as { status: string }).status, 'fail');
  });
});
