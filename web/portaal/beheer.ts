/**
 * The admin's part of the portal (Kennisnet): log in with the admin token, every registered aanleverpunt with its vendor
 * and the actions suspend/resume/remove, the schools with their timelines and the school links, the qualification
 * reports, and the register's audit trail. Every action is a form post carrying the CSRF token.
 */
import type { School } from '../../simulator/register/register.ts';
import type { AuditRegel, GeregistreerdAanleverpunt, OpgeslagenKwalificatie } from '../../store/store.ts';
import { Html, html } from '../html.ts';
import { aantal } from '../meervoud.ts';
import { kwalificatiesSectie } from './kwalificaties.ts';
import { foutmelding, melding, portaalPagina, tijdstip, type NavLink } from './pagina.ts';

export const beheerNav = (huidig?: 'overzicht'): NavLink[] => [
  { href: '/portaal/beheer', tekst: 'Overzicht', huidig: huidig === 'overzicht' },
  { href: '/portaal', tekst: 'Startpagina van het portaal' },
];

export function inlogPagina(fout?: string): Html {
  return portaalPagina({
    titel: 'Inloggen voor beheer',
    wie: 'Beheer (Kennisnet)',
    nav: [{ href: '/portaal', tekst: 'Startpagina van het portaal' }],
    inhoud: html`${foutmelding(fout)}<section><p>Dit deel is voor de beheerders van de testomgeving. Log in met het beheertoken van deze installatie.</p>
<form method="post" action="/portaal/beheer/inloggen"><label for="veld-token">Beheertoken</label>
<input type="password" id="veld-token" name="token" required autocomplete="current-password" maxlength="512">
<div><button>Inloggen</button></div></form></section>`,
  });
}

const csrfVeld = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;

export interface BeheerGegevens {
  aanleverpunten: readonly GeregistreerdAanleverpunt[];
  scholen: readonly School[];
  audit: readonly AuditRegel[];
  /** The qualification reports registered by qualify --tegen. */
  kwalificaties: readonly OpgeslagenKwalificatie[];
  csrf: string;
  melding?: string;
  fout?: string;
}

/** The register audits schools and aanleverpunten with the same verbs; the subject ("school 97AA", "aanleverpunt rk-1") says which. */
const auditActies: Record<AuditRegel['actie'], string> = {
  geregistreerd: 'geregistreerd',
  gewijzigd: 'gewijzigd',
  opgeschort: 'opgeschort',
  hersteld: 'hersteld',
  verwijderd: 'verwijderd',
  'toegang-uitgegeven': 'link voor de school uitgegeven',
  'toegang-ingetrokken': 'links van de school ingetrokken',
};

function apStatus(ap: GeregistreerdAanleverpunt): Html {
  if (ap.opgeschort) return html`<span class="mislukt">Opgeschort</span>`;
  return ap.actief ? html`<span class="gelukt">Actief</span>` : html`<span class="mislukt">Niet actief (door de leverancier)</span>`;
}

function aanleverpuntenTabel(aps: readonly GeregistreerdAanleverpunt[], scholen: ReadonlyMap<string, School>, csrf: string): Html {
  if (!aps.length) return html`<p>Er zijn nog geen aanleverpunten geregistreerd. Een leverancier registreert ze met zijn certificaat via de API.</p>`;
  return html`<table><thead><tr><th scope="col">Aanleverpunt</th><th scope="col">School</th><th scope="col">Leverancier</th><th scope="col">Adres</th><th scope="col">Status</th><th scope="col">Acties</th></tr></thead><tbody>
${aps.map(
  (ap) => html`<tr data-ap="${ap.routeringsKenmerk}"><td><code>${ap.routeringsKenmerk}</code></td><td>${scholen.get(ap.brin)?.naam ?? ''} (${ap.brin})</td><td>${ap.leverancier}<br><span class="klein">OIN ${ap.eigenaarOin}</span></td><td><code>${ap.url}</code><br><span class="klein">geregistreerd ${tijdstip(ap.geregistreerdOp)}</span></td><td>${apStatus(ap)}</td>
<td><form class="inline" method="post" action="/portaal/beheer/aanleverpunt/${ap.opgeschort ? 'herstellen' : 'opschorten'}">${csrfVeld(csrf)}<input type="hidden" name="routeringsKenmerk" value="${ap.routeringsKenmerk}"><button class="tweede" aria-label="${ap.opgeschort ? 'Herstel' : 'Schort op'}: aanleverpunt ${ap.routeringsKenmerk}">${ap.opgeschort ? 'Herstellen' : 'Opschorten'}</button></form>
<form class="inline" method="post" action="/portaal/beheer/aanleverpunt/verwijderen">${csrfVeld(csrf)}<input type="hidden" name="routeringsKenmerk" value="${ap.routeringsKenmerk}"><button class="gevaar" aria-label="Verwijder aanleverpunt ${ap.routeringsKenmerk}">Verwijderen</button></form></td></tr>`,
)}</tbody></table>`;
}

/** Vendors as the register knows them: by the name and certificate (OIN) they registered their aanleverpunten with. */
function leveranciersTabel(aps: readonly GeregistreerdAanleverpunt[], scholen: ReadonlyMap<string, School>): Html {
  const perLeverancier = new Map<string, { naam: string; oin: string; aps: GeregistreerdAanleverpunt[] }>();
  for (const ap of aps) {
    const sleutel = `${ap.leverancier}\n${ap.eigenaarOin}`;
    const l = perLeverancier.get(sleutel) ?? { naam: ap.leverancier, oin: ap.eigenaarOin, aps: [] };
    l.aps.push(ap);
    perLeverancier.set(sleutel, l);
  }
  if (!perLeverancier.size) return html`<p>Er heeft zich nog geen leverancier aangemeld.</p>`;
  return html`<table><thead><tr><th scope="col">Leverancier</th><th scope="col">Certificaat (OIN)</th><th scope="col">Scholen</th><th scope="col">Opgeschort</th></tr></thead><tbody>
${[...perLeverancier.values()]
  .sort((a, b) => a.naam.localeCompare(b.naam))
  .map((l) => {
    const brins = [...new Set(l.aps.map((ap) => ap.brin))].sort();
    const opgeschort = l.aps.filter((ap) => ap.opgeschort).length;
    return html`<tr data-leverancier="${l.naam}"><td>${l.naam}</td><td><code>${l.oin}</code></td><td>${brins.map((b, i) => html`${i ? ', ' : ''}<a href="/portaal/beheer/school/${b}">${scholen.get(b)?.naam ?? b} (${b})</a>`)}</td><td>${opgeschort ? aantal(opgeschort, 'aanleverpunt', 'aanleverpunten') : 'geen'}</td></tr>`;
  })}</tbody></table>`;
}

function scholenTabel(scholen: readonly School[], csrf: string): Html {
  if (!scholen.length) return html`<p>Er zijn nog geen scholen bekend.</p>`;
  return html`<table><thead><tr><th scope="col">School</th><th scope="col">Soort</th><th scope="col">Uitwisselingen</th><th scope="col">Link voor de school</th></tr></thead><tbody>
${scholen.map(
  (s) => html`<tr data-brin="${s.brin}"><td>${s.naam} (${s.brin})</td><td>${s.sector}</td><td><a href="/portaal/beheer/school/${s.brin}">Tijdlijn bekijken</a></td>
<td><form method="post" action="/portaal/beheer/toegang/uitgeven">${csrfVeld(csrf)}<input type="hidden" name="brin" value="${s.brin}">
<label for="omschrijving-${s.brin}">Voor wie (bijvoorbeeld naam van de administrateur)</label><input type="text" id="omschrijving-${s.brin}" name="omschrijving" maxlength="200" required>
<div><button>Link uitgeven</button></div></form>
<form method="post" action="/portaal/beheer/toegang/intrekken">${csrfVeld(csrf)}<input type="hidden" name="brin" value="${s.brin}"><button class="gevaar" aria-label="Trek alle links van ${s.naam} (${s.brin}) in">Alle links intrekken</button></form></td></tr>`,
)}</tbody></table>`;
}

function auditTabel(audit: readonly AuditRegel[]): Html {
  if (!audit.length) return html`<p>Nog geen wijzigingen.</p>`;
  return html`<table><caption class="klein">Nieuwste bovenaan</caption><thead><tr><th scope="col">Tijd</th><th scope="col">Door</th><th scope="col">Onderwerp</th><th scope="col">Wat</th></tr></thead><tbody>
${audit.map((a) => html`<tr><td>${tijdstip(a.op)}</td><td>${a.door}</td><td><code>${a.onderwerp}</code></td><td>${auditActies[a.actie] ?? a.actie}</td></tr>`)}</tbody></table>`;
}

export function beheerPagina(g: BeheerGegevens): Html {
  const scholen = new Map(g.scholen.map((s) => [s.brin, s]));
  const leveranciers = new Set(g.aanleverpunten.map((ap) => `${ap.leverancier}\n${ap.eigenaarOin}`));
  return portaalPagina({
    titel: 'Beheer van de testomgeving',
    wie: 'Beheer (Kennisnet)',
    nav: beheerNav('overzicht'),
    inhoud: html`${melding(g.melding)}${foutmelding(g.fout)}
<form method="post" action="/portaal/beheer/uitloggen" class="niet-afdrukken">${csrfVeld(g.csrf)}<button class="tweede">Uitloggen</button></form>
<section id="leveranciers" aria-labelledby="kop-leveranciers"><h2 id="kop-leveranciers">Leveranciers (${leveranciers.size})</h2>
${leveranciersTabel(g.aanleverpunten, scholen)}</section>
<section id="aanleverpunten" aria-labelledby="kop-aps"><h2 id="kop-aps">Aanleverpunten (${g.aanleverpunten.length})</h2>
<p>Een opgeschort aanleverpunt behandelt het Traffic Center als niet actief, tot u het herstelt.</p>
${aanleverpuntenTabel(g.aanleverpunten, scholen, g.csrf)}</section>
<section id="scholen" aria-labelledby="kop-scholen"><h2 id="kop-scholen">Scholen (${g.scholen.length})</h2>
<p>Een school bekijkt haar eigen uitwisselingen via een persoonlijke link. De link wordt één keer getoond; bewaard wordt alleen een controlegetal. Een nieuwe link maakt eerdere links niet ongeldig; trek ze daarvoor in.</p>
${scholenTabel(g.scholen, g.csrf)}</section>
<section id="kwalificaties" aria-labelledby="kop-kwalificaties"><h2 id="kop-kwalificaties">Kwalificatierapporten (${g.kwalificaties.length})</h2>
${kwalificatiesSectie(g.kwalificaties)}</section>
<section id="audit" aria-labelledby="kop-audit"><h2 id="kop-audit">Logboek van het register (${g.audit.length})</h2>
${auditTabel(g.audit)}</section>`,
  });
}

export function linkUitgegevenPagina(g: { school: string; link: string; omschrijving: string }): Html {
  return portaalPagina({
    titel: 'Nieuwe link voor de school',
    wie: 'Beheer (Kennisnet)',
    nav: beheerNav(),
    inhoud: html`<section class="melding" role="status"><p>De link voor ${g.school} (${g.omschrijving}) is aangemaakt.</p></section>
<section><h2>De link</h2><p>Kopieer de link nu en stuur hem naar de school. <strong>Hij wordt maar één keer getoond</strong>: bewaard wordt alleen een controlegetal, dus ook de beheerder kan hem later niet meer opvragen.</p>
<p class="geheim" id="schoollink">${g.link}</p>
<p><a href="/portaal/beheer">Terug naar het overzicht</a></p></section>`,
  });
}
