/**
 * The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state.
 * The SUT is driven through its adapter, also one per test. A test can ask for a different world (e.g. a TC presenting a bad certificate) with `test.use({ worldOptions })`.
 * With a SUT configuration (qualify --config) the world serves the vendor's LAS on the configured fixed addresses, and the
 * adapter is the one the configuration names; without, the embedded reference LAS is the SUT.
 */
import { test as base } from '@playwright/test';
import * as allure from 'allure-js-commons';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import type { World, WorldOptions } from '../simulator/world.ts';
import type { ManualAdapter } from './adapters/manual-adapter.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { operatorRegel } from '../web/operator-console/antwoord-tekst.ts';
import { qualificationRunFromEnv } from './run-settings.ts';
import { beginTestTijden, meet, schrijfTestTijden } from './run-timings.ts';
import type { SutConfig } from './sut-config.ts';

// What a fixture needs to set up is imported when it is set up: Playwright's runner loads this file only to collect the
// tests, and the simulator, the adapters and the SUT configuration's schema are most of what a qualify's start-up cost.
const wereld = () => import('../simulator/world.ts');
const dienst = () => import('./dienst/dienst-fixture.ts');
const sutConfigModule = () => import('./sut-config.ts');

/** The run's SUT configuration, read once per worker (qualify has checked it before the run started). */
let sutConfig: SutConfig | undefined;
async function sutConfigVanRun(): Promise<SutConfig | undefined> {
  const path = qualificationRunFromEnv()?.configPath;
  if (path && !sutConfig) sutConfig = (await sutConfigModule()).loadSutConfig(path);
  return sutConfig;
}

export const test = base.extend<{ world: World; worldOptions: Omit<WorldOptions, 'faults'>; sut: SutAdapter }>({
  worldOptions: [{}, { option: true }],
  world: async ({ worldOptions }, use, testInfo) => {
    const run = qualificationRunFromEnv();
    const config = await sutConfigVanRun();
    if (run?.tegen) {
      beginTestTijden();
      try {
        return await (await dienst()).gedeeldeWereld(run.tegen, config, use, testInfo);
      } finally {
        await schrijfTestTijden();
      }
    }
    // The world is the first fixture a test sets up and the last it tears down: its span is the test's.
    beginTestTijden();
    const { startWorld } = await wereld();
    const sutOptions = config ? (await sutConfigModule()).worldOptionsVoor(config) : { faults: (run?.faults ?? []) as ReferenceLasFault[] };
    const world = await meet('world', () =>
      startWorld({
        ...worldOptions,
        ...sutOptions,
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
    const config = await sutConfigVanRun();
    const [{ sutAdapterVoor, testTijdslimiet }, { standaardTijdslimieten }] = await Promise.all([import('./adapters/adapter-voor.ts'), sutConfigModule()]);
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
    const tegenDienst = qualificationRunFromEnv()?.tegen ? await dienst() : undefined;
    const adapter = tegenDienst?.isDienstWereld(world) ? world.volgend(eigen) : eigen;
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
