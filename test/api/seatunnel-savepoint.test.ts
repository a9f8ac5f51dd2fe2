import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { http, postJson, startServe, streamingJob, tempDir, waitFor, waitForRows, waitForStatus } from './serve-process.js';

describe('sluice serve: savepoints, restore and resumption', () => {
  it('stops a job with a savepoint (SAVEPOINT_DONE) and starts it again from it', async () => {
    const serve = await startServe();
    try {
      const id = '733584788375666689';
      assert.equal((await postJson(`${serve.maps}/submit-job?jobId=${id}`, streamingJob({ name: 'sp' }))).status, 200);
      await waitForRows(serve, id);
      const stop = await postJson(`${serve.maps}/stop-job`, `{"jobId":${id},"isStopWithSavePoint":true}`);
      assert.equal(stop.text, `{"jobId":"${id}"}`);
      const done = await waitForStatus(serve, id, ['SAVEPOINT_DONE', 'FAILED', 'CANCELED']);
      assert.equal(done.jobStatus, 'SAVEPOINT_DONE', JSON.stringify(done));
      const before = Number((done.metrics as Record<string, string>).SourceReceivedCount);

      const restart = await postJson(`${serve.maps}/submit-job?jobId=${id}&isStartWithSavePoint=true`, streamingJob({ name: 'sp' }));
      assert.equal(restart.status, 200, restart.text);
      const running = await waitForStatus(serve, id, ['RUNNING']);
      assert.equal(running.isStartWithSavePoint, true);
      assert.ok(before > 0);
      // the restored reader continues after the rows it had read: they are not read again
      assert.equal((running.metrics as Record<string, string>).SourceReceivedCount, '0');
      await sleep(1000);
      await postJson(`${serve.maps}/stop-job`, { jobId: id });
      await waitForStatus(serve, id, ['CANCELED']);
    } finally {
      await serve.stop();
    }
  });

  it('takes a savepoint of running jobs on SIGTERM and resumes them when the node starts again', async () => {
    const dataDir = tempDir();
    const first = await startServe({ dataDir });
    const { jobId } = (await postJson(`${first.maps}/submit-job`, streamingJob({ name: 'resumable' }))).body as { jobId: string };
    await waitForRows(first, jobId);
    assert.equal((await first.stop('SIGTERM')).code, 0, first.output());

    const second = await startServe({ dataDir });
    try {
      const info = await waitForStatus(second, jobId, ['RUNNING', 'FAILED', 'CANCELED', 'SAVEPOINT_DONE'], 30_000);
      assert.equal(info.jobStatus, 'RUNNING', JSON.stringify(info));
      assert.equal(info.jobName, 'resumable');
      assert.equal(info.isStartWithSavePoint, true);
    } finally {
      await second.stop();
    }
  });

  it('resumes a running job from its last checkpoint after a crash (SIGKILL)', async () => {
    const dataDir = tempDir();
    const first = await startServe({ dataDir });
    const { jobId } = (await postJson(`${first.maps}/submit-job`, streamingJob({ name: 'crashing' }))).body as { jobId: string };
    await waitForRows(first, jobId);
    await sleep(2500); // checkpoint.interval is 1000 ms: at least one checkpoint is stored
    await first.stop('SIGKILL');

    const second = await startServe({ dataDir });
    try {
      const info = await waitFor(
        () => http(`${second.maps}/job-info/${jobId}`),
        (r) => ['RUNNING', 'FAILED'].includes((r.body as { jobStatus: string }).jobStatus),
      );
      assert.equal((info.body as { jobStatus: string }).jobStatus, 'RUNNING', info.text);
    } finally {
      await second.stop();
    }
  });
});
