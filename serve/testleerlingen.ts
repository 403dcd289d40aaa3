/**
 * The test pupils of the hosted testscholen: the synthetic pupils of fixtures/leerlingen.yaml, each with what a school
 * tries with it. The PO testschool (99AA) has every one klaargezet for any school that asks; the profile of the dossier
 * follows the asking school's sector (POVO to a VO school, POPO to a PO school, an SWV dossier to an SWV).
 */
import { testscholen } from '../fixtures/scholen.ts';
import type { Leerling } from '../simulator/dossier/leerling.ts';

export interface Testleerling {
  id: string;
  pgn: string;
  pgnSoort: Leerling['pgn']['soort'];
  geboortedatum: string;
  naam: string;
  /** What a school tries with this pupil, in Dutch. */
  omschrijving: string;
  zorg: boolean;
  /** Not klaargezet in this year's release until the school asks for it with a notificatie (see wachtOpKlaarzetten). */
  wachtOpKlaarzetten: boolean;
  /** The testschool (BRIN) that has the pupil's dossier klaargezet: where a school's LAS asks for it. */
  bronTestschool: string;
}

/** Why each fixture pupil is on the list; a pupil without an entry here is not offered. */
const omschrijvingen: Record<string, string> = {
  'povo-regulier': 'Een gewone overstap: een regulier dossier (POVO naar een VO-school, POPO naar een PO-school).',
  'povo-bjorn': 'Een gewone overstap met een BSN dat met nullen begint: controleer dat voorloopnullen bewaard blijven.',
  'povo-onderwijsnummer': 'Een nieuwkomer (asielleerling) zonder BSN, met een onderwijsnummer.',
  'povo-zorg': 'Een zorgdossier: onderwijsondersteuning met diagnoses, handelingsplan, OPP en TLV, met bijlagen.',
  'povo-geheim-adres': 'Een leerling met een geheim adres: het adres mag niet zomaar getoond worden.',
  'povo-veel-bijlagen': 'Een zorgdossier met veel bijlagen (tientallen onderzoeksverslagen).',
  'testschool-notificatie':
    'Een dossier dat nog niet klaarstaat: uw LAS krijgt eerst DossierNietKlaargezet. Laat daarna testschool 99AA het dossier klaarzetten; uw LAS krijgt een notificatie en kan het dossier dan opvragen.',
  'testschool-vorig-jaar':
    'Een dossier dat vóór de zomerrelease is klaargezet, in de gegevensset van vorig jaar: uw LAS krijgt eerst DossierVersieOnjuist. Laat daarna testschool 99AA het dossier opnieuw klaarzetten; uw LAS krijgt een notificatie en kan het dossier dan opvragen.',
  'testschool-vovo':
    'Een overstap van VO naar VO, voor een VO-school: vraag dit dossier op bij testschool 99BB (VO), niet bij 99AA. Uw LAS krijgt een VOVO-dossier.',
};

/**
 * The testschool that has a pupil klaargezet: the PO testschool 99AA for every pupil, except the VO pupils, whose
 * dossier the VO testschool 99BB has klaargezet (a VO→VO transfer needs a VO bron).
 */
const vanVoTestschool = new Set(['testschool-vovo']);

export function bronTestschool(leerlingId: string): 'po' | 'vo' {
  return vanVoTestschool.has(leerlingId) ? 'vo' : 'po';
}

/**
 * Pupils the PO testschool has not klaargezet up front in this year's release: not at all, or in last year's. The school's
 * LAS first gets a waiting refusal; the school then has the testschool klaarzetten the dossier with a notificatie.
 */
const vooraf: Record<string, 'niet' | 'vorig-jaar'> = { 'testschool-notificatie': 'niet', 'testschool-vorig-jaar': 'vorig-jaar' };

export function wachtOpKlaarzetten(leerlingId: string): boolean {
  return vooraf[leerlingId] !== undefined;
}

/** Whether the PO testschool 99AA has this pupil klaargezet (for every school) from the start. */
export function klaargezetVooraf(leerlingId: string): boolean {
  return vooraf[leerlingId] !== 'niet' && bronTestschool(leerlingId) === 'po';
}

export function klaargezetVorigJaar(leerlingId: string): boolean {
  return vooraf[leerlingId] === 'vorig-jaar';
}

export function testleerlingen(administratie: readonly Leerling[]): Testleerling[] {
  return administratie.flatMap((l) => {
    const omschrijving = omschrijvingen[l.id];
    if (!omschrijving) return [];
    const naam = [l.roepnaam ?? l.voornaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' ');
    return [
      {
        id: l.id,
        pgn: l.pgn.waarde,
        pgnSoort: l.pgn.soort,
        geboortedatum: l.geboortedatum,
        naam,
        omschrijving,
        zorg: l.zorg === true,
        wachtOpKlaarzetten: wachtOpKlaarzetten(l.id),
        bronTestschool: bronTestschool(l.id) === 'vo' ? testscholen.vo.brin : testscholen.po.brin,
      },
    ];
  });
}
