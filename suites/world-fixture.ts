/**
 * The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state.
 * A test can ask for a different world (e.g. a TC presenting a bad certificate) with `test.use({ worldOptions })`.
 */
import { test as base } from '@playwright/test';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { startWorld, type World, type WorldOptions } from '../simulator/world.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

export const test = base.extend<{ world: World; worldOptions: Omit<WorldOptions, 'faults'> }>({
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
});

export { expect } from '@playwright/test';
