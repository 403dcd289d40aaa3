/**
 * One uitwisseling with a testschool: what happened, every finding of the validator explained for a school administrator
 * (rule id, what is wrong, the likely cause, what to do in the LAS), and the dossier itself as the printable dossier
 * (simulator/dossier/afdruk.ts), shown in the page and on a page of its own for printing.
 */
import { renderDossierAfdruk } from '../../simulator/dossier/afdruk.ts';
import type { TestschoolUitwisseling } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { aantal } from '../meervoud.ts';
import { portaalPagina, tijdstip, type NavLink } from './pagina.ts';
import { plaatsInWoorden, regelUitleg } from './regel-uitleg.ts';
import { richtingVan, statusVan } from './tijdlijn.ts';

export interface UitwisselingGegevens {
  uitwisseling: TestschoolUitwisseling;
  schoolNaam: string;
  /** The printable dossier on a page of its own. */
  afdrukHref: string;
  terugHref: string;
  nav: readonly NavLink[];
  wie: string;
  deSchool?: string;
}

function bevindingBlok(b: TestschoolUitwisseling['bevindingen'][number], nummer: number): Html {
  const uitleg = regelUitleg(b.regel);
  return html`<article class="bevinding${b.ernst === 'waarschuwing' ? ' waarschuwing' : ''}" data-regel="${b.regel}" aria-labelledby="bevinding-${nummer}">
<h3 id="bevinding-${nummer}">${b.ernst === 'fout' ? 'Fout' : 'Waarschuwing'} ${nummer}: regel <code>${b.regel}</code></h3>
<p><strong>Wat is er mis:</strong> <span class="melding-tekst">${b.melding}</span></p>
${b.pad ? html`<p><strong>Waar in het dossier:</strong> ${plaatsInWoorden(b.pad)} <span class="klein">(<code>${b.pad}</code>)</span></p>` : ''}
<p><strong>Wat de regel vraagt:</strong> ${uitleg.eis}</p>
<p><strong>Waarschijnlijke oorzaak:</strong> ${uitleg.oorzaak}</p>
<p><strong>Wat te doen in uw LAS:</strong> ${uitleg.doen}</p>
</article>`;
}

/**
 * The printable dossier inside the portal page: the afdruk's body, with its headings moved below the page's own (the
 * page keeps one h1). The afdruk escapes every value it prints, so its markup is taken as it is.
 */
export function dossierInPagina(xml: string): Html {
  let afdruk: string;
  try {
    afdruk = renderDossierAfdruk(xml, 'Overstapdossier');
  } catch {
    return html`<p>Het ontvangen bestand is geen leesbaar dossier en kan daarom niet als afdruk worden getoond. De bevindingen hierboven zeggen waarom.</p>`;
  }
  const body = /<body>([\s\S]*)<\/body>/.exec(afdruk)?.[1] ?? '';
  return new Html(body.replace(/<(\/?)h2>/g, '<$1h4>').replace(/<(\/?)h1>/g, '<$1h3>'));
}

export function uitwisselingPagina(g: UitwisselingGegevens): Html {
  const u = g.uitwisseling;
  const s = statusVan(u);
  const fouten = u.bevindingen.filter((b) => b.ernst === 'fout').length;
  return portaalPagina({
    titel: `Uitwisseling ${u.id}: ${richtingVan(u, g.deSchool)}`,
    wie: g.wie,
    nav: g.nav,
    inhoud: html`<p class="niet-afdrukken"><a href="${g.terugHref}">← Terug naar alle uitwisselingen</a></p>
<section aria-labelledby="kop-verloop"><h2 id="kop-verloop">Wat er gebeurde</h2>
<dl class="gegevens">
<dt>Tijd</dt><dd>${tijdstip(u.op)}</dd>
<dt>School</dt><dd>${g.schoolNaam}</dd>
<dt>Testschool</dt><dd>${u.testschoolBrin}</dd>
<dt>Leerling (BSN of onderwijsnummer)</dt><dd>${u.pgn}</dd>
${u.sessieId ? html`<dt>Sessie</dt><dd><code>${u.sessieId}</code></dd>` : ''}
<dt>Uitkomst</dt><dd class="${s.gelukt ? 'gelukt' : 'mislukt'}" id="status">${s.tekst}</dd>
${u.reden ? html`<dt>Reden</dt><dd id="reden">${u.reden}</dd>` : ''}
${u.bijlagen?.length ? html`<dt>Bijlagen</dt><dd>${aantal(u.bijlagen.length, 'bijlage', 'bijlagen')}: ${u.bijlagen.map((b, i) => html`${i ? ', ' : ''}${b.bestandsnaam}`)}</dd>` : ''}
</dl></section>
<section id="bevindingen" aria-labelledby="kop-bevindingen"><h2 id="kop-bevindingen">Bevindingen (${u.bevindingen.length})</h2>
${
  u.bevindingen.length
    ? html`<p>De testschool heeft het dossier gecontroleerd met de regels van de gegevensset. ${
        fouten
          ? `Er ${fouten === 1 ? 'is' : 'zijn'} ${aantal(fouten, 'fout', 'fouten')} gevonden: een nieuwe school kan zo'n dossier weigeren.`
          : 'Er zijn alleen waarschuwingen: het dossier wordt geaccepteerd, maar kijk ze na.'
      } Per bevinding staat wat er mis is, de waarschijnlijke oorzaak en wat u in uw LAS kunt doen.</p>
${u.bevindingen.map((b, i) => bevindingBlok(b, i + 1))}`
    : u.xml
      ? html`<p class="gelukt">Het dossier voldoet aan alle regels van de gegevensset.</p>`
      : html`<p>Er is geen dossier ontvangen, dus er is niets gecontroleerd.${u.reden ? ' De reden staat hierboven.' : ''}</p>`
}</section>
${
  u.xml
    ? html`<section id="dossier" class="afdruk" aria-labelledby="kop-dossier"><h2 id="kop-dossier">Het dossier</h2>
<p class="niet-afdrukken"><a href="${g.afdrukHref}">Open het dossier als afdruk op een eigen pagina</a> (om te printen of als PDF op te slaan).</p>
${dossierInPagina(u.xml)}</section>`
    : ''
}`,
  });
}
