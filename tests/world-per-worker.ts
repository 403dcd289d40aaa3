/**
 * One simulated world per Playwright worker, for test files that make many small calls: starting a world costs more
 * than a TC call. Tests that use it open their own sessions and read only log entries after their own start.
 */
import { test as base } from '@playwright/test';
import { startWorld, type World } from '../simulator/world.ts';

export const test = base.extend<{}, { world: World }>({
  world: [
    async ({}, use) => {
      const world = await startWorld();
      try {
        await use(world);
      } finally {
        await world.stop();
      }
    },
    { scope: 'worker' },
  ],
});
