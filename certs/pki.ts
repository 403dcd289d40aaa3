/**
 * The harness's test PKI, shaped like PKIoverheid: a root (the trust anchor a vendor installs), one intermediate for
 * organisation services, and a services certificate per harness party carrying its OIN. Parties present their
 * certificate with the intermediate (`chainPem`), as a real PKIoverheid certificate is served.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateRsaKeyPair, writePrivateKey, type RsaKeyPair } from './key-pair.ts';
import { intermediateExtensions, issueCertificate, leafExtensions, rootExtensions, type CertificateName } from './issue-certificate.ts';
import { testPkiParties, type PartyIdentity } from './parties.ts';

/** What every certificate the harness issues is described by. */
export interface CertificateValidity {
  notBefore: Date;
  notAfter: Date;
  /** As Node's X509Certificate.fingerprint256 prints it: uppercase hex pairs joined by colons. */
  sha256Fingerprint: string;
}

/** The root or the intermediate: certificate and key, in memory and on disk. */
export interface CaCertificate extends CertificateValidity {
  name: CertificateName;
  certPem: string;
  keyPem: string;
  certPath: string;
  keyPath: string;
}

/** A certificate a party presents, with its chain and key, in memory and on disk. */
export interface PresentedCertificate extends CertificateValidity {
  /** The OIN in the certificate's subject serialNumber. */
  oin: string;
  /** The certificate alone. */
  certPem: string;
  /** What its holder presents as TLS server and client: the certificate and the intermediate, or the certificate alone when no intermediate issued it. */
  chainPem: string;
  keyPem: string;
  certPath: string;
  chainPath: string;
  keyPath: string;
}

export interface IssuedCertificate extends PresentedCertificate {
  partyId: string;
  /** The DNS names and IP addresses in its subjectAltName. */
  hostnames: string[];
}

/**
 * Names and addresses a party must be reachable by beyond loopback, per party id: the configured host name of the
 * harness for the TC and the testscholen, the standalone reference LAS's own name.
 */
export type ExtraHostnames = Readonly<Partial<Record<string, readonly string[]>>>;

export interface TestPki {
  dir: string;
  /**
   * Root and intermediate in one PEM, for a Node TLS `ca` option: it verifies a party that presents its chain and one
   * that presents its certificate alone. A verifier that must behave like a vendor's LAS trusts `root` only.
   */
  caCertPem: string;
  caCertPath: string;
  /** The trust anchor: "OSO Testbank Test-Root". */
  root: CaCertificate;
  /** "OSO Testbank Test-CA Organisatie Services", issued by the root; issues the parties' certificates. */
  intermediate: CaCertificate;
  /** Keyed by party id. */
  parties: Map<string, IssuedCertificate>;
}

/** Which levels of the hierarchy a call issued anew; the rest it reused from disk. */
export interface PkiReissue {
  root: boolean;
  intermediate: boolean;
  leaves: boolean;
}

/** pki.json: what was issued to whom, so a later run can tell whether the files on disk still answer the request. */
interface PkiManifest {
  root: ValidityRecord;
  intermediate: ValidityRecord;
  parties: (PartyIdentity & ValidityRecord)[];
}

interface ValidityRecord {
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

const rootName: CertificateName = { commonName: 'OSO Testbank Test-Root', organisation: 'OSO Testbank (simulatie)' };
const intermediateName: CertificateName = {
  commonName: 'OSO Testbank Test-CA Organisatie Services',
  organisation: 'OSO Testbank (simulatie)',
};

/**
 * Lifetimes. A CA is kept only while it can cover, in full, a certificate it would issue today: the intermediate
 * while it outlives a fresh leaf, the root while it outlives a fresh intermediate. So no certificate ever outlives its
 * issuer, a vendor installs the root about once in ten years, and a leaf renewal (every two years) leaves the root and
 * the intermediate alone.
 */
export const lifetimeYears = { root: 20, intermediate: 10, leaf: 2 } as const;
/** Backdating absorbs clock skew between the harness and a vendor's LAS, which would otherwise see "not yet valid". */
export const backdateMs = 60 * 60 * 1000;
/**
 * The root and the intermediate start three years back, so that a leaf that expired recently (the catalogue's
 * `verlopen`, valid for two years until a month ago) was issued while its CAs were valid, as in a real PKI: a verifier
 * that checks the validity periods nest, or verifies at a moment in the past, sees nothing else wrong with it.
 */
const caBackdateYears = 3;
const dayMs = 24 * 60 * 60 * 1000;
/** File names next to the parties' `<id>.crt`, so no party may take them as its id. */
const reservedIds = new Set(['ca', 'ca-bundle', 'root', 'intermediate']);

/**
 * Returns the test PKI in `dir`, reusing what is there while it still fits the request. Each level is checked in turn
 * and issued anew, with everything below it, when it is missing, unreadable, not issued by the level above, or no
 * longer long enough valid: leaves within `renewWithinDays` of their end, or issued for other parties.
 */
export async function ensureTestPki(options: {
  dir: string;
  parties?: PartyIdentity[];
  /** Names and addresses beyond each party's own; the leaves are issued anew when one is not in them yet. */
  extraHostnames?: ExtraHostnames;
  now?: Date;
  renewWithinDays?: number;
}): Promise<{ pki: TestPki; generated: boolean; reissued: PkiReissue }> {
  const dir = resolve(options.dir);
  const parties = await withHostnames(dir, options.parties ?? testPkiParties, options.extraHostnames ?? {});
  const now = options.now ?? new Date();
  assertUsableAsFileNames(parties);
  const onDisk = await readReusableLevels(dir, parties, now, options.renewWithinDays ?? 30);
  const reissued = { root: !onDisk.root, intermediate: !onDisk.intermediate, leaves: !onDisk.leaves };
  if (onDisk.root && onDisk.intermediate && onDisk.leaves) {
    const pki = assemble(dir, onDisk.root, onDisk.intermediate, onDisk.leaves);
    return { pki, generated: false, reissued };
  }
  if (reissued.root) await removeFlatLayoutLeftovers(dir);
  const pki = await issueMissingLevels(dir, parties, now, onDisk);
  return { pki, generated: true, reissued };
}

/**
 * The parties with every name they must carry: their own, those an earlier call added (kept, so that two set-ups sharing
 * a folder — a harness reached by one name, a LAS by another — do not issue the leaves anew in turn), and the extra ones
 * asked for now. A name once added stays until the folder is issued anew; a test certificate with one name too many
 * harms nothing.
 */
async function withHostnames(dir: string, parties: PartyIdentity[], extra: ExtraHostnames): Promise<PartyIdentity[]> {
  let recorded: PkiManifest['parties'] = [];
  try {
    recorded = (JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as PkiManifest).parties ?? [];
  } catch {
    // No manifest yet: nothing was added before.
  }
  return parties.map((party) => {
    const earlier = recorded.find((r) => r.id === party.id)?.hostnames ?? [];
    const hostnames = [...new Set([...party.hostnames, ...earlier, ...(extra[party.id] ?? [])].map((h) => h.toLowerCase()))];
    return { ...party, hostnames };
  });
}

interface ReusableLevels {
  root?: CaCertificate;
  intermediate?: CaCertificate;
  leaves?: IssuedCertificate[];
}

async function readReusableLevels(dir: string, parties: PartyIdentity[], now: Date, renewWithinDays: number): Promise<ReusableLevels> {
  const levels: ReusableLevels = {};
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as PkiManifest;
    const start = wholeSeconds(now);
    const fits = (cert: X509Certificate, keyPem: string, recorded: ValidityRecord | undefined, validUntil: number) =>
      cert.fingerprint256 === recorded?.sha256Fingerprint &&
      cert.checkPrivateKey(createPrivateKey(keyPem)) &&
      Date.parse(cert.validFrom) <= now.getTime() &&
      Date.parse(cert.validTo) >= validUntil;

    const root = await readCa(dir, 'root', rootName);
    const rootCert = new X509Certificate(root.certPem);
    const rootFits =
      rootCert.ca &&
      rootCert.checkIssued(rootCert) &&
      rootCert.verify(rootCert.publicKey) &&
      fits(rootCert, root.keyPem, manifest.root, yearsAfter(start, lifetimeYears.intermediate).getTime());
    if (!rootFits) return levels;
    levels.root = root;

    const intermediate = await readCa(dir, 'intermediate', intermediateName);
    const intermediateCert = new X509Certificate(intermediate.certPem);
    const intermediateFits =
      intermediateCert.ca &&
      intermediateCert.checkIssued(rootCert) &&
      intermediateCert.verify(rootCert.publicKey) &&
      fits(intermediateCert, intermediate.keyPem, manifest.intermediate, yearsAfter(start, lifetimeYears.leaf).getTime());
    if (!intermediateFits) return levels;
    levels.intermediate = intermediate;

    if (identitiesOf(manifest.parties) !== identitiesOf(parties)) return levels;
    const renewAfter = now.getTime() + renewWithinDays * dayMs;
    const leaves: IssuedCertificate[] = [];
    for (const party of parties) {
      const files = filesOf(dir, party.id);
      const [certPem, keyPem, chainPem] = await Promise.all([files.certPath, files.keyPath, files.chainPath].map((path) => readFile(path, 'utf8')));
      const cert = new X509Certificate(certPem!);
      const recorded = manifest.parties.find((p) => p.id === party.id);
      const leafFits =
        cert.checkIssued(intermediateCert) &&
        cert.verify(intermediateCert.publicKey) &&
        chainPem === certPem! + intermediate.certPem &&
        fits(cert, keyPem!, recorded, renewAfter + 1);
      if (!leafFits) return levels;
      leaves.push(describeIssued(dir, party, certPem!, keyPem!, intermediate.certPem));
    }
    levels.leaves = leaves;
    return levels;
  } catch {
    // A missing, unreadable or broken file is a reason to issue anew (from that level down), never to stop the harness.
    return levels;
  }
}

/**
 * Before the hierarchy, one self-signed CA (ca.crt, ca.key, recorded as `ca` in pki.json) signed the leaves. Its files
 * are removed when the first hierarchy replaces it, so that nobody installs the old CA as trust anchor by mistake.
 */
async function removeFlatLayoutLeftovers(dir: string): Promise<void> {
  let manifest: Record<string, unknown> | undefined;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return; // no manifest we can read: nothing known to be ours
  }
  if (manifest?.['ca'] === undefined) return;
  await Promise.all(['ca.crt', 'ca.key'].map((name) => rm(join(dir, name), { force: true })));
}

async function readCa(dir: string, level: 'root' | 'intermediate', name: CertificateName): Promise<CaCertificate> {
  const { certPath, keyPath } = caFilesOf(dir, level);
  const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { name, certPem, keyPem, certPath, keyPath, ...validityOf(certPem) };
}

async function issueMissingLevels(dir: string, parties: PartyIdentity[], now: Date, onDisk: ReusableLevels): Promise<TestPki> {
  // Certificates carry whole seconds; starting from whole seconds keeps notAfter exactly N years after `now`.
  const start = new Date(wholeSeconds(now));
  const notBefore = new Date(start.getTime() - backdateMs);
  const caNotBefore = yearsAfter(start.getTime(), -caBackdateYears);
  const reuseRoot = onDisk.root;
  const reuseIntermediate = reuseRoot ? onDisk.intermediate : undefined;
  // Every key this call needs, made at once: native generation runs on the thread pool, one key per core.
  const [rootKeys, intermediateKeys, ...partyKeys] = await Promise.all([
    reuseRoot ? undefined : generateRsaKeyPair(),
    reuseIntermediate ? undefined : generateRsaKeyPair(),
    ...parties.map(() => generateRsaKeyPair()),
  ]);

  const root = reuseRoot ?? issueRoot(dir, required(rootKeys, 'root'), caNotBefore, start);
  const intermediate = reuseIntermediate ?? issueIntermediate(dir, root, required(intermediateKeys, 'intermediate'), caNotBefore, start);
  const leaves = parties.map((party, index) => {
    const keys = required(partyKeys[index], party.id);
    const certPem = issueCertificate({
      subject: { commonName: party.commonName, organisation: party.organisation, oin: party.oin },
      publicKeyPem: keys.publicKey,
      issuer: intermediate,
      signingKeyPem: intermediate.keyPem,
      notBefore,
      notAfter: yearsAfter(start.getTime(), lifetimeYears.leaf),
      extensions: leafExtensions({ hostnames: party.hostnames }),
    });
    return describeIssued(dir, party, certPem, keys.privateKey, intermediate.certPem);
  });

  await mkdir(dir, { recursive: true });
  const pki = assemble(dir, root, intermediate, leaves);
  await Promise.all([
    ...(reuseRoot ? [] : [writeFile(root.certPath, root.certPem), writePrivateKey(root.keyPath, root.keyPem)]),
    ...(reuseIntermediate ? [] : [writeFile(intermediate.certPath, intermediate.certPem), writePrivateKey(intermediate.keyPath, intermediate.keyPem)]),
    writeFile(pki.caCertPath, pki.caCertPem),
    ...leaves.flatMap((leaf) => [
      writeFile(leaf.certPath, leaf.certPem),
      writeFile(leaf.chainPath, leaf.chainPem),
      writePrivateKey(leaf.keyPath, leaf.keyPem),
    ]),
  ]);
  const manifest: PkiManifest = {
    root: validityRecordOf(root),
    intermediate: validityRecordOf(intermediate),
    parties: parties.map((party, index) => ({ ...party, ...validityRecordOf(leaves[index]!) })),
  };
  // Written last: a manifest whose fingerprints match the files is what marks a complete, reusable PKI.
  await writeFile(join(dir, 'pki.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return pki;
}

function issueRoot(dir: string, keys: RsaKeyPair, notBefore: Date, start: Date): CaCertificate {
  const certPem = issueCertificate({
    subject: rootName,
    publicKeyPem: keys.publicKey,
    signingKeyPem: keys.privateKey,
    notBefore,
    notAfter: yearsAfter(start.getTime(), lifetimeYears.root),
    extensions: rootExtensions(),
  });
  return { name: rootName, certPem, keyPem: keys.privateKey, ...caFilesOf(dir, 'root'), ...validityOf(certPem) };
}

function issueIntermediate(dir: string, root: CaCertificate, keys: RsaKeyPair, notBefore: Date, start: Date): CaCertificate {
  const certPem = issueCertificate({
    subject: intermediateName,
    publicKeyPem: keys.publicKey,
    issuer: root,
    signingKeyPem: root.keyPem,
    notBefore,
    notAfter: yearsAfter(start.getTime(), lifetimeYears.intermediate),
    extensions: intermediateExtensions(),
  });
  return { name: intermediateName, certPem, keyPem: keys.privateKey, ...caFilesOf(dir, 'intermediate'), ...validityOf(certPem) };
}

function assemble(dir: string, root: CaCertificate, intermediate: CaCertificate, leaves: IssuedCertificate[]): TestPki {
  return {
    dir,
    caCertPem: root.certPem + intermediate.certPem,
    caCertPath: join(dir, 'ca-bundle.crt'),
    root,
    intermediate,
    parties: new Map(leaves.map((leaf) => [leaf.partyId, leaf])),
  };
}

function describeIssued(dir: string, party: PartyIdentity, certPem: string, keyPem: string, intermediatePem: string): IssuedCertificate {
  return {
    partyId: party.id,
    hostnames: [...party.hostnames],
    oin: party.oin,
    certPem,
    chainPem: certPem + intermediatePem,
    keyPem,
    ...filesOf(dir, party.id),
    ...validityOf(certPem),
  };
}

export function validityOf(certPem: string): CertificateValidity {
  const cert = new X509Certificate(certPem);
  return { notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo), sha256Fingerprint: cert.fingerprint256 };
}

function validityRecordOf({ notBefore, notAfter, sha256Fingerprint }: CertificateValidity): ValidityRecord {
  return { notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString(), sha256Fingerprint };
}

function caFilesOf(dir: string, level: 'root' | 'intermediate'): { certPath: string; keyPath: string } {
  return { certPath: join(dir, `${level}.crt`), keyPath: join(dir, `${level}.key`) };
}

function filesOf(dir: string, partyId: string): { certPath: string; chainPath: string; keyPath: string } {
  // Party ids cannot contain a dot, so `<id>.chain.crt` never meets another party's `<id>.crt`.
  return { certPath: join(dir, `${partyId}.crt`), chainPath: join(dir, `${partyId}.chain.crt`), keyPath: join(dir, `${partyId}.key`) };
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
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || reservedIds.has(id) || seen.has(id)) {
      throw new Error(
        `test PKI: party id "${id}" must be unique, lowercase letters, digits and hyphens, and none of ${[...reservedIds].join(', ')}`,
      );
    }
    seen.add(id);
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test PKI: key generation returned no key for ${what}`);
  return value;
}

export function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

/** `years` calendar years after the instant `ms` (negative: before), in UTC. */
export function yearsAfter(ms: number, years: number): Date {
  const later = new Date(ms);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}
