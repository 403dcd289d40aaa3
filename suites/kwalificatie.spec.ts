/**
 * The qualification suite of YAML scenarios: every scenario in every SUT role it applies to becomes one test.
 */
import { allureStepReporter } from './allure-reporter.ts';
import { declareQualificationTest } from './qualification-test.ts';
import { loadRequirements } from './requirements.ts';
import { qualificationRunFromEnv } from './run-settings.ts';
import { runScenario } from './scenario-runner.ts';
import { eisenVoor, loadScenarios, matchesFilter } from './scenario.ts';

const run = qualificationRunFromEnv();
const requirements = loadRequirements();
const scenarios = loadScenarios(run?.scenariosDir, requirements).filter((s) => matchesFilter(s.id, run?.scenarios ?? []));
const epic = { bron: 'Bronsysteem', doel: 'Doelsysteem' } as const;

for (const scenario of scenarios) {
  for (const rol of scenario.rollen) {
    if (run?.role && run.role !== rol) continue;
    const leerlingen = [...new Set(scenario.stappen.map((s) => s.args['leerling']).filter((l): l is string => typeof l === 'string'))];
    declareQualificationTest(
      {
        id: scenario.id,
        titel: scenario.titel,
        ...(scenario.beschrijving ? { beschrijving: scenario.beschrijving } : {}),
        rol,
        epic: epic[rol],
        capaciteit: scenario.capaciteit,
        eisen: eisenVoor(scenario, rol),
        parameters: { profiel: scenario.profiel, ...(leerlingen.length ? { leerling: leerlingen.join(', ') } : {}) },
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
      ({ world, sut, onEis }) => runScenario({ world, scenario, rol, requirements, reporter: allureStepReporter, sut, onEis }),
    );
  }
}
