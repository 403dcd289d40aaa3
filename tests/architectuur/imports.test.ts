/**
 * The house's layers, checked on the source: no import circles, and the few one-way rules that are simple to state.
 * protocol and dossier (pure) ← servers ← world ← store (the durable store of `serve`) ← web pages ← suites (scenario
 * engine ← steps ← suites declaring tests) ← reports ← serve (the hosted service) ← cli. The text layer — web/html.ts (the one HTML escape) and web/meervoud.ts (Dutch counts) — imports
 * nothing and may be used by every layer.
 */
import { expect, test } from '@playwright/test';
import { importCirkels, importGraaf, type ModulePad } from '../support/import-graph.ts';

const MAPPEN = ['simulator', 'store', 'web', 'suites', 'reports', 'serve', 'cli', 'certs', 'fixtures'];
const PAGINALAAG = 'web/html.ts';
const TEKSTLAAG = [PAGINALAAG, 'web/meervoud.ts'];
const isTekstlaag = (i: ModulePad) => TEKSTLAAG.includes(i);

const graaf = importGraaf(MAPPEN);

/** Every import from a module matching `van` of a module matching `naar`, as "from → to". */
function overtredingen(van: (m: ModulePad) => boolean, naar: (m: ModulePad) => boolean): string[] {
  return [...graaf].flatMap(([m, imports]) => (van(m) ? imports.filter(naar).map((i) => `${m} → ${i}`) : []));
}

const onder = (...mappen: string[]) => (m: ModulePad) => mappen.some((map) => m.startsWith(`${map}/`));

test('the graph is read from the source: a known import is in it', () => {
  expect(graaf.get('suites/scenario.ts')).toContain('suites/steps/catalogue.ts');
  expect(graaf.get('web/operator-console/pagina.ts')).toContain(PAGINALAAG);
  expect(graaf.size).toBeGreaterThan(150);
});

test('the circle finder names a circle, and only real ones', () => {
  const g = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts', 'd.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['e.ts']],
    ['e.ts', []],
    ['f.ts', ['f.ts']],
  ]);
  expect(importCirkels(g)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['f.ts', 'f.ts']]);
  expect(importCirkels(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
});

test('no import circles in simulator/, store/, web/, suites/, reports/, serve/, cli/, certs/ or fixtures/', () => {
  expect(importCirkels(graaf).map((c) => c.join(' → '))).toEqual([]);
});

test('simulator/protocol and simulator/dossier are pure: they import only themselves (and the text layer)', () => {
  for (const map of ['simulator/protocol', 'simulator/dossier'])
    expect(overtredingen(onder(map), (i) => !i.startsWith(`${map}/`) && !isTekstlaag(i)), map).toEqual([]);
});

test('the text layer (web/html.ts, web/meervoud.ts) imports nothing of the house', () => {
  for (const m of TEKSTLAAG) expect(graaf.get(m), m).toEqual([]);
});

test('layers depend downward: simulator ← store ← web ← suites ← reports ← serve ← cli', () => {
  const lagen = ['simulator', 'store', 'web', 'suites', 'reports', 'serve', 'cli'];
  lagen.forEach((laag, i) =>
    expect(overtredingen(onder(laag), (m) => onder(...lagen.slice(i + 1))(m) && !isTekstlaag(m)), `${laag}/`).toEqual([]),
  );
});

test('in suites/: the scenario engine is below the steps, the steps below the suites that declare tests', () => {
  /** What declares tests or gathers them: the spec files, the run catalogue, the scenario loader, the security runs. */
  const declareert = (i: ModulePad) =>
    i.endsWith('.spec.ts') || ['suites/catalogue.ts', 'suites/scenario.ts', 'suites/qualification-runs.ts'].includes(i) || onder('suites/beveiliging')(i);
  const engine = ['suites/scenario-model.ts', 'suites/scenario-runner.ts', 'suites/scenario-context.ts', 'suites/partij.ts', 'suites/sessie-bij-sut.ts'];
  expect(overtredingen((m) => engine.includes(m), (i) => onder('suites/steps')(i) || declareert(i)), 'engine').toEqual([]);
  expect(overtredingen(onder('suites/steps'), declareert), 'steps').toEqual([]);
});

test('the rules above see every module they speak of', () => {
  // A renamed folder must not make a rule pass by matching nothing.
  for (const map of ['simulator/protocol', 'simulator/dossier', 'web/operator-console', 'suites/steps', 'suites/beveiliging'])
    expect([...graaf.keys()].filter(onder(map)).length, map).toBeGreaterThan(0);
});
