/** What a party needs for mutual TLS: its own certificate and key, and the trust anchor(s) it accepts. */
export interface TlsIdentity {
  certPem: string;
  keyPem: string;
  /** PEM of the CA certificate(s) this party trusts. */
  caPem: string;
  /** PEM of the CRL(s) a server checks client certificates against; without it revocation is not checked. */
  crlPem?: string;
}
