import { test as base, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { testPkiParties, type PartyIdentity } from '../../certs/parties.ts';
import { ensureTestPki, type IssuedCertificate, type TestPki } from '../../certs/pki.ts';

interface IssuedPki {
  dir: string;
  now: Date;
  pki: TestPki;
  generated: boolean;
}

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const serverAuth = '1.3.6.1.5.5.7.3.1';
const clientAuth = '1.3.6.1.5.5.7.3.2';
const sha256WithRsaEncryption = '1.2.840.113549.1.1.11';

async function temporaryDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'oso-testbank-pki-'));
}

// Key generation is the slow part, so one PKI is issued per worker; tests that change files get their own copy.
const test = base.extend<{ pkiCopy: string }, { issued: IssuedPki }>({
  issued: [
    async ({}, use) => {
      const dir = await temporaryDir();
      try {
        const now = new Date();
        const { pki, generated } = await ensureTestPki({ dir, now });
        await use({ dir, now, pki, generated });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  pkiCopy: async ({ issued }, use) => {
    const dir = await temporaryDir();
    await cp(issued.dir, dir, { recursive: true });
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

function issuedFor(pki: TestPki, partyId: string): IssuedCertificate {
  const issued = pki.parties.get(partyId);
  if (!issued) throw new Error(`no certificate issued for ${partyId}`);
  return issued;
}

async function certificateAt(path: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(path));
}

function fingerprintsOf(pki: TestPki): Record<string, string> {
  return Object.fromEntries([...pki.parties].map(([id, issued]) => [id, issued.sha256Fingerprint]));
}

function inWholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

test('a fresh directory gets a self-signed CA, valid for 10 years from an hour before now', async ({ issued }) => {
  expect(issued.generated).toBe(true);
  const ca = await certificateAt(issued.pki.caCertPath);
  expect(ca.ca).toBe(true);
  expect(ca.subject.split('\n')).toEqual(
    expect.arrayContaining(['CN=OSO Testbank Test-CA', 'C=NL', 'O=OSO Testbank (simulatie)']),
  );
  expect(ca.checkIssued(ca)).toBe(true);
  expect(ca.verify(ca.publicKey)).toBe(true);
  expect(ca.checkPrivateKey(createPrivateKey(await readFile(join(issued.dir, 'ca.key'))))).toBe(true);
  expect(Date.parse(ca.validFrom)).toBe(inWholeSeconds(issued.now) - hourMs);
  const tenYearsOn = new Date(inWholeSeconds(issued.now));
  tenYearsOn.setUTCFullYear(tenYearsOn.getUTCFullYear() + 10);
  expect(Date.parse(ca.validTo)).toBe(tenYearsOn.getTime());
  expect(forge.pki.certificateFromPem(issued.pki.caCertPem).signatureOid).toBe(sha256WithRsaEncryption);
});

test('every party gets a leaf that chains to the CA and names its OIN and loopback hosts', async ({ issued }) => {
  const ca = await certificateAt(issued.pki.caCertPath);
  expect([...issued.pki.parties.keys()].sort()).toEqual(testPkiParties.map((party) => party.id).sort());
  const serialNumbers = new Set([ca.serialNumber]);
  for (const party of testPkiParties) {
    const returned = issuedFor(issued.pki, party.id);
    const leaf = await certificateAt(returned.certPath);
    expect(leaf.verify(ca.publicKey), party.id).toBe(true);
    expect(leaf.checkIssued(ca), party.id).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject.split('\n')).toEqual(
      expect.arrayContaining([`serialNumber=${party.oin}`, `CN=${party.commonName}`, `O=${party.organisation}`, 'C=NL']),
    );
    expect(leaf.subjectAltName?.split(', ')).toEqual(expect.arrayContaining(['DNS:localhost', 'IP Address:127.0.0.1']));
    expect(leaf.keyUsage).toEqual(expect.arrayContaining([serverAuth, clientAuth]));
    expect(leaf.checkPrivateKey(createPrivateKey(await readFile(returned.keyPath)))).toBe(true);
    expect(leaf.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const asForgeReadsIt = forge.pki.certificateFromPem(returned.certPem);
    expect(asForgeReadsIt.signatureOid).toBe(sha256WithRsaEncryption);
    // forge keeps the serial number's DER content octets: positive means the first octet's high bit is clear.
    expect(Number.parseInt(asForgeReadsIt.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    serialNumbers.add(leaf.serialNumber);

    expect(returned).toMatchObject({ partyId: party.id, oin: party.oin, sha256Fingerprint: leaf.fingerprint256 });
    expect(returned.certPem).toBe(await readFile(returned.certPath, 'utf8'));
    expect(returned.notBefore.getTime()).toBe(inWholeSeconds(issued.now) - hourMs);
    const twoYearsOn = new Date(inWholeSeconds(issued.now));
    twoYearsOn.setUTCFullYear(twoYearsOn.getUTCFullYear() + 2);
    expect(returned.notAfter.getTime()).toBe(twoYearsOn.getTime());
    expect(Date.parse(leaf.validTo)).toBe(twoYearsOn.getTime());
  }
  expect(serialNumbers.size).toBe(testPkiParties.length + 1);
});

test('private key files are readable by their owner only', async ({ issued }) => {
  test.skip(process.platform === 'win32', 'POSIX file modes');
  const keyPaths = [join(issued.dir, 'ca.key'), ...[...issued.pki.parties.values()].map((leaf) => leaf.keyPath)];
  for (const keyPath of keyPaths) {
    expect((await stat(keyPath)).mode & 0o777, keyPath).toBe(0o600);
  }
});

test('a second call reuses the PKI on disk', async ({ issued, pkiCopy }) => {
  const { pki, generated } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(false);
  expect(pki.caCertPem).toBe(issued.pki.caCertPem);
  expect(fingerprintsOf(pki)).toEqual(fingerprintsOf(issued.pki));
  expect(issuedFor(pki, 'tc').keyPem).toBe(issuedFor(issued.pki, 'tc').keyPem);
});

test('a missing key file means issuing everything anew', async ({ issued, pkiCopy }) => {
  await rm(join(pkiCopy, 'testschool-vo.key'));
  const { pki, generated } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(true);
  expect(pki.caCertPem).not.toBe(issued.pki.caCertPem);
  for (const [id, fingerprint] of Object.entries(fingerprintsOf(pki))) {
    expect(fingerprint, id).not.toBe(issuedFor(issued.pki, id).sha256Fingerprint);
  }
  const vo = issuedFor(pki, 'testschool-vo');
  expect(await readFile(vo.keyPath, 'utf8')).toBe(vo.keyPem);
  expect((await ensureTestPki({ dir: pkiCopy })).generated).toBe(false);
});

test('23 months on, inside the 30-day renewal window, the PKI is issued anew', async ({ issued, pkiCopy }) => {
  const notAfter = issuedFor(issued.pki, 'tc').notAfter.getTime();
  const outsideWindow = new Date(notAfter - 31 * dayMs);
  const insideWindow = new Date(notAfter - 29 * dayMs); // always 23 months and a bit after issuing
  expect((await ensureTestPki({ dir: pkiCopy, now: outsideWindow })).generated).toBe(false);
  expect((await ensureTestPki({ dir: pkiCopy, now: insideWindow, renewWithinDays: 7 })).generated).toBe(false);

  const { pki, generated } = await ensureTestPki({ dir: pkiCopy, now: insideWindow });
  expect(generated).toBe(true);
  const renewed = issuedFor(pki, 'tc');
  expect(renewed.notBefore.getTime()).toBe(inWholeSeconds(insideWindow) - hourMs);
  expect(renewed.notAfter.getTime()).toBeGreaterThan(notAfter);
});

test('a PKI not yet valid at `now` is issued anew', async ({ issued, pkiCopy }) => {
  const beforeIssuing = new Date(issued.now.getTime() - 2 * hourMs);
  expect((await ensureTestPki({ dir: pkiCopy, now: beforeIssuing })).generated).toBe(true);
});

const damages: [string, (dir: string) => Promise<void>][] = [
  ['a corrupt certificate file', (dir) => writeFile(join(dir, 'tc.crt'), '-----BEGIN CERTIFICATE-----\nbroken\n')],
  ['a truncated CA key', async (dir) => writeFile(join(dir, 'ca.key'), (await readFile(join(dir, 'ca.key'), 'utf8')).slice(0, 200))],
  ['an unreadable manifest', (dir) => writeFile(join(dir, 'pki.json'), '{"ca": ')],
  [
    'keys swapped between parties',
    async (dir) => {
      const [tc, po] = await Promise.all([readFile(join(dir, 'tc.key')), readFile(join(dir, 'testschool-po.key'))]);
      await Promise.all([writeFile(join(dir, 'tc.key'), po), writeFile(join(dir, 'testschool-po.key'), tc)]);
    },
  ],
];

for (const [damage, inflict] of damages) {
  test(`${damage} means issuing anew, not a crash`, async ({ pkiCopy }) => {
    await inflict(pkiCopy);
    const { pki, generated } = await ensureTestPki({ dir: pkiCopy });
    expect(generated).toBe(true);
    const ca = new X509Certificate(await readFile(join(pkiCopy, 'ca.crt')));
    for (const leaf of pki.parties.values()) {
      expect((await certificateAt(leaf.certPath)).verify(ca.publicKey)).toBe(true);
    }
    expect((await ensureTestPki({ dir: pkiCopy })).generated).toBe(false);
  });
}

test('a CA key file that existed with a loose mode is tightened when issued anew', async ({ pkiCopy }) => {
  test.skip(process.platform === 'win32', 'POSIX file modes');
  await writeFile(join(pkiCopy, 'ca.key'), 'not a key');
  await chmod(join(pkiCopy, 'ca.key'), 0o644);
  const { generated } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(true);
  expect((await stat(join(pkiCopy, 'ca.key'))).mode & 0o777).toBe(0o600);
});

test('leaves that do not chain to the CA on disk mean issuing anew', async ({ pkiCopy }) => {
  const otherDir = await temporaryDir();
  try {
    const tc = testPkiParties.filter((party) => party.id === 'tc');
    const other = (await ensureTestPki({ dir: otherDir, parties: tc })).pki;
    // Swap in another CA and record it in the manifest, so only the chain check can notice.
    await cp(join(otherDir, 'ca.crt'), join(pkiCopy, 'ca.crt'));
    await cp(join(otherDir, 'ca.key'), join(pkiCopy, 'ca.key'));
    const manifest = JSON.parse(await readFile(join(pkiCopy, 'pki.json'), 'utf8'));
    manifest.ca.sha256Fingerprint = new X509Certificate(other.caCertPem).fingerprint256;
    await writeFile(join(pkiCopy, 'pki.json'), JSON.stringify(manifest));

    const { pki, generated } = await ensureTestPki({ dir: pkiCopy });
    expect(generated).toBe(true);
    const ca = new X509Certificate(pki.caCertPem);
    expect((await certificateAt(issuedFor(pki, 'tc').certPath)).checkIssued(ca)).toBe(true);
  } finally {
    await rm(otherDir, { recursive: true, force: true });
  }
});

test('another set of parties or another OIN means issuing anew', async ({ issued, pkiCopy }) => {
  const tc = testPkiParties.find((party) => party.id === 'tc')!;
  const fewerParties = [tc, testPkiParties.find((party) => party.id === 'testschool-po')!];
  expect((await ensureTestPki({ dir: pkiCopy, parties: fewerParties })).generated).toBe(true);
  expect((await ensureTestPki({ dir: pkiCopy, parties: [...fewerParties].reverse() })).generated).toBe(false);

  const renamedTc: PartyIdentity = { ...tc, oin: '00000003999000990000', commonName: 'Testbank Traffic Center Zuidwölde' };
  const { pki, generated } = await ensureTestPki({ dir: pkiCopy, parties: [renamedTc] });
  expect(generated).toBe(true);
  expect([...pki.parties.keys()]).toEqual(['tc']);
  const leaf = new X509Certificate(issuedFor(pki, 'tc').certPem);
  expect(leaf.subject.split('\n')).toEqual(
    expect.arrayContaining(['serialNumber=00000003999000990000', 'CN=Testbank Traffic Center Zuidwölde']),
  );
  expect(issuedFor(pki, 'tc').sha256Fingerprint).not.toBe(issuedFor(issued.pki, 'tc').sha256Fingerprint);
});

test('a party id that cannot be a file name next to ca.crt is refused', async ({ pkiCopy }) => {
  const tc = testPkiParties[0]!;
  for (const id of ['ca', '../tc', 'TC']) {
    await expect(ensureTestPki({ dir: pkiCopy, parties: [{ ...tc, id }] }), id).rejects.toThrow(/party id/);
  }
  await expect(ensureTestPki({ dir: pkiCopy, parties: [tc, tc] })).rejects.toThrow(/party id "tc"/);
});

test('openssl accepts the leaves for TLS server and client use', async ({ issued }) => {
  test.skip(!existsSync('/usr/bin/openssl'), 'openssl is not installed');
  const run = promisify(execFile);
  const caFile = issued.pki.caCertPath;
  const tc = issuedFor(issued.pki, 'tc').certPath;
  const po = issuedFor(issued.pki, 'testschool-po').certPath;
  expect((await run('/usr/bin/openssl', ['verify', '-CAfile', caFile, tc])).stdout).toContain(`${tc}: OK`);
  await run('/usr/bin/openssl', ['verify', '-purpose', 'sslserver', '-CAfile', caFile, tc]);
  await run('/usr/bin/openssl', ['verify', '-purpose', 'sslclient', '-CAfile', caFile, po]);
});

test('a TLS handshake with client certificates works between two parties', async ({ issued }) => {
  const tc = issuedFor(issued.pki, 'tc');
  const po = issuedFor(issued.pki, 'testschool-po');
  const server = createServer(
    { key: tc.keyPem, cert: tc.certPem, ca: issued.pki.caCertPem, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ authorized: socket.authorized, authorizationError: socket.authorizationError?.toString(), oin: peer.subject?.serialNumber }));
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    // Once by IP address (iPAddress SAN), once by name (dNSName SAN); the client checks the server against the CA too.
    for (const servername of [undefined, 'localhost']) {
      const req = request({ host: '127.0.0.1', servername, port, ca: issued.pki.caCertPem, cert: po.certPem, key: po.keyPem, agent: false });
      req.end();
      const [res] = (await once(req, 'response')) as [IncomingMessage];
      const serverOin = (res.socket as TLSSocket).getPeerCertificate().subject.serialNumber;
      let body = '';
      for await (const chunk of res) body += chunk;
      expect(JSON.parse(body), servername ?? '127.0.0.1').toEqual({ authorized: true, oin: po.oin });
      expect(serverOin).toBe(tc.oin);
    }
  } finally {
    server.close();
  }
});
