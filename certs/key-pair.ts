import { generateKeyPair } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/** An RSA key pair as PEM: SubjectPublicKeyInfo and PKCS #8, the forms forge, OpenSSL, Node and keytool all read. */
export interface RsaKeyPair {
  publicKey: string;
  privateKey: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Node's native RSA key generation, on libuv's thread pool so that several keys are made at once. Never forge's
 * JavaScript generator: it takes seconds per key.
 */
export function generateRsaKeyPair(modulusLength: 3072 | 2048 | 1024 = 2048): Promise<RsaKeyPair> {
  return generateKeyPairAsync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** Writes a private key readable by its owner only (0600). */
export async function writePrivateKey(path: string, pem: string): Promise<void> {
  // `mode` only applies when the file is created: tighten an existing file before the new key lands in it.
  await chmod(path, 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await writeFile(path, pem, { mode: 0o600 });
}
