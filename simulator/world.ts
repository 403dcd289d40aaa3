/**
 * The simulated OSO world as a unit: the Traffic Center, the register, the testscholen and (as the embedded default
 * system under test) the reference LAS, all on loopback, sharing one clock and one exchange log. Start it, use it, stop it.
 */
import { defaultCertDir } from '../certs/location.ts';
import type { CatalogueId } from '../certs/catalogue-entries.ts';
import { ensureCertificateCatalogue, type CertificateCatalogue } from '../certs/catalogue.ts';
import type { TestPki } from '../certs/pki.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { referentieLasScholen, testscholen } from '../fixtures/scholen.ts';
import { SimulatedClock } from './clock.ts';
import { gegevensset2019 } from './dossier/gegevensset.ts';
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
}

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

    const startSchool = async (school: LasSchool, partyId: 'testschool-po' | 'testschool-vo') => {
      const id = identity(partyId);
      const name = testschoolName(school);
      register.namePartyOf(id.oin, name);
      const las = await startTestschool({
        school,
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
      register.addSchool(school);
      register.addAanleverpunt({ routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: las.apUrl(school.routeringsKenmerk), actief: true, eigenaarOin: id.oin });
      return las;
    };
    const po = await startSchool(testscholen.po, 'testschool-po');
    const vo = await startSchool(testscholen.vo, 'testschool-vo');

    const sutId = identity('reference-las');
    register.namePartyOf(sutId.oin, `${REFERENCE_LAS_NAME} (SUT)`);
    const sutSchools = [referentieLasScholen.po, referentieLasScholen.vo];
    const referenceLas = await startReferenceLas({
      schools: sutSchools,
      tls: sutId,
      tcUrl: tc.url,
      clock,
      administratie,
      gegevensset: gegevensset2019,
      faults: options.faults ?? [],
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    stops.push(() => referenceLas.close());
    for (const school of sutSchools) {
      register.addSchool(school);
      register.addAanleverpunt({ routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: referenceLas.las.apUrl(school.routeringsKenmerk), actief: true, eigenaarOin: sutId.oin });
    }

    return {
      clock,
      register,
      log,
      tc,
      testscholen: { po, vo },
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
