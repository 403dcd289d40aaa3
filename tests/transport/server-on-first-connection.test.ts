/**
 * A SOAP server of its own is built (TLS identity, fastify app) when its first client connects
 * (simulator/transport/server-on-first-connection.ts). What a client meets must be what an eagerly built server gives:
 * the server's own certificate from the first connection on, client certificates verified against the CA and the CRLs
 * on later connections too; connections that arrive while it is being built are served; a server never called is never
 * built and frees its port; and an identity that cannot be loaded must not crash or hang anything.
 */
import { expect } from '@playwright/test';
import { once } from 'node:events';
import { Agent, createServer as createHttpServer, get } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { oso2021 } from '../../simulator/protocol/profile.ts';
import { decodeEnvelope, encodeMessage } from '../../simulator/protocol/soap.ts';
import { ExchangeLog } from '../../simulator/transport/exchange-log.ts';
import { postSoap, TransportError } from '../../simulator/transport/soap-client.ts';
import { serverOnFirstConnection, type BuiltServer } from '../../simulator/transport/server-on-first-connection.ts';
import { startSoapServer, type SoapServer } from '../../simulator/transport/soap-server.ts';
import type { TlsIdentity } from '../../simulator/transport/tls-identity.ts';
import { test } from '../world-per-worker.ts';

const pingRequest = encodeMessage('pingRequest', {});

async function metServer(tls: TlsIdentity, body: (server: SoapServer, log: ExchangeLog) => Promise<void>): Promise<void> {
  const log = new ExchangeLog();
  const server = await startSoapServer({
    name: 'Proef-TC',
    tls,
    log,
    routes: [{ path: '/oso/tc', operations: { pingRequest: async () => ({ resultaat: { code: 'Ok' }, tijd: new Date().toISOString(), release: oso2021.release }) } }],
  });
  try {
    await body(server, log);
  } finally {
    await server.close();
  }
}

test('the first connection meets the server’s own certificate, and later connections still have the CA and the CRLs', async ({ world }) => {
  const tc = world.identity('tc');
  await metServer(tc, async (server) => {
    // postSoap verifies the server against the test CA: this passes only with the TC's chain and key loaded.
    const eerste = await postSoap({ url: `${server.url}/oso/tc`, xml: pingRequest, tls: world.identity('testschool-vo'), timeoutMs: 5_000 });
    expect(eerste.status, eerste.body).toBe(200);
    expect(eerste.server?.oin).toBe(tc.oin);

    // Another identity is another agent, so another connection: the revoked certificate must meet the CRLs.
    const ingetrokken = world.catalogue.certificates.ingetrokken.nodeTlsOptions;
    const tweede = await postSoap({
      url: `${server.url}/oso/tc`,
      xml: pingRequest,
      tls: { ...world.identity('testschool-vo'), certPem: ingetrokken.cert, keyPem: ingetrokken.key },
      timeoutMs: 5_000,
    });
    expect(tweede.status).toBe(500);
    expect(decodeEnvelope(tweede.body)).toMatchObject({ kind: 'fault', fault: { reden: 'CertificaatIngetrokken' } });
  });
});

test('an identity that cannot be loaded: the server starts, each call fails as a TLS error within its deadline, the log says why, the server stays up', async ({ world }) => {
  // The TC's certificate with another party's key: OpenSSL refuses the pair when it builds the context.
  const scheef = { ...world.identity('tc'), keyPem: world.identity('testschool-po').keyPem };
  await metServer(scheef, async (server, log) => {
    for (let poging = 1; poging <= 2; poging++) {
      const started = Date.now();
      const fout = await postSoap({ url: `${server.url}/oso/tc`, xml: pingRequest, tls: world.identity('testschool-vo'), timeoutMs: 5_000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(fout).toBeInstanceOf(TransportError);
      expect((fout as TransportError).failure).not.toBe('time-out');
      expect(Date.now() - started).toBeLessThan(5_000);
      const geladen = log.handshakeFailures().filter((f) => f.message.includes('niet worden gestart'));
      expect(geladen).toHaveLength(poging);
      expect(geladen[0]!.recordedBy).toBe('Proef-TC');
    }
  });
});

/** A plain HTTP server that answers every request with `antwoord`, built by the counted `build`. */
function telBouw(antwoord: string, vertraging = 0): { build: () => Promise<BuiltServer>; gebouwd: () => number } {
  let gebouwd = 0;
  return {
    gebouwd: () => gebouwd,
    build: async () => {
      gebouwd++;
      await new Promise((r) => setTimeout(r, vertraging));
      const server = createHttpServer({ keepAlive: false }, (_req, res) => res.end(antwoord));
      return { server, close: () => new Promise<void>((r) => server.close(() => r())) };
    },
  };
}

function haal(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

test.describe('serverOnFirstConnection', () => {
  test('never called: never built, and closing frees the port', async () => {
    const { build, gebouwd } = telBouw('hallo');
    const s = await serverOnFirstConnection({ host: '127.0.0.1', port: 0 }, build, (e) => {
      throw e;
    });
    await s.close();
    expect(gebouwd()).toBe(0);
    expect(s.built).toBe(false);
    const ander = createNetServer().listen(s.port, '127.0.0.1');
    await once(ander, 'listening');
    ander.close();
  });

  test('connections during the build wait and are served; the server is built once and then takes every connection', async () => {
    const { build, gebouwd } = telBouw('hallo', 100);
    const s = await serverOnFirstConnection({ host: '127.0.0.1', port: 0 }, build, (e) => {
      throw e;
    });
    try {
      expect(await Promise.all([haal(s.port), haal(s.port), haal(s.port)])).toEqual(['hallo', 'hallo', 'hallo']);
      expect(await haal(s.port)).toBe('hallo');
      expect(gebouwd()).toBe(1);
      expect(s.built).toBe(true);
    } finally {
      await s.close();
    }
    // Closed with the built server: the port is free again.
    const ander = createNetServer().listen(s.port, '127.0.0.1');
    await once(ander, 'listening');
    ander.close();
  });

  test('closed while it is being built: the built server is closed too and the port is free', async () => {
    const { build, gebouwd } = telBouw('hallo', 2_000);
    const s = await serverOnFirstConnection({ host: '127.0.0.1', port: 0 }, build, (e) => {
      throw e;
    });
    const poging = haal(s.port).then(
      () => 'beantwoord',
      () => 'afgebroken',
    );
    // The connection arrived and the build began; it takes longer than this test waits.
    await expect.poll(gebouwd).toBe(1);
    await s.close();
    expect(await poging).toBe('afgebroken');
    const ander = createNetServer().listen(s.port, '127.0.0.1');
    await once(ander, 'listening');
    ander.close();
  });

  test('a connection accepted during the build does not hold back small writes (no Nagle) for its kept-alive life', async () => {
    // An answer in two small writes: with Nagle the second waits for the client's delayed ACK, some 40 ms each time.
    const build = async (): Promise<BuiltServer> => {
      const server = createHttpServer((_req, res) => {
        res.write('a');
        setImmediate(() => res.end('b'));
      });
      return { server, close: () => new Promise<void>((r) => server.close(() => r())) };
    };
    const s = await serverOnFirstConnection({ host: '127.0.0.1', port: 0 }, build, (e) => {
      throw e;
    });
    // One socket for every request: the one the front accepted while the server was being built.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const eenVerzoek = () =>
      new Promise<string>((resolve, reject) => {
        get({ host: '127.0.0.1', port: s.port, agent }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
    try {
      expect(await eenVerzoek()).toBe('ab');
      const started = performance.now();
      for (let i = 0; i < 10; i++) expect(await eenVerzoek()).toBe('ab');
      expect(performance.now() - started).toBeLessThan(250);
    } finally {
      agent.destroy();
      await s.close();
    }
  });
});
