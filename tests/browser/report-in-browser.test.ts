import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../../suites/chromium.ts';
import { runCli } from '../cli/run-cli.ts';

// A real qualification, opened the way a vendor or school opens it: from disk, in a browser, with the network watched.
test.describe.configure({ mode: 'serial' });
let browser: Browser;
let reportDir = '';

test.beforeAll(async () => {
  reportDir = mkdtempSync(join(tmpdir(), 'rapport-browser-'));
  // The regular dossier is enough for what the pages must show; the whole set no longer fits the hook's minute on a busy machine.
  const { code, stdout, stderr } = await runCli(['qualify', '--fault', 'skip-sessiecontrole', '--scenario', 'regulier-povo', '--report', reportDir]);
  expect(code, `${stdout}\n${stderr}`).toBe(1);
  browser = await launchChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

/** Opens a local file and records every request that is not for a local file or inline data. */
async function open(file: string): Promise<{ page: Page; external: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const external: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) external.push(r.url());
  });
  await page.goto(pathToFileURL(join(reportDir, file)).href);
  return { page, external };
}

test('the summary page shows the verdict and the failed requirement, and asks nothing from the network', async ({}, testInfo) => {
  const { page, external } = await open('samenvatting.html');
  await expect(page.locator('#oordeel')).toHaveText('NIET GESLAAGD');
  await expect(page.locator('tr', { hasText: 'BRON-01' }).first()).toContainText('niet voldaan');
  await testInfo.attach('samenvatting.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  expect(external).toEqual([]);
});

test('the Allure report opens from disk, shows the failed bron run with its explanation, and asks nothing from the network', async ({}, testInfo) => {
  const { page, external } = await open('index.html');
  await expect(page.getByText('Bronsysteem').first()).toBeVisible({ timeout: 15_000 });
  await page.getByText('regulier-povo [SUT als bron]').first().click();
  await expect(page.getByText('[BRON-01]').first()).toBeVisible();
  await expect(page.getByText(/Verwacht: een sessiecontroleRequest/).first()).toBeVisible();
  await testInfo.attach('allure-rapport.png', { body: await page.screenshot(), contentType: 'image/png' });
  expect(external).toEqual([]);
});
