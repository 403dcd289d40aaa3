import { expect, test } from '@playwright/test';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { findExternalReferences } from '../../reports/allure-report.ts';
import { renderDossierAfdruk } from '../../simulator/dossier/afdruk.ts';
import { buildPovoDossier } from '../../simulator/dossier/povo-dossier.ts';

const school = referentieLasScholen.po;
const dossierVan = (id: string) =>
  buildPovoDossier({
    leerling: loadFixtureLeerlingen().find((l) => l.id === id)!,
    school: { naam: school.naam, brincode: school.brin, vestigingscode: school.vestigingscode, aanleverpunt: school.routeringsKenmerk, adres: school.adres, telefoon: school.telefoon },
    datum: '2026-03-16',
    pakket: { naam: 'test', versie: '1' },
  });

test('the printable dossier has the sections of an onderwijskundig rapport, in order, with the pupil named', () => {
  const html = renderDossierAfdruk(dossierVan('povo-regulier'));
  const order = ['School', 'Leerling', 'Ouders en verzorgers', 'Advies', 'Schoolloopbaan', 'Inzage door ouders', 'Over dit dossier'].map((k) => html.indexOf(`<h2>${k}</h2>`));
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
