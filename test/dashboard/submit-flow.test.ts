import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { http, startServe, type ServeProcess } from '../api/serve-process.js';
import { browserSkip, launchBrowser, openDashboard, screenshot, setEditorText } from './browser.js';

/** Line 8 asks for "ten" rows: the validator reports it at line 8. */
const BROKEN = `env {
  job.mode = "BATCH"
  parallelism = 2
}
source {
  FakeSource {
    plugin_output = "people"
    row.num = "ten"
    schema = { fields { name = string, age = int } }
  }
}
sink {
  Console {
    plugin_input = "people"
    log.print.data = false
  }
}
`;

describe('dashboard: submit a job from the editor', { skip: browserSkip() }, () => {
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

  it('shows a deliberate error at its line, then submits the fixed config and lands on the job, which finishes with the right counts', async () => {
    const page = await openDashboard(browser, serve.url, '/submit');
    await setEditorText(page, BROKEN);

    // Validation on the fly: the problem is marked at line 8 (gutter, line tint with message, list).
    const mark = page.locator('.line-mark[data-line="8"]');
    await mark.waitFor({ timeout: 10_000 });
    assert.match(await mark.innerText(), /expected an integer, got "ten"/);
    assert.equal(await page.locator('.gutter-line.has-error').innerText(), '8');
    const problem = page.locator('.problem-list .problem').first();
    assert.match(await problem.innerText(), /Line 8:\d+\s+source\[0\]\.row\.num: expected an integer/);
    assert.match(await page.locator('.validation-status').innerText(), /1 problem found/);
    await screenshot(page, 'submit-error-1280');

    // The problem's button moves the cursor to its line.
    await problem.getByRole('button').click();
    const caretLine = await page.evaluate<number>("(() => { const area = document.activeElement; return area.value.slice(0, area.selectionStart).split('\\n').length; })()");
    assert.equal(caretLine, 8);

    await setEditorText(page, BROKEN.replace('"ten"', '250'));
    await page.locator('.validation-status', { hasText: 'No problems found.' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('.line-mark').count(), 0);
    await page.getByLabel('Job name', { exact: true }).fill('dashboard-batch');
    await page.getByRole('button', { name: 'Submit job' }).click();

    await page.waitForURL(/#\/jobs\/\d+$/, { timeout: 10_000 });
    const jobId = decodeURIComponent(new URL(page.url()).hash.replace('#/jobs/', ''));
    assert.match(jobId, /^\d{1,19}$/);
    await page.locator('.job-meta [data-state="FINISHED"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-fact="rows-read"]', { hasText: '500' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-fact="rows-written"]').innerText(), '500');
    assert.equal(await page.locator('.job-title').innerText(), 'dashboard-batch');
    assert.equal(await page.locator('.job-meta .job-id').innerText(), jobId, 'the 64-bit id is shown exactly as the server sent it');
    // The DAG: one source and one sink, the table on the edge.
    assert.equal(await page.locator('.dag-node').count(), 2);
    assert.equal(await page.locator('.dag-node.kind-source').count(), 1);
    assert.equal(await page.locator('.dag-node.kind-sink').count(), 1);
    assert.match((await page.locator('.dag-edge-label').first().textContent()) ?? '', /people/);
    await screenshot(page, 'job-finished-1280');

    const info = await http(`${serve.maps}/job-info/${jobId}`);
    const body = info.body as { jobStatus: string; jobName: string; metrics: { SourceReceivedCount: string; SinkWriteCount: string } };
    assert.equal(body.jobStatus, 'FINISHED');
    assert.equal(body.jobName, 'dashboard-batch');
    assert.equal(body.metrics.SourceReceivedCount, '500');
    assert.equal(body.metrics.SinkWriteCount, '500');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('substitutes variables, and shows a refused submission with the server message', async () => {
    const page = await openDashboard(browser, serve.url, '/submit');
    await setEditorText(page, BROKEN.replace('"ten"', '${rows}'));
    await page.locator('.line-mark[data-line="8"]').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('.line-mark[data-line="8"]').innerText(), /variable 'rows' is not set/);
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Variable name').fill('rows');
    await page.getByLabel('Variable value').fill('7');
    await page.locator('.validation-status', { hasText: 'No problems found.' }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Job id', { exact: true }).fill('733584788375666689');
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.waitForURL(/#\/jobs\/733584788375666689$/, { timeout: 10_000 });
    await page.locator('.job-meta [data-state="FINISHED"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-fact="rows-read"]', { hasText: '14' }).waitFor({ timeout: 10_000 });

    // The same id again is refused (409): the message is shown, the page stays.
    await page.goto(`${serve.url}/#/submit`);
    await setEditorText(page, BROKEN.replace('"ten"', '3'));
    await page.getByLabel('Job id', { exact: true }).fill('733584788375666689');
    await page.getByRole('button', { name: 'Submit job' }).click();
    const refused = page.locator('.error-box', { hasText: 'The server refused the job' });
    await refused.waitFor({ timeout: 10_000 });
    assert.match(await refused.innerText(), /733584788375666689/);
    assert.match(page.url(), /#\/submit$/);
    await page.close();
  });
});
