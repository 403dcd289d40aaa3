/**
 * One message of a school's timeline: who sent what to whom, the result with its meaning, and the request and answer as
 * exchanged, for the school's vendor to compare with the LAS's own log. Long bodies (a dossier with attachments runs to
 * megabytes) are cut for the page.
 */
import type { OpgeslagenBericht } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { berichtsoort, uitkomstUitleg } from './berichtsoort.ts';
import { portaalPagina, tijdstip, type NavLink } from './pagina.ts';

/** Characters of a request or answer shown in the page. */
export const MAX_TEKENS_IN_PAGINA = 20_000;

export interface BerichtGegevens {
  bericht: OpgeslagenBericht;
  terugHref: string;
  nav: readonly NavLink[];
  wie: string;
}

function inhoud(titel: string, id: string, tekst: string | undefined): Html {
  if (!tekst) return html`<h3 id="${id}">${titel}</h3><p>Geen.</p>`;
  const ingekort = tekst.length > MAX_TEKENS_IN_PAGINA;
  return html`<h3 id="${id}">${titel}</h3>${ingekort ? html`<p class="klein">Ingekort: de eerste ${MAX_TEKENS_IN_PAGINA.toLocaleString('nl-NL')} van ${tekst.length.toLocaleString('nl-NL')} tekens.</p>` : ''}
<pre aria-labelledby="${id}">${ingekort ? tekst.slice(0, MAX_TEKENS_IN_PAGINA) : tekst}</pre>`;
}

export function berichtPagina(g: BerichtGegevens): Html {
  const b = g.bericht;
  const u = uitkomstUitleg(b.uitkomst);
  return portaalPagina({
    titel: `Bericht ${b.id}: ${berichtsoort(b.operation)}`,
    wie: g.wie,
    nav: g.nav,
    inhoud: html`<p class="niet-afdrukken"><a href="${g.terugHref}">← Terug naar alle uitwisselingen</a></p>
<section aria-labelledby="kop-bericht"><h2 id="kop-bericht">Wat er gebeurde</h2>
<dl class="gegevens">
<dt>Tijd</dt><dd>${tijdstip(b.startedAt)} (${b.durationMs} ms)</dd>
<dt>Soort bericht</dt><dd>${berichtsoort(b.operation)} <span class="klein">(${b.operation})</span></dd>
<dt>Van</dt><dd>${b.van}</dd>
<dt>Naar</dt><dd>${b.naar} <span class="klein">(<code>${b.url}</code>)</span></dd>
${b.sessieId ? html`<dt>Sessie</dt><dd><code>${b.sessieId}</code></dd>` : ''}
<dt>Resultaat</dt><dd><span class="${u.gelukt ? 'gelukt' : 'mislukt'}" id="resultaat">${u.code}</span>: ${u.betekenis}${b.httpStatus ? html` <span class="klein">(HTTP ${b.httpStatus})</span>` : ''}</dd>
${b.tls ? html`<dt>Beveiligde verbinding</dt><dd>${b.tls.protocol}, ${b.tls.cipher}</dd>` : ''}
</dl></section>
<section aria-labelledby="kop-inhoud"><h2 id="kop-inhoud">Het bericht zoals het is verstuurd</h2>
<p class="klein">Voor uw LAS-leverancier: hiermee kan hij het bericht vergelijken met het logboek van uw LAS.</p>
${inhoud('Verzoek', 'verzoek', b.request)}${inhoud('Antwoord', 'antwoord', b.response)}</section>`,
  });
}
