/**
 * The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state.
 * The SUT is driven through its adapter, also one per test. A test can ask for a different world (e.g. a TC presenting a bad certificate) with `test.use({ worldOptions })`.
 */
import { test as base } from '@playwright/test';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { startWorld, type World, type WorldOptions } from '../simulator/world.ts';
import { httpAdapter } from './adapters/http-adapter.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

/** Deadline for each call to the SUT's adapter. */
const ADAPTER_TIMEOUT_MS = 30_000;

export const test = base.extend<{ world: World; worldOptions: Omit<WorldOptions, 'faults'>; sut: SutAdapter }>({
  worldOptions: [{}, { option: true }],
  world: async ({ worldOptions }, use) => {
    const run = qualificationRunFromEnv();
    const world = await startWorld({ ...worldOptions, faults: (run?.faults ?? []) as ReferenceLasFault[], ...(run?.seed !== undefined ? { seed: run.seed } : {}) });
    try {
      await use(world);
    } finally {
      await world.stop();
    }
  },
  sut: async ({ world }, use) => {
    const adapter = httpAdapter({ controlUrl: world.sut.controlUrl, timeoutMs: ADAPTER_TIMEOUT_MS });
    try {
      await use(adapter);
    } finally {
      await adapter.close();
    }
  },
});

export { expect } from '@playwright/test';
