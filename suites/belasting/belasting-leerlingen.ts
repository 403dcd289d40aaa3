/**
 * The pupils of a capacity run: the fixture pupils (fixtures/leerlingen.yaml) multiplied with generated ones, so the LAS
 * builds and sends many distinct dossiers, as in March, and not the same six over and over (a LAS that caches a dossier
 * would look faster than it is). The generated pupils are seeded by the run's seed, and as many of them are zorg pupils
 * (and zorg pupils with many attachments) as the national figures say (landelijkeCijfers).
 */
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { genereerLeerling } from '../../simulator/dossier/generator/leerling-generator.ts';
import { landelijkeCijfers } from '../../simulator/load/belasting-profielen.ts';

/**
 * Distinct pupils in a run by default: eight times the fixture file, so that at piek a pupil comes round about once a
 * minute, while the warm-up (each pupil's dossier once) stays a few seconds.
 */
export const STANDAARD_LEERLINGEN = 50;
/** Attachments beyond the usual ones of a zorg pupil with many of them, as the fixture pupil povo-veel-bijlagen has. */
const VEEL_BIJLAGEN = 30;

export interface BelastingLeerlingen {
  fixture: Leerling[];
  gegenereerd: Leerling[];
}

/** Why a run cannot have this many pupils, or undefined when it can. */
export function leerlingenProbleem(aantal: number): string | undefined {
  const minimum = loadFixtureLeerlingen().length;
  if (Number.isInteger(aantal) && aantal >= minimum) return undefined;
  return `--leerlingen must be a whole number of at least ${minimum} (the pupils of fixtures/leerlingen.yaml take part in every run), not ${aantal}.`;
}

export function belastingLeerlingen(aantal: number, seed: string): BelastingLeerlingen {
  const fixture = loadFixtureLeerlingen();
  const probleem = leerlingenProbleem(aantal);
  if (probleem) throw new RangeError(probleem);
  const n = aantal - fixture.length;
  const zorg = Math.round(n * landelijkeCijfers.aandeelZorgdossier.waarde);
  const veel = Math.round(zorg * landelijkeCijfers.aandeelVeelBijlagen.waarde);
  const bezet = new Set(fixture.map((l) => l.pgn.waarde));
  const gegenereerd: Leerling[] = [];
  for (let i = 0; i < n; i++) {
    const l = genereerLeerling({
      id: `gegenereerd-${String(i + 1).padStart(4, '0')}`,
      seed,
      ...(i < zorg ? { zorg: true } : {}),
      ...(i < veel ? { extraBijlagen: VEEL_BIJLAGEN } : {}),
      bezet,
    });
    bezet.add(l.pgn.waarde);
    gegenereerd.push(l);
  }
  return { fixture, gegenereerd };
}
