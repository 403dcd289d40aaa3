/**
 * A capacity test run within a qualification (`qualify --belasting`), as the qualification's report shows it:
 * - in kwalificatie.json as `belasting` (KwalificatieBelasting): informative, beside the verdict and never part of it —
 *   capacity is no requirement of the catalogue, so a LAS that breaks under load is not NIET GESLAAGD, and one that
 *   holds is not more GESLAAGD than its runs make it;
 * - in the Allure report as a test of its own, "Belastingtest — PROFIEL" (epic Belasting), with belasting.html and
 *   belasting.json attached and the outcome in its description: passed when the LAS held, failed when it broke, skipped
 *   when undecided (the generator lagged), broken when the test could not be carried out; its own category says it does
 *   not count in the verdict;
 * - in samenvatting.html as a section of its own, and in the Allure environment panel as one line.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Belastingresultaat } from '../suites/belasting/belastingresultaat.ts';
import { INFORMATIEF_LABEL, type AllureResult, type AllureStep } from './allure-resultaten.ts';
import { html } from '../web/html.ts';

/** What kwalificatie.json says of the capacity test (docs/belasting.md, "Within a qualification"). */
export interface KwalificatieBelasting {
  /** Always true: the capacity test never counts in the verdict. */
  informatief: true;
  profiel: string;
  /** Exchanges per second per role of each step, and the run's length. */
  snelheden: number[];
  duurMs: number;
  rollen: string[];
  /** NIET_UITGEVOERD: the test could not be carried out (`fout` says why); it then says nothing about the LAS. */
  oordeel: Belastingresultaat['oordeel'] | 'NIET_UITGEVOERD';
  /** The Dutch sentence that names the breaking point or the highest rate within the limits. */
  tekst: string;
  /** Distinct pupils that took part. */
  leerlingen?: number;
  /** The sampled requirements an exchange did not meet under load, e.g. ["BRON-04"]. */
  steekproefNietVoldaan?: string[];
  /** The report's own files, relative to the report folder. */
  bestanden?: { json: string; html: string };
  fout?: string;
}

export const BELASTING_BESTANDEN = { json: 'belasting.json', html: 'belasting.html' } as const;

export function kwalificatieBelasting(r: Belastingresultaat): KwalificatieBelasting {
  const nietVoldaan = r.steekproef.eisen.filter((e) => e.mislukt).map((e) => e.eis);
  return {
    informatief: true,
    profiel: r.profiel,
    snelheden: r.stappen.map((s) => s.snelheid),
    duurMs: r.duurMs,
    rollen: [...r.rollen],
    oordeel: r.oordeel,
    tekst: r.breekpunt.tekst,
    leerlingen: r.leerlingen.verschillend,
    ...(nietVoldaan.length ? { steekproefNietVoldaan: nietVoldaan } : {}),
    bestanden: { ...BELASTING_BESTANDEN },
  };
}

export function nietUitgevoerd(profiel: string, snelheden: number[], duurMs: number, rollen: string[], fout: string): KwalificatieBelasting {
  return { informatief: true, profiel, snelheden, duurMs, rollen, oordeel: 'NIET_UITGEVOERD', tekst: `De belastingtest kon niet worden uitgevoerd: ${fout}`, fout };
}

const status: Record<KwalificatieBelasting['oordeel'], string> = { GEHOUDEN: 'passed', BEZWEKEN: 'failed', ONBESLIST: 'skipped', NIET_UITGEVOERD: 'broken' };
const oordeelTekst: Record<KwalificatieBelasting['oordeel'], string> = {
  GEHOUDEN: 'gehouden',
  BEZWEKEN: 'bezweken',
  ONBESLIST: 'onbeslist (de lastgenerator liep zelf achter)',
  NIET_UITGEVOERD: 'niet uitgevoerd',
};
const TELT_NIET_MEE = 'De belastingtest is informatief: capaciteit is geen eis van de kwalificatie, dus de uitkomst telt niet mee in het oordeel.';
const snelheidTekst = (x: number) => `${x.toLocaleString('nl-NL', { maximumFractionDigits: 2 })}/s`;

/** The test's one-line message; the Allure category of capacity tests matches on its start ("Belastingtest"). */
function bericht(b: KwalificatieBelasting): string {
  return `Belastingtest ${oordeelTekst[b.oordeel]}: ${b.tekst}${b.steekproefNietVoldaan ? ` In de steekproef niet voldaan: ${b.steekproefNietVoldaan.join(', ')}.` : ''}`;
}

/**
 * Writes the capacity test into the Allure results folder: its result and, when it ran, belasting.html and belasting.json
 * (copied from the report folder) as attachments. `r` is the run's result, absent when it could not be carried out.
 */
export async function schrijfBelastingAllure(o: { resultsDir: string; reportDir: string; b: KwalificatieBelasting; r?: Belastingresultaat; start: number; stop: number }): Promise<string> {
  const { b, r } = o;
  const uuid = randomUUID();
  const attachments = [];
  if (r && b.bestanden) {
    for (const [soort, naam, type] of [['html', b.bestanden.html, 'text/html'], ['json', b.bestanden.json, 'application/json']] as const) {
      const source = `${uuid}-attachment.${soort}`;
      await copyFile(join(o.reportDir, naam), join(o.resultsDir, source));
      attachments.push({ name: naam, type, source });
    }
  }
  const steps: AllureStep[] = (r?.stappen ?? []).map((s) => ({
    name: `Stap ${s.index + 1}: ${snelheidTekst(s.snelheid)} per rol — ${s.gestart} gestart, p99 ${s.p99Ms === null ? '–' : `${Math.round(s.p99Ms)} ms`}, ${(s.foutfractie * 100).toFixed(1).replace('.', ',')} % fout`,
    status: s.oordeel === 'binnen' ? 'passed' : s.oordeel === 'overschreden' ? 'failed' : 'skipped',
    ...(s.redenen.length ? { statusDetails: { message: s.redenen.join(' ') } } : {}),
    stage: 'finished',
    steps: [],
    attachments: [],
  }));
  const naam = `Belastingtest — ${b.profiel}`;
  const result: AllureResult = {
    uuid,
    historyId: createHash('md5').update(`belasting|${b.profiel}|${b.rollen.join('+')}`).digest('hex'),
    testCaseId: createHash('md5').update(`belasting|${b.profiel}`).digest('hex'),
    name: naam,
    fullName: `Belasting › Capaciteit onder last › ${naam}`,
    titlePath: ['Belasting', 'Capaciteit onder last'],
    status: status[b.oordeel],
    statusDetails: { message: bericht(b) },
    stage: 'finished',
    start: o.start,
    stop: o.stop,
    description: beschrijving(b, r),
    labels: [
      { name: 'epic', value: 'Belasting' },
      { name: 'feature', value: 'Capaciteit onder last' },
      { name: 'story', value: b.profiel },
      { name: 'severity', value: 'minor' },
      INFORMATIEF_LABEL,
    ],
    parameters: [
      { name: 'profiel', value: b.profiel },
      { name: 'snelheid per rol', value: b.snelheden.map(snelheidTekst).join(' → ') },
      { name: 'duur', value: `${Math.round(b.duurMs / 1000)} s` },
      { name: 'rollen', value: b.rollen.join(', ') },
      ...(b.leerlingen !== undefined ? [{ name: 'leerlingen', value: String(b.leerlingen) }] : []),
    ],
    steps,
    attachments,
  };
  await writeFile(join(o.resultsDir, `${uuid}-result.json`), JSON.stringify(result));
  return uuid;
}

/** The description in Dutch (Allure renders it as Markdown). */
function beschrijving(b: KwalificatieBelasting, r: Belastingresultaat | undefined): string {
  const regels = [
    `**Uitkomst: ${oordeelTekst[b.oordeel]}.** ${b.tekst}`,
    '',
    TELT_NIET_MEE,
  ];
  if (r) {
    regels.push(
      '',
      `Profiel ${b.profiel}, ${b.snelheden.map(snelheidTekst).join(' → ')} uitwisselingen per rol (${b.rollen.join(' en ')}), ${Math.round(b.duurMs / 1000)} s, open-loop; ${r.totaal.gestart} aankomsten gestart, ${r.totaal.voltooid} voltooid.`,
      `Grenzen: p99 van een hele uitwisseling hoogstens ${r.grenzen.p99Ms} ms, hoogstens ${(r.grenzen.foutfractie * 100).toLocaleString('nl-NL')} % fout.`,
      `${r.leerlingen.verschillend} verschillende leerlingen (${r.leerlingen.fixture} testleerlingen, ${r.leerlingen.gegenereerd} gegenereerd).`,
      `Steekproef: ${r.steekproef.uitwisselingen} uitwisselingen beoordeeld op ${r.steekproef.eisen.map((e) => e.eis).join(', ') || 'geen eisen'}${b.steekproefNietVoldaan ? `; niet voldaan: ${b.steekproefNietVoldaan.join(', ')}` : '; alle voldaan'}.`,
      '',
      'De grafieken (latentie, doorvoer, fouten in de tijd) staan in de bijlage belasting.html.',
    );
  }
  return regels.join('\n');
}

/** samenvatting.html's section on the capacity test (markup). */
export function renderBelastingSectie(b: KwalificatieBelasting): string {
  return html`<section id="belasting">
<h2>Belastingtest</h2>
<p class="inleiding">${TELT_NIET_MEE}</p>
<p id="belasting-uitkomst"><span class="status ${b.oordeel === 'GEHOUDEN' ? 'passed' : b.oordeel === 'ONBESLIST' ? 'untested' : 'failed'}">${oordeelTekst[b.oordeel][0]!.toUpperCase()}${oordeelTekst[b.oordeel].slice(1)}</span>
— profiel ${b.profiel}, ${b.snelheden.map(snelheidTekst).join(' → ')} uitwisselingen per rol (${b.rollen.join(' en ')}), ${Math.round(b.duurMs / 1000)} s${b.leerlingen !== undefined ? html`, ${b.leerlingen} verschillende leerlingen` : ''}. ${b.tekst}${b.steekproefNietVoldaan ? html` In de steekproef niet voldaan: ${b.steekproefNietVoldaan.join(', ')}.` : ''}</p>
${b.bestanden ? html`<p>Grafieken en cijfers: <a href="${b.bestanden.html}">${b.bestanden.html}</a> (ook als bijlage in index.html), de meetgegevens in ${b.bestanden.json}.</p>` : ''}
</section>`.markup;
}

/** The Allure environment panel's line. */
export function belastingOmgeving(b: KwalificatieBelasting): Record<string, string> {
  return { Belastingtest: `${oordeelTekst[b.oordeel]} (${b.profiel}, informatief) — ${b.tekst}` };
}
