/**
 * Certificates as a party hands them over in PEM files: a chain (leaf first, then intermediates) and a set of trust
 * anchors. Read once here so the SUT configuration, the world and the preflight judge a vendor's files the same way.
 */
import { X509Certificate } from 'node:crypto';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text, in order; a block that is not a certificate throws (with Node's reason). */
export function parseCertificates(pem: string): X509Certificate[] {
  return (pem.match(PEM_CERTIFICATE) ?? []).map((block) => new X509Certificate(block));
}

/** A 20-digit OIN in the subject serialNumber, as PKIoverheid certificates carry it [pub]. */
export function subjectOin(cert: X509Certificate): string | undefined {
  return /(?:^|\n)serialNumber=(\d{20})(?:\n|$)/.exec(cert.subject)?.[1];
}

/**
 * Whether the chain's first certificate leads, through the chain's own intermediates, to one of the anchors: each link
 * issued and signed by the next. Dates are not judged here (see the caller); only who signed whom.
 */
export function chainsTo(chain: readonly X509Certificate[], anchors: readonly X509Certificate[]): boolean {
  let current = chain[0];
  const intermediates = chain.slice(1);
  for (let depth = 0; current && depth <= chain.length; depth++) {
    const cert: X509Certificate = current;
    const signedBy = (issuer: X509Certificate) => cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
    if (anchors.some((a) => a.fingerprint256 === cert.fingerprint256 || signedBy(a))) return true;
    current = intermediates.find((i) => i.fingerprint256 !== cert.fingerprint256 && signedBy(i));
  }
  return false;
}
