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
}

/** The security level of every conformant party of the simulated world. */
export const CONFORMANT_CIPHERS = 'DEFAULT:@SECLEVEL=2';
