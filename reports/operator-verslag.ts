/**
 * What people contributed to a qualification, read from the report's operator folder: the answers given at the operator
 * console (manual adapter) and the attestations (security checklist, eigen verklaring). The summary page shows it as
 * its own section, the Allure environment panel in short; the files themselves are part of the signed evidence.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTESTATIES_BESTAND, type Attestaties } from '../web/operator-console/attestaties.ts';
import { operatorRegel } from '../web/operator-console/antwoord-tekst.ts';
import { eerdereAntwoorden } from '../web/operator-console/bewijs.ts';
import type { Antwoord } from '../web/operator-console/vraag.ts';
import { html, type Html } from '../web/html.ts';

export interface OperatorVerslag {
  /** Every answer of the run, oldest first (the attestations' own prompts included). */
  antwoorden: Antwoord[];
  attestaties?: Attestaties;
}

export async function leesOperatorVerslag(map: string): Promise<OperatorVerslag> {
  const antwoorden = await eerdereAntwoorden(map);
  let attestaties: Attestaties | undefined;
  try {
    attestaties = JSON.parse(await readFile(join(map, ATTESTATIES_BESTAND), 'utf8')) as Attestaties;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return { antwoorden, ...(attestaties ? { attestaties } : {}) };
}

const datumTijd = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'medium' });
const namen = (v: OperatorVerslag) => [...new Set(v.antwoorden.map((a) => a.door))];

function attestatiesSectie(a: Attestaties): Html {
  const verklaring = a.verklaring;
  return html`<h2 id="attestaties">Attestaties</h2>
<p>Wat een kwalificatie niet op de lijn kan zien, verklaard door ${a.voor === 'school' ? 'de school' : 'de leverancier'}.</p>
<table>
<thead><tr><th>Onderdeel</th><th>Verklaring</th><th>Antwoord</th><th>Door, op</th></tr></thead>
<tbody>
${a.checklist.map(
  (c) =>
    html`<tr><td><strong>${c.id}</strong></td><td>${c.tekst}</td><td><span class="status ${c.voldaan ? 'passed' : 'failed'}">${c.voldaan ? 'ja' : 'nee'}</span>${c.opmerking ? html`<br>${c.opmerking}` : ''}</td><td>${c.door}, ${datumTijd(c.beantwoordOp)}</td></tr>\n`,
)}</tbody>
</table>
<h3>Eigen verklaring</h3>
<p id="eigen-verklaring"><span class="status ${verklaring.afgegeven ? 'passed' : 'failed'}">${verklaring.afgegeven ? 'Afgegeven' : 'Niet afgegeven'}</span>
door ${verklaring.naam} namens ${verklaring.organisatie}; vastgelegd door ${verklaring.door} op ${datumTijd(verklaring.beantwoordOp)}.</p>
<blockquote>${verklaring.tekst}</blockquote>
${verklaring.opmerking ? html`<p>Opmerking: ${verklaring.opmerking}</p>` : ''}
${verklaring.ondertekend ? html`<p>Ondertekend exemplaar: ${verklaring.ondertekend.naam} (SHA-256 <code>${verklaring.ondertekend.sha256}</code>, in evidence: operator/${verklaring.ondertekend.pad})</p>` : ''}
`;
}

function operatorTabel(v: OperatorVerslag): Html {
  return html`<h2 id="operator">Operator</h2>
<p>Antwoorden in de operatorconsole door ${namen(v).join(', ')}: ${v.antwoorden.length} in totaal. Elk antwoord staat ook in operator/antwoorden.jsonl.</p>
<table>
<thead><tr><th>Tijd</th><th>Run</th><th>Vraag</th><th>Antwoord</th><th>Door</th></tr></thead>
<tbody>
${v.antwoorden
  .map(operatorRegel)
  .map(
    (r) =>
      html`<tr><td>${datumTijd(r.beantwoordOp)}</td><td>${r.run ?? '—'}</td><td>${r.vraag}</td><td>${r.antwoord}${r.opmerking ? html`<br>Opmerking: ${r.opmerking}` : ''}</td><td>${r.door}</td></tr>\n`,
  )}</tbody>
</table>
`;
}

/** The summary page's section on attestations and the operator (markup); empty when nobody answered anything. */
export function renderOperatorSectie(v: OperatorVerslag): string {
  if (!v.antwoorden.length && !v.attestaties) return '';
  return html`<section id="operator-en-attestaties">
${v.attestaties ? attestatiesSectie(v.attestaties) : ''}${v.antwoorden.length ? operatorTabel(v) : ''}</section>`.markup;
}

/** For the Allure environment panel: who operated, and each attestation in one line. */
export function operatorOmgeving(v: OperatorVerslag): Record<string, string> {
  const props: Record<string, string> = {};
  if (v.antwoorden.length) props['Operator'] = `${namen(v).join(', ')} (${v.antwoorden.length} antwoorden)`;
  const a = v.attestaties;
  if (a) {
    for (const c of a.checklist) props[`Attestatie ${c.id}`] = `${c.voldaan ? 'ja' : 'nee'}${c.opmerking ? ` — ${c.opmerking}` : ''} (${c.door}, ${c.beantwoordOp})`;
    props['Eigen verklaring'] = `${a.verklaring.afgegeven ? 'afgegeven' : 'niet afgegeven'} door ${a.verklaring.naam} namens ${a.verklaring.organisatie} (${a.verklaring.door}, ${a.verklaring.beantwoordOp})`;
  }
  return props;
}
