/**
 * A testschool: a simulated school whose LAS the harness plays, as bron (its AP answers the SUT's documentRequest) and
 * as doel (it asks the SUT's AP for a dossier). Its outgoing calls to the system under test are recorded in the world log.
 */
import type { SimulatedClock } from '../clock.ts';
import { gegevensset2019 } from '../dossier/gegevensset.ts';
import type { Leerling } from '../dossier/leerling.ts';
import { startLasSystem, type LasSystem, type LasSystemOptions } from '../las/las-system.ts';
import type { LasSchool } from '../las/las-school.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import type { TlsIdentity } from '../transport/tls-identity.ts';

export interface TestschoolOptions {
  school: LasSchool;
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
  port?: number;
}

export function testschoolName(school: LasSchool): string {
  return `Testschool ${school.sector} (${school.brin})`;
}

export function startTestschool(options: TestschoolOptions): Promise<LasSystem> {
  return startLasSystem({
    name: testschoolName(options.school),
    schools: [options.school],
    tls: options.tls,
    ...(options.serverTls ? { serverTls: options.serverTls } : {}),
    tcUrl: options.tcUrl,
    clock: options.clock,
    administratie: options.administratie,
    gegevensset: gegevensset2019,
    pakket: { naam: 'OSO Testbank Testschool', versie: '0.1.0' },
    serverLog: options.log,
    partyName: options.partyName,
    clientLog: options.clientLog,
    timeoutMs: options.timeoutMs,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
}
