import type { GegevenssetVersie } from '../versie.ts';

/**
 * Gegevensset 2018.1, the release before 2019.1, known by identity only: enough to recognise a dossier klaargezet
 * under last year's release and to say that it must be klaargezet again (docs/oso-gegevensset-2019.1.md, "How the
 * yearly release shows").
 */
export const identiteit2018 = {
  versie: '2018.1',
  namespace: 'http://www.edustandaard.nl/oso_gegevensset/2018/dossier',
  standaardversie: '2018.1',
  validatieversie: '2018.1.1',
} as const satisfies GegevenssetVersie;
