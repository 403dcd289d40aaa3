/**
 * Issues the catalogue of bad certificates (catalogue-entries.ts) next to the test PKI, in `<dir>/catalogus/`, with
 * the CRLs that revoke `ingetrokken`, and reuses it while every certificate still shows its flaw and nothing else.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { catalogueEntries, catalogueIds, unknownRootName, type CatalogueEntry, type CatalogueId } from './catalogue-entries.ts';
import { issueCrl, preloadCrlIssuing, splitCrls } from './crl.ts';
import { issueCertificate, leafExtensions, rootExtensions } from './issue-certificate.ts';
import { generateRsaKeyPair, writePrivateKey, type RsaKeyPair } from './key-pair.ts';
import { testPkiParties, type PartyIdentity } from './parties.ts';
import {
  backdateMs,
  ensureTestPki,
  lifetimeYears,
  validityOf,
  wholeSeconds,
  yearsAfter,
  type PresentedCertificate,
  type ExtraHostnames,
  type PkiReissue,
  type TestPki,
} from './pki.ts';

export interface CatalogueCertificate extends CatalogueEntry, PresentedCertificate {
  /** Hexadecimal, as Node's X509Certificate prints it; the CRL lists `ingetrokken` by it. */
  serialNumber: string;
  /** `onbekende-ca` only: the second root that issued it, to show that it is sound under that root. */
  issuer?: { certPem: string; certPath: string };
  /**
   * Spread into the options of https.createServer, tls.connect or an https.Agent to present this certificate as the
   * party would: the chain, the key, and for `sha1` the security level at which Node agrees to load it at all.
   */
  nodeTlsOptions: { cert: string; key: string; ciphers?: string };
}

export interface CertificateRevocationLists {
  /** The intermediate's CRL and the root's, in one PEM: as openssl -CRLfile, nginx ssl_crl and Apache read it. */
  pem: string;
  path: string;
  /**
   * One string per CRL, for Node's `crl` option: it reads only the first CRL of each string, and once `crl` is set it
   * checks every certificate of the chain, so the root's (empty) CRL is needed as well as the intermediate's.
   */
  pems: string[];
  intermediateCrlPath: string;
  rootCrlPath: string;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
  revokedSerialNumbers: string[];
}

export interface CertificateCatalogue {
  dir: string;
  /** The good trust anchor: the root of the test PKI. */
  trustAnchorPem: string;
  trustAnchorPath: string;
  /** Root and intermediate in one PEM (TestPki.caCertPem). */
  caCertPem: string;
  crl: CertificateRevocationLists;
  certificates: Record<CatalogueId, CatalogueCertificate>;
}

/** catalogus.json: what was issued, by which CAs, from which catalogue data; written last. */
interface CatalogueManifest {
  catalogue: string;
  root: string;
  intermediate: string;
  unknownRoot: string;
  certificates: Record<string, { sha256Fingerprint: string; serialNumber: string }>;
  crl: { sha256: string; thisUpdate: string; nextUpdate: string; crlNumber: number; revokedSerialNumbers: string[] };
}

/** Subfolder of the PKI directory that holds the catalogue. */
const catalogueFolder = 'catalogus';
/** A vendor who installed crl.pem needs a new one only after a year; the harness re-issues it 30 days before. */
const crlLifetimeDays = 365;
const expiredDaysAgo = 30;
const notYetValidForDays = 365;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The test PKI in `dir` (ensureTestPki) and the catalogue of bad certificates in `dir/catalogus`, reused while they
 * fit, otherwise issued anew. The catalogue is issued anew as a whole when the PKI's root or intermediate changed, the
 * catalogue data changed, a file is missing or damaged, the CRL is within `renewWithinDays` of its nextUpdate, or a
 * certificate would within that window show another flaw than its own (`nog-niet-geldig` becoming valid, a good one
 * expiring). It is written to a fresh folder that replaces the old one at once, so a reader never sees half of it;
 * still, issue it once before parallel workers start (as suites/global-setup.ts does for the PKI).
 */
export async function ensureCertificateCatalogue(options: {
  dir: string;
  /** Names and addresses the parties must carry beyond loopback (a harness or LAS reached by name); see ensureTestPki. */
  extraHostnames?: ExtraHostnames;
  now?: Date;
  renewWithinDays?: number;
}): Promise<{ pki: TestPki; catalogue: CertificateCatalogue; generated: boolean; reissued: PkiReissue & { catalogue: boolean } }> {
  const dir = resolve(options.dir);
  const now = options.now ?? new Date();
  const renewWithinDays = options.renewWithinDays ?? 30;
  const catalogueDir = join(dir, catalogueFolder);

  const manifest = await readManifest(catalogueDir);
  // Without a manifest the catalogue is surely issued: make its own keys while the PKI makes (or reads) its keys.
  const ownKeys = manifest ? undefined : startOwnKeys();
  const { pki, generated, reissued } = await ensureTestPki({ dir, now, renewWithinDays, ...(options.extraHostnames ? { extraHostnames: options.extraHostnames } : {}) });

  const condition = { pki, now, renewWithinDays };
  const reusable = manifest && (await readReusableCatalogue(catalogueDir, manifest, condition));
  if (reusable) return { pki, catalogue: reusable, generated, reissued: { ...reissued, catalogue: false } };

  // RFC 5280 §5.2.3: CRL numbers only go up, also across catalogues issued into the same folder.
  const previousCrlNumber = manifest?.crl?.crlNumber;
  const crlNumber = (Number.isSafeInteger(previousCrlNumber) ? (previousCrlNumber as number) : 0) + 1;
  const catalogue = await issueCatalogue(dir, catalogueDir, pki, now, await (ownKeys ?? startOwnKeys()), crlNumber, condition);
  return { pki, catalogue, generated: true, reissued: { ...reissued, catalogue: true } };
}

interface OwnKeys {
  unknownRoot: RsaKeyPair;
  weak: RsaKeyPair;
}

/**
 * The only keys the catalogue makes: a CA key for the unknown root (never a key of the real hierarchy, or a verifier
 * that matches issuers by key identifier could accept its certificate) and the weak key of `rsa-1024`. Every other entry
 * carries the key of the party it stands in for, so that no test can fail for a reason in the key.
 */
function startOwnKeys(): Promise<OwnKeys> {
  preloadCrlIssuing();
  const keys = Promise.all([generateRsaKeyPair(2048), generateRsaKeyPair(1024)]).then(([unknownRoot, weak]) => ({ unknownRoot, weak }));
  keys.catch(() => undefined); // awaited later; until then a failure must not count as unhandled
  return keys;
}

interface ReuseCondition {
  pki: TestPki;
  now: Date;
  renewWithinDays: number;
}

async function issueCatalogue(
  dir: string,
  catalogueDir: string,
  pki: TestPki,
  now: Date,
  keys: OwnKeys,
  crlNumber: number,
  condition: ReuseCondition,
): Promise<CertificateCatalogue> {
  const start = wholeSeconds(now);
  const notBefore = new Date(start - backdateMs);
  const unknownRootPem = issueCertificate({
    subject: unknownRootName,
    publicKeyPem: keys.unknownRoot.publicKey,
    signingKeyPem: keys.unknownRoot.privateKey,
    notBefore,
    notAfter: yearsAfter(start, lifetimeYears.root),
    extensions: rootExtensions(),
  });

  const issued = catalogueEntries.map((entry) => {
    const party = partyOf(entry, pki);
    const partyKeyPem = pki.parties.get(party.id)?.keyPem;
    if (!partyKeyPem) throw new Error(`certificate catalogue: the test PKI has no certificate for ${party.id}`);
    const { recipe } = entry;
    const keyPem = recipe.key === 'rsa-1024' ? keys.weak.privateKey : partyKeyPem;
    const subject = recipe.subject ?? { commonName: party.commonName, organisation: party.organisation, oin: party.oin };
    const signer =
      recipe.issuer === 'intermediate'
        ? { issuer: pki.intermediate, signingKeyPem: pki.intermediate.keyPem }
        : recipe.issuer === 'onbekende-root'
          ? { issuer: { certPem: unknownRootPem }, signingKeyPem: keys.unknownRoot.privateKey }
          : { signingKeyPem: keyPem };
    const certPem = issueCertificate({
      subject,
      publicKeyPem: createPublicKey(keyPem).export({ type: 'spki', format: 'pem' }).toString(),
      ...signer,
      ...validityFor(entry, start),
      extensions: leafExtensions({
        hostnames: recipe.hostnames ?? party.hostnames,
        ...(recipe.extendedKeyUsage ? { extendedKeyUsage: recipe.extendedKeyUsage } : {}),
      }),
      digest: recipe.digest,
    });
    return { entry, certPem, keyPem, oin: subject.oin };
  });

  const revokedSerialNumbers = issued.filter(({ entry }) => entry.recipe.revoked).map(({ certPem }) => new X509Certificate(certPem).serialNumber);
  const crlValidity = { thisUpdate: notBefore, nextUpdate: new Date(start + crlLifetimeDays * dayMs), crlNumber };
  const [intermediateCrl, rootCrl] = await Promise.all([
    issueCrl({ issuer: pki.intermediate, revokedSerialNumbers, revocationDate: notBefore, ...crlValidity }),
    issueCrl({ issuer: pki.root, revokedSerialNumbers: [], revocationDate: notBefore, ...crlValidity }),
  ]);

  // Written to a fresh folder first: the old catalogue stays whole until the new one replaces it.
  const staging = join(dir, `.${catalogueFolder}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    const catalogue = assemble(catalogueDir, pki, unknownRootPem, issued, { intermediateCrl, rootCrl, ...crlValidity, revokedSerialNumbers });
    const inStaging = (path: string) => join(staging, path.slice(catalogueDir.length + 1));
    await Promise.all([
      writeFile(inStaging(catalogue.certificates['onbekende-ca'].issuer!.certPath), unknownRootPem),
      writeFile(inStaging(catalogue.crl.path), catalogue.crl.pem),
      writeFile(inStaging(catalogue.crl.intermediateCrlPath), intermediateCrl),
      writeFile(inStaging(catalogue.crl.rootCrlPath), rootCrl),
      ...Object.values(catalogue.certificates).flatMap((certificate) => [
        writeFile(inStaging(certificate.certPath), certificate.certPem),
        writeFile(inStaging(certificate.chainPath), certificate.chainPem),
        writePrivateKey(inStaging(certificate.keyPath), certificate.keyPem),
      ]),
    ]);
    await writeFile(join(staging, 'catalogus.json'), `${JSON.stringify(manifestOf(catalogue, unknownRootPem, pki), null, 2)}\n`);
    return await replaceFolder(staging, catalogueDir, catalogue, condition);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Puts the freshly written catalogue in place. When another process has meanwhile put a usable catalogue there, that
 * one stays and is returned: moving it away would pull the files from under the process that returned it.
 */
async function replaceFolder(staging: string, target: string, fresh: CertificateCatalogue, condition: ReuseCondition): Promise<CertificateCatalogue> {
  const placedMeanwhile = async () => {
    const manifest = await readManifest(target);
    return manifest && readReusableCatalogue(target, manifest, condition);
  };
  const other = await placedMeanwhile();
  if (other) return other;
  const old = `${staging}-oud`;
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  try {
    await rename(staging, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const winner = code === 'ENOTEMPTY' || code === 'EEXIST' ? await placedMeanwhile() : undefined;
    if (!winner) throw error;
    return winner;
  } finally {
    await rm(old, { recursive: true, force: true });
  }
  return fresh;
}

function validityFor(entry: CatalogueEntry, start: number): { notBefore: Date; notAfter: Date } {
  switch (entry.recipe.validity) {
    case 'geldig':
      return { notBefore: new Date(start - backdateMs), notAfter: yearsAfter(start, lifetimeYears.leaf) };
    case 'verlopen': {
      const notAfter = new Date(start - expiredDaysAgo * dayMs);
      return { notBefore: yearsAfter(notAfter.getTime(), -lifetimeYears.leaf), notAfter };
    }
    case 'nog-niet-geldig': {
      // Ends within the intermediate's lifetime, which is at least one leaf lifetime (pki.ts).
      const notBefore = new Date(start + notYetValidForDays * dayMs);
      return { notBefore, notAfter: new Date(notBefore.getTime() + notYetValidForDays * dayMs) };
    }
  }
}

function assemble(
  catalogueDir: string,
  pki: TestPki,
  unknownRootPem: string,
  issued: { entry: CatalogueEntry; certPem: string; keyPem: string; oin: string }[],
  crl: Omit<CertificateRevocationLists, 'pem' | 'path' | 'pems' | 'intermediateCrlPath' | 'rootCrlPath'> & { intermediateCrl: string; rootCrl: string },
): CertificateCatalogue {
  const certificates = Object.fromEntries(
    issued.map(({ entry, certPem, keyPem, oin }) => {
      const chainPem = entry.recipe.issuer === 'intermediate' ? certPem + pki.intermediate.certPem : certPem;
      const issuer = entry.recipe.issuer === 'onbekende-root' ? { issuer: { certPem: unknownRootPem, certPath: join(catalogueDir, `${entry.id}.uitgever.crt`) } } : {};
      const certificate: CatalogueCertificate = {
        ...entry,
        oin,
        serialNumber: new X509Certificate(certPem).serialNumber,
        certPem,
        chainPem,
        keyPem,
        certPath: join(catalogueDir, `${entry.id}.crt`),
        chainPath: join(catalogueDir, `${entry.id}.chain.crt`),
        keyPath: join(catalogueDir, `${entry.id}.key`),
        ...issuer,
        nodeTlsOptions: { cert: chainPem, key: keyPem, ...(entry.presentWith ? { ciphers: entry.presentWith.ciphers } : {}) },
        ...validityOf(certPem),
      };
      return [entry.id, certificate];
    }),
  ) as Record<CatalogueId, CatalogueCertificate>;
  const { intermediateCrl, rootCrl, ...validity } = crl;
  return {
    dir: catalogueDir,
    trustAnchorPem: pki.root.certPem,
    trustAnchorPath: pki.root.certPath,
    caCertPem: pki.caCertPem,
    crl: {
      pem: intermediateCrl + rootCrl,
      path: join(catalogueDir, 'crl.pem'),
      pems: [intermediateCrl, rootCrl],
      intermediateCrlPath: join(catalogueDir, 'crl-intermediate.pem'),
      rootCrlPath: join(catalogueDir, 'crl-root.pem'),
      ...validity,
    },
    certificates,
  };
}

async function readManifest(catalogueDir: string): Promise<CatalogueManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(catalogueDir, 'catalogus.json'), 'utf8')) as CatalogueManifest;
  } catch {
    return undefined;
  }
}

async function readReusableCatalogue(catalogueDir: string, manifest: CatalogueManifest, condition: ReuseCondition): Promise<CertificateCatalogue | undefined> {
  const { pki, now, renewWithinDays } = condition;
  try {
    if (manifest.catalogue !== catalogueVersion(pki)) return undefined;
    if (manifest.root !== pki.root.sha256Fingerprint || manifest.intermediate !== pki.intermediate.sha256Fingerprint) return undefined;
    const windowEnd = now.getTime() + renewWithinDays * dayMs;

    const crlPem = await readFile(join(catalogueDir, 'crl.pem'), 'utf8');
    const crls = splitCrls(crlPem);
    const [intermediateCrl, rootCrl] = crls;
    if (crls.length !== 2 || !intermediateCrl || !rootCrl || sha256(crlPem) !== manifest.crl.sha256) return undefined;
    if (Date.parse(manifest.crl.thisUpdate) > now.getTime() || Date.parse(manifest.crl.nextUpdate) <= windowEnd) return undefined;

    const unknownRootPem = await readFile(join(catalogueDir, 'onbekende-ca.uitgever.crt'), 'utf8');
    const unknownRoot = new X509Certificate(unknownRootPem);
    if (unknownRoot.fingerprint256 !== manifest.unknownRoot || Date.parse(unknownRoot.validTo) <= windowEnd) return undefined;
    const intermediate = new X509Certificate(pki.intermediate.certPem);

    const issued: { entry: CatalogueEntry; certPem: string; keyPem: string; oin: string }[] = [];
    for (const entry of catalogueEntries) {
      const [certPem, keyPem, chainPem] = await Promise.all(
        [`${entry.id}.crt`, `${entry.id}.key`, `${entry.id}.chain.crt`].map((name) => readFile(join(catalogueDir, name), 'utf8')),
      );
      const cert = new X509Certificate(certPem!);
      const issuer = entry.recipe.issuer === 'intermediate' ? intermediate : entry.recipe.issuer === 'onbekende-root' ? unknownRoot : cert;
      const expectedChain = entry.recipe.issuer === 'intermediate' ? certPem! + pki.intermediate.certPem : certPem!;
      const sound =
        cert.fingerprint256 === manifest.certificates[entry.id]?.sha256Fingerprint &&
        chainPem === expectedChain &&
        // X509_check_issued also wants keyCertSign in the issuer's key usage, which a self-signed leaf rightly lacks.
        (entry.recipe.issuer === 'zelf' ? cert.issuer === cert.subject : cert.checkIssued(issuer)) &&
        cert.verify(issuer.publicKey) &&
        cert.checkPrivateKey(createPrivateKey(keyPem!)) &&
        showsOnlyItsOwnFlaw(entry, cert, now.getTime(), windowEnd);
      if (!sound) return undefined;
      const oin = /(?:^|\n)serialNumber=(\d{20})(?:\n|$)/.exec(cert.subject)?.[1];
      if (!oin) return undefined;
      issued.push({ entry, certPem: certPem!, keyPem: keyPem!, oin });
    }
    const catalogue = assemble(catalogueDir, pki, unknownRootPem, issued, {
      intermediateCrl,
      rootCrl,
      thisUpdate: new Date(manifest.crl.thisUpdate),
      nextUpdate: new Date(manifest.crl.nextUpdate),
      crlNumber: manifest.crl.crlNumber,
      revokedSerialNumbers: manifest.crl.revokedSerialNumbers,
    });
    const revoked = catalogueIds.filter((id) => catalogue.certificates[id].recipe.revoked).map((id) => catalogue.certificates[id].serialNumber);
    if (JSON.stringify(revoked) !== JSON.stringify(manifest.crl.revokedSerialNumbers)) return undefined;
    return catalogue;
  } catch {
    // Missing or damaged files are a reason to issue the catalogue anew, never to stop the harness.
    return undefined;
  }
}

/** From now to the end of the renewal window the certificate keeps its flaw, and a good one stays valid. */
function showsOnlyItsOwnFlaw(entry: CatalogueEntry, cert: X509Certificate, now: number, windowEnd: number): boolean {
  const validFrom = Date.parse(cert.validFrom);
  const validTo = Date.parse(cert.validTo);
  switch (entry.recipe.validity) {
    case 'geldig':
      return validFrom <= now && validTo > windowEnd;
    case 'verlopen':
      return validTo < now;
    case 'nog-niet-geldig':
      return validFrom > windowEnd;
  }
}

function manifestOf(catalogue: CertificateCatalogue, unknownRootPem: string, pki: TestPki): CatalogueManifest {
  return {
    catalogue: catalogueVersion(pki),
    root: pki.root.sha256Fingerprint,
    intermediate: pki.intermediate.sha256Fingerprint,
    unknownRoot: new X509Certificate(unknownRootPem).fingerprint256,
    certificates: Object.fromEntries(
      Object.values(catalogue.certificates).map(({ id, sha256Fingerprint, serialNumber }) => [id, { sha256Fingerprint, serialNumber }]),
    ),
    crl: {
      sha256: sha256(catalogue.crl.pem),
      thisUpdate: catalogue.crl.thisUpdate.toISOString(),
      nextUpdate: catalogue.crl.nextUpdate.toISOString(),
      crlNumber: catalogue.crl.crlNumber,
      revokedSerialNumbers: catalogue.crl.revokedSerialNumbers,
    },
  };
}

/** Changes whenever the catalogue data or the identities it borrows change, so that a stale catalogue is issued anew. */
function catalogueVersion(pki: TestPki): string {
  return sha256(JSON.stringify({ entries: catalogueEntries, parties: catalogueEntries.map((entry) => partyOf(entry, pki)) }));
}

/**
 * The party an entry stands in for, with the names its certificate in the PKI carries: a bad certificate must be wrong
 * in its own way only, also for a LAS that reaches the party by a configured host name.
 */
function partyOf(entry: CatalogueEntry, pki: TestPki): PartyIdentity {
  const party = testPkiParties.find((candidate) => candidate.id === entry.partij);
  if (!party) throw new Error(`certificate catalogue: entry ${entry.id} stands in for unknown party ${entry.partij}`);
  return { ...party, hostnames: pki.parties.get(party.id)?.hostnames ?? party.hostnames };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
