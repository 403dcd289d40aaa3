import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { eisenVan, fouteKwalificatie, primaireEis } from '../support/foute-kwalificatie.ts';

// A failing qualification's Allure report, read the way a reviewer reads it: from disk, in Chromium. The failing
// qualification the tests share (tests/support/foute-kwalificatie.ts): two faults, so requirements fail in bron runs
// (BRON-01 among them, in several runs) and DOEL-07 in doel runs.
test.describe.configure({ mode: 'serial', timeout: 600_000 });
let browser: Browser;
let reportDir = '';
type Run = Kwalificatie['scenarios'][number];
let failed: Run[] = [];
let k: Kwalificatie;

test.beforeAll(async () => {
  // A hook has the default time limit, whatever the tests are given; the shared qualification may take longer.
  test.setTimeout(300_000);
  const { dir, code, stdout, stderr } = await fouteKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(1);
  reportDir = dir;
  k = JSON.parse(readFileSync(join(reportDir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
  failed = k.scenarios.filter((s) => s.status === 'failed');
  browser = await launchChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

async function open(hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(pathToFileURL(join(reportDir, 'index.html')).href + hash);
  return page;
}

/** The primary requirement of a failed run: the id on the first line of its message in kwalificatie.json. */
const primary = primaireEis;

test('the categories hold one group per failed requirement, with each of its failed runs directly in it', async ({}, testInfo) => {
  const perEis = new Map<string, number>();
  for (const run of failed) perEis.set(primary(run)!, (perEis.get(primary(run)!) ?? 0) + 1);
  // skip-sessiecontrole makes its bron runs fail three requirements, BRON-01 in several runs; drop-attachments DOEL-07.
  expect(eisenVan(k, 'skip-sessiecontrole')).toEqual(['BEV-03', 'BRON-01', 'BRON-06']);
  expect(eisenVan(k, 'drop-attachments')).toEqual(['DOEL-07']);
  expect([...perEis.keys()].sort()).toEqual(['BEV-03', 'BRON-01', 'BRON-06', 'DOEL-07']);
  expect(perEis.get('BRON-01')).toBeGreaterThan(1);

  const page = await open('#/categories');
  await expect(page.getByText(/^BRON-01: De bron vraagt/).first()).toBeVisible({ timeout: 20_000 });
  const titles = await page.getByText(/^[A-Z]+-\d{2}: /).allInnerTexts();
  expect(titles.map((t) => t.slice(0, t.indexOf(':'))).sort()).toEqual([...perEis.keys()].sort());
  for (const [eis, count] of perEis) {
    await page.getByText(new RegExp(`^${eis}: `)).first().click();
    // Directly under the requirement: its runs, not one sub-group per (session-specific) message.
    for (const run of failed.filter((r) => primary(r) === eis)) {
      await expect(page.getByText(`${run.id} [SUT als ${run.role}]`).first()).toBeVisible();
    }
    expect(count).toBeGreaterThan(0);
  }
  // Allure's default would add a level per distinct message, named after it; there is none.
  await expect(page.getByText(/Verwacht: /)).toHaveCount(0);
  await testInfo.attach('allure-categorieen.png', { body: await page.screenshot(), contentType: 'image/png' });
});

test('a finding about the SUT shows its Dutch explanation, without stack trace, node_modules or runner labels, in Dutch', async ({}, testInfo) => {
  // The failed runs of regulier-povo and zorgdossier (both faults, both roles), and one run of every other failed
  // requirement: each kind of explanation once, without opening the report for every run alike.
  const bekeken = failed.filter((r) => r.id === 'regulier-povo' || r.id === 'zorgdossier');
  for (const run of failed) if (!bekeken.some((b) => primary(b) === primary(run))) bekeken.push(run);
  expect(bekeken.map((r) => `${r.id}/${r.role}`)).toEqual(expect.arrayContaining(['regulier-povo/bron', 'zorgdossier/bron', 'zorgdossier/doel']));
  expect(new Set(bekeken.map(primary))).toEqual(new Set(failed.map(primary)));
  for (const run of bekeken) {
    const page = await open();
    await expect(page.getByText('Afhandeling').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.locator('body').innerText()).not.toContain('Resolution');
    await page.getByText(`${run.id} [SUT als ${run.role}]`).first().click();
    const fout = page.getByText(new RegExp(`^\\[${primary(run)}\\] `)).first();
    await expect(fout).toBeVisible({ timeout: 20_000 });
    const message = await fout.innerText();
    expect(message).toContain('Verwacht:');
    expect(message).not.toContain('node_modules');
    expect(message).not.toMatch(/^\s+at /m);
    expect(message).not.toContain('CheckFailure');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('node_modules');
    expect(body).not.toMatch(/\n\s*at \S+ \(/);
    for (const runnerLabel of ['javascript', 'playwright', 'titlePath', 'error-context']) expect(body).not.toContain(runnerLabel);
    expect(body).not.toMatch(/^(scenario|rol|eisen): /m);
    // Dutch throughout: what Allure's own Dutch missed is translated (reports/allure-nl.ts).
    expect(body).toContain('Beschrijving');
    expect(body).not.toMatch(/\bDescription\b/);
    await testInfo.attach(`allure-${run.id}-${run.role}.png`, { body: await page.screenshot(), contentType: 'image/png' });
    await page.close();
  }
});
