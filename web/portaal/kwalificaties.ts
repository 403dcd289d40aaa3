/**
 * The qualification reports in the admin view: what `qualify --tegen` ran against this service and registered here,
 * per vendor (verdict, date, system, runs), and per report its runs with the exchanges this service stored for each.
 */
import type { OpgeslagenKwalificatie } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { aantal } from '../meervoud.ts';
import { portaalPagina, tijdstip, type NavLink } from './pagina.ts';

const oordeel: Record<OpgeslagenKwalificatie['verdict'], Html> = {
  GESLAAGD: html`<span class="gelukt">Geslaagd</span>`,
  NIET_GESLAAGD: html`<span class="mislukt">Niet geslaagd</span>`,
  ONVOLLEDIG: html`<span class="mislukt">Onvolledig</span>`,
};

const runStatus: Record<string, string> = { passed: 'geslaagd', failed: 'afgekeurd', broken: 'gebroken', skipped: 'niet uitgevoerd' };

/** "3 geslaagd, 1 niet uitgevoerd": the runs of a report by outcome. */
function runsSamengevat(k: OpgeslagenKwalificatie): string {
  const tel = new Map<string, number>();
  for (const r of k.runs) tel.set(r.status, (tel.get(r.status) ?? 0) + 1);
  if (!tel.size) return 'geen runs';
  return [...tel].map(([status, n]) => `${n} ${runStatus[status] ?? status}`).join(', ');
}

/** The section of the admin overview: per vendor, newest report first. */
export function kwalificatiesSectie(kwalificaties: readonly OpgeslagenKwalificatie[]): Html {
  if (!kwalificaties.length)
    return html`<p>Er zijn nog geen kwalificatierapporten opgeslagen in deze testomgeving. Zodra Kennisnet een LAS kwalificeert tegen deze testomgeving (<code>oso-testbank qualify --config … --tegen …</code>), verschijnt hier per leverancier het rapport: het oordeel (geslaagd, niet geslaagd of onvolledig), de datum, het systeem en de runs, met een link naar de opgeslagen berichten.</p>`;
  const perLeverancier = new Map<string, OpgeslagenKwalificatie[]>();
  for (const k of kwalificaties) perLeverancier.set(k.leverancier, [...(perLeverancier.get(k.leverancier) ?? []), k]);
  return html`${[...perLeverancier]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([leverancier, lijst]) => html`<h3>${leverancier}</h3>
<table data-leverancier-kwalificaties="${leverancier}"><thead><tr><th scope="col">Oordeel</th><th scope="col">Datum</th><th scope="col">Systeem</th><th scope="col">Runs</th><th scope="col">Berichten</th></tr></thead><tbody>
${[...lijst]
  .sort((a, b) => b.id - a.id)
  .map(
    (k) => html`<tr data-kwalificatie="${String(k.id)}"><td>${oordeel[k.verdict]}</td><td>${tijdstip(k.datum)}</td><td>${k.sut.naam} ${k.sut.versie}</td><td>${runsSamengevat(k)}</td><td><a href="/portaal/beheer/kwalificatie/${String(k.id)}">Runs en berichten bekijken</a></td></tr>`,
  )}</tbody></table>`,
    )}`;
}

/** One report: its runs, each with links to the exchanges this service stored for it. */
export function kwalificatiePagina(k: OpgeslagenKwalificatie, nav: NavLink[]): Html {
  const redenen = ((k.kwalificatie['onvolledig'] as { redenen?: { tekst: string }[] } | undefined)?.redenen ?? []).map((r) => r.tekst);
  return portaalPagina({
    titel: `Kwalificatie van ${k.sut.naam} ${k.sut.versie}`,
    wie: 'Beheer (Kennisnet)',
    nav,
    inhoud: html`<section><dl>
<dt>Leverancier</dt><dd>${k.leverancier}</dd>
<dt>Oordeel</dt><dd>${oordeel[k.verdict]}</dd>
<dt>Uitgevoerd</dt><dd>${tijdstip(k.datum)} door ${k.uitvoerder}</dd>
<dt>Scholen van het systeem</dt><dd>${k.brins.map((b, i) => html`${i ? ', ' : ''}<a href="/portaal/beheer/school/${b}">${b}</a>`)}</dd>
</dl>
${redenen.length ? html`<h2>Waarom onvolledig</h2><ul>${redenen.map((r) => html`<li>${r}</li>`)}</ul>` : ''}</section>
<section><h2>Runs (${k.runs.length})</h2>
<table><thead><tr><th scope="col">Run</th><th scope="col">Uitkomst</th><th scope="col">Opgeslagen berichten</th></tr></thead><tbody>
${k.runs.map(
  (r) => html`<tr data-run="${r.run}"><td><code>${r.run}</code></td><td>${runStatus[r.status] ?? r.status}</td><td>${
    r.berichten.length
      ? r.berichten.map((id, i) => html`${i ? ', ' : ''}<a href="/portaal/beheer/bericht/${String(id)}">#${String(id)}</a>`)
      : 'geen'
  }</td></tr>`,
)}</tbody></table>
<p class="klein">${aantal(k.runs.reduce((n, r) => n + r.berichten.length, 0), 'bericht', 'berichten')} in deze testomgeving opgeslagen.</p></section>`,
  });
}
