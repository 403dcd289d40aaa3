/**
 * The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state.
 * The SUT is driven through its adapter, also one per test. A test can ask for a different world (e.g. a TC presenting a bad certificate) with `test.use({ worldOptions })`.
 * With a SUT configuration (qualify --config) the world serves the vendor's LAS on the configured fixed addresses, and the
 * adapter is the one the configuration names; without, the embedded reference LAS is the SUT.
 */
import { test as base } from '@playwright/test';
import * as allure from 'allure-js-commons';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { startWorld, type World, type WorldOptions } from '../simulator/world.ts';
import { sutAdapterVoor, testTijdslimiet } from './adapters/adapter-voor.ts';
import type { ManualAdapter } from './adapters/manual-adapter.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { operatorRegel } from '../web/operator-console/antwoord-tekst.ts';
import { qualificationRunFromEnv } from './run-settings.ts';
import { beginTestTijden, meet, schrijfTestTijden } from './run-timings.ts';
import { loadSutConfig, standaardTijdslimieten, worldOptionsVoor, type SutConfig } from './sut-config.ts';
import { gedeeldeWereld, isDienstWereld } from './dienst/dienst-fixture.ts';

/** The run's SUT configuration, read once per worker (qualify has checked it before the run started). */
let sutConfig: SutConfig | undefined;
function sutConfigVanRun(): SutConfig | undefined {
  const path = qualificationRunFromEnv()?.configPath;
  if (path && !sutConfig) sutConfig = loadSutConfig(path);
  return sutConfig;
}

export const test = base.extend<{ world: World; worldOptions: Omit<WorldOptions, 'faults'>; sut: SutAdapter }>({
  worldOptions: [{}, { option: true }],
  world: async ({ worldOptions }, use, testInfo) => {
    const run = qualificationRunFromEnv();
    const config = sutConfigVanRun();
    if (run?.tegen) {
      beginTestTijden();
      try {
        return await gedeeldeWereld(run.tegen, config, use, testInfo);
      } finally {
        await schrijfTestTijden();
      }
    }
    // The world is the first fixture a test sets up and the last it tears down: its span is the test's.
    beginTestTijden();
    const world = await meet('world', () =>
      startWorld({
        ...worldOptions,
        ...(config ? worldOptionsVoor(config) : { faults: (run?.faults ?? []) as ReferenceLasFault[] }),
        ...(run?.seed !== undefined ? { seed: run.seed } : {}),
      }),
    );
    try {
      await use(world);
    } finally {
      await meet('world', () => world.stop());
      await schrijfTestTijden();
    }
  },
  sut: async ({ world }, use, testInfo) => {
    const config = sutConfigVanRun();
    const controlUrl = world.sut.controlUrl;
    const keuze = config?.adapter ?? (controlUrl ? ({ soort: 'http', http: { controlUrl } } as const) : undefined);
    if (!keuze) throw new Error(`${world.sut.naam} heeft geen test-control-API en er is geen SUT-configuratie met een adapter.`);
    const tijdslimieten = config?.tijdslimieten ?? standaardTijdslimieten;
    testInfo.setTimeout(Math.max(testInfo.timeout, testTijdslimiet(keuze, tijdslimieten)));
    const bewijsMap = qualificationRunFromEnv()?.reportDir ?? testInfo.outputDir;
    // "regulier-povo [SUT als doel] Regulier dossier …" → what the operator console shows with each prompt.
    const run = /^\S+ \[SUT als (\w+)\] (.+)$/.exec(testInfo.title);
    const namen = config?.harness.namen;
    const eigen = await sutAdapterVoor(keuze, tijdslimieten, { bewijsMap, naam: world.sut.naam, ...(run ? { run: `${run[2]} (uw LAS als ${run[1]})` } : {}), ...(namen ? { namen } : {}) });
    // Against a running serve, the exchanges the SUT caused are read from the service after each of its acts.
    const adapter = isDienstWereld(world) ? world.volgend(eigen) : eigen;
    try {
      await use(adapter);
    } finally {
      await eigen.close();
      if (eigen.soort === 'manual') await attachOperatorAntwoorden(eigen as ManualAdapter);
    }
  },
});

/** Who answered what for this run, beside its messages in the report; the operator's name also as a parameter. */
async function attachOperatorAntwoorden(adapter: ManualAdapter): Promise<void> {
  const antwoorden = adapter.antwoorden();
  if (!antwoorden.length) return;
  const namen = [...new Set(antwoorden.map((a) => a.door))].join(', ');
  // Excluded from the test's identity, so runs by different operators still line up in the trends.
  await allure.parameter('operator', namen, { excluded: true });
  await allure.attachment('operatorantwoorden.json', JSON.stringify(antwoorden.map(operatorRegel), null, 2), 'application/json');
}

export { expect } from '@playwright/test';
