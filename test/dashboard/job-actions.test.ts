import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { http, startServe, waitFor, type ServeProcess } from '../api/serve-process.js';
import { browserSkip, launchBrowser, openDashboard, screenshot } from './browser.js';

/** A streaming job that produces about 4,000 rows/s for several minutes: 100-row splits every 50 ms per reader. */
const STREAM = `env {
  job.mode = "STREAMING"
  job.name = "orders-stream"
  parallelism = 2
  checkpoint.interval = 1000
}
source {
  FakeSource {
    plugin_output = "orders"
    row.num = 1000000
    split.num = 10000
    split.read-interval = 50
    schema = { fields { id = bigint, customer = string } }
  }
}
sink {
  Console {
    plugin_input = "orders"
    log.print.data = false
  }
}
`;

async function submitStream(serve: ServeProcess): Promise<string> {
  const answer = await http(`${serve.url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/hocon' }, body: STREAM });
  assert.equal(answer.status, 202, answer.text);
  return (answer.body as { jobid: string }).jobid;
}

async function jobInfo(serve: ServeProcess, jobId: string): Promise<{ jobStatus: string; metrics: { SourceReceivedCount: string } }> {
  return (await http(`${serve.maps}/job-info/${jobId}`)).body as { jobStatus: string; metrics: { SourceReceivedCount: string } };
}

/** Opens the job page once the job runs and has read rows (subtasks deployed). */
async function openRunningJob(browser: Browser, serve: ServeProcess, jobId: string): Promise<Page & { errors: string[] }> {
  await waitFor(() => jobInfo(serve, jobId), (info) => info.jobStatus === 'RUNNING' && Number(info.metrics.SourceReceivedCount) > 0, 30_000);
  const page = await openDashboard(browser, serve.url, `/jobs/${jobId}`);
  await page.locator('.job-meta [data-state="RUNNING"]').waitFor({ timeout: 15_000 });
  return page;
}

describe('dashboard: operate running jobs', { skip: browserSkip() }, () => {
  let serve: ServeProcess;
  let browser: Browser;
  before(async () => {
    serve = await startServe();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('rescales a running job after confirmation, following the operation until done', async () => {
    const jobId = await submitStream(serve);
    const page = await openRunningJob(browser, serve, jobId);
    await page.locator('.dag-node.kind-source .dag-detail', { hasText: 'parallelism 2' }).waitFor();

    await page.getByRole('button', { name: 'Rescale…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rescale the job' });
    await dialog.getByLabel('New parallelism').fill('0');
    await dialog.getByRole('button', { name: 'Rescale' }).click();
    await dialog.getByText('Enter a whole number of at least 1.').waitFor();
    await dialog.getByLabel('New parallelism').fill('1');
    await dialog.getByRole('button', { name: 'Rescale' }).click();
    await dialog.locator('.progress.done', { hasText: 'The job now runs with parallelism 1.' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'rescale-done-1280');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.locator('.dag-node.kind-source .dag-detail', { hasText: 'parallelism 1' }).waitFor({ timeout: 15_000 });
    const detail = (await http(`${serve.url}/v1/jobs/${jobId}`)).body as { state: string; vertices: { parallelism: number }[] };
    assert.equal(detail.state, 'RUNNING');
    assert.deepEqual(detail.vertices.map((vertex) => vertex.parallelism), [1, 1]);
    // Rows keep flowing after the rescale.
    const before = Number((await jobInfo(serve, jobId)).metrics.SourceReceivedCount);
    await waitFor(() => jobInfo(serve, jobId), (info) => Number(info.metrics.SourceReceivedCount) > before, 15_000);

    // A savepoint while the job keeps running.
    await page.getByRole('button', { name: 'Trigger savepoint' }).click();
    const savepoint = page.getByRole('dialog', { name: 'Take a savepoint?' });
    await savepoint.getByRole('button', { name: 'Take savepoint' }).click();
    await savepoint.locator('.progress.done', { hasText: /Savepoint stored at .*savepoint-\d+/ }).waitFor({ timeout: 60_000 });
    await savepoint.getByRole('button', { name: 'Close' }).click();
    assert.equal((await jobInfo(serve, jobId)).jobStatus, 'RUNNING');
    assert.deepEqual(page.errors, []);
    await page.close();
    await http(`${serve.url}/v1/jobs/${jobId}?mode=cancel`, { method: 'PATCH' });
  });

  it('stops a streaming job with a savepoint, shows SAVEPOINT_DONE and the savepoint, and restarts it from the savepoint', async () => {
    const jobId = await submitStream(serve);
    const page = await openRunningJob(browser, serve, jobId);
    // Rates are sampled in the browser: wait until the chart has a line.
    await page.locator('.chart-line.series-read').waitFor({ timeout: 20_000 });
    await screenshot(page, 'job-running-1280');

    await page.getByRole('button', { name: 'Stop with savepoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop with a savepoint?' });
    await dialog.getByRole('button', { name: 'Stop with savepoint' }).click();
    await dialog.locator('.progress.done', { hasText: 'SAVEPOINT_DONE' }).waitFor({ timeout: 60_000 });
    assert.match(await dialog.locator('.progress').innerText(), /Savepoint stored at /);
    await screenshot(page, 'stop-with-savepoint-done-1280');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.job-meta [data-state="SAVEPOINT_DONE"]').waitFor({ timeout: 15_000 });
    assert.equal((await jobInfo(serve, jobId)).jobStatus, 'SAVEPOINT_DONE');
    const readAtStop = Number((await jobInfo(serve, jobId)).metrics.SourceReceivedCount);

    await page.getByRole('tab', { name: 'Checkpoints' }).click();
    const savepointRow = page.locator('tbody tr', { hasText: 'Savepoint' }).first();
    await savepointRow.waitFor({ timeout: 10_000 });
    assert.match(await savepointRow.innerText(), /COMPLETED/);
    await screenshot(page, 'job-checkpoints-1280');

    // Restart from the savepoint: the submit form is filled from the job; it resumes under the same id.
    await page.getByRole('link', { name: 'Restart from savepoint…' }).click();
    await page.waitForURL(/#\/submit\?restart=/);
    await page.locator('.note', { hasText: 'Restart orders-stream from its latest savepoint' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByLabel('Job id', { exact: true }).inputValue(), jobId);
    assert.equal(await page.getByLabel('Start from the latest savepoint of this job id').isChecked(), true);
    await page.locator('.validation-status', { hasText: 'No problems found.' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'restart-from-savepoint-1280');
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`), { timeout: 10_000 });
    await page.locator('.job-meta [data-state="RUNNING"]').waitFor({ timeout: 30_000 });
    const resumed = await waitFor(() => jobInfo(serve, jobId), (info) => info.jobStatus === 'RUNNING' && Number(info.metrics.SourceReceivedCount) > 0, 30_000);
    assert.ok(Number(resumed.metrics.SourceReceivedCount) > 0);
    assert.ok(readAtStop > 0);
    assert.deepEqual(page.errors, []);
    await page.close();
    await http(`${serve.url}/v1/jobs/${jobId}?mode=cancel`, { method: 'PATCH' });
  });

  it('cancels a running job after confirmation', async () => {
    const jobId = await submitStream(serve);
    const page = await openRunningJob(browser, serve, jobId);
    await page.getByRole('button', { name: 'Cancel job' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
    // Backing out does nothing.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    assert.equal((await jobInfo(serve, jobId)).jobStatus, 'RUNNING');
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await dialog.getByRole('button', { name: 'Cancel job' }).click();
    await dialog.locator('.progress.done', { hasText: 'CANCELED' }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.job-meta [data-state="CANCELED"]').waitFor({ timeout: 10_000 });
    await page.close();
  });
});
