import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { schoneKwalificatie } from '../support/schone-kwalificatie.ts';
import { pdfPaginas } from '../support/pdf-tekst.ts';

// The summary of a clean, full qualification printed the way a reviewer prints it: Chromium's own print to PDF, with
// the page's CSS page size and margin boxes (no header or footer templates of the test's own).
test.describe.configure({ mode: 'serial' });
let browser: Browser;
let reportDir = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { dir, code, stdout, stderr } = await schoneKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  reportDir = dir;
  browser = await launchChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

test('a clean report prints on at most two A4 pages, each with the running header and its page number', async ({}, testInfo) => {
  const k = JSON.parse(readFileSync(join(reportDir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
  expect(k.verdict).toBe('GESLAAGD');
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(reportDir, 'samenvatting.html')).href);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await testInfo.attach('samenvatting.pdf', { body: pdf, contentType: 'application/pdf' });
  const paginas = pdfPaginas(pdf);
  expect(paginas.length).toBeGreaterThanOrEqual(1);
  expect(paginas.length).toBeLessThanOrEqual(2);
  // Skia writes a space as its own glyph; the reader keeps them, so numbers stand between two spaces.
  const plat = (s: string) => s.replace(/\s+/g, ' ');
  paginas.forEach((tekst, i) => {
    expect(plat(tekst)).toContain(`Pagina ${i + 1} van ${paginas.length}`);
    expect(plat(tekst)).toContain(`${k.sut.naam} ${k.sut.versie} — GESLAAGD`);
  });
  // The whole page made it onto paper: the last requirement, the sign-off and the signer's fingerprint.
  const alles = plat(paginas.join(' '));
  expect(alles).toContain(k.requirements.at(-1)!.id);
  expect(alles).toContain('Ondertekening');
  expect(alles).toContain('Beoordeeld door');
  expect(alles).toMatch(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);

  // A picture of each printed page: the print layout, cut at the page height of A4 less the page's margins.
  await page.emulateMedia({ media: 'print' });
  const mm = 96 / 25.4;
  await page.setViewportSize({ width: Math.round((210 - 26) * mm), height: Math.round((297 - 27) * mm) });
  const hoogte = Number(await page.evaluate('document.documentElement.scrollHeight'));
  const paginaHoogte = Math.round((297 - 27) * mm);
  for (let i = 0; i * paginaHoogte < hoogte; i++) {
    const clip = { x: 0, y: i * paginaHoogte, width: Math.round((210 - 26) * mm), height: Math.min(paginaHoogte, hoogte - i * paginaHoogte) };
    await testInfo.attach(`pagina-${i + 1}.png`, { body: await page.screenshot({ fullPage: true, clip }), contentType: 'image/png' });
  }
});

test('no requirement row and no sign-off block is split over two pages', async () => {
  const k = JSON.parse(readFileSync(join(reportDir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(reportDir, 'samenvatting.html')).href);
  const paginas = pdfPaginas(await page.pdf({ preferCSSPageSize: true })).map((t) => t.replace(/\s+/g, ' '));
  // A row starts with the requirement id and ends with its source: both on the same page.
  for (const r of k.requirements) {
    const op = paginas.filter((t) => t.includes(r.id));
    expect(op, r.id).toHaveLength(1);
    expect(op[0], `the row of ${r.id} is split`).toContain(r.source.split(' ').slice(-3).join(' '));
  }
  // The sign-off block is on one page, from its heading to the signature line.
  const metOndertekening = paginas.filter((t) => t.includes('Ondertekening'));
  expect(metOndertekening).toHaveLength(1);
  expect(metOndertekening[0]).toContain('Handtekening');
});
