/**
 * The portal's page frame, in Dutch: one h1 per page, a skip link, a navigation that says where you are, one inline
 * style sheet (the only style the Content-Security-Policy allows, by its hash) and a print style that leaves out
 * navigation and forms. Written like the operator console and the reference LAS's pages: html`…` from the page layer,
 * pure functions from data to Html, no script and nothing loaded from elsewhere.
 */
import { Html, html } from '../html.ts';

/**
 * The house's colours (the operator console's blue header on a light page), with contrast ratios of at least 4.5:1 for
 * every text colour on its background: #15467a on white 9.4:1, #58616d on white 6.1:1, #7f1d1d on #fde8e8 9.6:1.
 */
export const PORTAAL_STIJL = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24;line-height:1.5}
.overslaan{position:absolute;left:-999rem}.overslaan:focus{left:1rem;top:.5rem;background:#fff;color:#15467a;padding:.3rem .6rem;z-index:1}
header{background:#15467a;color:#fff;padding:.8rem 1.5rem}
header p{margin:0;font-weight:600}
header nav ul{list-style:none;margin:.4rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
header a{color:#fff}header a[aria-current]{font-weight:700;text-decoration-thickness:3px}
main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:.2rem 0 1rem;color:#15467a}
h2{font-size:1.15rem;margin:.2rem 0 .6rem}h3{font-size:1.02rem;margin:1rem 0 .4rem}
section{background:#fff;border:1px solid #d5d9df;border-radius:6px;padding:1rem 1.25rem;margin-bottom:1.25rem}
a{color:#15467a}
table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:.35rem .45rem;border-bottom:1px solid #e3e6ea}
th{background:#eef3f9}
caption{text-align:left;font-weight:600;padding:.3rem 0}
dl.gegevens{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#eef3f9;padding:.7rem 1rem;border-radius:4px}
dl.gegevens dt{font-weight:600}dl.gegevens dd{margin:0}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input[type=text],input[type=password],input[type=date],select{font:inherit;padding:.35rem;min-width:16rem;max-width:100%;border:1px solid #58616d;border-radius:3px}
button{font:inherit;padding:.45rem 1.1rem;margin:.6rem .5rem 0 0;border-radius:4px;border:1px solid #15467a;background:#15467a;color:#fff;cursor:pointer}
button.tweede{background:#fff;color:#15467a}button.gevaar{background:#fff;color:#7f1d1d;border-color:#7f1d1d}
form.inline{display:inline}form.inline button{margin:.1rem .3rem .1rem 0;padding:.25rem .7rem}
.melding{background:#e7f5ea;border-color:#8cc79a}.fout{background:#fde8e8;border-color:#e3a0a0;color:#7f1d1d}
.klein{color:#58616d;font-size:.92rem}
.gelukt{color:#14532d;font-weight:600}.mislukt{color:#7f1d1d;font-weight:600}
.bevinding{border-left:4px solid #b91c1c;padding:.4rem .9rem;margin:.8rem 0;background:#fdf6f6}
.bevinding.waarschuwing{border-left-color:#b45309;background:#fffaf0}
.bevinding h3{margin:.2rem 0 .4rem}.bevinding p{margin:.25rem 0}
.geheim{font-family:ui-monospace,monospace;word-break:break-all;background:#fef3c7;padding:.5rem;border:1px solid #b45309;border-radius:4px}
code{font-family:ui-monospace,monospace;font-size:.9rem;word-break:break-all}
pre{font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap;word-break:break-all;background:#f4f5f7;border:1px solid #d5d9df;padding:.6rem;max-height:30rem;overflow:auto}
.afdruk section{border:0;border-top:1px solid #d5d9df;border-radius:0;padding:.6rem 0 0;margin:0 0 .8rem}
.afdruk dl{display:grid;grid-template-columns:14rem 1fr;gap:.15rem 1rem;margin:.4rem 0}.afdruk dd{margin:0}.afdruk dd dl{grid-template-columns:11rem 1fr;margin:0}.afdruk dt{color:#444}
@media print{header nav,.overslaan,form,.niet-afdrukken{display:none}body{background:#fff}section{border:0;padding:0;break-inside:avoid-page}main{max-width:none;margin:0}}
`;

export interface NavLink {
  href: string;
  tekst: string;
  huidig?: boolean;
}

export interface PaginaInhoud {
  /** The page's one h1, also the first part of the title. */
  titel: string;
  /** Who is looking: the school's name and BRIN, or "Beheer (Kennisnet)". */
  wie?: string;
  nav?: readonly NavLink[];
  inhoud: Html;
}

export function portaalPagina(p: PaginaInhoud): Html {
  return html`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${p.titel} · OSO-testbank</title>
<style>${new Html(PORTAAL_STIJL)}</style>
</head><body>
<a class="overslaan" href="#inhoud">Naar de inhoud</a>
<header><p>OSO-testbank · testomgeving Overstapservice Onderwijs${p.wie ? ` · ${p.wie}` : ''}</p>
${p.nav?.length ? html`<nav aria-label="Portaal"><ul>${p.nav.map((l) => html`<li><a href="${l.href}"${l.huidig ? html` aria-current="page"` : ''}>${l.tekst}</a></li>`)}</ul></nav>` : ''}</header>
<main id="inhoud"><h1>${p.titel}</h1>
${p.inhoud}</main></body></html>`;
}

/** Unknown or withdrawn link, a guessed number, a page that does not exist: one answer, which says nothing about why. */
export function nietGevondenPagina(): Html {
  return portaalPagina({
    titel: 'Pagina niet gevonden',
    inhoud: html`<section><p>Deze pagina bestaat niet, of de link is niet (meer) geldig.</p>
<p>Heeft u de link van uw school gekregen en werkt die niet meer? Vraag de beheerder van de testomgeving (Kennisnet) om een nieuwe link.</p>
<p><a href="/portaal">Naar de startpagina van het portaal</a></p></section>`,
  });
}

/** Something went wrong on our side or the request could not be read; no detail of the server in the page. */
export function foutPagina(tekst: string): Html {
  return portaalPagina({ titel: 'Er ging iets mis', inhoud: html`<section class="fout" role="alert"><p>${tekst}</p></section><p><a href="/portaal">Naar de startpagina van het portaal</a></p>` });
}

/** One formatter for all of them: toLocaleString builds a new one per call, for every row of every page. */
const tijdstipFormaat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A time as a school administrator reads it: Dutch, in Dutch time, wherever the server runs. */
export function tijdstip(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return tijdstipFormaat.format(d);
}

/** A date of birth (yyyy-mm-dd) as dd-mm-jjjj. */
export function datum(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1');
}

export const melding = (tekst: string | Html | undefined) => (tekst ? html`<section class="melding" role="status"><p>${tekst}</p></section>` : '');
export const foutmelding = (tekst: string | Html | undefined) => (tekst ? html`<section class="fout" role="alert"><p>${tekst}</p></section>` : '');
