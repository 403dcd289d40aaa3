/**
 * Scenario dates relative to the school year, and the run's known starting state without a reset: what the harness
 * reads back leaves out what the SUT held before the run.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datumInSchooljaar, schooljaarVan } from '../../simulator/schooljaar.ts';
import { nieuwSinds } from '../../suites/beginstand.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { loadScenario, scenariosDir } from '../../suites/scenario.ts';
import { SourceError } from '../../suites/yaml-source.ts';

test('a day of the school year is that day in the school year of the reference date, which runs from 1 August to 31 July', () => {
  expect(schooljaarVan('2026-12-05')).toEqual({ begin: '2026-08-01', eind: '2027-07-31' });
  expect(schooljaarVan('2026-07-31')).toEqual({ begin: '2025-08-01', eind: '2026-07-31' });
  expect(datumInSchooljaar('16 maart', '2026-12-05')).toBe('2027-03-16');
  expect(datumInSchooljaar('3 november', '2026-12-05')).toBe('2026-11-03');
  expect(datumInSchooljaar('16 maart', '2026-05-01')).toBe('2026-03-16');
  expect(datumInSchooljaar('29 juni', '2026-05-01')).toBe('2026-06-29');
  expect(datumInSchooljaar('na de zomerrelease', '2026-05-01')).toBe('2026-08-01');
  expect(datumInSchooljaar('na de zomerrelease', '2026-08-01')).toBe('2027-08-01');
  expect(datumInSchooljaar('29 februari', '2027-09-01')).toBe('2028-02-29');
  expect(datumInSchooljaar('2026-03-16', '2030-01-01')).toBe('2026-03-16');
  expect(() => datumInSchooljaar('29 februari', '2026-09-01')).toThrow("Datum '29 februari' bestaat niet in de kalender.");
  expect(() => datumInSchooljaar('volgende week', '2026-09-01')).toThrow(/geen datum die de testbank kent/);
});

test('a scenario with a day the calendar lacks is refused at load, with file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
  const file = join(dir, 'niet-klaargezet.yaml');
  const tekst = readFileSync(join(scenariosDir, 'niet-klaargezet.yaml'), 'utf8').replace('datum: "16 maart"', 'datum: "31 april"');
  writeFileSync(file, tekst);
  const regel = tekst.split('\n').findIndex((l) => l.includes('31 april')) + 1;
  let fout: unknown;
  try {
    loadScenario(file, loadRequirements());
  } catch (e) {
    fout = e;
  }
  expect(fout).toBeInstanceOf(SourceError);
  expect((fout as Error).message).toContain(`${file}:${regel}:`);
  expect((fout as Error).message).toContain("Datum '31 april' bestaat niet in de kalender.");
});

test('without a reset, only what arrived during the run counts: entries held before are left out, one for one', () => {
  const a = { pgn: '1', status: 'opgeslagen', ontvangenOp: 'x' };
  const b = { pgn: '2', status: 'geweigerd', ontvangenOp: 'y' };
  expect(nieuwSinds([a, b, { ...a }], [a])).toEqual([b, a]);
  // Field order does not make an old entry new.
  expect(nieuwSinds([{ ontvangenOp: 'x', status: 'opgeslagen', pgn: '1' }], [a])).toEqual([]);
  expect(nieuwSinds([b], [])).toEqual([b]);
});
