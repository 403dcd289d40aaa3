/*
 * The structure check (JSON Schema with ajv): every kind of violation, reported with the path of the element. Cases are
 * XML edits of a clean generated dossier, so they also show how a malformed document from another system is judged.
 */
import { test, expect } from '@playwright/test';
import { dossierToXml } from '../../simulator/dossier/dossier-xml.ts';
import { structuurValidator } from '../../simulator/dossier/structure.ts';
import { huidigeVersie } from '../../simulator/dossier/versies/index.ts';
import { basisDossier, kort, leerlingVan as ll, valideer } from './dossier-helpers.ts';

const L = '/dossier/huidigeschool/leerling';
const schoon = dossierToXml(basisDossier('POVO'));
const loopbaan = ll(basisDossier('POVO')).schoolloopbaanlijst!.schoolloopbaan.length > 1 ? 'schoolloopbaan[1]' : 'schoolloopbaan';

function vervang(xml: string, van: string | RegExp, naar: string): string {
  const uit = xml.replace(van, naar);
  if (uit === xml) throw new Error(`mutatie vond ${String(van)} niet`);
  return uit;
}

const gevallen: [string, string, string, string][] = [
  ['XSD.verplicht', 'a required element is missing', vervang(schoon, /<pakketnaam>[^<]*<\/pakketnaam>/, ''), '/dossier/metadata'],
  ['XSD.verplicht', 'a required block is missing', vervang(schoon, /<huidigeschool>[\s\S]*<\/huidigeschool>/, ''), '/dossier'],
  ['XSD.onbekend', 'an unknown element', vervang(schoon, '<achternaam>', '<achtenaam>x</achtenaam><achternaam>'), `${L}/achtenaam`],
  ['XSD.onbekend', 'an element of another namespace', vervang(schoon, '<achternaam>', '<x:achternaam xmlns:x="urn:ander">x</x:achternaam><achternaam>'), `${L}/achternaam`],
  ['XSD.te-vaak', 'a single element twice', vervang(schoon, /(<achternaam>[^<]*<\/achternaam>)/, '$1$1'), `${L}/achternaam[2]`],
  ['XSD.keuze', 'bsn and onderwijsnummer together', vervang(schoon, '<leerlingid>', '<onderwijsnummer>109990001</onderwijsnummer><leerlingid>'), L],
  ['XSD.keuze', 'geboortedatum and geboortemaand together', vervang(schoon, '<geslacht>', '<geboortemaand>2008-03</geboortemaand><geslacht>'), L],
  ['XSD.datatype', 'a date that does not exist', vervang(schoon, /<datum>\d{4}-\d\d-\d\d<\/datum>/, '<datum>2020-02-30</datum>'), '/dossier/metadata/datum'],
  ['XSD.datatype', 'a boolean in Dutch', vervang(schoon, '<voorlopigdossier>false', '<voorlopigdossier>nee'), '/dossier/inzage/voorlopigdossier'],
  ['XSD.datatype', 'text with child elements', vervang(schoon, /<achternaam>([^<]*)<\/achternaam>/, '<achternaam><b>$1</b></achternaam>'), `${L}/achternaam`],
  ['XSD.patroon', 'a BRIN code of the wrong form', vervang(schoon, /<brincode>[^<]*<\/brincode>/, '<brincode>0YY</brincode>'), '/dossier/huidigeschool/brincode'],
  ['XSD.patroon', 'a school year of the wrong form', vervang(schoon, /<schooljaar>[^<]*<\/schooljaar>/, '<schooljaar>2019/2020</schooljaar>'), `${L}/schoolloopbaanlijst/${loopbaan}/schooljaar`],
  ['XSD.lengte', 'an empty name', vervang(schoon, /<achternaam>[^<]*<\/achternaam>/, '<achternaam></achternaam>'), `${L}/achternaam`],
  ['XSD.lengte', 'aandachtspunten over 280 characters', vervang(schoon, /<aandachtspunten>[^<]*<\/aandachtspunten>/, `<aandachtspunten>${'x'.repeat(281)}</aandachtspunten>`), `${L}/overstapadvies/aandachtspunten`],
  ['XSD.bereik', 'an eindtoets score over 1000', vervang(schoon, /<standaardscore>[^<]*<\/standaardscore>/, '<standaardscore>1001</standaardscore>'), `${L}/eindtoets_basisonderwijs/eindtoetsresultaat/standaardscore`],
  ['XSD.tekst', 'text in an element-only block', vervang(schoon, '<inzage>', '<inzage>losse tekst'), '/dossier/inzage'],
  ['XSD.attribuut', 'an unknown attribute', vervang(schoon, '<achternaam>', '<achternaam taal="nl">'), `${L}/achternaam`],
  ['CODELIJST.14', 'a gender outside list 14', vervang(schoon, /<geslacht>\d<\/geslacht>/, '<geslacht>3</geslacht>'), `${L}/geslacht`],
  ['CODELIJST.2', 'an advice outside list 2', vervang(schoon, /<advies>\d\d<\/advies>/, '<advies>99</advies>'), `${L}/overstapadvies/advies`],
  ['CODELIJST.48', 'a delivery value outside list 48', vervang(schoon, /<cat_verzuim>[^<]*<\/cat_verzuim>/, '<cat_verzuim>JA</cat_verzuim>'), '/dossier/metadata/categorie_uitlevering/cat_verzuim'],
  ['XSD.volgorde', 'geboortedatum after geslacht', vervang(schoon, /(<geboortedatum>[^<]*<\/geboortedatum>)(\s*)(<geslacht>[^<]*<\/geslacht>)/, '$3$2$1'), `${L}/geboortedatum`],
  ['CODELIJST.16', 'an overstap outside list 16', vervang(schoon, '<overstap>POVO</overstap>', '<overstap>PO-VO</overstap>'), '/dossier/metadata/overstap'],
];

test.describe('each kind of structural violation, with its path', () => {
  for (const [rule, wat, xml, pad] of gevallen) {
    test(`${rule}: ${wat}`, () => {
      const r = valideer(xml);
      expect(r.findings.filter((f) => f.rule === rule).map((f) => f.path), kort(r.findings).join('\n')).toContain(pad);
      expect(r.valid).toBe(false);
    });
  }
});

test('whitespace around a date, boolean or number is allowed (XSD collapses it); around a BRIN code it is not', () => {
  const ruim = vervang(vervang(schoon, /<datum>(\d{4}-\d\d-\d\d)<\/datum>/, '<datum>\n  $1  </datum>'), '<voorlopigdossier>false', '<voorlopigdossier> false ');
  expect(kort(valideer(ruim).findings)).toEqual([]);
  const brin = vervang(schoon, /<brincode>([^<]*)<\/brincode>/, '<brincode>$1 </brincode>');
  expect(valideer(brin).findings.map((f) => f.rule)).toContain('XSD.patroon');
});

test('code lists compare exact text, as the official validators do', () => {
  const spatie = vervang(schoon, /<geslacht>(\d)<\/geslacht>/, '<geslacht> $1</geslacht>');
  expect(valideer(spatie).findings.map((f) => f.rule)).toEqual(['CODELIJST.14']);
});

test('2019.1 code lists: eindtoets 0015 and level B are gone, diagnosis HB is new', () => {
  const d = basisDossier('POVO');
  const e = ll(d).eindtoets_basisonderwijs!.eindtoetsresultaat!;
  e.toetssoort = '0015';
  e.toetsniveau = 'B';
  ll(d).onderwijsondersteuning!.diagnose = [{ code: ['HB'] }];
  expect(kort(valideer(d).findings)).toEqual([
    `error CODELIJST.42 ${L}/eindtoets_basisonderwijs/eindtoetsresultaat/toetssoort`,
    `error CODELIJST.43 ${L}/eindtoets_basisonderwijs/eindtoetsresultaat/toetsniveau`,
  ]);
});

test('every violation is reported, not just the first', () => {
  const kapot = vervang(vervang(vervang(schoon, /<geslacht>\d<\/geslacht>/, '<geslacht>9</geslacht>'), /<pakketnaam>[^<]*<\/pakketnaam>/, ''), '<inzage>', '<inzage>tekst');
  expect(valideer(kapot).findings.map((f) => f.rule).sort()).toEqual(['CODELIJST.14', 'XSD.tekst', 'XSD.verplicht']);
});

test('positions inside the repeating group of a cijferlijst count across groups', () => {
  const d = basisDossier('POVO');
  ll(d).cijferlijstlijst = {
    cijferlijst: [{ cijferlijstTypelijst: [{ naam: 'A', score: [{ waarde: '7' }] }, { naam: 'B', score: [{ waarde: '8' }, { waarde: '' }] }], jaargroep: '8' }],
  };
  expect(kort(valideer(d).findings)).toEqual([`error XSD.lengte ${L}/cijferlijstlijst/cijferlijst/cijferlijstTypelijst/score[3]/waarde`]);
});

test('the JSON Schema is compiled once per release and carries every element of the structure', () => {
  const a = structuurValidator(huidigeVersie.dossierType, 'x');
  expect(structuurValidator(huidigeVersie.dossierType, 'x')).toBe(a);
  const tekst = JSON.stringify(a.schema);
  for (const naam of ['toelichting_onderwijsbehoeften', 'arrangement_pao', 'huisarts', 'aandachtspunten', 'cat_onderwijsondersteuning', 'gbageboortedatum']) {
    expect(tekst).toContain(`"${naam}"`);
  }
});
