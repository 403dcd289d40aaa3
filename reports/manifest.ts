/**
 * The manifest of a report folder (evidence/manifest.json): the SHA-256 of every file, the length and head of the
 * message log, signed by the harness's key (evidence/manifest.sig, with the signer's certificate beside it) so anyone can
 * check offline that nothing was edited, added or removed after the run. The private key never enters the folder.
 */
import { createHash, createSign, createVerify, X509Certificate } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { HarnessSigner } from '../certs/harness-signer.ts';

export const MANIFEST = 'evidence/manifest.json';
export const SIGNATURE = 'evidence/manifest.sig';
export const SIGNER_CERTIFICATE = 'evidence/ondertekenaar.crt';
/** The manifest cannot list itself or what signs it. */
const NOT_LISTED = new Set([MANIFEST, SIGNATURE, SIGNER_CERTIFICATE]);

export interface Manifest {
  harness: { naam: string; versie: string };
  datum: string;
  bestanden: { pad: string; sha256: string; bytes: number }[];
  berichtenlog: { pad: string; regels: number; laatsteHash: string };
  /**
   * A merged report (oso-testbank merge): where each part's signed bundle and kwalificatie.json are kept, and the SHA-256 fingerprint of the
   * certificate that signed it. The merged log holds the same messages, chained anew.
   */
  delen?: { map: string; ondertekenaar: string }[];
}

/** Who signs the manifest: the harness's signing key and its certificate (certs/harness-signer.ts). */
export type Signer = HarnessSigner;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.filter((p) => !NOT_LISTED.has(p)).sort();
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const data = await readFile(path);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

export async function buildManifest(dir: string, fields: Omit<Manifest, 'bestanden'>): Promise<Manifest> {
  const bestanden = [];
  for (const pad of await filesUnder(dir)) bestanden.push({ pad, ...(await hashFile(join(dir, pad))) });
  return { ...fields, bestanden };
}

export function sign(manifestText: string, signer: Signer): string {
  return createSign('sha256').update(manifestText, 'utf8').sign(signer.keyPem, 'base64');
}

export interface BundleCheck {
  problemen: string[];
  ondertekenaar?: { subject: string; sha256: string };
  manifest?: Manifest;
  /** The parts of a merged bundle, each with its own signer. */
  delen?: { map: string; ondertekenaar?: { subject: string; sha256: string } }[];
}

/**
 * Checks the signature and every listed file; names each file that was changed, removed or added. `meegenomen`: the
 * folder holds only part of the listed files (a part carried in a merged bundle), so a listed file may be absent.
 */
export async function checkManifest(dir: string, options: { meegenomen?: boolean } = {}): Promise<BundleCheck> {
  const problemen: string[] = [];
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return { problemen: [`${MANIFEST} is missing: this is not a (complete) evidence bundle`] };
  }
  let ondertekenaar: BundleCheck['ondertekenaar'];
  try {
    const cert = new X509Certificate(await readFile(join(dir, SIGNER_CERTIFICATE)));
    ondertekenaar = { subject: cert.subject.replace(/\n/g, ', '), sha256: cert.fingerprint256 };
    const signature = (await readFile(join(dir, SIGNATURE), 'utf8')).trim();
    if (!createVerify('sha256').update(manifestText, 'utf8').verify(cert.publicKey, signature, 'base64'))
      problemen.push(`the signature over ${MANIFEST} does not match: the manifest or the signature was changed`);
  } catch (e) {
    problemen.push(`signature cannot be checked: ${(e as Error).message}`);
  }
  const manifest = JSON.parse(manifestText) as Manifest;
  const listed = new Map(manifest.bestanden.map((b) => [b.pad, b]));
  const present = new Set(await filesUnder(dir));
  for (const [pad, b] of listed) {
    if (!present.has(pad)) {
      if (!options.meegenomen) problemen.push(`${pad}: removed`);
    }
    else if ((await hashFile(join(dir, pad))).sha256 !== b.sha256) problemen.push(`${pad}: changed`);
  }
  for (const pad of present) if (!listed.has(pad)) problemen.push(`${pad}: added after the run`);
  return { problemen, ...(ondertekenaar ? { ondertekenaar } : {}), manifest };
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
