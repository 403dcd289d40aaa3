/**
 * Every named fault of the reference LAS makes exactly the qualification runs it targets (`vangtIn`) fail, each as a
 * finding about the SUT, and every other run pass: proof that each check catches what it claims and no fault hides
 * behind collateral failures. Every run is replayed in this process (tests/support/fault-matrix.ts): once clean, noting
 * which switches of its behaviour the LAS looked at, then per fault every run in which the LAS looked at one of the
 * fault's switches; in the others the fault cannot change a thing and the clean outcome stands. The command-line path
 * of the same guarantee is proven once, by `qualify --fault skip-sessiecontrole` in tests/cli/qualify.test.ts.
 * One fault alone: npx playwright test --project=harness tests/suites/fault-matrix.test.ts -g 'fault <name>:'
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLE_SCHAKELAARS, gedragVoor, kanMerken, referenceLasFaults, type ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { matchesFilter } from '../../suites/scenario.ts';
import { alleRuns, schoneRuns, verschillen, voerFaultUit, type SchoneRun } from '../support/fault-matrix.ts';
import { importGraaf, repoRoot } from '../support/import-graph.ts';

// Some sixty runs of a tenth of a second each, on a machine shared with other work.
test.describe.configure({ timeout: 240_000 });

const runs = alleRuns(loadRequirements());
const runIds = runs.map((r) => `${r.info.id}/${r.info.rol}`);

/** The clean replay, once per worker process: every fault of the worker is judged against it. */
let schoon: Promise<SchoneRun[]> | undefined;
const schonePassage = () => (schoon ??= schoneRuns(runs));

test('a fault reaches the LAS only through the switches of its gedrag, and every look at a switch is heard', () => {
  // Only the reference LAS turns the fault list into behaviour (the world passes the list on), and only by gedragVoor.
  const graaf = importGraaf(['simulator']);
  const gebruikers = [...graaf].filter(([, imports]) => imports.includes('simulator/reference-las/faults.ts')).map(([m]) => m);
  expect(gebruikers.sort()).toEqual(['simulator/reference-las/reference-las.ts', 'simulator/world.ts']);
  const las = readFileSync(join(repoRoot, 'simulator/reference-las/reference-las.ts'), 'utf8');
  expect(las.match(/options\.faults/g)).toEqual(['options.faults']);
  expect(las).toContain('gedragVoor(options.faults ?? [], options.gedragGelezen)');

  const gehoord: string[] = [];
  const gedrag = gedragVoor(['skip-sessiecontrole'], (s) => gehoord.push(s));
  expect(gedrag.sessiecontroleOverslaan).toBe(true);
  expect(gedrag.oinNegeren).toBeUndefined();
  expect('tolereer' in gedrag).toBe(false);
  expect(Object.hasOwn(gedrag, 'notificatieOverslaan')).toBe(false);
  expect(gehoord).toEqual(['sessiecontroleOverslaan', 'oinNegeren', 'tolereer', 'notificatieOverslaan']);
  const kopie = { ...gedrag };
  expect(gehoord.slice(4)).toContain(ALLE_SCHAKELAARS);
  expect(kopie).toEqual({ sessiecontroleOverslaan: true });

  expect(kanMerken('ignore-oin', new Set(['sessiecontroleOverslaan']))).toBe(false);
  expect(kanMerken('ignore-oin', new Set(['oinNegeren']))).toBe(true);
  expect(kanMerken('accept-expired-client-cert', new Set(['tolereer']))).toBe(true);
  expect(kanMerken('ignore-oin', new Set([ALLE_SCHAKELAARS]))).toBe(true);
});

test('the matrix replays every run qualify executes, each once', () => {
  expect(runIds.length).toBeGreaterThan(50);
  expect(new Set(runIds).size).toBe(runIds.length);
});

test('the clean reference LAS passes every run', async () => {
  const uitslagen = await schonePassage();
  expect(uitslagen.map((u) => u.run)).toEqual(runIds);
  expect(verschillen(uitslagen, [])).toEqual([]);
  // Every run looks at some switch: a LAS that read none would be a recorder that hears nothing.
  expect(uitslagen.filter((u) => u.gelezen.size === 0).map((u) => u.run)).toEqual([]);
});

for (const [fault, f] of Object.entries(referenceLasFaults) as [ReferenceLasFault, (typeof referenceLasFaults)[ReferenceLasFault]][]) {
  const { vangtIn } = f;
  test(`fault ${fault}: exactly the runs it targets fail, each as a finding about the SUT`, async () => {
    // A pattern that matches no run targets nothing: a renamed scenario would silently shrink the guarantee. Only a fault
    // that shows under load alone (onderLast, proven by tests/belasting/) may target no run: then every run must pass.
    if ('onderLast' in f) expect(vangtIn).toEqual([]);
    else expect(vangtIn.length).toBeGreaterThan(0);
    expect(vangtIn.filter((p) => !runIds.some((r) => matchesFilter(r, [p])))).toEqual([]);
    const clean = await schonePassage();
    // A targeted run in which the LAS never looks at the fault's switches cannot fail by it.
    expect(clean.filter((u) => matchesFilter(u.run, vangtIn) && !kanMerken(fault, u.gelezen)).map((u) => u.run), 'targeted runs that never look at the fault').toEqual([]);
    // A fault that shows under load alone makes the runs wait on a slow LAS (a fixed handling time per documentRequest,
    // by design), so its runs go side by side; each still has a world of its own.
    const uitslagen = await voerFaultUit(runs, clean, fault, 'onderLast' in f ? 8 : 1);
    expect(uitslagen.map((u) => u.run)).toEqual(runIds);
    expect(verschillen(uitslagen, [fault]), `runs of fault ${fault} that differ from vangtIn (${vangtIn.join(', ')})`).toEqual([]);
    test.info().annotations.push({ type: 'herhaald', description: `${uitslagen.filter((u) => u.herhaald).length} of ${runIds.length} runs replayed with the fault` });
  });
}
