import { defineConfig } from '@playwright/test';
import { qualificationRunFromEnv } from './suites/run-settings.ts';

/**
 * Two kinds of tests live here:
 * - `harness`: the harness's own tests (unit, servers, command line) under tests/ — `npm test` runs them;
 * - `kwalificatie`: the qualification suites under suites/, run against a system under test by `oso-testbank qualify`,
 *   which passes its settings through the environment (see suites/run-settings.ts).
 */
const run = qualificationRunFromEnv();

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
        ['list'],
        ['allure-playwright', { resultsDir: run.allureResultsDir, detail: false, suiteTitle: false }],
        ['json', { outputFile: run.playwrightJsonPath }],
        // Our own: a finding about the LAS is a <failure>, only a run that could not be carried out an <error>.
        ...(run.junitPath ? [['./suites/junit-reporter.ts', { outputFile: run.junitPath }] as const] : []),
      ]
    : [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  projects: [
    { name: 'harness', testDir: 'tests', testMatch: '**/*.test.ts', testIgnore: 'browser/**' },
    // Needs Chromium (Debian's package, or npx playwright install chromium); kept apart so API runs never need a browser.
    { name: 'browser', testDir: 'tests/browser', testMatch: '**/*.test.ts' },
    { name: 'kwalificatie', testDir: 'suites', testMatch: '**/*.spec.ts' },
  ],
});
