/**
 * The result-code catalogue: every code the TC or a bron can answer, with who answers it, whether the name is public or
 * a choice of this harness, and a Dutch description that reports show. Stable ids: reports, docs and scenarios cite them.
 */
import type { Herkomst } from './profile.ts';

export interface ResultCodeInfo {
  /** Who answers with this code. */
  door: 'TC' | 'bron' | 'doel';
  herkomst: Herkomst;
  /** True when the request did what was asked. */
  succes: boolean;
  omschrijving: string;
}

export const resultCodes = {
  // Traffic Center
  Ok: { door: 'TC', herkomst: 'ours', succes: true, omschrijving: 'Verzoek geaccepteerd.' },
  VerstrekkerNietBekend: { door: 'TC', herkomst: 'pub', succes: false, omschrijving: 'De bronschool (verstrekker) is niet bekend bij het Traffic Center.' },
  SessieAfwijkend: { door: 'TC', herkomst: 'pub', succes: false, omschrijving: 'De gegevens in de sessiecontrole wijken af van die van de sessie.' },
  OnbekendAanleverpunt: { door: 'TC', herkomst: 'pub', succes: false, omschrijving: 'Het aanleverpunt is niet het aanleverpunt van de sessie of is onbekend.' },
  GeenRelatieMetDoel: { door: 'TC', herkomst: 'pub', succes: false, omschrijving: 'Een overdracht binnen BRIN is alleen mogelijk binnen één BRIN.' },
  SessieReedsAfgemeld: { door: 'TC', herkomst: 'pub', succes: false, omschrijving: 'De sessie is al afgemeld.' },
  SessieOnbekend: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'Het Traffic Center kent deze sessie niet.' },
  SessieVerlopen: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'De sessie is verlopen.' },
  CertificaatHoortNietBijAanleverpunt: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'Het aanleverpunt hoort niet bij het certificaat waarmee het bericht is verstuurd.' },
  AanleverpuntNietActief: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'Het aanleverpunt van de doelschool is niet actief.' },
  GeenActiefAanleverpunt: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'De bronschool heeft geen actief aanleverpunt.' },
  OngeldigeOverdrachtsoort: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'De overdrachtsoort is niet geldig.' },
  OngeldigeSleutel: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'Precies één van zoeksleutel en koppelsleutel moet gevuld zijn.' },
  OngeldigNotificatieDoel: { door: 'TC', herkomst: 'ours', succes: false, omschrijving: 'Het doel van de notificatie is niet geldig (verwacht: OV).' },
  // Bron on documentRequest
  DossierGeleverd: { door: 'bron', herkomst: 'ours', succes: true, omschrijving: 'Het dossier is geleverd.' },
  DossierNietKlaargezet: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'Er is voor deze leerling geen dossier klaargezet.' },
  DossierNietVoorDezeSchool: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'Het dossier is klaargezet voor een andere school.' },
  LeerlingOnbekend: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'De bronschool kent deze leerling niet.' },
  DossierVersieOnjuist: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'Het klaargezette dossier heeft niet de gevraagde versie van de gegevensset; het moet opnieuw worden klaargezet.' },
  SessiecontroleAfgewezen: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'Het Traffic Center heeft de sessiecontrole afgewezen; het dossier is niet vrijgegeven.' },
  CertificaatNietVanDoel: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'Het certificaat van de vrager is niet dat van het systeem dat de sessie opende; het dossier is niet vrijgegeven.' },
  SessiecontroleMislukt: { door: 'bron', herkomst: 'ours', succes: false, omschrijving: 'De sessiecontrole bij het Traffic Center kon niet worden uitgevoerd; het dossier is niet vrijgegeven.' },
  // Doel on notificatieRequest
  NotificatieOntvangen: { door: 'doel', herkomst: 'pub', succes: true, omschrijving: 'De notificatie is ontvangen.' },
  // Doel, when a party gave no usable answer at all
  TrafficCenterOnbereikbaar: { door: 'doel', herkomst: 'ours', succes: false, omschrijving: 'Het Traffic Center gaf geen geldig antwoord op het overdrachtverzoek.' },
  AanleverpuntOnbereikbaar: { door: 'doel', herkomst: 'ours', succes: false, omschrijving: 'Het aanleverpunt van de bronschool gaf geen geldig antwoord.' },
} as const satisfies Record<string, ResultCodeInfo>;

export type ResultCode = keyof typeof resultCodes;

export function isResultCode(code: string): code is ResultCode {
  return Object.hasOwn(resultCodes, code);
}

/**
 * The order in which a doel ranks the results of several APs for afmelding ("the best result over all APs" [pub]);
 * the order itself is [ours]: a delivered dossier first, then the answers that say most about the dossier.
 */
export const afmeldingRangorde: readonly ResultCode[] = [
  'DossierGeleverd',
  'DossierVersieOnjuist',
  'DossierNietVoorDezeSchool',
  'DossierNietKlaargezet',
  'LeerlingOnbekend',
  'SessiecontroleAfgewezen',
  'CertificaatNietVanDoel',
  'SessiecontroleMislukt',
  'AanleverpuntOnbereikbaar',
];

/** Best of several AP results; on a tie the last one wins [pub]. */
export function besteResultaat(codes: readonly ResultCode[]): ResultCode | undefined {
  let best: ResultCode | undefined;
  const rank = (c: ResultCode) => {
    const i = afmeldingRangorde.indexOf(c);
    return i === -1 ? afmeldingRangorde.length : i;
  };
  for (const code of codes) if (best === undefined || rank(code) <= rank(best)) best = code;
  return best;
}
