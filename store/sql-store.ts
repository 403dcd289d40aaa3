/**
 * The one SQL implementation of the Store, the same text for PGlite and PostgreSQL (the driver is the only difference).
 *
 * Lists come in store order (id, oldest first). A `limit` without a cursor keeps the newest rows (a page shows the
 * latest); with a cursor (`naId`, `sinds`) it keeps the first rows after it (a reader follows the log).
 * Every write is one statement or one transaction, and resolves only after the driver made it durable.
 */
import type { School } from '../simulator/register/register.ts';
import type { Afmelding, NieuweSessie, Sessie, SessieGebeurtenis, SessionStore } from '../simulator/traffic-center/session-store.ts';
import { randomUUID } from 'node:crypto';
import { migreren } from './migrations.ts';
import { nieuwSchoolToken, tokenHash } from './school-token.ts';
import type { SqlDriver, SqlParam, SqlQuery } from './sql-driver.ts';
import type {
  AanleverpuntRegistratie,
  AuditRegel,
  GeregistreerdAanleverpunt,
  NieuwBericht,
  NieuweKwalificatie,
  NieuweTestschoolUitwisseling,
  OpgeslagenBericht,
  OpgeslagenKwalificatie,
  SchoolToegang,
  Store,
  StoreSoort,
  TestschoolUitwisseling,
} from './store.ts';

type Row = Record<string, unknown>;

const BEHEERDER = 'beheerder';

/** Builds a WHERE clause and its numbered parameters together, so they cannot drift apart. */
class Voorwaarden {
  readonly params: SqlParam[] = [];
  readonly #delen: string[] = [];
  param(waarde: SqlParam): string {
    this.params.push(waarde);
    return `$${this.params.length}`;
  }
  en(deel: string): void {
    this.#delen.push(deel);
  }
  get where(): string {
    return this.#delen.length ? `WHERE ${this.#delen.join(' AND ')}` : '';
  }
}

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new RangeError(`limit must be a whole number of at least 0, got ${limit}`);
}
function checkCursor(naam: string, waarde: number | undefined): void {
  if (waarde !== undefined && !Number.isInteger(waarde)) throw new RangeError(`${naam} must be a whole number (an id), got ${waarde}`);
}

/** The rows of `from where` in id order; see the header for what limit and cursor mean together. */
async function lijst(q: SqlQuery, select: string, v: Voorwaarden, limit: number | undefined, cursor: boolean): Promise<Row[]> {
  if (limit === undefined) return q.query(`${select} ${v.where} ORDER BY id`, v.params);
  if (cursor) return q.query(`${select} ${v.where} ORDER BY id LIMIT ${limit}`, v.params);
  return (await q.query<Row>(`${select} ${v.where} ORDER BY id DESC LIMIT ${limit}`, v.params)).reverse();
}

const datum = (x: unknown): Date => (x instanceof Date ? x : new Date(String(x)));
const iso = (x: unknown): string => datum(x).toISOString();
/** Optional columns: NULL becomes an absent property, as the in-memory objects have it. */
function optioneel<T extends object>(object: T): T {
  for (const [key, value] of Object.entries(object)) if (value === null || value === undefined) delete (object as Row)[key];
  return object;
}
const json = (x: unknown): string | null => (x === undefined ? null : JSON.stringify(x));

function naarSchool(r: Row): School {
  return { brin: String(r['brin']), vestigingscode: String(r['vestigingscode']), naam: String(r['naam']), sector: r['sector'] as School['sector'] };
}

function naarAanleverpunt(r: Row): GeregistreerdAanleverpunt {
  return {
    routeringsKenmerk: String(r['routerings_kenmerk']),
    brin: String(r['brin']),
    url: String(r['url']),
    actief: Boolean(r['actief']),
    eigenaarOin: String(r['eigenaar_oin']),
    leverancier: String(r['leverancier']),
    geregistreerdOp: String(r['geregistreerd_op']),
    opgeschort: Boolean(r['opgeschort']),
  };
}

function naarAudit(r: Row): AuditRegel {
  return optioneel({
    id: Number(r['id']),
    op: iso(r['op']),
    door: String(r['door']),
    actie: r['actie'] as AuditRegel['actie'],
    onderwerp: String(r['onderwerp']),
    details: (r['details'] ?? undefined) as Record<string, unknown> | undefined,
  });
}

function naarBericht(r: Row): OpgeslagenBericht {
  return optioneel({
    id: Number(r['id']),
    instantie: String(r['instantie']),
    brins: r['brins'] as string[],
    recordedBy: String(r['recorded_by']),
    operation: String(r['operation']),
    van: String(r['van']),
    naar: String(r['naar']),
    url: String(r['url']),
    request: String(r['request']),
    response: r['response'] as string | undefined,
    httpStatus: r['http_status'] === null ? undefined : Number(r['http_status']),
    uitkomst: String(r['uitkomst']),
    peerOin: r['peer_oin'] as string | undefined,
    sessieId: r['sessie_id'] as string | undefined,
    tls: r['tls'] as OpgeslagenBericht['tls'],
    startedAt: String(r['started_at']),
    durationMs: Number(r['duration_ms']),
  });
}

function naarKwalificatie(r: Row): OpgeslagenKwalificatie {
  return {
    id: Number(r['id']),
    ontvangenOp: iso(r['ontvangen_op']),
    leverancier: String(r['leverancier']),
    sut: { naam: String(r['sut_naam']), versie: String(r['sut_versie']) },
    verdict: r['verdict'] as OpgeslagenKwalificatie['verdict'],
    datum: String(r['datum']),
    uitvoerder: String(r['uitvoerder']),
    brins: r['brins'] as string[],
    runs: r['runs'] as OpgeslagenKwalificatie['runs'],
    kwalificatie: r['kwalificatie'] as Record<string, unknown>,
  };
}

function naarUitwisseling(r: Row): TestschoolUitwisseling {
  return optioneel({
    id: Number(r['id']),
    testschoolBrin: String(r['testschool_brin']),
    schoolBrin: String(r['school_brin']),
    richting: r['richting'] as TestschoolUitwisseling['richting'],
    pgn: String(r['pgn']),
    sessieId: r['sessie_id'] as string | undefined,
    op: String(r['op']),
    status: r['status'] as TestschoolUitwisseling['status'],
    reden: r['reden'] as string | undefined,
    xml: r['xml'] as string | undefined,
    bevindingen: r['bevindingen'] as TestschoolUitwisseling['bevindingen'],
    bijlagen: r['bijlagen'] as TestschoolUitwisseling['bijlagen'],
  });
}

function naarToegang(r: Row): SchoolToegang {
  return { brin: String(r['brin']), omschrijving: String(r['omschrijving']), uitgegevenOp: iso(r['uitgegeven_op']), ingetrokken: r['ingetrokken_op'] !== null };
}

async function auditVastleggen(tx: SqlQuery, door: string, actie: AuditRegel['actie'], onderwerp: string, details?: Record<string, unknown>): Promise<void> {
  await tx.query('INSERT INTO audit (door, actie, onderwerp, details) VALUES ($1, $2, $3, $4::text::jsonb)', [door, actie, onderwerp, json(details)]);
}

/** What an aanleverpunt's audit line records of it. */
const apDetails = (ap: GeregistreerdAanleverpunt) => ({
  brin: ap.brin,
  url: ap.url,
  actief: ap.actief,
  eigenaarOin: ap.eigenaarOin,
  leverancier: ap.leverancier,
  opgeschort: ap.opgeschort,
});

class SqlSessionStore implements SessionStore {
  #db: SqlDriver;
  constructor(db: SqlDriver) {
    this.#db = db;
  }

  async open(fields: NieuweSessie): Promise<Sessie> {
    const sessie: Sessie = { sessieId: randomUUID(), sessiecontroles: [], notificaties: [], ...fields };
    await this.#db.query(
      `INSERT INTO sessies (sessie_id, doel_brin, doel_routerings_kenmerk, bron_brin, overdrachtsoort, zoeksleutel, koppelsleutel, doel_oin, geopend_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::timestamptz)`,
      [
        sessie.sessieId,
        sessie.doelBrin,
        sessie.doelRouteringsKenmerk,
        sessie.bronBrin,
        sessie.overdrachtsoort,
        sessie.zoeksleutel ?? null,
        sessie.koppelsleutel ?? null,
        sessie.doelOin,
        sessie.geopendOp.toISOString(),
      ],
    );
    return sessie;
  }

  async get(sessieId: string): Promise<Sessie | undefined> {
    return (await this.#lees('WHERE s.sessie_id = $1', [sessieId]))[0];
  }

  async all(): Promise<Sessie[]> {
    return this.#lees('', []);
  }

  sessiecontroleVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void> {
    return this.#gebeurtenis(sessieId, 'sessiecontrole', gebeurtenis);
  }

  notificatieVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void> {
    return this.#gebeurtenis(sessieId, 'notificatie', gebeurtenis);
  }

  async afmelden(sessieId: string, afmelding: Afmelding): Promise<boolean> {
    // One statement decides: of two afmeldingen at once (on one instance or two) exactly one finds afmelding_op NULL.
    const rows = await this.#db.query(
      `UPDATE sessies SET afmelding_op = $2::text::timestamptz, afmelding_resultaatcode = $3, afmelding_bron_routerings_kenmerk = $4
       WHERE sessie_id = $1 AND afmelding_op IS NULL RETURNING sessie_id`,
      [sessieId, afmelding.op.toISOString(), afmelding.resultaatcode, afmelding.bronRouteringsKenmerk],
    );
    return rows.length === 1;
  }

  /** An event for an unknown session is dropped, as the in-memory store does: the TC has already answered it. */
  async #gebeurtenis(sessieId: string, soort: 'sessiecontrole' | 'notificatie', g: SessieGebeurtenis): Promise<void> {
    await this.#db.query(
      `INSERT INTO sessie_gebeurtenissen (sessie_id, soort, bron_routerings_kenmerk, op, resultaat)
       SELECT sessie_id, $2, $3, $4::text::timestamptz, $5 FROM sessies WHERE sessie_id = $1`,
      [sessieId, soort, g.bronRouteringsKenmerk, g.op.toISOString(), g.resultaat],
    );
  }

  /** One query per read, events included: get() sits on the TC's sessiecontrole path. */
  async #lees(where: string, params: SqlParam[]): Promise<Sessie[]> {
    const rijen = await this.#db.query<Row>(
      `SELECT s.*, (SELECT json_agg(json_build_object('soort', g.soort, 'bron', g.bron_routerings_kenmerk, 'op', g.op, 'resultaat', g.resultaat) ORDER BY g.id)
         FROM sessie_gebeurtenissen g WHERE g.sessie_id = s.sessie_id) AS gebeurtenissen
       FROM sessies s ${where} ORDER BY s.geopend_op, s.sessie_id`,
      params,
    );
    return rijen.map((r) => {
      const gebeurtenissen = (r['gebeurtenissen'] ?? []) as { soort: string; bron: string; op: string; resultaat: string }[];
      const van = (soort: string) =>
        gebeurtenissen.filter((g) => g.soort === soort).map((g) => ({ bronRouteringsKenmerk: g.bron, op: datum(g.op), resultaat: g.resultaat }));
      return optioneel({
        sessieId: String(r['sessie_id']),
        doelBrin: String(r['doel_brin']),
        doelRouteringsKenmerk: String(r['doel_routerings_kenmerk']),
        bronBrin: String(r['bron_brin']),
        overdrachtsoort: String(r['overdrachtsoort']),
        zoeksleutel: r['zoeksleutel'] as string | undefined,
        koppelsleutel: r['koppelsleutel'] as string | undefined,
        doelOin: String(r['doel_oin']),
        geopendOp: datum(r['geopend_op']),
        sessiecontroles: van('sessiecontrole'),
        notificaties: van('notificatie'),
        afmelding:
          r['afmelding_op'] === null
            ? undefined
            : {
                op: datum(r['afmelding_op']),
                resultaatcode: String(r['afmelding_resultaatcode']),
                bronRouteringsKenmerk: String(r['afmelding_bron_routerings_kenmerk']),
              },
      });
    });
  }
}

export class SqlStore implements Store {
  readonly soort: StoreSoort;
  readonly sessies: SessionStore;
  /** The `serve` instance this store belongs to (a name for logs; each bericht carries its own). */
  readonly instantie: string;
  #db: SqlDriver;

  private constructor(db: SqlDriver, instantie: string) {
    this.#db = db;
    this.soort = db.soort;
    this.instantie = instantie;
    this.sessies = new SqlSessionStore(db);
  }

  /** Runs the migrations this database lacks, then gives the store; closes the driver when that fails. */
  static async open(db: SqlDriver, instantie: string): Promise<SqlStore> {
    try {
      await migreren(db);
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
    return new SqlStore(db, instantie);
  }

  // Register

  async schoolToevoegen(school: School): Promise<void> {
    if (!school.brin) throw new TypeError('schoolToevoegen: a school needs a brin');
    await this.#db.transaction(async (tx) => {
      const voor = (await tx.query<Row>('SELECT * FROM scholen WHERE brin = $1 FOR UPDATE', [school.brin]))[0];
      await tx.query(
        `INSERT INTO scholen (brin, vestigingscode, naam, sector) VALUES ($1, $2, $3, $4)
         ON CONFLICT (brin) DO UPDATE SET vestigingscode = EXCLUDED.vestigingscode, naam = EXCLUDED.naam, sector = EXCLUDED.sector`,
        [school.brin, school.vestigingscode, school.naam, school.sector],
      );
      const na = { vestigingscode: school.vestigingscode, naam: school.naam, sector: school.sector };
      await auditVastleggen(tx, BEHEERDER, voor ? 'gewijzigd' : 'geregistreerd', `school ${school.brin}`, voor ? { voor: naarSchool(voor), na } : na);
    });
  }

  async school(brin: string): Promise<School | undefined> {
    const r = (await this.#db.query<Row>('SELECT * FROM scholen WHERE brin = $1', [brin]))[0];
    return r && naarSchool(r);
  }

  async scholen(): Promise<School[]> {
    return (await this.#db.query<Row>('SELECT * FROM scholen ORDER BY brin')).map(naarSchool);
  }

  async aanleverpuntRegistreren(ap: GeregistreerdAanleverpunt, door: string): Promise<AanleverpuntRegistratie> {
    if (!ap.routeringsKenmerk) throw new TypeError('aanleverpuntRegistreren: an aanleverpunt needs a routeringsKenmerk');
    return this.#db.transaction(async (tx) => {
      const voor = (await tx.query<Row>('SELECT * FROM aanleverpunten WHERE routerings_kenmerk = $1 FOR UPDATE', [ap.routeringsKenmerk]))[0];
      if (voor && voor['eigenaar_oin'] !== ap.eigenaarOin) return 'van-een-ander';
      // The owner is checked in the statement too: of two owners registering one new routeringsKenmerk at the same
      // moment (two instances, no row to lock yet), the second's insert becomes an update that its WHERE refuses.
      const geschreven = await tx.query(
        `INSERT INTO aanleverpunten (routerings_kenmerk, brin, url, actief, eigenaar_oin, leverancier, geregistreerd_op, opgeschort)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (routerings_kenmerk) DO UPDATE SET brin = EXCLUDED.brin, url = EXCLUDED.url, actief = EXCLUDED.actief,
           eigenaar_oin = EXCLUDED.eigenaar_oin, leverancier = EXCLUDED.leverancier, geregistreerd_op = EXCLUDED.geregistreerd_op,
           opgeschort = EXCLUDED.opgeschort
         WHERE aanleverpunten.eigenaar_oin = EXCLUDED.eigenaar_oin
         RETURNING routerings_kenmerk`,
        [ap.routeringsKenmerk, ap.brin, ap.url, ap.actief, ap.eigenaarOin, ap.leverancier, ap.geregistreerdOp, ap.opgeschort],
      );
      if (geschreven.length === 0) return 'van-een-ander';
      const onderwerp = `aanleverpunt ${ap.routeringsKenmerk}`;
      if (voor) await auditVastleggen(tx, door, 'gewijzigd', onderwerp, { voor: apDetails(naarAanleverpunt(voor)), na: apDetails(ap) });
      else await auditVastleggen(tx, door, 'geregistreerd', onderwerp, apDetails(ap));
      return voor ? 'gewijzigd' : 'geregistreerd';
    });
  }

  async aanleverpunt(routeringsKenmerk: string): Promise<GeregistreerdAanleverpunt | undefined> {
    const r = (await this.#db.query<Row>('SELECT * FROM aanleverpunten WHERE routerings_kenmerk = $1', [routeringsKenmerk]))[0];
    return r && naarAanleverpunt(r);
  }

  async aanleverpunten(filter: { brin?: string; eigenaarOin?: string } = {}): Promise<GeregistreerdAanleverpunt[]> {
    const v = new Voorwaarden();
    if (filter.brin !== undefined) v.en(`brin = ${v.param(filter.brin)}`);
    if (filter.eigenaarOin !== undefined) v.en(`eigenaar_oin = ${v.param(filter.eigenaarOin)}`);
    return (await this.#db.query<Row>(`SELECT * FROM aanleverpunten ${v.where} ORDER BY routerings_kenmerk`, v.params)).map(naarAanleverpunt);
  }

  async aanleverpuntOpschorten(routeringsKenmerk: string, opgeschort: boolean, door: string): Promise<boolean> {
    return this.#db.transaction(async (tx) => {
      const voor = (await tx.query<Row>('SELECT opgeschort FROM aanleverpunten WHERE routerings_kenmerk = $1 FOR UPDATE', [routeringsKenmerk]))[0];
      if (!voor) return false;
      // Suspending what is suspended changes nothing, so the audit trail records nothing either.
      if (Boolean(voor['opgeschort']) === opgeschort) return true;
      await tx.query('UPDATE aanleverpunten SET opgeschort = $2 WHERE routerings_kenmerk = $1', [routeringsKenmerk, opgeschort]);
      await auditVastleggen(tx, door, opgeschort ? 'opgeschort' : 'hersteld', `aanleverpunt ${routeringsKenmerk}`);
      return true;
    });
  }

  async aanleverpuntVerwijderen(routeringsKenmerk: string, door: string): Promise<boolean> {
    return this.#db.transaction(async (tx) => {
      const weg = (await tx.query<Row>('DELETE FROM aanleverpunten WHERE routerings_kenmerk = $1 RETURNING *', [routeringsKenmerk]))[0];
      if (!weg) return false;
      await auditVastleggen(tx, door, 'verwijderd', `aanleverpunt ${routeringsKenmerk}`, apDetails(naarAanleverpunt(weg)));
      return true;
    });
  }

  async audit(filter: { sinds?: number; limit?: number } = {}): Promise<AuditRegel[]> {
    checkLimit(filter.limit);
    checkCursor('sinds', filter.sinds);
    const v = new Voorwaarden();
    if (filter.sinds !== undefined) v.en(`id > ${v.param(filter.sinds)}`);
    return (await lijst(this.#db, 'SELECT * FROM audit', v, filter.limit, filter.sinds !== undefined)).map(naarAudit);
  }

  // Berichten

  async berichtToevoegen(b: NieuwBericht): Promise<OpgeslagenBericht> {
    const rows = await this.#db.query<Row>(
      `INSERT INTO berichten (instantie, recorded_by, operation, van, naar, url, request, response, http_status, uitkomst, peer_oin,
         sessie_id, tls, started_at, duration_ms, brins)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14, $15, $16::text[]) RETURNING id`,
      [
        b.instantie,
        b.recordedBy,
        b.operation,
        b.van,
        b.naar,
        b.url,
        b.request,
        b.response ?? null,
        b.httpStatus ?? null,
        b.uitkomst,
        b.peerOin ?? null,
        b.sessieId ?? null,
        json(b.tls),
        b.startedAt,
        b.durationMs,
        [...new Set(b.brins)],
      ],
    );
    return { ...b, brins: [...new Set(b.brins)], id: Number(rows[0]!['id']) };
  }

  async berichten(filter: { brin?: string; sessieId?: string; naId?: number; limit?: number } = {}): Promise<OpgeslagenBericht[]> {
    checkLimit(filter.limit);
    checkCursor('naId', filter.naId);
    const v = new Voorwaarden();
    if (filter.brin !== undefined) v.en(`brins @> ARRAY[${v.param(filter.brin)}]::text[]`);
    if (filter.sessieId !== undefined) v.en(`sessie_id = ${v.param(filter.sessieId)}`);
    if (filter.naId !== undefined) v.en(`id > ${v.param(filter.naId)}`);
    return (await lijst(this.#db, 'SELECT * FROM berichten', v, filter.limit, filter.naId !== undefined)).map(naarBericht);
  }

  async bericht(id: number): Promise<OpgeslagenBericht | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const r = (await this.#db.query<Row>('SELECT * FROM berichten WHERE id = $1', [id]))[0];
    return r && naarBericht(r);
  }

  // Testschool-uitwisselingen

  async uitwisselingToevoegen(u: NieuweTestschoolUitwisseling): Promise<TestschoolUitwisseling> {
    const rows = await this.#db.query<Row>(
      `INSERT INTO testschool_uitwisselingen (testschool_brin, school_brin, richting, pgn, sessie_id, op, status, reden, xml, bevindingen, bijlagen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11::text::jsonb) RETURNING id`,
      [u.testschoolBrin, u.schoolBrin, u.richting, u.pgn, u.sessieId ?? null, u.op, u.status, u.reden ?? null, u.xml ?? null, json(u.bevindingen ?? []), json(u.bijlagen)],
    );
    return { ...u, id: Number(rows[0]!['id']) };
  }

  async uitwisselingen(filter: { schoolBrin?: string; limit?: number } = {}): Promise<TestschoolUitwisseling[]> {
    checkLimit(filter.limit);
    const v = new Voorwaarden();
    if (filter.schoolBrin !== undefined) v.en(`school_brin = ${v.param(filter.schoolBrin)}`);
    return (await lijst(this.#db, 'SELECT * FROM testschool_uitwisselingen', v, filter.limit, false)).map(naarUitwisseling);
  }

  async uitwisseling(id: number): Promise<TestschoolUitwisseling | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const r = (await this.#db.query<Row>('SELECT * FROM testschool_uitwisselingen WHERE id = $1', [id]))[0];
    return r && naarUitwisseling(r);
  }

  // Kwalificaties

  async kwalificatieToevoegen(k: NieuweKwalificatie): Promise<OpgeslagenKwalificatie> {
    const rows = await this.#db.query<Row>(
      `INSERT INTO kwalificaties (leverancier, sut_naam, sut_versie, verdict, datum, uitvoerder, brins, runs, kwalificatie)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::text::jsonb, $9::text::jsonb) RETURNING id, ontvangen_op`,
      [k.leverancier, k.sut.naam, k.sut.versie, k.verdict, k.datum, k.uitvoerder, [...new Set(k.brins)], JSON.stringify(k.runs), JSON.stringify(k.kwalificatie)],
    );
    return { ...k, brins: [...new Set(k.brins)], id: Number(rows[0]!['id']), ontvangenOp: iso(rows[0]!['ontvangen_op']) };
  }

  async kwalificaties(filter: { leverancier?: string; limit?: number } = {}): Promise<OpgeslagenKwalificatie[]> {
    checkLimit(filter.limit);
    const v = new Voorwaarden();
    if (filter.leverancier !== undefined) v.en(`leverancier = ${v.param(filter.leverancier)}`);
    return (await lijst(this.#db, 'SELECT * FROM kwalificaties', v, filter.limit, false)).map(naarKwalificatie);
  }

  async kwalificatie(id: number): Promise<OpgeslagenKwalificatie | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const r = (await this.#db.query<Row>('SELECT * FROM kwalificaties WHERE id = $1', [id]))[0];
    return r && naarKwalificatie(r);
  }

  // Schooltoegang

  async toegangUitgeven(brin: string, omschrijving: string): Promise<{ token: string }> {
    if (!brin) throw new TypeError('toegangUitgeven: a brin is required');
    const token = nieuwSchoolToken();
    await this.#db.transaction(async (tx) => {
      await tx.query('INSERT INTO school_toegang (token_sha256, brin, omschrijving, uitgegeven_op) VALUES ($1, $2, $3, now())', [tokenHash(token), brin, omschrijving]);
      await auditVastleggen(tx, BEHEERDER, 'toegang-uitgegeven', `school ${brin}`, { omschrijving });
    });
    return { token };
  }

  /** A withdrawn token gives nothing, like an unknown one: whoever holds it is not let in. */
  async toegangVoorToken(token: string): Promise<SchoolToegang | undefined> {
    if (typeof token !== 'string' || token === '') return undefined;
    const r = (await this.#db.query<Row>('SELECT * FROM school_toegang WHERE token_sha256 = $1 AND ingetrokken_op IS NULL', [tokenHash(token)]))[0];
    return r && naarToegang(r);
  }

  async toegangIntrekken(brin: string): Promise<number> {
    return this.#db.transaction(async (tx) => {
      const rows = await tx.query('UPDATE school_toegang SET ingetrokken_op = now() WHERE brin = $1 AND ingetrokken_op IS NULL RETURNING brin', [brin]);
      if (rows.length > 0) await auditVastleggen(tx, BEHEERDER, 'toegang-ingetrokken', `school ${brin}`, { tokens: rows.length });
      return rows.length;
    });
  }

  async tellingen(): Promise<{ sessies: number; berichten: number }> {
    const r = (await this.#db.query<Row>('SELECT (SELECT count(*) FROM sessies) AS sessies, (SELECT count(*) FROM berichten) AS berichten'))[0]!;
    return { sessies: Number(r['sessies']), berichten: Number(r['berichten']) };
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
