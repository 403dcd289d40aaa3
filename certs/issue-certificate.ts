/**
 * Issuing one X.509 certificate: forge builds it, Node's native crypto signs it. forge's own RSA signing is JavaScript
 * (tens of milliseconds per signature); with some twenty certificates in the test PKI and the catalogue that alone would
 * eat the time budget.
 */
import { createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export type SignatureDigest = 'sha256' | 'sha1';
export type ExtendedKeyUsage = 'serverAuth' | 'clientAuth';

/** Who a certificate names, as PKIoverheid certificates do: country, organisation, common name and OIN. */
export interface CertificateName {
  commonName: string;
  organisation: string;
  /** Organisatie-identificatienummer, in the subject's serialNumber; CA certificates carry none. */
  oin?: string;
}

export interface CertificateSpec {
  subject: CertificateName;
  publicKeyPem: string;
  /** The issuing CA; absent for a self-signed certificate, which `signingKeyPem` then signs. */
  issuer?: { certPem: string };
  /** PKCS #8 PEM of the issuer's key (or the subject's own, when self-signed). */
  signingKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
  digest?: SignatureDigest;
}

/** Returns the certificate as PEM. */
export function issueCertificate(spec: CertificateSpec): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  cert.serialNumber = positiveSerialNumber();
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = distinguishedName(spec.subject);
  const issuer = spec.issuer ? forge.pki.certificateFromPem(spec.issuer.certPem) : undefined;
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.subject.attributes : subject);
  cert.setExtensions([
    ...spec.extensions,
    { name: 'subjectKeyIdentifier' },
    // Explicit, because forge's `keyIdentifier: true` would take the certificate's own key instead of the issuer's.
    { name: 'authorityKeyIdentifier', keyIdentifier: (issuer ?? cert).generateSubjectKeyIdentifier().getBytes() },
  ]);
  const digest = spec.digest ?? 'sha256';
  cert.sign(nativeSigner(cert, createPrivateKey(spec.signingKeyPem), digest), forge.md[digest].create());
  return forge.pki.certificateToPem(cert);
}

/**
 * forge's `cert.sign` sets the signature algorithm from the digest, encodes the TBSCertificate into
 * `cert.tbsCertificate`, and then only calls `key.sign(md)` for the signature bytes: that call is where Node signs.
 */
function nativeSigner(cert: forge.pki.Certificate, key: KeyObject, digest: SignatureDigest): forge.pki.rsa.PrivateKey {
  const signer = {
    sign: () => sign(digest, Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary'), key).toString('binary'),
  };
  return signer as unknown as forge.pki.rsa.PrivateKey;
}

function distinguishedName(name: CertificateName): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'NL' },
    { name: 'organizationName', value: name.organisation, valueTagClass: utf8String() },
    { name: 'commonName', value: name.commonName, valueTagClass: utf8String() },
    // X.520 serialNumber (2.5.4.5) carries the OIN, as in PKIoverheid server and client certificates.
    ...(name.oin === undefined ? [] : [{ name: 'serialNumber', value: name.oin }]),
  ];
}

/** A root: signs only certificates and CRLs. */
export function rootExtensions(): object[] {
  return [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ];
}

/** An intermediate that issues end-entity certificates only (pathLen 0), like PKIoverheid's "Organisatie Services" CAs. */
export function intermediateExtensions(): object[] {
  return [
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ];
}

/**
 * A PKIoverheid-like services certificate for a system endpoint: TLS server and client in one (the OSO SaaS
 * certificate serves an aanleverpunt and calls the TC and other systems with the same certificate).
 */
export function leafExtensions(options: { hostnames: readonly string[]; extendedKeyUsage?: readonly ExtendedKeyUsage[] }): object[] {
  const usages = options.extendedKeyUsage ?? ['serverAuth', 'clientAuth'];
  return [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', ...Object.fromEntries(usages.map((usage) => [usage, true])) },
    {
      name: 'subjectAltName',
      altNames: options.hostnames.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
    },
  ];
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
