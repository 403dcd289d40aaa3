import type { GegevenssetVersie } from '../versie.ts';

/** Gegevensset 2019.1 (docs/oso-gegevensset-2019.1.md, "Identity of a version"). */
export const identiteit2019 = {
  versie: '2019.1',
  namespace: 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier',
  standaardversie: '2019.1',
  validatieversie: '2019.1.1',
} as const satisfies GegevenssetVersie;
