/**
 * The client side of a load run over mutual TLS: one kept-alive HTTPS agent with the caller's client certificate and as
 * many connections as requests in flight, posting the same body again and again. Built for load, not for judging: an
 * answer other than HTTP 200 is an error, and the body is read to the end but not kept.
 */
import https from 'node:https';
import { ciphersFor, type TlsIdentity } from '../transport/tls-identity.ts';

export interface HttpsPosterOptions {
  url: string;
  tls: TlsIdentity;
  body: string;
  contentType?: string;
  /** Connections to keep open: the number of requests in flight. */
  connections: number;
  /** A request without a complete answer in this time fails (default 30 s). */
  timeoutMs?: number;
}

export interface HttpsPoster {
  post(): Promise<void>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export function httpsPoster(options: HttpsPosterOptions): HttpsPoster {
  const { tls } = options;
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
    cert: tls.certPem,
    key: tls.keyPem,
    ca: tls.caPem,
    ...(tls.crlPems?.length ? { crl: tls.crlPems } : {}),
    minVersion: 'TLSv1.2',
    ciphers: ciphersFor(tls, undefined),
  });
  const body = Buffer.from(options.body);
  const headers = { 'content-type': options.contentType ?? 'text/xml; charset=utf-8', 'content-length': body.length, soapaction: '""' };
  const timeoutMs = options.timeoutMs ?? 30_000;

  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = https.request(options.url, { method: 'POST', agent, headers, timeout: timeoutMs }, (res) => {
        let excerpt = '';
        res.on('data', (chunk: Buffer) => {
          if (res.statusCode !== 200 && excerpt.length < 300) excerpt += chunk.toString('utf8');
        });
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode} van ${options.url}: ${excerpt.slice(0, 300)}`))));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`Geen volledig antwoord van ${options.url} binnen ${timeoutMs} ms.`)));
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
