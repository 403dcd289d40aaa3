import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceLasFaults } from '../../simulator/reference-las/faults.ts';
import { allEisen, qualificationCatalogue } from '../../suites/catalogue.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { eisenVoor, loadScenario, loadScenarios, matchesFilter, scenariosDir } from '../../suites/scenario.ts';
import { SourceError } from '../../suites/yaml-source.ts';

const requirements = loadRequirements();
const regulier = readFileSync(join(scenariosDir, 'regulier-povo.yaml'), 'utf8');

function loadText(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'kapot.yaml');
  writeFileSync(file, text);
  try {
    loadScenario(file, requirements);
  } catch (e) {
    if (e instanceof SourceError) return { file, error: e };
    throw e;
  }
  return { file, error: undefined };
}

test('the shipped scenarios load, and the regular dossier runs in both roles', () => {
  const scenarios = loadScenarios();
  const s = scenarios.find((x) => x.id === 'regulier-povo');
  expect(s?.rollen).toEqual(['bron', 'doel']);
  expect(eisenVoor(s!, 'bron').sort()).toEqual(['BRON-01', 'BRON-02', 'BRON-03', 'BRON-04']);
  expect(eisenVoor(s!, 'doel').sort()).toEqual(['DOEL-01', 'DOEL-02', 'DOEL-03', 'DOEL-04']);
});

test('every scenario run is the target of at least one named fault of the reference LAS, so each check is proven to catch', () => {
  const runs = qualificationCatalogue(requirements).flatMap((e) => e.rollen.map((rol) => `${e.id}/${rol}`));
  const targets = Object.values(referenceLasFaults).flatMap((f) => f.vangtIn);
  expect(runs.filter((run) => !matchesFilter(run, targets))).toEqual([]);
});

test('every requirement in the catalogue is verified by at least one scenario or fixed run', () => {
  const covered = new Set(qualificationCatalogue(requirements).flatMap(allEisen));
  expect([...requirements.keys()].filter((id) => !covered.has(id))).toEqual([]);
});

test('invalid YAML is reported with file, line and column', () => {
  const { file, error } = loadText('id: x\ntitel: [niet gesloten\n');
  expect(error?.file).toBe(file);
  expect(error?.message).toMatch(/kapot\.yaml:\d+:\d+: invalid YAML/);
});

test('an unknown step is reported at its line', () => {
  const text = regulier.replace('  - verwacht-overdracht: {}', '  - verwacht-iets: {}');
  const line = text.split('\n').findIndex((l) => l.includes('verwacht-iets')) + 1;
  const { error } = loadText(text);
  expect(error?.line).toBe(line);
  expect(error?.message).toContain("unknown field 'verwacht-iets'");
});

test('a missing required field names the field', () => {
  const { error } = loadText(regulier.replace(/^titel: .*\n/m, ''));
  expect(error?.message).toMatch(/must have required property 'titel'/);
  expect(error?.line).toBe(1);
});

test('an unknown fixture pupil is reported at the step that names it', () => {
  const text = regulier.replace('klaarzetten: { leerling: povo-regulier }', 'klaarzetten: { leerling: bestaat-niet }');
  const { error } = loadText(text);
  expect(error?.line).toBe(text.split('\n').findIndex((l) => l.includes('bestaat-niet')) + 1);
  expect(error?.message).toContain('bestaat-niet');
});

test('declared requirements must be exactly those the steps verify', () => {
  const tooMany = loadText(regulier.replace('eisen: [BRON-01,', 'eisen: [BRON-01, DOEL-99,'));
  expect(tooMany.error?.message).toMatch(/requirement DOEL-99 is not in scenarios\/requirements.yaml/);
  const tooFew = loadText(regulier.replace('BRON-01, ', ''));
  expect(tooFew.error?.message).toMatch(/the steps also verify BRON-01/);
});

test('scenario filters take ids and globs', () => {
  expect(matchesFilter('regulier-povo', [])).toBe(true);
  expect(matchesFilter('regulier-povo', ['regulier-*'])).toBe(true);
  expect(matchesFilter('regulier-povo', ['regulier'])).toBe(false);
  expect(matchesFilter('regulier-povo', ['zorg-*', 'regulier-povo'])).toBe(true);
});
