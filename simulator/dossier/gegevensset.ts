// The identity of a gegevensset release, as the rest of the simulator uses it. Every yearly release changes all three
// values, and a dossier only validates against its own release (OG.02 standaardversie, OVa/OVb/PaO.MD02
// validatieversie). The releases themselves live in versies/ (one folder per release).
import { categorieen2019 } from './versies/2019.1/categorieen.ts';
import { identiteit2018 } from './versies/2018.1/identiteit.ts';
import { identiteit2019 } from './versies/2019.1/identiteit.ts';
import type { CategorieNaam } from './versies/2019.1/model.ts';

export type { GegevenssetVersie } from './versies/versie.ts';
export type { Uitlevering } from './versies/2019.1/categorieen.ts';

/** Gegevensset 2019.1: the current release, complete (structure and rules). */
export const gegevensset2019 = identiteit2019;

/** Gegevensset 2018.1: last year's release, known by identity (a dossier of it must be klaargezet again). */
export const gegevensset2018 = identiteit2018;

/**
 * The children of `metadata/categorie_uitlevering` in 2019.1, in schema order. The set differs per release
 * (2018.1 had `cat_zorgenbegeleiding` where 2019.1 has `cat_onderwijsondersteuning`), so it sits with the version.
 */
export const categorieenUitlevering2019: readonly CategorieNaam[] = categorieen2019.map((c) => c.naam);

export type CategorieUitlevering2019 = CategorieNaam;
