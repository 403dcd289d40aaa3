/**
 * One simulated world per Playwright worker, for test files that make many small calls: starting a world costs more
 * than a TC call. Tests that use it open their own sessions and read only log entries after their own start. The world
 * ends with the worker process (its servers with it).
 */
import { test as base } from '@playwright/test';
import { startWorld, type World } from '../simulator/world.ts';
import { perWerker } from './support/per-werker.ts';

const wereld = perWerker(() => startWorld());

export const test = base.extend<{ world: World }>({
  world: async ({}, use) => use(await wereld()),
});
