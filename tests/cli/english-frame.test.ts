/**
 * One language per audience: the command line speaks English to the developer; Dutch appears only where it quotes what a
 * school or reviewer reads (scenario titles, requirement texts, findings). Checked on the real commands.
 */
import { expect, test } from '@playwright/test';
import { loadRequirements } from '../../suites/requirements.ts';
import { qualificationCatalogue } from '../../suites/catalogue.ts';
import { referenceLasFaults } from '../../simulator/reference-las/faults.ts';
import { runCli } from './run-cli.ts';

test('doctor without --config: one OK or FAIL line per check, in English, exit 0 for the embedded setup', async () => {
  const { code, stdout, stderr } = await runCli(['doctor'], 120_000);
  expect(code, stdout + stderr).toBe(0);
  const lines = stdout.trimEnd().split('\n');
  expect(lines[0]).toBe('No --config: checking the embedded setup (the reference LAS is the system under test).');
  expect(lines.at(-1)).toBe('For your own LAS: oso-testbank doctor --config FILE (see docs/vendor-guide.md).');
  const checks = lines.slice(1, -1);
  // The test PKI's parties and the simulated world: every line a check, every check OK.
  expect(checks.length).toBeGreaterThanOrEqual(4);
  for (const l of checks) expect(l).toMatch(/^OK {3}/);
  expect(checks.filter((l) => /^OK {3}test certificate \S+ \(OIN \d{20}\) valid until \d{4}-\d\d-\d\d$/.test(l)).length).toBe(checks.length - 1);
  expect(checks.at(-1)).toBe('OK   the simulated world (TC, testscholen, reference LAS) starts on loopback, on free ports, and stops again');
  expect(stdout).not.toMatch(/\b(FOUT|oplossing|geldig|gesimuleerde|Geen)\b/);
});

test('scenarios: English headings around the Dutch titles and requirement texts of the catalogue', async () => {
  const { code, stdout } = await runCli(['scenarios']);
  expect(code).toBe(0);
  const requirements = loadRequirements();
  const scenarios = qualificationCatalogue(requirements);
  expect(stdout.startsWith(`Scenarios (${scenarios.length})\n`)).toBe(true);
  expect(stdout).toContain(`\nRequirements (${requirements.size})\n`);
  expect(stdout.match(/^ {38}requirements: /gm)?.length).toBe(scenarios.length);
  // Quoted as the catalogue states them.
  expect(stdout).toContain(scenarios[0]!.titel);
  expect(stdout).toContain([...requirements.values()][0]!.tekst);
  expect(stdout).not.toMatch(/Scenario's \(|^Eisen \(|eisen: |NIET GEDEKT/m);
});

test('reference-las --list-faults --verbose: each fault with what it does, in English', async () => {
  const { code, stdout } = await runCli(['reference-las', '--list-faults', '--verbose']);
  expect(code).toBe(0);
  const lines = stdout.trimEnd().split('\n');
  expect(lines.map((l) => l.split('\t')[0])).toEqual(Object.keys(referenceLasFaults));
  for (const l of lines) {
    const [, omschrijving] = l.split('\t') as [string, string];
    expect(omschrijving, l).toMatch(/^[A-Z].+\.$/);
    expect(omschrijving, l).not.toMatch(/\b(het|een|niet|wordt|geen|ook|bij)\b/);
  }
});
