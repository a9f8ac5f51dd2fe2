import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startServe, yamlFile, type ServeProcess } from '../api/serve-process.js';
import { browserSkip, launchBrowser, openDashboard, screenshot } from './browser.js';

const AUTH_YAML = `
rest:
  auth:
    realm: sluice
    basic:
      users:
        - username: operator
          password: "ops-pässword"
          permission: write
    bearer:
      tokens:
        - name: viewer
          token: "read-token-0123456789abcdef"
          permission: read
`;

describe('dashboard: with rest.auth on', { skip: browserSkip() }, () => {
  let serve: ServeProcess;
  let browser: Browser;
  before(async () => {
    serve = await startServe({ args: ['--config', yamlFile(AUTH_YAML)] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('serves the page itself without credentials', async () => {
    const page = await fetch(`${serve.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app">/);
  });

  it('asks for a user name and password on 401, retries, and keeps the credential for the tab only', async () => {
    const page = await openDashboard(browser, serve.url, '/overview');
    const dialog = page.getByRole('dialog', { name: 'Sign in to Sluice' });
    await dialog.waitFor({ timeout: 10_000 });
    await screenshot(page, 'sign-in-1280');
    await dialog.getByLabel('User name', { exact: true }).fill('operator');
    await dialog.getByLabel('Password', { exact: true }).fill('wrong');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByText('Those credentials were not accepted. Try again.').waitFor({ timeout: 10_000 });
    await dialog.getByLabel('User name', { exact: true }).fill('operator');
    await dialog.getByLabel('Password', { exact: true }).fill('ops-pässword');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.card-version').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('.account').innerText(), /Signed in as operator/);
    const stored = await page.evaluate<{ session: string[]; local: string[]; cookie: string }>('({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie })');
    assert.deepEqual(stored, { session: ['sluice.dashboard.credential'], local: [], cookie: '' });

    // Another tab (a fresh context shares nothing) is asked again.
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(`${serve.url}/#/jobs`);
    await second.getByRole('dialog', { name: 'Sign in to Sluice' }).waitFor({ timeout: 10_000 });
    await other.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog', { name: 'Sign in to Sluice' }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await page.evaluate<string[]>('Object.keys(sessionStorage)'), []);
    await page.close();
  });

  it('accepts a bearer token; a read-only token cannot act on jobs and is told so', async () => {
    const page = await openDashboard(browser, serve.url, '/submit');
    const dialog = page.getByRole('dialog', { name: 'Sign in to Sluice' });
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByLabel('Bearer token').check();
    await dialog.getByLabel('Token', { exact: true }).fill('read-token-0123456789abcdef');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Job config').waitFor();
    assert.match(await page.locator('.account').innerText(), /Signed in as token/);
    await page.getByRole('button', { name: 'Insert example' }).click();
    // Validation only reads: allowed with a read token.
    await page.locator('.validation-status', { hasText: 'No problems found.' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Submit job' }).click();
    const refused = page.locator('.error-box', { hasText: 'Permission denied' });
    await refused.waitFor({ timeout: 10_000 });
    assert.match(await refused.innerText(), /needs the write permission/);
    await page.close();
  });
});
