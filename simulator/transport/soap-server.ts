/**
 * An HTTPS SOAP endpoint of the simulated world: fastify with client certificates requested but verified here, so that
 * a bad certificate gets a SOAP Fault naming the reason instead of a dropped connection [ours]. Every exchange is
 * recorded in the world's exchange log. Whatever arrives — no certificate, wrong content type, malformed XML, an
 * unknown operation, an oversized body — the answer is a SOAP Fault and the server stays up.
 */
import type { TLSSocket } from 'node:tls';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { FaultReason } from '../protocol/fault-reasons.ts';
import type { Messages } from '../protocol/messages.ts';
import { responseFor, type RequestName } from '../protocol/profile.ts';
import { decodeEnvelope, encodeFault, encodeMessage, ProtocolError } from '../protocol/soap.ts';
import type { ExchangeLog } from './exchange-log.ts';
import { checkClientCertificate, type CertificateSummary } from './peer-certificate.ts';
import { serverOnFirstConnection, type BuiltServer } from './server-on-first-connection.ts';
import { ciphersFor, type TlsIdentity, type TlsVersion } from './tls-identity.ts';

export type ResponseTo<N extends RequestName> = Messages[(typeof responseFor)[N]];

export interface RequestContext {
  client: CertificateSummary & { oin: string };
  /** Path parameters of the route, e.g. the routeringsKenmerk of an AP. */
  params: Record<string, string>;
  url: string;
}

export type OperationHandler<N extends RequestName> = (body: Messages[N], ctx: RequestContext) => Promise<ResponseTo<N>>;
export type OperationHandlers = { [N in RequestName]?: OperationHandler<N> };

export interface SoapServerOptions {
  /** Name of the party in logs and reports, e.g. `TC`. */
  name: string;
  tls: TlsIdentity;
  log: ExchangeLog;
  routes: SoapRoute[];
  /** Names the sending party in the log from its certificate OIN. */
  partyName?: (oin: string | undefined) => string;
  bodyLimitBytes?: number;
  /**
   * Certificate problems this server looks past. A conformant server tolerates none; the reference LAS's named faults
   * use this to misbehave on purpose (e.g. accept an expired client certificate).
   */
  tolerate?: readonly FaultReason[];
  /** Lowest TLS version the server accepts (default TLS 1.2). */
  minTlsVersion?: TlsVersion;
  /** Address it listens on (default 127.0.0.1). */
  host?: string;
  /** The name others reach it by, in its URL (and in its certificate); default the host. */
  hostnaam?: string;
  port?: number;
  /** Add the routes to this server instead of listening (host, port, TLS and body limit are then the owner's). */
  shared?: SharedServer;
}

export interface SoapServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A server another part owns (`serve`: one HTTPS port for the TC, the testscholen's APs, the API and the portal): a
 * party adds its routes to it instead of listening itself, and its URL is the shared server's. Its TLS settings are the
 * owner's (createSoapApp); closing it is the owner's job too.
 */
export interface SharedServer {
  app: FastifyInstance;
  /** Origin of the shared server as others reach it, e.g. https://oso.example.nl:8443 */
  url: string;
}

export interface SoapRoute {
  path: string;
  operations: OperationHandlers;
  /** Path parameters fixed by the route (a literal AP path on a shared server stands for `:routeringsKenmerk`). */
  params?: Record<string, string>;
}

const SOAP_CONTENT_TYPES = ['text/xml', 'application/soap+xml'];
/**
 * How much of a refused request the log keeps: enough to see what came, not the whole of it. Kept whole, a stream of
 * megabyte garbage filled the world's log and serve's store (and its memory) with bytes nobody reads.
 */
export const MAX_GEWEIGERD_VERZOEK = 64 * 1024;

function uittreksel(verzoek: string): string {
  return verzoek.length > MAX_GEWEIGERD_VERZOEK ? `${verzoek.slice(0, MAX_GEWEIGERD_VERZOEK)}… (ingekort; ${verzoek.length} tekens ontvangen)` : verzoek;
}
const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;

/** What a connection's handshake negotiated; read once per connection, as a kept-alive one carries many requests. */
const negotiatedOn = new WeakMap<TLSSocket, { tls?: { protocol: string; cipher: string } }>();
function negotiated(socket: TLSSocket): { tls?: { protocol: string; cipher: string } } {
  let found = negotiatedOn.get(socket);
  if (!found) {
    const protocol = socket.getProtocol?.();
    found = protocol ? { tls: { protocol, cipher: socket.getCipher()?.name ?? 'onbekend' } } : {};
    negotiatedOn.set(socket, found);
  }
  return found;
}

/** The HTTPS app a SOAP server runs on: client certificates requested, verified per request (see the module comment). */
export function createSoapApp(options: Pick<SoapServerOptions, 'tls' | 'bodyLimitBytes' | 'minTlsVersion'>): FastifyInstance {
  const app: FastifyInstance = Fastify({
    https: {
      key: options.tls.keyPem,
      cert: options.tls.certPem,
      ca: options.tls.caPem,
      ...(options.tls.crlPems?.length ? { crl: options.tls.crlPems } : {}),
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: options.minTlsVersion ?? 'TLSv1.2',
      ciphers: ciphersFor(options.tls, options.minTlsVersion),
    },
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    logger: false,
    // A client that trickles bytes may not hold a connection forever.
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  return app;
}

type RoutesOptions = Pick<SoapServerOptions, 'name' | 'log' | 'routes' | 'partyName' | 'tolerate'>;

/**
 * Adds a party's SOAP routes to an app; returns how the app refuses a request no route took (unknown path, oversized
 * body), for the app's not-found and error handlers. `address` gives the origin once it is known (after listen).
 */
export function registerSoapRoutes(app: FastifyInstance, options: RoutesOptions, address: () => string): { refuseUnrouted: (req: FastifyRequest, reply: FastifyReply, reason: FaultReason, detail: string) => Promise<FastifyReply> } {
  const partyName = options.partyName ?? ((oin) => oin ?? 'onbekend');

  /** Answers a SOAP Fault and logs the refused exchange; `oin` only when a verified certificate named the sender. */
  const refuse = async (req: FastifyRequest, reply: FastifyReply, refusal: { started: number; operation: string; reason: FaultReason; detail?: string; oin?: string }) => {
    const xml = encodeFault(refusal.reason, refusal.detail);
    const request = typeof req.body === 'string' ? uittreksel(req.body) : '';
    if (!(await recorded(() => record(req, refusal.started, { operation: refusal.operation, request, response: xml, status: 500, uitkomst: `SOAP Fault: ${refusal.reason}`, ...(refusal.oin ? { oin: refusal.oin } : {}) }))))
      return notRecorded(reply);
    return reply.code(500).header('content-type', 'text/xml; charset=utf-8').send(xml);
  };
  /** Whether the exchange was recorded; a durable sink that fails (the database is gone) is no reason to crash. */
  const recorded = async (write: () => Promise<unknown>) => {
    try {
      await write();
      return true;
    } catch {
      return false;
    }
  };
  /** What was not recorded is not acknowledged: the sender hears so and may try again. */
  const notRecorded = (reply: FastifyReply) =>
    reply
      .code(500)
      .header('content-type', 'text/xml; charset=utf-8')
      .send(encodeFault('InterneFout', 'Het bericht kon niet worden vastgelegd en is daarom niet verwerkt; probeer het later opnieuw.'));
  /** Recorded before the answer goes out: with a durable sink on the log, what is answered is stored. */
  const record = (
    req: FastifyRequest,
    started: number,
    fields: { operation: string; request: string; response: string; status: number; uitkomst: string; oin?: string; sessieId?: string; brins?: string[] },
  ) =>
    options.log.recordDurable(
      {
        recordedBy: options.name,
        operation: fields.operation,
        van: partyName(fields.oin),
        naar: options.name,
        url: `${address()}${req.url}`,
        request: fields.request,
        response: fields.response,
        httpStatus: fields.status,
        uitkomst: fields.uitkomst,
        ...(fields.oin ? { peerOin: fields.oin } : {}),
        ...(fields.sessieId ? { sessieId: fields.sessieId } : {}),
        ...negotiated(req.raw.socket as TLSSocket),
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
      },
      { brins: fields.brins ?? [] },
    );

  for (const route of options.routes) {
    app.post(route.path, async (req, reply) => {
      const started = Date.now();
      const raw = typeof req.body === 'string' ? req.body : '';
      const socket = req.raw.socket as TLSSocket;
      const peer = checkClientCertificate(socket, options.tolerate);
      // Only a verified certificate names the sender; an untrusted one may claim any OIN.
      const oin = peer.ok ? peer.certificate.oin : undefined;
      const refuseRoute = (operation: string, reason: FaultReason, detail?: string) =>
        refuse(req, reply, { started, operation, reason, ...(detail !== undefined ? { detail } : {}), ...(oin ? { oin } : {}) });
      if (!peer.ok) return refuseRoute('onbekend', peer.reason, peer.detail);
      const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!SOAP_CONTENT_TYPES.includes(contentType)) return refuseRoute('onbekend', 'ContentTypeOngeldig', `Ontvangen: ${contentType || '(geen)'}.`);

      let decoded;
      try {
        decoded = decodeEnvelope(raw);
      } catch (e) {
        if (e instanceof ProtocolError) return refuseRoute('onbekend', e.reason, e.detail);
        throw e;
      }
      if (decoded.kind === 'fault') return refuseRoute('Fault', 'OnbekendeOperatie', 'Een SOAP Fault is geen verzoek.');
      const name = decoded.name;
      const handler = (route.operations as Record<string, OperationHandler<RequestName> | undefined>)[name];
      if (!handler) return refuseRoute(name, 'OnbekendeOperatie', `${name} wordt op ${route.path} niet ondersteund.`);

      let response;
      try {
        const params = { ...(req.params as Record<string, string>), ...route.params };
        response = await handler(decoded.body as never, { client: peer.certificate, params, url: `${address()}${req.url}` });
      } catch (e) {
        if (e instanceof ProtocolError) return refuseRoute(name, e.reason, e.detail);
        return refuseRoute(name, 'InterneFout', (e as Error).message);
      }
      const xml = encodeMessage(responseFor[name as RequestName], response as never);
      const sessieId = (decoded.body as { sessieId?: string }).sessieId ?? (response as { sessieId?: string }).sessieId;
      const vastgelegd = await recorded(() =>
        record(req, started, {
          operation: name,
          request: raw,
          response: xml,
          status: 200,
          uitkomst: (response as { resultaat?: { code: string } }).resultaat?.code ?? 'beantwoord',
          oin: peer.certificate.oin,
          ...(sessieId ? { sessieId } : {}),
          brins: brinsIn(decoded.body),
        }),
      );
      if (!vastgelegd) return notRecorded(reply);
      return reply.code(200).header('content-type', 'text/xml; charset=utf-8').send(xml);
    });
  }

  // Refusals before a route runs (unknown path, oversized body) are exchanges too and go into the log.
  const refuseUnrouted = (req: FastifyRequest, reply: FastifyReply, reason: FaultReason, detail: string) =>
    refuse(req, reply, { started: Date.now(), operation: 'onbekend', reason, detail });
  return { refuseUnrouted };
}

/** The schools a request concerns (bron and doel), by which a school later finds its own exchanges. */
function brinsIn(body: unknown): string[] {
  const b = body as { bronBrin?: unknown; doelBrin?: unknown };
  return [...new Set([b.bronBrin, b.doelBrin].filter((x): x is string => typeof x === 'string' && x !== ''))];
}

/** The SOAP answer to a request no route took, and to a body the app refused; for an app of SOAP routes only. */
export function refuseUnroutedAsSoap(app: FastifyInstance, refuseUnrouted: ReturnType<typeof registerSoapRoutes>['refuseUnrouted'], bodyLimitBytes?: number): void {
  app.setNotFoundHandler((req, reply) => refuseUnrouted(req, reply, 'OnbekendAdres', `${req.method} ${req.url}`));
  app.setErrorHandler((err: { code?: string; message: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuseUnrouted(req, reply, 'BerichtTeGroot', `Maximaal ${bodyLimitBytes ?? DEFAULT_BODY_LIMIT} bytes.`);
    return refuseUnrouted(req, reply, 'InterneFout', err.message);
  });
}

export async function startSoapServer(options: SoapServerOptions): Promise<SoapServer> {
  if (options.shared) {
    const shared = options.shared;
    registerSoapRoutes(shared.app, options, () => shared.url);
    return { url: shared.url, close: async () => {} };
  }
  const host = options.host ?? '127.0.0.1';
  let address = '';
  // Built when first called: many servers of a world never are in a run (server-on-first-connection.ts).
  const build = async (): Promise<BuiltServer> => {
    const app = createSoapApp(options);
    const { refuseUnrouted } = registerSoapRoutes(app, options, () => address);
    refuseUnroutedAsSoap(app, refuseUnrouted, options.bodyLimitBytes);
    app.server.on('tlsClientError', (err: NodeJS.ErrnoException) =>
      options.log.recordHandshakeFailure({ recordedBy: options.name, at: new Date().toISOString(), code: err.code ?? 'onbekend', message: err.message }),
    );
    await app.ready();
    return { server: app.server, close: () => app.close() };
  };
  const listening = await serverOnFirstConnection({ host, port: options.port ?? 0 }, build, (err: NodeJS.ErrnoException) =>
    options.log.recordHandshakeFailure({
      recordedBy: options.name,
      at: new Date().toISOString(),
      code: err.code ?? 'onbekend',
      message: `${options.name} kon bij de eerste verbinding niet worden gestart (certificaat of sleutel?): ${err.message}`,
    }),
  );
  address = `https://${urlHost(options.hostnaam ?? host)}:${listening.port}`;
  return {
    url: address,
    close: () => listening.close(),
  };
}

/** A host as it stands in a URL: an IPv6 address in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
