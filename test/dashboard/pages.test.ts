import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { batchJob, postJson, startServe, waitFor, waitForRows, waitForStatus, type ServeProcess } from '../api/serve-process.js';
import { browserSkip, DESKTOP, launchBrowser, openDashboard, PHONE, screenshot } from './browser.js';

const STREAM = {
  env: { 'job.mode': 'STREAMING', 'job.name': 'clicks-stream', parallelism: 2, 'checkpoint.interval': 1000 },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'clicks', 'row.num': 1000000, 'split.num': 10000, 'split.read-interval': 50, schema: { fields: { user: 'string', at: 'bigint' } } }],
  transform: [{ plugin_name: 'Filter', plugin_input: 'clicks', plugin_output: 'kept', fields: ['user', 'at'] }],
  sink: [{ plugin_name: 'Console', plugin_input: 'kept', 'log.print.data': false }],
};

/** The page is no wider than the window: nothing scrolls sideways except inside scroll regions. */
async function assertNoHorizontalOverflow(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide in a ${width} px window`);
}

describe('dashboard: every page at 1280 and 390 px', { skip: browserSkip() }, () => {
  let serve: ServeProcess;
  let browser: Browser;
  let batchId: string;
  let streamId: string;
  before(async () => {
    serve = await startServe();
    browser = await launchBrowser();
    batchId = ((await postJson(`${serve.url}/v1/jobs`, batchJob({ rows: 40, name: 'nightly-export', parallelism: 2 }))).body as { jobid: string }).jobid;
    streamId = ((await postJson(`${serve.url}/v1/jobs`, STREAM)).body as { jobid: string }).jobid;
    await waitForStatus(serve, batchId, ['FINISHED']);
    await waitForRows(serve, streamId);
  });
  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  for (const [label, viewport] of [['1280', DESKTOP], ['390', PHONE]] as const) {
    it(`renders overview, jobs, job, submit and nodes at ${label} px`, async () => {
      const page = await openDashboard(browser, serve.url, '/overview', viewport);
      await page.locator('.card-running .card-value', { hasText: '1' }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('.card-finished .card-value').innerText(), '1');
      assert.match(await page.locator('.card-version .card-value').innerText(), /^\d+\.\d+\.\d+/);
      await page.getByRole('link', { name: 'clicks-stream' }).waitFor();
      await assertNoHorizontalOverflow(page, viewport.width);
      await screenshot(page, `overview-${label}`);

      await page.getByRole('link', { name: 'Jobs', exact: true }).click();
      await page.getByRole('link', { name: 'nightly-export' }).waitFor({ timeout: 10_000 });
      await assertNoHorizontalOverflow(page, viewport.width);
      await screenshot(page, `jobs-${label}`);

      await page.getByRole('link', { name: 'clicks-stream' }).click();
      await page.locator('.job-meta [data-state="RUNNING"]').waitFor({ timeout: 10_000 });
      await page.locator('.chart-line.series-write').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.dag-node').count(), 3);
      await assertNoHorizontalOverflow(page, viewport.width);
      await screenshot(page, `job-${label}`);
      for (const tab of ['Checkpoints', 'Exceptions', 'Config', 'Log']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(600);
        await assertNoHorizontalOverflow(page, viewport.width);
        await screenshot(page, `job-${tab.toLowerCase()}-${label}`);
      }

      await page.getByRole('link', { name: 'Submit', exact: true }).click();
      await page.getByLabel('Job config').waitFor();
      await page.getByRole('button', { name: 'Insert example' }).click();
      await page.locator('.validation-status', { hasText: 'No problems found.' }).waitFor({ timeout: 10_000 });
      await assertNoHorizontalOverflow(page, viewport.width);
      await screenshot(page, `submit-${label}`);

      await page.getByRole('link', { name: 'Nodes', exact: true }).click();
      await page.getByRole('heading', { name: 'Running subtasks (2)' }).waitFor({ timeout: 10_000 });
      await assertNoHorizontalOverflow(page, viewport.width);
      await screenshot(page, `nodes-${label}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  it('filters, searches and sorts the jobs list, keeping the choice in the URL', async () => {
    const page = await openDashboard(browser, serve.url, '/jobs');
    const rows = page.locator('tbody tr');
    await page.getByRole('link', { name: 'nightly-export' }).waitFor({ timeout: 10_000 });
    assert.equal(await rows.count(), 2);
    await page.getByRole('button', { name: /^Running/ }).click();
    await waitFor(() => rows.count(), (count) => count === 1, 10_000);
    assert.match(await rows.first().innerText(), /clicks-stream/);
    assert.match(page.url(), /state=running/);
    await page.getByRole('button', { name: /^All/ }).click();
    await page.getByLabel('Search').fill(batchId.slice(-6));
    await waitFor(() => rows.count(), (count) => count === 1, 10_000);
    assert.match(await rows.first().innerText(), /nightly-export/);
    await page.getByLabel('Search').fill('no such job');
    await page.getByText('No job matches.').waitFor();
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Rows read' }).click();
    assert.equal(await page.locator('th[aria-sort="descending"]').innerText(), 'Rows read ▼');
    assert.match(await rows.first().innerText(), /clicks-stream/);
    await page.getByRole('button', { name: /Rows read/ }).click();
    assert.match(await rows.first().innerText(), /nightly-export/);
    assert.match(page.url(), /sort=read(:|%3A)asc/);
    // The URL brings the same view back.
    await page.reload();
    await waitFor(() => rows.count(), (count) => count === 2, 10_000);
    assert.equal(await page.locator('th[aria-sort="ascending"]').innerText(), 'Rows read ▲');
    await page.close();
  });

  it('shows a failed job with its full error, on the page and in the exceptions tab', async () => {
    const failing = `env { job.mode = "BATCH", job.name = "failing-assert" }
source { FakeSource { plugin_output = "a", row.num = 10, schema = { fields { name = string } } } }
sink { Assert { plugin_input = "a", rules { row_rules = [ { rule_type = MAX_ROW, rule_value = 3 } ] } } }`;
    const answer = await fetch(`${serve.url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/hocon' }, body: failing });
    const jobId = ((await answer.json()) as { jobid: string }).jobid;
    await waitForStatus(serve, jobId, ['FAILED']);
    const page = await openDashboard(browser, serve.url, `/jobs/${jobId}?tab=exceptions`);
    await page.locator('.job-meta [data-state="FAILED"]').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('.job-header .error-box').innerText(), /row num :10 fail rule: AssertFieldRule\.AssertRule\(ruleType=MAX_ROW, ruleValue=3\.0, equalTo=null\)/);
    const exception = page.locator('.exception').first();
    await exception.waitFor({ timeout: 10_000 });
    assert.match(await exception.locator('.exception-text').innerText(), /^row num :10 fail rule: AssertFieldRule\.AssertRule\(ruleType=MAX_ROW, ruleValue=3\.0, equalTo=null\)$/);
    await screenshot(page, 'job-failed-exceptions-1280');
    // An ended job offers no running-job action; a restart only when it left a checkpoint or savepoint.
    const checkpoints = (await (await fetch(`${serve.url}/v1/jobs/${jobId}/checkpoints`)).json()) as { counts?: { completed: number } };
    const actions = await page.locator('.actions [data-action]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    assert.deepEqual(actions, (checkpoints.counts?.completed ?? 0) > 0 ? ['restart'] : []);
    await page.close();
  });

  it('says so for an unknown job and an unknown page', async () => {
    const page = await openDashboard(browser, serve.url, '/jobs/123456789012345678');
    await page.getByText('Job not found').waitFor({ timeout: 10_000 });
    await screenshot(page, 'job-not-found-1280');
    await page.goto(`${serve.url}/#/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.close();
  });

  it('is usable with the keyboard: skip link, navigation, tabs with arrow keys, visible focus', async () => {
    const page = await openDashboard(browser, serve.url, `/jobs/${streamId}`);
    await page.locator('.job-meta [data-state="RUNNING"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>('document.activeElement?.textContent'), 'Skip to content');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>('document.activeElement?.className'), 'brand');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    assert.equal(outline, 'solid', 'focused elements have a visible outline');
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate<string>('document.activeElement?.textContent'), 'Checkpoints');
    assert.equal(await page.getByRole('tab', { name: 'Checkpoints' }).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate<string>('document.activeElement?.textContent'), 'Log');
    assert.match(page.url(), /tab=log/);
    // A DAG vertex is focusable and selects its row in the vertex table with Enter.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.locator('.dag-node.kind-sink').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.locator('tbody tr.selected').innerText(), /Console/);
    // Every action is a real button.
    assert.equal(await page.locator('.actions [data-action]:not(button):not(a)').count(), 0);
    await page.close();
  });
});

describe('dashboard: the server goes away', { skip: browserSkip() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('shows that the server cannot be reached', async () => {
    const serve = await startServe();
    const page = await openDashboard(browser, serve.url, '/overview');
    await page.locator('.card-version').waitFor({ timeout: 10_000 });
    await serve.stop();
    await page.getByText('The Sluice server cannot be reached. Retrying…').waitFor({ timeout: 15_000 });
    await screenshot(page, 'server-unreachable-1280');
    await page.close();
  });
});

