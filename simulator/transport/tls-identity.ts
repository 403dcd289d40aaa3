import type { Namen } from './naam-resolutie.ts';

/** What a party needs for mutual TLS: its own certificate and key, and the trust anchor(s) it accepts. */
export interface TlsIdentity {
  certPem: string;
  keyPem: string;
  /** PEM of the CA certificate(s) this party trusts. */
  caPem: string;
  /**
   * CRLs this party checks the other side's chain against, one PEM per CRL (Node reads only the first CRL of a string,
   * and once it has any CRL it wants one for every CA of the chain). Without them revocation is not checked.
   */
  crlPems?: string[];
  /**
   * OpenSSL cipher string. A conformant party runs at security level 2 (the default of current Linux distributions): it
   * refuses RSA keys under 2048 bits and SHA-1 signatures. Presenting a SHA-1 certificate at all needs level 0.
   */
  ciphers?: string;
  /**
   * Host names this party resolves itself when it connects (naam-resolutie.ts): the harness reaching a LAS on a test
   * network by name, or a standalone LAS reaching the harness. Part of the identity since every connection a party makes
   * starts from it.
   */
  namen?: Namen;
}

/** The security level of every conformant party of the simulated world. */
export const CONFORMANT_CIPHERS = 'DEFAULT:@SECLEVEL=2';

/** OpenSSL's lowest security level: what TLS 1.0/1.1, 1024-bit keys and SHA-1 need (faults and probes only). */
export const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** OpenSSL 3 neither offers nor accepts TLS below 1.2 unless the security level is lowered to 0. */
export function ciphersFor(tls: TlsIdentity, version: TlsVersion | undefined): string {
  return version === 'TLSv1' || version === 'TLSv1.1' ? LEGACY_CIPHERS : (tls.ciphers ?? CONFORMANT_CIPHERS);
}
