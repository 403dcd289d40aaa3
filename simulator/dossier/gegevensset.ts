// The identity of a gegevensset release, as the rest of the simulator uses it. Every yearly release changes all three
// values, and a dossier only validates against its own release (OG.02 standaardversie, OVa/OVb/PaO.MD02
// validatieversie). The releases themselves live in versies/ (one folder per release).
import { identiteit2018 } from './versies/2018.1/identiteit.ts';
import { identiteit2019 } from './versies/2019.1/identiteit.ts';

export type { GegevenssetVersie } from './versies/versie.ts';

/** Gegevensset 2019.1: the current release, complete (structure and rules). */
export const gegevensset2019 = identiteit2019;

/** Gegevensset 2018.1: last year's release, known by identity (a dossier of it must be klaargezet again). */
export const gegevensset2018 = identiteit2018;
