import { test, expect } from '@playwright/test';
import { fixtureLeerling, loadFixtureLeerlingen, parseFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { isValidPgn } from '../../simulator/dossier/pgn.ts';
import { buildPovoDossier } from '../../simulator/dossier/povo-dossier.ts';
import { readDossier } from '../../simulator/dossier/dossier-reader.ts';
import { proefschool } from './proefschool.ts';

// The weighted sum, computed here again so the fixtures are checked by more than the code under test.
function elfproefRest(nummer: string): number {
  const gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const som = [...nummer].reduce((s, c, i) => s + gewichten[i]! * Number(c), 0);
  return ((som % 11) + 11) % 11;
}

test('all fixture pupils load, with unique ids and valid PGNs', () => {
  const leerlingen = loadFixtureLeerlingen();
  const ids = leerlingen.map((l) => l.id);
  expect(ids).toEqual(expect.arrayContaining(['povo-regulier', 'povo-bjorn', 'povo-onderwijsnummer']));
  expect(new Set(ids).size).toBe(ids.length);
  for (const l of leerlingen) {
    expect(isValidPgn(l.pgn), l.id).toBe(true);
    expect(l.pgn.waarde, l.id).toMatch(/^[0-9]{9}$/);
    expect(elfproefRest(l.pgn.waarde), l.id).toBe(l.pgn.soort === 'bsn' ? 0 : 5);
    // The public examples from the specification stay out of the fixtures.
    expect(['003389261', '101211151'], l.id).not.toContain(l.pgn.waarde);
  }
});

test('povo-regulier: BSN pupil in groep 8 with a voorvoegsel and two verzorgers', () => {
  const l = fixtureLeerling('povo-regulier');
  expect(l.pgn.soort).toBe('bsn');
  expect(l.voorvoegsel).toBeTruthy();
  expect(l.verzorgers).toHaveLength(2);
  expect(l.schoolloopbaan.at(-1)?.jaargroep).toBe('8');
});

test('povo-bjorn: diacritics and an apostrophe in the name, a BSN with a leading zero', () => {
  const l = fixtureLeerling('povo-bjorn');
  expect(l.pgn.soort).toBe('bsn');
  expect(l.pgn.waarde.startsWith('0')).toBe(true);
  expect(l.voornaam).toBe('Björn');
  expect(l.achternaam).toContain("'");
  expect(l.achternaam).toMatch(/[^\x00-\x7F]/);
});

test('povo-onderwijsnummer: an onderwijsnummer and no BSN', () => {
  const l = fixtureLeerling('povo-onderwijsnummer');
  expect(l.pgn.soort).toBe('onderwijsnummer');
  expect(l.pgn.waarde.startsWith('10')).toBe(true);
});

test('every fixture pupil builds a POVO dossier that reads back to the same pupil', () => {
  for (const l of loadFixtureLeerlingen()) {
    const xml = buildPovoDossier({ leerling: l, ...proefschool });
    const kern = readDossier(xml);
    expect(kern.leerling, l.id).toEqual({
      pgn: l.pgn,
      achternaam: l.achternaam,
      voornaam: l.voornaam,
      geboortedatum: l.geboortedatum,
      leerlingid: l.leerlingid,
    });
  }
});

test('povo-zorg is a zorgdossier pupil and povo-geheim-adres has a secret address; the others are neither', () => {
  expect(fixtureLeerling('povo-zorg').zorg).toBe(true);
  expect(fixtureLeerling('povo-geheim-adres').adresgeheim).toBe(true);
  expect(fixtureLeerling('povo-regulier').zorg).toBeUndefined();
});

test('an unknown fixture id is a clear error naming the id', () => {
  expect(() => fixtureLeerling('bestaat-niet')).toThrow(/Onbekende fixture-leerling "bestaat-niet".*povo-regulier/);
});

const geldigeYaml = (pgn: string, id = 'kapot') => `
leerlingen:
  - id: ${id}
    pgn: ${pgn}
    achternaam: Proef
    voornaam: Piet
    geboortedatum: "2008-01-01"
    geslacht: "2"
    adresgeheim: false
    adres: { straatnaam: Proefstraat, huisnummer: "1", postcode: 9999 XA, plaatsnaam: Teststad }
    leerlingid: LL-1
    datuminschrijving: "2012-08-20"
    verzorgers: []
    schoolloopbaan: []
    advies: "61"
`;

test('parses well-formed fixture YAML into a Leerling', () => {
  const [l] = parseFixtureLeerlingen(geldigeYaml('{ soort: bsn, waarde: "999900018" }', 'goed'), 'test.yaml');
  expect(l).toMatchObject({ id: 'goed', pgn: { soort: 'bsn', waarde: '999900018' }, adres: { postcode: '9999 XA' } });
  expect(l).not.toHaveProperty('voorvoegsel');
});

test('a fixture whose BSN fails the check digit is refused, naming the fixture', () => {
  expect(() => parseFixtureLeerlingen(geldigeYaml('{ soort: bsn, waarde: "999900019" }'), 'test.yaml')).toThrow(
    /test\.yaml: fixture "kapot": bsn 999900019 haalt de elfproef niet/,
  );
});

test('a fixture whose onderwijsnummer fails the check digit is refused, naming the fixture', () => {
  expect(() => parseFixtureLeerlingen(geldigeYaml('{ soort: onderwijsnummer, waarde: "003389261" }'), 'test.yaml')).toThrow(
    /fixture "kapot": onderwijsnummer 003389261/,
  );
});

test('an unquoted number (leading zeros lost by YAML) is refused with a hint', () => {
  expect(() => parseFixtureLeerlingen(geldigeYaml('{ soort: bsn, waarde: 009990008 }'), 'test.yaml')).toThrow(
    /fixture "kapot": 'waarde' moet een niet-lege tekst zijn.*aanhalingstekens/,
  );
});

test('duplicate fixture ids are refused', () => {
  const dubbel = geldigeYaml('{ soort: bsn, waarde: "999900018" }', 'twee') + geldigeYaml('{ soort: bsn, waarde: "999900018" }', 'twee').replace('leerlingen:\n', '');
  expect(() => parseFixtureLeerlingen(dubbel, 'test.yaml')).toThrow(/"twee" komt meer dan één keer voor/);
});
