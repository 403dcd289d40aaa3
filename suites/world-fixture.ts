/** The world as a Playwright fixture: every test gets its own, started before and stopped after, so no test shares state. */
import { test as base } from '@playwright/test';
import { startWorld, type World } from '../simulator/world.ts';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

export const test = base.extend<{ world: World }>({
  // eslint-disable-next-line no-empty-pattern
  world: async ({}, use) => {
    const run = qualificationRunFromEnv();
    const world = await startWorld({ faults: (run?.faults ?? []) as ReferenceLasFault[] });
    try {
      await use(world);
    } finally {
      await world.stop();
    }
  },
});

export { expect } from '@playwright/test';
