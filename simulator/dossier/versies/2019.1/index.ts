/*
 * Gegevensset 2019.1 as one folder: identity (identiteit.ts), code lists (codelijsten.ts), structure (schema.ts, typed
 * as model.ts), delivery categories (categorieen.ts) and content rules (regels-*.ts).
 */
import type { VolledigeVersie } from '../versie.ts';
import { identiteit2019 } from './identiteit.ts';
import { algemeneRegels2019 } from './regels-algemeen.ts';
import { ovRegels2019 } from './regels-ov.ts';
import { paoRegels2019 } from './regels-pao.ts';
import { dossierType2019 } from './schema.ts';

export const gegevensset2019Volledig: VolledigeVersie = {
  ...identiteit2019,
  dossierType: dossierType2019,
  regels: [...algemeneRegels2019, ...ovRegels2019, ...paoRegels2019],
};

export { identiteit2019 } from './identiteit.ts';
export { codelijsten2019 } from './codelijsten.ts';
export { categorieen2019, profielUitlevering2019, type CategorieDef, type Uitlevering } from './categorieen.ts';
export type * as Model2019 from './model.ts';
