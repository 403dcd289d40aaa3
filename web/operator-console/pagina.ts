/**
 * The operator console's one page, in Dutch: who is answering, the prompt that is open now with the form for its kind,
 * and what was answered before. Plain forms that post and redirect, so any browser works without script; only the
 * "waiting for the next prompt" state loads a small script of the console itself that reloads when a prompt arrives.
 */
import { Html, html } from '../html.ts';
import type { Antwoord, Vraag } from './vraag.ts';

export interface OpenVraag {
  id: string;
  vraag: Vraag;
  gevraagdOp: Date;
  verlooptOp: Date;
}

export interface PaginaStaat {
  /** What is being tested, e.g. the LAS's name. */
  onderwerp?: string;
  operator?: string;
  /** The oldest open prompt: the one to answer now. */
  open?: OpenVraag;
  aantalOpen: number;
  /** Newest first. */
  beantwoord: readonly Antwoord[];
  /** Changes whenever a prompt arrives, is answered or expires; the waiting page reloads when it does. */
  /** This console's state, unique across the consoles of a run: the waiting page reloads when it changes. */
  versie: string;
  melding?: string;
  fout?: string;
  /** The qualification has ended: the closing page, with no prompt and nothing more to wait for. */
  afgesloten?: Afsluiting;
}

/**
 * The verdicts the closing page can colour. Spelled out here rather than imported from the report, which sits above the
 * web pages; the command line hands over the report's verdict, so a new verdict there fails the type check until the
 * page knows how to show it.
 */
export type Verdict = 'GESLAAGD' | 'NIET_GESLAAGD' | 'ONVOLLEDIG';

export interface Afsluiting {
  /** GESLAAGD, NIET GESLAAGD, … as the report says it. */
  oordeel: string;
  verdict: Verdict;
  /** Why the verdict is ONVOLLEDIG (or what else was missing beside a failure), as the report says it. */
  redenen: readonly string[];
  /** E.g. "12 geslaagd, 1 afgekeurd, 0 gebroken". */
  totalen: string;
  /** Where the report was written (paths on the machine that ran the qualification). */
  rapportMap: string;
  samenvatting: string;
}

/**
 * One formatter for every time on the page: toLocaleTimeString builds a new one per call (0.17 ms), once per answered
 * prompt on every render — most of the console's CPU when it answers many requests.
 */
const tijdFormaat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const tijd = (d: Date | string) => tijdFormaat.format(new Date(d));

const STIJL = new Html(`
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24;line-height:1.45}
header{background:#15467a;color:#fff;padding:.8rem 1.5rem;display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:.5rem}
header h1{font-size:1.2rem;margin:0}
main{max-width:52rem;margin:1.5rem auto;padding:0 1rem}
section{background:#fff;border:1px solid #d5d9df;border-radius:6px;padding:1rem 1.25rem;margin-bottom:1.25rem}
#vraag{border:2px solid #15467a}
h2{font-size:1.1rem;margin:.2rem 0 .6rem}
.tekst{font-size:1.05rem;white-space:pre-line}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#eef3f9;padding:.7rem 1rem;border-radius:4px}
dl div{display:contents}dt{font-weight:600}dd{margin:0;font-family:ui-monospace,monospace;font-size:1.05rem}
label{display:block;margin:.4rem 0}
textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:.35rem}
button{font:inherit;padding:.45rem 1.1rem;margin:.6rem .5rem 0 0;border-radius:4px;border:1px solid #15467a;background:#15467a;color:#fff;cursor:pointer}
button.tweede{background:#fff;color:#15467a}
.melding{background:#e7f5ea;border-color:#8cc79a}.fout{background:#fdecec;border-color:#e3a0a0}
.klein{color:#58616d;font-size:.9rem}
.context{background:#eef3f9;border-radius:4px;padding:.5rem .8rem;margin:0 0 .8rem}.context p{margin:.15rem 0}
.voortgang{font-weight:600;color:#15467a}
.oordeel{font-size:1.6rem;font-weight:700;padding:.4rem .9rem;border-radius:4px;display:inline-block}
.oordeel.ja{background:#e3f4e5;color:#14532d;border:2px solid #15803d}.oordeel.nee{background:#fde8e8;color:#7f1d1d;border:2px solid #b91c1c}.oordeel.onvolledig{background:#fef3c7;color:#78350f;border:2px solid #b45309}
table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #e3e6ea}
code{font-size:.85rem;word-break:break-all}
`);

/** What is being tested and how far along: the run, the step and its expectation, and the prompt's number. */
function contextBlok(vraag: Vraag, vraagNummer: number): Html {
  const c = vraag.context;
  const stap = c?.stapNummer !== undefined && c.aantalStappen !== undefined ? `Stap ${c.stapNummer} van ${c.aantalStappen}` : undefined;
  return html`<div class="context"><p class="voortgang">${[stap, `vraag ${vraagNummer} van deze kwalificatie`].filter(Boolean).join(' · ')}</p>
${c ? html`<p>Scenario: <strong>${c.run}</strong></p>` : ''}${c?.stap ? html`<p>Wat wordt getest: ${c.stap}</p>` : ''}</div>`;
}

function gegevens(vraag: Vraag): Html | undefined {
  const rijen = Object.entries(vraag.gegevens ?? {});
  if (!rijen.length) return undefined;
  return html`<dl>${rijen.map(([label, waarde]) => html`<div><dt>${label}</dt><dd>${waarde}</dd></div>`)}</dl>`;
}

const opmerkingVeld = html`<label>Opmerking (niet verplicht)<textarea name="opmerking" rows="2"></textarea></label>`;

function formulier(open: OpenVraag): Html {
  const { id, vraag } = open;
  const actie = `/antwoord/${encodeURIComponent(id)}`;
  switch (vraag.soort) {
    case 'opdracht':
      return html`<form method="post" action="${actie}">${opmerkingVeld}
<button name="uitgevoerd" value="ja">Gedaan</button><button class="tweede" name="uitgevoerd" value="nee">Lukt niet (zeg waarom in de opmerking)</button></form>`;
    case 'janee':
      return html`<form method="post" action="${actie}">${opmerkingVeld}
<button name="ja" value="ja">Ja</button><button name="ja" value="nee">Nee</button></form>`;
    case 'keuze':
      return html`<form method="post" action="${actie}"><fieldset><legend>Kies één antwoord</legend>
${vraag.opties.map((o) => html`<label><input type="radio" name="waarde" value="${o.waarde}" required> ${o.label} <span class="klein">(${o.waarde})</span></label>`)}
</fieldset>${opmerkingVeld}<button>Antwoord geven</button></form>`;
    case 'tekst':
      return html`<form method="post" action="${actie}"><label>Uw antwoord${vraag.optioneel ? ' (mag leeg blijven)' : ''}<textarea name="waarde" rows="3"${vraag.optioneel ? '' : html` required`}></textarea></label>
${opmerkingVeld}<button>Antwoord geven</button></form>`;
    case 'bestand':
      return html`<form method="post" action="${actie}" enctype="multipart/form-data"><label>${vraag.meerdere ? 'Bestanden (kies ze allemaal tegelijk)' : 'Bestand'}<input type="file" name="bestand"${vraag.meerdere ? html` multiple` : ''}${vraag.optioneel ? '' : html` required`}></label>
${opmerkingVeld}<button>Uploaden</button>${vraag.optioneel ? html`<button class="tweede" name="zonder" value="ja" formnovalidate>Verder zonder bestand</button>` : ''}</form>`;
  }
}

function samenvatting(a: Antwoord): Html {
  switch (a.soort) {
    case 'opdracht':
      return html`${a.uitgevoerd ? 'Uitgevoerd' : 'Niet gelukt'}`;
    case 'janee':
      return html`${a.ja ? 'Ja' : 'Nee'}`;
    case 'keuze': {
      const optie = a.vraag.opties.find((o) => o.waarde === a.waarde);
      return html`${optie?.label ?? a.waarde} <span class="klein">(${a.waarde})</span>`;
    }
    case 'tekst':
      return html`${a.waarde || '(leeg)'}`;
    case 'bestand': {
      const bestanden = a.bestanden ?? (a.bestand ? [a.bestand] : []);
      return bestanden.length
        ? html`${bestanden.map((b, i) => html`${i ? html`<br>` : ''}${b.naam}<br><span class="klein">SHA-256 <code>${b.sha256}</code></span>`)}`
        : html`geen bestand`;
    }
  }
}

function naamFormulier(huidig: string | undefined): Html {
  return html`<form method="post" action="/operator"><label>Uw naam (wordt bij elk antwoord vastgelegd)<input type="text" name="naam" value="${huidig ?? ''}" required maxlength="100" autocomplete="name"></label>
<button>${huidig ? 'Naam wijzigen' : 'Beginnen'}</button></form>`;
}

const uitslagKlasse: Record<Verdict, string> = { GESLAAGD: 'ja', NIET_GESLAAGD: 'nee', ONVOLLEDIG: 'onvolledig' };

function slot(a: Afsluiting): Html {
  return html`<section id="afgesloten"><h2>De kwalificatie is afgerond</h2>
<p>Er komen geen vragen meer. Bedankt voor het beantwoorden.</p>
<p class="oordeel ${uitslagKlasse[a.verdict]}" id="oordeel">${a.oordeel}</p><p>${a.totalen}</p>
${a.redenen.length ? html`<ul id="redenen">${a.redenen.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
<dl><div><dt>Rapport</dt><dd>${a.rapportMap}</dd></div><div><dt>Samenvatting</dt><dd>${a.samenvatting}</dd></div></dl>
<p class="klein">Open de samenvatting op de computer waarop de kwalificatie draaide. Uw naam en antwoorden staan erin en in het rapport.</p></section>`;
}

export function consolePagina(staat: PaginaStaat): string {
  const { open, operator } = staat;
  const wachten = !open && operator !== undefined && !staat.afgesloten;
  const inhoud = html`
${staat.melding ? html`<section class="melding" role="status">${staat.melding}</section>` : ''}
${staat.fout ? html`<section class="fout" role="alert">${staat.fout}</section>` : ''}
${
  staat.afgesloten
    ? slot(staat.afgesloten)
    : operator === undefined
    ? html`<section id="naam"><h2>Wie beantwoordt de vragen?</h2>${open ? html`<p>Er wacht een vraag op u. Vul eerst uw naam in.</p>` : ''}${naamFormulier(undefined)}</section>`
    : open
      ? html`<section id="vraag" data-id="${open.id}" data-soort="${open.vraag.soort}">
${contextBlok(open.vraag, staat.beantwoord.length + 1)}<h2>${open.vraag.kop}</h2><p class="tekst">${open.vraag.tekst}</p>${gegevens(open.vraag)}
<p class="klein">Gevraagd om ${tijd(open.gevraagdOp)}; beantwoord vóór ${tijd(open.verlooptOp)}.${staat.aantalOpen > 1 ? ` Daarna wachten nog ${staat.aantalOpen - 1} vragen.` : ''}</p>
${formulier(open)}</section>`
      : html`<section id="wachten"><h2>Geen openstaande vraag</h2><p>De testbank is bezig. Zodra er een nieuwe vraag is, verschijnt die hier vanzelf.</p></section>`
}
<section id="beantwoord"><h2>Beantwoord</h2>${
    staat.beantwoord.length
      ? html`<table><thead><tr><th>Tijd</th><th>Vraag</th><th>Antwoord</th><th>Door</th></tr></thead><tbody>${staat.beantwoord.map(
          (a) => html`<tr data-id="${a.id}"><td>${tijd(a.beantwoordOp)}</td><td>${a.vraag.kop}${a.vraag.context ? html`<br><span class="klein">${a.vraag.context.run}</span>` : ''}</td><td>${samenvatting(a)}${a.opmerking ? html`<br><span class="klein">Opmerking: ${a.opmerking}</span>` : ''}</td><td>${a.door}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="klein">Nog niets beantwoord.</p>`
  }</section>
${operator !== undefined && !staat.afgesloten ? html`<details><summary class="klein">Niet ${operator}?</summary>${naamFormulier(operator)}</details>` : ''}`;

  return html`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${staat.afgesloten ? `Afgerond: ${staat.afgesloten.oordeel}` : open ? `Vraag: ${open.vraag.kop}` : 'Operatorconsole'} · OSO-testbank</title>
<style>${STIJL}</style>
${wachten ? html`<script src="/wachten.js" defer></script><noscript><meta http-equiv="refresh" content="5"></noscript>` : ''}
</head><body data-versie="${staat.versie}">
<header><h1>OSO-testbank · operatorconsole${staat.onderwerp ? ` · ${staat.onderwerp}` : ''}</h1><span>${operator ? `Operator: ${operator}` : 'Nog geen naam ingevuld'}</span></header>
<main>${inhoud}</main></body></html>`.markup;
}

/**
 * The waiting page's script: the console holds the request until something changes, then the page reloads — the next
 * prompt shows at once without the operator pressing anything. Retries calmly while the console is away (between two tests).
 */
export const WACHTEN_SCRIPT = `'use strict';
const versie = document.body.dataset.versie;
async function wacht() {
  try {
    const antwoord = await fetch('/wacht?versie=' + encodeURIComponent(versie), { cache: 'no-store' });
    const { versie: nu, gesloten } = await antwoord.json();
    // A console that is closing is followed by the next test's console on the same address: reloading now would land
    // on a dead address and end the script; wait for the next one instead.
    if (gesloten) setTimeout(wacht, 1000);
    else if (nu !== versie) location.reload();
    else wacht();
  } catch {
    setTimeout(wacht, 1000);
  }
}
wacht();
`;
