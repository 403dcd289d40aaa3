import { createPrivateKey, generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { testPkiParties, type PartyIdentity } from './parties.ts';

export interface IssuedCertificate {
  partyId: string;
  oin: string;
  certPem: string;
  keyPem: string;
  certPath: string;
  keyPath: string;
  notBefore: Date;
  notAfter: Date;
  /** As Node's X509Certificate.fingerprint256 prints it: uppercase hex pairs joined by colons. */
  sha256Fingerprint: string;
}

export interface TestPki {
  dir: string;
  caCertPem: string;
  caCertPath: string;
  /** Keyed by party id. */
  parties: Map<string, IssuedCertificate>;
}

/** pki.json: what was issued to whom, so a later run can tell whether the files on disk still answer the request. */
interface PkiManifest {
  ca: ValidityRecord;
  parties: (PartyIdentity & ValidityRecord)[];
}

interface ValidityRecord {
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

const caSubject: forge.pki.CertificateField[] = [
  { name: 'countryName', value: 'NL' },
  { name: 'organizationName', value: 'OSO Testbank (simulatie)', valueTagClass: utf8String() },
  { name: 'commonName', value: 'OSO Testbank Test-CA', valueTagClass: utf8String() },
];
const caValidityYears = 10;
const leafValidityYears = 2;
/** Backdating absorbs clock skew between the harness and a vendor's LAS, which would otherwise see "not yet valid". */
const backdateMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Returns the test PKI in `dir`, reusing what is there when it still fits the request, otherwise (missing, unreadable,
 * for other parties, not chaining to the CA, or expiring within `renewWithinDays` of `now`) issuing everything anew.
 */
export async function ensureTestPki(options: {
  dir: string;
  parties?: PartyIdentity[];
  now?: Date;
  renewWithinDays?: number;
}): Promise<{ pki: TestPki; generated: boolean }> {
  const dir = resolve(options.dir);
  const parties = options.parties ?? testPkiParties;
  const now = options.now ?? new Date();
  assertUsableAsFileNames(parties);
  const reusable = await readReusablePki(dir, parties, now, options.renewWithinDays ?? 30);
  if (reusable) return { pki: reusable, generated: false };
  return { pki: await generateTestPki(dir, parties, now), generated: true };
}

async function readReusablePki(
  dir: string,
  parties: PartyIdentity[],
  now: Date,
  renewWithinDays: number,
): Promise<TestPki | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as PkiManifest;
    if (identitiesOf(manifest.parties) !== identitiesOf(parties)) return undefined;
    const renewAfter = now.getTime() + renewWithinDays * dayMs;
    const stillUsable = (cert: X509Certificate, keyPem: string, recorded: ValidityRecord | undefined) =>
      cert.fingerprint256 === recorded?.sha256Fingerprint &&
      cert.checkPrivateKey(createPrivateKey(keyPem)) &&
      Date.parse(cert.validFrom) <= now.getTime() &&
      Date.parse(cert.validTo) > renewAfter;

    const caCertPath = join(dir, 'ca.crt');
    const caCertPem = await readFile(caCertPath, 'utf8');
    const ca = new X509Certificate(caCertPem);
    if (!ca.ca || !stillUsable(ca, await readFile(join(dir, 'ca.key'), 'utf8'), manifest.ca)) return undefined;

    const issued = new Map<string, IssuedCertificate>();
    for (const party of parties) {
      const { certPath, keyPath } = filesOf(dir, party.id);
      const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
      const cert = new X509Certificate(certPem);
      const recorded = manifest.parties.find((p) => p.id === party.id);
      if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey) || !stillUsable(cert, keyPem, recorded)) return undefined;
      issued.set(party.id, describeIssued(dir, party, certPem, keyPem));
    }
    return { dir, caCertPem, caCertPath, parties: issued };
  } catch {
    // A missing, unreadable or broken file is a reason to issue anew, never to stop the harness.
    return undefined;
  }
}

async function generateTestPki(dir: string, parties: PartyIdentity[], now: Date): Promise<TestPki> {
  // Certificates carry whole seconds; starting from whole seconds keeps notAfter exactly N years after `now`.
  const start = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notBefore = new Date(start.getTime() - backdateMs);
  const [caKeys, ...partyKeys] = await Promise.all([undefined, ...parties].map(() => generateRsaKeyPair()));
  if (!caKeys) throw new Error('test PKI: key generation returned no CA key');
  const caKey = forge.pki.privateKeyFromPem(caKeys.privateKey);

  const caCert = issueCertificate({
    subject: caSubject,
    publicKeyPem: caKeys.publicKey,
    issuerKey: caKey,
    notBefore,
    notAfter: yearsAfter(start, caValidityYears),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const caCertPem = forge.pki.certificateToPem(caCert);

  const leaves = parties.map((party, index) => {
    const keys = partyKeys[index];
    if (!keys) throw new Error(`test PKI: key generation returned no key for ${party.id}`);
    const cert = issueCertificate({
      subject: [
        { name: 'countryName', value: 'NL' },
        { name: 'organizationName', value: party.organisation, valueTagClass: utf8String() },
        { name: 'commonName', value: party.commonName, valueTagClass: utf8String() },
        // X.520 serialNumber (2.5.4.5) carries the OIN, as in PKIoverheid server and client certificates.
        { name: 'serialNumber', value: party.oin },
      ],
      publicKeyPem: keys.publicKey,
      issuer: caCert,
      issuerKey: caKey,
      notBefore,
      notAfter: yearsAfter(start, leafValidityYears),
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
        {
          name: 'subjectAltName',
          altNames: party.hostnames.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
        },
      ],
    });
    return describeIssued(dir, party, forge.pki.certificateToPem(cert), keys.privateKey);
  });

  await mkdir(dir, { recursive: true });
  const caCertPath = join(dir, 'ca.crt');
  await Promise.all([
    writeFile(caCertPath, caCertPem),
    writePrivateKey(join(dir, 'ca.key'), caKeys.privateKey),
    ...leaves.flatMap((leaf) => [writeFile(leaf.certPath, leaf.certPem), writePrivateKey(leaf.keyPath, leaf.keyPem)]),
  ]);
  const manifest: PkiManifest = {
    ca: validityRecordOf(validityOf(caCertPem)),
    parties: parties.map((party, index) => ({ ...party, ...validityRecordOf(leaves[index]!) })),
  };
  // Written last: a manifest whose fingerprints match the files is what marks a complete, reusable PKI.
  await writeFile(join(dir, 'pki.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, caCertPem, caCertPath, parties: new Map(leaves.map((leaf) => [leaf.partyId, leaf])) };
}

/** Node's native RSA key generation: forge's JavaScript generator takes seconds per key. */
function generateRsaKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  return generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function issueCertificate(spec: {
  subject: forge.pki.CertificateField[];
  publicKeyPem: string;
  /** Absent for the self-signed CA. */
  issuer?: forge.pki.Certificate;
  issuerKey: forge.pki.rsa.PrivateKey;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  cert.serialNumber = positiveSerialNumber();
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(spec.subject);
  cert.setIssuer(spec.issuer ? spec.issuer.subject.attributes : spec.subject);
  cert.setExtensions([
    ...spec.extensions,
    { name: 'subjectKeyIdentifier' },
    // Explicit, because forge's `keyIdentifier: true` would take the leaf's own key instead of the issuer's.
    { name: 'authorityKeyIdentifier', keyIdentifier: (spec.issuer ?? cert).generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(spec.issuerKey, forge.md.sha256.create());
  return cert;
}

/**
 * 128 random bits with the top bit cleared (a serial number must be positive, RFC 5280 §4.1.2.2) and the next one set,
 * so the first byte is never zero and the DER integer stays minimal.
 */
function positiveSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x7f) | 0x40, 0);
  return bytes.toString('hex');
}

/** RFC 5280 prefers UTF8String for names; @types/node-forge types the tag as asn1.Class where forge reads an asn1.Type. */
function utf8String(): forge.asn1.Class {
  return forge.asn1.Type.UTF8 as number as forge.asn1.Class;
}

async function writePrivateKey(path: string, pem: string): Promise<void> {
  // `mode` only applies when the file is created: tighten an existing file before the new key lands in it.
  await chmod(path, 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await writeFile(path, pem, { mode: 0o600 });
}

function describeIssued(dir: string, party: PartyIdentity, certPem: string, keyPem: string): IssuedCertificate {
  return { partyId: party.id, oin: party.oin, certPem, keyPem, ...filesOf(dir, party.id), ...validityOf(certPem) };
}

function validityOf(certPem: string): Pick<IssuedCertificate, 'notBefore' | 'notAfter' | 'sha256Fingerprint'> {
  const cert = new X509Certificate(certPem);
  return { notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo), sha256Fingerprint: cert.fingerprint256 };
}

function validityRecordOf(issued: Pick<IssuedCertificate, 'notBefore' | 'notAfter' | 'sha256Fingerprint'>): ValidityRecord {
  const { notBefore, notAfter, sha256Fingerprint } = issued;
  return { notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString(), sha256Fingerprint };
}

function filesOf(dir: string, partyId: string): { certPath: string; keyPath: string } {
  return { certPath: join(dir, `${partyId}.crt`), keyPath: join(dir, `${partyId}.key`) };
}

/** One comparable string per set of parties, independent of order. */
function identitiesOf(parties: PartyIdentity[]): string {
  return JSON.stringify(
    [...parties]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ id, oin, commonName, organisation, hostnames }) => [id, oin, commonName, organisation, hostnames]),
  );
}

function assertUsableAsFileNames(parties: PartyIdentity[]): void {
  const seen = new Set<string>();
  for (const { id } of parties) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || id === 'ca' || seen.has(id)) {
      throw new Error(`test PKI: party id "${id}" must be unique, lowercase letters, digits and hyphens, and not "ca"`);
    }
    seen.add(id);
  }
}

function yearsAfter(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}
