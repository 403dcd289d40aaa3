/**
 * One language per audience: the command line speaks English to the developer; Dutch appears only where it quotes what a
 * school or reviewer reads (scenario titles, requirement texts, findings). Checked on the real commands; doctor's
 * OK/FAIL lines in tests/cli/vendor-config.test.ts.
 */
import { expect, test } from '@playwright/test';
import { loadRequirements } from '../../suites/requirements.ts';
import { qualificationCatalogue } from '../../suites/catalogue.ts';
import { referenceLasFaults } from '../../simulator/reference-las/faults.ts';
import { runCli } from './run-cli.ts';

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
