/** A party the harness plays, as its TLS certificate names it. */
export interface PartyIdentity {
  /** Stable id; also the certificate's file name (`<id>.crt`, `<id>.key`). */
  id: string;
  commonName: string;
  organisation: string;
  /** Organisatie-identificatienummer; goes into the subject's serialNumber, as in PKIoverheid certificates. */
  oin: string;
  /** DNS names and IP addresses the party serves on; an IP address becomes an iPAddress SAN. */
  hostnames: string[];
}

const loopback = ['localhost', '127.0.0.1'];

/**
 * The OINs are synthetic, a harness choice: they have the form of an OIN derived from a KvK number (00000003 + 8-digit
 * KvK-like number + 0000), so they pass the same shape checks a real LAS applies, but the numbers are made up and mean
 * something only under the test CA.
 */
export const testPkiParties: PartyIdentity[] = [
  {
    id: 'tc',
    commonName: 'OSO Testbank Traffic Center',
    organisation: 'OSO Testbank (simulatie)',
    oin: '00000003999000010000',
    hostnames: [...loopback],
  },
  {
    id: 'testschool-po',
    commonName: 'OSO Testbank Testschool PO',
    organisation: 'OSO Testbank (simulatie)',
    oin: '00000003999000020000',
    hostnames: [...loopback],
  },
  {
    id: 'testschool-vo',
    commonName: 'OSO Testbank Testschool VO',
    organisation: 'OSO Testbank (simulatie)',
    oin: '00000003999000030000',
    hostnames: [...loopback],
  },
  {
    id: 'reference-las',
    commonName: 'OSO Testbank Referentie-LAS',
    organisation: 'OSO Testbank Referentie-LAS (simulatie)',
    oin: '00000003999000040000',
    hostnames: [...loopback],
  },
];
