import { test as base, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
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
import { perWerker } from '../support/per-werker.ts';

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
const openssl = '/usr/bin/openssl';

async function temporaryDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'oso-testbank-pki-'));
}

// Key generation is the slow part, so one PKI is issued per worker; tests that change files get their own copy.
const uitgegeven = perWerker(
  async (): Promise<IssuedPki> => {
    const dir = await temporaryDir();
    const now = new Date();
    const { pki, generated } = await ensureTestPki({ dir, now });
    return { dir, now, pki, generated };
  },
  (issued) => rmSync(issued.dir, { recursive: true, force: true }),
);

const test = base.extend<{ issued: IssuedPki; pkiCopy: string }>({
  issued: async ({}, use) => use(await uitgegeven()),
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

function yearsOn(date: Date, years: number): number {
  const later = new Date(inWholeSeconds(date));
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later.getTime();
}

/** The extensions forge reads from a PEM certificate, by name. */
function extensionsOf(pem: string): Record<string, Record<string, unknown>> {
  const cert = forge.pki.certificateFromPem(pem);
  return Object.fromEntries(cert.extensions.map((extension: Record<string, unknown>) => [String(extension['name']), extension]));
}

test('a fresh directory gets a self-signed root, valid from three years back to 20 years on', async ({ issued }) => {
  expect(issued.generated).toBe(true);
  const root = await certificateAt(issued.pki.root.certPath);
  expect(root.ca).toBe(true);
  expect(root.subject.split('\n')).toEqual(expect.arrayContaining(['CN=OSO Testbank Test-Root', 'C=NL', 'O=OSO Testbank (simulatie)']));
  expect(root.checkIssued(root)).toBe(true);
  expect(root.verify(root.publicKey)).toBe(true);
  expect(root.checkPrivateKey(createPrivateKey(await readFile(join(issued.dir, 'root.key'))))).toBe(true);
  expect(Date.parse(root.validFrom)).toBe(yearsOn(issued.now, -3));
  expect(Date.parse(root.validTo)).toBe(yearsOn(issued.now, 20));
  expect(forge.pki.certificateFromPem(issued.pki.root.certPem).signatureOid).toBe(sha256WithRsaEncryption);
  expect(extensionsOf(issued.pki.root.certPem)['keyUsage']).toMatchObject({ critical: true, keyCertSign: true, cRLSign: true, digitalSignature: false });
});

test('the root issues one intermediate for organisation services, a CA for leaves only, valid from three years back to 10 years on', async ({ issued }) => {
  const root = await certificateAt(issued.pki.root.certPath);
  const intermediate = await certificateAt(issued.pki.intermediate.certPath);
  expect(intermediate.subject.split('\n')).toEqual(
    expect.arrayContaining(['CN=OSO Testbank Test-CA Organisatie Services', 'C=NL', 'O=OSO Testbank (simulatie)']),
  );
  expect(intermediate.ca).toBe(true);
  expect(intermediate.checkIssued(root)).toBe(true);
  expect(intermediate.verify(root.publicKey)).toBe(true);
  expect(intermediate.verify(intermediate.publicKey)).toBe(false);
  expect(intermediate.checkPrivateKey(createPrivateKey(await readFile(join(issued.dir, 'intermediate.key'))))).toBe(true);
  expect(Date.parse(intermediate.validFrom)).toBe(yearsOn(issued.now, -3));
  expect(Date.parse(intermediate.validTo)).toBe(yearsOn(issued.now, 10));
  const extensions = extensionsOf(issued.pki.intermediate.certPem);
  expect(extensions['basicConstraints']).toMatchObject({ critical: true, cA: true, pathLenConstraint: 0 });
  expect(extensions['keyUsage']).toMatchObject({ critical: true, keyCertSign: true, cRLSign: true });
  // The bundle for Node's `ca` option: root and intermediate, on disk as in memory.
  expect(issued.pki.caCertPem).toBe(issued.pki.root.certPem + issued.pki.intermediate.certPem);
  expect(await readFile(issued.pki.caCertPath, 'utf8')).toBe(issued.pki.caCertPem);
});

test('every party gets a leaf from the intermediate, naming its OIN and loopback hosts, with its chain', async ({ issued }) => {
  const intermediate = await certificateAt(issued.pki.intermediate.certPath);
  const root = await certificateAt(issued.pki.root.certPath);
  expect([...issued.pki.parties.keys()].sort()).toEqual(testPkiParties.map((party) => party.id).sort());
  const serialNumbers = new Set([root.serialNumber, intermediate.serialNumber]);
  for (const party of testPkiParties) {
    const returned = issuedFor(issued.pki, party.id);
    const leaf = await certificateAt(returned.certPath);
    expect(leaf.verify(intermediate.publicKey), party.id).toBe(true);
    expect(leaf.checkIssued(intermediate), party.id).toBe(true);
    expect(leaf.checkIssued(root), party.id).toBe(false);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject.split('\n')).toEqual(
      expect.arrayContaining([`serialNumber=${party.oin}`, `CN=${party.commonName}`, `O=${party.organisation}`, 'C=NL']),
    );
    expect(leaf.subjectAltName?.split(', ')).toEqual(expect.arrayContaining(['DNS:localhost', 'IP Address:127.0.0.1']));
    // Node's X509Certificate.keyUsage lists the extended key usages.
    expect(leaf.keyUsage).toEqual(expect.arrayContaining([serverAuth, clientAuth]));
    expect(extensionsOf(returned.certPem)['keyUsage']).toMatchObject({ critical: true, digitalSignature: true, keyEncipherment: true, keyCertSign: false });
    expect(leaf.checkPrivateKey(createPrivateKey(await readFile(returned.keyPath)))).toBe(true);
    expect(leaf.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const asForgeReadsIt = forge.pki.certificateFromPem(returned.certPem);
    expect(asForgeReadsIt.signatureOid).toBe(sha256WithRsaEncryption);
    // forge keeps the serial number's DER content octets: positive means the first octet's high bit is clear.
    expect(Number.parseInt(asForgeReadsIt.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    serialNumbers.add(leaf.serialNumber);

    expect(returned).toMatchObject({ partyId: party.id, oin: party.oin, sha256Fingerprint: leaf.fingerprint256 });
    expect(returned.certPem).toBe(await readFile(returned.certPath, 'utf8'));
    expect(returned.chainPem).toBe(returned.certPem + issued.pki.intermediate.certPem);
    expect(await readFile(returned.chainPath, 'utf8')).toBe(returned.chainPem);
    expect(returned.notBefore.getTime()).toBe(inWholeSeconds(issued.now) - hourMs);
    expect(returned.notAfter.getTime()).toBe(yearsOn(issued.now, 2));
    expect(Date.parse(leaf.validTo)).toBe(yearsOn(issued.now, 2));
  }
  expect(serialNumbers.size).toBe(testPkiParties.length + 2);
});

test('private key files are readable by their owner only', async ({ issued }) => {
  test.skip(process.platform === 'win32', 'POSIX file modes');
  const keyPaths = [issued.pki.root.keyPath, issued.pki.intermediate.keyPath, ...[...issued.pki.parties.values()].map((leaf) => leaf.keyPath)];
  expect(keyPaths).toContain(join(issued.dir, 'root.key'));
  for (const keyPath of keyPaths) {
    expect((await stat(keyPath)).mode & 0o777, keyPath).toBe(0o600);
  }
});

test('a second call reuses the PKI on disk', async ({ issued, pkiCopy }) => {
  const { pki, generated, reissued } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(false);
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: false });
  expect(pki.caCertPem).toBe(issued.pki.caCertPem);
  expect(pki.root.keyPem).toBe(issued.pki.root.keyPem);
  expect(fingerprintsOf(pki)).toEqual(fingerprintsOf(issued.pki));
  expect(issuedFor(pki, 'tc').keyPem).toBe(issuedFor(issued.pki, 'tc').keyPem);
  expect(issuedFor(pki, 'tc').chainPem).toBe(issuedFor(issued.pki, 'tc').chainPem);
});

test('a missing leaf key means issuing the leaves anew, under the same root and intermediate', async ({ issued, pkiCopy }) => {
  await rm(join(pkiCopy, 'testschool-vo.key'));
  const { pki, generated, reissued } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(true);
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: true });
  expect(pki.root.sha256Fingerprint).toBe(issued.pki.root.sha256Fingerprint);
  expect(pki.intermediate.sha256Fingerprint).toBe(issued.pki.intermediate.sha256Fingerprint);
  for (const [id, fingerprint] of Object.entries(fingerprintsOf(pki))) {
    expect(fingerprint, id).not.toBe(issuedFor(issued.pki, id).sha256Fingerprint);
  }
  const vo = issuedFor(pki, 'testschool-vo');
  expect(await readFile(vo.keyPath, 'utf8')).toBe(vo.keyPem);
  expect((await certificateAt(vo.certPath)).checkIssued(new X509Certificate(issued.pki.intermediate.certPem))).toBe(true);
  expect((await ensureTestPki({ dir: pkiCopy })).generated).toBe(false);
});

test('a missing chain file means issuing the leaves anew', async ({ pkiCopy }) => {
  await rm(join(pkiCopy, 'tc.chain.crt'));
  const { reissued, pki } = await ensureTestPki({ dir: pkiCopy });
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: true });
  expect(await readFile(join(pkiCopy, 'tc.chain.crt'), 'utf8')).toBe(issuedFor(pki, 'tc').chainPem);
});

test('23 months on, inside the 30-day renewal window, the leaves are issued anew and the CAs kept', async ({ issued, pkiCopy }) => {
  const notAfter = issuedFor(issued.pki, 'tc').notAfter.getTime();
  const outsideWindow = new Date(notAfter - 31 * dayMs);
  const insideWindow = new Date(notAfter - 29 * dayMs); // always 23 months and a bit after issuing
  expect((await ensureTestPki({ dir: pkiCopy, now: outsideWindow })).generated).toBe(false);
  expect((await ensureTestPki({ dir: pkiCopy, now: insideWindow, renewWithinDays: 7 })).generated).toBe(false);

  const { pki, generated, reissued } = await ensureTestPki({ dir: pkiCopy, now: insideWindow });
  expect(generated).toBe(true);
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: true });
  const renewed = issuedFor(pki, 'tc');
  expect(renewed.notBefore.getTime()).toBe(inWholeSeconds(insideWindow) - hourMs);
  expect(renewed.notAfter.getTime()).toBeGreaterThan(notAfter);
  expect(renewed.notAfter.getTime()).toBeLessThanOrEqual(pki.intermediate.notAfter.getTime());
});

test('an intermediate that cannot cover a fresh two-year leaf is issued anew; the root stays', async ({ issued, pkiCopy }) => {
  const intermediateEnd = issued.pki.intermediate.notAfter.getTime();
  const stillCovers = new Date(yearsOn(new Date(intermediateEnd), -2) - dayMs);
  const noLongerCovers = new Date(yearsOn(new Date(intermediateEnd), -2) + dayMs);
  expect((await ensureTestPki({ dir: pkiCopy, now: stillCovers })).reissued).toEqual({ root: false, intermediate: false, leaves: true });

  const { pki, reissued } = await ensureTestPki({ dir: pkiCopy, now: noLongerCovers });
  expect(reissued).toEqual({ root: false, intermediate: true, leaves: true });
  expect(pki.root.sha256Fingerprint).toBe(issued.pki.root.sha256Fingerprint);
  expect(pki.intermediate.notAfter.getTime()).toBeGreaterThan(intermediateEnd);
  expect(new X509Certificate(pki.intermediate.certPem).checkIssued(new X509Certificate(pki.root.certPem))).toBe(true);
});

test('a root that cannot cover a fresh ten-year intermediate means issuing everything anew', async ({ issued, pkiCopy }) => {
  const rootEnd = issued.pki.root.notAfter;
  const { pki, reissued } = await ensureTestPki({ dir: pkiCopy, now: new Date(yearsOn(rootEnd, -10) + dayMs) });
  expect(reissued).toEqual({ root: true, intermediate: true, leaves: true });
  expect(pki.root.notAfter.getTime()).toBeGreaterThan(rootEnd.getTime());
});

test('a PKI not yet valid at `now` is issued anew, from the level that is not yet valid down', async ({ issued, pkiCopy }) => {
  const beforeIssuing = new Date(issued.now.getTime() - 2 * hourMs);
  const { generated, reissued } = await ensureTestPki({ dir: pkiCopy, now: beforeIssuing });
  expect(generated).toBe(true);
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: true });
  const beforeTheCas = new Date(yearsOn(issued.now, -3) - dayMs);
  expect((await ensureTestPki({ dir: pkiCopy, now: beforeTheCas })).reissued).toEqual({ root: true, intermediate: true, leaves: true });
});

const damages: [string, (dir: string) => Promise<void>, { root: boolean; intermediate: boolean; leaves: boolean }][] = [
  ['a corrupt leaf certificate file', (dir) => writeFile(join(dir, 'tc.crt'), '-----BEGIN CERTIFICATE-----\nbroken\n'), { root: false, intermediate: false, leaves: true }],
  [
    'a truncated root key',
    async (dir) => writeFile(join(dir, 'root.key'), (await readFile(join(dir, 'root.key'), 'utf8')).slice(0, 200)),
    { root: true, intermediate: true, leaves: true },
  ],
  [
    'a truncated intermediate key',
    async (dir) => writeFile(join(dir, 'intermediate.key'), (await readFile(join(dir, 'intermediate.key'), 'utf8')).slice(0, 200)),
    { root: false, intermediate: true, leaves: true },
  ],
  ['an unreadable manifest', (dir) => writeFile(join(dir, 'pki.json'), '{"root": '), { root: true, intermediate: true, leaves: true }],
  [
    'keys swapped between parties',
    async (dir) => {
      const [tc, po] = await Promise.all([readFile(join(dir, 'tc.key')), readFile(join(dir, 'testschool-po.key'))]);
      await Promise.all([writeFile(join(dir, 'tc.key'), po), writeFile(join(dir, 'testschool-po.key'), tc)]);
    },
    { root: false, intermediate: false, leaves: true },
  ],
];

for (const [damage, inflict, expected] of damages) {
  test(`${damage} means issuing anew from that level down, not a crash`, async ({ pkiCopy }) => {
    await inflict(pkiCopy);
    const { pki, generated, reissued } = await ensureTestPki({ dir: pkiCopy });
    expect(generated).toBe(true);
    expect(reissued).toEqual(expected);
    const root = new X509Certificate(await readFile(join(pkiCopy, 'root.crt')));
    const intermediate = new X509Certificate(await readFile(join(pkiCopy, 'intermediate.crt')));
    expect(intermediate.verify(root.publicKey)).toBe(true);
    for (const leaf of pki.parties.values()) {
      expect((await certificateAt(leaf.certPath)).verify(intermediate.publicKey)).toBe(true);
    }
    expect((await ensureTestPki({ dir: pkiCopy })).generated).toBe(false);
  });
}

test('a root key file that existed with a loose mode is tightened when issued anew', async ({ pkiCopy }) => {
  test.skip(process.platform === 'win32', 'POSIX file modes');
  await writeFile(join(pkiCopy, 'root.key'), 'not a key');
  await chmod(join(pkiCopy, 'root.key'), 0o644);
  const { generated } = await ensureTestPki({ dir: pkiCopy });
  expect(generated).toBe(true);
  expect((await stat(join(pkiCopy, 'root.key'))).mode & 0o777).toBe(0o600);
});

test('an intermediate that does not chain to the root on disk means issuing it and the leaves anew', async ({ issued, pkiCopy }) => {
  const otherDir = await temporaryDir();
  try {
    const tc = testPkiParties.filter((party) => party.id === 'tc');
    const other = (await ensureTestPki({ dir: otherDir, parties: tc })).pki;
    // Swap in another PKI's intermediate and record it in the manifest, so only the chain check can notice.
    await cp(join(otherDir, 'intermediate.crt'), join(pkiCopy, 'intermediate.crt'));
    await cp(join(otherDir, 'intermediate.key'), join(pkiCopy, 'intermediate.key'));
    const manifest = JSON.parse(await readFile(join(pkiCopy, 'pki.json'), 'utf8'));
    manifest.intermediate.sha256Fingerprint = other.intermediate.sha256Fingerprint;
    await writeFile(join(pkiCopy, 'pki.json'), JSON.stringify(manifest));

    const { pki, reissued } = await ensureTestPki({ dir: pkiCopy });
    expect(reissued).toEqual({ root: false, intermediate: true, leaves: true });
    expect(pki.root.certPem).toBe(issued.pki.root.certPem);
    const intermediate = new X509Certificate(pki.intermediate.certPem);
    expect(intermediate.checkIssued(new X509Certificate(pki.root.certPem))).toBe(true);
    expect((await certificateAt(issuedFor(pki, 'tc').certPath)).checkIssued(intermediate)).toBe(true);
  } finally {
    await rm(otherDir, { recursive: true, force: true });
  }
});

test('the files of the former single self-signed CA go when the hierarchy replaces it', async ({ pkiCopy }) => {
  await writeFile(join(pkiCopy, 'ca.crt'), 'old CA');
  await writeFile(join(pkiCopy, 'ca.key'), 'old key');
  await writeFile(join(pkiCopy, 'pki.json'), JSON.stringify({ ca: { sha256Fingerprint: 'AA' }, parties: [] }));
  const { reissued } = await ensureTestPki({ dir: pkiCopy });
  expect(reissued.root).toBe(true);
  expect(existsSync(join(pkiCopy, 'ca.crt'))).toBe(false);
  expect(existsSync(join(pkiCopy, 'ca.key'))).toBe(false);
});

test('another set of parties or another OIN means issuing the leaves anew', async ({ issued, pkiCopy }) => {
  const tc = testPkiParties.find((party) => party.id === 'tc')!;
  const fewerParties = [tc, testPkiParties.find((party) => party.id === 'testschool-po')!];
  expect((await ensureTestPki({ dir: pkiCopy, parties: fewerParties })).reissued).toEqual({ root: false, intermediate: false, leaves: true });
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

test('a party id that cannot be a file name next to the CA files is refused', async ({ pkiCopy }) => {
  const tc = testPkiParties[0]!;
  for (const id of ['ca', 'root', 'intermediate', 'ca-bundle', '../tc', 'TC', 'tc.chain']) {
    await expect(ensureTestPki({ dir: pkiCopy, parties: [{ ...tc, id }] }), id).rejects.toThrow(/party id/);
  }
  await expect(ensureTestPki({ dir: pkiCopy, parties: [tc, tc] })).rejects.toThrow(/party id "tc"/);
});

test('openssl accepts the leaves for TLS server and client use, trusting only the root', async ({ issued }) => {
  test.skip(!existsSync(openssl), 'openssl is not installed');
  const run = promisify(execFile);
  const anchor = ['-CAfile', issued.pki.root.certPath, '-untrusted', issued.pki.intermediate.certPath];
  for (const leaf of issued.pki.parties.values()) {
    for (const purpose of ['sslserver', 'sslclient']) {
      const { stdout } = await run(openssl, ['verify', ...anchor, '-purpose', purpose, '-verify_hostname', 'localhost', '-auth_level', '2', leaf.certPath]);
      expect(stdout, `${leaf.partyId} ${purpose}`).toBe(`${leaf.certPath}: OK\n`);
    }
  }
  // Without the intermediate there is no path to the root: the chain must be presented.
  const tc = issuedFor(issued.pki, 'tc').certPath;
  const withoutIntermediate = await run(openssl, ['verify', '-CAfile', issued.pki.root.certPath, tc]).catch((error: { stdout: string; stderr: string }) => error);
  expect(`${withoutIntermediate.stdout}${withoutIntermediate.stderr}`).toContain('error 20 at 0 depth lookup');
});

/** One HTTPS request from `client` to a server of `server` that asks for a client certificate; what each side saw. */
async function handshake(
  server: { key: string; cert: string; ca: string },
  client: { key: string; cert: string; ca: string },
  servername?: string,
): Promise<{ authorized: boolean; authorizationError?: string; clientOin?: string; serverOin: string }> {
  const https = createServer({ ...server, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const socket = req.socket as TLSSocket;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        authorized: socket.authorized,
        authorizationError: socket.authorizationError?.toString(),
        clientOin: socket.getPeerCertificate().subject?.serialNumber,
      }),
    );
  });
  https.listen(0, '127.0.0.1');
  await once(https, 'listening');
  const { port } = https.address() as AddressInfo;
  try {
    const req = request({ host: '127.0.0.1', servername, port, ...client, agent: false });
    req.end();
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    const serverOin = (res.socket as TLSSocket).getPeerCertificate().subject.serialNumber;
    let body = '';
    for await (const chunk of res) body += chunk;
    return { ...JSON.parse(body), serverOin };
  } finally {
    https.close();
  }
}

test('a TLS handshake with client certificates works between two parties that present their chains and trust the root', async ({ issued }) => {
  const tc = issuedFor(issued.pki, 'tc');
  const po = issuedFor(issued.pki, 'testschool-po');
  const root = issued.pki.root.certPem;
  // Once by IP address (iPAddress SAN), once by name (dNSName SAN); the client checks the server against the root too.
  for (const servername of [undefined, 'localhost']) {
    const seen = await handshake({ key: tc.keyPem, cert: tc.chainPem, ca: root }, { key: po.keyPem, cert: po.chainPem, ca: root }, servername);
    expect(seen, servername ?? '127.0.0.1').toEqual({ authorized: true, clientOin: po.oin, serverOin: tc.oin });
  }
});

test('a party that presents its certificate without the intermediate fails against the root alone, but passes against caCertPem', async ({ issued }) => {
  const tc = issuedFor(issued.pki, 'tc');
  const po = issuedFor(issued.pki, 'testschool-po');
  const strict = await handshake({ key: tc.keyPem, cert: tc.chainPem, ca: issued.pki.root.certPem }, { key: po.keyPem, cert: po.certPem, ca: issued.pki.root.certPem });
  expect(strict).toMatchObject({ authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  const lenient = await handshake({ key: tc.keyPem, cert: tc.certPem, ca: issued.pki.caCertPem }, { key: po.keyPem, cert: po.certPem, ca: issued.pki.caCertPem });
  expect(lenient).toEqual({ authorized: true, clientOin: po.oin, serverOin: tc.oin });
});
