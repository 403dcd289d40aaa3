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
  type KlokAntwoord,
  type KlokVerzoek,
  type ReleaseAntwoord,
  type ReleaseVerzoek,
  type ResetAntwoord,
  type OpvragenVerzoek,
} from '../control-api.ts';
import { beschrijfAfwijkingen, CONTRACT_FILE, verzoekAfwijkingen, verzoekSchema, type ControlPath } from '../control-api-contract.ts';
import type { SimulatedClock } from '../clock.ts';
import type { GegevenssetVersie } from '../dossier/gegevensset.ts';
import type { Leerling } from '../dossier/leerling.ts';
import { LasFout, startLasSystem, type LasSystem } from '../las/las-system.ts';
import type { LasSchool } from '../las/las-school.ts';
import { ExchangeLog } from '../transport/exchange-log.ts';
import { urlHost } from '../transport/soap-server.ts';
import type { TlsIdentity } from '../transport/tls-identity.ts';
import { gedragVoor, type ReferenceLasFault } from './faults.ts';
import { registerWebUi } from './web-ui.ts';

export const REFERENCE_LAS_NAME = 'Referentie-LAS';
export const REFERENCE_LAS_VERSION = '0.1.0';
/** Where the reference LAS's web pages live on its control server (the UI a Playwright module drives). */
export const REFERENCE_LAS_UI_PATH = '/ui';
const PAKKET = { naam: 'OSO Testbank Referentie-LAS', versie: REFERENCE_LAS_VERSION };

export interface ReferenceLasOptions {
  schools: LasSchool[];
  tls: TlsIdentity;
  tcUrl: string;
  clock: SimulatedClock;
  administratie: Leerling[];
  gegevensset: GegevenssetVersie;
  faults?: readonly ReferenceLasFault[];
  /** Hears every switch of its behaviour the LAS looks at (`gedragVoor`); for the fault matrix. */
  gedragGelezen?: (schakelaar: string) => void;
  seed?: string;
  apPort?: number;
  controlPort?: number;
  /** Address its APs and test-control API listen on (default 127.0.0.1); standalone it may run on its own address. */
  host?: string;
  /** The name the harness reaches it by, in its AP URLs; default the host. */
  hostnaam?: string;
  /** Optional calls of the contract it leaves out (answering 404), as a LAS that does not offer them. */
  zonder?: readonly OptioneleAanroep[];
}

/** The optional calls of the test-control contract. */
export type OptioneleAanroep = 'reset' | 'klok';

export interface ReferenceLas {
  readonly las: LasSystem;
  readonly controlUrl: string;
  /** The web pages a school's user would click (klaarzetten, opvragen, received dossiers …). */
  readonly uiUrl: string;
  close(): Promise<void>;
}

/** Control requests are a few hundred bytes; this leaves room without letting a body tie up memory. */
const CONTROL_BODY_LIMIT = 64 * 1024;

/** Fastify's own refusals of a body, in the Dutch a vendor reads in the report. */
function bodyFoutInWoorden(code: string | undefined, verzoek: string): string | undefined {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return `Verzoek ${verzoek}: de body is geen geldige JSON.`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `Verzoek ${verzoek}: de body is leeg; verwacht een JSON-object (${CONTRACT_FILE}).`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Verzoek ${verzoek}: content-type wordt niet ondersteund; stuur application/json.`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `Verzoek ${verzoek}: de body is groter dan ${CONTROL_BODY_LIMIT} bytes.`;
    default:
      return undefined;
  }
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
    gedrag: gedragVoor(options.faults ?? [], options.gedragGelezen),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.apPort !== undefined ? { port: options.apPort } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.hostnaam !== undefined ? { hostnaam: options.hostnaam } : {}),
  });

  const control = Fastify({ logger: false, bodyLimit: CONTROL_BODY_LIMIT });
  const fout = (message: string): ControlFout => ({ fout: message });
  control.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) =>
    reply.code(err.statusCode ?? 500).send(fout(bodyFoutInWoorden(err.code, `${req.method} ${req.url}`) ?? err.message)),
  );
  control.setNotFoundHandler((req, reply) =>
    reply.code(404).send(fout(`Onbekend adres ${req.method} ${req.url}; de test-control-API kent ${Object.values(controlPaths).join(', ')} (${CONTRACT_FILE}).`)),
  );
  // Every request body is checked against the contract before a handler sees it: the handlers take the typed shape.
  control.addHook('preValidation', async (req, reply) => {
    const path = req.routeOptions.url as ControlPath | undefined;
    if (!path || req.method !== 'POST') return;
    const afwijkingen = verzoekAfwijkingen(path, req.body);
    if (afwijkingen.length)
      return reply
        .code(400)
        .send(fout(`Verzoek POST ${path} past niet in het contract (${CONTRACT_FILE}, ${verzoekSchema(path)}): ${beschrijfAfwijkingen(afwijkingen)}.`));
  });

  control.get(controlPaths.status, async (): Promise<ControlStatus> => ({
    naam: REFERENCE_LAS_NAME,
    versie: PAKKET.versie,
    scholen: las.schools.map((s) => ({ brin: s.brin, naam: s.naam, sector: s.sector, routeringsKenmerk: s.routeringsKenmerk, apUrl: las.apUrl(s.routeringsKenmerk) })),
    datum: options.clock.today(),
  }));

  const zonder = new Set(options.zonder ?? []);
  // Clean state per run: what a long-lived LAS needs so that earlier runs cannot change a verdict.
  if (!zonder.has('reset'))
    control.post(controlPaths.reset, async (): Promise<ResetAntwoord> => {
      las.reset();
      return { gereset: true };
    });

  if (!zonder.has('klok'))
    control.post(controlPaths.klok, async (req, reply): Promise<KlokAntwoord | ControlFout> => {
      const { datum } = req.body as KlokVerzoek;
      try {
        options.clock.set(datum);
      } catch (e) {
        return reply.code(422).send(fout((e as Error).message));
      }
      return { datum: options.clock.today() };
    });

  control.post(controlPaths.klaarzetten, async (req, reply): Promise<KlaarzettenAntwoord | ControlFout> => {
    const body = req.body as KlaarzettenVerzoek;
    try {
      const dossier = las.klaarzetten({ brin: body.brin, pgn: body.pgn, doelBrin: body.doelBrin }, body.notificeren ? { notificeren: true } : {});
      return { klaargezet: true, versie: dossier.versie, ...(dossier.notificatie ? { notificaties: await dossier.notificatie } : {}) };
    } catch (e) {
      if (e instanceof LasFout) return reply.code(422).send(fout(e.message));
      throw e;
    }
  });

  control.post(controlPaths.opvragen, async (req, reply): Promise<OpvragenAntwoord | ControlFout> => {
    const body = req.body as OpvragenVerzoek;
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
    const body = req.body as ReleaseVerzoek;
    try {
      las.wisselRelease(body.gegevensset);
      return { gegevensset: las.release().versie };
    } catch (e) {
      if (e instanceof LasFout) return reply.code(422).send(fout(e.message));
      throw e;
    }
  });

  registerWebUi(control, { las, clock: options.clock, naam: REFERENCE_LAS_NAME, versie: PAKKET.versie, prefix: REFERENCE_LAS_UI_PATH });

  await control.listen({ host: options.host ?? '127.0.0.1', port: options.controlPort ?? 0 });
  const port = (control.server.address() as { port: number }).port;
  const base = `http://${urlHost(options.hostnaam ?? options.host ?? '127.0.0.1')}:${port}`;

  return {
    las,
    controlUrl: base,
    uiUrl: `${base}${REFERENCE_LAS_UI_PATH}`,
    close: async () => {
      await control.close();
      await las.close();
    },
  };
}
