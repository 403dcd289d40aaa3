/**
 * The named faults of the reference LAS: deliberate misbehaviours that prove each check of the harness catches what it
 * claims to catch. A qualification against the reference LAS with a fault switched on must fail, in exactly the runs
 * matched by `vangtIn` (scenario id/role, * matches anything): no collateral failures that would hide a weak check.
 */
import type { LasGedrag } from '../las/las-system.ts';

export const referenceLasFaults = {
  'skip-sessiecontrole': {
    omschrijving: 'Beantwoordt een documentRequest zonder eerst sessiecontrole te doen bij het Traffic Center, en geeft een klaargezet dossier zo vrij.',
    gedrag: { sessiecontroleOverslaan: true },
    // Without sessiecontrole the bron never learns which system opened the session, so the OIN check falls with it.
    vangtIn: [
      'asielleerling-onderwijsnummer/bron',
      'binnen-brin/bron',
      'geboortedatum-onjuist/bron',
      'klaargezet-voor-andere-school/bron',
      'na-de-zomerrelease/bron',
      'niet-klaargezet/bron',
      'oin-van-ander-systeem/bron',
      'onbekende-leerling/bron',
      'opt-out/bron',
      'regulier-popo/bron',
      'regulier-povo/bron',
      'regulier-vovo/bron',
      'sessie-afwijkend/bron',
      'sessie-reeds-afgemeld/bron',
      'swv-zonder-bsn/bron',
      'tls-client-andere-oin/bron',
      'tweede-school/bron',
      'veel-bijlagen/bron',
      'zorgdossier/bron',
    ],
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
  'lose-notificatie': {
    omschrijving: 'Bevestigt een ontvangen notificatie (NotificatieOntvangen) maar legt haar niet vast: de gebruiker hoort nooit dat het dossier klaarstaat.',
    gedrag: { notificatieVergeten: true },
    vangtIn: ['notificatie/doel'],
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
    vangtIn: ['tls-server-*/doel', 'verlopen-certificaat/doel'],
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
  'release-despite-tc-refusal': {
    omschrijving: 'Doet sessiecontrole, maar geeft het dossier ook vrij als het Traffic Center de sessie afwijst.',
    gedrag: { tcWeigeringNegeren: true },
    vangtIn: ['sessie-afwijkend/bron', 'sessie-reeds-afgemeld/bron'],
  },
  'ignore-doel-brin': {
    omschrijving: 'Geeft een dossier ook vrij aan een school waarvoor het niet is klaargezet.',
    gedrag: { doelBrinNegeren: true },
    vangtIn: ['klaargezet-voor-andere-school/bron', 'tweede-school/bron'],
  },
  'klaarzetten-for-two-schools': {
    omschrijving: 'Een dossier opnieuw klaarzetten voor een andere school laat het eerdere klaarzetten staan: het staat voor twee scholen klaar.',
    gedrag: { tweeScholen: true },
    vangtIn: ['tweede-school/bron'],
  },
  'match-on-pgnfrag': {
    omschrijving: 'Zoekt de leerling alleen op de laatste vier cijfers van het PGN, zonder de zoeksleutel (en dus zonder geboortedatum).',
    gedrag: { zoekOpPgnfrag: true },
    vangtIn: ['geboortedatum-onjuist/bron', 'onbekende-leerling/bron'],
  },
  'release-unprepared': {
    omschrijving: 'Geeft het dossier van elke bekende leerling vrij, ook als het niet is klaargezet.',
    gedrag: { zonderKlaarzetten: true },
    vangtIn: ['niet-klaargezet/bron', 'notificatie/bron'],
  },
  'wrong-pgn-check': {
    omschrijving: 'Kent leerlingen alleen aan hun BSN: een leerling met een onderwijsnummer wordt niet gevonden, een dossier zonder BSN geweigerd.',
    gedrag: { alleenBsn: true },
    vangtIn: ['asielleerling-onderwijsnummer/bron', 'asielleerling-onderwijsnummer/doel'],
  },
  'ignore-doel-sector': {
    omschrijving: 'Stelt het dossier samen naar de sector van de eigen school en negeert de sector van de doelschool uit de sessiecontrole (PO naar PO wordt POVO).',
    gedrag: { doelsectorNegeren: true },
    vangtIn: ['asielleerling-onderwijsnummer/bron', 'regulier-popo/bron', 'swv-zonder-bsn/bron'],
  },
  'binnen-brin-as-overstap': {
    omschrijving: 'Levert bij een overdracht naar een andere vestiging van dezelfde BRIN een gewoon overstapdossier in plaats van een dossier binnen de BRIN.',
    gedrag: { binnenBrinNegeren: true },
    vangtIn: ['binnen-brin/bron'],
  },
  'send-bsn-in-swv': {
    omschrijving: 'Zet het BSN of onderwijsnummer ook in een SWV-dossier.',
    gedrag: { pgnInSwv: true },
    vangtIn: ['swv-zonder-bsn/bron'],
  },
  'ignore-opt-out': {
    omschrijving: 'Levert de gegevens van categorieën waartegen de ouders bezwaar maakten toch mee (gemarkeerd als OPT-UIT).',
    gedrag: { optUitMetGegevens: true },
    vangtIn: ['binnen-brin/bron', 'opt-out/bron', 'regulier-popo/bron', 'regulier-povo/bron', 'regulier-vovo/bron', 'swv-zonder-bsn/bron', 'veel-bijlagen/bron', 'zorgdossier/bron'],
  },
  'serve-old-release': {
    omschrijving: 'Geeft na de zomerrelease een dossier van de vorige gegevensset-release nog vrij.',
    gedrag: { versieNegeren: true },
    vangtIn: ['na-de-zomerrelease/bron'],
  },
  'ignore-release-switch': {
    omschrijving: 'Blijft na de zomerrelease in de oude gegevensset werken: klaarzetten, opvragen en beoordelen in de vorige release.',
    gedrag: { releaseNegeren: true },
    vangtIn: ['na-de-zomerrelease/bron', 'na-de-zomerrelease/doel'],
  },
  'no-afmelding': {
    omschrijving: 'Meldt de sessie na het opvragen niet af bij het Traffic Center.',
    gedrag: { afmeldingOverslaan: true },
    vangtIn: ['asielleerling-onderwijsnummer/doel', 'binnen-brin/doel', 'geboortedatum-onjuist/doel', 'klaargezet-voor-andere-school/doel', 'meerdere-aanleverpunten/doel', 'na-de-zomerrelease/doel', 'niet-klaargezet/doel', 'onbekende-leerling/doel', 'ongeldig-dossier/doel', 'regulier-popo/doel', 'regulier-povo/doel', 'regulier-vovo/doel', 'tweede-school/doel', 'veel-bijlagen/doel', 'zorgdossier/doel'],
  },
  'wrong-best-result': {
    omschrijving: 'Meldt bij de afmelding het resultaat van het laatst gevraagde aanleverpunt in plaats van het beste.',
    gedrag: { laatsteApResultaat: true },
    vangtIn: ['meerdere-aanleverpunten/doel'],
  },
  'hide-tc-refusal': {
    omschrijving: 'Toont de gebruiker een algemene foutmelding in plaats van de resultaatcode waarmee het Traffic Center weigerde.',
    gedrag: { tcWeigeringVerbergen: true },
    vangtIn: ['onbekende-bronschool/doel'],
  },
  'import-invalid-dossier': {
    omschrijving: 'Neemt een ontvangen dossier over zonder het tegen de gegevensset te controleren.',
    gedrag: { ongeldigImporteren: true },
    vangtIn: ['ongeldig-dossier/doel'],
  },
  'drop-attachments': {
    omschrijving: 'Bewaart een ontvangen dossier zonder de bijlagen.',
    gedrag: { bijlagenWeglaten: true },
    vangtIn: ['veel-bijlagen/doel', 'zorgdossier/doel'],
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
