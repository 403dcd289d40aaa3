import { test, expect } from '@playwright/test';
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { gegevensset2018, gegevensset2019 } from '../../simulator/dossier/gegevensset.ts';
import { generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { OnbekendeGegevenssetFout, validateDossier } from '../../simulator/dossier/validator.ts';
import { bekendeVersies, huidigeVersie, versieOpNamespace, volledigeVersie } from '../../simulator/dossier/versies/index.ts';
import { basisDossier, kort } from './dossier-helpers.ts';

test('2019.1 is complete; 2018.1 is known by its identity', () => {
  expect(huidigeVersie.versie).toBe('2019.1');
  expect(volledigeVersie('2019.1')).toBe(huidigeVersie);
  expect(volledigeVersie('2018.1')).toBeUndefined();
  expect(versieOpNamespace('http://www.edustandaard.nl/oso_gegevensset/2018/dossier')?.versie).toBe('2018.1');
  expect(bekendeVersies.map((v) => [v.versie, v.standaardversie, v.validatieversie])).toEqual([
    ['2019.1', '2019.1', '2019.1.1'],
    ['2018.1', '2018.1', '2018.1.1'],
  ]);
  expect(gegevensset2019.namespace).toBe('http://www.edustandaard.nl/oso_gegevensset/2019/dossier');
});

test('a dossier of last year is recognised and refused: it must be klaargezet again', () => {
  const r = validateDossier(generateDossierXml({ profiel: 'POVO', seed: 1, versie: gegevensset2018 }));
  expect(r.valid).toBe(false);
  expect(r.gegevensset).toBe('2018.1');
  expect(kort(r.findings)).toEqual(['error VERSIE.vorige /dossier']);
  expect(r.findings[0]!.message).toMatch(/gegevensset 2018\.1.*opnieuw klaarzetten in gegevensset 2019\.1/);
});

test('a 2019 namespace that claims another standaardversie is judged by the rules (OG.02, MD02)', () => {
  const d = basisDossier('POVO');
  d.metadata.standaardversie = '2018.1';
  d.metadata.validatieversie = '2018.1.1';
  expect(kort(validateDossier(dossierToXml(d)).findings)).toEqual(['error OG.02 /dossier/metadata/standaardversie', 'error OVa.MD02 /dossier/metadata']);
});

test('an unknown namespace, no namespace, or another root element are findings, not crashes', () => {
  const xml = dossierToXml(basisDossier('POVO'));
  const vreemd = validateDossier(xml.replace(gegevensset2019.namespace, 'urn:iets-anders'));
  expect(kort(vreemd.findings)).toEqual(['error XML.namespace /dossier']);
  expect(vreemd.gegevensset).toBeNull();
  expect(kort(validateDossier(xml.replace(` xmlns="${gegevensset2019.namespace}"`, '')).findings)).toEqual(['error XML.namespace /dossier']);
  expect(kort(validateDossier(`<leerling xmlns="${gegevensset2019.namespace}"/>`).findings)).toEqual(['error XML.root /leerling']);
});

test('validating against a release that is unknown or known by identity only is refused up front', () => {
  expect(() => validateDossier('<dossier/>', { gegevensset: '2018.1' })).toThrow(OnbekendeGegevenssetFout);
  expect(() => validateDossier('<dossier/>', { gegevensset: '2018.1' })).toThrow(/alleen bij identiteit bekend/);
  expect(() => validateDossier('<dossier/>', { gegevensset: '2031.1' })).toThrow(/onbekende release/);
  expect(validateDossier(dossierToXml(basisDossier('VOVO')), { gegevensset: '2019.1' }).valid).toBe(true);
});

test('unreadable input is reported, never thrown', () => {
  const r = validateDossier(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]));
  expect(r.unreadable).toBe(true);
  expect(r.findings[0]!.rule).toMatch(/^XML\./);
});

test('whatever the damage, validation reports and never throws (deterministic fuzz over a generated dossier)', async () => {
  const { Prng } = await import('../../simulator/dossier/generator/prng.ts');
  const prng = new Prng('fuzz');
  const xml = generateDossierXml({ profiel: 'POVO', seed: 9, zorg: true });
  const tekens = ['<', '>', '&', '"', "'", '/', '\u0000', '\uD800', ' ', 'x', '<!--', ']]>', '<![CDATA[', '&#0;', '&amp;', '</dossier>', '<dossier>'];
  for (let i = 0; i < 300; i++) {
    const van = prng.getal(0, xml.length - 1);
    const tot = Math.min(xml.length, van + prng.getal(0, 40));
    const kapot = xml.slice(0, van) + (prng.kans(0.5) ? prng.kies(tekens) : '') + xml.slice(tot);
    const r = validateDossier(kapot);
    expect(typeof r.valid).toBe('boolean');
    if (!r.valid) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
  }
});
