/**
 * `serve`: the simulated TC, the register, the testscholen (PO 99AA, VO 99BB with the SWV 99SW), the machine API and
 * the portal as one long-running service on one HTTPS port, on the durable store. One port is the simplest deployment
 * behind a load balancer: the SOAP routes demand a client certificate per request (as everywhere in the simulator), the
 * API and the portal also serve a browser without one. Several instances on one PostgreSQL act as one service, as
 * every piece of state lives in the store.
 */
import { isIP } from 'node:net';
import { hostname as osHostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import type { ExtraHostnames } from '../certs/pki.ts';
import { loadFixtureLeerlingen, loadTestschoolLeerlingen } from '../fixtures/leerlingen.ts';
import { swvSchool, testscholen as testschoolScholen } from '../fixtures/scholen.ts';
import { SimulatedClock } from '../simulator/clock.ts';
import { startTrafficCenter, TC_NAME } from '../simulator/traffic-center/traffic-center.ts';
import { ExchangeLog } from '../simulator/transport/exchange-log.ts';
import { createSoapApp, refuseUnroutedAsSoap, registerSoapRoutes, urlHost, type SharedServer } from '../simulator/transport/soap-server.ts';
import type { TlsIdentity } from '../simulator/transport/tls-identity.ts';
import type { Store } from '../store/store.ts';
import { API_PREFIX, registerApi } from './api.ts';
import { isBeheerToken } from './beheer-token.ts';
import { PORTAAL_PREFIX, registerPortaal } from './portaal.ts';
import { StoreRegister } from './store-register.ts';
import { startHostedTestscholen, type HostedTestscholen } from './testscholen.ts';
import { testleerlingen } from './testleerlingen.ts';

export const SERVICE_NAME = 'OSO Testbank';
/** How many exchanges a running service keeps in memory besides the store (for nothing but recent diagnostics). */
const LOG_IN_GEHEUGEN = 200;

export interface ServeOptions {
  store: Store;
  /** Address to listen on. */
  host: string;
  /** The name schools' LASes reach the service by: in every URL and in the server certificate. */
  hostnaam: string;
  port: number;
  certDir: string;
  beheerToken: string;
  /** CA certificates (PEM) of vendors' certificates trusted next to the test CA. */
  vertrouwensankersPem?: string;
  /** Name of this instance in the store's records; default host name and process id. */
  instantie?: string;
  /** Where a failed durable write of a client-side exchange is reported. */
  waarschuw?: (melding: string) => void;
}

export interface RunningServe {
  readonly urls: { basis: string; tc: string; api: string; portaal: string; aanleverpunten: { brin: string; naam: string; url: string }[] };
  readonly testscholen: HostedTestscholen;
  /** Method and path of every route the service answers (the OpenAPI test holds the API's against the document). */
  readonly routes: readonly { method: string; url: string }[];
  /** Stops listening; the store stays open (its owner closes it after). */
  close(): Promise<void>;
}

/** Listening on every address is no name a URL or certificate can carry. */
const ALLE_ADRESSEN = new Set(['0.0.0.0', '::']);

export async function startServe(o: ServeOptions): Promise<RunningServe> {
  const namen = [o.hostnaam, o.host].filter((h) => !ALLE_ADRESSEN.has(h));
  const extra: ExtraHostnames = { tc: namen, 'testschool-po': namen, 'testschool-vo': namen };
  const { pki, catalogue } = await ensureCertificateCatalogue({ dir: o.certDir, extraHostnames: extra });
  // Node wants a CRL for every CA of a chain once it has any: with a vendor's own CA trusted, revocation is checked by
  // nobody rather than refusing that vendor (docs/serve.md says so).
  const crl = o.vertrouwensankersPem ? {} : { crlPems: catalogue.crl.pems };
  const caPem = pki.caCertPem + (o.vertrouwensankersPem ?? '');
  // The testscholen reach the TC by the service's own name; resolve it themselves when it is a name without DNS.
  const eigenAdres = ALLE_ADRESSEN.has(o.host) ? '127.0.0.1' : o.host;
  const naamResolutie = !isIP(o.hostnaam) && isIP(eigenAdres) ? { namen: { [o.hostnaam]: eigenAdres } } : {};
  const identiteit = (partyId: string): TlsIdentity & { oin: string } => {
    const issued = pki.parties.get(partyId);
    if (!issued) throw new Error(`the test PKI in ${pki.dir} has no certificate for ${partyId}; run 'oso-testbank certs'.`);
    return { certPem: issued.chainPem, keyPem: issued.keyPem, caPem, ...crl, ...naamResolutie, oin: issued.oin };
  };
  const tcId = identiteit('tc');

  const instantie = o.instantie ?? `${osHostname()}:${process.pid}`;
  const waarschuw = o.waarschuw ?? ((m: string) => process.stderr.write(`${m}\n`));
  const log = new ExchangeLog({
    // Every exchange into the store, with the schools it concerns; the servers await this before they answer.
    sink: async ({ seq: _seq, ...exchange }, betreft) => {
      await o.store.berichtToevoegen({ ...exchange, brins: betreft.brins, instantie });
    },
    maxEntries: LOG_IN_GEHEUGEN,
    onSinkError: (e, exchange) => waarschuw(`could not store the ${exchange.operation} exchange with ${exchange.naar}: ${(e as Error).message}`),
  });

  const app: FastifyInstance = createSoapApp({ tls: tcId });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  const basis = `https://${urlHost(o.hostnaam)}:${o.port}`;
  const shared: SharedServer = { app, url: basis };

  const register = new StoreRegister(o.store);
  register.noemPartij(tcId.oin, TC_NAME);
  const clock = new SimulatedClock();
  const administratie = [...loadFixtureLeerlingen(), ...loadTestschoolLeerlingen()];
  const tc = await startTrafficCenter({ register, sessions: o.store.sessies, clock, tls: tcId, log, shared });
  const testscholen = await startHostedTestscholen({
    scholen: { po: testschoolScholen.po, vo: testschoolScholen.vo, swv: swvSchool },
    identiteiten: { po: identiteit('testschool-po'), vo: identiteit('testschool-vo') },
    shared,
    tcUrl: tc.url,
    clock,
    administratie,
    log,
    store: o.store,
    register,
  });

  registerApi(app, { store: o.store, register, testscholen, administratie, beheerToken: o.beheerToken });
  const aanleverpunten = [testscholen.po, testscholen.vo].flatMap((las) => las.schools.map((s) => ({ brin: s.brin, naam: s.naam, url: las.apUrl(s.routeringsKenmerk) })));

  registerPortaal(app, {
    store: o.store,
    isBeheerToken: (token) => isBeheerToken(token, o.beheerToken),
    opvragen: (testschoolBrin, verzoek) => testscholen.opvragen({ testschoolBrin, ...verzoek }),
    notificeren: (testschoolBrin, verzoek) => testscholen.notificeren({ testschoolBrin, ...verzoek }),
    testleerlingen: testleerlingen(administratie),
    adressen: { trafficCenter: tc.url, testscholen: aanleverpunten },
    publiekeUrl: basis,
  });

  // Whatever no route takes outside /api and /portaal is a SOAP client at a wrong address: it gets a SOAP Fault.
  const { refuseUnrouted } = registerSoapRoutes(app, { name: SERVICE_NAME, log, routes: [], partyName: (oin) => register.partyName(oin) }, () => basis);
  refuseUnroutedAsSoap(app, refuseUnrouted);
  app.server.on('tlsClientError', (err: NodeJS.ErrnoException) =>
    log.recordHandshakeFailure({ recordedBy: SERVICE_NAME, at: new Date().toISOString(), code: err.code ?? 'onbekend', message: err.message }),
  );

  try {
    await app.listen({ host: o.host, port: o.port });
  } catch (e) {
    await app.close().catch(() => {});
    throw e;
  }

  return {
    urls: {
      basis,
      tc: tc.url,
      api: `${basis}${API_PREFIX}`,
      portaal: `${basis}${PORTAAL_PREFIX}`,
      aanleverpunten,
    },
    testscholen,
    routes,
    close: async () => {
      await app.close();
      await log.flush();
    },
  };
}

