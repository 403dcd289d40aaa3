/**
 * Which runs can be carried out against a running `serve` (qualify --tegen), and why not the others. A shared hosted
 * service offers what the real OSO test environment offers: its TC on its own clock and certificate, the PO testschool
 * 99AA with every test pupil klaargezet for whichever school asks, and the VO testschool 99BB (with the SWV 99SW) that
 * asks a school's LAS for a dossier on demand. What a run needs beyond that — a TC or testschool presenting another
 * certificate, another gegevensset release, a testschool that has nothing klaargezet or a broken dossier, extra schools,
 * messages sent under a testschool's key, the TC's sessions — a shared service cannot offer without changing it for
 * every school using it. Such a run is not executed, and the report says why: never judged on a world it did not have.
 */
import type { Rol } from '../scenario-context.ts';
import type { Scenario, ScenarioStap } from '../scenario-model.ts';

/** Steps that need nothing but the parties' own acts and the exchange log, which the service provides. */
const STAPPEN_TEGEN_DIENST = new Set([
  'klaarzetten',
  'opvragen',
  'verwacht-overdracht',
  'verwacht-sessiecontrole',
  'verwacht-dossier',
  'verwacht-geldig-dossier',
  'verwacht-afmelding',
  'verwacht-opgeslagen',
  'verwacht-bijlagen',
  'verwacht-geen-dossier',
]);

/** Why other steps cannot run against a shared service, in the words of the report. */
const stapReden: Record<string, string> = {
  'documentrequest-bij-sut': 'de stap stuurt zelf berichten onder het certificaat van een testschool; de sleutels van de testscholen van de dienst zijn niet van de testbank',
  zomerrelease: 'de stap zet de testscholen over op een andere gegevensset; de dienst werkt voor alle scholen in de huidige',
  'verwacht-notificatie': 'de stap leest de sessies van het Traffic Center uit; de dienst biedt die niet aan',
  overstap: 'de leerling stapt in de run nogmaals over, met de testscholen van een ander profiel dan de dienst kan spelen',
};

/** The reason a security run is never executed against a shared service. */
export const BEVEILIGING_NIET_TEGEN_DIENST =
  'Niet uitgevoerd tegen de gedeelde testomgeving: de beveiligingsruns laten het Traffic Center en de testscholen andere (ongeldige) certificaten presenteren en sturen berichten onder hun sleutels; dat kan een dienst die door alle scholen wordt gebruikt niet.';

/** Why this run of the scenario cannot be carried out against a shared `serve`; undefined when it can. */
export function waaromNietTegenDienst(scenario: Scenario, rol: Rol): string | undefined {
  const reden = (r: string) => `Niet uitgevoerd tegen de gedeelde testomgeving: ${r}.`;
  if (scenario.certificaten) return reden('het scenario laat het Traffic Center of een testschool een ander certificaat presenteren');
  if (scenario.gegevensset) return reden(`het scenario werkt in gegevensset ${scenario.gegevensset}; de testscholen van de dienst werken alleen in de huidige`);
  if (scenario.uitbreidingen?.length) return reden(`het scenario heeft scholen nodig die de dienst niet heeft (${scenario.uitbreidingen.join(', ')})`);
  if (scenario.profiel !== 'POVO' && scenario.profiel !== 'POPO' && scenario.profiel !== 'VOVO') return reden(`profiel ${scenario.profiel} heeft een school nodig die de dienst niet heeft`);
  // As doel the SUT asks a testschool that is bron: only the PO testschool klaarzet, and it has every pupil klaargezet.
  const testschoolIsBron = rol === 'doel';
  if (testschoolIsBron && scenario.profiel === 'VOVO')
    return reden('als doel vraagt de SUT hier bij de VO-testschool 99BB, en die heeft in de gedeelde testomgeving alleen haar eigen VO-testleerling klaargezet, niet de leerlingen van de scenario\'s');
  for (const stap of scenario.stappen) {
    const waarom = stapNietTegenDienst(stap, testschoolIsBron);
    if (waarom) return reden(`stap ${stap.naam} (regel ${stap.regel}): ${waarom}`);
  }
  return undefined;
}

function stapNietTegenDienst(stap: ScenarioStap, testschoolIsBron: boolean): string | undefined {
  if (!STAPPEN_TEGEN_DIENST.has(stap.naam)) return stapReden[stap.naam] ?? 'de stap heeft meer van de testomgeving nodig dan een gedeelde dienst biedt';
  const a = stap.args;
  if (testschoolIsBron && stap.naam === 'klaarzetten' && (a['voor'] === 'andere-school' || a['ongeldig'] || a['notificeren']))
    return 'de testschool van de dienst heeft elk dossier klaargezet voor iedere school; een dossier voor een andere school, een ongeldig dossier of een notificatie zet zij niet klaar op verzoek van de testbank';
  // The hosted bron delivers every test pupil to every school: a run that expects it to refuse cannot be judged.
  if (testschoolIsBron && stap.naam === 'opvragen' && a['verwacht'] !== 'DossierGeleverd')
    return `de run verwacht ${String(a['verwacht'])}, maar de testschool van de dienst levert elk dossier aan iedere school die erom vraagt`;
  return undefined;
}
