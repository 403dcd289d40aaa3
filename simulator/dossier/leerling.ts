// The pupil as the harness knows it: the typed input a dossier is built from. Field names follow the dossier
// element names so the mapping stays obvious; code-list values are kept as the strings the dossier carries.
import type { Pgn } from './pgn.ts';

export interface Adres {
  straatnaam: string;
  huisnummer: string;
  postcode: string;
  plaatsnaam: string;
}

export interface Verzorger {
  achternaam: string;
  voorvoegsel?: string;
  voorletters: string;
  /** Code list 41: 1 father, 2 mother, 3 guardian, … */
  relatietotkind: string;
  wettigevertegenwoordiger: boolean;
  telefoon?: string;
  email?: string;
}

export interface Schoolloopbaan {
  /** `NNNN-NNNN`, e.g. `2019-2020`. */
  schooljaar: string;
  groepscode: string;
  /** Code list 13. */
  jaargroep: string;
}

export interface Leerling {
  /** The harness's own handle for this pupil (fixture id); never written into a dossier. */
  id: string;
  pgn: Pgn;
  achternaam: string;
  voorvoegsel?: string;
  voornaam: string;
  roepnaam?: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
  /** Code list 14: 0 unknown, 1 female, 2 male. */
  geslacht: '0' | '1' | '2';
  adresgeheim: boolean;
  adres: Adres;
  /** The sending system's own key for the pupil (mandatory for POVO, OVa.LL13). */
  leerlingid: string;
  /** YYYY-MM-DD */
  datuminschrijving: string;
  verzorgers: Verzorger[];
  schoolloopbaan: Schoolloopbaan[];
  /** Code list 2: the school's VO advice. */
  advies: string;
  /**
   * A zorgdossier: the pupil's dossier carries onderwijsondersteuning (toelichting, diagnoses, handelingsplan, OPP,
   * TLV) with attachments, even when the other optional categories are left out.
   */
  zorg?: boolean;
  /** Extra attachments with the diagnosis of a zorg pupil (a dossier with many attachments). */
  extraBijlagen?: number;
}
