/**
 * Which runs `qualify --tegen` carries out against a shared serve, judged on the real scenario catalogue, and how the
 * verdict treats the others: a run a shared service cannot offer is never executed, and never lets the verdict be
 * GESLAAGD, even when every run that could run passed.
 */
import { expect, test } from '@playwright/test';
import { metOordeel } from '../../reports/kwalificatie.ts';
import { BEVEILIGING_NIET_TEGEN_DIENST, waaromNietTegenDienst } from '../../suites/dienst/tegen-dienst-uitvoerbaar.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { loadScenarios } from '../../suites/scenario.ts';
import { proefKop } from '../support/proef-kwalificatie.ts';

const requirements = loadRequirements();
const scenarios = new Map(loadScenarios(undefined, requirements).map((s) => [s.id, s]));
const waarom = (id: string, rol: 'bron' | 'doel') => waaromNietTegenDienst(scenarios.get(id)!, rol);

test('the regular dossiers, the zorgdossier and refusals by the SUT as bron run against the service', () => {
  for (const [id, rol] of [
    ['regulier-povo', 'bron'],
    ['regulier-povo', 'doel'],
    ['regulier-popo', 'doel'],
    ['regulier-vovo', 'bron'],
    ['zorgdossier', 'doel'],
    ['veel-bijlagen', 'bron'],
    ['klaargezet-voor-andere-school', 'bron'],
    ['onbekende-leerling', 'bron'],
  ] as const)
    expect(waarom(id, rol), `${id}/${rol}`).toBeUndefined();
});

test('runs that need more than a shared service offers are not run, each with its reason', () => {
  expect(waarom('na-de-zomerrelease', 'bron')).toContain('gegevensset 2018.1');
  expect(waarom('verlopen-certificaat', 'doel')).toContain('ander certificaat');
  expect(waarom('binnen-brin', 'doel')).toContain('binnen-brin');
  expect(waarom('sessie-afwijkend', 'bron')).toContain('certificaat van een testschool');
  expect(waarom('notificatie', 'bron')).toContain('sessies van het Traffic Center');
  // The hosted PO testschool delivers every pupil to every school: a run expecting it to refuse cannot be judged.
  expect(waarom('niet-klaargezet', 'doel')).toContain('verwacht DossierNietKlaargezet');
  expect(waarom('klaargezet-voor-andere-school', 'doel')).toContain('andere school');
  // As doel in VO→VO the SUT would ask the VO testschool, which has only its own VO pupil klaargezet.
  expect(waarom('regulier-vovo', 'doel')).toContain('99BB');
  for (const id of ['na-de-zomerrelease', 'niet-klaargezet']) expect(waarom(id, 'doel')).toMatch(/^Niet uitgevoerd tegen de gedeelde testomgeving: /);
});

test('the verdict: every run that could run passed, but runs of the full set cannot run against the service — ONVOLLEDIG, never GESLAAGD, and the runs are named once', () => {
  const k = metOordeel({
    ...proefKop,
    sut: { ...proefKop.sut, soort: 'extern' },
    selectie: { scenarios: [], runs: ['a/bron', 'tls-x/bron'] },
    reikwijdte: { rollen: ['bron'], runs: ['a/bron', 'tls-x/bron'], eisen: ['BRON-01'] },
    tegen: { url: 'https://oso-test.example', nietUitvoerbaar: [{ run: 'tls-x/bron', reden: BEVEILIGING_NIET_TEGEN_DIENST }] },
    scenarios: [
      { id: 'a', titel: 'a', role: 'bron', status: 'passed', requirements: ['BRON-01'], durationMs: 1 },
      { id: 'tls-x', titel: 'tls-x', role: 'bron', status: 'skipped', requirements: [], durationMs: 0 },
    ],
    requirements: [{ id: 'BRON-01', text: 'x', source: 'x', status: 'passed', scenarios: ['a/bron'] }],
  });
  expect(k.verdict).toBe('ONVOLLEDIG');
  const redenen = k.onvolledig!.redenen;
  // Skipped because of the service, so not a second time as "overgeslagen".
  expect(redenen.map((r) => r.code)).toEqual(['tegen-testomgeving']);
  expect(redenen[0]!.runs).toEqual(['tls-x/bron']);
  expect(redenen[0]!.tekst).toContain('Tegen de gedeelde testomgeving (https://oso-test.example) kan 1 run van de volledige set niet worden uitgevoerd. tls-x/bron: de beveiligingsruns');
});
