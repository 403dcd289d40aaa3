/**
 * The fixed synthetic test pupils and what a school does with them, in both directions: as bron (klaarzetten for 99BB in
 * the school's own LAS, then the button that lets 99BB request the dossier) and as doel (request from 99AA in the LAS).
 * The button is a plain form post: no script.
 */
import { Html, html } from '../html.ts';
import { datum, foutmelding, portaalPagina, type NavLink } from './pagina.ts';

/** A published test pupil: the fields of the hosted testscholen's list of pupils that the page shows. */
export interface PortaalTestleerling {
  naam: string;
  pgn: string;
  pgnSoort: 'bsn' | 'onderwijsnummer';
  /** YYYY-MM-DD */
  geboortedatum: string;
  /** What a school tries with this pupil, for a school administrator. */
  omschrijving: string;
  /** Not klaargezet by the delivering testschool until the school asks for it with a notificatie. */
  wachtOpKlaarzetten?: boolean;
  /** The testschool that has the dossier klaargezet, when not the delivering one (a VO pupil at 99BB). */
  bronTestschool?: string;
}

export interface PortaalAdressen {
  /** Public URL of the Traffic Center. */
  trafficCenter: string;
  /** The testscholen the school exchanges with, with the URL of their aanleverpunt. */
  testscholen: readonly { brin: string; naam: string; url: string }[];
}

export interface TestleerlingenGegevens {
  brin: string;
  schoolNaam: string;
  leerlingen: readonly PortaalTestleerling[];
  adressen: PortaalAdressen;
  /** Where the opvragen form posts. */
  opvragenActie: string;
  /** Where the notificatie form posts (the delivering testschool klaarzet a waiting pupil and notifies the school). */
  notificerenActie: string;
  /** The testschool that requests (99BB) and the one that delivers (99AA). */
  vrager: string;
  leverancier: string;
  nav: readonly NavLink[];
  wie: string;
  /** The form as it was filled in, with what was wrong, after a refused post. */
  formulier?: { pgn?: string; geboortedatum?: string; fout?: string };
  /** What became of a notificatie the school asked for, in sentences. */
  notificatie?: { gelukt: boolean; zinnen: readonly string[] };
}

const pgnSoort = (s: PortaalTestleerling['pgnSoort']) => (s === 'bsn' ? 'BSN' : 'onderwijsnummer');

export function testleerlingenPagina(g: TestleerlingenGegevens): Html {
  // Pupils another testschool has klaargezet: a school asks that one for them.
  const elders = g.leerlingen.filter((l) => l.bronTestschool !== undefined && l.bronTestschool !== g.leverancier);
  const f = g.formulier ?? {};
  return portaalPagina({
    titel: 'Testleerlingen en de testuitwisseling',
    wie: g.wie,
    nav: g.nav,
    inhoud: html`${foutmelding(f.fout)}${notificatieUitkomst(g.notificatie)}
<section aria-labelledby="kop-leerlingen"><h2 id="kop-leerlingen">De testleerlingen</h2>
<p>Gebruik in de testomgeving alleen deze leerlingen. Ze zijn verzonnen: de namen, adressen en nummers horen bij niemand. Neem ze over in de testomgeving van uw LAS, met precies dit nummer en deze geboortedatum.</p>
<table><thead><tr><th scope="col">Naam</th><th scope="col">BSN of onderwijsnummer</th><th scope="col">Geboortedatum</th><th scope="col">Wat deze leerling test</th><th scope="col" class="niet-afdrukken">Uw school als huidige school</th></tr></thead><tbody>
${g.leerlingen.map(
  (l) => html`<tr data-pgn="${l.pgn}"><td>${l.naam}</td><td>${l.pgn}<br><span class="klein">${pgnSoort(l.pgnSoort)}</span></td><td>${datum(l.geboortedatum)}</td><td>${l.omschrijving}</td>
<td class="niet-afdrukken"><form method="post" action="${g.opvragenActie}"><input type="hidden" name="pgn" value="${l.pgn}"><input type="hidden" name="geboortedatum" value="${l.geboortedatum}"><button class="tweede" aria-label="Laat de testschool het dossier van ${l.naam} opvragen">Laat ${g.vrager} opvragen</button></form></td></tr>`,
)}</tbody></table></section>
<section id="als-bron" aria-labelledby="kop-bron"><h2 id="kop-bron">Uw school als huidige school: testschool ${g.vrager} vraagt het dossier op</h2>
<ol>
<li>Zet in uw LAS het overstapdossier van een testleerling klaar voor BRIN <strong>${g.vrager}</strong> (de nieuwe school), zoals u dat voor een echte leerling doet.</li>
<li>Druk hieronder (of in de tabel hierboven) op de knop. Testschool ${g.vrager} vraagt het dossier dan via de Overstapservice op bij uw school, precies zoals een echte nieuwe school dat doet.</li>
<li>U komt op de pagina van die uitwisseling: daar ziet u het dossier zoals het aankwam en wat er eventueel aan mankeert.</li>
</ol>
<form method="post" action="${g.opvragenActie}" aria-labelledby="kop-opvragen"><h3 id="kop-opvragen">Laat de testschool het dossier opvragen</h3>
<p class="klein">Het dossier wordt opgevraagd bij uw school, ${g.schoolNaam}.</p>
<label for="veld-pgn">BSN of onderwijsnummer van de leerling</label>
<input type="text" id="veld-pgn" name="pgn" value="${f.pgn ?? ''}" required inputmode="numeric" pattern="[0-9]{9}" maxlength="9" autocomplete="off" aria-describedby="uitleg-pgn">
<p class="klein" id="uitleg-pgn">Negen cijfers, zoals in de tabel hierboven.</p>
<label for="veld-geboortedatum">Geboortedatum van de leerling</label>
<input type="date" id="veld-geboortedatum" name="geboortedatum" value="${f.geboortedatum ?? ''}" required>
<div><button>Laat de testschool het dossier opvragen</button></div>
</form></section>
<section id="als-doel" aria-labelledby="kop-doel"><h2 id="kop-doel">Uw school als nieuwe school: u vraagt een dossier op bij testschool ${g.leverancier}</h2>
<ol>
<li>Testschool ${g.leverancier} heeft voor elke testleerling hierboven een dossier klaargezet voor uw school${g.leerlingen.some((l) => l.wachtOpKlaarzetten) ? ', behalve voor de leerlingen onder “Notificatie testen” hieronder' : ''}${elders.length ? html`${g.leerlingen.some((l) => l.wachtOpKlaarzetten) ? ' en' : ', behalve'} voor ${elders.map((l) => l.naam).join(' en ')}` : ''}.</li>
<li>Vraag in uw LAS het dossier op van een testleerling, met BRIN <strong>${g.leverancier}</strong> als huidige school, het BSN of onderwijsnummer en de geboortedatum uit de tabel.</li>
${elders.map(
  (l) =>
    html`<li data-bron-testschool="${l.bronTestschool ?? ''}">Is uw school een VO-school, test dan ook de overstap van VO naar VO: het dossier van ${l.naam} heeft testschool <strong>${l.bronTestschool ?? ''}</strong> (VO) klaargezet. Vraag het in uw LAS op met BRIN <strong>${l.bronTestschool ?? ''}</strong> als huidige school; uw LAS krijgt een VOVO-dossier.</li>`,
)}
<li>Het dossier komt binnen in uw LAS. In dit portaal ziet u het bericht en het dossier dat de testschool leverde onder <em>Uitwisselingen</em>.</li>
</ol>
${notificatieFormulieren(g)}</section>
<section aria-labelledby="kop-adressen"><h2 id="kop-adressen">Adressen voor uw leverancier</h2>
<p>Deze adressen heeft uw LAS-leverancier nodig om de testomgeving aan te sluiten; u hoeft er zelf niets mee.</p>
<dl class="gegevens"><dt>Traffic Center</dt><dd><code>${g.adressen.trafficCenter}</code></dd>
${g.adressen.testscholen.map((t) => html`<dt>Aanleverpunt ${t.naam} (${t.brin})</dt><dd><code>${t.url}</code></dd>`)}</dl></section>`,
  });
}

/** The pupils that wait: the school tests that its LAS receives a notificatie and then requests the dossier again. */
function notificatieFormulieren(g: TestleerlingenGegevens): Html | string {
  const wachtend = g.leerlingen.filter((l) => l.wachtOpKlaarzetten);
  if (!wachtend.length) return '';
  return html`<h3 id="kop-notificatie">Notificatie testen</h3>
<p>Voor ${wachtend.map((l) => l.naam).join(' en ')} krijgt uw LAS bij testschool ${g.leverancier} eerst geen dossier: het staat nog niet klaar, of het staat klaar in de gegevensset van vorig jaar. Zo test u of uw LAS daar goed mee omgaat en een notificatie goed ontvangt:</p>
<ol>
<li>Vraag het dossier op in uw LAS, zoals hierboven. Uw LAS krijgt het antwoord dat het dossier nog niet klaarstaat (DossierNietKlaargezet) of in een oudere gegevensset staat (DossierVersieOnjuist).</li>
<li>Druk op de knop hieronder. Testschool ${g.leverancier} zet het dossier dan klaar voor uw school en stuurt uw LAS via de Overstapservice een notificatie.</li>
<li>Kijk in uw LAS of de notificatie is binnengekomen, en vraag het dossier opnieuw op: nu wordt het geleverd.</li>
</ol>
${wachtend.map(
  (l) => html`<form method="post" action="${g.notificerenActie}"><input type="hidden" name="pgn" value="${l.pgn}"><button aria-label="Laat testschool ${g.leverancier} het dossier van ${l.naam} klaarzetten en uw school een notificatie sturen">Zet het dossier van ${l.naam} klaar en stuur een notificatie</button></form>`,
)}`;
}

function notificatieUitkomst(n: TestleerlingenGegevens['notificatie']): Html | string {
  if (!n) return '';
  return html`<section class="${n.gelukt ? 'melding' : 'fout'}" role="${n.gelukt ? 'status' : 'alert'}" id="notificatie-uitkomst">${n.zinnen.map((z) => html`<p>${z}</p>`)}</section>`;
}
