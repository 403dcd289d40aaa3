import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { testscholen } from '../../fixtures/scholen.ts';
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { generateDossier, generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { gegevensset2018 } from '../../simulator/dossier/gegevensset.ts';
import { isValidBsn, isValidOnderwijsnummer } from '../../simulator/dossier/pgn.ts';
import { profielen } from '../../simulator/dossier/profile.ts';
import { buildPovoDossier } from '../../simulator/dossier/povo-dossier.ts';
import { categorieen2019 } from '../../simulator/dossier/versies/2019.1/categorieen.ts';
import type * as M from '../../simulator/dossier/versies/2019.1/model.ts';
import { parseXml } from '../../simulator/dossier/xml-reader.ts';
import { kort, valideer } from './dossier-helpers.ts';

const SEEDS = 200;

test.describe(`every generated dossier validates without any finding (${SEEDS} seeds per profile and variant)`, () => {
  for (const profiel of profielen) {
    for (const variant of ['volledig', 'opt-uit'] as const) {
      test(`${profiel} ${variant}`, () => {
        for (let seed = 0; seed < SEEDS; seed++) {
          const xml = generateDossierXml({ profiel, variant, seed, zorg: seed % 3 === 0, ...(seed % 5 === 0 ? { adresgeheim: true } : {}), ...(seed % 7 === 0 ? { pgn: 'onderwijsnummer' as const } : {}) });
          const r = valideer(xml);
          expect(kort(r.findings), `seed ${seed}`).toEqual([]);
          expect(r.profile).toBe(profiel);
        }
      });
    }
  }
});

test('the same seed gives the same dossier, another seed another one', () => {
  const a = generateDossierXml({ profiel: 'POVO', seed: 42, zorg: true });
  expect(generateDossierXml({ profiel: 'POVO', seed: 42, zorg: true })).toBe(a);
  expect(generateDossierXml({ profiel: 'POVO', seed: 43, zorg: true })).not.toBe(a);
});

function documenten(d: M.Dossier): M.Document[] {
  const uit: M.Document[] = [];
  const loop = (x: unknown, sleutel?: string) => {
    if (Array.isArray(x)) x.forEach((y) => loop(y, sleutel));
    else if (x && typeof x === 'object') {
      if (sleutel === 'document') uit.push(x as M.Document);
      for (const [k, v] of Object.entries(x)) loop(v, k);
    }
  };
  loop(d);
  return uit;
}

test('a zorgdossier carries diagnoses, a handelingsplan, OPP, TLV and several attachments that are real ZIPs of PDF, PNG and TXT files', () => {
  const d = generateDossier({ profiel: 'POVO', variant: 'opt-uit', seed: 3, zorg: true });
  const o = d.huidigeschool.leerling.onderwijsondersteuning!;
  expect(o.diagnose!.length).toBeGreaterThan(0);
  expect(o.diagnose![0]!.code.length).toBeGreaterThan(0);
  expect(o.handelingsplan!.length).toBeGreaterThan(0);
  expect(o.opp).toBeDefined();
  expect(o.tlv!.length).toBeGreaterThan(0);
  const docs = documenten(d);
  expect(docs.length).toBeGreaterThanOrEqual(4);
  const soorten = new Set<string>();
  for (const doc of docs) {
    const bestanden = unzipSync(new Uint8Array(Buffer.from(doc.bestandsinhoud, 'base64')));
    const [naam, inhoud] = Object.entries(bestanden)[0]!;
    expect(naam).toBe(doc.bestandsnaam);
    const kop = Buffer.from(inhoud.subarray(0, 8));
    if (naam.endsWith('.pdf')) expect(kop.toString('latin1', 0, 5)).toBe('%PDF-');
    if (naam.endsWith('.png')) expect([...kop]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (naam.endsWith('.txt')) expect(new TextDecoder('utf-8', { fatal: true }).decode(inhoud).length).toBeGreaterThan(0);
    soorten.add(naam.slice(naam.lastIndexOf('.') + 1));
  }
  expect([...soorten].sort()).toEqual(['pdf', 'png', 'txt']);
  expect(kort(valideer(d).findings)).toEqual([]);
});

test('pupils come with a BSN or an onderwijsnummer that pass the check digit; SWV dossiers carry neither', () => {
  const bsn = generateDossier({ profiel: 'POVO', seed: 1, pgn: 'bsn' }).huidigeschool.leerling;
  expect(isValidBsn(bsn.bsn!)).toBe(true);
  const on = generateDossier({ profiel: 'VOVO', seed: 1, pgn: 'onderwijsnummer' }).huidigeschool.leerling;
  expect(on.bsn).toBeUndefined();
  expect(isValidOnderwijsnummer(on.onderwijsnummer!)).toBe(true);
  for (const profiel of ['POSWV', 'VOSWV'] as const) {
    const l = generateDossier({ profiel, seed: 1 }).huidigeschool.leerling;
    expect([l.bsn, l.onderwijsnummer]).toEqual([undefined, undefined]);
    expect(l.leerlingid).toBeTruthy();
  }
});

test('a pupil with a secret address has no address in the dossier and secret numbers written as the agreement says', () => {
  const d = generateDossier({ profiel: 'POVO', variant: 'volledig', seed: 2, adresgeheim: true });
  const l = d.huidigeschool.leerling;
  expect(l.adresgeheim).toBe('true');
  expect(l.adreslijst).toBeUndefined();
  const geheim = [...(l.communicatielijst?.communicatie ?? []), ...(l.verzorger ?? []).flatMap((v) => v.communicatielijst?.communicatie ?? [])].filter((c) => c.geheim === 'true');
  expect(geheim.length).toBeGreaterThan(0);
  for (const c of geheim) expect(c.nummer).toBe(c.soort === 'telefoon' ? '9999999999' : 'geheim@geheim.geheim');
  expect(kort(valideer(d).findings)).toEqual([]);
});

test('opt-out marks every optional category OPT-UIT and leaves its data out; full fills them', () => {
  for (const profiel of profielen) {
    const uit = generateDossier({ profiel, variant: 'opt-uit', seed: 5 });
    const vol = generateDossier({ profiel, variant: 'volledig', seed: 5 });
    const waarden = Object.values(uit.metadata.categorie_uitlevering!);
    expect(waarden).not.toContain('OPTIONEEL');
    expect(Object.values(vol.metadata.categorie_uitlevering!)).not.toContain('OPT-UIT');
    const xmlUit = parseXml(dossierToXml(uit));
    for (const c of categorieen2019) {
      if (uit.metadata.categorie_uitlevering![c.naam] !== 'OPT-UIT') continue;
      for (const e of c.elementen) expect(xmlUit.index.get(e) ?? [], `${profiel} ${c.naam} ${e}`).toEqual([]);
    }
  }
});

test('the fixture pupils build dossiers the way the LAS klaarzet them, and all validate', () => {
  const school = testscholen.po;
  for (const leerling of loadFixtureLeerlingen()) {
    const xml = buildPovoDossier({
      leerling,
      school: { naam: school.naam, brincode: school.brin, vestigingscode: school.vestigingscode, aanleverpunt: school.routeringsKenmerk, adres: school.adres, telefoon: school.telefoon },
      datum: '2026-03-16',
      pakket: { naam: 'OSO Testbank Testschool', versie: '0.1.0' },
    });
    const r = valideer(xml);
    expect(kort(r.findings), leerling.id).toEqual([]);
    expect(r.profile).toBe('POVO');
    expect(xml).toContain(`<${leerling.pgn.soort}>${leerling.pgn.waarde}</${leerling.pgn.soort}>`);
    if (leerling.zorg) expect(xml).toContain('<onderwijsondersteuning>');
  }
});

test('a release identity can be written: a 2019.1-shaped dossier that claims 2018.1', () => {
  const xml = generateDossierXml({ profiel: 'POVO', seed: 1, versie: gegevensset2018 });
  expect(xml).toContain('xmlns="http://www.edustandaard.nl/oso_gegevensset/2018/dossier"');
  expect(xml).toContain('<standaardversie>2018.1</standaardversie>');
  expect(xml).toContain('<validatieversie>2018.1.1</validatieversie>');
});
