/**
 * The Dutch portal of `oso-testbank serve`: per school (through a link with a secret token the admin issues) its
 * timeline, its uitwisselingen with the testscholen with every finding explained, the test pupils and the button that
 * lets testschool 99BB request a dossier; for the admin (Kennisnet) every aanleverpunt, school, school link and the audit
 * trail. The pages are pure render functions in web/portaal/; this module only routes, checks access and reads the store.
 *
 * Access: a school's token sits in the path of every school page (so a forged form from another site cannot reach it:
 * the token is the school's CSRF protection too); the store keeps only its hash and looks it up by hash, so comparing
 * takes the same time for any token. Anything a school may not see answers the same Dutch 404 as a page that does not
 * exist. The admin logs in with the admin token, which then travels in an HttpOnly, Secure, SameSite=Strict cookie;
 * every admin action also needs a CSRF token derived from it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotificatieUitkomst } from '../simulator/control-api.ts';
import { renderDossierAfdruk } from '../simulator/dossier/afdruk.ts';
import { LasFout } from '../simulator/las/las-system.ts';
import { checkClientCertificate } from '../simulator/transport/peer-certificate.ts';
import type { OpgeslagenBericht, SchoolToegang, Store, TestschoolUitwisseling } from '../store/store.ts';
import { Html } from '../web/html.ts';
import { berichtPagina } from '../web/portaal/bericht.ts';
import { beheerPagina, inlogPagina, linkUitgegevenPagina, beheerNav } from '../web/portaal/beheer.ts';
import { kwalificatiePagina } from '../web/portaal/kwalificaties.ts';
import { uitkomstUitleg } from '../web/portaal/berichtsoort.ts';
import { geenCertificaatPagina, leverancierPagina } from '../web/portaal/leverancier.ts';
import { foutPagina, nietGevondenPagina, type NavLink } from '../web/portaal/pagina.ts';
import { startPagina } from '../web/portaal/start.ts';
import { testleerlingenPagina, type PortaalAdressen, type PortaalTestleerling, type TestleerlingenGegevens } from '../web/portaal/testleerlingen.ts';
import { schoolNaam, tijdlijnPagina } from '../web/portaal/tijdlijn.ts';
import { uitwisselingPagina } from '../web/portaal/uitwisseling.ts';

export type { PortaalAdressen, PortaalTestleerling };

export interface OpvraagVerzoek {
  bronBrin: string;
  pgn: string;
  geboortedatum: string;
}

export interface PortaalDeps {
  store: Store;
  /** True for the admin token of this installation; compares in constant time. */
  isBeheerToken(token: string): boolean;
  /** Lets a testschool request a dossier from a school's LAS, and records the uitwisseling in the store. */
  opvragen(testschoolBrin: string, verzoek: OpvraagVerzoek): Promise<TestschoolUitwisseling>;
  /**
   * Lets the delivering testschool klaarzetten a waiting pupil for the school and notify its LAS; rejects with a LasFout
   * whose message (Dutch) tells the school what to do first.
   */
  notificeren(testschoolBrin: string, verzoek: { doelBrin: string; pgn: string }): Promise<NotificatieUitkomst[]>;
  testleerlingen: readonly PortaalTestleerling[];
  adressen: PortaalAdressen;
  /** Where the portal is reached from outside, e.g. `https://testbank.example`; a school link starts with it. Without it, the admin's own request tells. */
  publiekeUrl?: string;
  /** The testschool that requests a dossier from a school (default 99BB) and the one a school requests from (default 99AA). */
  vragendeTestschool?: string;
  leverendeTestschool?: string;
  /** How long the opvragen button waits for the testschool before it tells the school to look again later; default 90 s. */
  opvraagTijdslimietMs?: number;
}

class OpvragenDuurtTeLang extends Error {}

/** The exchange goes on in the background; the school gets an answer instead of a page that never loads. */
function binnen<T>(belofte: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const verlopen = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OpvragenDuurtTeLang()), ms);
  });
  return Promise.race([belofte, verlopen]).finally(() => clearTimeout(timer));
}

/** Where serve mounts the portal; the pages link to their own paths under it. */
export const PORTAAL_PREFIX = '/portaal';
const BEHEER_COOKIE = 'oso_portaal_beheer';
const MAX_BERICHTEN = 200;
const MAX_UITWISSELINGEN = 100;
/** Tokens the store issues are URL-safe; anything else is not worth a look-up. */
const TOKEN_VORM = /^[A-Za-z0-9_-]{16,200}$/;
const BRIN_VORM = /^[0-9A-Z]{4}$/;
const ID_VORM = /^[1-9][0-9]{0,15}$/;

/**
 * The URL as it may be logged: a school's token replaced. Whoever writes request logs for the process that carries the
 * portal passes URLs through this (the token is a password in the path).
 */
export function verbergSchoolToken(url: string): string {
  return url.replace(/(\/portaal\/school\/)[^/?#]+/, '$1…');
}

/** The response headers of every portal page: nothing loaded from elsewhere, no framing, the token never in a Referer. */
function beveiligingsHeaders(markup: string): Record<string, string> {
  const stijlen = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${sha256Base64(m[1]!)}'`);
  return {
    'content-security-policy': `default-src 'none'; style-src ${stijlen.length ? stijlen.join(' ') : "'none'"}; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-type': 'text/html; charset=utf-8',
  };
}

const sha256Base64 = (tekst: string) => createHash('sha256').update(tekst, 'utf8').digest('base64');

function stuur(reply: FastifyReply, status: number, pagina: Html | string): FastifyReply {
  const markup = typeof pagina === 'string' ? pagina : pagina.markup;
  return reply.code(status).headers(beveiligingsHeaders(markup)).send(markup);
}

const nietGevonden = (reply: FastifyReply) => stuur(reply, 404, nietGevondenPagina());

type Formulier = Record<string, string>;

/** The text fields of a posted form; anything else (a JSON body, a number, a list) counts as not filled in. */
function formulier(body: unknown): Formulier {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function cookies(req: FastifyRequest): Map<string, string> {
  const uit = new Map<string, string>();
  for (const deel of (req.headers.cookie ?? '').split(';')) {
    const i = deel.indexOf('=');
    if (i > 0) {
      try {
        uit.set(deel.slice(0, i).trim(), decodeURIComponent(deel.slice(i + 1).trim()));
      } catch {
        // A cookie that is not ours (or mangled) is ignored.
      }
    }
  }
  return uit;
}

function gelijk(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** How long an admin login lasts; checked on the server, not only by the cookie's Max-Age. */
const BEHEER_SESSIE_MS = 8 * 3600 * 1000;

/**
 * An admin session as its cookie holds it: `<login time in ms>.<admin token>`. Every instance of serve can check it and
 * derive its CSRF token without shared state; a new login gets a new CSRF token, and a session ends after 8 hours.
 */
interface BeheerSessie {
  sinds: number;
  token: string;
}

function leesBeheerSessie(waarde: string | undefined, nu = Date.now()): BeheerSessie | undefined {
  const m = /^(\d{1,15})\.(.+)$/s.exec(waarde ?? '');
  if (!m) return undefined;
  const sinds = Number(m[1]);
  return sinds <= nu && nu - sinds < BEHEER_SESSIE_MS ? { sinds, token: m[2]! } : undefined;
}

const csrfVoor = (s: BeheerSessie) => createHmac('sha256', s.token).update(`oso-portaal-csrf:${s.sinds}`).digest('base64url');

function isGeldigeDatum(tekst: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tekst)) return false;
  const d = new Date(`${tekst}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === tekst;
}

export function registerPortaal(app: FastifyInstance, deps: PortaalDeps): void {
  const { store } = deps;
  const vrager = deps.vragendeTestschool ?? '99BB';
  const leverancier = deps.leverendeTestschool ?? '99AA';

  app.register(
    async (portaal) => {
      // The portal's own reading of forms, whatever the app around it does with this type (only within this plugin).
      if (portaal.hasContentTypeParser('application/x-www-form-urlencoded')) portaal.removeContentTypeParser('application/x-www-form-urlencoded');
      portaal.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(body as string)));
        });
      portaal.setNotFoundHandler((_req, reply) => nietGevonden(reply));
      portaal.setErrorHandler((err: { statusCode?: number }, req, reply) => {
        const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
        if (status === 500) req.log.error({ url: verbergSchoolToken(req.url), err }, 'portal page failed');
        return stuur(
          reply,
          status,
          foutPagina(status === 500 ? 'Deze pagina kon door een fout in de testomgeving niet worden getoond. Probeer het later nog eens; blijft het misgaan, meld het dan bij de beheerder.' : 'Uw verzoek kon niet worden gelezen. Ga terug en probeer het nog eens.'),
        );
      });

      portaal.get('/', async (_req, reply) => stuur(reply, 200, startPagina()));

      // ---- School ---------------------------------------------------------------------------------------------------

      /** The school behind a token in the path, or undefined for any token that does not (or no longer) give access. */
      async function toegang(req: FastifyRequest): Promise<SchoolToegang | undefined> {
        const token = (req.params as { token?: string }).token ?? '';
        if (!TOKEN_VORM.test(token)) return undefined;
        const t = await store.toegangVoorToken(token);
        return t && !t.ingetrokken ? t : undefined;
      }

      const schoolPad = (req: FastifyRequest) => `/portaal/school/${encodeURIComponent((req.params as { token: string }).token)}`;
      const schoolNav = (basis: string, huidig: 'tijdlijn' | 'testleerlingen' | undefined): NavLink[] => [
        { href: basis, tekst: 'Uitwisselingen', huidig: huidig === 'tijdlijn' },
        { href: `${basis}/testleerlingen`, tekst: 'Testleerlingen en opvragen', huidig: huidig === 'testleerlingen' },
        { href: '/portaal', tekst: 'Over deze testomgeving' },
      ];

      /** An uitwisseling of this school, or undefined: another school's id answers exactly like an id that does not exist. */
      async function eigenUitwisseling(brin: string, id: string): Promise<TestschoolUitwisseling | undefined> {
        if (!ID_VORM.test(id)) return undefined;
        const u = await store.uitwisseling(Number(id));
        return u && u.schoolBrin === brin ? u : undefined;
      }

      /** A message this school took part in, or undefined, like an id that does not exist. */
      async function eigenBericht(brin: string, id: string): Promise<OpgeslagenBericht | undefined> {
        if (!ID_VORM.test(id)) return undefined;
        const b = await store.bericht(Number(id));
        return b && b.brins.includes(brin) ? b : undefined;
      }

      async function tijdlijnGegevens(brin: string) {
        const [school, berichten, uitwisselingen, aanleverpunten] = await Promise.all([
          store.school(brin),
          store.berichten({ brin, limit: MAX_BERICHTEN }),
          store.uitwisselingen({ schoolBrin: brin, limit: MAX_UITWISSELINGEN }),
          store.aanleverpunten({ brin }),
        ]);
        return {
          school,
          aanleverpunten: aanleverpunten.filter((ap) => ap.brin === brin),
          // The store's filter is the guarantee; this is the second lock on the door.
          berichten: berichten.filter((b) => b.brins.includes(brin)).sort((a, b) => b.id - a.id),
          uitwisselingen: uitwisselingen.filter((u) => u.schoolBrin === brin).sort((a, b) => b.id - a.id),
        };
      }

      portaal.get('/school/:token', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const basis = schoolPad(req);
        const g = await tijdlijnGegevens(t.brin);
        const naam = schoolNaam(t.brin, g.school);
        return stuur(
          reply,
          200,
          tijdlijnPagina({
            brin: t.brin,
            ...g,
            uitwisselingHref: (id) => `${basis}/uitwisseling/${id}`,
            berichtHref: (id) => `${basis}/bericht/${id}`,
            nav: schoolNav(basis, 'tijdlijn'),
            wie: naam,
            limiet: Math.min(MAX_BERICHTEN, MAX_UITWISSELINGEN),
          }),
        );
      });

      function testleerlingen(
        req: FastifyRequest,
        t: SchoolToegang,
        naam: string,
        formulierStaat?: { pgn?: string; geboortedatum?: string; fout?: string },
        notificatie?: TestleerlingenGegevens['notificatie'],
      ) {
        const basis = schoolPad(req);
        return testleerlingenPagina({
          brin: t.brin,
          schoolNaam: naam,
          leerlingen: deps.testleerlingen,
          adressen: deps.adressen,
          opvragenActie: `${basis}/opvragen`,
          notificerenActie: `${basis}/notificatie`,
          vrager,
          leverancier,
          nav: schoolNav(basis, 'testleerlingen'),
          wie: naam,
          ...(formulierStaat ? { formulier: formulierStaat } : {}),
          ...(notificatie ? { notificatie } : {}),
        });
      }

      portaal.get('/school/:token/testleerlingen', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        return stuur(reply, 200, testleerlingen(req, t, schoolNaam(t.brin, await store.school(t.brin))));
      });

      portaal.post('/school/:token/opvragen', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const naam = schoolNaam(t.brin, await store.school(t.brin));
        const form = formulier(req.body);
        const pgn = (form['pgn'] ?? '').trim();
        const geboortedatum = (form['geboortedatum'] ?? '').trim();
        const fout = !/^\d{9}$/.test(pgn)
          ? 'Vul het BSN of onderwijsnummer van de leerling in: negen cijfers.'
          : !isGeldigeDatum(geboortedatum)
            ? 'Vul de geboortedatum van de leerling in als een bestaande datum.'
            : undefined;
        if (fout) return stuur(reply, 400, testleerlingen(req, t, naam, { pgn, geboortedatum, fout }));
        let u: TestschoolUitwisseling;
        try {
          u = await binnen(deps.opvragen(vrager, { bronBrin: t.brin, pgn, geboortedatum }), deps.opvraagTijdslimietMs ?? 90_000);
        } catch (e) {
          if (e instanceof OpvragenDuurtTeLang)
            return stuur(
              reply,
              504,
              testleerlingen(req, t, naam, { pgn, geboortedatum, fout: `Testschool ${vrager} heeft nog geen antwoord van uw LAS. Kijk over een paar minuten bij Uitwisselingen: zodra het opvragen klaar is, staat het daar.` }),
            );
          req.log.error({ url: verbergSchoolToken(req.url), err: e }, 'opvragen through the portal failed');
          return stuur(
            reply,
            502,
            testleerlingen(req, t, naam, { pgn, geboortedatum, fout: `Testschool ${vrager} kon het dossier nu niet opvragen door een fout in de testomgeving. Probeer het over een paar minuten nog eens; blijft het misgaan, meld het dan bij de beheerder.` }),
          );
        }
        if (u.schoolBrin !== t.brin) return nietGevonden(reply);
        return reply.code(303).header('location', `${schoolPad(req)}/uitwisseling/${u.id}`).header('referrer-policy', 'no-referrer').send();
      });

      portaal.post('/school/:token/notificatie', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const naam = schoolNaam(t.brin, await store.school(t.brin));
        const pgn = (formulier(req.body)['pgn'] ?? '').trim();
        const leerling = deps.testleerlingen.find((l) => l.pgn === pgn && l.wachtOpKlaarzetten);
        const mislukt = (code: number, zin: string) => stuur(reply, code, testleerlingen(req, t, naam, undefined, { gelukt: false, zinnen: [zin] }));
        if (!leerling) return mislukt(400, 'Kies een van de leerlingen onder “Notificatie testen”: alleen voor hen staat het dossier nog niet klaar.');
        let uitkomsten: NotificatieUitkomst[];
        try {
          uitkomsten = await binnen(deps.notificeren(leverancier, { doelBrin: t.brin, pgn }), deps.opvraagTijdslimietMs ?? 90_000);
        } catch (e) {
          if (e instanceof LasFout) return mislukt(409, e.message);
          if (e instanceof OpvragenDuurtTeLang)
            return mislukt(504, `Testschool ${leverancier} heeft nog geen antwoord van uw LAS op de notificatie. Kijk over een paar minuten bij Uitwisselingen onder Alle berichten.`);
          req.log.error({ url: verbergSchoolToken(req.url), err: e }, 'notificatie through the portal failed');
          return mislukt(502, `Testschool ${leverancier} kon nu geen notificatie sturen door een fout in de testomgeving. Probeer het over een paar minuten nog eens; blijft het misgaan, meld het dan bij de beheerder.`);
        }
        return stuur(reply, 200, testleerlingen(req, t, naam, undefined, notificatieVerslag(leverancier, leerling.naam, uitkomsten)));
      });

      portaal.get('/school/:token/uitwisseling/:id', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const u = await eigenUitwisseling(t.brin, (req.params as { id: string }).id);
        if (!u) return nietGevonden(reply);
        const basis = schoolPad(req);
        const naam = schoolNaam(t.brin, await store.school(t.brin));
        return stuur(reply, 200, uitwisselingPagina({ uitwisseling: u, schoolNaam: naam, afdrukHref: `${basis}/uitwisseling/${u.id}/dossier`, terugHref: basis, nav: schoolNav(basis, undefined), wie: naam }));
      });

      portaal.get('/school/:token/bericht/:id', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const b = await eigenBericht(t.brin, (req.params as { id: string }).id);
        if (!b) return nietGevonden(reply);
        const basis = schoolPad(req);
        return stuur(reply, 200, berichtPagina({ bericht: b, terugHref: basis, nav: schoolNav(basis, undefined), wie: schoolNaam(t.brin, await store.school(t.brin)) }));
      });

      portaal.get('/school/:token/uitwisseling/:id/dossier', async (req, reply) => {
        const t = await toegang(req);
        if (!t) return nietGevonden(reply);
        const u = await eigenUitwisseling(t.brin, (req.params as { id: string }).id);
        return afdruk(reply, u);
      });

      function afdruk(reply: FastifyReply, u: TestschoolUitwisseling | undefined) {
        if (!u?.xml) return nietGevonden(reply);
        try {
          return stuur(reply, 200, renderDossierAfdruk(u.xml, 'Overstapdossier'));
        } catch {
          return stuur(reply, 422, foutPagina('Het ontvangen bestand is geen leesbaar dossier en kan daarom niet worden afgedrukt. De bevindingen bij de uitwisseling zeggen waarom.'));
        }
      }

      // ---- Beheer (Kennisnet) ---------------------------------------------------------------------------------------

      /** The admin session of the cookie, when it is current and holds the admin token. */
      function beheerder(req: FastifyRequest): BeheerSessie | undefined {
        const sessie = leesBeheerSessie(cookies(req).get(BEHEER_COOKIE));
        return sessie && deps.isBeheerToken(sessie.token) ? sessie : undefined;
      }

      const beheerCookie = (waarde: string, maxAge: number) =>
        `${BEHEER_COOKIE}=${encodeURIComponent(waarde)}; Path=/portaal; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAge}`;

      async function overzicht(reply: FastifyReply, sessie: BeheerSessie, status = 200, boodschap: { melding?: string; fout?: string } = {}) {
        const [aanleverpunten, scholen, audit, kwalificaties] = await Promise.all([store.aanleverpunten(), store.scholen(), store.audit({ limit: 200 }), store.kwalificaties({ limit: 200 })]);
        return stuur(
          reply,
          status,
          beheerPagina({
            aanleverpunten: [...aanleverpunten].sort((a, b) => a.brin.localeCompare(b.brin) || a.routeringsKenmerk.localeCompare(b.routeringsKenmerk)),
            scholen: [...scholen].sort((a, b) => a.brin.localeCompare(b.brin)),
            audit: [...audit].sort((a, b) => b.id - a.id),
            kwalificaties,
            csrf: csrfVoor(sessie),
            ...boodschap,
          }),
        );
      }

      portaal.get('/beheer', async (req, reply) => {
        const sessie = beheerder(req);
        return sessie ? overzicht(reply, sessie) : stuur(reply, 200, inlogPagina());
      });

      // A qualification report and the exchanges of its runs: the admin sees every stored exchange, whichever school it concerns.
      portaal.get('/beheer/kwalificatie/:id', async (req, reply) => {
        if (!beheerder(req)) return stuur(reply, 403, inlogPagina('Log eerst in.'));
        const id = (req.params as { id: string }).id;
        const k = /^\d{1,15}$/.test(id) ? await store.kwalificatie(Number(id)) : undefined;
        return k ? stuur(reply, 200, kwalificatiePagina(k, beheerNav())) : nietGevonden(reply);
      });
      portaal.get('/beheer/bericht/:id', async (req, reply) => {
        if (!beheerder(req)) return stuur(reply, 403, inlogPagina('Log eerst in.'));
        const id = (req.params as { id: string }).id;
        const b = /^\d{1,15}$/.test(id) ? await store.bericht(Number(id)) : undefined;
        return b ? stuur(reply, 200, berichtPagina({ bericht: b, terugHref: '/portaal/beheer', nav: beheerNav(), wie: 'Beheer (Kennisnet)' })) : nietGevonden(reply);
      });

      portaal.post('/beheer/inloggen', async (req, reply) => {
        const token = formulier(req.body)['token'] ?? '';
        if (!token || token.length > 512 || !deps.isBeheerToken(token)) return stuur(reply, 401, inlogPagina('Dit beheertoken klopt niet. Controleer het en probeer het opnieuw.'));
        return reply.code(303).header('set-cookie', beheerCookie(`${Date.now()}.${token}`, BEHEER_SESSIE_MS / 1000)).header('location', '/portaal/beheer').send();
      });

      /** An admin action: the cookie and the CSRF token of the form, or nothing happens. */
      async function beheerActie(req: FastifyRequest, reply: FastifyReply, actie: (form: Formulier, sessie: BeheerSessie) => Promise<FastifyReply>) {
        const sessie = beheerder(req);
        if (!sessie) return stuur(reply, 403, inlogPagina('Log eerst in. Uw sessie is verlopen of u bent niet ingelogd.'));
        const form = formulier(req.body);
        if (!gelijk(form['csrf'] ?? '', csrfVoor(sessie)))
          return stuur(reply, 403, foutPagina('Deze actie is niet uitgevoerd: het formulier kwam niet van deze beheerpagina (of is verlopen). Open de beheerpagina opnieuw en probeer het nog eens.'));
        return actie(form, sessie);
      }

      portaal.post('/beheer/uitloggen', async (req, reply) =>
        beheerActie(req, reply, async () => reply.code(303).header('set-cookie', beheerCookie('', 0)).header('location', '/portaal/beheer').send()),
      );

      for (const [pad, opgeschort] of [['opschorten', true], ['herstellen', false]] as const)
        portaal.post(`/beheer/aanleverpunt/${pad}`, async (req, reply) =>
          beheerActie(req, reply, async (form, sessie) => {
            const rk = form['routeringsKenmerk'] ?? '';
            const gedaan = rk.length > 0 && rk.length <= 200 && (await store.aanleverpuntOpschorten(rk, opgeschort, 'beheerder'));
            return gedaan
              ? overzicht(reply, sessie, 200, { melding: `Aanleverpunt ${rk} is ${opgeschort ? 'opgeschort' : 'hersteld'}.` })
              : overzicht(reply, sessie, 404, { fout: `Er is geen aanleverpunt ${rk}; er is niets gewijzigd.` });
          }),
        );

      portaal.post('/beheer/aanleverpunt/verwijderen', async (req, reply) =>
        beheerActie(req, reply, async (form, sessie) => {
          const rk = form['routeringsKenmerk'] ?? '';
          const gedaan = rk.length > 0 && rk.length <= 200 && (await store.aanleverpuntVerwijderen(rk, 'beheerder'));
          return gedaan
            ? overzicht(reply, sessie, 200, { melding: `Aanleverpunt ${rk} is verwijderd.` })
            : overzicht(reply, sessie, 404, { fout: `Er is geen aanleverpunt ${rk}; er is niets verwijderd.` });
        }),
      );

      portaal.post('/beheer/toegang/uitgeven', async (req, reply) =>
        beheerActie(req, reply, async (form, sessie) => {
          const brin = form['brin'] ?? '';
          const omschrijving = (form['omschrijving'] ?? '').trim().slice(0, 200);
          const school = BRIN_VORM.test(brin) ? await store.school(brin) : undefined;
          if (!school) return overzicht(reply, sessie, 404, { fout: `Er is geen school met BRIN ${brin}; er is geen link uitgegeven.` });
          if (!omschrijving) return overzicht(reply, sessie, 400, { fout: 'Vul in voor wie de link is; er is geen link uitgegeven.' });
          const { token: schoolToken } = await store.toegangUitgeven(brin, omschrijving);
          const basis = (deps.publiekeUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
          return stuur(reply, 200, linkUitgegevenPagina({ school: schoolNaam(brin, school), omschrijving, link: `${basis}/portaal/school/${schoolToken}` }));
        }),
      );

      portaal.post('/beheer/toegang/intrekken', async (req, reply) =>
        beheerActie(req, reply, async (form, sessie) => {
          const brin = form['brin'] ?? '';
          if (!BRIN_VORM.test(brin)) return overzicht(reply, sessie, 404, { fout: `Er is geen school met BRIN ${brin}.` });
          const n = await store.toegangIntrekken(brin);
          return overzicht(reply, sessie, 200, { melding: n ? `${n === 1 ? 'De link' : `${n} links`} van ${brin} ${n === 1 ? 'is' : 'zijn'} ingetrokken.` : `${brin} had geen geldige links.` });
        }),
      );

      /**
       * Someone other than the school looks at one school, reached by BRIN: the admin (any school) or a vendor by its
       * certificate (the schools whose aanleverpunten it registered). The same pages the school sees; without the right
       * to look, `weiger` answers; a school outside the viewer's reach is the 404 of a page that does not exist.
       */
      interface Kijker {
        pad: string;
        wie: string;
        nav: NavLink[];
        /** Undefined when the request has no right to this view at all (no login, no certificate). */
        magZien(req: FastifyRequest): Promise<((brin: string) => Promise<boolean>) | undefined>;
        weiger(reply: FastifyReply): FastifyReply;
      }

      function schoolWeergave(k: Kijker): void {
        async function school(req: FastifyRequest, reply: FastifyReply): Promise<{ brin: string; naam: string; basis: string } | FastifyReply> {
          const mag = await k.magZien(req);
          if (!mag) return k.weiger(reply);
          const brin = (req.params as { brin: string }).brin;
          const s = BRIN_VORM.test(brin) && (await mag(brin)) ? await store.school(brin) : undefined;
          return s ? { brin, naam: schoolNaam(brin, s), basis: `/portaal${k.pad}/school/${brin}` } : nietGevonden(reply);
        }
        const id = (req: FastifyRequest) => (req.params as { id: string }).id;

        portaal.get(`${k.pad}/school/:brin`, async (req, reply) => {
          const s = await school(req, reply);
          if (!('brin' in s)) return s;
          const g = await tijdlijnGegevens(s.brin);
          const basis = s.basis;
          return stuur(reply, 200, tijdlijnPagina({ brin: s.brin, ...g, uitwisselingHref: (i) => `${basis}/uitwisseling/${i}`, berichtHref: (i) => `${basis}/bericht/${i}`, nav: k.nav, wie: k.wie, deSchool: 'de school', limiet: Math.min(MAX_BERICHTEN, MAX_UITWISSELINGEN) }));
        });

        portaal.get(`${k.pad}/school/:brin/uitwisseling/:id`, async (req, reply) => {
          const s = await school(req, reply);
          if (!('brin' in s)) return s;
          const u = await eigenUitwisseling(s.brin, id(req));
          if (!u) return nietGevonden(reply);
          return stuur(reply, 200, uitwisselingPagina({ uitwisseling: u, schoolNaam: s.naam, afdrukHref: `${s.basis}/uitwisseling/${u.id}/dossier`, terugHref: s.basis, nav: k.nav, wie: k.wie, deSchool: 'de school' }));
        });

        portaal.get(`${k.pad}/school/:brin/uitwisseling/:id/dossier`, async (req, reply) => {
          const s = await school(req, reply);
          if (!('brin' in s)) return s;
          return afdruk(reply, await eigenUitwisseling(s.brin, id(req)));
        });

        portaal.get(`${k.pad}/school/:brin/bericht/:id`, async (req, reply) => {
          const s = await school(req, reply);
          if (!('brin' in s)) return s;
          const b = await eigenBericht(s.brin, id(req));
          if (!b) return nietGevonden(reply);
          return stuur(reply, 200, berichtPagina({ bericht: b, terugHref: s.basis, nav: k.nav, wie: k.wie }));
        });
      }

      schoolWeergave({
        pad: '/beheer',
        wie: 'Beheer (Kennisnet)',
        nav: beheerNav(),
        magZien: async (req) => (beheerder(req) ? async () => true : undefined),
        weiger: (reply) => stuur(reply, 403, inlogPagina('Log eerst in.')),
      });

      // ---- Leverancier (by the certificate its LAS uses) ------------------------------------------------------------

      /** The OIN of a verified client certificate on this connection; only over TLS, and only when the chain checks out. */
      function leverancierOin(req: FastifyRequest): string | undefined {
        const socket = req.raw.socket;
        if (!(socket instanceof TLSSocket)) return undefined;
        const check = checkClientCertificate(socket);
        return check.ok ? check.certificate.oin : undefined;
      }

      const leverancierNav: NavLink[] = [
        { href: '/portaal/leverancier', tekst: 'Uw scholen' },
        { href: '/portaal', tekst: 'Over deze testomgeving' },
      ];
      const geenCertificaat = (reply: FastifyReply) => stuur(reply, 403, geenCertificaatPagina());

      portaal.get('/leverancier', async (req, reply) => {
        const oin = leverancierOin(req);
        if (!oin) return geenCertificaat(reply);
        const aps = (await store.aanleverpunten({ eigenaarOin: oin })).filter((ap) => ap.eigenaarOin === oin);
        const scholen = await Promise.all([...new Set(aps.map((ap) => ap.brin))].sort().map(async (brin) => ({ brin, school: await store.school(brin), aanleverpunten: aps.filter((ap) => ap.brin === brin) })));
        return stuur(reply, 200, leverancierPagina({ oin, scholen, nav: leverancierNav }));
      });

      schoolWeergave({
        pad: '/leverancier',
        wie: 'Leverancier',
        nav: leverancierNav,
        magZien: async (req) => {
          const oin = leverancierOin(req);
          if (!oin) return undefined;
          return async (brin) => (await store.aanleverpunten({ brin, eigenaarOin: oin })).some((ap) => ap.brin === brin && ap.eigenaarOin === oin);
        },
        weiger: geenCertificaat,
      });
    },
    { prefix: PORTAAL_PREFIX },
  );
}

/** What a school reads after asking for a notificatie: per aanleverpunt whether its LAS received it, and what next. */
function notificatieVerslag(testschool: string, leerlingNaam: string, uitkomsten: readonly NotificatieUitkomst[]): NonNullable<TestleerlingenGegevens['notificatie']> {
  const zinnen = [`Testschool ${testschool} heeft het dossier van ${leerlingNaam} klaargezet voor uw school.`];
  for (const u of uitkomsten) {
    const uitleg = uitkomstUitleg(u.resultaat);
    zinnen.push(
      uitleg.gelukt
        ? `Uw LAS heeft de notificatie ontvangen (aanleverpunt ${u.doelRouteringsKenmerk}). Kijk in uw LAS of die daar zichtbaar is, en vraag het dossier nu opnieuw op: het wordt geleverd.`
        : `De notificatie aan aanleverpunt ${u.doelRouteringsKenmerk} is niet aangekomen: ${uitleg.code}. ${uitleg.betekenis}${u.fout ? ` (${u.fout})` : ''} Uw LAS kan het dossier wel opvragen; geef deze melding aan uw leverancier.`,
    );
  }
  return { gelukt: uitkomsten.every((u) => uitkomstUitleg(u.resultaat).gelukt), zinnen };
}
