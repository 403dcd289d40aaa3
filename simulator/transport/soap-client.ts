/**
 * Posts a SOAP envelope over HTTPS with a client certificate, within a deadline and a size limit, and says in words
 * what went wrong when there is no answer: a SUT that hangs, resets, trickles or floods must fail its step, not the run.
 */
import https from 'node:https';
import { createSecureContext, type TLSSocket } from 'node:tls';
import { lookupVia } from './naam-resolutie.ts';
import { summarize, type CertificateSummary } from './peer-certificate.ts';
import { ciphersFor, type TlsIdentity, type TlsVersion } from './tls-identity.ts';

export interface SoapPostOptions {
  url: string;
  xml: string;
  tls: TlsIdentity;
  timeoutMs: number;
  maxResponseBytes?: number;
  soapAction?: string;
  /** Skip verifying the server's certificate: only the reference LAS's fault trust-any-server-cert does this. */
  trustAnyServer?: boolean;
  /** Skip checking that the server's certificate names the host connected to (fault ignore-hostname). */
  ignoreHostname?: boolean;
  /** Highest TLS version to offer (tests of servers that must refuse old versions lower it). */
  maxTlsVersion?: TlsVersion;
}

export interface SoapPostResult {
  status: number;
  /** As the server declared it (empty when it did not). */
  contentType: string;
  body: string;
  server?: CertificateSummary;
  /** What the handshake negotiated, e.g. TLSv1.3 and TLS_AES_256_GCM_SHA384. */
  tls?: { protocol: string; cipher: string };
  durationMs: number;
}

export type TransportFailure = 'time-out' | 'tls' | 'verbinding' | 'te-groot';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const TLS_ERROR = /certificate|CERT_|SSL|TLS|handshake|alert|self[- ]signed|altnames/i;

/** A dossier with its attachments fits easily; a flood is broken off long before memory runs out. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function grootte(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}

/** Agents are kept per identity and TLS settings so repeated calls reuse connections instead of a handshake each time. */
const agents = new Map<string, https.Agent>();
/** An identity's part of the agent key, serialised once per identity object instead of on every call (it holds PEMs and CRLs). */
const identityKeys = new WeakMap<TlsIdentity, string>();
function identityKey(tls: TlsIdentity): string {
  let key = identityKeys.get(tls);
  if (key === undefined) {
    key = JSON.stringify(tls);
    identityKeys.set(tls, key);
  }
  return key;
}
function agentFor(options: SoapPostOptions): https.Agent {
  const { tls, trustAnyServer = false, ignoreHostname = false, maxTlsVersion } = options;
  const key = JSON.stringify([identityKey(tls), trustAnyServer, ignoreHostname, maxTlsVersion ?? '']);
  let agent = agents.get(key);
  if (!agent) {
    // One secure context for every connection of the agent: without it Node parses the key, certificates and CRLs
    // again for each new connection, and every world of a test run means new connections (an eighth of the CPU of a fault-matrix pass in a profile).
    const secureContext = createSecureContext({
      cert: tls.certPem,
      key: tls.keyPem,
      ca: tls.caPem,
      ...(tls.crlPems?.length ? { crl: tls.crlPems } : {}),
      minVersion: maxTlsVersion === 'TLSv1' || maxTlsVersion === 'TLSv1.1' ? 'TLSv1' : 'TLSv1.2',
      ...(maxTlsVersion ? { maxVersion: maxTlsVersion } : {}),
      ciphers: ciphersFor(tls, maxTlsVersion),
    });
    agent = new https.Agent({
      keepAlive: true,
      secureContext,
      rejectUnauthorized: !trustAnyServer,
      ...(ignoreHostname ? { checkServerIdentity: () => undefined } : {}),
      ...(tls.namen ? { lookup: lookupVia(tls.namen) } : {}),
    });
    agents.set(key, agent);
  }
  return agent;
}

/** What the server of a connection presented and what its handshake negotiated. */
interface Verbinding {
  server: CertificateSummary | undefined;
  tls: NonNullable<SoapPostResult['tls']>;
}
const verbindingen = new WeakMap<TLSSocket, Verbinding>();

/**
 * Read from the socket that answered, once per connection: a kept-alive socket was verified when it connected and
 * carries many requests over that one handshake, and turning the certificate into an object is no small cost.
 */
function verbindingVan(socket: TLSSocket): Verbinding {
  let verbinding = verbindingen.get(socket);
  if (!verbinding) {
    const cert = socket.getPeerCertificate();
    verbinding = {
      server: cert && Object.keys(cert).length ? summarize(cert) : undefined,
      tls: { protocol: socket.getProtocol() ?? 'onbekend', cipher: socket.getCipher()?.name ?? 'onbekend' },
    };
    verbindingen.set(socket, verbinding);
  }
  return verbinding;
}

export function postSoap(options: SoapPostOptions): Promise<SoapPostResult> {
  const started = Date.now();
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise((resolve, reject) => {
    let server: CertificateSummary | undefined;
    let tls: SoapPostResult['tls'];
    let answering = false;
    let received = 0;
    const req = https.request(options.url, {
      method: 'POST',
      agent: agentFor(options),
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        'content-length': Buffer.byteLength(options.xml),
        soapaction: `"${options.soapAction ?? ''}"`,
      },
    });
    // One deadline for the whole exchange, the body included: a server that trickles its answer is as late as one that hangs.
    const deadline = setTimeout(
      () =>
        req.destroy(
          new TransportError(
            'time-out',
            answering
              ? `Antwoord van ${options.url} druppelde binnen ${options.timeoutMs} ms niet volledig binnen (${received} bytes ontvangen, time-out).`
              : `Geen antwoord van ${options.url} binnen ${options.timeoutMs} ms (time-out).`,
          ),
        ),
      options.timeoutMs,
    );
    const teGroot = (detail: string) => req.destroy(new TransportError('te-groot', `Antwoord van ${options.url} is groter dan ${grootte(maxBytes)}${detail}; afgebroken.`));
    req.on('response', (res) => {
      answering = true;
      ({ server, tls } = verbindingVan(res.socket as TLSSocket));
      const announced = Number(res.headers['content-length']);
      if (announced > maxBytes) return teGroot(` (content-length ${announced})`);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return teGroot('');
        chunks.push(chunk);
      });
      // A connection broken off halfway through the answer ends the response, not the request: say so here.
      res.on('close', () => {
        if (!res.complete && !req.destroyed)
          req.destroy(new TransportError('verbinding', `Verbinding met ${options.url} verbroken tijdens het antwoord (${received} bytes ontvangen).`));
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          ...(server ? { server } : {}),
          ...(tls ? { tls } : {}),
          durationMs: Date.now() - started,
        });
      });
      res.on('error', () => undefined);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (err instanceof TransportError) return reject(err);
      const tls = TLS_ERROR.test(`${err.code ?? ''} ${err.message}`);
      reject(
        new TransportError(
          tls ? 'tls' : 'verbinding',
          tls
            ? `TLS-verbinding met ${options.url} mislukt: ${err.message}${err.code ? ` (${err.code})` : ''}.`
            : answering
              ? `Verbinding met ${options.url} verbroken tijdens het antwoord (${received} bytes ontvangen${err.code ? `, ${err.code}` : ''}).`
              : err.code === 'ECONNRESET'
              ? `Verbinding met ${options.url} verbroken door de andere kant (ECONNRESET).`
              : `Verbinding met ${options.url} mislukt: ${err.message}${err.code ? ` (${err.code})` : ''}.`,
        ),
      );
    });
    req.end(options.xml);
  });
}
