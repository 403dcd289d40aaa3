/**
 * A SOAP server of its own loads its TLS identity (key, certificate chain, CA certificates, CRLs) when the first client
 * connects (simulator/transport/tls-on-first-connection.ts). What a client meets must be what an eagerly loaded server
 * gives: the server's own certificate from the first connection on, client certificates verified against the CA and the
 * CRLs on every later connection too; and an identity that cannot be loaded must not crash or hang anything.
 */
import { expect } from '@playwright/test';
import { oso2021 } from '../../simulator/protocol/profile.ts';
import { decodeEnvelope, encodeMessage } from '../../simulator/protocol/soap.ts';
import { ExchangeLog } from '../../simulator/transport/exchange-log.ts';
import { postSoap, TransportError } from '../../simulator/transport/soap-client.ts';
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
      const geladen = log.handshakeFailures().filter((f) => f.message.includes('kon niet worden geladen'));
      expect(geladen).toHaveLength(poging);
      expect(geladen[0]!.recordedBy).toBe('Proef-TC');
    }
  });
});
