import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { batchJob, http, postJson, startServe, streamingJob, waitForRows, waitForStatus, type ServeProcess } from './serve-process.js';

const HOCON = `
env { job.mode = "BATCH", job.name = "hocon-job" }
source { FakeSource { plugin_output = "fake", row.num = 3, schema = { fields { name = string } } } }
sink { Console { plugin_input = "fake", log.print.data = false } }
`;

const METRIC_KEYS = [
  'SourceReceivedCount', 'SourceReceivedQPS', 'SourceReceivedBytes', 'SourceReceivedBytesPerSeconds',
  'SinkWriteCount', 'SinkWriteQPS', 'SinkWriteBytes', 'SinkWriteBytesPerSeconds',
  'TableSourceReceivedCount', 'TableSourceReceivedQPS', 'TableSourceReceivedBytes', 'TableSourceReceivedBytesPerSeconds',
  'TableSinkWriteCount', 'TableSinkWriteQPS', 'TableSinkWriteBytes', 'TableSinkWriteBytesPerSeconds',
];

describe('SeaTunnel v1 API: jobs over real HTTP', () => {
  let serve: ServeProcess;
  before(async () => {
    serve = await startServe();
  });
  after(async () => {
    await serve.stop();
  });

  it('submits a JSON job, answers at once with string ids, and the job FINISHES with metrics', async () => {
    const submitted = await postJson(`${serve.maps}/submit-job?jobName=${encodeURIComponent('作业-ü')}`, batchJob({ rows: 7 }));
    assert.equal(submitted.status, 200, submitted.text);
    const { jobId, jobName } = submitted.body as { jobId: unknown; jobName: unknown };
    assert.equal(typeof jobId, 'string');
    assert.match(jobId as string, /^\d+$/);
    assert.equal(jobName, '作业-ü');

    const info = await waitForStatus(serve, jobId as string, ['FINISHED']);
    assert.equal(info.jobId, jobId);
    assert.equal(info.jobName, '作业-ü');
    assert.equal(info.errorMsg, null);
    assert.match(info.createTime as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.match(info.finishTime as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.deepEqual(info.pluginJarsUrls, []);
    const metrics = info.metrics as Record<string, unknown>;
    for (const key of METRIC_KEYS) assert.ok(key in metrics, `metrics.${key}`);
    assert.equal(metrics.SourceReceivedCount, '7');
    assert.equal(metrics.SinkWriteCount, '7');
    assert.equal(metrics.sourceReceivedCount, '7');
    assert.equal(metrics.sinkWriteCount, '7');
    assert.deepEqual(metrics.TableSourceReceivedCount, { fake: '7' });
    const dag = info.jobDag as Record<string, unknown>;
    assert.equal(dag.jobId, jobId);
    assert.deepEqual(dag.envOptions, { 'job.mode': 'BATCH', parallelism: '1' });
    assert.deepEqual(dag.vertexInfoMap, [
      { vertexId: 1, type: 'source', vertexName: 'pipeline-1 [Source[0]-FakeSource]', tablePaths: ['fake'] },
      { vertexId: 2, type: 'sink', vertexName: 'pipeline-1 [Sink[0]-Console-MultiTableSink]', tablePaths: ['fake'] },
    ]);
    assert.deepEqual(dag.pipelineEdges, { 1: [{ inputVertexId: '1', targetVertexId: '2' }] });
    assert.ok(Array.isArray(dag.vertices) && Array.isArray(dag.edges));

    const finished = await http(`${serve.maps}/finished-jobs/finished`);
    assert.ok((finished.body as { jobId: string }[]).some((job) => job.jobId === jobId));
    assert.deepEqual((await http(`${serve.maps}/finished-jobs/NO_SUCH_STATE`)).body, []);
    assert.deepEqual((await http(`${serve.maps}/finished-jobs/failed`)).body, []);
  });

  it('submits HOCON with ?format=hocon and a multipart upload', async () => {
    const hocon = await http(`${serve.maps}/submit-job?format=hocon`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: HOCON });
    assert.equal(hocon.status, 200, hocon.text);
    assert.equal((hocon.body as { jobName: string }).jobName, 'hocon-job');
    const info = await waitForStatus(serve, (hocon.body as { jobId: string }).jobId, ['FINISHED']);
    assert.equal((info.metrics as Record<string, string>).SinkWriteCount, '3');

    for (const [fileName, content] of [['job.conf', HOCON], ['job.json', JSON.stringify(batchJob({ rows: 4, name: 'uploaded' }))]] as const) {
      const form = new FormData();
      form.append('config_file', new Blob([content]), fileName);
      const upload = await http(`${serve.maps}/submit-job/upload?jobName=up-${fileName}`, { method: 'POST', body: form });
      assert.equal(upload.status, 200, upload.text);
      assert.equal((upload.body as { jobName: string }).jobName, `up-${fileName}`);
      await waitForStatus(serve, (upload.body as { jobId: string }).jobId, ['FINISHED']);
    }
    const form = new FormData();
    form.append('config_file', new Blob([HOCON]), 'job.conf');
    const onSubmitJob = await http(`${serve.maps}/submit-job`, { method: 'POST', body: form });
    assert.equal(onSubmitJob.status, 200, onSubmitJob.text);
  });

  it('round-trips a 64-bit job id, refuses a second start of a running id, and stops it (as number and as string)', async () => {
    const id = '733584788375666689';
    const submitted = await postJson(`${serve.maps}/submit-job?jobId=${id}`, streamingJob({ name: 'stream' }));
    assert.equal(submitted.status, 200, submitted.text);
    assert.match(submitted.text, /"jobId":"733584788375666689"/);
    const running = await waitForRows(serve, id);
    assert.equal(running.jobId, id);
    assert.equal(running.isStartWithSavePoint, false);
    assert.deepEqual(running.envOptions, { 'job.mode': 'STREAMING', parallelism: '1', 'checkpoint.interval': '1000', 'job.name': 'stream' });
    assert.equal('finishTime' in running, false);

    const again = await postJson(`${serve.maps}/submit-job?jobId=${id}`, streamingJob({ name: 'other' }));
    assert.equal(again.status, 200, again.text);
    assert.equal((again.body as { jobId: string }).jobId, id);
    const list = (await http(`${serve.maps}/running-jobs`)).body as Record<string, unknown>[];
    assert.equal(list.filter((job) => job.jobId === id).length, 1);
    const item = list.find((job) => job.jobId === id)!;
    assert.equal(item.jobName, 'stream');
    assert.equal(typeof (item.metrics as Record<string, unknown>).SourceReceivedCount, 'string');

    const overview = (await http(`${serve.maps}/overview`)).body as Record<string, unknown>;
    for (const key of ['projectVersion', 'totalSlot', 'unassignedSlot', 'workers', 'runningJobs', 'finishedJobs', 'failedJobs', 'cancelledJobs']) assert.equal(typeof overview[key], 'string', key);
    assert.ok(Number(overview.runningJobs) >= 1);

    const stop = await postJson(`${serve.maps}/stop-job`, `{"jobId":${id},"isStopWithSavePoint":false}`);
    assert.equal(stop.status, 200, stop.text);
    assert.equal(stop.text, `{"jobId":"${id}"}`);
    const canceled = await waitForStatus(serve, id, ['CANCELED']);
    assert.equal(canceled.jobStatus, 'CANCELED');

    const reused = await postJson(`${serve.maps}/submit-job?jobId=${id}`, streamingJob());
    assert.equal(reused.status, 500);
    assert.deepEqual(reused.body, { status: 'fail', message: `The job id ${id} has already been submitted and is not starting with a savepoint.` });

    const second = '733584788375666690';
    assert.equal((await postJson(`${serve.maps}/submit-job?jobId=${second}`, streamingJob())).status, 200);
    await waitForRows(serve, second);
    const stopAsString = await postJson(`${serve.maps}/stop-job`, { jobId: second });
    assert.equal(stopAsString.text, `{"jobId":"${second}"}`);
    await waitForStatus(serve, second, ['CANCELED']);
  });

  it('submit-jobs takes params per job and stop-jobs answers numeric ids', async () => {
    const a = '733584788375666701';
    const b = '733584788375666702';
    const body = `[{"params":{"jobId":${a},"jobName":"a"},${JSON.stringify(streamingJob()).slice(1)}, 42, {"params":{"jobId":"${b}","jobName":"b"},${JSON.stringify(streamingJob()).slice(1)}]`;
    const submitted = await postJson(`${serve.maps}/submit-jobs`, body);
    assert.equal(submitted.status, 200, submitted.text);
    assert.deepEqual(submitted.body, [{ jobId: a, jobName: 'a' }, { jobId: b, jobName: 'b' }]);
    await waitForRows(serve, a);
    await waitForRows(serve, b);
    const stopped = await postJson(`${serve.maps}/stop-jobs`, `[{"jobId":${a}},{"jobId":"${b}","isStopWithSavePoint":false}]`);
    assert.equal(stopped.status, 200, stopped.text);
    assert.equal(stopped.text, `[{"jobId":${a}},{"jobId":${b}}]`);
    await waitForStatus(serve, a, ['CANCELED']);
    await waitForStatus(serve, b, ['CANCELED']);
  });

  it('answers unknown ids with 200 {"jobId"} and malformed ones with 400', async () => {
    assert.deepEqual((await http(`${serve.maps}/job-info/123`)).body, { jobId: '123' });
    const deprecated = await http(`${serve.maps}/running-job/123`);
    assert.equal(deprecated.status, 200);
    assert.deepEqual(deprecated.body, { jobId: '123' });
    const bad = await http(`${serve.maps}/job-info/abc`);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { status: 'fail', message: 'For input string: "abc"' });
    assert.equal((await http(`${serve.maps}/running-job/`)).status, 400);
    const stopUnknown = await postJson(`${serve.maps}/stop-job`, { jobId: '999' });
    assert.equal(stopUnknown.status, 200);
    assert.deepEqual(stopUnknown.body, { jobId: '999' });
  });
});
