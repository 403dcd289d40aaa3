/**
 * The section of samenvatting.html for a qualification against a running serve (qualify --tegen): where the runs
 * took place, and per run links to the exchanges the service stored for it in its admin view.
 */
import { html } from '../web/html.ts';
import { aantal } from '../web/meervoud.ts';

export interface RunBijTestomgeving {
  run: string;
  berichten: readonly number[];
}

export function renderTestomgevingSectie(o: { basis: string; runs: readonly RunBijTestomgeving[]; kwalificatieUrl?: string }): string {
  return html`<section id="testomgeving"><h2>Uitgevoerd tegen de testomgeving</h2>
<p>De runs zijn uitgevoerd tegen de gedeelde testomgeving <a href="${o.basis}/portaal/beheer">${o.basis}</a>: het Traffic Center en de testscholen van die dienst. De berichten van elke run zijn daar opgeslagen; de links openen ze in het beheerdeel (inloggen met het beheertoken).${
    o.kwalificatieUrl ? html` Dit rapport is er ook geregistreerd: <a href="${o.kwalificatieUrl}">${o.kwalificatieUrl}</a>.` : ''
  }</p>
<table><thead><tr><th scope="col">Run</th><th scope="col">Opgeslagen berichten</th></tr></thead><tbody>
${o.runs.map(
  (r) => html`<tr data-run="${r.run}"><td><code>${r.run}</code></td><td>${
    r.berichten.length ? r.berichten.map((id, i) => html`${i ? ', ' : ''}<a href="${o.basis}/portaal/beheer/bericht/${String(id)}">#${String(id)}</a>`) : 'geen'
  }</td></tr>`,
)}</tbody></table>
<p>${aantal(o.runs.reduce((n, r) => n + r.berichten.length, 0), 'bericht', 'berichten')} in de testomgeving.</p></section>`.markup;
}
