/**
 * The JUnit file CI systems read: a finding about the LAS is a <failure>, a run that could not be carried out an <error>.
 * A real Playwright run of runs with a known outcome (junit-runs/runs.spec.ts), with the reporter qualify configures.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';

const runsDir = fileURLToPath(new URL('./junit-runs/', import.meta.url));
const reporter = fileURLToPath(new URL('../../suites/junit-reporter.ts', import.meta.url));

test('JUnit writes a failure for a SUT finding, an error for a broken or timed-out run, and counts them apart', async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'junit-'));
  const junit = join(dir, 'junit.xml');
  const config = join(dir, 'playwright.config.mjs');
  writeFileSync(
    config,
    `export default { testDir: ${JSON.stringify(runsDir)}, testMatch: '**/*.spec.ts', workers: 1, outputDir: ${JSON.stringify(join(dir, 'results'))}, reporter: [[${JSON.stringify(reporter)}, { outputFile: ${JSON.stringify(junit)} }]] };\n`,
  );
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [cli, 'test', '--config', config], { env: envWithoutEnclosingRun(), stdio: 'ignore' });
    child.on('exit', done);
  });
  expect(code).toBe(1);

  const xml = readFileSync(junit, 'utf8');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml);
  const suites = parsed.testsuites;
  expect(suites).toMatchObject({ tests: '5', failures: '1', errors: '2', skipped: '1' });
  const cases = new Map<string, Record<string, unknown>>(suites.testsuite.flatMap((s: { testcase: Record<string, unknown>[] }) => s.testcase).map((c: { name: string }) => [c.name.replace(/^(\S+) \[.*$/, '$1'), c]));

  expect(cases.get('voldoet')).not.toHaveProperty('failure');
  expect(cases.get('voldoet')).not.toHaveProperty('error');
  // The finding: a failure, typed, with the requirement on its first line and the whole explanation, escaped.
  const bevinding = cases.get('bevinding') as { failure: { type: string; message: string; '#text': string } };
  expect(bevinding).not.toHaveProperty('error');
  expect(bevinding.failure.type).toBe('CheckFailure');
  expect(bevinding.failure.message).toMatch(/^\[BRON-06\] /);
  expect(bevinding.failure['#text']).toContain('Ontvangen: een dossier & <meer>');
  // The adapter could not drive the LAS, the test ran out of time: the run was not carried out.
  const stuk = cases.get('adapter-stuk') as { error: { type: string; message: string } };
  expect(stuk).not.toHaveProperty('failure');
  expect(stuk.error.type).toBe('AdapterFout');
  expect(stuk.error.message).toContain('verbinding geweigerd');
  expect(cases.get('tijd-op')).toHaveProperty('error');
  expect(cases.get('overgeslagen')).toHaveProperty('skipped');
});
