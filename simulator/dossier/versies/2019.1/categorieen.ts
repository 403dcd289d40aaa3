/*
 * The sixteen delivery categories of gegevensset 2019.1 (`metadata/categorie_uitlevering`, code list 48): which
 * elements make up each category (what OS.cat01..16 look for) and the typical delivery per profile
 * (docs/oso-gegevensset-2019.1.md, "Profiles and delivery categories").
 */
import type { Profiel } from '../../profile.ts';
import type { CategorieNaam } from './model.ts';

export type Uitlevering = 'VERPLICHT' | 'OPTIONEEL' | 'VERBODEN' | 'OPT-UIT';

export interface CategorieDef {
  naam: CategorieNaam;
  /** The official rule id: OS.cat01 … OS.cat16, in schema order. */
  regel: string;
  label: string;
  /** Where the category's elements live (element names from the dossier root), and which they are. */
  ouder: readonly string[];
  elementen: readonly string[];
}

const leerling = ['huidigeschool', 'leerling'];
const ondersteuning = [...leerling, 'onderwijsondersteuning'];

export const categorieen2019: readonly CategorieDef[] = [
  { naam: 'cat_metadata', regel: 'OS.cat01', label: 'Metadata', ouder: [], elementen: ['metadata', 'overdrachtsoort'] },
  { naam: 'cat_ouderinzage', regel: 'OS.cat02', label: 'Ouderinzage', ouder: [], elementen: ['inzage'] },
  { naam: 'cat_school', regel: 'OS.cat03', label: 'School', ouder: [], elementen: ['huidigeschool'] },
  { naam: 'cat_leerling', regel: 'OS.cat04', label: 'Leerling', ouder: ['huidigeschool'], elementen: ['leerling'] },
  {
    naam: 'cat_oudersverzorgers',
    regel: 'OS.cat05',
    label: 'Ouders/Verzorgers',
    ouder: leerling,
    elementen: ['verzorgersaansprakelijk', 'verzorger', 'aansprakelijkeinstelling'],
  },
  {
    naam: 'cat_vve',
    regel: 'OS.cat06',
    label: 'VVE',
    ouder: leerling,
    elementen: ['vanpeuterspeelzaal', 'naampeuterspeelzaal', 'voorschools', 'vroegschools'],
  },
  { naam: 'cat_schoolloopbaan', regel: 'OS.cat07', label: 'Schoolloopbaan', ouder: leerling, elementen: ['schoolloopbaanlijst'] },
  { naam: 'cat_overstapadvies', regel: 'OS.cat08', label: 'Overstapadvies', ouder: leerling, elementen: ['overstapadvies'] },
  {
    naam: 'cat_onderwijsondersteuning',
    regel: 'OS.cat09',
    label: 'Onderwijsondersteuning',
    ouder: ondersteuning,
    elementen: ['toelichting_onderwijsbehoeften', 'diagnose', 'medicijngebruik', 'opp', 'tlv', 'arrangement_cluster12', 'arrangement_pao', 'lwoo', 'rvc'],
  },
  { naam: 'cat_verzuim', regel: 'OS.cat10', label: 'Verzuim', ouder: leerling, elementen: ['verzuim'] },
  { naam: 'cat_eindtoetsbo', regel: 'OS.cat11', label: 'Eindtoets bo', ouder: leerling, elementen: ['eindtoets_basisonderwijs'] },
  { naam: 'cat_toetsresultaten', regel: 'OS.cat12', label: 'Toetsresultaten', ouder: leerling, elementen: ['toetslijst'] },
  { naam: 'cat_handelingsplannen', regel: 'OS.cat13', label: 'Handelingsplannen', ouder: ondersteuning, elementen: ['handelingsplan'] },
  { naam: 'cat_cijferlijsten', regel: 'OS.cat14', label: 'Cijferlijsten', ouder: leerling, elementen: ['cijferlijstlijst'] },
  {
    naam: 'cat_vombo',
    regel: 'OS.cat15',
    label: 'VO-MBO',
    ouder: leerling,
    elementen: ['bevorderd', 'examenresultaat', 'resultaatvakkenvo', 'certificaat', 'competenties', 'stage', 'overigvombo'],
  },
  { naam: 'cat_bijlagedocs', regel: 'OS.cat16', label: 'Bijlagedocumenten', ouder: leerling, elementen: ['overigdocumentlijst'] },
];

type Tabel = Record<CategorieNaam, Exclude<Uitlevering, 'OPT-UIT'>>;

const alleOptioneel = Object.fromEntries(categorieen2019.map((c) => [c.naam, 'OPTIONEEL'])) as Tabel;
const basis: Partial<Tabel> = { cat_metadata: 'VERPLICHT', cat_school: 'VERPLICHT', cat_leerling: 'VERPLICHT' };
const overstap: Partial<Tabel> = {
  ...basis,
  cat_ouderinzage: 'VERPLICHT',
  cat_oudersverzorgers: 'VERPLICHT',
  cat_schoolloopbaan: 'VERPLICHT',
  cat_overstapadvies: 'VERPLICHT',
};
const swv: Partial<Tabel> = { ...basis, cat_oudersverzorgers: 'VERPLICHT', cat_schoolloopbaan: 'VERPLICHT', cat_onderwijsondersteuning: 'VERPLICHT' };

/** The typical `categorie_uitlevering` of each profile; "full" dossiers fill the OPTIONEEL categories. */
export const profielUitlevering2019: Record<Profiel, Tabel> = {
  POPO: { ...alleOptioneel, ...overstap, cat_vombo: 'VERBODEN' },
  POVO: { ...alleOptioneel, ...overstap, cat_vve: 'VERBODEN', cat_vombo: 'VERBODEN' },
  VOVO: { ...alleOptioneel, ...overstap, cat_vve: 'VERBODEN' },
  'binnen-BRIN': { ...alleOptioneel, ...basis },
  POSWV: { ...alleOptioneel, ...swv, cat_eindtoetsbo: 'VERBODEN', cat_vombo: 'VERBODEN' },
  VOSWV: { ...alleOptioneel, ...swv, cat_vve: 'VERBODEN' },
};
