/**
 * Attaches every dossier a run exchanged as a printable page (HTML) and as PDF: the dossier "that can be printed", for
 * parents' inspection. Where no Chromium can be found or started, a note says why instead of the PDF; the PDF is a
 * convenience for the reader and never changes the outcome of a run.
 */
import { createHash } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { Browser } from '@playwright/test';
import { renderDossierAfdruk } from '../simulator/dossier/afdruk.ts';
import { decodeEnvelope } from '../simulator/protocol/soap.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';
import { launchChromium } from './chromium.ts';

/** One browser per worker process, started on first use. */
let browser: Promise<Browser> | undefined;
/** The PDF is a pure function of the page: many runs exchange the same dossier, and rendering is what costs. */
const pdfs = new Map<string, Promise<Buffer>>();

async function renderPdf(html: string): Promise<Buffer> {
  browser ??= launchChromium();
  const page = await (await browser).newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
}

function dossierIn(e: Exchange): string | undefined {
  if (e.operation !== 'documentRequest' || !e.response) return undefined;
  try {
    const d = decodeEnvelope(e.response);
    return d.kind === 'message' && d.name === 'documentResponse' && d.body.dossier ? Buffer.from(d.body.dossier, 'base64').toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** `pdf: false` (qualify --no-pdf) attaches the printable page only: no browser starts, the run is a third shorter. */
export async function attachPrintableDossiers(exchanges: readonly Exchange[], o: { pdf: boolean } = { pdf: true }): Promise<void> {
  for (const e of exchanges) {
    const xml = dossierIn(e);
    if (!xml) continue;
    let html: string;
    try {
      html = renderDossierAfdruk(xml);
    } catch (err) {
      await allure.attachment(`#${e.seq} dossier (niet af te drukken)`, (err as Error).message, 'text/plain');
      continue;
    }
    await allure.attachment(`#${e.seq} dossier ter inzage`, html, 'text/html');
    if (!o.pdf) continue;
    const key = createHash('sha256').update(html).digest('hex');
    let pdf = pdfs.get(key);
    if (!pdf) {
      pdf = renderPdf(html);
      pdfs.set(key, pdf);
    }
    try {
      await allure.attachment(`#${e.seq} dossier ter inzage (PDF)`, await pdf, 'application/pdf');
    } catch (err) {
      await allure.attachment(`#${e.seq} dossier ter inzage (geen PDF)`, `De PDF is niet gemaakt: ${(err as Error).message}`, 'text/plain');
    }
  }
}
