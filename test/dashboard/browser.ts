import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. SLUICE_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots go to test-output/dashboard/ at the repository root (gitignored). */
export const OUTPUT_DIR = fileURLToPath(new URL('../../../test-output/dashboard/', import.meta.url));

const REQUIRED = process.env.SLUICE_REQUIRE_SERVICES === '1';

/**
 * The reason to skip the browser tests (Chromium is not installed), printed loudly; false when
 * they can run. With SLUICE_REQUIRE_SERVICES=1 they never skip: a missing Chromium fails them.
 */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set SLUICE_CHROMIUM): the dashboard browser tests are SKIPPED`;
  if (REQUIRED) return false;
  process.stderr.write(`\n*** ${reason} ***\n\n`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}, and SLUICE_REQUIRE_SERVICES=1 requires the dashboard browser tests to run.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * A page of the dashboard at `hash`, collecting uncaught errors and console errors (a test fails
 * on them with `assertNoPageErrors`).
 */
export async function openDashboard(browser: Browser, url: string, hash: string, viewport = DESKTOP): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage({ viewport })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) page.errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${url}/#${hash}`);
  return page;
}

/** A full-page screenshot in test-output/dashboard/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = `${OUTPUT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Replaces the editor's text as a user would (select all, type), so input events fire. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByLabel('Job config');
  await editor.fill(text);
}
