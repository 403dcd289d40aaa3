/**
 * The reference LAS: a conformant LAS (bron and doel) that is the embedded default system under test, driven through
 * the test-control API like any vendor LAS, with named faults that make it misbehave on purpose.
 */
import Fastify from 'fastify';
import {
  controlPaths,
  type ControlFout,
  type ControlStatus,
  type DossiersAntwoord,
  type KlaarzettenAntwoord,
  type KlaarzettenVerzoek,
  type LaatsteFoutAntwoord,
  type NotificatiesAntwoord,
  type OpvragenAntwoord,
  type ReleaseAntwoord,
  type ReleaseVerzoek,
  type OpvragenVerzoek,
} from '../control-api.ts';
import type { SimulatedClock } from '../clock.ts';
import type { GegevenssetVersie } from '../dossier/gegevensset.ts';
import type { Leerling } from '../dossier/leerling.ts';
import { LasFout, startLasSystem, type LasSystem } from '../las/las-system.ts';
import type { LasSchool } from '../las/las-school.ts';
import { ExchangeLog } from '../transport/exchange-log.ts';
import type { TlsIdentity } from '../transport/tls-identity.ts';
import { gedragVoor, type ReferenceLasFault } from './faults.ts';

export const REFERENCE_LAS_NAME = 'Referentie-LAS';
export const REFERENCE_LAS_VERSION = '0.1.0';
const PAKKET = { naam: 'OSO Testbank Referentie-LAS', versie: REFERENCE_LAS_VERSION };

export interface ReferenceLasOptions {
  schools: LasSchool[];
  tls: TlsIdentity;
  tcUrl: string;
  clock: SimulatedClock;
  administratie: Leerling[];
  gegevensset: GegevenssetVersie;
  faults?: readonly ReferenceLasFault[];
  seed?: string;
  apPort?: number;
  controlPort?: number;
}

export interface ReferenceLas {
  readonly las: LasSystem;
  readonly controlUrl: string;
  close(): Promise<void>;
}

export async function startReferenceLas(options: ReferenceLasOptions): Promise<ReferenceLas> {
  const las = await startLasSystem({
    name: REFERENCE_LAS_NAME,
    schools: options.schools,
    tls: options.tls,
    tcUrl: options.tcUrl,
    clock: options.clock,
    administratie: options.administratie,
    gegevensset: options.gegevensset,
    pakket: PAKKET,
    // The reference LAS keeps its own record of what it received; it is the SUT, not part of the world's log.
    serverLog: new ExchangeLog(),
    gedrag: gedragVoor(options.faults ?? []),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.apPort !== undefined ? { port: options.apPort } : {}),
  });

  const control = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const fout = (message: string): ControlFout => ({ fout: message });
  control.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => reply.code(err.statusCode ?? 500).send(fout(err.message)));

  control.get(controlPaths.status, async (): Promise<ControlStatus> => ({
    naam: REFERENCE_LAS_NAME,
    versie: PAKKET.versie,
    scholen: las.schools.map((s) => ({ brin: s.brin, naam: s.naam, sector: s.sector, routeringsKenmerk: s.routeringsKenmerk, apUrl: las.apUrl(s.routeringsKenmerk) })),
  }));

  control.post(controlPaths.klaarzetten, async (req, reply): Promise<KlaarzettenAntwoord | ControlFout> => {
    const body = req.body as Partial<KlaarzettenVerzoek> | undefined;
    if (!body?.brin || !body.pgn || !body.doelBrin) return reply.code(400).send(fout('Verplicht: brin, pgn en doelBrin.'));
    if (body.notificeren !== undefined && typeof body.notificeren !== 'boolean') return reply.code(400).send(fout('notificeren moet true of false zijn.'));
    try {
      const dossier = las.klaarzetten({ brin: body.brin, pgn: body.pgn, doelBrin: body.doelBrin, ...(body.notificeren ? { notificeren: true } : {}) });
      return { klaargezet: true, versie: dossier.versie, ...(dossier.notificatie ? { notificaties: await dossier.notificatie } : {}) };
    } catch (e) {
      if (e instanceof LasFout) return reply.code(422).send(fout(e.message));
      throw e;
    }
  });

  control.post(controlPaths.opvragen, async (req, reply): Promise<OpvragenAntwoord | ControlFout> => {
    const body = req.body as Partial<OpvragenVerzoek> | undefined;
    if (!body?.brin || !body.bronBrin || !body.pgn || !body.geboortedatum) return reply.code(400).send(fout('Verplicht: brin, bronBrin, pgn en geboortedatum.'));
    try {
      const u = await las.opvragen({ brin: body.brin, bronBrin: body.bronBrin, pgn: body.pgn, geboortedatum: body.geboortedatum });
      return { resultaat: u.resultaat, afgemeld: u.afgemeld, ...(u.sessieId ? { sessieId: u.sessieId } : {}), ...(u.fout ? { fout: u.fout } : {}) };
    } catch (e) {
      if (e instanceof LasFout) return reply.code(422).send(fout(e.message));
      throw e;
    }
  });

  control.get(controlPaths.dossiers, async (): Promise<DossiersAntwoord> => ({
    ontvangen: las.ontvangen().map(({ xml: _xml, ...rest }) => rest),
  }));

  control.get(controlPaths.notificaties, async (): Promise<NotificatiesAntwoord> => ({ notificaties: [...las.notificaties()] }));

  control.get(controlPaths.laatsteFout, async (): Promise<LaatsteFoutAntwoord> => {
    const melding = las.laatsteFout();
    return melding === undefined ? {} : { melding };
  });

  control.post(controlPaths.release, async (req, reply): Promise<ReleaseAntwoord | ControlFout> => {
    const body = req.body as Partial<ReleaseVerzoek> | undefined;
    if (!body?.gegevensset) return reply.code(400).send(fout('Verplicht: gegevensset.'));
    try {
      las.wisselRelease(body.gegevensset);
      return { gegevensset: las.release().versie };
    } catch (e) {
      if (e instanceof LasFout) return reply.code(422).send(fout(e.message));
      throw e;
    }
  });

  await control.listen({ host: '127.0.0.1', port: options.controlPort ?? 0 });
  const port = (control.server.address() as { port: number }).port;

  return {
    las,
    controlUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await control.close();
      await las.close();
    },
  };
}
