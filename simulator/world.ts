/**
 * The simulated OSO world as a unit: the Traffic Center, the register, the testscholen and (as the embedded default
 * system under test) the reference LAS, all on loopback, sharing one clock and one exchange log. Start it, use it, stop it.
 */
import { defaultCertDir } from '../certs/location.ts';
import type { CatalogueId } from '../certs/catalogue-entries.ts';
import { ensureCertificateCatalogue, type CertificateCatalogue } from '../certs/catalogue.ts';
import type { TestPki } from '../certs/pki.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { andereVestiging, referentieLasScholen, swvSchool, testscholen, tweedeAanleverpuntPo } from '../fixtures/scholen.ts';
import { SimulatedClock } from './clock.ts';
import { gegevensset2019 } from './dossier/gegevensset.ts';
import { bekendeVersies, versieOpNaam } from './dossier/versies/index.ts';
import type { LasSchool } from './las/las-school.ts';
import type { LasSystem } from './las/las-system.ts';
import type { OsoClientOptions } from './las/oso-client.ts';
import type { ReferenceLasFault } from './reference-las/faults.ts';
import { REFERENCE_LAS_NAME, startReferenceLas } from './reference-las/reference-las.ts';
import { Register } from './register/register.ts';
import { startTestschool, testschoolName } from './testschool/testschool.ts';
import { startTrafficCenter, TC_NAME, type TrafficCenter } from './traffic-center/traffic-center.ts';
import { ExchangeLog } from './transport/exchange-log.ts';
import type { TlsIdentity } from './transport/tls-identity.ts';

export interface WorldOptions {
  certDir?: string;
  /** Faults switched on in the embedded reference LAS. */
  faults?: readonly ReferenceLasFault[];
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
}

/**
 * - `swv`: an SWV (99SW) served by the VO testschool's LAS;
 * - `tweede-aanleverpunt`: a second AP of the PO testschool (99AA), run by another system;
 * - `binnen-brin`: another vestiging of the SUT's PO school, with its own AP in the PO testschool's LAS.
 */
export type Uitbreiding = 'swv' | 'tweede-aanleverpunt' | 'binnen-brin';

export type WorldServer = 'tc' | 'testschool-po' | 'testschool-vo';


/** The system under test as the world sees it: how to drive it and which schools it serves. */
export interface SutEndpoint {
  naam: string;
  controlUrl: string;
  oin: string;
  scholen: { po: LasSchool; vo: LasSchool };
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
function certificatesIn(dir: string): ReturnType<typeof ensureCertificateCatalogue> {
  let ensured = certificates.get(dir);
  if (!ensured) {
    ensured = ensureCertificateCatalogue({ dir });
    certificates.set(dir, ensured);
    // A failure must not stick: the next world tries again.
    ensured.catch(() => certificates.delete(dir));
  }
  return ensured;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const { pki, catalogue } = await certificatesIn(options.certDir ?? defaultCertDir);
  const identity = (partyId: string): TlsIdentity & { oin: string } => {
    const issued = pki.parties.get(partyId);
    if (!issued) throw new Error(`De test-PKI in ${pki.dir} heeft geen certificaat voor ${partyId}; draai 'oso-testbank certs'.`);
    // The chain (certificate + intermediate), as a PKIoverheid certificate is served: a LAS that trusts only the root can
    // verify it. Every world party checks revocation against the test CA's CRLs.
    return { certPem: issued.chainPem, keyPem: issued.keyPem, caPem: pki.caCertPem, crlPems: catalogue.crl.pems, oin: issued.oin };
  };
  const clock = new SimulatedClock();
  if (options.datum) clock.set(options.datum);
  const register = new Register();
  const log = new ExchangeLog();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const administratie = loadFixtureLeerlingen();
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
    const tc = await startTrafficCenter({ register, clock, tls: serverIdentity('tc', tcId), log });
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
    const sutSchools = [referentieLasScholen.po, referentieLasScholen.vo];
    const extra = {
      swv: swvSchool,
      'tweede-aanleverpunt': tweedeAanleverpuntPo,
      'binnen-brin': andereVestiging(referentieLasScholen.po),
    } satisfies Record<Uitbreiding, LasSchool>;
    // Which testschool LAS serves each extra school: another vestiging of a PO school goes with the PO testschool; the SWV and
    // the second AP of the PO testschool (a system other than the PO testschool's own) with the VO testschool.
    const extraVoor = (partyId: 'testschool-po' | 'testschool-vo'): Uitbreiding[] =>
      (partyId === 'testschool-po' ? (['binnen-brin'] as const) : (['swv', 'tweede-aanleverpunt'] as const)).filter((u) => uitbreidingen.has(u));

    const startSchool = async (school: LasSchool, partyId: 'testschool-po' | 'testschool-vo') => {
      const id = identity(partyId);
      const name = testschoolName(school);
      register.namePartyOf(id.oin, name);
      const extras = extraVoor(partyId);
      const las = await startTestschool({
        schools: [school, ...extras.map((u) => extra[u])],
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
      });
      stops.push(() => las.close());
      worldOrigins.push(new URL(las.apUrl(school.routeringsKenmerk)).origin);
      for (const s of las.schools) {
        // Another AP or vestiging of a known BRIN adds only the AP: the school itself is registered once.
        if (!register.school(s.brin)) register.addSchool(s);
        register.addAanleverpunt({ routeringsKenmerk: s.routeringsKenmerk, brin: s.brin, url: las.apUrl(s.routeringsKenmerk), actief: true, eigenaarOin: id.oin });
      }
      for (const u of extras) extraScholen[u] = { las, school: extra[u], oin: id.oin };
      return las;
    };
    const extraScholen: World['extraScholen'] = {};
    const sutId = identity('reference-las');
    register.namePartyOf(sutId.oin, `${REFERENCE_LAS_NAME} (SUT)`);
    // The SUT's schools are known before the testscholen start: one of them may serve another vestiging of them.
    for (const school of sutSchools) register.addSchool(school);
    const po = await startSchool(testscholen.po, 'testschool-po');
    const vo = await startSchool(testscholen.vo, 'testschool-vo');

    const referenceLas = await startReferenceLas({
      schools: sutSchools,
      tls: sutId,
      tcUrl: tc.url,
      clock,
      administratie,
      gegevensset,
      faults: options.faults ?? [],
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    stops.push(() => referenceLas.close());
    for (const school of sutSchools) {
      register.addAanleverpunt({ routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: referenceLas.las.apUrl(school.routeringsKenmerk), actief: true, eigenaarOin: sutId.oin });
    }

    return {
      clock,
      register,
      log,
      tc,
      testscholen: { po, vo },
      extraScholen,
      sut: { naam: REFERENCE_LAS_NAME, controlUrl: referenceLas.controlUrl, oin: sutId.oin, scholen: { po: referentieLasScholen.po, vo: referentieLasScholen.vo } },
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
