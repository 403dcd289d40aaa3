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
import { CONFORMANT_CIPHERS, type TlsIdentity } from './tls-identity.ts';

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
  routes: { path: string; operations: OperationHandlers }[];
  /** Names the sending party in the log from its certificate OIN. */
  partyName?: (oin: string | undefined) => string;
  bodyLimitBytes?: number;
  /**
   * Certificate problems this server looks past. A conformant server tolerates none; the reference LAS's named faults
   * use this to misbehave on purpose (e.g. accept an expired client certificate).
   */
  tolerate?: readonly FaultReason[];
  /** Lowest TLS version the server accepts (default TLS 1.2). */
  minTlsVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  host?: string;
  port?: number;
}

export interface SoapServer {
  readonly url: string;
  close(): Promise<void>;
}

const SOAP_CONTENT_TYPES = ['text/xml', 'application/soap+xml'];
const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;

function negotiated(socket: TLSSocket): { tls?: { protocol: string; cipher: string } } {
  const protocol = socket.getProtocol?.();
  return protocol ? { tls: { protocol, cipher: socket.getCipher()?.name ?? 'onbekend' } } : {};
}

export async function startSoapServer(options: SoapServerOptions): Promise<SoapServer> {
  const app: FastifyInstance = Fastify({
    https: {
      key: options.tls.keyPem,
      cert: options.tls.certPem,
      ca: options.tls.caPem,
      ...(options.tls.crlPems?.length ? { crl: options.tls.crlPems } : {}),
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: options.minTlsVersion ?? 'TLSv1.2',
      // OpenSSL 3 refuses TLS below 1.2 at its default security level; a server told to allow it must lower the level.
      ciphers: options.minTlsVersion === 'TLSv1' || options.minTlsVersion === 'TLSv1.1' ? 'DEFAULT:@SECLEVEL=0' : (options.tls.ciphers ?? CONFORMANT_CIPHERS),
    },
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    logger: false,
    // A client that trickles bytes may not hold a connection forever.
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
  });
  const partyName = options.partyName ?? ((oin) => oin ?? 'onbekend');

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  let address = '';
  const record = (req: FastifyRequest, started: number, fields: { operation: string; request: string; response: string; status: number; uitkomst: string; oin?: string; sessieId?: string }) =>
    options.log.record({
      recordedBy: options.name,
      operation: fields.operation,
      van: partyName(fields.oin),
      naar: options.name,
      url: `${address}${req.url}`,
      request: fields.request,
      response: fields.response,
      httpStatus: fields.status,
      uitkomst: fields.uitkomst,
      ...(fields.oin ? { peerOin: fields.oin } : {}),
      ...(fields.sessieId ? { sessieId: fields.sessieId } : {}),
      ...negotiated(req.raw.socket as TLSSocket),
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    });

  for (const route of options.routes) {
    app.post(route.path, async (req, reply) => {
      const started = Date.now();
      const raw = typeof req.body === 'string' ? req.body : '';
      const socket = req.raw.socket as TLSSocket;
      const peer = checkClientCertificate(socket, options.tolerate);
      // Only a verified certificate names the sender; an untrusted one may claim any OIN.
      const oin = peer.ok ? peer.certificate.oin : undefined;
      const refuse = (operation: string, reason: FaultReason, detail?: string) => {
        const xml = encodeFault(reason, detail);
        record(req, started, { operation, request: raw, response: xml, status: 500, uitkomst: `SOAP Fault: ${reason}`, ...(oin ? { oin } : {}) });
        return reply.code(500).header('content-type', 'text/xml; charset=utf-8').send(xml);
      };
      if (!peer.ok) return refuse('onbekend', peer.reason, peer.detail);
      const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!SOAP_CONTENT_TYPES.includes(contentType)) return refuse('onbekend', 'ContentTypeOngeldig', `Ontvangen: ${contentType || '(geen)'}.`);

      let decoded;
      try {
        decoded = decodeEnvelope(raw);
      } catch (e) {
        if (e instanceof ProtocolError) return refuse('onbekend', e.reason, e.detail);
        throw e;
      }
      if (decoded.kind === 'fault') return refuse('Fault', 'OnbekendeOperatie', 'Een SOAP Fault is geen verzoek.');
      const name = decoded.name;
      const handler = (route.operations as Record<string, OperationHandler<RequestName> | undefined>)[name];
      if (!handler) return refuse(name, 'OnbekendeOperatie', `${name} wordt op ${route.path} niet ondersteund.`);

      let response;
      try {
        response = await handler(decoded.body as never, { client: peer.certificate, params: req.params as Record<string, string>, url: `${address}${req.url}` });
      } catch (e) {
        if (e instanceof ProtocolError) return refuse(name, e.reason, e.detail);
        return refuse(name, 'InterneFout', (e as Error).message);
      }
      const xml = encodeMessage(responseFor[name as RequestName], response as never);
      const sessieId = (decoded.body as { sessieId?: string }).sessieId ?? (response as { sessieId?: string }).sessieId;
      record(req, started, {
        operation: name,
        request: raw,
        response: xml,
        status: 200,
        uitkomst: (response as { resultaat?: { code: string } }).resultaat?.code ?? 'beantwoord',
        oin: peer.certificate.oin,
        ...(sessieId ? { sessieId } : {}),
      });
      return reply.code(200).header('content-type', 'text/xml; charset=utf-8').send(xml);
    });
  }

  // Refusals before a route runs (unknown path, oversized body) are exchanges too and go into the log.
  const refuseUnrouted = (req: FastifyRequest, reply: FastifyReply, reason: FaultReason, detail?: string) => {
    const xml = encodeFault(reason, detail);
    const started = Date.now();
    record(req, started, { operation: 'onbekend', request: typeof req.body === 'string' ? req.body : '', response: xml, status: 500, uitkomst: `SOAP Fault: ${reason}` });
    return reply.code(500).header('content-type', 'text/xml; charset=utf-8').send(xml);
  };
  app.setNotFoundHandler((req, reply) => refuseUnrouted(req, reply, 'OnbekendAdres', `${req.method} ${req.url}`));
  app.setErrorHandler((err: { code?: string; message: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuseUnrouted(req, reply, 'BerichtTeGroot', `Maximaal ${options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT} bytes.`);
    return refuseUnrouted(req, reply, 'InterneFout', err.message);
  });

  const host = options.host ?? '127.0.0.1';
  app.server.on('tlsClientError', (err: NodeJS.ErrnoException) =>
    options.log.recordHandshakeFailure({ recordedBy: options.name, at: new Date().toISOString(), code: err.code ?? 'onbekend', message: err.message }),
  );
  await app.listen({ host, port: options.port ?? 0 });
  const port = (app.server.address() as { port: number }).port;
  address = `https://${host}:${port}`;
  return {
    url: address,
    close: () => app.close(),
  };
}
