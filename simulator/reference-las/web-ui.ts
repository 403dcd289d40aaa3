/**
 * The reference LAS's own web pages: what a school's administrator would click in a LAS (klaarzetten, opvragen, the
 * received dossiers, the last error, the release switch, and for a test environment: wiping the test data and setting the
 * date), server-rendered in Dutch without scripts or external resources.
 * It calls the same LasSystem functions as the test-control API, so a Playwright module that drives these pages drives
 * the very behaviour the http adapter drives; it is also the page docs/examples/playwright/referentie-las.adapter.ts
 * shows vendors how to drive. Written with the house's page layer (web/html.ts), which escapes every value: the pages
 * echo what a user typed and what another LAS sent. The pages stay with the reference LAS because they are part of it
 * (its standalone command serves them too); only the page layer is shared.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Html, html } from '../../web/html.ts';
import type { SimulatedClock } from '../clock.ts';
import type { OntvangenDossier } from '../control-api.ts';
import { bekendeVersies } from '../dossier/versies/index.ts';
import { LasFout, type LasSystem } from '../las/las-system.ts';

export interface WebUiOptions {
  las: LasSystem;
  /** The LAS's clock: a test environment lets its user set the date. */
  clock: SimulatedClock;
  naam: string;
  versie: string;
  /** Where the pages are mounted (e.g. "/ui"); links and form actions start with it. */
  prefix: string;
}

type Form = Record<string, string | undefined>;

/** The pages never load anything from elsewhere, and nothing may frame them or send their forms elsewhere. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const STYLE = new Html(`
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header{background:#154273;color:#fff;padding:.6rem 1.2rem}header a{color:#fff;margin-right:1rem}
main{padding:1rem 1.2rem;max-width:80rem}
label{display:block;margin-top:.7rem;font-weight:600}input,select{font:inherit;padding:.25rem;min-width:18rem}
button{display:block;margin-top:1rem;font:inherit;padding:.35rem 1rem}
table{border-collapse:collapse;margin-top:.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
.gelukt{border-left:4px solid #2e7d32;padding:.4rem .7rem;background:#e8f5e9}
.fout{border-left:4px solid #c62828;padding:.4rem .7rem;background:#ffebee}
code{font-size:.85em;word-break:break-all}dt{font-weight:600}dd{margin:0 0 .4rem 0}
`);

export function registerWebUi(app: FastifyInstance, options: WebUiOptions): void {
  const { las, prefix } = options;
  const pad = (p: string) => `${prefix}${p}`;

  app.register(
    async (ui) => {
      // Forms post as application/x-www-form-urlencoded; only these pages accept it, the JSON control API does not.
      ui.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      ui.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) =>
        stuur(reply, err.statusCode ?? 500, pagina('Fout', html`<h1>Fout</h1>${foutmelding(`De pagina kon niet worden getoond: ${err.message}`)}`)),
      );

      ui.get('/', async (_req, reply) => stuur(reply, 200, startpagina()));
      ui.get('/klaarzetten', async (_req, reply) => stuur(reply, 200, klaarzettenPagina({})));
      ui.post('/klaarzetten', async (req, reply) => {
        const form = formulier(req.body);
        const ontbreekt = ontbrekend(form, { brin: 'school', pgn: 'PGN', doelBrin: 'BRIN van de nieuwe school' });
        if (ontbreekt) return stuur(reply, 400, klaarzettenPagina(form, foutmelding(ontbreekt)));
        try {
          const dossier = las.klaarzetten({ brin: form['brin']!, pgn: form['pgn']!, doelBrin: form['doelBrin']! });
          const naam = [dossier.leerling.roepnaam ?? dossier.leerling.voornaam, dossier.leerling.voorvoegsel, dossier.leerling.achternaam].filter(Boolean).join(' ');
          return stuur(reply, 200, klaarzettenPagina(form, gelukt(`Het dossier van ${naam} (PGN ${dossier.leerling.pgn.waarde}) staat klaar voor BRIN ${dossier.doelBrin}, in gegevensset ${dossier.versie}.`)));
        } catch (e) {
          if (e instanceof LasFout) return stuur(reply, 422, klaarzettenPagina(form, foutmelding(e.message)));
          throw e;
        }
      });

      ui.get('/opvragen', async (_req, reply) => stuur(reply, 200, opvragenPagina({})));
      ui.post('/opvragen', async (req, reply) => {
        const form = formulier(req.body);
        const ontbreekt = ontbrekend(form, { brin: 'school', bronBrin: 'BRIN van de huidige school', pgn: 'PGN', geboortedatum: 'geboortedatum' });
        if (ontbreekt) return stuur(reply, 400, opvragenPagina(form, foutmelding(ontbreekt)));
        try {
          const u = await las.opvragen({ brin: form['brin']!, bronBrin: form['bronBrin']!, pgn: form['pgn']!, geboortedatum: form['geboortedatum']! });
          return stuur(reply, 200, opvragenPagina(form, uitkomst(u)));
        } catch (e) {
          if (e instanceof LasFout) return stuur(reply, 422, opvragenPagina(form, foutmelding(e.message)));
          throw e;
        }
      });

      ui.get('/dossiers', async (_req, reply) => stuur(reply, 200, dossiersPagina(las.ontvangen())));
      ui.get('/laatste-fout', async (_req, reply) => stuur(reply, 200, laatsteFoutPagina(las.laatsteFout())));

      ui.get('/release', async (_req, reply) => stuur(reply, 200, releasePagina({})));
      ui.post('/release', async (req, reply) => {
        const form = formulier(req.body);
        const ontbreekt = ontbrekend(form, { gegevensset: 'gegevensset' });
        if (ontbreekt) return stuur(reply, 400, releasePagina(form, foutmelding(ontbreekt)));
        try {
          las.wisselRelease(form['gegevensset']!);
          return stuur(reply, 200, releasePagina({}, gelukt(`${options.naam} werkt nu in gegevensset ${las.release().versie}.`)));
        } catch (e) {
          if (e instanceof LasFout) return stuur(reply, 422, releasePagina(form, foutmelding(e.message)));
          throw e;
        }
      });

      ui.get('/testomgeving', async (_req, reply) => stuur(reply, 200, testomgevingPagina({})));
      ui.post('/testomgeving/wissen', async (_req, reply) => {
        las.reset();
        return stuur(reply, 200, testomgevingPagina({}, gelukt('De testgegevens zijn gewist: niets klaargezet, niets ontvangen, geen meldingen.')));
      });
      ui.post('/testomgeving/datum', async (req, reply) => {
        const form = formulier(req.body);
        const ontbreekt = ontbrekend(form, { datum: 'datum' });
        if (ontbreekt) return stuur(reply, 400, testomgevingPagina(form, foutmelding(ontbreekt)));
        try {
          options.clock.set(form['datum']!);
        } catch (e) {
          return stuur(reply, 422, testomgevingPagina(form, foutmelding((e as Error).message)));
        }
        return stuur(reply, 200, testomgevingPagina({}, gelukt(`${options.naam} werkt nu met datum ${options.clock.today()}.`)));
      });
    },
    { prefix },
  );

  function stuur(reply: FastifyReply, code: number, pagina: Html) {
    return reply.code(code).headers({ ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }).send(pagina.markup);
  }

  function pagina(titel: string, inhoud: Html): Html {
    const link = (p: string, tekst: string) => html`<a href="${pad(p)}">${tekst}</a>`;
    return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titel} — ${options.naam}</title>
<style>${STYLE}</style>
</head>
<body>
<header><nav aria-label="Hoofdmenu">${link('/', options.naam)}${link('/klaarzetten', 'Klaarzetten')}${link('/opvragen', 'Opvragen')}${link('/dossiers', 'Ontvangen dossiers')}${link('/laatste-fout', 'Laatste fout')}${link('/release', 'Gegevensset')}${link('/testomgeving', 'Testomgeving')}</nav></header>
<main id="inhoud">
${inhoud}
</main>
</body>
</html>
`;
  }

  function startpagina(): Html {
    const rijen = las.schools
      .map((s) => html`<tr data-testid="school" data-brin="${s.brin}"><td>${s.brin}</td><td>${s.naam}</td><td>${s.sector}</td><td><code>${s.routeringsKenmerk}</code></td></tr>`);
    return pagina(
      'Start',
      html`<h1>${options.naam}</h1>
<p>Versie <span data-testid="versie">${options.versie}</span>, gegevensset <span data-testid="huidige-gegevensset">${las.release().versie}</span>.</p>
<h2>Scholen</h2>
<table data-testid="scholen"><thead><tr><th scope="col">BRIN</th><th scope="col">Naam</th><th scope="col">Sector</th><th scope="col">Aanleverpunt</th></tr></thead>
<tbody>
${rijen}
</tbody></table>`,
    );
  }

  function schoolKeuze(gekozen: string | undefined): Html {
    const opties = las.schools
      .map((s) => html`<option value="${s.brin}"${s.brin === gekozen ? html` selected` : ''}>${`${s.brin} — ${s.naam}`}</option>`);
    return html`<label for="brin">School</label><select id="brin" name="brin" required>${opties}</select>`;
  }

  const veld = (id: string, label: string, waarde: string | undefined, extra?: Html) =>
    html`<label for="${id}">${label}</label><input id="${id}" name="${id}" value="${waarde ?? ''}" required autocomplete="off"${extra}>`;

  function klaarzettenPagina(form: Form, melding?: Html): Html {
    return pagina(
      'Klaarzetten',
      html`<h1>Dossier klaarzetten</h1>
<p>Zet het overstapdossier van een leerling klaar voor de school waar de leerling heen gaat.</p>
${melding}
<form method="post" action="${pad('/klaarzetten')}" data-testid="klaarzetten">
${schoolKeuze(form['brin'])}
${veld('pgn', 'PGN (BSN of onderwijsnummer)', form['pgn'], html` inputmode="numeric"`)}
${veld('doelBrin', 'BRIN van de nieuwe school', form['doelBrin'])}
<button type="submit">Klaarzetten</button>
</form>`,
    );
  }

  function opvragenPagina(form: Form, resultaat?: Html): Html {
    return pagina(
      'Opvragen',
      html`<h1>Dossier opvragen</h1>
<p>Vraag het overstapdossier van een nieuwe leerling op bij de school waar de leerling vandaan komt.</p>
<form method="post" action="${pad('/opvragen')}" data-testid="opvragen">
${schoolKeuze(form['brin'])}
${veld('bronBrin', 'BRIN van de huidige school', form['bronBrin'])}
${veld('pgn', 'PGN (BSN of onderwijsnummer)', form['pgn'], html` inputmode="numeric"`)}
${veld('geboortedatum', 'Geboortedatum', form['geboortedatum'], html` type="date"`)}
<button type="submit">Opvragen</button>
</form>
${resultaat}`,
    );
  }

  function uitkomst(u: { resultaat: string; sessieId?: string; afgemeld: boolean; fout?: string }): Html {
    const geleverd = u.resultaat === 'DossierGeleverd';
    return html`<section aria-labelledby="uitkomst-kop" data-testid="uitkomst" class="${geleverd ? 'gelukt' : 'fout'}" role="status">
<h2 id="uitkomst-kop">${geleverd ? 'Dossier ontvangen' : 'Opvragen niet gelukt'}</h2>
<dl>
<dt>Resultaat</dt><dd data-testid="resultaat">${u.resultaat}</dd>
${u.sessieId ? html`<dt>Sessie</dt><dd data-testid="sessie">${u.sessieId}</dd>` : ''}
<dt>Afgemeld bij het Traffic Center</dt><dd data-testid="afgemeld">${u.afgemeld ? 'ja' : 'nee'}</dd>
${u.fout ? html`<dt>Melding</dt><dd data-testid="uitkomst-fout">${u.fout}</dd>` : ''}
</dl>
</section>`;
  }

  function dossiersPagina(ontvangen: readonly OntvangenDossier[]): Html {
    const bijlagen = (d: OntvangenDossier) =>
      d.bijlagen === undefined
        ? '—'
        : d.bijlagen.length === 0
          ? 'geen'
          : html`<ul data-testid="bijlagen">${d.bijlagen.map((b) => html`<li data-testid="bijlage"><span data-testid="bestandsnaam">${b.bestandsnaam}</span><br>SHA-256 <code data-testid="sha256">${b.sha256}</code></li>`)}</ul>`;
    const rijen = ontvangen
      .map(
        (d) => html`<tr data-testid="dossier">
<td data-testid="ontvangen-op"><time datetime="${d.ontvangenOp}">${d.ontvangenOp}</time></td>
<td data-testid="pgn">${d.pgn}</td>
<td data-testid="bron-brin">${d.bronBrin}</td>
<td data-testid="doel-brin">${d.doelBrin}</td>
<td>${d.sessieId ? html`<span data-testid="sessie">${d.sessieId}</span>` : '—'}</td>
<td data-testid="status">${d.status}</td>
<td>${d.reden ? html`<span data-testid="reden">${d.reden}</span>` : '—'}</td>
<td>${bijlagen(d)}</td>
</tr>`,
      );
    return pagina(
      'Ontvangen dossiers',
      html`<h1>Ontvangen dossiers</h1>
${
  ontvangen.length === 0
    ? html`<p data-testid="geen-dossiers">Er zijn nog geen dossiers ontvangen.</p>`
    : html`<table data-testid="dossiers"><thead><tr><th scope="col">Ontvangen op</th><th scope="col">PGN</th><th scope="col">Van BRIN</th><th scope="col">Voor BRIN</th><th scope="col">Sessie</th><th scope="col">Status</th><th scope="col">Reden</th><th scope="col">Bijlagen</th></tr></thead>
<tbody>
${rijen}
</tbody></table>`
}`,
    );
  }

  function laatsteFoutPagina(melding: string | undefined): Html {
    return pagina(
      'Laatste fout',
      html`<h1>Laatste fout</h1>
${melding === undefined ? html`<p data-testid="geen-fout">Er is geen fout getoond.</p>` : html`<p class="fout" data-testid="laatste-fout">${melding}</p>`}`,
    );
  }

  function testomgevingPagina(form: Form, melding?: Html): Html {
    return pagina(
      'Testomgeving',
      html`<h1>Testomgeving</h1>
<p>Deze LAS werkt met datum <strong data-testid="huidige-datum">${options.clock.today()}</strong>.</p>
${melding}
<form method="post" action="${pad('/testomgeving/wissen')}" data-testid="wissen">
<p>Wis alle klaargezette en ontvangen dossiers, notificaties en meldingen van de testscholen.</p>
<button type="submit">Testgegevens wissen</button>
</form>
<form method="post" action="${pad('/testomgeving/datum')}" data-testid="datum">
<label for="datum">Datum</label><input id="datum" name="datum" type="date" value="${form['datum'] ?? ''}" required>
<button type="submit">Datum instellen</button>
</form>`,
    );
  }

  function releasePagina(form: Form, melding?: Html): Html {
    const versies = bekendeVersies.map((v) => html`<option value="${v.versie}"></option>`);
    return pagina(
      'Gegevensset',
      html`<h1>Gegevensset</h1>
<p>Deze LAS werkt nu in gegevensset <strong data-testid="huidige-gegevensset">${las.release().versie}</strong>.</p>
${melding}
<form method="post" action="${pad('/release')}" data-testid="release">
<label for="gegevensset">Nieuwe gegevensset</label><input id="gegevensset" name="gegevensset" list="versies" value="${form['gegevensset'] ?? ''}" required autocomplete="off">
<datalist id="versies">${versies}</datalist>
<button type="submit">Wisselen</button>
</form>`,
    );
  }
}

function formulier(body: unknown): Form {
  if (typeof body !== 'object' || body === null) return {};
  const form: Form = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') form[k] = v.trim();
  return form;
}

/** The Dutch message for the fields left empty, or undefined when all are filled. */
function ontbrekend(form: Form, velden: Record<string, string>): string | undefined {
  const leeg = Object.entries(velden).filter(([k]) => !form[k]).map(([, label]) => label);
  return leeg.length ? `Vul in: ${leeg.join(', ')}.` : undefined;
}

const gelukt = (tekst: string) => html`<p class="gelukt" role="status" data-testid="melding">${tekst}</p>`;
const foutmelding = (tekst: string) => html`<p class="fout" role="alert" data-testid="foutmelding">${tekst}</p>`;
