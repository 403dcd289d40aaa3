// The identity of a gegevensset release. Every yearly release changes all three values, and a dossier only
// validates against its own release (OG.02 standaardversie, OVa/OVb/PaO.MD02 validatieversie).

export interface GegevenssetVersie {
  readonly versie: string;
  readonly namespace: string;
  readonly standaardversie: string;
  readonly validatieversie: string;
}

export const gegevensset2019 = {
  versie: '2019.1',
  namespace: 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier',
  standaardversie: '2019.1',
  validatieversie: '2019.1.1',
} as const satisfies GegevenssetVersie;

/**
 * The children of `metadata/categorie_uitlevering` in 2019.1, in schema order. The set differs per release
 * (2018.1 had `cat_zorgenbegeleiding` where 2019.1 has `cat_onderwijsondersteuning`), so it sits with the version.
 */
export const categorieenUitlevering2019 = [
  'cat_metadata',
  'cat_ouderinzage',
  'cat_school',
  'cat_leerling',
  'cat_oudersverzorgers',
  'cat_vve',
  'cat_schoolloopbaan',
  'cat_overstapadvies',
  'cat_onderwijsondersteuning',
  'cat_verzuim',
  'cat_eindtoetsbo',
  'cat_toetsresultaten',
  'cat_handelingsplannen',
  'cat_cijferlijsten',
  'cat_vombo',
  'cat_bijlagedocs',
] as const;

export type CategorieUitlevering2019 = (typeof categorieenUitlevering2019)[number];

/** Code list 48: how a category is delivered. */
export type Uitlevering = 'VERPLICHT' | 'OPTIONEEL' | 'VERBODEN' | 'OPT-UIT';
