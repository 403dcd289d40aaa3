/**
 * The catalogue of bad certificates: each one is wrong in exactly one way, so that a LAS that accepts it shows which
 * check it lacks. Every entry says what it is (in Dutch, for the vendor), in which direction of the TLS connection it
 * is meant to be used, which party it stands in for, how OpenSSL and Node report it, and what a conformant LAS does.
 * Data only: catalogue.ts issues them, vendor-readme.ts explains them to a vendor, tests/certs verifies them.
 */
import type { CertificateName, ExtendedKeyUsage, SignatureDigest } from './issue-certificate.ts';

export const catalogueIds = [
  'verlopen',
  'nog-niet-geldig',
  'ingetrokken',
  'onbekende-ca',
  'zelfondertekend',
  'andere-oin',
  'alleen-server-eku',
  'rsa-1024',
  'sha1',
  'verkeerde-hostnaam',
] as const;
export type CatalogueId = (typeof catalogueIds)[number];

/**
 * - `client`: a simulated party (a testschool) presents it as client certificate when it calls the LAS under test;
 * - `server`: a simulated server (the TC or a testschool's aanleverpunt) presents it when the LAS under test calls it.
 */
export type Richting = 'client' | 'server';

/** What a verifier must check to see the flaw; the default chain check alone (trust anchor: the root) is implied. */
export interface VerificationSettings {
  /** Revocation: `openssl verify -crl_check_all -CRLfile crl.pem`; Node: `crl` with each CRL as its own string. */
  crl?: boolean;
  /** `openssl verify -purpose`; a Node TLS server checks client certificates for sslclient, a client servers for sslserver. */
  purpose?: 'sslclient' | 'sslserver';
  /** `openssl verify -verify_hostname`; Node checks the name it connected to (checkServerIdentity). */
  hostname?: string;
  /**
   * OpenSSL security level at which the flaw is refused: `openssl verify -auth_level N`; Node (default level 1):
   * `ciphers: 'DEFAULT:@SECLEVEL=N'`. Level 2 is the default of current Debian, Ubuntu and RHEL OpenSSL builds.
   */
  securityLevel?: 1 | 2;
}

export interface ExpectedVerificationError {
  /** What `openssl verify` prints with `verify`'s settings: "error <number> at 0 depth lookup: <text>". */
  openssl: { code: string; number: number; text: string };
  /**
   * What Node reports: `socket.authorizationError` on a TLS server for a client certificate, `error.code` on a TLS
   * client for a server certificate. Node has no names for OpenSSL's security-level errors: those read UNSPECIFIED.
   */
  node: string;
}

/** How the certificate is made; everything not named is as in the party's good certificate. */
export interface Recipe {
  validity: 'geldig' | 'verlopen' | 'nog-niet-geldig';
  issuer: 'intermediate' | 'onbekende-root' | 'zelf';
  key: 'partij' | 'rsa-1024';
  digest: SignatureDigest;
  extendedKeyUsage?: readonly ExtendedKeyUsage[];
  hostnames?: readonly string[];
  /** Another name and OIN than the party's. */
  subject?: CertificateName & { oin: string };
  /** Listed in the intermediate's CRL. */
  revoked?: boolean;
}

export interface CatalogueEntry {
  id: CatalogueId;
  /** Dutch: what is wrong with it. */
  beschrijving: string;
  richting: readonly Richting[];
  /** Id of the harness party (certs/parties.ts) whose place it takes. */
  partij: string;
  /** Dutch: what a conformant LAS does when it is offered this certificate. */
  conformGedrag: string;
  /**
   * Where a conformant LAS refuses it: `tls`, in its certificate check (as a failed handshake, or, like the simulator,
   * as a SOAP Fault after it); `bericht`, on the message, because the certificate itself is valid.
   */
  weigering: 'tls' | 'bericht';
  /** Null when the certificate is valid and only its use is wrong. */
  expectedError: ExpectedVerificationError | null;
  verify: VerificationSettings;
  /**
   * TLS options the side that presents it needs in Node: OpenSSL 3 at its default security level refuses to load a
   * SHA-1 signed certificate at all ("ca md too weak").
   */
  presentWith?: { ciphers: string };
  recipe: Recipe;
}

/** The party every entry stands in for: the VO testschool both calls a LAS (as doel) and serves an aanleverpunt (as bron). */
const partij = 'testschool-vo';
const geldig = { validity: 'geldig', issuer: 'intermediate', key: 'partij', digest: 'sha256' } as const satisfies Recipe;
/** The second root that issues `onbekende-ca`: a well-formed CA that nobody installed as trust anchor. */
export const unknownRootName = {
  commonName: 'OSO Testbank Onbekende Test-Root',
  organisation: 'Onbekende Uitgever (simulatie)',
} as const satisfies CertificateName;
/** RFC 6761 reserves .invalid: this name can never resolve to the system under test. */
export const wrongHostname = 'verkeerde-host.oso-testbank.invalid';

/**
 * A vendor that exists in the test PKI but owns none of the aanleverpunten in the simulator: its certificate is
 * valid, only not for the aanleverpunt it claims. OIN synthetic, in the form of the harness's other OINs.
 */
export const andereLeverancier = {
  commonName: 'OSO Testbank Andere Leverancier',
  organisation: 'Andere Leverancier (simulatie)',
  oin: '00000003999000050000',
} as const satisfies CertificateName;

export const catalogueEntries: readonly CatalogueEntry[] = [
  {
    id: 'verlopen',
    beschrijving: 'Het certificaat van Testschool VO, uitgegeven door de test-CA, maar de geldigheid is 30 dagen geleden verstreken.',
    richting: ['client', 'server'],
    partij,
    conformGedrag: 'Weigert de verbinding: een verlopen certificaat is ongeldig, ook als de keten verder klopt.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'CERT_HAS_EXPIRED', number: 10, text: 'certificate has expired' }, node: 'CERT_HAS_EXPIRED' },
    verify: {},
    recipe: { ...geldig, validity: 'verlopen' },
  },
  {
    id: 'nog-niet-geldig',
    beschrijving: 'Het certificaat van Testschool VO, uitgegeven door de test-CA, maar pas over een jaar geldig (notBefore in de toekomst).',
    richting: ['client', 'server'],
    partij,
    conformGedrag: 'Weigert de verbinding: het certificaat is nog niet geldig.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'CERT_NOT_YET_VALID', number: 9, text: 'certificate is not yet valid' }, node: 'CERT_NOT_YET_VALID' },
    verify: {},
    recipe: { ...geldig, validity: 'nog-niet-geldig' },
  },
  {
    id: 'ingetrokken',
    beschrijving:
      'Het certificaat van Testschool VO, geldig en uitgegeven door de test-CA, maar ingetrokken: het staat (reden keyCompromise) op de CRL van de test-CA in catalogus/crl.pem.',
    richting: ['client', 'server'],
    partij,
    conformGedrag:
      'Controleert de intrekkingsstatus tegen de CRL van de uitgever en weigert de verbinding. Zonder CRL-controle lijkt dit certificaat geldig: dat is precies wat deze test aantoont.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'CERT_REVOKED', number: 23, text: 'certificate revoked' }, node: 'CERT_REVOKED' },
    verify: { crl: true },
    recipe: { ...geldig, revoked: true },
  },
  {
    id: 'onbekende-ca',
    beschrijving: `Naam en OIN van Testschool VO, maar uitgegeven door een tweede root ("${unknownRootName.commonName}") die niet tot de test-PKI hoort. Het certificaat wordt zonder keten aangeboden.`,
    richting: ['client', 'server'],
    partij,
    conformGedrag:
      'Weigert de verbinding: het certificaat leidt niet naar het geïnstalleerde vertrouwensanker. Naam en OIN in het certificaat zeggen niets zolang de uitgever niet vertrouwd is.',
    weigering: 'tls',
    // openssl verify and a TLS handshake name the same situation differently: the issuer of the leaf is not found.
    expectedError: {
      openssl: { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', number: 20, text: 'unable to get local issuer certificate' },
      node: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    },
    verify: {},
    recipe: { ...geldig, issuer: 'onbekende-root' },
  },
  {
    id: 'zelfondertekend',
    beschrijving: 'Naam, OIN en sleutel van Testschool VO, maar door zichzelf ondertekend in plaats van door de test-CA.',
    richting: ['client', 'server'],
    partij,
    conformGedrag: 'Weigert de verbinding: een zelfondertekend certificaat is geen PKIoverheid-certificaat, ook niet als naam en OIN kloppen.',
    weigering: 'tls',
    expectedError: {
      openssl: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', number: 18, text: 'self-signed certificate' },
      node: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    },
    verify: {},
    recipe: { ...geldig, issuer: 'zelf' },
  },
  {
    id: 'andere-oin',
    beschrijving: `Een geldig certificaat van de test-CA, maar van een andere leverancier ("${andereLeverancier.organisation}", OIN ${andereLeverancier.oin}), gebruikt voor berichten namens het aanleverpunt van Testschool VO.`,
    richting: ['client'],
    partij,
    conformGedrag:
      'Accepteert de TLS-verbinding (het certificaat is geldig), maar controleert het OIN in het subject-serialNumber tegen het systeem dat de sessie opende (bij documentRequest: het doelOin uit de sessiecontrole) en geeft het dossier niet vrij (resultaat CertificaatNietVanDoel).',
    weigering: 'bericht',
    expectedError: null,
    verify: {},
    recipe: { ...geldig, subject: andereLeverancier },
  },
  {
    id: 'alleen-server-eku',
    beschrijving:
      'Het certificaat van Testschool VO, geldig en uitgegeven door de test-CA, maar de extended key usage staat alleen serverAuth toe; het wordt als clientcertificaat gebruikt.',
    richting: ['client'],
    partij,
    conformGedrag: 'Weigert het als clientcertificaat: zonder clientAuth in de extended key usage mag het niet voor client-authenticatie dienen.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'INVALID_PURPOSE', number: 26, text: 'unsuitable certificate purpose' }, node: 'INVALID_PURPOSE' },
    verify: { purpose: 'sslclient' },
    recipe: { ...geldig, extendedKeyUsage: ['serverAuth'] },
  },
  {
    id: 'rsa-1024',
    beschrijving: 'Het certificaat van Testschool VO, geldig en uitgegeven door de test-CA, maar met een RSA-sleutel van 1024 bit (een eigen, zwakke sleutel).',
    richting: ['client', 'server'],
    partij,
    conformGedrag:
      'Weigert de verbinding: RSA-sleutels korter dan 2048 bit zijn niet toegestaan (PKIoverheid eist minstens 2048 bit). OpenSSL doet dat vanaf beveiligingsniveau 2; Node staat standaard op niveau 1 en accepteert de sleutel dan.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'EE_KEY_TOO_SMALL', number: 66, text: 'EE certificate key too weak' }, node: 'UNSPECIFIED' },
    verify: { securityLevel: 2 },
    // A party running at level 2, as the simulator's do, cannot even load its own 1024-bit key.
    presentWith: { ciphers: 'DEFAULT:@SECLEVEL=0' },
    recipe: { ...geldig, key: 'rsa-1024' },
  },
  {
    id: 'sha1',
    beschrijving: 'Het certificaat van Testschool VO, geldig en uitgegeven door de test-CA, maar ondertekend met SHA-1 (sha1WithRSAEncryption).',
    richting: ['client', 'server'],
    partij,
    conformGedrag: 'Weigert de verbinding: een handtekening met SHA-1 is niet meer veilig en niet toegestaan; de uitgever moet SHA-256 of sterker gebruiken.',
    weigering: 'tls',
    expectedError: {
      openssl: { code: 'CA_MD_TOO_WEAK', number: 68, text: 'CA signature digest algorithm too weak' },
      node: 'UNSPECIFIED',
    },
    verify: { securityLevel: 1 },
    presentWith: { ciphers: 'DEFAULT:@SECLEVEL=0' },
    recipe: { ...geldig, digest: 'sha1' },
  },
  {
    id: 'verkeerde-hostnaam',
    beschrijving: `Het certificaat van Testschool VO, geldig en uitgegeven door de test-CA, maar voor een andere hostnaam (alleen ${wrongHostname}; geen localhost, geen 127.0.0.1).`,
    richting: ['server'],
    partij,
    conformGedrag:
      'Controleert als client dat de servernaam in het certificaat (subjectAltName) de hostnaam of het IP-adres is waarmee hij verbindt, en verbreekt anders de verbinding.',
    weigering: 'tls',
    expectedError: { openssl: { code: 'HOSTNAME_MISMATCH', number: 62, text: 'hostname mismatch' }, node: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    verify: { hostname: 'localhost' },
    recipe: { ...geldig, hostnames: [wrongHostname] },
  },
];
