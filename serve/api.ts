/**
 * The machine API of `serve` (JSON under /api, on the service's one HTTPS port): health, the test pupils, vendors
 * registering their aanleverpunten by client certificate, the admin's register management and school access, and a
 * testschool asking a school's LAS for a dossier. docs/serve.openapi.json describes every route; a test holds the two
 * together. Messages are Dutch: school administrators and vendors read them.
 */
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Leerling } from '../simulator/dossier/leerling.ts';
import { LasFout } from '../simulator/las/las-system.ts';
import type { Sector } from '../simulator/register/register.ts';
import { checkClientCertificate } from '../simulator/transport/peer-certificate.ts';
import type { GeregistreerdAanleverpunt, NieuweKwalificatie, OpgeslagenKwalificatie, Store, TestschoolUitwisseling } from '../store/store.ts';
import { isBeheerToken } from './beheer-token.ts';
import type { StoreRegister } from './store-register.ts';
import { testleerlingen } from './testleerlingen.ts';
import type { HostedTestscholen } from './testscholen.ts';

export const API_PREFIX = '/api';

export interface ApiDeps {
  store: Store;
  register: StoreRegister;
  testscholen: HostedTestscholen;
  administratie: readonly Leerling[];
  beheerToken: string;
  /** Request bodies are small JSON objects. */
  bodyLimitBytes?: number;
}

/** A refusal with its HTTP status and a Dutch message. */
class ApiFout extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const BRIN = /^[0-9]{2}[A-Z]{2}$/;
const ROUTERINGSKENMERK = /^[0-9A-Z]{20}$/;
const SECTOREN: readonly Sector[] = ['PO', 'VO', 'SO/VSO', 'MBO', 'SWV'];
const DATUM = /^\d{4}-\d{2}-\d{2}$/;
/** A list answer holds at most this many items: a long-running service's log would not fit one answer. */
const MAX_LIMIT = 1000;

/** kwalificatie.json of a full qualification, with every run's message, stays well under this. */
const KWALIFICATIE_LIMIET = 4 * 1024 * 1024;
const VERDICTS: readonly OpgeslagenKwalificatie['verdict'][] = ['GESLAAGD', 'NIET_GESLAAGD', 'ONVOLLEDIG'];

/** A list answer leaves out each report's full kwalificatie.json; GET /beheer/kwalificaties/{id} gives it. */
const zonderRapport = ({ kwalificatie: _k, ...rest }: OpgeslagenKwalificatie) => rest;

/**
 * What qualify --tegen posts, checked: kwalificatie.json (its verdict, SUT, vendor, date and executor are what the admin
 * view lists), the SUT's BRINs and, per run, the ids of the exchanges this service stored for it.
 */
function nieuweKwalificatie(body: Record<string, unknown>): NieuweKwalificatie {
  const k = body['kwalificatie'];
  if (typeof k !== 'object' || k === null || Array.isArray(k)) throw new ApiFout(400, `Veld 'kwalificatie' moet de inhoud van kwalificatie.json zijn (een JSON-object).`);
  const rapport = k as Record<string, unknown>;
  const sut = rapport['sut'] as Record<string, unknown> | undefined;
  const tekstVan = (waarde: unknown, veld: string) => {
    if (typeof waarde !== 'string' || waarde === '') throw new ApiFout(400, `kwalificatie.${veld} ontbreekt of is geen tekst.`);
    return waarde;
  };
  const verdict = rapport['verdict'];
  if (!VERDICTS.includes(verdict as never)) throw new ApiFout(400, `kwalificatie.verdict moet een van ${VERDICTS.join(', ')} zijn.`);
  if (typeof sut !== 'object' || sut === null) throw new ApiFout(400, 'kwalificatie.sut ontbreekt.');
  const brins = body['brins'];
  if (!Array.isArray(brins) || !brins.every((b) => typeof b === 'string' && BRIN.test(b))) throw new ApiFout(400, `Veld 'brins' moet een lijst van BRIN-codes zijn (twee cijfers en twee hoofdletters).`);
  const runs = body['runs'];
  const runGoed = (r: unknown) => {
    const x = r as Record<string, unknown>;
    return typeof r === 'object' && r !== null && typeof x['run'] === 'string' && typeof x['status'] === 'string' && Array.isArray(x['berichten']) && (x['berichten'] as unknown[]).every((id) => Number.isSafeInteger(id));
  };
  if (!Array.isArray(runs) || !runs.every(runGoed)) throw new ApiFout(400, `Veld 'runs' moet een lijst zijn van { run, status, berichten: [id, …] }.`);
  return {
    leverancier: tekstVan(sut['leverancier'], 'sut.leverancier'),
    sut: { naam: tekstVan(sut['naam'], 'sut.naam'), versie: tekstVan(sut['versie'], 'sut.versie') },
    verdict: verdict as OpgeslagenKwalificatie['verdict'],
    datum: tekstVan(rapport['datum'], 'datum'),
    uitvoerder: tekstVan(rapport['uitvoerder'], 'uitvoerder'),
    brins: brins as string[],
    runs: (runs as Record<string, unknown>[]).map((r) => ({ run: r['run'] as string, status: r['status'] as string, berichten: r['berichten'] as number[] })),
    kwalificatie: rapport,
  };
}

type Wie = { soort: 'beheerder' } | { soort: 'leverancier'; oin: string; naam: string } | { soort: 'school'; brin: string };

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  const { store } = deps;

  /** The vendor's verified client certificate (chained to the test CA or a configured trust anchor), if any. */
  const certificaat = (req: FastifyRequest): { oin: string; naam: string } | undefined => {
    const check = checkClientCertificate(req.raw.socket as TLSSocket);
    if (!check.ok) return undefined;
    const velden = Object.fromEntries(check.certificate.subject.split(', ').map((d) => d.split('=') as [string, string]));
    return { oin: check.certificate.oin, naam: velden['O'] ?? velden['CN'] ?? `OIN ${check.certificate.oin}` };
  };
  const bearer = (req: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  const isBeheerder = (req: FastifyRequest) => isBeheerToken(bearer(req), deps.beheerToken);
  /** Who asks: the admin (token), a school (its portal token) or a vendor (certificate); the first that applies. */
  const wie = async (req: FastifyRequest): Promise<Wie | undefined> => {
    const token = bearer(req);
    if (token && isBeheerToken(token, deps.beheerToken)) return { soort: 'beheerder' };
    if (token) {
      const toegang = await store.toegangVoorToken(token);
      if (toegang && !toegang.ingetrokken) return { soort: 'school', brin: toegang.brin };
      throw new ApiFout(401, 'Dit toegangstoken is onbekend of ingetrokken.');
    }
    const cert = certificaat(req);
    return cert ? { soort: 'leverancier', ...cert } : undefined;
  };
  const vereisBeheerder = (req: FastifyRequest) => {
    if (!isBeheerder(req)) throw new ApiFout(401, 'Alleen de beheerder mag dit: stuur Authorization: Bearer <beheertoken>.');
  };
  const vereisCertificaat = (req: FastifyRequest) => {
    const cert = certificaat(req);
    if (!cert) throw new ApiFout(401, 'Een geldig clientcertificaat (uitgegeven onder de test-CA of een ingesteld vertrouwensanker, met een OIN) is vereist.');
    return cert;
  };
  const json = (req: FastifyRequest): Record<string, unknown> => {
    const tekst = typeof req.body === 'string' ? req.body : '';
    let waarde: unknown;
    try {
      waarde = JSON.parse(tekst);
    } catch {
      throw new ApiFout(400, 'De body is geen geldige JSON.');
    }
    if (typeof waarde !== 'object' || waarde === null || Array.isArray(waarde)) throw new ApiFout(400, 'De body moet een JSON-object zijn.');
    return waarde as Record<string, unknown>;
  };
  const tekst = (body: Record<string, unknown>, veld: string, patroon?: RegExp, uitleg?: string): string => {
    const waarde = body[veld];
    if (typeof waarde !== 'string' || waarde === '') throw new ApiFout(400, `Veld '${veld}' ontbreekt of is geen tekst.`);
    if (patroon && !patroon.test(waarde)) throw new ApiFout(400, `Veld '${veld}' is ongeldig (${JSON.stringify(waarde)}): ${uitleg}.`);
    return waarde;
  };
  const optioneel = (body: Record<string, unknown>, veld: string) => {
    const waarde = body[veld];
    if (waarde === undefined) return undefined;
    if (typeof waarde !== 'string') throw new ApiFout(400, `Veld '${veld}' moet tekst zijn.`);
    return waarde;
  };
  const alleenVelden = (body: Record<string, unknown>, toegestaan: string[]) => {
    const over = Object.keys(body).filter((k) => !toegestaan.includes(k));
    if (over.length) throw new ApiFout(400, `Onbekend veld ${over.map((k) => `'${k}'`).join(', ')}; toegestaan: ${toegestaan.join(', ')}.`);
  };
  /** A school acts for itself; its vendor (an aanleverpunt of that school under its OIN) and the admin for any. */
  const magVoorSchool = async (req: FastifyRequest, schoolBrin: string): Promise<boolean> => {
    const aanvrager = await wie(req);
    return (
      aanvrager?.soort === 'beheerder' ||
      (aanvrager?.soort === 'school' && aanvrager.brin === schoolBrin) ||
      (aanvrager?.soort === 'leverancier' && (await store.aanleverpunten({ brin: schoolBrin, eigenaarOin: aanvrager.oin })).length > 0)
    );
  };
  const testschoolBrins = () => [deps.testscholen.po, deps.testscholen.vo].flatMap((las) => las.schools.map((s) => s.brin));
  const zonderXml = ({ xml: _xml, ...rest }: TestschoolUitwisseling) => rest;

  app.register(
    async (api) => {
      api.setNotFoundHandler((req, reply) => reply.code(404).send({ fout: `Onbekende API-route: ${req.method} ${req.url}.` }));
      api.setErrorHandler((err: { code?: string; message: string; statusCode?: number }, _req, reply: FastifyReply) => {
        if (err instanceof ApiFout) return reply.code(err.status).send({ fout: err.message });
        if (err instanceof LasFout) return reply.code(400).send({ fout: err.message });
        if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ fout: `De body is te groot (maximaal ${deps.bodyLimitBytes ?? 64 * 1024} bytes).` });
        return reply.code(500).send({ fout: `Interne fout: ${err.message}` });
      });
      const limiet = { bodyLimit: deps.bodyLimitBytes ?? 64 * 1024 };

      api.get('/gezondheid', async (_req, reply) => {
        try {
          const tellingen = await store.tellingen();
          return { status: 'ok', database: store.soort, sessies: tellingen.sessies, berichten: tellingen.berichten };
        } catch (e) {
          return reply.code(503).send({ status: 'fout', database: store.soort, fout: `De database antwoordt niet: ${(e as Error).message}` });
        }
      });

      api.get('/testleerlingen', async () => ({
        testleerlingen: testleerlingen(deps.administratie),
        testscholen: [deps.testscholen.po, deps.testscholen.vo].flatMap((las) =>
          las.schools.map((s) => ({ brin: s.brin, naam: s.naam, sector: s.sector, routeringsKenmerk: s.routeringsKenmerk, url: las.apUrl(s.routeringsKenmerk) })),
        ),
      }));

      api.post('/aanleverpunten', limiet, async (req, reply) => {
        const cert = vereisCertificaat(req);
        const body = json(req);
        alleenVelden(body, ['routeringsKenmerk', 'brin', 'url', 'naam', 'sector', 'vestigingscode']);
        const routeringsKenmerk = tekst(body, 'routeringsKenmerk', ROUTERINGSKENMERK, 'verwacht 20 cijfers of hoofdletters');
        const brin = tekst(body, 'brin', BRIN, 'verwacht twee cijfers en twee hoofdletters, bijvoorbeeld 12AB');
        const url = tekst(body, 'url');
        if (!URL.canParse(url) || new URL(url).protocol !== 'https:') throw new ApiFout(400, `Veld 'url' moet een https-URL zijn, niet ${JSON.stringify(url)}.`);
        const sector = optioneel(body, 'sector') ?? 'VO';
        if (!SECTOREN.includes(sector as Sector)) throw new ApiFout(400, `Veld 'sector' moet een van ${SECTOREN.join(', ')} zijn.`);
        const vestigingscode = optioneel(body, 'vestigingscode') ?? '00';
        if (!/^\d{2}$/.test(vestigingscode)) throw new ApiFout(400, `Veld 'vestigingscode' moet twee cijfers zijn.`);
        if (testschoolBrins().includes(brin)) throw new ApiFout(403, `${brin} is een testschool van deze dienst; daarvoor registreert u geen aanleverpunt.`);
        const bestaand = await store.aanleverpunt(routeringsKenmerk);
        const vanEenAnder = () => new ApiFout(403, `Aanleverpunt ${routeringsKenmerk} is geregistreerd door een ander certificaat; alleen de eigenaar mag het wijzigen.`);
        if (bestaand && bestaand.eigenaarOin !== cert.oin) throw vanEenAnder();
        if (!(await store.school(brin)))
          await store.schoolToevoegen({ brin, vestigingscode, naam: optioneel(body, 'naam') ?? `School ${brin}`, sector: sector as Sector });
        const ap: GeregistreerdAanleverpunt = {
          routeringsKenmerk,
          brin,
          url,
          actief: true,
          eigenaarOin: cert.oin,
          leverancier: cert.naam,
          geregistreerdOp: bestaand?.geregistreerdOp ?? new Date().toISOString(),
          opgeschort: bestaand?.opgeschort ?? false,
        };
        // The store checks the owner again, atomically: another vendor may have registered it a moment ago.
        if ((await store.aanleverpuntRegistreren(ap, `OIN ${cert.oin}`)) === 'van-een-ander') throw vanEenAnder();
        deps.register.noemPartij(cert.oin, cert.naam);
        return reply.code(bestaand ? 200 : 201).send({ aanleverpunt: ap });
      });

      api.get('/aanleverpunten', async (req) => {
        const cert = vereisCertificaat(req);
        return { aanleverpunten: await store.aanleverpunten({ eigenaarOin: cert.oin }) };
      });

      api.get('/beheer/aanleverpunten', async (req) => {
        vereisBeheerder(req);
        return { aanleverpunten: await store.aanleverpunten() };
      });
      const opschorten = (opgeschort: boolean) => async (req: FastifyRequest) => {
        vereisBeheerder(req);
        const { routeringsKenmerk } = req.params as { routeringsKenmerk: string };
        if (!(await store.aanleverpuntOpschorten(routeringsKenmerk, opgeschort, 'beheerder'))) throw new ApiFout(404, `Aanleverpunt ${routeringsKenmerk} is niet geregistreerd.`);
        return { aanleverpunt: await store.aanleverpunt(routeringsKenmerk) };
      };
      api.post('/beheer/aanleverpunten/:routeringsKenmerk/opschorten', opschorten(true));
      api.post('/beheer/aanleverpunten/:routeringsKenmerk/herstellen', opschorten(false));
      api.delete('/beheer/aanleverpunten/:routeringsKenmerk', async (req) => {
        vereisBeheerder(req);
        const { routeringsKenmerk } = req.params as { routeringsKenmerk: string };
        if (!(await store.aanleverpuntVerwijderen(routeringsKenmerk, 'beheerder'))) throw new ApiFout(404, `Aanleverpunt ${routeringsKenmerk} is niet geregistreerd.`);
        return { verwijderd: routeringsKenmerk };
      });
      api.get('/beheer/audit', async (req) => {
        vereisBeheerder(req);
        const { sinds, limit } = req.query as { sinds?: string; limit?: string };
        const getal = (w: string | undefined, naam: string) => {
          if (w === undefined) return undefined;
          if (!/^\d+$/.test(w)) throw new ApiFout(400, `Parameter '${naam}' moet een geheel getal zijn.`);
          return Number(w);
        };
        const filter = { ...(getal(sinds, 'sinds') !== undefined ? { sinds: getal(sinds, 'sinds')! } : {}), ...(getal(limit, 'limit') !== undefined ? { limit: Math.min(getal(limit, 'limit')!, MAX_LIMIT) } : {}) };
        return { audit: await store.audit(filter) };
      });
      api.get('/beheer/berichten', async (req) => {
        vereisBeheerder(req);
        const { sessieId, brin, limit, naId } = req.query as { sessieId?: string; brin?: string; limit?: string; naId?: string };
        if (limit !== undefined && !/^\d+$/.test(limit)) throw new ApiFout(400, `Parameter 'limit' moet een geheel getal zijn.`);
        if (naId !== undefined && !/^\d{1,15}$/.test(naId)) throw new ApiFout(400, `Parameter 'naId' moet een geheel getal zijn (het id van een bericht).`);
        // With naId a reader follows the log (qualify --tegen reads a run's exchanges): the first ones after it.
        const berichten = await store.berichten({
          ...(sessieId ? { sessieId } : {}),
          ...(brin ? { brin } : {}),
          ...(naId !== undefined ? { naId: Number(naId) } : {}),
          limit: limit === undefined ? 100 : Math.min(Number(limit), MAX_LIMIT),
        });
        return { berichten };
      });
      api.post('/beheer/kwalificaties', { bodyLimit: KWALIFICATIE_LIMIET }, async (req, reply) => {
        vereisBeheerder(req);
        const body = json(req);
        alleenVelden(body, ['kwalificatie', 'brins', 'runs']);
        const opgeslagen = await store.kwalificatieToevoegen(nieuweKwalificatie(body));
        return reply.code(201).send({ kwalificatie: zonderRapport(opgeslagen) });
      });
      api.get('/beheer/kwalificaties', async (req) => {
        vereisBeheerder(req);
        const { leverancier } = req.query as { leverancier?: string };
        return { kwalificaties: (await store.kwalificaties(leverancier ? { leverancier } : {})).map(zonderRapport) };
      });
      api.get('/beheer/kwalificaties/:id', async (req) => {
        vereisBeheerder(req);
        const { id } = req.params as { id: string };
        if (!/^\d{1,15}$/.test(id)) throw new ApiFout(400, `Kwalificatie-id moet een getal zijn, niet ${JSON.stringify(id)}.`);
        const k = await store.kwalificatie(Number(id));
        if (!k) throw new ApiFout(404, `Kwalificatie ${id} bestaat niet.`);
        return { kwalificatie: k };
      });

      api.post('/beheer/toegang', limiet, async (req, reply) => {
        vereisBeheerder(req);
        const body = json(req);
        alleenVelden(body, ['brin', 'omschrijving']);
        const brin = tekst(body, 'brin', BRIN, 'verwacht twee cijfers en twee hoofdletters');
        const omschrijving = tekst(body, 'omschrijving');
        const { token } = await store.toegangUitgeven(brin, omschrijving);
        return reply.code(201).send({ brin, omschrijving, token });
      });

      api.post('/testscholen/:brin/opvragen', limiet, async (req) => {
        const { brin } = req.params as { brin: string };
        if (!deps.testscholen.lasVan(brin)) throw new ApiFout(404, `${brin} is geen testschool van deze dienst; wel: ${testschoolBrins().join(', ')}.`);
        const body = json(req);
        alleenVelden(body, ['bronBrin', 'pgn', 'geboortedatum']);
        const bronBrin = tekst(body, 'bronBrin', BRIN, 'verwacht twee cijfers en twee hoofdletters');
        const pgn = tekst(body, 'pgn', /^\d{9}$/, 'verwacht een BSN of onderwijsnummer van 9 cijfers');
        const geboortedatum = tekst(body, 'geboortedatum', DATUM, 'verwacht JJJJ-MM-DD');
        if (!(await magVoorSchool(req, bronBrin)))
          throw new ApiFout(
            (await wie(req)) ? 403 : 401,
            `Alleen school ${bronBrin} (met haar toegangstoken) of de leverancier met een aanleverpunt van ${bronBrin} (met zijn certificaat) mag dit dossier laten opvragen.`,
          );
        return deps.testscholen.opvragen({ testschoolBrin: brin, bronBrin, pgn, geboortedatum });
      });

      api.post('/testscholen/:brin/notificeren', limiet, async (req) => {
        const { brin } = req.params as { brin: string };
        if (!deps.testscholen.lasVan(brin)) throw new ApiFout(404, `${brin} is geen testschool van deze dienst; wel: ${testschoolBrins().join(', ')}.`);
        const body = json(req);
        alleenVelden(body, ['doelBrin', 'pgn']);
        const doelBrin = tekst(body, 'doelBrin', BRIN, 'verwacht twee cijfers en twee hoofdletters');
        const pgn = tekst(body, 'pgn', /^\d{9}$/, 'verwacht een BSN of onderwijsnummer van 9 cijfers');
        if (!(await magVoorSchool(req, doelBrin)))
          throw new ApiFout(
            (await wie(req)) ? 403 : 401,
            `Alleen school ${doelBrin} (met haar toegangstoken) of de leverancier met een aanleverpunt van ${doelBrin} (met zijn certificaat) mag een notificatie aan deze school laten sturen.`,
          );
        return { notificaties: await deps.testscholen.notificeren({ testschoolBrin: brin, doelBrin, pgn }) };
      });

      /** What the testscholen exchanged: a school sees its own, a vendor those of the schools it has APs for, the admin all. */
      const zichtbaar = async (req: FastifyRequest): Promise<(u: TestschoolUitwisseling) => boolean> => {
        const aanvrager = await wie(req);
        if (!aanvrager) throw new ApiFout(401, 'Stuur een toegangstoken (Authorization: Bearer …) of een clientcertificaat.');
        if (aanvrager.soort === 'beheerder') return () => true;
        if (aanvrager.soort === 'school') return (u) => u.schoolBrin === aanvrager.brin;
        const brins = new Set((await store.aanleverpunten({ eigenaarOin: aanvrager.oin })).map((ap) => ap.brin));
        return (u) => brins.has(u.schoolBrin);
      };
      api.get('/uitwisselingen', async (req) => {
        const mag = await zichtbaar(req);
        const { schoolBrin } = req.query as { schoolBrin?: string };
        const lijst = await store.uitwisselingen(schoolBrin ? { schoolBrin } : {});
        return { uitwisselingen: lijst.filter(mag).map(zonderXml) };
      });
      api.get('/uitwisselingen/:id', async (req) => {
        const mag = await zichtbaar(req);
        const { id } = req.params as { id: string };
        if (!/^\d+$/.test(id)) throw new ApiFout(400, `Uitwisseling-id moet een getal zijn, niet ${JSON.stringify(id)}.`);
        const u = await store.uitwisseling(Number(id));
        if (!u || !mag(u)) throw new ApiFout(404, `Uitwisseling ${id} bestaat niet of is niet van u.`);
        return { uitwisseling: u };
      });
    },
    { prefix: API_PREFIX },
  );
}
