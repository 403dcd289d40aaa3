import { expect, test } from '@playwright/test';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { defaultCertDir } from '../../certs/location.ts';
import { ensureTestPki, type TestPki } from '../../certs/pki.ts';
import { portaalWereld, schoolA, schoolB, type PortaalWereld } from './portaal-wereld.ts';

// A vendor opens the portal with the client certificate its LAS uses for OSO, and sees the schools whose aanleverpunten
// it registered with that certificate, and no other.
let w: PortaalWereld;
let pki: TestPki;
let basis: string;

test.beforeAll(async () => {
  ({ pki } = await ensureTestPki({ dir: defaultCertDir }));
  const server = pki.parties.get('tc')!;
  w = await portaalWereld({ listen: true, https: { key: server.keyPem, cert: server.chainPem, ca: pki.caCertPem } });
  basis = `https://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  const las = pki.parties.get('reference-las')!;
  await w.store.aanleverpuntRegistreren(
    { routeringsKenmerk: 'rk-97AA-ref', brin: schoolA.brin, url: 'https://referentie.voorbeeld.invalid/oso', actief: true, eigenaarOin: las.oin, leverancier: 'Referentie-LAS', geregistreerdOp: new Date().toISOString(), opgeschort: false },
    `OIN ${las.oin}`,
  );
});
test.afterAll(async () => {
  await w?.close();
});

/** A GET over TLS, with the certificate of a party of the test PKI or none. */
function haal(pad: string, partij?: string): Promise<{ status: number; body: string }> {
  const id = partij ? pki.parties.get(partij)! : undefined;
  return new Promise((resolve, reject) => {
    const req = request(`${basis}${pad}`, { rejectUnauthorized: false, ...(id ? { cert: id.chainPem, key: id.keyPem } : {}) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test("the vendor's certificate opens its schools' pages, and only those", async () => {
  const overzicht = await haal('/portaal/leverancier', 'reference-las');
  expect(overzicht.status).toBe(200);
  expect(overzicht.body).toContain('Scholen van Referentie-LAS');
  expect(overzicht.body).toContain(`href="/portaal/leverancier/school/${schoolA.brin}"`);
  expect(overzicht.body).not.toContain(schoolB.naam);

  const tijdlijn = await haal(`/portaal/leverancier/school/${schoolA.brin}`, 'reference-las');
  expect(tijdlijn.status).toBe(200);
  expect(tijdlijn.body).toContain(w.pgnA);
  expect((await haal(`/portaal/leverancier/school/${schoolA.brin}/uitwisseling/${w.uitwisselingA.id}`, 'reference-las')).status).toBe(200);
  expect((await haal(`/portaal/leverancier/school/${schoolA.brin}/bericht/${w.berichtA.id}`, 'reference-las')).status).toBe(200);

  // School B has no aanleverpunt of this certificate: by BRIN, by id under A's BRIN, it is not there.
  for (const pad of [`/school/${schoolB.brin}`, `/school/${schoolB.brin}/uitwisseling/${w.uitwisselingB.id}`, `/school/${schoolA.brin}/uitwisseling/${w.uitwisselingB.id}`, `/school/${schoolA.brin}/bericht/${w.berichtB.id}`, `/school/99ZZ`]) {
    const r = await haal(`/portaal/leverancier${pad}`, 'reference-las');
    expect(r.status, pad).toBe(404);
    for (const b of w.alleenB.filter((t) => t !== schoolB.brin)) expect(r.body, pad).not.toContain(b);
  }
});

test('another certificate sees none of these schools; no certificate gets a Dutch page that says what to do', async () => {
  const ander = await haal('/portaal/leverancier', 'testschool-po');
  expect(ander.status).toBe(200);
  expect(ander.body).toContain('Met dit certificaat is nog geen aanleverpunt geregistreerd.');
  expect((await haal(`/portaal/leverancier/school/${schoolA.brin}`, 'testschool-po')).status).toBe(404);

  for (const pad of ['/portaal/leverancier', `/portaal/leverancier/school/${schoolA.brin}`]) {
    const zonder = await haal(pad);
    expect(zonder.status, pad).toBe(403);
    expect(zonder.body).toContain('U opent het met hetzelfde certificaat waarmee uw LAS berichten naar de testomgeving stuurt');
    expect(zonder.body).not.toContain(w.pgnA);
  }
});

test('without TLS (behind a proxy that ends it) nobody is a vendor', async () => {
  const zonderTls = await portaalWereld();
  try {
    const r = await zonderTls.app.inject({ method: 'GET', url: `/portaal/leverancier/school/${schoolA.brin}` });
    expect(r.statusCode).toBe(403);
  } finally {
    await zonderTls.close();
  }
});
