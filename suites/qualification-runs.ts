/**
 * Every qualification run of a selection: each YAML scenario in each SUT role it applies to, and the security runs. The
 * specs declare these as Playwright tests and the harness's fault matrix replays these very runs once per fault, so the
 * matrix can never prove other runs than `qualify` executes.
 */
import { beveiligingsRuns } from './beveiliging/runs.ts';
import type { QualificationRunInfo, RunBody } from './qualification-test.ts';
import { requireEis, type Requirement } from './requirements.ts';
import type { QualificationRun } from './run-settings.ts';
import { runScenario } from './scenario-runner.ts';
import { eisenVoor, loadScenarios, matchesFilter } from './scenario.ts';
import { BEVEILIGING_NIET_TEGEN_DIENST, waaromNietTegenDienst } from './dienst/tegen-dienst-uitvoerbaar.ts';

export interface QualificationRunDef {
  info: QualificationRunInfo;
  uitvoeren(run: RunBody): Promise<void>;
}

/** Which runs: scenario ids or globs (none = all), one SUT role, another scenario folder. */
export type RunSelectie = Partial<Pick<QualificationRun, 'scenarios' | 'role' | 'scenariosDir'>>;

const epic = { bron: 'Bronsysteem', doel: 'Doelsysteem' } as const;

export function scenarioRuns(requirements: ReadonlyMap<string, Requirement>, selectie: RunSelectie = {}): QualificationRunDef[] {
  const scenarios = loadScenarios(selectie.scenariosDir, requirements).filter((s) => matchesFilter(s.id, selectie.scenarios ?? []));
  return scenarios.flatMap((scenario) =>
    scenario.rollen
      .filter((rol) => !selectie.role || selectie.role === rol)
      .map((rol): QualificationRunDef => {
        const leerlingen = [...new Set(scenario.stappen.map((s) => s.args['leerling']).filter((l): l is string => typeof l === 'string'))];
        return {
          info: {
            id: scenario.id,
            titel: scenario.titel,
            ...(scenario.beschrijving ? { beschrijving: scenario.beschrijving } : {}),
            rol,
            epic: epic[rol],
            capaciteit: scenario.capaciteit,
            eisen: eisenVoor(scenario, rol),
            parameters: { profiel: scenario.profiel, ...(leerlingen.length ? { leerling: leerlingen.join(', ') } : {}) },
            ...(waaromNietTegenDienst(scenario, rol) ? { nietTegenDienst: waaromNietTegenDienst(scenario, rol)! } : {}),
            ...(scenario.gegevensset || scenario.uitbreidingen || scenario.certificaten
              ? {
                  worldOptions: {
                    ...(scenario.gegevensset ? { gegevensset: scenario.gegevensset } : {}),
                    ...(scenario.uitbreidingen ? { uitbreidingen: scenario.uitbreidingen } : {}),
                    ...(scenario.certificaten ? { serverCertificaten: scenario.certificaten } : {}),
                  },
                }
              : {}),
          },
          uitvoeren: ({ world, sut, onEis, reporter }) => runScenario({ world, scenario, rol, requirements, reporter, sut, onEis }),
        };
      }),
  );
}

export function beveiligingRunDefs(requirements: ReadonlyMap<string, Requirement>, selectie: RunSelectie = {}): QualificationRunDef[] {
  return beveiligingsRuns
    .filter((r) => matchesFilter(r.id, selectie.scenarios ?? []) && (!selectie.role || selectie.role === r.rol))
    .map(({ uitvoeren, ...info }) => ({ info: { ...info, nietTegenDienst: BEVEILIGING_NIET_TEGEN_DIENST }, uitvoeren: (run) => uitvoeren({ ...run, eis: (id) => requireEis(requirements, id) }) }));
}
