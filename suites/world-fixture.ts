/**
 * The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state.
 * The SUT is driven through its adapter, also one per test. A test can ask for a different world (e.g. a TC presenting a bad certificate) with `test.use({ worldOptions })`.
 * With a SUT configuration (qualify --config) the world serves the vendor's LAS on the configured fixed addresses, and the
 * adapter is the one the configuration names; without, the embedded reference LAS is the SUT.
 */
import { test as base } from '@playwright/test';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { startWorld, type World, type WorldOptions } from '../simulator/world.ts';
import { sutAdapterVoor, testTijdslimiet } from './adapters/adapter-voor.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { qualificationRunFromEnv } from './run-settings.ts';
import { loadSutConfig, standaardTijdslimieten, worldOptionsVoor, type SutConfig } from './sut-config.ts';

/** The run's SUT configuration, read once per worker (qualify has checked it before the run started). */
let sutConfig: SutConfig | undefined;
function sutConfigVanRun(): SutConfig | undefined {
  const path = qualificationRunFromEnv()?.configPath;
  if (path && !sutConfig) sutConfig = loadSutConfig(path);
  return sutConfig;
}

export const test = base.extend<{ world: World; worldOptions: Omit<WorldOptions, 'faults'>; sut: SutAdapter }>({
  worldOptions: [{}, { option: true }],
  world: async ({ worldOptions }, use) => {
    const run = qualificationRunFromEnv();
    const config = sutConfigVanRun();
    const world = await startWorld({
      ...worldOptions,
      ...(config ? worldOptionsVoor(config) : { faults: (run?.faults ?? []) as ReferenceLasFault[] }),
      ...(run?.seed !== undefined ? { seed: run.seed } : {}),
    });
    try {
      await use(world);
    } finally {
      await world.stop();
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
    const namen = config?.harness.namen;
    const adapter = await sutAdapterVoor(keuze, tijdslimieten, { bewijsMap, naam: world.sut.naam, ...(namen ? { namen } : {}) });
    try {
      await use(adapter);
    } finally {
      await adapter.close();
    }
  },
});

export { expect } from '@playwright/test';
