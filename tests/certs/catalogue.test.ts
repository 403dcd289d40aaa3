/**
 * The catalogue of bad certificates: each entry fails exactly as documented (openssl verify and a Node TLS handshake)
 * and is otherwise a sound certificate of the party it stands in for; the good leaves pass every check the catalogue
 * relies on; the CRL revokes exactly `ingetrokken`; the catalogue is reused and re-issued like the PKI.
 */
import { test as base, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { ensureCertificateCatalogue, type CatalogueCertificate, type CertificateCatalogue } from '../../certs/catalogue.ts';
import {
  andereLeverancier,
  catalogueEntries,
  catalogueIds,
  wrongHostname,
  type CatalogueId,
  type VerificationSettings,
} from '../../certs/catalogue-entries.ts';
import { opensslVerifyArguments } from '../../certs/openssl-verify.ts';
import { testPkiParties } from '../../certs/parties.ts';
import type { IssuedCertificate, TestPki } from '../../certs/pki.ts';
import { perWerker } from '../support/per-werker.ts';

interface Issued {
  dir: string;
  now: Date;
  pki: TestPki;
  catalogue: CertificateCatalogue;
}

const dayMs = 24 * 60 * 60 * 1000;
const openssl = '/usr/bin/openssl';
const runFile = promisify(execFile);

// Issuing takes seconds, so one catalogue per worker; tests that change files get their own copy.
const uitgegeven = perWerker(
  async (): Promise<Issued> => {
    const dir = await mkdtemp(join(tmpdir(), 'oso-testbank-catalogus-'));
    const now = new Date();
    const { pki, catalogue } = await ensureCertificateCatalogue({ dir, now });
    return { dir, now, pki, catalogue };
  },
  (issued) => rmSync(issued.dir, { recursive: true, force: true }),
);

const test = base.extend<{ issued: Issued; copy: string }>({
  issued: async ({}, use) => use(await uitgegeven()),
  copy: async ({ issued }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'oso-testbank-catalogus-'));
    await cp(issued.dir, dir, { recursive: true });
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/** Everything openssl printed, whether it succeeded or not. */
async function runOpenssl(args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await runFile(openssl, args);
    return stdout + stderr;
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return stdout + stderr;
  }
}

function filesOf({ pki, catalogue }: Issued): { trustAnchor: string; intermediate: string; crl: string } {
  return { trustAnchor: catalogue.trustAnchorPath, intermediate: pki.intermediate.certPath, crl: catalogue.crl.path };
}

function party(pki: TestPki, id: string): IssuedCertificate {
  const issued = pki.parties.get(id);
  if (!issued) throw new Error(`no certificate for ${id}`);
  return issued;
}

/** How to verify each entry so that its one flaw is out of the picture: then it must verify OK. */
const withoutItsFlaw: Record<CatalogueId, (c: CatalogueCertificate, files: ReturnType<typeof filesOf>) => { settings: VerificationSettings; trustAnchor?: string; at?: Date }> = {
  verlopen: (c) => ({ settings: c.verify, at: new Date(c.notBefore.getTime() + dayMs) }),
  'nog-niet-geldig': (c) => ({ settings: c.verify, at: new Date(c.notBefore.getTime() + dayMs) }),
  ingetrokken: () => ({ settings: {} }),
  'onbekende-ca': (c) => ({ settings: c.verify, trustAnchor: c.issuer!.certPath }),
  zelfondertekend: (c) => ({ settings: c.verify, trustAnchor: c.certPath }),
  'andere-oin': (c) => ({ settings: c.verify }),
  'alleen-server-eku': () => ({ settings: { purpose: 'sslserver' } }),
  'rsa-1024': () => ({ settings: {} }),
  sha1: () => ({ settings: {} }),
  'verkeerde-hostnaam': () => ({ settings: { hostname: wrongHostname } }),
};

test('every entry is named, described in Dutch, says for which direction and party it is, and what a LAS must do', () => {
  expect(catalogueEntries.map((entry) => entry.id)).toEqual([...catalogueIds]);
  const partyIds = testPkiParties.map((p) => p.id);
  for (const entry of catalogueEntries) {
    expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry.beschrijving.length, entry.id).toBeGreaterThan(40);
    expect(entry.conformGedrag.length, entry.id).toBeGreaterThan(30);
    expect(entry.richting.length, entry.id).toBeGreaterThan(0);
    expect(partyIds, entry.id).toContain(entry.partij);
    // Only a certificate that is valid in every TLS sense goes without an expected verification error.
    expect(entry.expectedError === null, entry.id).toBe(entry.weigering === 'bericht');
  }
});

for (const entry of catalogueEntries) {
  test(`openssl verify refuses ${entry.id} with its documented error`, async ({ issued }) => {
    test.skip(!existsSync(openssl), 'openssl is not installed');
    const certificate = issued.catalogue.certificates[entry.id];
    const output = await runOpenssl(opensslVerifyArguments(entry.verify, filesOf(issued), certificate.certPath));
    if (entry.expectedError) {
      const { number, text } = entry.expectedError.openssl;
      expect(output).toContain(`error ${number} at 0 depth lookup: ${text}`);
      expect(output).not.toContain(': OK');
    } else {
      expect(output).toBe(`${certificate.certPath}: OK\n`);
    }
  });

  test(`apart from its flaw, ${entry.id} is a sound certificate`, async ({ issued }) => {
    test.skip(!existsSync(openssl), 'openssl is not installed');
    const certificate = issued.catalogue.certificates[entry.id];
    const files = filesOf(issued);
    const { settings, trustAnchor, at } = withoutItsFlaw[entry.id](certificate, files);
    const args = opensslVerifyArguments(settings, { ...files, ...(trustAnchor ? { trustAnchor } : {}) }, certificate.certPath);
    if (at) args.splice(1, 0, '-attime', String(Math.floor(at.getTime() / 1000)));
    expect(await runOpenssl(args)).toBe(`${certificate.certPath}: OK\n`);
  });
}

test('each entry keeps the identity, key, usages and names of the party it stands in for, except where that is its flaw', async ({ issued }) => {
  test.skip(!existsSync(openssl), 'openssl is not installed');
  const vo = party(issued.pki, 'testschool-vo');
  const voKey = createPublicKey(vo.keyPem).export({ type: 'spki', format: 'pem' });
  for (const id of catalogueIds) {
    const c = issued.catalogue.certificates[id];
    const text = await runOpenssl(['x509', '-in', c.certPath, '-noout', '-text']);
    expect(text, id).toContain(id === 'rsa-1024' ? 'Public-Key: (1024 bit)' : 'Public-Key: (2048 bit)');
    expect(text, id).toContain(`Signature Algorithm: ${id === 'sha1' ? 'sha1WithRSAEncryption' : 'sha256WithRSAEncryption'}`);
    expect(text, id).toContain(id === 'alleen-server-eku' ? 'TLS Web Server Authentication\n' : 'TLS Web Server Authentication, TLS Web Client Authentication');
    expect(text, id).toContain(id === 'verkeerde-hostnaam' ? `DNS:${wrongHostname}\n` : 'DNS:localhost, IP Address:127.0.0.1');

    const cert = new X509Certificate(c.certPem);
    const oin = id === 'andere-oin' ? andereLeverancier.oin : vo.oin;
    expect(cert.subject, id).toContain(`serialNumber=${oin}`);
    expect(c.oin, id).toBe(oin);
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' }) === voKey, id).toBe(id !== 'rsa-1024');
    expect(c.partij).toBe('testschool-vo');

    const issuedByIntermediate = !['onbekende-ca', 'zelfondertekend'].includes(id);
    expect(c.chainPem, id).toBe(issuedByIntermediate ? c.certPem + issued.pki.intermediate.certPem : c.certPem);
    expect(await readFile(c.certPath, 'utf8')).toBe(c.certPem);
    expect(await readFile(c.chainPath, 'utf8')).toBe(c.chainPem);
    expect(await readFile(c.keyPath, 'utf8')).toBe(c.keyPem);
    if (process.platform !== 'win32') expect((await stat(c.keyPath)).mode & 0o777, id).toBe(0o600);
    expect(cert.checkPrivateKey(createPrivateKey(c.keyPem)), id).toBe(true);
  }
  const { verlopen, 'nog-niet-geldig': nogNietGeldig } = issued.catalogue.certificates;
  expect(verlopen.notAfter.getTime()).toBeLessThan(issued.now.getTime() - 29 * dayMs);
  expect(nogNietGeldig.notBefore.getTime()).toBeGreaterThan(issued.now.getTime() + 300 * dayMs);
  expect(nogNietGeldig.notAfter.getTime()).toBeLessThanOrEqual(issued.pki.intermediate.notAfter.getTime());
});

test('the good leaves pass every check the catalogue relies on: CRL, purpose, hostname, security level 2', async ({ issued }) => {
  test.skip(!existsSync(openssl), 'openssl is not installed');
  const strictest = (purpose: 'sslclient' | 'sslserver'): VerificationSettings => ({ crl: true, purpose, hostname: 'localhost', securityLevel: 2 });
  for (const leaf of issued.pki.parties.values()) {
    for (const purpose of ['sslclient', 'sslserver'] as const) {
      const output = await runOpenssl(opensslVerifyArguments(strictest(purpose), filesOf(issued), leaf.certPath));
      expect(output, `${leaf.partyId} ${purpose}`).toBe(`${leaf.certPath}: OK\n`);
    }
  }
});

test('the CRLs: the intermediate revokes ingetrokken and nothing else, the root revokes nothing, both fresh for a year', async ({ issued }) => {
  test.skip(!existsSync(openssl), 'openssl is not installed');
  const { crl, certificates } = issued.catalogue;
  expect(crl.pem).toBe(crl.pems.join(''));
  expect(crl.pems).toHaveLength(2);
  for (const pem of crl.pems) expect(pem).toMatch(/^-----BEGIN X509 CRL-----\n[A-Za-z0-9+/=\n]+-----END X509 CRL-----\n$/);
  expect(await readFile(crl.path, 'utf8')).toBe(crl.pem);
  expect(await readFile(crl.intermediateCrlPath, 'utf8')).toBe(crl.pems[0]);
  expect(await readFile(crl.rootCrlPath, 'utf8')).toBe(crl.pems[1]);
  expect(crl.revokedSerialNumbers).toEqual([certificates.ingetrokken.serialNumber]);

  const intermediateCrl = await runOpenssl(['crl', '-in', crl.intermediateCrlPath, '-CAfile', issued.pki.caCertPath, '-noout', '-text']);
  expect(intermediateCrl).toContain('verify OK');
  expect(intermediateCrl).toContain('Issuer: C = NL, O = OSO Testbank (simulatie), CN = OSO Testbank Test-CA Organisatie Services');
  expect([...intermediateCrl.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) => m[1])).toEqual([certificates.ingetrokken.serialNumber]);
  expect(intermediateCrl).toContain('X509v3 CRL Number: \n                1\n');
  const rootCrl = await runOpenssl(['crl', '-in', crl.rootCrlPath, '-CAfile', issued.pki.root.certPath, '-noout', '-text']);
  expect(rootCrl).toContain('verify OK');
  expect(rootCrl).toContain('Issuer: C = NL, O = OSO Testbank (simulatie), CN = OSO Testbank Test-Root');
  expect(rootCrl).toContain('No Revoked Certificates.');

  const nextUpdate = await runOpenssl(['crl', '-in', crl.intermediateCrlPath, '-noout', '-nextupdate']);
  expect(Date.parse(nextUpdate.replace('nextUpdate=', '').trim())).toBe(crl.nextUpdate.getTime());
  expect(crl.nextUpdate.getTime()).toBeGreaterThan(issued.now.getTime() + 364 * dayMs);
  expect(crl.thisUpdate.getTime()).toBeLessThanOrEqual(issued.now.getTime());
});

/** A Node HTTPS server that asks for a client certificate and reports what it saw; one request from `client`. */
async function presentAsClient(
  serverOptions: { key: string; cert: string; ca: string; crl?: string[]; ciphers?: string },
  client: { key: string; cert: string; ciphers?: string },
): Promise<{ authorized: boolean; authorizationError?: string; oin?: string }> {
  const server = createServer({ ...serverOptions, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const socket = req.socket as TLSSocket;
    res.end(JSON.stringify({ authorized: socket.authorized, authorizationError: socket.authorizationError?.toString(), oin: socket.getPeerCertificate().subject?.serialNumber }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    const req = request({ host: '127.0.0.1', port, ...client, rejectUnauthorized: false, agent: false });
    req.end();
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    let body = '';
    for await (const chunk of res) body += chunk;
    return JSON.parse(body);
  } finally {
    server.close();
  }
}

/** A Node HTTPS client calling a server that presents `serverCert`; the error code it refuses the server with, or 'OK'. */
async function presentAsServer(
  serverCert: { key: string; cert: string; ciphers?: string },
  clientOptions: { ca: string; crl?: string[]; ciphers?: string },
): Promise<string> {
  const server = createServer(serverCert, (_req, res) => res.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, ...clientOptions, agent: false });
    req.end();
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    res.resume();
    return 'OK';
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code);
  } finally {
    server.close();
  }
}

/** The Node options that make a verifier apply an entry's checks. */
function verifierOptions(settings: VerificationSettings, catalogue: CertificateCatalogue): { crl?: string[]; ciphers?: string } {
  return {
    ...(settings.crl ? { crl: catalogue.crl.pems } : {}),
    ...(settings.securityLevel ? { ciphers: `DEFAULT:@SECLEVEL=${settings.securityLevel}` } : {}),
  };
}

test('a Node TLS server that trusts the root sees each client-side entry fail as documented, and the good client pass', async ({ issued }) => {
  const { catalogue, pki } = issued;
  const tc = party(pki, 'tc');
  const server = { key: tc.keyPem, cert: tc.chainPem, ca: catalogue.trustAnchorPem };
  const clientEntries = catalogueEntries.filter((entry) => entry.richting.includes('client'));
  expect(clientEntries.map((entry) => entry.id)).toEqual(expect.arrayContaining(['verlopen', 'onbekende-ca', 'ingetrokken']));
  for (const entry of clientEntries) {
    const c = catalogue.certificates[entry.id];
    const seen = await presentAsClient({ ...server, ...verifierOptions(entry.verify, catalogue) }, c.nodeTlsOptions);
    if (entry.expectedError) expect(seen, entry.id).toMatchObject({ authorized: false, authorizationError: entry.expectedError.node });
    else expect(seen, entry.id).toEqual({ authorized: true, oin: c.oin });
  }
  const vo = party(pki, 'testschool-vo');
  const everyCheck = verifierOptions({ crl: true, securityLevel: 2 }, catalogue);
  expect(await presentAsClient({ ...server, ...everyCheck }, { key: vo.keyPem, cert: vo.chainPem })).toEqual({ authorized: true, oin: vo.oin });
});

test('without a CRL, or at Node\'s default security level, a server lets ingetrokken and rsa-1024 through: the checks are needed', async ({ issued }) => {
  const { catalogue, pki } = issued;
  const tc = party(pki, 'tc');
  const server = { key: tc.keyPem, cert: tc.chainPem, ca: catalogue.trustAnchorPem };
  for (const id of ['ingetrokken', 'rsa-1024'] as const) {
    const c = catalogue.certificates[id];
    expect(await presentAsClient(server, { key: c.keyPem, cert: c.chainPem }), id).toEqual({ authorized: true, oin: c.oin });
  }
  // And a CRL given as one string holds only the intermediate's: Node then misses the root's and fails every client.
  const vo = party(pki, 'testschool-vo');
  expect(await presentAsClient({ ...server, crl: [catalogue.crl.pem] }, { key: vo.keyPem, cert: vo.chainPem })).toMatchObject({
    authorized: false,
    authorizationError: 'UNABLE_TO_GET_CRL',
  });
});

test('a Node TLS client that trusts the root refuses each server-side entry as documented, and accepts the good server', async ({ issued }) => {
  const { catalogue, pki } = issued;
  const serverEntries = catalogueEntries.filter((entry) => entry.richting.includes('server'));
  expect(serverEntries.map((entry) => entry.id)).toEqual(expect.arrayContaining(['verlopen', 'onbekende-ca', 'ingetrokken', 'verkeerde-hostnaam']));
  for (const entry of serverEntries) {
    const c = catalogue.certificates[entry.id];
    const outcome = await presentAsServer(c.nodeTlsOptions, { ca: catalogue.trustAnchorPem, ...verifierOptions(entry.verify, catalogue) });
    expect(outcome, entry.id).toBe(entry.expectedError?.node ?? 'OK');
  }
  const tc = party(pki, 'tc');
  const everyCheck = verifierOptions({ crl: true, securityLevel: 2 }, catalogue);
  expect(await presentAsServer({ key: tc.keyPem, cert: tc.chainPem }, { ca: catalogue.trustAnchorPem, ...everyCheck })).toBe('OK');
});

test('a second call reuses the catalogue on disk', async ({ issued, copy }) => {
  const { catalogue, generated, reissued } = await ensureCertificateCatalogue({ dir: copy });
  expect(generated).toBe(false);
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: false, catalogue: false });
  for (const id of catalogueIds) {
    expect(catalogue.certificates[id].sha256Fingerprint, id).toBe(issued.catalogue.certificates[id].sha256Fingerprint);
    expect(catalogue.certificates[id].keyPem, id).toBe(issued.catalogue.certificates[id].keyPem);
  }
  expect(catalogue.crl.pem).toBe(issued.catalogue.crl.pem);
  expect(catalogue.crl.crlNumber).toBe(1);
});

test('leaves issued anew under the same intermediate leave the catalogue as it is', async ({ issued, copy }) => {
  await rm(join(copy, 'tc.key'));
  const { reissued, catalogue } = await ensureCertificateCatalogue({ dir: copy });
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: true, catalogue: false });
  expect(catalogue.crl.pem).toBe(issued.catalogue.crl.pem);
});

test('a new intermediate means a new catalogue, chained to it, with the next CRL number', async ({ issued, copy }) => {
  await writeFile(join(copy, 'intermediate.key'), 'not a key');
  const { pki, catalogue, reissued } = await ensureCertificateCatalogue({ dir: copy });
  expect(reissued).toEqual({ root: false, intermediate: true, leaves: true, catalogue: true });
  const intermediate = new X509Certificate(pki.intermediate.certPem);
  expect(new X509Certificate(catalogue.certificates.verlopen.certPem).checkIssued(intermediate)).toBe(true);
  expect(catalogue.certificates.ingetrokken.serialNumber).not.toBe(issued.catalogue.certificates.ingetrokken.serialNumber);
  expect(catalogue.crl.crlNumber).toBe(2);
  expect(catalogue.crl.revokedSerialNumbers).toEqual([catalogue.certificates.ingetrokken.serialNumber]);
  expect(await readFile(join(copy, 'catalogus', 'ingetrokken.crt'), 'utf8')).toBe(catalogue.certificates.ingetrokken.certPem);
  expect((await ensureCertificateCatalogue({ dir: copy })).generated).toBe(false);
});

test('within 30 days of the CRL\'s next update the catalogue is issued anew, with a fresh CRL', async ({ issued, copy }) => {
  const nextUpdate = issued.catalogue.crl.nextUpdate.getTime();
  expect((await ensureCertificateCatalogue({ dir: copy, now: new Date(nextUpdate - 31 * dayMs) })).reissued.catalogue).toBe(false);
  const now = new Date(nextUpdate - 29 * dayMs);
  const { catalogue, reissued } = await ensureCertificateCatalogue({ dir: copy, now });
  expect(reissued).toEqual({ root: false, intermediate: false, leaves: false, catalogue: true });
  expect(catalogue.crl.nextUpdate.getTime()).toBeGreaterThan(now.getTime() + 364 * dayMs);
  expect(catalogue.crl.crlNumber).toBe(2);
  // `nog-niet-geldig` would have turned valid within the window: its successor starts a year after the new `now`.
  expect(catalogue.certificates['nog-niet-geldig'].notBefore.getTime()).toBeGreaterThan(now.getTime() + 300 * dayMs);
});

test('a damaged or missing catalogue file means issuing the catalogue anew, not a crash', async ({ copy }) => {
  await rm(join(copy, 'catalogus', 'sha1.key'));
  await writeFile(join(copy, 'catalogus', 'crl.pem'), '-----BEGIN X509 CRL-----\nbroken\n');
  const first = await ensureCertificateCatalogue({ dir: copy });
  expect(first.reissued.catalogue).toBe(true);
  expect(await readFile(join(copy, 'catalogus', 'sha1.key'), 'utf8')).toBe(first.catalogue.certificates.sha1.keyPem);
  expect((await ensureCertificateCatalogue({ dir: copy })).generated).toBe(false);

  await writeFile(join(copy, 'catalogus', 'catalogus.json'), '{"crl": null}');
  const second = await ensureCertificateCatalogue({ dir: copy });
  expect(second.reissued.catalogue).toBe(true);
  expect(second.catalogue.crl.crlNumber).toBe(1);
});

test('two calls at once on a directory without a catalogue leave one whole, reusable catalogue', async ({ copy }) => {
  await rm(join(copy, 'catalogus'), { recursive: true });
  const results = await Promise.all([ensureCertificateCatalogue({ dir: copy }), ensureCertificateCatalogue({ dir: copy })]);
  expect(results.every((result) => result.reissued.catalogue)).toBe(true);
  const after = await ensureCertificateCatalogue({ dir: copy });
  expect(after.generated).toBe(false);
  const onDisk = after.catalogue.certificates.ingetrokken.serialNumber;
  expect(results.map((result) => result.catalogue.certificates.ingetrokken.serialNumber)).toContain(onDisk);
});
