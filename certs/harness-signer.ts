/**
 * The harness's signing key for evidence bundles: an RSA key made by Node's native key generation and a self-signed
 * certificate (node-forge) naming it, kept beside the test PKI (owner-only key file). The certificate travels with every
 * bundle; the key never does. Whoever checks bundles pins the certificate's SHA-256 fingerprint.
 */
import { createPrivateKey, generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface HarnessSigner {
  certPem: string;
  keyPem: string;
}

const YEARS = 5;
const RENEW_WITHIN_MS = 30 * 24 * 60 * 60 * 1000;

async function readExisting(dir: string, now: Date): Promise<HarnessSigner | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(join(dir, 'ondertekening.crt'), 'utf8'), readFile(join(dir, 'ondertekening.key'), 'utf8')]);
    const cert = new X509Certificate(certPem);
    if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_WITHIN_MS) return undefined;
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return undefined;
    return { certPem, keyPem };
  } catch {
    return undefined;
  }
}

export async function ensureHarnessSigner(certDir: string, now = new Date()): Promise<HarnessSigner> {
  const dir = join(certDir, 'ondertekening');
  const existing = await readExisting(dir, now);
  if (existing) return existing;

  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive serial: the top bit of the first byte cleared.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + YEARS * 365 * 24 * 60 * 60 * 1000);
  const subject = [
    { name: 'countryName', value: 'NL' },
    { name: 'organizationName', value: 'OSO Testbank' },
    { name: 'commonName', value: `OSO Testbank ondertekening (${hostname()})` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const signer = { certPem: forge.pki.certificateToPem(cert), keyPem: privateKey };

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'ondertekening.key'), signer.keyPem, { mode: 0o600 });
  await chmod(join(dir, 'ondertekening.key'), 0o600);
  await writeFile(join(dir, 'ondertekening.crt'), signer.certPem);
  return signer;
}
