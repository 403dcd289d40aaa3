/**
 * The yardstick for the simulator's throughput: a bare fastify HTTPS endpoint that echoes the SOAP body it receives, with
 * the TLS settings of the simulator's SOAP servers (transport/soap-server.ts): the same certificates and CRLs, client
 * certificates requested, TLS 1.2 at least, the same cipher string. Everything the simulator adds on top of this (XML
 * codec, certificate checks, the exchange log, the Traffic Center's checks) is what a comparison with it measures.
 */
import Fastify from 'fastify';
import { ciphersFor, type TlsIdentity } from '../transport/tls-identity.ts';

export const BARE_ECHO_PATH = '/echo';

export interface BareEchoServer {
  /** The echo endpoint's URL. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startBareEchoServer(options: { tls: TlsIdentity; host?: string; port?: number }): Promise<BareEchoServer> {
  const { tls } = options;
  const app = Fastify({
    https: {
      key: tls.keyPem,
      cert: tls.certPem,
      ca: tls.caPem,
      ...(tls.crlPems?.length ? { crl: tls.crlPems } : {}),
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      ciphers: ciphersFor(tls, undefined),
    },
    logger: false,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post(BARE_ECHO_PATH, async (req, reply) => reply.header('content-type', 'text/xml; charset=utf-8').send(req.body));
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as { port: number };
  return { url: `https://${host}:${port}${BARE_ECHO_PATH}`, close: () => app.close() };
}
