/**
 * Every named fault of the reference LAS makes exactly the qualification runs it targets (`vangtIn`) fail, each as a
 * finding about the SUT, and every other run pass: proof that each check catches what it claims and no fault hides
 * behind collateral failures. Every run is replayed per fault in this process (tests/support/fault-matrix.ts); the
 * command-line path of the same guarantee is proven once, by `qualify --fault skip-sessiecontrole` in
 * tests/cli/qualify.test.ts. One fault alone: npx playwright test --project harness tests/suites/fault-matrix.test.ts -g 'fault <name>:'
 */
import { expect, test } from '@playwright/test';
import { referenceLasFaults, type ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { matchesFilter } from '../../suites/scenario.ts';
import { alleRuns, verschillen, voerRunsUit } from '../support/fault-matrix.ts';

// Some sixty runs of a tenth of a second each, on a machine shared with other work.
test.describe.configure({ timeout: 240_000 });

const runs = alleRuns(loadRequirements());
const runIds = runs.map((r) => `${r.info.id}/${r.info.rol}`);

test('the matrix replays every run qualify executes, each once', () => {
  expect(runIds.length).toBeGreaterThan(50);
  expect(new Set(runIds).size).toBe(runIds.length);
});

test('the clean reference LAS passes every run', async () => {
  expect(verschillen(await voerRunsUit(runs, []), [])).toEqual([]);
});

for (const [fault, f] of Object.entries(referenceLasFaults) as [ReferenceLasFault, (typeof referenceLasFaults)[ReferenceLasFault]][]) {
  const { vangtIn } = f;
  test(`fault ${fault}: exactly the runs it targets fail, each as a finding about the SUT`, async () => {
    // A pattern that matches no run targets nothing: a renamed scenario would silently shrink the guarantee. Only a fault
    // that shows under load alone (onderLast, proven by tests/belasting/) may target no run: then every run must pass.
    if ('onderLast' in f) expect(vangtIn).toEqual([]);
    else expect(vangtIn.length).toBeGreaterThan(0);
    expect(vangtIn.filter((p) => !runIds.some((r) => matchesFilter(r, [p])))).toEqual([]);
    // A fault that shows under load alone makes the runs wait on a slow LAS (a fixed handling time per documentRequest,
    // by design), so its runs go side by side; each still has a world of its own.
    const uitslagen = await voerRunsUit(runs, [fault], 'onderLast' in f ? 8 : 1);
    expect(uitslagen.map((u) => u.run)).toEqual(runIds);
    expect(verschillen(uitslagen, [fault]), `runs of fault ${fault} that differ from vangtIn (${vangtIn.join(', ')})`).toEqual([]);
  });
}
