/**
 * The pupils of a capacity run: the fixture pupils multiplied with generated ones, seeded, with valid check digits,
 * zorg pupils in the national proportion, and dossiers that validate as the fixture pupils' do.
 */
import { expect, test } from '@playwright/test';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { isValidPgn } from '../../simulator/dossier/pgn.ts';
import { validateDossier } from '../../simulator/dossier/index.ts';
import { landelijkeCijfers } from '../../simulator/load/belasting-profielen.ts';
import { leerlingmix } from '../../suites/belasting/belasting-run.ts';
import { belastingLeerlingen, leerlingenProbleem } from '../../suites/belasting/belasting-leerlingen.ts';

const fixture = loadFixtureLeerlingen();

test('the same seed gives the same pupils, another seed others; more pupils than the fixture file, each PGN valid and distinct', () => {
  const a = belastingLeerlingen(100, '7');
  expect(belastingLeerlingen(100, '7')).toEqual(a);
  const b = belastingLeerlingen(100, '8');
  expect(b.gegenereerd.map((l) => l.pgn.waarde)).not.toEqual(a.gegenereerd.map((l) => l.pgn.waarde));
  expect(a.fixture).toEqual(fixture);
  expect(a.gegenereerd).toHaveLength(100 - fixture.length);
  const alle = [...a.fixture, ...a.gegenereerd];
  expect(alle.every((l) => isValidPgn(l.pgn))).toBe(true);
  expect(new Set(alle.map((l) => l.pgn.waarde)).size).toBe(100);
  expect(new Set(alle.map((l) => l.id)).size).toBe(100);
  expect(a.gegenereerd.some((l) => l.pgn.soort === 'onderwijsnummer')).toBe(true);
  // Zorg pupils (and zorg pupils with many attachments) in the national proportion among the generated ones.
  const zorg = a.gegenereerd.filter((l) => l.zorg);
  expect(zorg).toHaveLength(Math.round(94 * landelijkeCijfers.aandeelZorgdossier.waarde));
  expect(zorg.filter((l) => (l.extraBijlagen ?? 0) > 0)).toHaveLength(Math.round(zorg.length * landelijkeCijfers.aandeelVeelBijlagen.waarde));
  // Too few for the fixture pupils is refused.
  expect(leerlingenProbleem(fixture.length - 1)).toContain(`at least ${fixture.length}`);
  expect(leerlingenProbleem(fixture.length)).toBeUndefined();
});

test('the mix over fixture and generated pupils keeps the national shares: 15 % zorgdossiers, 10 % of those with many attachments', () => {
  const { fixture: f, gegenereerd } = belastingLeerlingen(100, '1');
  const mix = leerlingmix([...f, ...gegenereerd]);
  expect(mix.reduce((s, m) => s + m.aandeel, 0)).toBeCloseTo(1, 9);
  expect(mix.filter((m) => m.leerling.zorg).reduce((s, m) => s + m.aandeel, 0)).toBeCloseTo(0.15, 9);
  expect(mix.filter((m) => (m.leerling.extraBijlagen ?? 0) > 0).reduce((s, m) => s + m.aandeel, 0)).toBeCloseTo(0.015, 9);
});

test("a generated pupil's dossier, built as a LAS builds it, validates without any error, zorgdossiers with their attachments", () => {
  const { gegenereerd } = belastingLeerlingen(40, '3');
  const school = { naam: 'De Proeftuin', brincode: '99XA', vestigingscode: '00', aanleverpunt: 'AP-99XA', adres: fixture[0]!.adres, telefoon: '0101234567' };
  for (const l of gegenereerd) {
    const xml = generateDossierXml({ profiel: 'POVO', variant: 'opt-uit', seed: `1|${l.id}`, zorg: !!l.zorg, leerling: l, school, datum: '2026-03-16' });
    const uitslag = validateDossier(xml);
    expect(uitslag.findings.filter((f) => f.severity === 'error'), l.id).toEqual([]);
    expect(xml).toContain(l.pgn.waarde);
    if (l.zorg) expect(xml, l.id).toMatch(/<([\w-]+:)?bestandsinhoud[\s>]/);
  }
});
