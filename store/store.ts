/**
 * The durable store of `oso-testbank serve`: every party's state goes through this one interface, so that a restart
 * (even after kill -9) loses nothing that was acknowledged, and two `serve` instances on one PostgreSQL behave as one
 * service. Two real implementations share one SQL text (sql-store.ts): PGlite (embedded PostgreSQL, files under
 * --data, the default) and PostgreSQL (the `pg` client, --database postgres://…). Schema changes are versioned
 * migrations run at start.
 *
 * A write resolves only once it is durable: callers acknowledge (answer a SOAP request, a form post) after awaiting it.
 */
import type { School, AanleverpuntRecord } from '../simulator/register/register.ts';
import type { SessionStore } from '../simulator/traffic-center/session-store.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';

export type StoreSoort = 'pglite' | 'postgres';

/** An exchange as stored: the log entry plus the BRINs it concerns (bron and doel), by which a school finds its own. */
export interface OpgeslagenBericht extends Omit<Exchange, 'seq'> {
  /** Store-wide order (across instances); stands in for the in-memory log's seq. */
  id: number;
  brins: string[];
  /** The `serve` instance that recorded it. */
  instantie: string;
}

export type NieuwBericht = Omit<OpgeslagenBericht, 'id'>;

/** A registered aanleverpunt with who registered it and whether Kennisnet suspended it. */
/** What aanleverpuntRegistreren did. */
export type AanleverpuntRegistratie = 'geregistreerd' | 'gewijzigd' | 'van-een-ander';

export interface GeregistreerdAanleverpunt extends AanleverpuntRecord {
  /** Name of the vendor's system, as it registered. */
  leverancier: string;
  geregistreerdOp: string;
  /** Suspended by the admin: the TC treats it as not active. */
  opgeschort: boolean;
}

/** One line of the register's audit trail: who changed what, when. */
export interface AuditRegel {
  id: number;
  op: string;
  /** `OIN 0000…` of a vendor's certificate, or `beheerder`. */
  door: string;
  actie: 'geregistreerd' | 'gewijzigd' | 'opgeschort' | 'hersteld' | 'verwijderd' | 'toegang-uitgegeven' | 'toegang-ingetrokken';
  onderwerp: string;
  details?: Record<string, unknown>;
}

/** What a testschool did with a dossier it requested from a school's LAS (school as bron), or served to it (school as doel). */
export interface TestschoolUitwisseling {
  id: number;
  /** The testschool (99AA, 99BB, 99SW). */
  testschoolBrin: string;
  /** The real school on the other side. */
  schoolBrin: string;
  richting: 'school-als-bron' | 'school-als-doel';
  pgn: string;
  sessieId?: string;
  op: string;
  /** As the testschool saw it: stored (valid), refused with a reason, or the request failed (result code or error). */
  status: 'opgeslagen' | 'geweigerd' | 'mislukt' | 'geleverd';
  reden?: string;
  /** The dossier XML received or sent. */
  xml?: string;
  /** Every finding of the validator, with its rule id; empty for a valid dossier. */
  bevindingen: { regel: string; ernst: 'fout' | 'waarschuwing'; melding: string; pad?: string }[];
  bijlagen?: { bestandsnaam: string; sha256: string }[];
}

export type NieuweTestschoolUitwisseling = Omit<TestschoolUitwisseling, 'id'>;

/** A school's access to its own part of the portal: a secret token the admin issues (stored as its SHA-256 only). */
export interface SchoolToegang {
  brin: string;
  omschrijving: string;
  uitgegevenOp: string;
  ingetrokken: boolean;
}

/**
 * A qualification report that `qualify --tegen` ran against this service and registered here: what the admin view lists
 * per vendor, with the stored exchanges of each run.
 */
export interface OpgeslagenKwalificatie {
  id: number;
  ontvangenOp: string;
  /** The vendor, as its SUT configuration names it (sut.leverancier). */
  leverancier: string;
  sut: { naam: string; versie: string };
  verdict: 'GESLAAGD' | 'NIET_GESLAAGD' | 'ONVOLLEDIG';
  /** When the qualification ran (kwalificatie.json `datum`). */
  datum: string;
  uitvoerder: string;
  /** The SUT's schools (BRIN): their timelines hold its exchanges. */
  brins: string[];
  /** Each run (`scenario/rol`) with its status and the ids of the stored exchanges (berichten) it caused. */
  runs: { run: string; status: string; berichten: number[] }[];
  /** kwalificatie.json as qualify wrote it. */
  kwalificatie: Record<string, unknown>;
}

export type NieuweKwalificatie = Omit<OpgeslagenKwalificatie, 'id' | 'ontvangenOp'>;

export interface Store {
  readonly soort: StoreSoort;
  /** The TC's sessions. */
  readonly sessies: SessionStore;

  /** Register (OSR): schools and aanleverpunten, every change audited. */
  schoolToevoegen(school: School): Promise<void>;
  school(brin: string): Promise<School | undefined>;
  scholen(): Promise<School[]>;
  /**
   * Registers or changes an aanleverpunt of its owner (eigenaarOin). One registered by another owner is left as it is:
   * 'van-een-ander', also when two owners register one new routeringsKenmerk at the same moment.
   */
  aanleverpuntRegistreren(ap: GeregistreerdAanleverpunt, door: string): Promise<AanleverpuntRegistratie>;
  aanleverpunt(routeringsKenmerk: string): Promise<GeregistreerdAanleverpunt | undefined>;
  aanleverpunten(filter?: { brin?: string; eigenaarOin?: string }): Promise<GeregistreerdAanleverpunt[]>;
  aanleverpuntOpschorten(routeringsKenmerk: string, opgeschort: boolean, door: string): Promise<boolean>;
  aanleverpuntVerwijderen(routeringsKenmerk: string, door: string): Promise<boolean>;
  audit(filter?: { sinds?: number; limit?: number }): Promise<AuditRegel[]>;

  /** The exchange log with request and response bodies. */
  berichtToevoegen(bericht: NieuwBericht): Promise<OpgeslagenBericht>;
  berichten(filter?: { brin?: string; sessieId?: string; naId?: number; limit?: number }): Promise<OpgeslagenBericht[]>;
  bericht(id: number): Promise<OpgeslagenBericht | undefined>;

  /** What the testscholen received, validated and sent. */
  uitwisselingToevoegen(u: NieuweTestschoolUitwisseling): Promise<TestschoolUitwisseling>;
  uitwisselingen(filter?: { schoolBrin?: string; limit?: number }): Promise<TestschoolUitwisseling[]>;
  uitwisseling(id: number): Promise<TestschoolUitwisseling | undefined>;

  /** Portal access per school: the token is returned once, only its hash is stored. */
  toegangUitgeven(brin: string, omschrijving: string): Promise<{ token: string }>;
  toegangVoorToken(token: string): Promise<SchoolToegang | undefined>;
  toegangIntrekken(brin: string): Promise<number>;

  /** Qualification reports registered by `qualify --tegen`; a list gives the newest `limit` (all without). */
  kwalificatieToevoegen(k: NieuweKwalificatie): Promise<OpgeslagenKwalificatie>;
  kwalificaties(filter?: { leverancier?: string; limit?: number }): Promise<OpgeslagenKwalificatie[]>;
  kwalificatie(id: number): Promise<OpgeslagenKwalificatie | undefined>;

  /** Counts for /api/gezondheid. */
  tellingen(): Promise<{ sessies: number; berichten: number }>;

  close(): Promise<void>;
}
