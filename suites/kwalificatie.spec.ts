/**
 * The qualification suite: every scenario in every SUT role it applies to becomes one test, labelled for Allure and
 * annotated with its scenario, role and requirements so that kwalificatie.json can give a verdict per requirement.
 */
import * as allure from 'allure-js-commons';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';
import { allureStepReporter } from './allure-reporter.ts';
import { CheckFailure } from './check-failure.ts';
import { loadRequirements } from './requirements.ts';
import { ANNOTATION, qualificationRunFromEnv } from './run-settings.ts';
import { runScenario } from './scenario-runner.ts';
import { eisenVoor, loadScenarios, matchesFilter } from './scenario.ts';
import { test } from './world-fixture.ts';

const run = qualificationRunFromEnv();
const requirements = loadRequirements();
const scenarios = loadScenarios(run?.scenariosDir, requirements).filter((s) => matchesFilter(s.id, run?.scenarios ?? []));
const epic = { bron: 'Bronsysteem', doel: 'Doelsysteem' } as const;

for (const scenario of scenarios) {
  for (const rol of scenario.rollen) {
    if (run?.role && run.role !== rol) continue;
    const eisen = eisenVoor(scenario, rol);
    test(
      `${scenario.id} [SUT als ${rol}] ${scenario.titel}`,
      {
        annotation: [
          { type: ANNOTATION.scenario, description: scenario.id },
          { type: ANNOTATION.rol, description: rol },
          { type: ANNOTATION.eisen, description: eisen.join(' ') },
        ],
      },
      async ({ world }) => {
        await allure.epic(epic[rol]);
        await allure.feature(scenario.capaciteit);
        await allure.story(scenario.titel);
        await allure.severity('critical');
        if (scenario.beschrijving) await allure.description(scenario.beschrijving);
        await allure.parameter('rol van de SUT', rol);
        await allure.parameter('profiel', scenario.profiel);
        await allure.parameter('gegevensset', gegevensset2019.versie);
        await allure.parameter('protocol', oso2021.release);
        const leerlingen = [...new Set(scenario.stappen.map((s) => s.args['leerling']).filter((l): l is string => typeof l === 'string'))];
        if (leerlingen.length) await allure.parameter('leerling', leerlingen.join(', '));
        for (const id of eisen) await allure.tag(id);
        try {
          await runScenario({
            world,
            scenario,
            rol,
            requirements,
            reporter: allureStepReporter,
            adapterTimeoutMs: 30_000,
            onEis: (id, uitkomst) => test.info().annotations.push({ type: ANNOTATION.eis, description: `${id}=${uitkomst}` }),
          });
        } catch (e) {
          // A finding about the SUT is a failed test; anything else (harness, adapter, crash) is broken.
          test.info().annotations.push({ type: ANNOTATION.uitkomst, description: e instanceof CheckFailure ? 'afgekeurd' : 'gebroken' });
          throw e;
        } finally {
          await allure.attachment('berichtenlog.json', JSON.stringify(world.log.all(), null, 2), 'application/json');
        }
      },
    );
  }
}
