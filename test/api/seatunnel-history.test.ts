import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { batchJob, http, postJson, startServe, tempDir, waitForStatus } from './serve-process.js';

describe('sluice serve: durable history and masking', () => {
  it('masks secrets in envOptions, the DAG, logs and history, and finds the job again after a restart', async () => {
    const dataDir = tempDir();
    const first = await startServe({ dataDir });
    let jobId: string;
    try {
      const config = batchJob({ rows: 2, env: { 'db.password': 'hunter2-secret', token: 'tok-very-secret', 'db.url': 'jdbc:postgresql://app:url-pass-5678@db:5432/x?password=url-param-9876' }, sinkExtra: { password: 'sink-pass-1234' } });
      const submitted = await postJson(`${first.maps}/submit-job?jobName=kept`, config);
      assert.equal(submitted.status, 200, submitted.text);
      jobId = (submitted.body as { jobId: string }).jobId;
      const info = await waitForStatus(first, jobId, ['FINISHED', 'FAILED']);
      const text = JSON.stringify(info);
      assert.equal((info.jobDag as { envOptions: Record<string, string> }).envOptions['db.password'], '******');
      assert.equal((info.jobDag as { envOptions: Record<string, string> }).envOptions.token, '******');
      assert.doesNotMatch(text, /hunter2|tok-very|sink-pass|url-pass|url-param/);
    } finally {
      assert.equal((await first.stop()).code, 0);
    }
    for (const file of readdirSync(join(dataDir, 'jobs'))) assert.doesNotMatch(readFileSync(join(dataDir, 'jobs', file), 'utf8'), /hunter2|tok-very|sink-pass|url-pass|url-param/);
    for (const file of readdirSync(join(dataDir, 'logs'))) assert.doesNotMatch(readFileSync(join(dataDir, 'logs', file), 'utf8'), /hunter2|tok-very|sink-pass|url-pass|url-param/);

    const second = await startServe({ dataDir });
    try {
      const info = (await http(`${second.maps}/job-info/${jobId}`)).body as Record<string, unknown>;
      assert.equal(info.jobName, 'kept');
      assert.equal(info.jobStatus, 'FINISHED');
      assert.equal((info.metrics as Record<string, string>).SinkWriteCount, '2');
      const finished = (await http(`${second.maps}/finished-jobs`)).body as { jobId: string }[];
      assert.deepEqual(finished.map((job) => job.jobId), [jobId]);
      assert.equal(((await http(`${second.maps}/overview`)).body as { finishedJobs: string }).finishedJobs, '1');
      const reused = await postJson(`${second.maps}/submit-job?jobId=${jobId}`, batchJob());
      assert.equal(reused.status, 500, 'the id is still taken after the restart');
    } finally {
      await second.stop();
    }
  });
});
