/**
 * The named faults of the reference LAS: deliberate misbehaviours that prove each check of the harness catches what it
 * claims to catch. A qualification against the reference LAS with a fault switched on must fail, in exactly the runs
 * matched by `vangtIn` (scenario id/role, * matches anything): no collateral failures that would hide a weak check. A
 * fault that only shows under load (`onderLast`) fails no run (`vangtIn` is empty) and is proven by the load test instead.
 * `omschrijving` is for the developer (`reference-las --list-faults --verbose`), so it is English.
 */
import type { LasGedrag } from '../las/las-system.ts';

/** The handling time per documentRequest of `slow-under-load`: its AP breaks above 1000 / this many requests a second. */
export const SLOW_UNDER_LOAD_MS = 200;

export const referenceLasFaults = {
  'skip-sessiecontrole': {
    omschrijving: 'Answers a documentRequest without first doing sessiecontrole at the Traffic Center, and so releases a klaargezet dossier.',
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
    omschrijving: 'Releases the dossier to any system with a valid certificate, also when it is not the doel of the session.',
    gedrag: { oinNegeren: true },
    vangtIn: ['oin-van-ander-systeem/bron', 'tls-client-andere-oin/bron'],
  },
  'notify-everyone': {
    omschrijving: 'On klaarzetten with notificatie, notifies every system that ever asked for anything, also for other pupils and schools, not only the one that asked for this dossier.',
    gedrag: { notificeerIedereen: true },
    vangtIn: ['notificatie/bron'],
  },
  'no-notificatie': {
    omschrijving: 'Sends no notificatie, even when the user chose to notify on klaarzetten.',
    gedrag: { notificatieOverslaan: true },
    vangtIn: ['notificatie/bron'],
  },
  'lose-notificatie': {
    omschrijving: 'Acknowledges a received notificatie (NotificatieOntvangen) but does not record it: the user never hears that the dossier is ready.',
    gedrag: { notificatieVergeten: true },
    vangtIn: ['notificatie/doel'],
  },
  'accept-tls10': {
    omschrijving: 'The aanleverpunt still accepts TLS 1.0 and 1.1.',
    gedrag: { minTlsVersie: 'TLSv1' },
    vangtIn: ['tls-versie-te-oud/bron'],
  },
  'accept-expired-client-cert': {
    omschrijving: 'The aanleverpunt accepts an expired client certificate.',
    gedrag: { tolereer: ['CertificaatVerlopen'] },
    vangtIn: ['tls-client-verlopen/bron'],
  },
  'accept-not-yet-valid-client-cert': {
    omschrijving: 'The aanleverpunt accepts a client certificate that is not yet valid.',
    gedrag: { tolereer: ['CertificaatNogNietGeldig'] },
    vangtIn: ['tls-client-nog-niet-geldig/bron'],
  },
  'accept-revoked-client-cert': {
    omschrijving: 'The aanleverpunt does not check client certificates against the CRL and accepts a revoked certificate.',
    gedrag: { serverZonderIntrekkingscontrole: true },
    vangtIn: ['tls-client-ingetrokken/bron'],
  },
  'accept-untrusted-client-cert': {
    omschrijving: 'The aanleverpunt accepts client certificates of an unknown CA and self-signed certificates.',
    gedrag: { tolereer: ['CertificaatOnbekendeUitgever'] },
    vangtIn: ['tls-client-onbekende-ca/bron', 'tls-client-zelfondertekend/bron'],
  },
  'accept-server-eku-client-cert': {
    omschrijving: 'The aanleverpunt accepts, as a client certificate, a certificate meant for servers only.',
    gedrag: { tolereer: ['CertificaatVerkeerdGebruik'] },
    vangtIn: ['tls-client-alleen-server-eku/bron'],
  },
  'accept-weak-client-cert': {
    omschrijving: 'The aanleverpunt accepts client certificates with a 1024-bit RSA key or a SHA-1 signature.',
    gedrag: { zwakkeClientcertificatenToestaan: true, tolereer: ['CertificaatTeZwak'] },
    vangtIn: ['tls-client-rsa-1024/bron', 'tls-client-sha1/bron'],
  },
  'trust-any-server-cert': {
    omschrijving: 'The LAS does not check the certificate of the servers it calls (TC, aanleverpunt).',
    gedrag: { vertrouwElkeServer: true },
    vangtIn: ['tls-server-*/doel', 'verlopen-certificaat/doel'],
  },
  'skip-server-revocation-check': {
    omschrijving: 'The LAS does not check server certificates against the CRL.',
    gedrag: { clientZonderIntrekkingscontrole: true },
    vangtIn: ['tls-server-*-ingetrokken/doel'],
  },
  'ignore-hostname': {
    omschrijving: 'The LAS does not check that the server certificate carries the name of the server it connects to.',
    gedrag: { hostnaamNegeren: true },
    vangtIn: ['tls-server-*-verkeerde-hostnaam/doel'],
  },
  'release-despite-tc-refusal': {
    omschrijving: 'Does sessiecontrole, but releases the dossier also when the Traffic Center refuses the session.',
    gedrag: { tcWeigeringNegeren: true },
    vangtIn: ['sessie-afwijkend/bron', 'sessie-reeds-afgemeld/bron'],
  },
  'ignore-doel-brin': {
    omschrijving: 'Releases a dossier also to a school it was not klaargezet for.',
    gedrag: { doelBrinNegeren: true },
    vangtIn: ['klaargezet-voor-andere-school/bron', 'tweede-school/bron'],
  },
  'klaarzetten-for-two-schools': {
    omschrijving: 'Klaarzetten a dossier again for another school leaves the earlier klaarzetten in place: it is ready for two schools.',
    gedrag: { tweeScholen: true },
    vangtIn: ['tweede-school/bron'],
  },
  'match-on-pgnfrag': {
    omschrijving: 'Looks the pupil up by the last four digits of the PGN only, without the zoeksleutel (and so without the date of birth).',
    gedrag: { zoekOpPgnfrag: true },
    vangtIn: ['geboortedatum-onjuist/bron', 'onbekende-leerling/bron'],
  },
  'release-unprepared': {
    omschrijving: 'Releases the dossier of every known pupil, also when it was not klaargezet.',
    gedrag: { zonderKlaarzetten: true },
    vangtIn: ['niet-klaargezet/bron', 'notificatie/bron'],
  },
  'wrong-pgn-check': {
    omschrijving: 'Knows pupils by their BSN only: a pupil with an onderwijsnummer is not found, a dossier without a BSN is refused.',
    gedrag: { alleenBsn: true },
    vangtIn: ['asielleerling-onderwijsnummer/bron', 'asielleerling-onderwijsnummer/doel'],
  },
  'ignore-doel-sector': {
    omschrijving: 'Builds the dossier for the sector of its own school and ignores the doel school\'s sector from the sessiecontrole (PO to PO becomes POVO).',
    gedrag: { doelsectorNegeren: true },
    vangtIn: ['asielleerling-onderwijsnummer/bron', 'regulier-popo/bron', 'swv-zonder-bsn/bron'],
  },
  'binnen-brin-as-overstap': {
    omschrijving: 'Delivers, for a transfer to another vestiging of the same BRIN, a regular overstapdossier instead of a dossier within the BRIN.',
    gedrag: { binnenBrinNegeren: true },
    vangtIn: ['binnen-brin/bron'],
  },
  'send-bsn-in-swv': {
    omschrijving: 'Puts the BSN or onderwijsnummer in an SWV dossier too.',
    gedrag: { pgnInSwv: true },
    vangtIn: ['swv-zonder-bsn/bron'],
  },
  'ignore-opt-out': {
    omschrijving: 'Delivers the data of categories the parents objected to all the same (marked OPT-UIT).',
    gedrag: { optUitMetGegevens: true },
    vangtIn: ['binnen-brin/bron', 'opt-out/bron', 'regulier-popo/bron', 'regulier-povo/bron', 'regulier-vovo/bron', 'swv-zonder-bsn/bron', 'veel-bijlagen/bron', 'zorgdossier/bron'],
  },
  'serve-old-release': {
    omschrijving: 'After the summer release still releases a dossier of the previous gegevensset release.',
    gedrag: { versieNegeren: true },
    vangtIn: ['na-de-zomerrelease/bron'],
  },
  'ignore-release-switch': {
    omschrijving: 'Keeps working in the old gegevensset after the summer release: klaarzetten, opvragen and judging in the previous release.',
    gedrag: { releaseNegeren: true },
    vangtIn: ['na-de-zomerrelease/bron', 'na-de-zomerrelease/doel'],
  },
  'no-afmelding': {
    omschrijving: 'Does not close the session at the Traffic Center (afmelding) after opvragen.',
    gedrag: { afmeldingOverslaan: true },
    vangtIn: ['asielleerling-onderwijsnummer/doel', 'binnen-brin/doel', 'geboortedatum-onjuist/doel', 'klaargezet-voor-andere-school/doel', 'meerdere-aanleverpunten/doel', 'na-de-zomerrelease/doel', 'niet-klaargezet/doel', 'onbekende-leerling/doel', 'ongeldig-dossier/doel', 'regulier-popo/doel', 'regulier-povo/doel', 'regulier-vovo/doel', 'tweede-school/doel', 'veel-bijlagen/doel', 'zorgdossier/doel'],
  },
  'wrong-best-result': {
    omschrijving: 'Reports in the afmelding the result of the last aanleverpunt asked instead of the best one.',
    gedrag: { laatsteApResultaat: true },
    vangtIn: ['meerdere-aanleverpunten/doel'],
  },
  'hide-tc-refusal': {
    omschrijving: 'Shows the user a general error instead of the result code the Traffic Center refused with.',
    gedrag: { tcWeigeringVerbergen: true },
    vangtIn: ['onbekende-bronschool/doel'],
  },
  'import-invalid-dossier': {
    omschrijving: 'Takes in a received dossier without checking it against the gegevensset.',
    gedrag: { ongeldigImporteren: true },
    vangtIn: ['ongeldig-dossier/doel'],
  },
  'drop-attachments': {
    omschrijving: 'Stores a received dossier without its attachments.',
    gedrag: { bijlagenWeglaten: true },
    vangtIn: ['veel-bijlagen/doel', 'zorgdossier/doel'],
  },
  'slow-under-load': {
    omschrijving: `Its aanleverpunt handles one documentRequest at a time, ${SLOW_UNDER_LOAD_MS} ms each: latency grows with the requests in flight, and above ${1000 / SLOW_UNDER_LOAD_MS} documentRequests a second the queue grows without end. Only a load test (oso-testbank belasting) shows it; one request at a time, as qualify asks, it stays within every deadline.`,
    gedrag: { eenWerkerMs: SLOW_UNDER_LOAD_MS },
    // No qualification run fails: qualify never asks twice at once (the fault matrix proves every run still passes).
    vangtIn: [],
    onderLast: { breektBovenPerSeconde: 1000 / SLOW_UNDER_LOAD_MS },
  },
} as const satisfies Record<string, { omschrijving: string; gedrag: LasGedrag; vangtIn: readonly string[]; onderLast?: { breektBovenPerSeconde: number } }>;

export type ReferenceLasFault = keyof typeof referenceLasFaults;

export function isReferenceLasFault(name: string): name is ReferenceLasFault {
  return Object.hasOwn(referenceLasFaults, name);
}

/**
 * The combined behaviour of several faults; tolerated certificate problems add up. With `gelezen`, every switch the LAS
 * looks at is reported to it, also the ones no fault turned on: the fault matrix learns which faults a run could notice.
 */
export function gedragVoor(faults: readonly ReferenceLasFault[], gelezen?: (schakelaar: string) => void): LasGedrag {
  const gedrag: LasGedrag = {};
  for (const f of faults) {
    const g: LasGedrag = referenceLasFaults[f].gedrag;
    Object.assign(gedrag, g, g.tolereer ? { tolereer: [...(gedrag.tolereer ?? []), ...g.tolereer] } : {});
  }
  if (!gelezen) return gedrag;
  // Every way to look at a switch passes through here: reading one, asking whether it is there (also as an own
  // property), or listing them all.
  const hoor = (sleutel: string | symbol) => {
    if (typeof sleutel === 'string') gelezen(sleutel);
  };
  return new Proxy(gedrag, {
    get: (doel, sleutel, ontvanger) => {
      hoor(sleutel);
      return Reflect.get(doel, sleutel, ontvanger);
    },
    has: (doel, sleutel) => {
      hoor(sleutel);
      return Reflect.has(doel, sleutel);
    },
    getOwnPropertyDescriptor: (doel, sleutel) => {
      hoor(sleutel);
      return Reflect.getOwnPropertyDescriptor(doel, sleutel);
    },
    ownKeys: (doel) => {
      gelezen(ALLE_SCHAKELAARS);
      return Reflect.ownKeys(doel);
    },
  });
}

/** What `gedragVoor` reports when the LAS lists its switches (a spread, a copy) instead of reading one. */
export const ALLE_SCHAKELAARS = '*';

/**
 * Whether a LAS that read these switches (as `gedragVoor` reported them) could have behaved differently with the fault
 * switched on. When not, the LAS took the same path with the fault as without it: nothing of its behaviour depends on a
 * fault but through the switches of its `gedrag`.
 */
export function kanMerken(fault: ReferenceLasFault, gelezen: ReadonlySet<string>): boolean {
  return gelezen.has(ALLE_SCHAKELAARS) || Object.keys(referenceLasFaults[fault].gedrag).some((schakelaar) => gelezen.has(schakelaar));
}
