/**
 * The vendor's view, reached with the client certificate its LAS uses for OSO: the schools whose aanleverpunten it
 * registered with that certificate, each with the same timeline the school sees. For the vendor's support desk, which
 * helps many schools and holds no school links.
 */
import type { School } from '../../simulator/register/register.ts';
import type { GeregistreerdAanleverpunt } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { portaalPagina, type NavLink } from './pagina.ts';

export interface LeverancierGegevens {
  oin: string;
  scholen: readonly { brin: string; school?: School; aanleverpunten: readonly GeregistreerdAanleverpunt[] }[];
  nav: readonly NavLink[];
}

export function leverancierPagina(g: LeverancierGegevens): Html {
  const namen = [...new Set(g.scholen.flatMap((s) => s.aanleverpunten.map((ap) => ap.leverancier)))].sort();
  return portaalPagina({
    titel: `Scholen van ${namen.length ? namen.join(', ') : 'uw certificaat'}`,
    wie: 'Leverancier',
    nav: g.nav,
    inhoud: html`<section aria-labelledby="kop-scholen"><h2 id="kop-scholen">Scholen bij dit certificaat (${g.scholen.length})</h2>
<p>U bent herkend aan het certificaat van uw LAS (OIN <code>${g.oin}</code>). Hieronder staan de scholen waarvoor u met dit certificaat een aanleverpunt hebt geregistreerd; u ziet hun uitwisselingen zoals de school ze ziet.</p>
${
  g.scholen.length
    ? html`<table><thead><tr><th scope="col">School</th><th scope="col">Aanleverpunten</th></tr></thead><tbody>
${g.scholen.map(
  (s) => html`<tr data-brin="${s.brin}"><td><a href="/portaal/leverancier/school/${s.brin}">${s.school?.naam ?? 'Onbekende school'} (${s.brin})</a></td><td>${s.aanleverpunten.map(
    (ap, i) => html`${i ? html`<br>` : ''}<code>${ap.routeringsKenmerk}</code> ${ap.opgeschort ? html`<span class="mislukt">opgeschort door de beheerder</span>` : ap.actief ? html`<span class="gelukt">actief</span>` : html`<span class="mislukt">niet actief</span>`}`,
  )}</td></tr>`,
)}</tbody></table>`
    : html`<p>Met dit certificaat is nog geen aanleverpunt geregistreerd. Registreer de aanleverpunten van uw scholen via de API van de testomgeving.</p>`
}</section>`,
  });
}

export function geenCertificaatPagina(): Html {
  return portaalPagina({
    titel: 'Alleen met het certificaat van uw LAS',
    nav: [{ href: '/portaal', tekst: 'Startpagina van het portaal' }],
    inhoud: html`<section><p>Dit deel van het portaal is voor leveranciers. U opent het met hetzelfde certificaat waarmee uw LAS berichten naar de testomgeving stuurt; uw browser heeft geen (geldig) certificaat aangeboden.</p>
<p>Bent u de administrateur van een school? Gebruik dan de persoonlijke link van uw school.</p></section>`,
  });
}
