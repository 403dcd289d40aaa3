/**
 * The named faults of the reference LAS: deliberate misbehaviours that prove each check of the harness catches what it
 * claims to catch. A qualification against the reference LAS with a fault switched on must fail, in exactly the runs
 * matched by `vangtIn` (scenario id/role, * matches anything): no collateral failures that would hide a weak check.
 */
import type { LasGedrag } from '../las/las-system.ts';

export const referenceLasFaults = {
  'skip-sessiecontrole': {
    omschrijving: 'Geeft het dossier vrij zonder eerst sessiecontrole te doen bij het Traffic Center.',
    gedrag: { sessiecontroleOverslaan: true },
    // Without sessiecontrole the bron never learns which system opened the session, so the OIN check falls with it.
    vangtIn: ['regulier-povo/bron', 'oin-van-ander-systeem/bron', 'tls-client-andere-oin/bron'],
  },
  'ignore-oin': {
    omschrijving: 'Geeft het dossier vrij aan elk systeem met een geldig certificaat, ook als dat niet de doel van de sessie is.',
    gedrag: { oinNegeren: true },
    vangtIn: ['oin-van-ander-systeem/bron', 'tls-client-andere-oin/bron'],
  },
  'notify-everyone': {
    omschrijving: 'Stuurt bij klaarzetten met notificatie een notificatie aan elk systeem dat ooit iets opvroeg, ook voor andere leerlingen en scholen, niet alleen aan wie dit dossier vroeg.',
    gedrag: { notificeerIedereen: true },
    vangtIn: ['notificatie/bron'],
  },
  'no-notificatie': {
    omschrijving: 'Stuurt geen notificatie, ook niet als de gebruiker bij klaarzetten koos voor notificeren.',
    gedrag: { notificatieOverslaan: true },
    vangtIn: ['notificatie/bron'],
  },
  'accept-tls10': {
    omschrijving: 'Het aanleverpunt accepteert nog TLS 1.0 en 1.1.',
    gedrag: { minTlsVersie: 'TLSv1' },
    vangtIn: ['tls-versie-te-oud/bron'],
  },
  'accept-expired-client-cert': {
    omschrijving: 'Het aanleverpunt accepteert een verlopen clientcertificaat.',
    gedrag: { tolereer: ['CertificaatVerlopen'] },
    vangtIn: ['tls-client-verlopen/bron'],
  },
  'accept-not-yet-valid-client-cert': {
    omschrijving: 'Het aanleverpunt accepteert een clientcertificaat dat nog niet geldig is.',
    gedrag: { tolereer: ['CertificaatNogNietGeldig'] },
    vangtIn: ['tls-client-nog-niet-geldig/bron'],
  },
  'accept-revoked-client-cert': {
    omschrijving: 'Het aanleverpunt controleert clientcertificaten niet tegen de CRL en accepteert een ingetrokken certificaat.',
    gedrag: { serverZonderIntrekkingscontrole: true },
    vangtIn: ['tls-client-ingetrokken/bron'],
  },
  'accept-untrusted-client-cert': {
    omschrijving: 'Het aanleverpunt accepteert clientcertificaten van een onbekende CA en zelfondertekende certificaten.',
    gedrag: { tolereer: ['CertificaatOnbekendeUitgever'] },
    vangtIn: ['tls-client-onbekende-ca/bron', 'tls-client-zelfondertekend/bron'],
  },
  'accept-server-eku-client-cert': {
    omschrijving: 'Het aanleverpunt accepteert als clientcertificaat een certificaat dat alleen voor servers bedoeld is.',
    gedrag: { tolereer: ['CertificaatVerkeerdGebruik'] },
    vangtIn: ['tls-client-alleen-server-eku/bron'],
  },
  'accept-weak-client-cert': {
    omschrijving: 'Het aanleverpunt accepteert clientcertificaten met een RSA-sleutel van 1024 bits of een SHA-1-handtekening.',
    gedrag: { zwakkeClientcertificatenToestaan: true, tolereer: ['CertificaatTeZwak'] },
    vangtIn: ['tls-client-rsa-1024/bron', 'tls-client-sha1/bron'],
  },
  'trust-any-server-cert': {
    omschrijving: 'De LAS controleert het certificaat van de servers die hij aanroept (TC, aanleverpunt) niet.',
    gedrag: { vertrouwElkeServer: true },
    vangtIn: ['tls-server-*/doel'],
  },
  'skip-server-revocation-check': {
    omschrijving: 'De LAS controleert servercertificaten niet tegen de CRL.',
    gedrag: { clientZonderIntrekkingscontrole: true },
    vangtIn: ['tls-server-*-ingetrokken/doel'],
  },
  'ignore-hostname': {
    omschrijving: 'De LAS controleert niet of het servercertificaat de naam draagt van de server waarmee hij verbindt.',
    gedrag: { hostnaamNegeren: true },
    vangtIn: ['tls-server-*-verkeerde-hostnaam/doel'],
  },
} as const satisfies Record<string, { omschrijving: string; gedrag: LasGedrag; vangtIn: readonly string[] }>;

export type ReferenceLasFault = keyof typeof referenceLasFaults;

export function isReferenceLasFault(name: string): name is ReferenceLasFault {
  return Object.hasOwn(referenceLasFaults, name);
}

/** The combined behaviour of several faults; tolerated certificate problems add up. */
export function gedragVoor(faults: readonly ReferenceLasFault[]): LasGedrag {
  const gedrag: LasGedrag = {};
  for (const f of faults) {
    const g: LasGedrag = referenceLasFaults[f].gedrag;
    Object.assign(gedrag, g, g.tolereer ? { tolereer: [...(gedrag.tolereer ?? []), ...g.tolereer] } : {});
  }
  return gedrag;
}
