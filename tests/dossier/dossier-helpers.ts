/** Shared helpers for the dossier tests: clean generated dossiers to mutate, and a compact view of findings. */
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import type { Finding } from '../../simulator/dossier/finding.ts';
import { generateDossier, type GeneratorOptions } from '../../simulator/dossier/generator/generator.ts';
import type { Profiel } from '../../simulator/dossier/profile.ts';
import { validateDossier, type ValidationOptions } from '../../simulator/dossier/validator.ts';
import type * as M from '../../simulator/dossier/versies/2019.1/model.ts';

/** A clean, deterministic dossier: a BSN pupil with a visible address, every optional category filled. */
export function basisDossier(profiel: Profiel, opties: Partial<GeneratorOptions> = {}): M.Dossier {
  return generateDossier({ profiel, variant: 'volledig', seed: 'regels', adresgeheim: false, pgn: 'bsn', datum: '2020-03-02', ...opties });
}

export function leerlingVan(d: M.Dossier): M.Leerling {
  return d.huidigeschool.leerling;
}

export function valideer(d: M.Dossier | string, opties: ValidationOptions = {}) {
  return validateDossier(typeof d === 'string' ? d : dossierToXml(d), opties);
}

export const kort = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.path}`);

export function regelsVan(fs: readonly Finding[]): string[] {
  return [...new Set(fs.map((f) => f.rule))].sort();
}

export function verzorger(extra: Partial<M.Verzorger> = {}): M.Verzorger {
  return { 'voorletters-1': 'P.', achternaam: 'Proef', relatietotkind: '1', wettigevertegenwoordiger: 'true', ...extra };
}

export function toets(extra: Partial<M.Toets> = {}): M.Toets {
  return {
    toetsidentificatie: { eldtoetscode: 'T-RW-M6' },
    afname: { afnamedatum: '2019-11-04' },
    resultaat: { toetsscore: { vaardigheidsscore: '55' } },
    ...extra,
  };
}
