import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { doelwitVan, eisenVan, fouteFaults, fouteKwalificatie, runVan } from '../support/foute-kwalificatie.ts';

// A real qualification, opened the way a vendor or school opens it: from disk, in a browser, with the network watched.
// The failing qualification the tests share (tests/support/foute-kwalificatie.ts): skip-sessiecontrole fails three
// requirements in the bron runs, BRON-01 in runs that fail differently; drop-attachments fails DOEL-07 in two doel
// runs, one with a dossier of 37 attachments.
test.describe.configure({ mode: 'serial' });
let browser: Browser;
let reportDir = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { dir, code, stdout, stderr } = await fouteKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(1);
  reportDir = dir;
  browser = await launchChromium();
});

const kwalificatie = (dir: string) => JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
const failedIn = (dir: string) => kwalificatie(dir).requirements.filter((r) => r.status === 'failed').map((r) => r.id);

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

test('Bevindingen names exactly the failed requirements, each fault\'s own, each with its cause, fix and runs', async ({}, testInfo) => {
  const { page } = await open('samenvatting.html');
  const k = kwalificatie(reportDir);
  const failed = failedIn(reportDir);
  // Exactly the runs the faults target failed, by their own vangtIn: no collateral failure hides among them.
  const doelwit = fouteFaults.flatMap((f) => doelwitVan(k, f));
  expect(k.scenarios.filter((s) => s.status !== 'passed').map(runVan).sort()).toEqual([...doelwit].sort());
  // What each fault makes fail, told apart by the runs it targets: together exactly the failed requirements.
  const sessie = eisenVan(k, 'skip-sessiecontrole');
  expect(sessie).toEqual(['BEV-03', 'BRON-01', 'BRON-06']);
  expect([...sessie, ...eisenVan(k, 'drop-attachments')].sort()).toEqual([...failed].sort());
  const eisen = await page.locator('#bevindingen .bevinding').evaluateAll((els) => els.map((e) => e.getAttribute('data-eis')));
  expect(eisen).toEqual(failed);
  // The first lines say which requirements failed, not only how many.
  await expect(page.locator('#kern')).toContainText(`${failed.length} eisen van de ${k.requirements.length} niet voldaan`);
  for (const id of failed) await expect(page.locator('#kern')).toContainText(id);
  const catalogus = loadRequirements();
  const bron01 = page.locator('#bevindingen [data-eis="BRON-01"]');
  await expect(bron01).toContainText('Verwacht');
  await expect(bron01).toContainText('Oorzaak');
  await expect(bron01.locator('.oplossing')).toContainText(catalogus.get('BRON-01')!.oplossing);
  // Every run that failed BRON-01 is named once; binnen-brin's TC saw another message sequence, so it is a group of its own.
  const runsInBron01 = k.scenarios.filter((s) => s.status === 'failed' && s.message?.includes('[BRON-01]')).length;
  expect(runsInBron01).toBeGreaterThanOrEqual(2);
  await expect(bron01.locator('a.run')).toHaveCount(runsInBron01);
  await expect(bron01.locator('.groep')).toHaveCount(2);
  await testInfo.attach('bevindingen.png', { body: await page.locator('#bevindingen').screenshot(), contentType: 'image/png' });
});

test('a finding links to its own test in the Allure report', async () => {
  const { page } = await open('samenvatting.html');
  const link = page.locator('#bevindingen [data-eis="BEV-03"] a.run').first();
  const naam = (await link.textContent())!.replace(/ \((bron|doel)\)$/, '');
  expect(await link.getAttribute('href')).toMatch(/^index\.html#[0-9a-f]{32}$/);
  await link.click();
  await expect(page.getByText(new RegExp(`${naam} \\[SUT als bron\\]`)).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('[BEV-03]').first()).toBeVisible();
});

test('the requirement table marks the harness\'s own requirements and names the source of each', async () => {
  const { page } = await open('samenvatting.html');
  const catalogus = loadRequirements();
  const k = kwalificatie(reportDir);
  await expect(page.locator('table.eisen tbody tr')).toHaveCount(k.requirements.length);
  for (const r of k.requirements) {
    const rij = page.locator(`#eis-${r.id}`);
    const eis = catalogus.get(r.id)!;
    await expect(rij).toHaveAttribute('data-herkomst', eis.herkomst);
    await expect(rij).toContainText(eis.bron);
    if (eis.herkomst === 'eigen') await expect(rij).toContainText('eis testbank');
  }
  expect(catalogus.get('BEV-03')!.herkomst).toBe('eigen');
  expect(catalogus.get('DOEL-07')!.herkomst).toBe('eigen');
});

test('the page is Dutch: no English headings or the word harness', async () => {
  const { page } = await open('samenvatting.html');
  const tekst = await page.locator('body').innerText();
  expect(tekst).not.toMatch(/\bRuns\b|Rol SUT|\bharness\b/);
  // A part of the set: the reasons why it is incomplete come first, under the banner.
  await expect(page.locator('h2')).toHaveText(['Bovendien onvolledig', 'Bevindingen', 'Eisen', 'Toetsen', 'Ondertekening']);
  await expect(page.locator('#ondertekening')).toContainText('tijdzone Europe/Amsterdam');
});

test('drop-attachments: one finding, DOEL-07, for exactly its runs, with the list of 37 attachments cut to a count', async ({}, testInfo) => {
  const { page } = await open('samenvatting.html');
  const k = kwalificatie(reportDir);
  expect(eisenVan(k, 'drop-attachments')).toEqual(['DOEL-07']);
  const eisen = await page.locator('#bevindingen .bevinding').evaluateAll((els) => els.map((e) => e.getAttribute('data-eis')));
  expect(eisen.filter((e) => e === 'DOEL-07')).toHaveLength(1);
  // The finding names the runs drop-attachments targets, and no other.
  const runs = await page.locator('#bevindingen [data-eis="DOEL-07"] a.run').allInnerTexts();
  expect(runs.map((r) => r.replace(/ \((bron|doel)\)$/, '/$1')).sort()).toEqual(doelwitVan(k, 'drop-attachments').sort());
  expect(runs).toHaveLength(2);
  const doel07 = page.locator('#bevindingen [data-eis="DOEL-07"]');
  await expect(doel07).toContainText('eis testbank');
  await expect(doel07).toContainText(/en 33 meer/);
  // Each attachment name at most once on the whole page (the run's explanation lists it twice, with and without hash).
  const tekst = await page.locator('body').innerText();
  expect(tekst.match(/Onderzoeksverslag-30-Bijlagenberg/g) ?? []).toHaveLength(0);
  expect((tekst.match(/Toelichting-Bijlagenberg\.pdf/g) ?? []).length).toBeLessThanOrEqual(2);
  await testInfo.attach('bevindingen-bijlagen.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
