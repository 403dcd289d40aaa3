/**
 * The Dutch summary page of a qualification (samenvatting.html), written for a reviewer who must understand it in half a
 * minute and sign it: the verdict, the findings (one per failed requirement: what, why, what to fix, which runs, a link
 * to the test in the Allure report), the requirement table (the harness's own requirements marked, the source beside
 * each), the runs in short, and a sign-off block. Prints as an A4 document: running header, page numbers, no split rows.
 * No script, nothing loaded from elsewhere.
 */
import { runKey } from '../suites/catalogue.ts';
import type { Herkomst, Requirement } from '../suites/requirements.ts';
import { bevindingen, kortLijsten, vergelijkbaar, type Bevinding, type Uitleg } from './bevindingen.ts';
import type { Kwalificatie, RequirementStatus, ScenarioStatus } from './kwalificatie.ts';
import { verdictTekst, type Verdict } from './oordeel.ts';
import { escapeHtml as escape } from '../web/html.ts';

export interface SamenvattingOpties {
  /** The requirement catalogue: where each requirement comes from and what to fix when it fails. */
  catalogus: ReadonlyMap<string, Requirement>;
  /** run (`scenario/rol`) → its test in the Allure report (reports/allure-koppeling.ts); a run without one links the report. */
  allure?: ReadonlyMap<string, string>;
  /** SHA-256 fingerprint of the certificate that signs the evidence (as `oso-testbank verify --trust` takes it). */
  ondertekenaar?: string;
  /** Further sections, already rendered (e.g. reports/operator-verslag.ts), placed after the runs. */
  secties?: readonly string[];
}

// A CSS string inside <style>, which HTML does not unescape: quote and backslash escaped, `<` as a CSS escape so no text ends the element.
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/\n/g, ' ')}"`;

const eisStatus: Record<RequirementStatus, string> = { passed: 'voldaan', failed: 'niet voldaan', untested: 'niet getest' };
const banner: Record<Verdict, string> = { GESLAAGD: 'ja', NIET_GESLAAGD: 'nee', ONVOLLEDIG: 'onvolledig' };
const herkomstTekst: Record<Herkomst, string> = { officieel: 'officieel', 'deels-eigen': 'uitwerking testbank', eigen: 'eis testbank' };

/** Every time on the page in one time zone, named beside it. */
const TIJDZONE = 'Europe/Amsterdam';
const datumTijd = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: TIJDZONE, dateStyle: 'long', timeStyle: 'short' });
const datum = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { timeZone: TIJDZONE, dateStyle: 'long' });

const aantal = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;
const opsomming = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);

/** A run, linked to its test in the Allure report (or to the report, naming the test, when no link is known). */
function runLink(run: string, o: SamenvattingOpties): string {
  const [id, rol] = run.split('/');
  const naam = `${escape(id ?? run)} (${escape(rol ?? '')})`;
  const href = o.allure?.get(run);
  return href ? `<a class="run" href="${escape(href)}">${naam}</a>` : `<a class="run" href="index.html" title="zoek in het Allure-rapport op ${escape(run)}">${naam}</a>`;
}

/** The explanation's fields; beside an earlier group's explanation only what differs from it. */
function uitlegLijst(u: Uitleg, eerder?: Uitleg): string {
  const veld = (kop: string, key: keyof Uitleg) => {
    const waarde = u[key];
    if (!waarde || (eerder && vergelijkbaar(eerder[key]) === vergelijkbaar(waarde))) return '';
    return `<dt>${kop}</dt><dd>${escape(kortLijsten(waarde))}</dd>`;
  };
  if (u.tekst !== undefined) return `<dl class="uitleg"><dt>Uitleg</dt><dd>${escape(kortLijsten(u.tekst.split('\n')[0] ?? ''))}</dd></dl>`;
  return `<dl class="uitleg">${veld('Verwacht', 'verwacht')}${veld('Ontvangen', 'ontvangen')}${veld('Bericht', 'bericht')}${veld('Oorzaak', 'oorzaak')}</dl>`;
}

function bevindingBlok(b: Bevinding, o: SamenvattingOpties): string {
  const eis = o.catalogus.get(b.eis.id);
  const groepen = b.groepen.map((g, i) => {
    const kop = `${i === 0 ? 'Gezien' : 'Anders'} in ${aantal(g.runs.length, 'toets', 'toetsen')}`;
    return `<div class="groep">${uitlegLijst(g.uitleg, i === 0 ? undefined : b.groepen[0]!.uitleg)}<p class="runs"><strong>${kop}:</strong> ${g.runs.map((r) => runLink(r, o)).join(', ')}</p></div>`;
  });
  return `<article class="bevinding" id="${escape(b.eis.id)}" data-eis="${escape(b.eis.id)}">
<h3><span class="eis-id">${escape(b.eis.id)}</span> ${escape(b.eis.text)}${eis && eis.herkomst !== 'officieel' ? ` <span class="herkomst ${eis.herkomst}">${herkomstTekst[eis.herkomst]}</span>` : ''}</h3>
${groepen.join('\n') || '<p>De toets die deze eis afkeurde gaf geen uitleg; zie het Allure-rapport (index.html).</p>'}
${eis ? `<p class="oplossing"><strong>Wat te doen:</strong> ${escape(eis.oplossing)}</p>` : ''}
</article>`;
}

function bevindingenSectie(lijst: readonly Bevinding[], o: SamenvattingOpties): string {
  if (!lijst.length) return '';
  return `<section id="bevindingen">
<h2>Bevindingen</h2>
<p class="inleiding">Per eis waaraan het systeem niet voldoet: wat de testbank verwachtte en ontving, de waarschijnlijke oorzaak, wat te doen, en in welke toetsen het gebeurde (met een koppeling naar die toets in het Allure-rapport). Toetsen die op dezelfde manier faalden staan samen.</p>
${lijst.map((b) => bevindingBlok(b, o)).join('\n')}
</section>`;
}

/** Why the verdict is not GESLAAGD although nothing failed (or, beside a failure, what else was missing). */
function redenen(k: Kwalificatie): string {
  if (!k.onvolledig) return '';
  const kop = k.verdict === 'ONVOLLEDIG' ? 'Waarom onvolledig' : 'Bovendien onvolledig';
  const uitleg =
    k.verdict === 'ONVOLLEDIG' ? '<p>Er is niets afgekeurd, maar dit rapport toont niet dat het systeem aan alle eisen voldoet:</p>' : '';
  return `<section id="onvolledig">
<h2>${kop}</h2>
${uitleg}<ul>
${k.onvolledig.redenen.map((r) => `<li data-code="${escape(r.code)}">${escape(r.tekst)}</li>`).join('\n')}
</ul>
</section>`;
}

function eisenTabel(k: Kwalificatie, o: SamenvattingOpties): string {
  // `#<eis>` (the terminal's and the Allure report's links) lands on the finding of a failed requirement, else on its row.
  const rijen = k.requirements.map((r) => {
    const eis = o.catalogus.get(r.id);
    const herkomst = eis?.herkomst ?? 'officieel';
    const oordeel = `<span class="status ${r.status}">${eisStatus[r.status]}</span>`;
    return `<tr id="eis-${escape(r.id)}" data-herkomst="${herkomst}">
<td><span class="eis-id"${r.status === 'failed' ? '' : ` id="${escape(r.id)}"`}>${escape(r.id)}</span>${herkomst === 'officieel' ? '' : `<br><span class="herkomst ${herkomst}">${herkomstTekst[herkomst]}</span>`}</td>
<td>${escape(r.text)}<div class="bron">Bron: ${escape(r.source)}</div></td>
<td>${r.status === 'failed' ? `<a href="#${escape(r.id)}">${oordeel}</a>` : oordeel}<div class="bron">${aantal(r.scenarios.length, 'toets', 'toetsen')}</div></td>
</tr>`;
  });
  return `<section id="eisen">
<h2>Eisen</h2>
<p class="inleiding">Elke eis met zijn bron. Zonder markering staat de eis zo in de openbare OSO-documentatie; <span class="herkomst deels-eigen">${herkomstTekst['deels-eigen']}</span>: de eis is officieel, een detail dat de documentatie open laat vult de testbank in; <span class="herkomst eigen">${herkomstTekst.eigen}</span>: de documentatie zwijgt, dit is een eigen eis van de testbank.</p>
<table class="eisen">
<colgroup><col class="c-eis"><col><col class="c-oordeel"></colgroup>
<thead><tr><th>Eis</th><th>Omschrijving en bron</th><th>Oordeel</th></tr></thead>
<tbody>
${rijen.join('\n')}
</tbody>
</table>
</section>`;
}

/** The runs in short: the ones that did not pass in a table, the passed ones as a list per scenario. */
function toetsenSectie(k: Kwalificatie, lijst: readonly Bevinding[], o: SamenvattingOpties): string {
  const run = (s: Kwalificatie['scenarios'][number]) => runKey(s.id, s.role);
  const met = (status: ScenarioStatus) => k.scenarios.filter((s) => s.status === status);
  const afgekeurd = met('failed');
  const gebroken = met('broken');
  const overgeslagen = met('skipped');
  const geslaagd = met('passed');
  const eisenVan = new Map<string, string[]>();
  for (const b of lijst) for (const g of b.groepen) for (const r of g.runs) eisenVan.set(r, [...(eisenVan.get(r) ?? []), b.eis.id]);
  const delen: string[] = [];
  if (afgekeurd.length)
    delen.push(`<h3>Afgekeurd (${afgekeurd.length})</h3>
<table class="toetsen">
<thead><tr><th>Toets</th><th>Niet voldaan</th></tr></thead>
<tbody>
${afgekeurd
  .map((s) => `<tr data-run="${escape(run(s))}"><td>${runLink(run(s), o)}</td><td>${(eisenVan.get(run(s)) ?? []).map((id) => `<a href="#${escape(id)}">${escape(id)}</a>`).join(', ') || '—'}</td></tr>`)
  .join('\n')}
</tbody>
</table>`);
  if (gebroken.length)
    delen.push(`<h3>Gebroken (${gebroken.length})</h3>
<p>Deze toetsen konden niet worden uitgevoerd door een fout in de adapter of de testbank; ze zeggen niets over het systeem.</p>
<table class="toetsen">
<thead><tr><th>Toets</th><th>Reden</th></tr></thead>
<tbody>
${gebroken.map((s) => `<tr data-run="${escape(run(s))}"><td>${runLink(run(s), o)}</td><td>${escape(kortLijsten((s.message ?? '').split('\n')[0] ?? ''))}</td></tr>`).join('\n')}
</tbody>
</table>`);
  if (overgeslagen.length) delen.push(`<h3>Overgeslagen (${overgeslagen.length})</h3>\n<p>${overgeslagen.map((s) => runLink(run(s), o)).join(', ')}</p>`);
  if (geslaagd.length) {
    const perScenario = new Map<string, string[]>();
    for (const s of geslaagd) perScenario.set(s.id, [...(perScenario.get(s.id) ?? []), s.role]);
    delen.push(`<h3>Geslaagd (${geslaagd.length})</h3>
<p class="geslaagd">${[...perScenario].map(([id, rollen]) => `<span>${escape(id)} (${escape(rollen.join(', '))})</span>`).join(' · ')}</p>`);
  }
  return `<section id="toetsen">
<h2>Toetsen</h2>
<p class="inleiding">Een toets is één scenario met het systeem in één rol (bron of doel). Alle berichten van elke toets staan in het Allure-rapport (index.html).</p>
${delen.join('\n')}
</section>`;
}

function gegevens(k: Kwalificatie): string {
  const selectie = `${k.selectie.scenarios.length ? escape(k.selectie.scenarios.join(', ')) : 'alle scenario’s'}${k.selectie.rol ? `, rol ${escape(k.selectie.rol)}` : ''}${k.selectie.deel ? `, deel ${escape(k.selectie.deel)}` : ''}${k.selectie.scenarioMap ? `, uit ${escape(k.selectie.scenarioMap)}` : ''}`;
  return `<dl class="gegevens">
  <dt>Systeem</dt><dd>${escape(k.sut.naam)} ${escape(k.sut.versie)} (${k.sut.soort === 'ingebouwd' ? 'ingebouwde referentie-LAS' : 'extern'})${k.sut.leverancier ? `, ${escape(k.sut.leverancier)}` : ''}${k.sut.faults.length ? `, met opzettelijke fouten: ${escape(k.sut.faults.join(', '))}` : ''}</dd>
  <dt>Rol(len)</dt><dd>${escape(k.reikwijdte.rollen.join(' en '))}</dd>
  <dt>Protocol</dt><dd>${escape(k.protocol.release)} (${escape(k.protocol.namespace)})</dd>
  <dt>Gegevensset</dt><dd>${escape(k.gegevensset.versie)}</dd>
  <dt>Selectie</dt><dd>${selectie}; seed testgegevens ${escape(k.seed)}</dd>
${k.delen ? `  <dt>Samengevoegd uit</dt><dd>${k.delen.map((d) => `${escape(d.map)}${d.deel ? ` (deel ${escape(d.deel)})` : ''}, ${escape(datumTijd(d.datum))}, ${escape(d.uitvoerder)}`).join('<br>')}</dd>\n` : ''}</dl>`;
}

function ondertekening(k: Kwalificatie, o: SamenvattingOpties): string {
  return `<section id="ondertekening">
<h2>Ondertekening</h2>
<dl class="gegevens">
  <dt>Uitgevoerd door</dt><dd>${escape(k.uitvoerder)}</dd>
  <dt>Datum</dt><dd>${escape(datumTijd(k.datum))} (tijdzone ${TIJDZONE}; duur ${Math.round(k.duurMs / 1000)} s)</dd>
  <dt>Testbank</dt><dd>${escape(k.harness.naam)} ${escape(k.harness.versie)}</dd>
  <dt>Bewijs</dt><dd>${
    o.ondertekenaar
      ? `berichtenlog en manifest in evidence/, ondertekend met het certificaat met SHA-256-vingerafdruk <code class="vingerafdruk">${escape(o.ondertekenaar)}</code> (controleer met <code>oso-testbank verify &lt;map&gt; --trust &lt;vingerafdruk&gt;</code>)`
      : 'berichtenlog en manifest in evidence/ (controleer met <code>oso-testbank verify &lt;map&gt;</code>)'
  }</dd>
</dl>
<div class="handtekening">
  <div><span>Beoordeeld door</span></div>
  <div><span>Datum</span></div>
  <div><span>Handtekening</span></div>
</div>
</section>`;
}

export function renderSamenvatting(k: Kwalificatie, o: SamenvattingOpties): string {
  const lijst = bevindingen(k);
  const oordeel = verdictTekst[k.verdict];
  const failed = k.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
  const voldaan = k.requirements.filter((r) => r.status === 'passed').length;
  const kern = failed.length
    ? `${aantal(failed.length, 'eis', 'eisen')} van de ${k.requirements.length} niet voldaan: ${opsomming(failed.map((id) => `<a href="#${escape(id)}">${escape(id)}</a>`))}.`
    : voldaan === k.requirements.length
      ? `Alle ${k.requirements.length} eisen voldaan.`
      : `${voldaan} van de ${k.requirements.length} eisen voldaan.`;
  const toetsen = `${k.totalen.passed} van de ${aantal(k.scenarios.length, 'toets', 'toetsen')} geslaagd${k.totalen.failed ? `, ${k.totalen.failed} afgekeurd` : ''}${k.totalen.broken ? `, ${k.totalen.broken} gebroken` : ''}${k.totalen.skipped ? `, ${k.totalen.skipped} overgeslagen` : ''}${k.scenarios.length < k.reikwijdte.runs.length ? ` (de volledige set telt ${k.reikwijdte.runs.length} toetsen)` : ''}.`;
  const kopregel = `Kwalificatie OSO — ${k.sut.naam} ${k.sut.versie} — ${oordeel} — ${datum(k.datum)}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kwalificatie ${escape(k.sut.naam)}: ${oordeel}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.4; }
  .soort { margin: 0; color: #4b5563; font-size: .95rem; letter-spacing: .02em; text-transform: uppercase; }
  h1 { font-size: 1.6rem; margin: .1rem 0 .4rem; }
  h2 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; padding-bottom: .15rem; border-bottom: 1px solid #d1d5db; }
  h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
  .samenvatting { display: flex; gap: 1.2rem; align-items: center; margin: .4rem 0 .8rem; }
  .oordeel { font-size: 1.8rem; font-weight: 700; padding: .4rem 1rem; border-radius: .4rem; white-space: nowrap; }
  .oordeel.ja { background: #e3f4e5; color: #14532d; border: 2px solid #15803d; }
  .oordeel.nee { background: #fde8e8; color: #7f1d1d; border: 2px solid #b91c1c; }
  .oordeel.onvolledig { background: #fef3c7; color: #78350f; border: 2px solid #b45309; }
  .kern p { margin: .1rem 0; }
  .kern .eisen-kern { font-weight: 600; }
  #onvolledig { border-left: 4px solid #b45309; padding: .1rem 1rem; margin: 1rem 0; }
  #onvolledig h2 { margin-top: .4rem; border: 0; }
  .inleiding { color: #4b5563; font-size: .9rem; margin: .2rem 0 .6rem; }
  dl.gegevens { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1.2rem; margin: .4rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .bevinding { border: 1px solid #e5b4b4; border-left: 5px solid #b91c1c; border-radius: .3rem; padding: .5rem .9rem; margin: .7rem 0; }
  .bevinding h3 { margin: .1rem 0 .4rem; }
  .eis-id { font-weight: 700; white-space: nowrap; }
  dl.uitleg { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .2rem 0; font-size: .9rem; }
  dl.uitleg dd { overflow-wrap: anywhere; }
  .groep + .groep { border-top: 1px dashed #e5b4b4; margin-top: .4rem; padding-top: .3rem; }
  .runs, .oplossing { margin: .3rem 0; font-size: .9rem; }
  .oplossing { background: #f8fafc; padding: .3rem .5rem; border-radius: .2rem; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .88rem; table-layout: fixed; }
  col.c-eis { width: 6.5rem; } col.c-oordeel { width: 6.5rem; }
  table.toetsen td:first-child { width: 40%; }
  th, td { border: 1px solid #d1d5db; padding: .2rem .4rem; text-align: left; vertical-align: top; }
  th { background: #f3f4f6; }
  .bron { color: #6b7280; font-size: .8rem; margin-top: .1rem; line-height: 1.3; }
  .herkomst { font-size: .75rem; }
  .herkomst.deels-eigen, .herkomst.eigen { font-weight: 600; color: #1e3a8a; background: #e0e7ff; padding: 0 .3rem; border-radius: .2rem; }
  .status { font-weight: 600; white-space: nowrap; }
  .passed { color: #15803d; } .failed, .broken { color: #b91c1c; } .untested, .skipped { color: #6b7280; }
  .geslaagd { font-size: .8rem; color: #374151; }
  .geslaagd span { white-space: nowrap; }
  code { font-size: .85em; overflow-wrap: anywhere; }
  blockquote { border-left: 3px solid #cfcfcf; margin: .4rem 0; padding: .2rem .8rem; }
  .handtekening { display: grid; grid-template-columns: 2fr 1fr 2fr; gap: 1.2rem; margin-top: 1.2rem; }
  .handtekening div { border-top: 1px solid #1b1b1b; padding-top: .2rem; height: 2.2rem; font-size: .8rem; color: #4b5563; }
  #ondertekening { break-inside: avoid; }
  @page {
    size: A4;
    margin: 13mm 13mm 14mm 13mm;
    @top-left { content: ${cssString(kopregel)}; font: 8pt system-ui, sans-serif; color: #4b5563; }
    @bottom-left { content: ${cssString(`${k.harness.naam} ${k.harness.versie} · samenvatting.html`)}; font: 8pt system-ui, sans-serif; color: #4b5563; }
    @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 8pt system-ui, sans-serif; color: #4b5563; }
  }
  @media print {
    /* rem sizes follow the root: one knob sets the printed text size. */
    html { font-size: 8.5pt; }
    body { margin: 0; max-width: none; padding: 0; }
    h2 { margin-top: 1rem; }
    a { color: inherit; text-decoration: none; }
    h2, h3 { break-after: avoid; }
    tr, .bevinding, dl.gegevens, .handtekening { break-inside: avoid; }
    thead { display: table-header-group; }
    .oordeel { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
</style>
</head>
<body>
<header>
<p class="soort">Kwalificatie OSO-koppeling</p>
<h1>${escape(k.sut.naam)} ${escape(k.sut.versie)}</h1>
<div class="samenvatting">
<div class="oordeel ${banner[k.verdict]}" id="oordeel">${oordeel}</div>
<div class="kern"><p class="eisen-kern" id="kern">${kern}</p><p>${toetsen}</p><p>${escape(datumTijd(k.datum))} (tijdzone ${TIJDZONE})</p></div>
</div>
</header>
${redenen(k)}
${gegevens(k)}
${bevindingenSectie(lijst, o)}
${eisenTabel(k, o)}
${toetsenSectie(k, lijst, o)}
${(o.secties ?? []).filter(Boolean).join('\n')}
${ondertekening(k, o)}
</body>
</html>
`;
}
