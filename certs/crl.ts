/**
 * Certificate revocation lists. forge cannot write CRLs, so @peculiar/x509 does (over Node's WebCrypto). It is loaded
 * only when a CRL is issued, so that reusing a PKI on disk does not pay for loading it.
 */
import { webcrypto } from 'node:crypto';

export interface CrlSpec {
  /** The CA that signs the list: its certificate and PKCS #8 key. */
  issuer: { certPem: string; keyPem: string };
  /** Hexadecimal serial numbers of the certificates the CA revoked. */
  revokedSerialNumbers: readonly string[];
  revocationDate: Date;
  thisUpdate: Date;
  nextUpdate: Date;
  /** RFC 5280 §5.2.3: a conforming CA numbers its CRLs, increasing. */
  crlNumber: number;
}

type X509Library = typeof import('@peculiar/x509');
let library: Promise<X509Library> | undefined;

function loadX509Library(): Promise<X509Library> {
  library ??= (async () => {
    // @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API loaded first.
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    return x509;
  })();
  return library;
}

/** Starts loading the CRL library (some 100 ms) while the caller waits for something else, such as key generation. */
export function preloadCrlIssuing(): void {
  loadX509Library().catch(() => undefined); // issueCrl reports a failure when it needs the library
}

export async function issueCrl(spec: CrlSpec): Promise<string> {
  const x509 = await loadX509Library();

  const issuer = new x509.X509Certificate(spec.issuer.certPem);
  const issuerKeyId = issuer.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  if (!issuerKeyId) throw new Error(`CRL: the issuer ${issuer.subject} has no subjectKeyIdentifier to name in the CRL`);
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pemBody(spec.issuer.keyPem), algorithm, false, ['sign']);

  const crl = await x509.X509CrlGenerator.create({
    // The issuer's own encoded name, so that OpenSSL's name match between certificate issuer and CRL issuer holds.
    issuer: issuer.subjectName,
    thisUpdate: spec.thisUpdate,
    nextUpdate: spec.nextUpdate,
    entries: spec.revokedSerialNumbers.map((serialNumber) => ({
      serialNumber,
      revocationDate: spec.revocationDate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
    extensions: [new x509.AuthorityKeyIdentifierExtension(issuerKeyId), crlNumberExtension(x509, spec.crlNumber)],
    signingAlgorithm: algorithm,
    signingKey,
  });
  // OpenSSL and Node read only the "X509 CRL" PEM label; @peculiar/x509 would write "CRL".
  return toPem('X509 CRL', Buffer.from(crl.rawData));
}

function crlNumberExtension(x509: X509Library, crlNumber: number) {
  if (!Number.isSafeInteger(crlNumber) || crlNumber < 0) throw new Error(`CRL: crlNumber ${crlNumber} is not a non-negative integer`);
  // DER INTEGER, minimal and positive: a leading zero byte when the high bit of the first byte is set.
  let hex = crlNumber.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const content = Buffer.from(hex, 'hex');
  return new x509.Extension('2.5.29.20', false, Buffer.concat([Buffer.from([0x02, content.length]), content]));
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The CRLs in a PEM text, one string each: Node's `crl` option reads only the first CRL of each string it is given. */
export function splitCrls(pem: string): string[] {
  return pem.match(/-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----\n?/g) ?? [];
}
