/**
 * Every qualification run the harness has, YAML scenarios and fixed suites alike, with the requirements each verifies
 * per role: the one source for selection (`qualify --scenario`), the `scenarios` listing and coverage.
 */
import { beveiligingsRuns } from './beveiliging/runs.ts';
import type { Requirement } from './requirements.ts';
import type { Rol } from './scenario-context.ts';
import { eisenVoor, loadScenarios } from './scenario.ts';

export interface CatalogueEntry {
  id: string;
  titel: string;
  rollen: Rol[];
  /** Requirements verified when the SUT plays the role. */
  eisen: Partial<Record<Rol, readonly string[]>>;
  soort: 'scenario' | 'beveiliging';
}

export function qualificationCatalogue(requirements: ReadonlyMap<string, Requirement>, scenariosDir?: string): CatalogueEntry[] {
  const scenarios = loadScenarios(scenariosDir, requirements).map(
    (s): CatalogueEntry => ({ id: s.id, titel: s.titel, rollen: s.rollen, eisen: Object.fromEntries(s.rollen.map((r) => [r, eisenVoor(s, r)])), soort: 'scenario' }),
  );
  const fixed = beveiligingsRuns.map((r): CatalogueEntry => ({ id: r.id, titel: r.titel, rollen: [r.rol], eisen: { [r.rol]: r.eisen }, soort: 'beveiliging' }));
  for (const r of fixed) for (const id of Object.values(r.eisen).flat()) if (!requirements.has(id)) throw new Error(`Run ${r.id} verwijst naar onbekende eis ${id}.`);
  return [...scenarios, ...fixed];
}

export const allEisen = (entry: CatalogueEntry): string[] => [...new Set(Object.values(entry.eisen).flat())];

/** How a run (a scenario in one SUT role) is named in reports: `regulier-povo/bron`. */
export const runKey = (id: string, rol: string) => `${id}/${rol}`;

/** The runs of these entries in these roles, and the requirements they verify. */
export function runsVan(entries: readonly CatalogueEntry[], rollen: readonly Rol[]): { runs: string[]; eisen: Set<string> } {
  const runs: string[] = [];
  const eisen = new Set<string>();
  for (const entry of entries)
    for (const rol of entry.rollen.filter((r) => rollen.includes(r))) {
      runs.push(runKey(entry.id, rol));
      for (const id of entry.eisen[rol] ?? []) eisen.add(id);
    }
  return { runs: runs.sort(), eisen };
}
