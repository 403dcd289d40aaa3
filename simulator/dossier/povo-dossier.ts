/*
 * Compatibility entry for code that still builds "a POVO dossier for a fixture pupil" (e.g. the printable-dossier
 * test). The old hand-written minimal dossier is gone: this now asks the generator for the POVO dossier of the pupil,
 * opt-out variant (a zorgdossier when the pupil is marked `zorg`) — the same dossier the LAS systems klaarzetten.
 * New code should call generateDossierXml directly.
 */
import { generateDossierXml, type SchoolInvoer } from './generator/generator.ts';
import type { Leerling } from './leerling.ts';
import type { GegevenssetVersie } from './versies/versie.ts';

export interface PovoDossierInvoer {
  leerling: Leerling;
  school: SchoolInvoer;
  /** xs:date (YYYY-MM-DD): `metadata/datum`; passed in because the dossier code never reads a clock. */
  datum: string;
  pakket: { naam: string; versie: string };
  versie?: GegevenssetVersie;
}

/** The XML text of the POVO overstapdossier of one pupil (gegevensset 2019.1 unless `versie` says otherwise). */
export function buildPovoDossier(invoer: PovoDossierInvoer): string {
  return generateDossierXml({
    profiel: 'POVO',
    variant: 'opt-uit',
    seed: invoer.leerling.id,
    leerling: invoer.leerling,
    school: invoer.school,
    datum: invoer.datum,
    pakket: invoer.pakket,
    ...(invoer.leerling.zorg ? { zorg: true } : {}),
    ...(invoer.versie ? { versie: invoer.versie } : {}),
  });
}
