/**
 * What a server or client learns about the other side's certificate, and how a failed verification maps to the fault
 * catalogue. Node verifies the chain; the harness turns Node's error codes into reasons a vendor can act on.
 */
import type { PeerCertificate, TLSSocket } from 'node:tls';
import forge from 'node-forge';
import type { FaultReason } from '../protocol/fault-reasons.ts';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  oin?: string;
  validFrom: string;
  validTo: string;
  sha256: string;
}

export type PeerCheck =
  | { ok: true; certificate: CertificateSummary & { oin: string } }
  | { ok: false; reason: FaultReason; detail: string; certificate?: CertificateSummary };

const nodeErrorToReason: Record<string, FaultReason> = {
  CERT_HAS_EXPIRED: 'CertificaatVerlopen',
  CERT_NOT_YET_VALID: 'CertificaatNogNietGeldig',
  CERT_REVOKED: 'CertificaatIngetrokken',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'CertificaatOnbekendeUitgever',
  UNABLE_TO_GET_ISSUER_CERT: 'CertificaatOnbekendeUitgever',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'CertificaatOnbekendeUitgever',
  SELF_SIGNED_CERT_IN_CHAIN: 'CertificaatOnbekendeUitgever',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'CertificaatOnbekendeUitgever',
  // The world's servers hold the CRLs of every CA they trust, so a missing CRL means the issuer is not one of them.
  UNABLE_TO_GET_CRL: 'CertificaatOnbekendeUitgever',
  INVALID_PURPOSE: 'CertificaatVerkeerdGebruik',
  // Node has no name for OpenSSL's security-level refusals (key too small, digest too weak): they read UNSPECIFIED.
  UNSPECIFIED: 'CertificaatTeZwak',
};

function dn(fields: Record<string, string | string[] | undefined> | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

/** A 20-digit OIN in the subject serialNumber, as PKIoverheid certificates carry it [pub]. */
function oinOf(cert: PeerCertificate): string | undefined {
  const serial = (cert.subject as unknown as Record<string, string | undefined>)['serialNumber'];
  return serial && /^\d{20}$/.test(serial) ? serial : undefined;
}

export function summarize(cert: PeerCertificate): CertificateSummary {
  const oin = oinOf(cert);
  return {
    subject: dn(cert.subject as unknown as Record<string, string>),
    issuer: dn(cert.issuer as unknown as Record<string, string>),
    ...(oin ? { oin } : {}),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    sha256: cert.fingerprint256,
  };
}

const SHA1_SIGNATURES = new Set(['1.2.840.113549.1.1.5', '1.3.14.3.2.29', '1.2.840.10040.4.3', '1.2.840.10045.4.1']);

/** An RSA key under 2048 bits or a SHA-1 signature, in words; nothing when the certificate is strong enough. */
function weakness(cert: PeerCertificate): string | undefined {
  if (cert.bits !== undefined && cert.bits < 2048 && !cert.asn1Curve) return `RSA-sleutel van ${cert.bits} bits`;
  const signatureOid = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(cert.raw.toString('binary')))).siginfo.algorithmOid;
  return SHA1_SIGNATURES.has(signatureOid) ? 'SHA-1-handtekening' : undefined;
}

/**
 * Check the client certificate on a server socket that was opened with requestCert and rejectUnauthorized: false.
 * `tolerate` names problems to look past (only the reference LAS's deliberate faults use it).
 */
export function checkClientCertificate(socket: TLSSocket, tolerate: readonly FaultReason[] = []): PeerCheck {
  // A kept-alive connection carries many requests over one handshake: check its certificate once.
  let check = checked.get(socket);
  if (!check) {
    check = checkOnce(socket, tolerate);
    checked.set(socket, check);
  }
  return check;
}

const checked = new WeakMap<TLSSocket, PeerCheck>();

function checkOnce(socket: TLSSocket, tolerate: readonly FaultReason[]): PeerCheck {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return { ok: false, reason: 'GeenClientCertificaat', detail: '' };
  const certificate = summarize(cert);
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? 'onbekend');
    const reason = nodeErrorToReason[code] ?? 'CertificaatOngeldig';
    if (!tolerate.includes(reason)) return { ok: false, reason, detail: `(${code})`, certificate };
  }
  // Checked here as well as by OpenSSL's security level, so a server that must allow old TLS versions (and so runs at
  // level 0) still refuses weak certificates unless told to tolerate them.
  const zwakte = weakness(cert);
  if (zwakte && !tolerate.includes('CertificaatTeZwak')) return { ok: false, reason: 'CertificaatTeZwak', detail: `(${zwakte})`, certificate };
  if (!certificate.oin) return { ok: false, reason: 'CertificaatZonderOin', detail: `Subject: ${certificate.subject}.`, certificate };
  return { ok: true, certificate: { ...certificate, oin: certificate.oin } };
}
