/**
 * The simulated Traffic Center: overdracht, sessiecontrole, afmelding, melden notificatie and ping over mutual TLS, with the checks of the
 * public OSO documentation (oso-protocol.md, "Who checks what") and an audit log of every message in and out.
 */
import type { SimulatedClock } from '../clock.ts';
import type {
  AfmeldingRequest,
  AfmeldingResponse,
  MeldenNotificatieRequest,
  MeldenNotificatieResponse,
  OverdrachtRequest,
  OverdrachtResponse,
  PingResponse,
  SessiecontroleRequest,
  SessiecontroleResponse,
} from '../protocol/messages.ts';
import { oso2021 } from '../protocol/profile.ts';
import { resultCodes, type ResultCode } from '../protocol/result-codes.ts';
import type { RegisterLookup } from '../register/register.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import { startSoapServer, type RequestContext, type SharedServer, type SoapServer } from '../transport/soap-server.ts';
import type { TlsIdentity } from '../transport/tls-identity.ts';
import { MemorySessionStore, type Sessie, type SessionStore } from './session-store.ts';

export interface TrafficCenterOptions {
  register: RegisterLookup;
  /** Where sessions live; in memory when absent (one qualify), the durable store under `serve`. */
  sessions?: SessionStore;
  clock: SimulatedClock;
  tls: TlsIdentity;
  log: ExchangeLog;
  host?: string;
  /** The name others reach it by, in its URL; default the host. */
  hostnaam?: string;
  port?: number;
  /** Serve on this server's port (`serve`: one HTTPS port for everything) instead of its own. */
  shared?: SharedServer;
}

export interface TrafficCenter {
  readonly url: string;
  readonly sessions: SessionStore;
  close(): Promise<void>;
}

export const TC_NAME = 'TC';
export const TC_PATH = '/oso/tc';

const resultaat = (code: ResultCode) => ({ code, omschrijving: resultCodes[code].omschrijving });

/**
 * A check answers the result code that refuses the request, or nothing when the request passes it. The facts a check
 * needs are read (awaited) before the checks run, so the checks stay plain and in the documented order.
 */
type Check = () => ResultCode | undefined;
const firstFailing = (checks: Check[]) => {
  for (const check of checks) {
    const code = check();
    if (code) return code;
  }
  return undefined;
};

export async function startTrafficCenter(options: TrafficCenterOptions): Promise<TrafficCenter> {
  const { register, clock } = options;
  const sessions = options.sessions ?? new MemorySessionStore();
  const overdrachtsoorten: readonly string[] = oso2021.overdrachtsoorten;

  const owns = async (oin: string, routeringsKenmerk: string, brin: string) => {
    const ap = await register.aanleverpunt(routeringsKenmerk);
    return ap !== undefined && ap.brin === brin && ap.eigenaarOin === oin;
  };
  const expired = (s: Sessie) => clock.now().getTime() - s.geopendOp.getTime() > oso2021.sessieGeldigheidMinuten * 60_000;

  async function overdracht(req: OverdrachtRequest, ctx: RequestContext): Promise<OverdrachtResponse> {
    const [doelAp, doelEigen, bronSchool, bronAps] = await Promise.all([
      register.aanleverpunt(req.doelRouteringsKenmerk),
      owns(ctx.client.oin, req.doelRouteringsKenmerk, req.doelBrin),
      register.school(req.bronBrin),
      register.aanleverpuntenVan(req.bronBrin),
    ]);
    const actieveBronAps = bronAps.filter((ap) => ap.actief);
    const code = firstFailing([
      () => ((req.zoeksleutel ? 1 : 0) + (req.koppelsleutel ? 1 : 0) === 1 ? undefined : 'OngeldigeSleutel'),
      () => (overdrachtsoorten.includes(req.overdrachtsoort) ? undefined : 'OngeldigeOverdrachtsoort'),
      () => (doelAp && doelAp.brin === req.doelBrin ? undefined : 'OnbekendAanleverpunt'),
      () => (doelEigen ? undefined : 'CertificaatHoortNietBijAanleverpunt'),
      () => (doelAp?.actief ? undefined : 'AanleverpuntNietActief'),
      () => (bronSchool ? undefined : 'VerstrekkerNietBekend'),
      () => (actieveBronAps.length ? undefined : 'GeenActiefAanleverpunt'),
    ]);
    if (code) return { resultaat: resultaat(code) };
    const sessie = await sessions.open({
      doelBrin: req.doelBrin,
      doelRouteringsKenmerk: req.doelRouteringsKenmerk,
      bronBrin: req.bronBrin,
      overdrachtsoort: req.overdrachtsoort,
      ...(req.zoeksleutel ? { zoeksleutel: req.zoeksleutel } : {}),
      ...(req.koppelsleutel ? { koppelsleutel: req.koppelsleutel } : {}),
      doelOin: ctx.client.oin,
      geopendOp: clock.now(),
    });
    return {
      resultaat: resultaat('Ok'),
      sessieId: sessie.sessieId,
      aanleverpunten: actieveBronAps.map((ap) => ({ routeringsKenmerk: ap.routeringsKenmerk, url: ap.url })),
    };
  }

  async function sessiecontrole(req: SessiecontroleRequest, ctx: RequestContext): Promise<SessiecontroleResponse> {
    const [sessie, bronSchool, bronEigen, doelSchool] = await Promise.all([
      sessions.get(req.sessieId),
      register.school(req.bronBrin),
      owns(ctx.client.oin, req.bronRouteringsKenmerk, req.bronBrin),
      register.school(req.doelBrin),
    ]);
    const code = firstFailing([
      () => (sessie ? undefined : 'SessieOnbekend'),
      () => (sessie?.afmelding ? 'SessieReedsAfgemeld' : undefined),
      () => (sessie && expired(sessie) ? 'SessieVerlopen' : undefined),
      () => (bronSchool ? undefined : 'VerstrekkerNietBekend'),
      () => (bronEigen ? undefined : 'CertificaatHoortNietBijAanleverpunt'),
      () => (req.doelRouteringsKenmerk === sessie?.doelRouteringsKenmerk ? undefined : 'OnbekendAanleverpunt'),
      () =>
        req.bronBrin === sessie?.bronBrin &&
        req.doelBrin === sessie.doelBrin &&
        req.overdrachtsoort === sessie.overdrachtsoort &&
        (sessie.zoeksleutel === undefined || req.zoeksleutelPgnfrag.zoeksleutel === sessie.zoeksleutel)
          ? undefined
          : 'SessieAfwijkend',
      () => (req.overdrachtsoort === 'overdrachtbinnenbrin' && req.bronBrin !== req.doelBrin ? 'GeenRelatieMetDoel' : undefined),
    ]);
    if (sessie) await sessions.sessiecontroleVastleggen(sessie.sessieId, { bronRouteringsKenmerk: req.bronRouteringsKenmerk, op: clock.now(), resultaat: code ?? 'Ok' });
    if (code) return { resultaat: resultaat(code) };
    const sector = doelSchool?.sector;
    return { resultaat: resultaat('Ok'), ...(sector ? { doelschoolSector: sector } : {}), doelOin: sessie!.doelOin };
  }

  async function afmelding(req: AfmeldingRequest, ctx: RequestContext): Promise<AfmeldingResponse> {
    const [sessie, doelEigen] = await Promise.all([sessions.get(req.sessieId), owns(ctx.client.oin, req.doelRouteringsKenmerk, req.doelBrin)]);
    const code = firstFailing([
      () => (sessie ? undefined : 'SessieOnbekend'),
      () => (sessie?.afmelding ? 'SessieReedsAfgemeld' : undefined),
      () => (doelEigen ? undefined : 'CertificaatHoortNietBijAanleverpunt'),
      () =>
        req.doelRouteringsKenmerk === sessie?.doelRouteringsKenmerk && req.doelBrin === sessie.doelBrin && req.bronBrin === sessie.bronBrin
          ? undefined
          : 'SessieAfwijkend',
    ]);
    if (code) return { resultaat: resultaat(code) };
    // Atomic in the store: of two afmeldingen racing (on two instances), one closes the session.
    const afgemeld = await sessions.afmelden(sessie!.sessieId, { op: clock.now(), resultaatcode: req.resultaatcode, bronRouteringsKenmerk: req.bronRouteringsKenmerk });
    return { resultaat: resultaat(afgemeld ? 'Ok' : 'SessieReedsAfgemeld') };
  }

  /**
   * A bron reports that it notifies the doel of an earlier request [pub]: the session must exist and be the doel AP's
   * request to this bron BRIN, the bron AP must belong to the sending certificate, and the doel must be OV. The answer
   * is the doel AP's current URL from the register [pub]. The session's 30 minutes do not apply, nor does afmelding:
   * a notificatie comes when the bron's user klaarzet the dossier, typically days after the request [ours].
   */
  async function meldenNotificatie(req: MeldenNotificatieRequest, ctx: RequestContext): Promise<MeldenNotificatieResponse> {
    const doelen: readonly string[] = oso2021.notificatieDoelen;
    const [sessie, doelAp, bronSchool, bronEigen] = await Promise.all([
      sessions.get(req.sessieId),
      register.aanleverpunt(req.doelRouteringsKenmerk),
      register.school(req.bronBrin),
      owns(ctx.client.oin, req.bronRouteringsKenmerk, req.bronBrin),
    ]);
    const code = firstFailing([
      () => (doelen.includes(req.doel) ? undefined : 'OngeldigNotificatieDoel'),
      () => (sessie ? undefined : 'SessieOnbekend'),
      () => (bronSchool ? undefined : 'VerstrekkerNietBekend'),
      () => (bronEigen ? undefined : 'CertificaatHoortNietBijAanleverpunt'),
      () => (req.doelRouteringsKenmerk === sessie?.doelRouteringsKenmerk ? undefined : 'OnbekendAanleverpunt'),
      () => (req.bronBrin === sessie?.bronBrin && req.doelBrin === sessie.doelBrin ? undefined : 'SessieAfwijkend'),
      () => (doelAp?.actief ? undefined : 'AanleverpuntNietActief'),
    ]);
    if (sessie) await sessions.notificatieVastleggen(sessie.sessieId, { bronRouteringsKenmerk: req.bronRouteringsKenmerk, op: clock.now(), resultaat: code ?? 'Ok' });
    if (code) return { resultaat: resultaat(code) };
    return { resultaat: resultaat('Ok'), url: doelAp!.url };
  }

  async function ping(): Promise<PingResponse> {
    return { resultaat: resultaat('Ok'), tijd: clock.now().toISOString(), release: oso2021.release };
  }

  const server: SoapServer = await startSoapServer({
    name: TC_NAME,
    tls: options.tls,
    log: options.log,
    partyName: (oin) => register.partyName(oin),
    routes: [
      {
        path: TC_PATH,
        operations: {
          overdrachtRequest: overdracht,
          sessiecontroleRequest: sessiecontrole,
          afmeldingRequest: afmelding,
          meldenNotificatieRequest: meldenNotificatie,
          pingRequest: ping,
        },
      },
    ],
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.hostnaam !== undefined ? { hostnaam: options.hostnaam } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.shared ? { shared: options.shared } : {}),
  });

  return {
    url: `${server.url}${TC_PATH}`,
    sessions,
    close: () => server.close(),
  };
}
