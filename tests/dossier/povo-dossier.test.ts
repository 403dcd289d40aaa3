import { test, expect } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildPovoDossier, type PovoDossierInvoer } from '../../simulator/dossier/povo-dossier.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { proefschool } from './proefschool.ts';

const namespace2019 = 'http://www.edustandaard.nl/oso_gegevensset/2019/dossier';

const leerling: Leerling = {
  id: 'test-dhondt',
  pgn: { soort: 'bsn', waarde: '009990008' },
  achternaam: "D'Hondt & Zn",
  voorvoegsel: 'de',
  voornaam: 'Björn',
  roepnaam: 'Bjö',
  geboortedatum: '2008-11-02',
  geslacht: '2',
  adresgeheim: false,
  adres: { straatnaam: 'Proefstraat', huisnummer: '12', postcode: '9999 XA', plaatsnaam: 'Teststad' },
  leerlingid: 'LL-0042',
  datuminschrijving: '2012-08-20',
  verzorgers: [
    { achternaam: 'Hondt', voorvoegsel: "d'", voorletters: 'A.', relatietotkind: '1', wettigevertegenwoordiger: true, telefoon: '0612345678' },
    { achternaam: 'Ærøe', voorletters: 'S.', relatietotkind: '2', wettigevertegenwoordiger: true, email: 's@voorbeeld.invalid' },
  ],
  schoolloopbaan: [
    { schooljaar: '2018-2019', groepscode: '7A', jaargroep: '7' },
    { schooljaar: '2019-2020', groepscode: '8A', jaargroep: '8' },
  ],
  advies: '61',
};

function invoer(l: Leerling = leerling): PovoDossierInvoer {
  return { leerling: l, ...proefschool };
}

// An independent view of the built document: fast-xml-parser's ordered form, walked by element name.
type Knoop = Record<string, unknown>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });

function tagVan(k: Knoop): string {
  return Object.keys(k).find((s) => s !== ':@') ?? '';
}

function element(xml: string, pad: string[]): Knoop {
  let knopen = ordered.parse(xml) as Knoop[];
  let gevonden: Knoop | undefined;
  for (const naam of pad) {
    gevonden = knopen.find((k) => tagVan(k) === naam);
    if (!gevonden) throw new Error(`geen <${naam}> in ${pad.join('/')}`);
    knopen = gevonden[naam] as Knoop[];
  }
  return gevonden!;
}

function kindnamen(xml: string, pad: string[]): string[] {
  const e = element(xml, pad);
  return (e[pad[pad.length - 1]!] as Knoop[]).map(tagVan).filter((t) => !t.startsWith('#'));
}

function tekstVan(xml: string, pad: string[]): string {
  const e = element(xml, pad);
  return (e[pad[pad.length - 1]!] as Knoop[]).map((k) => String(k['#text'] ?? '')).join('');
}

test('is well-formed UTF-8 XML with the 2019.1 default namespace on <dossier>', () => {
  const xml = buildPovoDossier(invoer());
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(element(xml, ['dossier'])[':@']).toEqual({ xmlns: namespace2019 });
});

test('top-level children come in schema order: metadata, overdrachtsoort, inzage, huidigeschool', () => {
  const xml = buildPovoDossier(invoer());
  expect(kindnamen(xml, ['dossier'])).toEqual(['metadata', 'overdrachtsoort', 'inzage', 'huidigeschool']);
  expect(tekstVan(xml, ['dossier', 'overdrachtsoort'])).toBe('overstapdossier');
});

test('metadata carries the 2019.1 versions, a LAS part and overstap POVO, in schema order', () => {
  const xml = buildPovoDossier(invoer());
  expect(kindnamen(xml, ['dossier', 'metadata'])).toEqual([
    'deeldossier', 'pakketnaam', 'pakketversie', 'datum', 'standaardversie', 'validatieversie', 'categorie_uitlevering', 'overstap',
  ]);
  const meta = (naam: string) => tekstVan(xml, ['dossier', 'metadata', naam]);
  expect(meta('standaardversie')).toBe('2019.1');
  expect(meta('validatieversie')).toBe('2019.1.1');
  expect(meta('deeldossier')).toBe('LAS');
  expect(meta('overstap')).toBe('POVO');
  expect(meta('datum')).toBe('2020-03-01');
  expect(meta('pakketnaam')).toBe('oso-testbank');
  expect(meta('pakketversie')).toBe('0.1.0');
});

test('categorie_uitlevering has the 16 categories in documented order with the POVO profile values', () => {
  const xml = buildPovoDossier(invoer());
  const pad = ['dossier', 'metadata', 'categorie_uitlevering'];
  const verwacht: [string, string][] = [
    ['cat_metadata', 'VERPLICHT'],
    ['cat_ouderinzage', 'VERPLICHT'],
    ['cat_school', 'VERPLICHT'],
    ['cat_leerling', 'VERPLICHT'],
    ['cat_oudersverzorgers', 'VERPLICHT'],
    ['cat_vve', 'VERBODEN'],
    ['cat_schoolloopbaan', 'VERPLICHT'],
    ['cat_overstapadvies', 'VERPLICHT'],
    ['cat_onderwijsondersteuning', 'OPTIONEEL'],
    ['cat_verzuim', 'OPTIONEEL'],
    ['cat_eindtoetsbo', 'OPTIONEEL'],
    ['cat_toetsresultaten', 'OPTIONEEL'],
    ['cat_handelingsplannen', 'OPTIONEEL'],
    ['cat_cijferlijsten', 'OPTIONEEL'],
    ['cat_vombo', 'VERBODEN'],
    ['cat_bijlagedocs', 'OPTIONEEL'],
  ];
  expect(kindnamen(xml, pad)).toEqual(verwacht.map(([c]) => c));
  for (const [categorie, waarde] of verwacht) {
    expect(tekstVan(xml, [...pad, categorie]), categorie).toBe(waarde);
  }
});

test('inzage: inspected by the parents on the dossier date, agreed, not provisional', () => {
  const xml = buildPovoDossier(invoer());
  expect(kindnamen(xml, ['dossier', 'inzage'])).toEqual(['voorlopigdossier', 'inzage', 'inzagedatum', 'akkoord']);
  expect(tekstVan(xml, ['dossier', 'inzage', 'voorlopigdossier'])).toBe('false');
  expect(tekstVan(xml, ['dossier', 'inzage', 'inzage'])).toBe('true');
  expect(tekstVan(xml, ['dossier', 'inzage', 'inzagedatum'])).toBe('2020-03-01');
  expect(tekstVan(xml, ['dossier', 'inzage', 'akkoord'])).toBe('Ja');
});

test('huidigeschool and leerling children come in documented order', () => {
  const xml = buildPovoDossier(invoer());
  expect(kindnamen(xml, ['dossier', 'huidigeschool'])).toEqual([
    'naam', 'brincode', 'vestigingscode', 'aanleverpunt', 'adreslijst', 'communicatielijst', 'leerling',
  ]);
  expect(kindnamen(xml, ['dossier', 'huidigeschool', 'leerling'])).toEqual([
    'achternaam', 'voornaam', 'voorvoegsel', 'roepnaam', 'geboortedatum', 'geslacht', 'adresgeheim', 'adreslijst',
    'bsn', 'leerlingid', 'datuminschrijving', 'verzorgersaansprakelijk', 'verzorger', 'verzorger', 'overstapadvies',
    'schoolloopbaanlijst',
  ]);
  const leerlingPad = ['dossier', 'huidigeschool', 'leerling'];
  expect(tekstVan(xml, [...leerlingPad, 'verzorgersaansprakelijk'])).toBe('true');
  expect(kindnamen(xml, [...leerlingPad, 'overstapadvies'])).toEqual(['advies', 'contactnodig']);
  expect(tekstVan(xml, [...leerlingPad, 'overstapadvies', 'advies'])).toBe('61');
  expect(tekstVan(xml, [...leerlingPad, 'overstapadvies', 'contactnodig'])).toBe('false');
  expect(kindnamen(xml, [...leerlingPad, 'schoolloopbaanlijst'])).toEqual(['schoolloopbaan', 'schoolloopbaan']);
  expect(kindnamen(xml, [...leerlingPad, 'schoolloopbaanlijst', 'schoolloopbaan'])).toEqual([
    'schooljaar', 'groepscode', 'jaargroep', 'brincode', 'vestigingscode',
  ]);
  const verzorger = kindnamen(xml, [...leerlingPad, 'verzorger']);
  expect(verzorger.indexOf('relatietotkind')).toBeLessThan(verzorger.indexOf('wettigevertegenwoordiger'));
  expect(verzorger[0]).toBe('achternaam');
});

test('an onderwijsnummer pupil gets <onderwijsnummer> in the BSN place and no <bsn>', () => {
  const xml = buildPovoDossier(invoer({ ...leerling, pgn: { soort: 'onderwijsnummer', waarde: '109990001' } }));
  const kinderen = kindnamen(xml, ['dossier', 'huidigeschool', 'leerling']);
  expect(kinderen).not.toContain('bsn');
  expect(kinderen.indexOf('onderwijsnummer')).toBe(kinderen.indexOf('adreslijst') + 1);
  expect(tekstVan(xml, ['dossier', 'huidigeschool', 'leerling', 'onderwijsnummer'])).toBe('109990001');
});

test('a secret address is left out entirely (OVa.LL06)', () => {
  const xml = buildPovoDossier(invoer({ ...leerling, adresgeheim: true }));
  const kinderen = kindnamen(xml, ['dossier', 'huidigeschool', 'leerling']);
  expect(kinderen).not.toContain('adreslijst');
  expect(tekstVan(xml, ['dossier', 'huidigeschool', 'leerling', 'adresgeheim'])).toBe('true');
});

test('optional names that are absent are left out, not written empty', () => {
  const { voorvoegsel: _v, roepnaam: _r, ...zonder } = leerling;
  const xml = buildPovoDossier(invoer(zonder));
  const kinderen = kindnamen(xml, ['dossier', 'huidigeschool', 'leerling']);
  expect(kinderen).not.toContain('voorvoegsel');
  expect(kinderen).not.toContain('roepnaam');
});

test('escapes markup characters so apostrophes, ampersands and diacritics survive', () => {
  const xml = buildPovoDossier(invoer());
  // The raw text must not carry a bare '&' …
  expect(xml).not.toContain("D'Hondt & Zn");
  expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|apos;|quot;)/);
  expect(xml).toContain('Björn');
  // … and an independent XML parser must read the exact original back.
  expect(tekstVan(xml, ['dossier', 'huidigeschool', 'leerling', 'achternaam'])).toBe("D'Hondt & Zn");
  expect(tekstVan(xml, ['dossier', 'huidigeschool', 'leerling', 'voornaam'])).toBe('Björn');
  const opmaak = buildPovoDossier(invoer({ ...leerling, achternaam: '<b>Proef</b> &lt;' }));
  expect(XMLValidator.validate(opmaak)).toBe(true);
  expect(opmaak).not.toContain('<b>');
  expect(tekstVan(opmaak, ['dossier', 'huidigeschool', 'leerling', 'achternaam'])).toBe('<b>Proef</b> &lt;');
});

test('refuses a value XML 1.0 cannot carry instead of emitting a broken document', () => {
  expect(() => buildPovoDossier(invoer({ ...leerling, achternaam: 'Proef\u0007' }))).toThrow(/XML 1\.0/);
});

test('bsn keeps its leading zeros in the text', () => {
  const xml = buildPovoDossier(invoer());
  expect(xml).toContain('<bsn>009990008</bsn>');
});
