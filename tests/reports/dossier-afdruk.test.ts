import { expect, test } from '@playwright/test';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { findExternalReferences } from '../../reports/allure-report.ts';
import { leesbareWaarde, renderDossierAfdruk } from '../../simulator/dossier/afdruk.ts';
import { generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { codelijsten2019 } from '../../simulator/dossier/versies/2019.1/codelijsten.ts';
import { veldnamen2019 } from '../../simulator/dossier/versies/2019.1/veldnamen.ts';
import { parseXml, type XmlElement } from '../../simulator/dossier/xml-reader.ts';
import { buildPovoDossier } from '../../simulator/dossier/povo-dossier.ts';

const school = referentieLasScholen.po;
const dossierVan = (id: string) =>
  buildPovoDossier({
    leerling: loadFixtureLeerlingen().find((l) => l.id === id)!,
    school: { naam: school.naam, brincode: school.brin, vestigingscode: school.vestigingscode, aanleverpunt: school.routeringsKenmerk, adres: school.adres, telefoon: school.telefoon },
    datum: '2026-03-16',
    pakket: { naam: 'test', versie: '1' },
  });

test('the printable dossier has its sections in the order of the gegevensset categories, with the pupil named', () => {
  const html = renderDossierAfdruk(dossierVan('povo-regulier'));
  const order = ['Over dit dossier', 'Inzage door ouders', 'School', 'Leerling', 'Ouders en verzorgers', 'Schoolloopbaan', 'Advies'].map((k) => html.indexOf(`<h2>${k}</h2>`));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(html).toContain('Onderwijskundig rapport: Pim van der Proefhuizen');
  expect(html).toContain('999900018');
});

test('names with diacritics and markup characters print as text, and the page loads nothing', () => {
  const html = renderDossierAfdruk(dossierVan('povo-bjorn'));
  expect(html).toContain('Björn');
  expect(html).not.toMatch(/<script/i);
  expect(findExternalReferences(html)).toEqual([]);
  const hostile = renderDossierAfdruk(dossierVan('povo-regulier').replace('<achternaam>Proefhuizen</achternaam>', '<achternaam>&lt;script&gt;alert(1)&lt;/script&gt;</achternaam>'));
  expect(hostile).not.toContain('<script>alert(1)</script>');
  expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('a dossier with a DOCTYPE is refused, not expanded', () => {
  expect(() => renderDossierAfdruk('<!DOCTYPE x [<!ENTITY a "b">]><dossier>&a;</dossier>')).toThrow(/DOCTYPE/);
  expect(() => renderDossierAfdruk('<leerling/>')).toThrow(/hoofdelement/);
});

/** The text of each <dd> that holds no further fields, with the label before it. */
function printedFields(html: string): { label: string; value: string }[] {
  return [...html.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => ({ label: m[1]!, value: m[2]! }));
}

test('a parent reads meanings: gender, relation, booleans as ja/nee, dates as dd-mm-jjjj, labels without element syntax', () => {
  const html = renderDossierAfdruk(dossierVan('povo-regulier'));
  const fields = printedFields(html);
  const value = (label: string) => fields.find((f) => f.label === label)?.value;
  expect(value('Geslacht')).toBe('man');
  expect(value('Relatie tot het kind')).toMatch(/^(vader|moeder|voogd)$/);
  expect(value('Adres geheim')).toMatch(/^(ja|nee)$/);
  expect(value('Geboortedatum')).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  expect(value('Jaargroep')).toBe('groep 7');
  expect(value('Soort overdracht')).toBe('overstapdossier naar een andere school');
  expect(html).toContain('<dt>Voorletters</dt>');
  expect(html).not.toMatch(/Voorletters 1|<dd>(true|false)<\/dd>|<dd>\d{4}-\d{2}-\d{2}<\/dd>/);
});

test('each kind of simple value prints by its meaning', () => {
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'date' }, '2012-03-04')).toBe('04-03-2012');
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'boolean' }, 'true')).toBe('ja');
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'boolean' }, '0')).toBe('nee');
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'decimal' }, '6.5')).toBe('6,5');
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'string', codelijst: codelijsten2019.geslacht }, '1')).toBe('vrouw');
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'string', codelijst: codelijsten2019.diagnose }, 'F81.0')).toContain('dyslexie');
  // A code whose meaning the harness does not hold names its list, never stands alone.
  expect(leesbareWaarde({ soort: 'eenvoudig', basis: 'string', codelijst: codelijsten2019.voAdvies }, '61')).toBe('code 61 uit codelijst 2 (Advies VO)');
});

test('attachments are listed by name, type and size, never their content', () => {
  const xml = dossierVan('povo-veel-bijlagen');
  const html = renderDossierAfdruk(xml);
  const documents = parseXml(xml).index.get('document') ?? [];
  expect(documents.length).toBeGreaterThan(1);
  for (const d of documents) {
    const naam = d.kinderen.find((k) => k.naam === 'bestandsnaam')!.tekst;
    expect(html).toMatch(new RegExp(`${naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((PDF|[A-Za-z-]+(bestand|document|afbeelding)|tekstbestand), \\d[\\d.,]* (bytes|kB|MB)\\)`));
    expect(html).not.toContain(d.kinderen.find((k) => k.naam === 'bestandsinhoud')!.tekst.slice(0, 40));
  }
});

test('every fixture pupil and generated dossier prints with no coded field showing a bare code value', () => {
  const xmls = [...loadFixtureLeerlingen().map((l) => dossierVan(l.id)), ...(['POPO', 'POVO', 'VOVO', 'POSWV'] as const).flatMap((profiel) => [1, 2, 3].map((seed) => generateDossierXml({ profiel, seed, zorg: seed === 2 })))];
  for (const xml of xmls) {
    const html = renderDossierAfdruk(xml);
    // Every coded element of the dossier: the field printed under its label never shows the code on its own.
    const codes: { label: string; code: string }[] = [];
    const walk = (e: XmlElement) => {
      if (!e.kinderen.length && /^(geslacht|relatietotkind|jaargroep|advies|wensouders|wensleerling|tlvcategorie|code|soortadres|deeldossier|overstap|overdrachtsoort|akkoord|toestemming|toetssoort|onderdeelcode|domeincode|nnca|leerlinggewicht)$/.test(e.naam))
        codes.push({ label: veldnamen2019[e.naam] ?? e.naam.replace(/^./, (c) => c.toUpperCase()), code: e.tekst });
      e.kinderen.forEach(walk);
    };
    walk(parseXml(xml).wortel);
    expect(codes.length).toBeGreaterThan(5);
    const printed = printedFields(html);
    for (const { label, code } of codes) {
      expect(printed.some((f) => f.label === label), `field ${label} printed`).toBe(true);
      expect(printed.filter((f) => f.label === label && f.value === code), `${label} '${code}' printed bare`).toEqual([]);
    }
  }
});
