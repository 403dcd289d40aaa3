/**
 * The Dutch summary page of a qualification (samenvatting.html): the verdict, the requirement matrix, the runs, the SUT,
 * versions, date and who ran it — readable on screen and on paper, with no script and nothing loaded from elsewhere.
 */
import type { Kwalificatie, RequirementStatus, ScenarioStatus } from './kwalificatie.ts';
import { verdictTekst, type Verdict } from './oordeel.ts';
import { escapeHtml as escape } from '../web/html.ts';

const eisStatus: Record<RequirementStatus, string> = { passed: 'voldaan', failed: 'niet voldaan', untested: 'niet getest' };
const runStatus: Record<ScenarioStatus, string> = { passed: 'geslaagd', failed: 'afgekeurd', broken: 'gebroken', skipped: 'overgeslagen' };

const datum = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });

const banner: Record<Verdict, string> = { GESLAAGD: 'ja', NIET_GESLAAGD: 'nee', ONVOLLEDIG: 'onvolledig' };

/** Why the verdict is not GESLAAGD although nothing failed (or, beside a failure, what else was missing). */
function redenen(k: Kwalificatie): string {
  if (!k.onvolledig) return '';
  const kop = k.verdict === 'ONVOLLEDIG' ? 'Waarom onvolledig' : 'Bovendien onvolledig';
  const uitleg =
    k.verdict === 'ONVOLLEDIG'
      ? '<p>Er is niets afgekeurd, maar dit rapport toont niet dat het systeem aan alle eisen voldoet:</p>'
      : '';
  return `<section id="onvolledig">
<h2>${kop}</h2>
${uitleg}<ul>
${k.onvolledig.redenen.map((r) => `<li data-code="${escape(r.code)}">${escape(r.tekst)}</li>`).join('\n')}
</ul>
</section>`;
}

/** `secties`: further sections, already rendered (e.g. reports/operator-verslag.ts), placed after the runs. */
export function renderSamenvatting(k: Kwalificatie, secties: readonly string[] = []): string {
  const oordeel = verdictTekst[k.verdict];
  const rows = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const eisen = k.requirements
    .map((r) =>
      rows([
        `<a id="${escape(r.id)}"></a><strong>${escape(r.id)}</strong>`,
        escape(r.text),
        `<span class="status ${r.status}">${eisStatus[r.status]}</span>`,
        escape(r.scenarios.join(', ') || '—'),
      ]),
    )
    .join('\n');
  const runs = k.scenarios
    .map((s) =>
      rows([
        escape(s.id),
        escape(s.role),
        `<span class="status ${s.status}">${runStatus[s.status]}</span>`,
        escape(s.requirements.join(', ')),
        s.message ? `<pre>${escape(s.message)}</pre>` : '',
      ]),
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kwalificatie ${escape(k.sut.naam)}: ${oordeel}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; color: #1b1b1b; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; }
  .oordeel { font-size: 2rem; font-weight: 700; padding: .6rem 1rem; border-radius: .4rem; display: inline-block; margin: .8rem 0; }
  .oordeel.ja { background: #e3f4e5; color: #14532d; border: 2px solid #15803d; }
  .oordeel.nee { background: #fde8e8; color: #7f1d1d; border: 2px solid #b91c1c; }
  .oordeel.onvolledig { background: #fef3c7; color: #78350f; border: 2px solid #b45309; }
  #onvolledig { border-left: 4px solid #b45309; padding: .1rem 1rem; margin: 1rem 0; }
  #onvolledig h2 { margin-top: .4rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; }
  dt { font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.6rem; font-size: .92rem; }
  th, td { border: 1px solid #cfcfcf; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  .status { font-weight: 600; white-space: nowrap; }
  .passed { color: #15803d; } .failed, .broken { color: #b91c1c; } .untested, .skipped { color: #6b7280; }
  pre { white-space: pre-wrap; font-size: .8rem; margin: 0; }
  blockquote { border-left: 3px solid #cfcfcf; margin: .4rem 0; padding: .2rem .8rem; }
  footer { color: #6b7280; font-size: .85rem; margin-top: 2rem; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Kwalificatie OSO-koppeling</h1>
<div class="oordeel ${banner[k.verdict]}" id="oordeel">${oordeel}</div>
<p>${k.totalen.passed} geslaagd, ${k.totalen.failed} afgekeurd, ${k.totalen.broken} gebroken, ${k.totalen.skipped} overgeslagen van ${k.scenarios.length} runs
(de volledige set voor rol ${escape(k.reikwijdte.rollen.join(' en '))} telt ${k.reikwijdte.runs.length} runs);
${k.requirements.filter((r) => r.status === 'passed').length} van de ${k.requirements.length} eisen voldaan.</p>
${redenen(k)}
<dl>
  <dt>Systeem</dt><dd>${escape(k.sut.naam)} ${escape(k.sut.versie)} (${k.sut.soort === 'ingebouwd' ? 'ingebouwde referentie-LAS' : 'extern'})${k.sut.faults.length ? `, met opzettelijke fouten: ${escape(k.sut.faults.join(', '))}` : ''}</dd>
  <dt>Datum</dt><dd>${escape(datum(k.datum))} (duur ${Math.round(k.duurMs / 1000)} s)</dd>
  <dt>Uitgevoerd door</dt><dd>${escape(k.uitvoerder)}</dd>
  <dt>Protocol</dt><dd>${escape(k.protocol.release)} (${escape(k.protocol.namespace)})</dd>
  <dt>Gegevensset</dt><dd>${escape(k.gegevensset.versie)}</dd>
  <dt>Testbank</dt><dd>${escape(k.harness.naam)} ${escape(k.harness.versie)}</dd>
  <dt>Seed testgegevens</dt><dd>${escape(k.seed)}</dd>
  <dt>Selectie</dt><dd>${k.selectie.scenarios.length ? escape(k.selectie.scenarios.join(', ')) : 'alle scenario’s'}${k.selectie.rol ? `, rol ${escape(k.selectie.rol)}` : ''}${k.selectie.deel ? `, deel ${escape(k.selectie.deel)}` : ''}${k.selectie.scenarioMap ? `, uit ${escape(k.selectie.scenarioMap)}` : ''}</dd>
${k.delen ? `  <dt>Samengevoegd uit</dt><dd>${k.delen.map((d) => `${escape(d.map)}${d.deel ? ` (deel ${escape(d.deel)})` : ''}, ${escape(datum(d.datum))}, ${escape(d.uitvoerder)}`).join('<br>')}</dd>\n` : ''}
</dl>
<h2>Eisen</h2>
<table>
<thead><tr><th>Eis</th><th>Omschrijving</th><th>Oordeel</th><th>Getoetst in</th></tr></thead>
<tbody>
${eisen}
</tbody>
</table>
<h2>Runs</h2>
<table>
<thead><tr><th>Scenario</th><th>Rol SUT</th><th>Uitkomst</th><th>Eisen</th><th>Toelichting</th></tr></thead>
<tbody>
${runs}
</tbody>
</table>
${secties.filter(Boolean).join('\n')}
<footer>De details van elke run, met alle berichten, staan in index.html. De map evidence/ bevat het berichtenlog en het
ondertekende manifest; controleer met <code>oso-testbank verify</code> dat niets is gewijzigd.</footer>
</body>
</html>
`;
}
