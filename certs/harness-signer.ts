/**
 * The harness's signing key for evidence bundles: an RSA key and a self-signed certificate naming it, made with the same
 * key generation and certificate issuing as the test PKI, kept beside the test PKI (owner-only key file). The certificate travels with every
 * bundle; the key never does. Whoever checks bundles pins the certificate's SHA-256 fingerprint.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { issueCertificate } from './issue-certificate.ts';
import { generateRsaKeyPair, writePrivateKey } from './key-pair.ts';

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

  const keys = await generateRsaKeyPair(3072);
  const certPem = issueCertificate({
    subject: { commonName: `OSO Testbank ondertekening (${hostname()})`, organisation: 'OSO Testbank' },
    publicKeyPem: keys.publicKey,
    signingKeyPem: keys.privateKey,
    notBefore: new Date(now.getTime() - 60 * 60 * 1000),
    notAfter: new Date(now.getTime() + YEARS * 365 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    ],
  });
  await mkdir(dir, { recursive: true });
  await writePrivateKey(join(dir, 'ondertekening.key'), keys.privateKey);
  await writeFile(join(dir, 'ondertekening.crt'), certPem);
  return { certPem, keyPem: keys.privateKey };
}
