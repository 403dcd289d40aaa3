/**
 * `serve` on a real host name: the server certificate carries the configured name (and the address) as subjectAltName,
 * every URL the service hands out uses the name, and the testscholen reach the service's TC by that name without DNS.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { startServe, type RunningServe } from '../../serve/server.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { freePorts } from '../cli/standalone-las.ts';

const NAAM = 'oso-test.voorbeeld';
const TOKEN = 'hostnaam-test-beheertoken-0123456789';

test.setTimeout(180_000);
let store: Store;
let service: RunningServe;
let certDir: string;
let port: number;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A PKI of its own: adding a name to the shared test PKI would issue its leaves anew under other running tests.
  certDir = mkdtempSync(join(tmpdir(), 'serve-certs-'));
  store = await openStore({ data: join(mkdtempSync(join(tmpdir(), 'serve-naam-')), 'pglite') });
  [port] = (await freePorts(1)) as [number];
  service = await startServe({ store, host: '127.0.0.1', hostnaam: NAAM, port, certDir, beheerToken: TOKEN });
});

test.afterAll(async () => {
  await service?.close();
  await store?.close();
});

test('the server certificate names the configured host, and a client that checks the name accepts it', async () => {
  const ca = readFileSync(join(certDir, 'ca-bundle.crt'), 'utf8');
  const peer = await new Promise<{ san: string; authorized: boolean }>((done, failed) => {
    const socket = connect({ host: '127.0.0.1', port, servername: NAAM, ca, checkServerIdentity: () => undefined }, () => {
      const cert = socket.getPeerCertificate();
      done({ san: cert.subjectaltname ?? '', authorized: socket.authorized });
      socket.end();
    });
    socket.on('error', failed);
  });
  expect(peer.authorized).toBe(true);
  expect(peer.san).toContain(`DNS:${NAAM}`);
  expect(peer.san).toContain('IP Address:127.0.0.1');
  const { checkServerIdentity } = await import('node:tls');
  expect(checkServerIdentity(NAAM, { subjectaltname: peer.san } as never)).toBeUndefined();
});

test('every URL the service hands out uses the name; the testscholen reach the TC by it themselves', async () => {
  expect(service.urls.tc).toBe(`https://${NAAM}:${port}/oso/tc`);
  for (const ap of service.urls.aanleverpunten) expect(ap.url.startsWith(`https://${NAAM}:${port}/oso/ap/`)).toBe(true);
  const aps = await store.aanleverpunten({ brin: '99AA' });
  expect(aps[0]!.url).toBe(`https://${NAAM}:${port}/oso/ap/0000000700099AA00001`);
  // The VO testschool calls the TC at https://oso-test.voorbeeld:…: no DNS knows the name, it resolves it itself. The
  // TC answers (the school is unknown), which it could not if the call had not arrived.
  const uitkomst = await service.testscholen.opvragen({ testschoolBrin: '99BB', bronBrin: '97XX', pgn: '999900018', geboortedatum: '2008-03-14' });
  expect(uitkomst).toMatchObject({ status: 'mislukt', resultaat: 'VerstrekkerNietBekend' });
});
