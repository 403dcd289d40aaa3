/**
 * The simulated OSO world as a unit: the Traffic Center, the register, the testscholen and (as the embedded default
 * system under test) the reference LAS, all on loopback, sharing one clock and one exchange log. Start it, use it, stop it.
 * With an external system under test (a vendor LAS) the reference LAS stays off and the world serves on fixed addresses.
 */
import { defaultCertDir } from '../certs/location.ts';
import type { CatalogueId } from '../certs/catalogue-entries.ts';
import { ensureCertificateCatalogue, type CertificateCatalogue } from '../certs/catalogue.ts';
import type { ExtraHostnames, TestPki } from '../certs/pki.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { andereVestiging, referentieLasScholen, swvSchool, testscholen, tweedeAanleverpuntPo } from '../fixtures/scholen.ts';
import { SimulatedClock } from './clock.ts';
import { gegevensset2019 } from './dossier/gegevensset.ts';
import { bekendeVersies, versieOpNaam } from './dossier/versies/index.ts';
import type { LasSchool } from './las/las-school.ts';
import type { Leerling } from './dossier/leerling.ts';
import type { LasSystem } from './las/las-system.ts';
import type { OsoClientOptions } from './las/oso-client.ts';
import type { ReferenceLasFault } from './reference-las/faults.ts';
import { REFERENCE_LAS_NAME, startReferenceLas } from './reference-las/reference-las.ts';
import { Register, type School } from './register/register.ts';
import { startTestschool, testschoolName } from './testschool/testschool.ts';
import { startTrafficCenter, TC_NAME, type TrafficCenter } from './traffic-center/traffic-center.ts';
import { chainsTo, parseCertificates } from './transport/certificate-chain.ts';
import { ExchangeLog } from './transport/exchange-log.ts';
import type { Namen } from './transport/naam-resolutie.ts';
import type { TlsIdentity } from './transport/tls-identity.ts';
import { isIP } from 'node:net';

export interface WorldOptions {
  certDir?: string;
  /** Faults switched on in the embedded reference LAS. */
  faults?: readonly ReferenceLasFault[];
  /** Hears every switch of the embedded reference LAS's behaviour it looks at (`gedragVoor`); for the fault matrix. */
  gedragGelezen?: (schakelaar: string) => void;
  /** Start date of the simulated clock (YYYY-MM-DD); today when absent. */
  datum?: string;
  /** Deadline for every call a world party makes. */
  timeoutMs?: number;
  /** Seed of every synthetic dossier the world's LAS systems write; recorded in the report so a run can be repeated. */
  seed?: string;
  /**
   * Server certificates to present instead of the good ones, per world party: the TLS tests of a SUT acting as client
   * swap in expired, untrusted, revoked … certificates and expect the SUT to refuse them.
   */
  serverCertificaten?: Partial<Record<WorldServer, CatalogueId>>;
  /** The gegevensset release every LAS of the world starts in (default: the current one). */
  gegevensset?: string;
  /** Parties beyond the PO and VO testschool that a scenario needs. */
  uitbreidingen?: readonly Uitbreiding[];
  /** A system under test outside the world (a vendor LAS): the embedded reference LAS is not started. */
  externeSut?: ExterneSut;
  /** Fixed addresses of the TC and testscholen (a vendor LAS is configured once with them); ephemeral loopback ports when absent. */
  adressen?: WorldAdressen;
  /** Keep only the latest N exchanges in the world's log (a load run of thousands of exchanges); all of them when absent. */
  logMaxEntries?: number;
  /** Pupils beyond the fixture pupils, known to every LAS of the world (a capacity run's generated pupils). */
  extraLeerlingen?: readonly Leerling[];
}

export interface ExterneSut {
  naam: string;
  /** OIN of the SUT's certificate: the register gives the SUT's aanleverpunten to this owner. */
  oin: string;
  scholen: SutEndpoint['scholen'];
  /** The certificate chain the SUT presents (PEM). */
  certificaatPem: string;
  /** CA certificate(s) that issued the SUT's certificate (PEM): the world's parties trust them next to the test CA. */
  vertrouwensankerPem: string;
}

export interface WorldAdressen {
  /** The address the TC and the testscholen listen on. */
  host: string;
  /**
   * The name the SUT reaches them by: it stands in their URLs (the TC's answers name the testscholen's APs by it) and
   * in their test certificates. Default: the host.
   */
  hostnaam?: string;
  poorten: { tc: number; testschoolPo: number; testschoolVo: number };
  /** How the world's parties resolve the SUT's host names (name → IP address), without /etc/hosts. */
  namen?: Namen;
}

/** Listening on every address is no name a certificate can carry. */
const ALLE_ADRESSEN = new Set(['0.0.0.0', '::']);

/**
 * How the world's parties resolve names: the SUT's (harness.namen), and the world's own name, so that a testschool
 * reaches the TC by the name in its URL.
 */
function namenVan(adressen: WorldAdressen | undefined): Namen | undefined {
  if (!adressen) return undefined;
  const adres = ALLE_ADRESSEN.has(adressen.host) ? '127.0.0.1' : adressen.host;
  const eigen = adressen.hostnaam && !isIP(adressen.hostnaam) && isIP(adres) ? { [adressen.hostnaam]: adres } : {};
  const namen = { ...eigen, ...adressen.namen };
  return Object.keys(namen).length ? namen : undefined;
}

/** The names and addresses the world's servers must carry in their certificates beyond loopback. */
export function extraHostnamesVoor(adressen: WorldAdressen | undefined): ExtraHostnames {
  if (!adressen) return {};
  const namen = [adressen.hostnaam, adressen.host].filter((h): h is string => h !== undefined && !ALLE_ADRESSEN.has(h));
  return { tc: namen, 'testschool-po': namen, 'testschool-vo': namen };
}

/**
 * - `swv`: an SWV (99SW) served by the VO testschool's LAS;
 * - `tweede-aanleverpunt`: a second AP of the PO testschool (99AA), run by another system;
 * - `binnen-brin`: another vestiging of the SUT's PO school, with its own AP in the PO testschool's LAS.
 */
export type Uitbreiding = 'swv' | 'tweede-aanleverpunt' | 'binnen-brin';

export type WorldServer = 'tc' | 'testschool-po' | 'testschool-vo';


/** A school served by the system under test, with the aanleverpunt where its dossiers are asked for. */
export type SutSchool = School & { routeringsKenmerk: string; apUrl: string };

/** The system under test as the world sees it: which schools it serves, and (embedded only) its test-control API. */
export interface SutEndpoint {
  naam: string;
  /** The embedded reference LAS's test-control API; an external SUT is driven through the adapter of its configuration. */
  controlUrl?: string;
  oin: string;
  /** A vendor LAS may serve one sector only: the roles it is qualified in need only their own school. */
  scholen: { po?: SutSchool; vo?: SutSchool };
}

/** The SUT's school in a sector; a run that needs one the SUT does not serve cannot start. */
export function sutSchool(sut: SutEndpoint, sector: 'po' | 'vo'): SutSchool {
  const school = sut.scholen[sector];
  if (!school) throw new Error(`${sut.naam} heeft geen ${sector.toUpperCase()}-school in de configuratie (sut.scholen.${sector}); deze run heeft er een nodig.`);
  return school;
}

export interface World {
  readonly clock: SimulatedClock;
  readonly register: Register;
  readonly log: ExchangeLog;
  readonly tc: TrafficCenter;
  readonly testscholen: { po: LasSystem; vo: LasSystem };
  /** The extra schools of the uitbreidingen, with the testschool LAS that serves each and its OIN. */
  readonly extraScholen: Partial<Record<Uitbreiding, { las: LasSystem; school: LasSchool; oin: string }>>;
  readonly sut: SutEndpoint;
  readonly pki: TestPki;
  /** The catalogue of bad certificates and the CRLs, for the TLS tests. */
  readonly catalogue: CertificateCatalogue;
  /** How a harness client records its calls to the SUT in the world log (for clients the suites make themselves). */
  readonly clientLog: NonNullable<OsoClientOptions['log']>;
  /** The TLS identity of a world party, as it calls others. */
  identity(partyId: string): TlsIdentity & { oin: string };
  stop(): Promise<void>;
}

/**
 * Every test starts its own world, but the certificates stay the same for the life of the process: read and check them
 * once per folder instead of once per world.
 */
const certificates = new Map<string, ReturnType<typeof ensureCertificateCatalogue>>();
function certificatesIn(dir: string, extraHostnames: ExtraHostnames): ReturnType<typeof ensureCertificateCatalogue> {
  const key = JSON.stringify([dir, extraHostnames]);
  let ensured = certificates.get(key);
  if (!ensured) {
    ensured = ensureCertificateCatalogue({ dir, extraHostnames });
    certificates.set(key, ensured);
    // A failure must not stick: the next world tries again.
    ensured.catch(() => certificates.delete(key));
  }
  return ensured;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const { pki, catalogue } = await certificatesIn(options.certDir ?? defaultCertDir, extraHostnamesVoor(options.adressen));
  const extern = options.externeSut;
  const crlsCoverSut = !extern || chainsTo(parseCertificates(extern.certificaatPem), parseCertificates(pki.caCertPem));
  const adres = (server: keyof WorldAdressen['poorten']) =>
    options.adressen
      ? { host: options.adressen.host, port: options.adressen.poorten[server], ...(options.adressen.hostnaam ? { hostnaam: options.adressen.hostnaam } : {}) }
      : {};
  const namen = namenVan(options.adressen);
  const identity = (partyId: string): TlsIdentity & { oin: string } => {
    const issued = pki.parties.get(partyId);
    if (!issued) throw new Error(`De test-PKI in ${pki.dir} heeft geen certificaat voor ${partyId}; draai 'oso-testbank certs'.`);
    // The chain (certificate + intermediate), as a PKIoverheid certificate is served: a LAS that trusts only the root can
    // verify it. An external SUT's anchor is trusted next to the test CA. Every world party checks revocation against the
    // test CA's CRLs, unless an external SUT's certificate comes from another CA: Node wants a CRL for every CA of a chain
    // once it has any, so such a certificate is accepted without a revocation check (docs/vendor-guide.md says so).
    const caPem = pki.caCertPem + (extern?.vertrouwensankerPem ?? '');
    return {
      certPem: issued.chainPem,
      keyPem: issued.keyPem,
      caPem,
      ...(crlsCoverSut ? { crlPems: catalogue.crl.pems } : {}),
      ...(namen ? { namen } : {}),
      oin: issued.oin,
    };
  };
  const clock = new SimulatedClock();
  if (options.datum) clock.set(options.datum);
  const register = new Register();
  const log = new ExchangeLog(options.logMaxEntries !== undefined ? { maxEntries: options.logMaxEntries } : {});
  const timeoutMs = options.timeoutMs ?? 10_000;
  const administratie = [...loadFixtureLeerlingen(), ...(options.extraLeerlingen ?? [])];
  const stops: (() => Promise<void>)[] = [];

  try {
    const serverIdentity = (partyId: WorldServer, own: TlsIdentity): TlsIdentity => {
      const id = options.serverCertificaten?.[partyId];
      if (!id) return own;
      const bad = catalogue.certificates[id].nodeTlsOptions;
      return { ...own, certPem: bad.cert, keyPem: bad.key, ...(bad.ciphers ? { ciphers: bad.ciphers } : {}) };
    };
    const tcId = identity('tc');
    register.namePartyOf(tcId.oin, TC_NAME);
    const tc = await startTrafficCenter({ register, clock, tls: serverIdentity('tc', tcId), log, ...adres('tc') });
    stops.push(() => tc.close());

    // World parties record calls they make only when the other side is outside the world: the system under test.
    const worldOrigins = [new URL(tc.url).origin];
    const clientLog = {
      log,
      shouldRecord: (url: string) => !worldOrigins.includes(new URL(url).origin),
      partyAt: (url: string) => {
        const ap = register.aanleverpuntOpUrl(url);
        return ap ? register.partyName(ap.eigenaarOin) : url;
      },
    };

    const uitbreidingen = new Set(options.uitbreidingen ?? []);
    const gegevensset = options.gegevensset === undefined ? gegevensset2019 : versieOpNaam(options.gegevensset);
    if (!gegevensset) throw new Error(`Onbekende gegevensset ${options.gegevensset}; bekend: ${bekendeVersies.map((v) => v.versie).join(', ')}.`);
    /** The embedded reference LAS as the SUT, on ephemeral ports. */
    const startEmbeddedSut = async (): Promise<SutEndpoint> => {
      const sutId = identity('reference-las');
      const referenceLas = await startReferenceLas({
        schools: [referentieLasScholen.po, referentieLasScholen.vo],
        tls: sutId,
        tcUrl: tc.url,
        clock,
        administratie,
        gegevensset,
        faults: options.faults ?? [],
        ...(options.gedragGelezen ? { gedragGelezen: options.gedragGelezen } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      });
      stops.push(() => referenceLas.close());
      const metAp = (school: LasSchool) => ({ ...school, apUrl: referenceLas.las.apUrl(school.routeringsKenmerk) });
      return { naam: REFERENCE_LAS_NAME, controlUrl: referenceLas.controlUrl, oin: sutId.oin, scholen: { po: metAp(referentieLasScholen.po), vo: metAp(referentieLasScholen.vo) } };
    };
    // The SUT first: a testschool may serve another vestiging of one of its schools.
    const sut: SutEndpoint = extern ? { naam: extern.naam, oin: extern.oin, scholen: extern.scholen } : await startEmbeddedSut();
    register.namePartyOf(sut.oin, `${sut.naam} (SUT)`);
    for (const school of Object.values(sut.scholen)) {
      register.addSchool(school);
      register.addAanleverpunt({ routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: school.apUrl, actief: true, eigenaarOin: sut.oin });
    }

    // Which testschool LAS serves each extra school: another vestiging of a PO school goes with the PO testschool; the SWV and
    // the second AP of the PO testschool (a system other than the PO testschool's own) with the VO testschool.
    const extraSchool = (u: Uitbreiding): LasSchool =>
      u === 'swv' ? swvSchool : u === 'tweede-aanleverpunt' ? tweedeAanleverpuntPo : andereVestiging(sutSchool(sut, 'po'));
    const bedientExtra: Record<Uitbreiding, 'testschool-po' | 'testschool-vo'> = { 'binnen-brin': 'testschool-po', swv: 'testschool-vo', 'tweede-aanleverpunt': 'testschool-vo' };

    const startSchool = async (school: LasSchool, partyId: 'testschool-po' | 'testschool-vo') => {
      const id = identity(partyId);
      const name = testschoolName(school);
      register.namePartyOf(id.oin, name);
      const extras = [...uitbreidingen].filter((u) => bedientExtra[u] === partyId).map((u) => ({ u, school: extraSchool(u) }));
      const las = await startTestschool({
        schools: [school, ...extras.map((e) => e.school)],
        gegevensset,
        tls: id,
        serverTls: serverIdentity(partyId, id),
        tcUrl: tc.url,
        clock,
        administratie,
        log,
        partyName: (oin) => register.partyName(oin),
        clientLog,
        timeoutMs,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...adres(partyId === 'testschool-po' ? 'testschoolPo' : 'testschoolVo'),
      });
      stops.push(() => las.close());
      worldOrigins.push(new URL(las.apUrl(school.routeringsKenmerk)).origin);
      for (const s of las.schools) {
        // Another AP or vestiging of a known BRIN adds only the AP: the school itself is registered once.
        if (!register.school(s.brin)) register.addSchool(s);
        register.addAanleverpunt({ routeringsKenmerk: s.routeringsKenmerk, brin: s.brin, url: las.apUrl(s.routeringsKenmerk), actief: true, eigenaarOin: id.oin });
      }
      for (const e of extras) extraScholen[e.u] = { las, school: e.school, oin: id.oin };
      return las;
    };
    const extraScholen: World['extraScholen'] = {};
    const po = await startSchool(testscholen.po, 'testschool-po');
    const vo = await startSchool(testscholen.vo, 'testschool-vo');

    return {
      clock,
      register,
      log,
      tc,
      testscholen: { po, vo },
      extraScholen,
      sut,
      pki,
      catalogue,
      clientLog,
      identity,
      stop: () => stopAll(stops),
    };
  } catch (e) {
    await stopAll(stops);
    throw e;
  }
}

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  await Promise.allSettled(stops.reverse().map((stop) => stop()));
}
