/**
 * One school's part of the portal: its messages (newest first, each with its time, what kind of message in plain words,
 * and the result code with its meaning) and what the testscholen did with its dossiers. The same page serves the school
 * (through its link) and the admin (who looks at any school); only the links differ.
 */
import type { School } from '../../simulator/register/register.ts';
import type { GeregistreerdAanleverpunt, OpgeslagenBericht, TestschoolUitwisseling } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { aantal } from '../meervoud.ts';
import { berichtsoort, uitkomstUitleg } from './berichtsoort.ts';
import { melding, portaalPagina, tijdstip, type NavLink } from './pagina.ts';

export interface TijdlijnGegevens {
  brin: string;
  school?: School;
  /** Newest first. */
  berichten: readonly OpgeslagenBericht[];
  /** Newest first. */
  uitwisselingen: readonly TestschoolUitwisseling[];
  /** The school's registered aanleverpunten: whether the TC can reach the school at all. */
  aanleverpunten: readonly GeregistreerdAanleverpunt[];
  /** The link of an uitwisseling's page. */
  uitwisselingHref(id: number): string;
  /** The link of a message's page. */
  berichtHref(id: number): string;
  nav: readonly NavLink[];
  wie: string;
  /** Shown when the list was cut at this many items. */
  limiet?: number;
  melding?: string;
  /** What the admin sees above the school's timeline (a link back); a school sees its own start text. */
  inleiding?: Html;
  /** "uw school" for the school itself, "de school" for the admin. */
  deSchool?: string;
}

export const schoolNaam = (brin: string, school?: School) => (school ? `${school.naam} (${brin})` : `BRIN ${brin}`);

const statussen: Record<TestschoolUitwisseling['status'], { tekst: string; gelukt: boolean }> = {
  opgeslagen: { tekst: 'Dossier ontvangen en goedgekeurd door de testschool', gelukt: true },
  geweigerd: { tekst: 'Dossier ontvangen, maar geweigerd door de testschool', gelukt: false },
  mislukt: { tekst: 'Mislukt: er is geen dossier ontvangen', gelukt: false },
  geleverd: { tekst: 'Dossier geleverd door de testschool', gelukt: true },
};

export function statusVan(u: TestschoolUitwisseling): { tekst: string; gelukt: boolean } {
  return statussen[u.status] ?? { tekst: u.status, gelukt: false };
}

/** Who asked whom, from the school's side ("uw school") or the admin's ("de school"). */
export function richtingVan(u: TestschoolUitwisseling, deSchool = 'uw school'): string {
  return u.richting === 'school-als-bron'
    ? `Testschool ${u.testschoolBrin} vroeg een dossier op bij ${deSchool}`
    : `${deSchool.charAt(0).toUpperCase()}${deSchool.slice(1)} vroeg een dossier op bij testschool ${u.testschoolBrin}`;
}

function bevindingenTelling(u: TestschoolUitwisseling): string {
  const fouten = u.bevindingen.filter((b) => b.ernst === 'fout').length;
  const waarschuwingen = u.bevindingen.length - fouten;
  if (!u.bevindingen.length) return u.xml ? 'geen bevindingen' : '—';
  return [fouten ? aantal(fouten, 'fout', 'fouten') : '', waarschuwingen ? aantal(waarschuwingen, 'waarschuwing', 'waarschuwingen') : ''].filter(Boolean).join(' en ');
}

export function uitwisselingenTabel(uitwisselingen: readonly TestschoolUitwisseling[], href: (id: number) => string, deSchool = 'uw school'): Html {
  if (!uitwisselingen.length)
    return html`<p>Er zijn nog geen uitwisselingen met de testscholen. Zodra een testschool een dossier bij uw school opvraagt, of uw school er een opvraagt, verschijnt dat hier.</p>`;
  return html`<table><caption class="klein">Nieuwste bovenaan</caption><thead><tr><th scope="col">Tijd</th><th scope="col">Wat</th><th scope="col">Leerling (BSN of onderwijsnummer)</th><th scope="col">Uitkomst</th><th scope="col">Bevindingen</th></tr></thead><tbody>
${uitwisselingen.map((u) => {
  const s = statusVan(u);
  return html`<tr data-uitwisseling="${u.id}"><td>${tijdstip(u.op)}</td><td><a href="${href(u.id)}">${richtingVan(u, deSchool)}</a></td><td>${u.pgn}</td><td class="${s.gelukt ? 'gelukt' : 'mislukt'}">${s.tekst}</td><td>${bevindingenTelling(u)}</td></tr>`;
})}</tbody></table>`;
}

export function berichtenTabel(berichten: readonly OpgeslagenBericht[], href: (id: number) => string): Html {
  if (!berichten.length) return html`<p>Er zijn nog geen berichten van of voor deze school uitgewisseld.</p>`;
  return html`<table><caption class="klein">Nieuwste bovenaan</caption><thead><tr><th scope="col">Tijd</th><th scope="col">Bericht</th><th scope="col">Van → naar</th><th scope="col">Resultaat</th></tr></thead><tbody>
${berichten.map((b) => {
  const u = uitkomstUitleg(b.uitkomst);
  return html`<tr data-bericht="${b.id}"><td>${tijdstip(b.startedAt)}</td><td><a href="${href(b.id)}">${berichtsoort(b.operation)}</a><br><span class="klein">${b.operation}</span></td><td>${b.van} → ${b.naar}</td><td><span class="${u.gelukt ? 'gelukt' : 'mislukt'}">${u.code}</span><br>${u.betekenis}</td></tr>`;
})}</tbody></table>`;
}

function aansluiting(aps: readonly GeregistreerdAanleverpunt[]): Html {
  if (!aps.length)
    return html`<p class="mislukt">Er is nog geen aanleverpunt geregistreerd. Zonder aanleverpunt kan geen school een dossier bij u opvragen. Uw LAS-leverancier registreert het.</p>`;
  return html`<ul>${aps.map(
    (ap) => html`<li data-ap="${ap.routeringsKenmerk}">Aanleverpunt <code>${ap.routeringsKenmerk}</code> van ${ap.leverancier}: ${
      ap.opgeschort
        ? html`<span class="mislukt">opgeschort door de beheerder</span>. Het Traffic Center stuurt er niets heen; neem contact op met de beheerder van de testomgeving.`
        : ap.actief
          ? html`<span class="gelukt">actief</span>`
          : html`<span class="mislukt">niet actief</span>. Uw LAS-leverancier kan het weer actief maken.`
    }</li>`,
  )}</ul>`;
}

export function tijdlijnPagina(g: TijdlijnGegevens): Html {
  const afgekapt = (n: number) => (g.limiet !== undefined && n >= g.limiet ? html`<p class="klein">Alleen de nieuwste ${g.limiet} worden getoond.</p>` : '');
  return portaalPagina({
    titel: `Uitwisselingen van ${schoolNaam(g.brin, g.school)}`,
    wie: g.wie,
    nav: g.nav,
    inhoud: html`${melding(g.melding)}${g.inleiding ?? ''}
<section id="aansluiting" aria-labelledby="kop-aansluiting"><h2 id="kop-aansluiting">Aansluiting op de testomgeving</h2>${aansluiting(g.aanleverpunten)}</section>
<section id="uitwisselingen" aria-labelledby="kop-uitwisselingen"><h2 id="kop-uitwisselingen">Dossiers uitgewisseld met de testscholen (${g.uitwisselingen.length})</h2>
<p class="klein">Klik op een uitwisseling om het dossier te zien en wat de testschool ervan vond.</p>
${uitwisselingenTabel(g.uitwisselingen, g.uitwisselingHref, g.deSchool)}${afgekapt(g.uitwisselingen.length)}</section>
<section id="berichten" aria-labelledby="kop-berichten"><h2 id="kop-berichten">Alle berichten (${g.berichten.length})</h2>
<p class="klein">Elk bericht dat het Traffic Center of een testschool van of voor uw school ontving, met het resultaat. De code achter het resultaat helpt uw leverancier het bericht terug te vinden in het logboek van uw LAS.</p>
${berichtenTabel(g.berichten, g.berichtHref)}${afgekapt(g.berichten.length)}</section>`,
  });
}
