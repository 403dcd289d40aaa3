/**
 * The page of a capacity run, opened from disk in Chromium as a vendor opens it: the plots render with a real size and
 * real lines, the verdict and breaking point are there, and the page asks nothing from the network.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Belastingresultaat } from '../../suites/belasting/belastingresultaat.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { runCli } from '../cli/run-cli.ts';

test('belasting.html opens offline: every SVG plot renders with a nonzero size and lines, and no external request is made', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'belasting-pagina-'));
  const run = await runCli(['belasting', '--profiel', 'trap', '--snelheid', '2/s', '--duur', '6s', '--report', dir]);
  // Where the embedded LAS breaks depends on how busy this machine is (the top step is 64/s); the page must show the run's
  // own result either way, so it is checked against belasting.json rather than against a verdict fixed here.
  expect([0, 1], `${run.stdout}\n${run.stderr}`).toContain(run.code);
  const resultaat = JSON.parse(readFileSync(join(dir, 'belasting.json'), 'utf8')) as Belastingresultaat;
  expect(run.code).toBe(resultaat.oordeel === 'BEZWEKEN' ? 1 : 0);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const extern: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob|about):/.test(r.url())) extern.push(r.url());
    });
    await page.goto(pathToFileURL(join(dir, 'belasting.html')).href);
    await expect(page.locator('#oordeel')).toHaveText(resultaat.oordeel);
    await expect(page.locator('#breekpunt')).toHaveText(resultaat.breekpunt.tekst);
    const grafieken = ['grafiek-latentie', 'grafiek-doorvoer', 'grafiek-fouten', 'grafiek-in-behandeling', 'grafiek-generator'];
    for (const id of grafieken) {
      const svg = page.locator(`#${id} svg`);
      await expect(svg, id).toBeVisible();
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(300);
      expect(box?.height, id).toBeGreaterThan(100);
    }
    // The latency and throughput plots carry drawn data, not only axes: a line with several points.
    for (const id of ['grafiek-latentie', 'grafiek-doorvoer']) {
      const punten = await page.locator(`#${id} svg polyline`).evaluateAll((ls) => Math.max(0, ...ls.map((l) => (l.getAttribute('points') ?? '').trim().split(/\s+/).length)));
      expect(punten, id).toBeGreaterThan(2);
      const lengte = await page.locator(`#${id} svg polyline`).first().evaluate((l) => (l as unknown as { getTotalLength(): number }).getTotalLength());
      expect(lengte, id).toBeGreaterThan(10);
    }
    // One row per step the ramp ran (it stops after the first step over the limits), each judged.
    expect(resultaat.stappen.length).toBeGreaterThanOrEqual(2);
    await expect(page.locator('#stappen tbody tr')).toHaveCount(resultaat.stappen.length);
    await expect(page.locator('#aannames')).toContainText('overstappenPerJaar');
    // How many distinct pupils took part, fixture and generated, as belasting.json counts them.
    await expect(page.locator('#leerlingen')).toBeVisible();
    await expect(page.locator('#leerlingen')).toContainText(`${resultaat.leerlingen.verschillend} verschillende leerlingen: ${resultaat.leerlingen.fixture} testleerlingen uit fixtures/leerlingen.yaml en ${resultaat.leerlingen.gegenereerd} gegenereerde`);
    await expect(page.locator('#leerlingen')).toContainText(`${resultaat.leerlingen.getrokken} leerlingen kwamen in de gemeten uitwisselingen aan de beurt`);
    await testInfo.attach('belasting.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(extern).toEqual([]);
  } finally {
    await browser.close();
  }
});
