/**
 * One failing qualification of the embedded reference LAS that the tests of a failing report read (the report in the
 * browser, its Allure categories, the command line's verdict): two faults at once, over the union of the runs those
 * tests need. The faults work in different roles — skip-sessiecontrole only in bron runs, drop-attachments only in doel
 * runs — so every failed run has exactly one fault to blame, and what each fault causes can still be told apart
 * (`eisenVan`). No PDFs: no test of a failing report reads them, and printing them is the costliest part of a run.
 */
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { referenceLasFaults, type ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { matchesFilter } from '../../suites/scenario.ts';
import { gedeeldeKwalificatie, type GedeeldeKwalificatie } from './gedeelde-kwalificatie.ts';

export const fouteFaults = ['skip-sessiecontrole', 'drop-attachments'] as const satisfies readonly ReferenceLasFault[];

/**
 * BRON-01 in two runs that fail differently (binnen-brin's TC sees another message sequence), BEV-03 and BRON-06 by
 * the same fault, DOEL-07 with a dossier of 37 attachments and one of 7, and runs no fault targets in either role.
 */
export const fouteScenarios = [
  'regulier-povo',
  'binnen-brin',
  'sessie-afwijkend',
  'oin-van-ander-systeem',
  'veel-bijlagen',
  'zorgdossier',
  'tls-server-tc-verlopen',
] as const;

export function fouteKwalificatie(): Promise<GedeeldeKwalificatie> {
  return gedeeldeKwalificatie('foute', [
    '--no-pdf',
    ...fouteFaults.flatMap((f) => ['--fault', f]),
    ...fouteScenarios.flatMap((s) => ['--scenario', s]),
  ]);
}

/** "id/role" of a run, as `vangtIn` names it. */
export const runVan = (s: Kwalificatie['scenarios'][number]) => `${s.id}/${s.role}`;

/** The runs of this qualification that a fault targets, by its own `vangtIn`. */
export function doelwitVan(k: Kwalificatie, fault: ReferenceLasFault): string[] {
  return k.scenarios.map(runVan).filter((r) => matchesFilter(r, referenceLasFaults[fault].vangtIn));
}

/** The requirement a failed run names first: "[BRON-01] …" on the first line of its message. */
export const primaireEis = (s: Kwalificatie['scenarios'][number]) => /^\[([A-Z]+-\d{2})\]/.exec(s.message ?? '')?.[1];

/** The requirements failed by the runs a fault targets, sorted: what that fault alone makes the report name. */
export function eisenVan(k: Kwalificatie, fault: ReferenceLasFault): string[] {
  const doelwit = new Set(doelwitVan(k, fault));
  const eisen = k.scenarios.filter((s) => s.status === 'failed' && doelwit.has(runVan(s))).map(primaireEis);
  return [...new Set(eisen)].filter((e): e is string => !!e).sort();
}
