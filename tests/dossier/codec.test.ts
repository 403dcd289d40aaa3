import { test, expect } from '@playwright/test';
import { dossierFromXml, dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { generateDossier } from '../../simulator/dossier/generator/generator.ts';
import { profielen } from '../../simulator/dossier/profile.ts';
import { parseXml } from '../../simulator/dossier/xml-reader.ts';
import { basisDossier, kort, leerlingVan as ll, valideer, verzorger } from './dossier-helpers.ts';

const NS = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

test.describe('typed object → XML → typed object loses nothing', () => {
  for (const profiel of profielen) {
    for (const variant of ['volledig', 'opt-uit'] as const) {
      test(`${profiel} ${variant}`, () => {
        const d = generateDossier({ profiel, variant, seed: 11, zorg: true });
        expect(dossierFromXml(dossierToXml(d))).toEqual(d);
      });
    }
  }
});

test('leading zeros, repeated elements in order, attributes and UTF-8 names come back exactly', () => {
  const d = basisDossier('POVO');
  Object.assign(ll(d), {
    voornaam: ['Björn', 'Ærøe', "D'Hondt & <Zn>"],
    bsn: '003389261',
    geslacht: '0',
    adresgeheim: '1',
  });
  delete ll(d).adreslijst;
  delete ll(d).communicatielijst;
  d.huidigeschool.adreslijst!.adres[0]!.land = { '#text': '6030', '@omschrijving': 'Nederland "NL" & <co>' };
  ll(d).verzorger = [verzorger({ achternaam: 'Één' }), verzorger({ achternaam: 'Twee' }), verzorger({ achternaam: 'Drie' })];
  const xml = dossierToXml(d);
  expect(xml).toContain('<bsn>003389261</bsn>');
  expect(xml).toContain('<voornaam>D&apos;Hondt &amp; &lt;Zn&gt;</voornaam>'.replace('&apos;', "'"));
  expect(xml).toContain('<land omschrijving="Nederland &quot;NL&quot; &amp; &lt;co>">6030</land>');
  const terug = dossierFromXml(xml);
  expect(ll(terug).voornaam).toEqual(['Björn', 'Ærøe', "D'Hondt & <Zn>"]);
  expect(ll(terug).bsn).toBe('003389261');
  expect(ll(terug).adresgeheim).toBe('1');
  expect(ll(terug).verzorger!.map((v) => v.achternaam)).toEqual(['Één', 'Twee', 'Drie']);
  expect(terug.huidigeschool.adreslijst!.adres[0]!.land).toEqual({ '#text': '6030', '@omschrijving': 'Nederland "NL" & <co>' });
  expect(kort(valideer(xml).findings)).toEqual([]);
});

test('writes elements in schema order, whatever the order of the object keys', () => {
  const d = basisDossier('POVO');
  const omgekeerd = Object.fromEntries(Object.entries(ll(d)).reverse()) as typeof d.huidigeschool.leerling;
  d.huidigeschool = { ...d.huidigeschool, leerling: omgekeerd };
  const namen = parseXml(dossierToXml(d)).index.get('leerling')![0]!.kinderen.map((k) => k.naam);
  expect(namen.indexOf('voornaam')).toBeLessThan(namen.indexOf('achternaam'));
  expect(namen.indexOf('achternaam')).toBeLessThan(namen.indexOf('geboortedatum'));
  expect(namen.indexOf('bsn')).toBeLessThan(namen.indexOf('leerlingid'));
  expect(namen.at(-1)).not.toBe('voornaam');
  const school = parseXml(dossierToXml(d)).index.get('huidigeschool')![0]!.kinderen.map((k) => k.naam);
  expect(school.slice(0, 4)).toEqual(['naam', 'adreslijst', 'communicatielijst', 'brincode']);
  expect(school.at(-1)).toBe('leerling');
});

test('reads elements in any order into the same object; the validator reports the order (XSD.volgorde)', () => {
  const xml = dossierToXml(basisDossier('POVO'));
  const geschud = xml.replace(/(<voornaam>[^<]*<\/voornaam>)([\s\S]*?)(<achternaam>[^<]*<\/achternaam>)/, '$3$2$1');
  expect(geschud).not.toBe(xml);
  expect(dossierFromXml(geschud)).toEqual(dossierFromXml(xml));
  expect(kort(valideer(geschud).findings)).toEqual(['error XSD.volgorde /dossier/huidigeschool/leerling/voorletters-1']); // the first child after achternaam
  expect(valideer(geschud).findings[0]!.message).toContain('vóór <achternaam>');
});

test('the repeating group of a cijferlijst stays grouped', () => {
  const d = basisDossier('POVO');
  ll(d).cijferlijstlijst = {
    cijferlijst: [
      {
        cijferlijstTypelijst: [
          { naam: 'Rapport 1', onderdeel: [{ naam: 'Rekenen', score: { waarde: '7.5' } }], score: [{ waarde: '7' }] },
          { naam: 'Rapport 2', score: [{ kwalificatie: 'goed' }, { waarde: '8' }] },
        ],
        jaargroep: '8',
      },
    ],
  };
  const xml = dossierToXml(d);
  expect(ll(dossierFromXml(xml)).cijferlijstlijst).toEqual(ll(d).cijferlijstlijst);
  expect(kort(valideer(xml).findings)).toEqual([]);
});

test('any namespace prefix reads the same', () => {
  const xml = dossierToXml(basisDossier('VOVO'))
    .replace(`<dossier xmlns="${NS}">`, `<od:dossier xmlns:od="${NS}">`)
    .replace(/<(\/?)([a-zA-Z_][\w.-]*)([ >])/g, (m, slash: string, naam: string, na: string) => (naam === 'od' ? m : `<${slash}od:${naam}${na}`))
    .replace('<od:od:dossier', '<od:dossier');
  expect(xml).toContain('<od:leerling>');
  expect(kort(valideer(xml).findings)).toEqual([]);
  expect(dossierFromXml(xml)).toEqual(dossierFromXml(dossierToXml(basisDossier('VOVO'))));
});

test('refuses a value XML 1.0 cannot carry instead of writing a broken document', () => {
  const d = basisDossier('POVO');
  ll(d).achternaam = 'Proef\u0007';
  expect(() => dossierToXml(d)).toThrow(/XML 1\.0/);
});
