import { defineConfig } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { qualificationRunFromEnv } from './suites/run-settings.ts';

/**
 * Two kinds of tests live here:
 * - `harness`: the harness's own tests (unit, servers, command line) under tests/ — `npm test` runs them;
 * - `kwalificatie`: the qualification suites under suites/, run against a system under test by `oso-testbank qualify`,
 *   which passes its settings through the environment (see suites/run-settings.ts).
 */
const run = qualificationRunFromEnv();
/** Names this test run for what its workers share (tests/support/gedeelde-kwalificatie.ts); workers inherit it. */
process.env.OSO_TESTRUN_ID ??= randomUUID();
/**
 * Anchored at this folder: Playwright matches a glob like 'browser/**' anywhere in the absolute path, so a clone inside a
 * folder named "browser" ran no harness test at all.
 */
const browserTests = new RegExp(`^${fileURLToPath(new URL('./tests/browser/', import.meta.url)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

export default defineConfig({
  globalSetup: './suites/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  outputDir: run ? `${run.reportDir}/test-results` : 'test-results',
  reporter: run
    ? [
        // One compact line per run; the report holds the details.
        ['./suites/terminal-reporter.ts'],
        ['allure-playwright', { resultsDir: run.allureResultsDir, detail: false, suiteTitle: false }],
        ['json', { outputFile: run.playwrightJsonPath }],
        // Our own: a finding about the LAS is a <failure>, only a run that could not be carried out an <error>.
        ...(run.junitPath ? [['./suites/junit-reporter.ts', { outputFile: run.junitPath }] as const] : []),
      ]
    : [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  projects: [
    { name: 'harness', testDir: 'tests', testMatch: '**/*.test.ts', testIgnore: browserTests },
    // Needs Chromium (suites/chromium.ts finds one; on Linux x64 npm ci brings it); kept apart so API runs never need a browser.
    { name: 'browser', testDir: 'tests/browser', testMatch: '**/*.test.ts' },
    { name: 'kwalificatie', testDir: 'suites', testMatch: '**/*.spec.ts' },
  ],
});
