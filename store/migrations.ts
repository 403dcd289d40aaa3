/**
 * The store's schema, as numbered migrations: each runs once, in order, recorded in schema_migrations. They run when a
 * store opens, all in one transaction, so a failed migration leaves the schema as it was. Under PostgreSQL two `serve`
 * instances may start together: the transaction first takes an advisory lock, so the second waits and then finds the
 * work done. A migration is never edited once released; a change is a new migration at the end.
 */
import type { SqlDriver } from './sql-driver.ts';

export interface Migratie {
  versie: number;
  naam: string;
  /** One statement each (PGlite's extended protocol takes one at a time). */
  statements: string[];
}

/** Any fixed number, the same in every instance: the key of the advisory lock the migrating transaction holds. */
const MIGRATIE_SLOT = 7_405_113_201;

export const MIGRATIES: readonly Migratie[] = [
  {
    versie: 1,
    naam: 'register, sessies, berichten, testschool-uitwisselingen, schooltoegang, audit',
    statements: [
      `CREATE TABLE scholen (
        brin text PRIMARY KEY,
        vestigingscode text NOT NULL,
        naam text NOT NULL,
        sector text NOT NULL
      )`,
      `CREATE TABLE aanleverpunten (
        routerings_kenmerk text PRIMARY KEY,
        brin text NOT NULL,
        url text NOT NULL,
        actief boolean NOT NULL,
        eigenaar_oin text NOT NULL,
        leverancier text NOT NULL,
        geregistreerd_op text NOT NULL,
        opgeschort boolean NOT NULL DEFAULT false
      )`,
      `CREATE INDEX aanleverpunten_brin ON aanleverpunten (brin)`,
      `CREATE INDEX aanleverpunten_eigenaar ON aanleverpunten (eigenaar_oin)`,
      `CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        op timestamptz NOT NULL DEFAULT now(),
        door text NOT NULL,
        actie text NOT NULL,
        onderwerp text NOT NULL,
        details jsonb
      )`,
      // sessie_id is text, not uuid: an unknown or malformed id from the wire is simply not found.
      `CREATE TABLE sessies (
        sessie_id text PRIMARY KEY,
        doel_brin text NOT NULL,
        doel_routerings_kenmerk text NOT NULL,
        bron_brin text NOT NULL,
        overdrachtsoort text NOT NULL,
        zoeksleutel text,
        koppelsleutel text,
        doel_oin text NOT NULL,
        geopend_op timestamptz NOT NULL,
        afmelding_op timestamptz,
        afmelding_resultaatcode text,
        afmelding_bron_routerings_kenmerk text
      )`,
      `CREATE TABLE sessie_gebeurtenissen (
        id bigserial PRIMARY KEY,
        sessie_id text NOT NULL REFERENCES sessies ON DELETE CASCADE,
        soort text NOT NULL CHECK (soort IN ('sessiecontrole', 'notificatie')),
        bron_routerings_kenmerk text NOT NULL,
        op timestamptz NOT NULL,
        resultaat text NOT NULL
      )`,
      `CREATE INDEX sessie_gebeurtenissen_sessie ON sessie_gebeurtenissen (sessie_id, id)`,
      // id gives the store-wide order across instances; brins (bron and doel) is how a school finds its own.
      `CREATE TABLE berichten (
        id bigserial PRIMARY KEY,
        instantie text NOT NULL,
        recorded_by text NOT NULL,
        operation text NOT NULL,
        van text NOT NULL,
        naar text NOT NULL,
        url text NOT NULL,
        request text NOT NULL,
        response text,
        http_status integer,
        uitkomst text NOT NULL,
        peer_oin text,
        sessie_id text,
        tls jsonb,
        started_at text NOT NULL,
        duration_ms double precision NOT NULL,
        brins text[] NOT NULL
      )`,
      `CREATE INDEX berichten_brins ON berichten USING gin (brins)`,
      `CREATE INDEX berichten_sessie ON berichten (sessie_id)`,
      `CREATE TABLE testschool_uitwisselingen (
        id bigserial PRIMARY KEY,
        testschool_brin text NOT NULL,
        school_brin text NOT NULL,
        richting text NOT NULL CHECK (richting IN ('school-als-bron', 'school-als-doel')),
        pgn text NOT NULL,
        sessie_id text,
        op text NOT NULL,
        status text NOT NULL CHECK (status IN ('opgeslagen', 'geweigerd', 'mislukt', 'geleverd')),
        reden text,
        xml text,
        bevindingen jsonb NOT NULL,
        bijlagen jsonb
      )`,
      `CREATE INDEX testschool_uitwisselingen_school ON testschool_uitwisselingen (school_brin, id)`,
      // Only the SHA-256 of a token: whoever reads the database cannot sign in as a school.
      `CREATE TABLE school_toegang (
        token_sha256 text PRIMARY KEY,
        brin text NOT NULL,
        omschrijving text NOT NULL,
        uitgegeven_op timestamptz NOT NULL,
        ingetrokken_op timestamptz
      )`,
      `CREATE INDEX school_toegang_brin ON school_toegang (brin)`,
    ],
  },
  {
    versie: 2,
    naam: 'kwalificaties (qualify --tegen)',
    statements: [
      // The whole kwalificatie.json is kept (jsonb); the columns beside it are what the admin view lists and sorts by.
      `CREATE TABLE kwalificaties (
        id bigserial PRIMARY KEY,
        ontvangen_op timestamptz NOT NULL DEFAULT now(),
        leverancier text NOT NULL,
        sut_naam text NOT NULL,
        sut_versie text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('GESLAAGD', 'NIET_GESLAAGD', 'ONVOLLEDIG')),
        datum text NOT NULL,
        uitvoerder text NOT NULL,
        brins text[] NOT NULL,
        runs jsonb NOT NULL,
        kwalificatie jsonb NOT NULL
      )`,
      `CREATE INDEX kwalificaties_leverancier ON kwalificaties (leverancier, id)`,
    ],
  },
];

export class SchemaTeNieuwError extends Error {
  constructor(database: number, bekend: number) {
    super(
      `The database schema is at version ${database}, newer than this oso-testbank knows (${bekend}). ` +
        'A newer oso-testbank wrote to it: upgrade oso-testbank, or point it at another data directory or database.',
    );
    this.name = 'SchemaTeNieuwError';
  }
}

/** Brings the schema up to date; gives the versions it applied (none when it already was). */
export async function migreren(driver: SqlDriver, migraties: readonly Migratie[] = MIGRATIES): Promise<number[]> {
  const bekend = Math.max(0, ...migraties.map((m) => m.versie));
  return driver.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATIE_SLOT})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      versie integer PRIMARY KEY,
      naam text NOT NULL,
      toegepast_op timestamptz NOT NULL DEFAULT now()
    )`);
    const gedaan = new Set((await tx.query<{ versie: number }>('SELECT versie FROM schema_migrations')).map((r) => Number(r.versie)));
    const hoogste = Math.max(0, ...gedaan);
    if (hoogste > bekend) throw new SchemaTeNieuwError(hoogste, bekend);
    const toegepast: number[] = [];
    for (const m of [...migraties].sort((a, b) => a.versie - b.versie)) {
      if (gedaan.has(m.versie)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (versie, naam) VALUES ($1, $2)', [m.versie, m.naam]);
      toegepast.push(m.versie);
    }
    return toegepast;
  });
}
