/**
 * A testschool: a simulated school whose LAS the harness plays, as bron (its AP answers the SUT's documentRequest) and
 * as doel (it asks the SUT's AP for a dossier). Its outgoing calls to the system under test are recorded in the world log.
 */
import type { SimulatedClock } from '../clock.ts';
import type { GegevenssetVersie } from '../dossier/versies/index.ts';
import type { Leerling } from '../dossier/leerling.ts';
import { startLasSystem, type LasSystem, type LasSystemOptions } from '../las/las-system.ts';
import type { LasSchool } from '../las/las-school.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import type { TlsIdentity } from '../transport/tls-identity.ts';

export interface TestschoolOptions {
  /** The school it is named after, first; further schools (an SWV, another AP) its LAS serves as well. */
  schools: LasSchool[];
  /** The gegevensset release it starts in. */
  gegevensset: GegevenssetVersie;
  tls: TlsIdentity;
  serverTls?: TlsIdentity;
  tcUrl: string;
  clock: SimulatedClock;
  administratie: Leerling[];
  log: ExchangeLog;
  partyName: (oin: string | undefined) => string;
  clientLog: NonNullable<LasSystemOptions['clientLog']>;
  timeoutMs: number;
  seed?: string;
  /** A fixed address (a vendor LAS is configured with it); ephemeral on loopback when absent. */
  host?: string;
  /** The name the SUT reaches it by, in its AP URLs; default the host. */
  hostnaam?: string;
  port?: number;
  /** `serve`: its APs on the service's one HTTPS port, its test pupils open to every school, each release recorded. */
  shared?: LasSystemOptions['shared'];
  klaargezetVoorIedereen?: LasSystemOptions['klaargezetVoorIedereen'];
  releaseVanKlaargezet?: LasSystemOptions['releaseVanKlaargezet'];
  bijUitgifte?: LasSystemOptions['bijUitgifte'];
  geheugen?: number;
}

export function testschoolName(school: LasSchool): string {
  return `Testschool ${school.sector} (${school.brin})`;
}

export function startTestschool(options: TestschoolOptions): Promise<LasSystem> {
  return startLasSystem({
    name: testschoolName(options.schools[0]!),
    schools: options.schools,
    tls: options.tls,
    ...(options.serverTls ? { serverTls: options.serverTls } : {}),
    tcUrl: options.tcUrl,
    clock: options.clock,
    administratie: options.administratie,
    gegevensset: options.gegevensset,
    pakket: { naam: 'OSO Testbank Testschool', versie: '0.1.0' },
    serverLog: options.log,
    partyName: options.partyName,
    clientLog: options.clientLog,
    timeoutMs: options.timeoutMs,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.hostnaam !== undefined ? { hostnaam: options.hostnaam } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.shared ? { shared: options.shared } : {}),
    ...(options.klaargezetVoorIedereen ? { klaargezetVoorIedereen: options.klaargezetVoorIedereen } : {}),
    ...(options.releaseVanKlaargezet ? { releaseVanKlaargezet: options.releaseVanKlaargezet } : {}),
    ...(options.bijUitgifte ? { bijUitgifte: options.bijUitgifte } : {}),
    ...(options.geheugen !== undefined ? { geheugen: options.geheugen } : {}),
  });
}
