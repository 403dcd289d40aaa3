import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlPaths, type DossiersAntwoord, type OpvragenAntwoord } from '../../simulator/control-api.ts';
import { startWorld } from '../../simulator/world.ts';
import { manualAdapter } from '../../suites/adapters/manual-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { ANTWOORDEN_BESTAND } from '../../suites/operator-console/bewijs.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import type { Rol } from '../../suites/scenario-context.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { loadScenarios } from '../../suites/scenario.ts';

// A qualification driven by hand: the manual adapter asks its questions on the operator console, and this test plays the
// school administrator in Chromium. Its "LAS" is the reference LAS, worked through its test-control API the way a person
// would work a LAS's screens; what the LAS showed goes back into the console's forms.
const requirements = loadRequirements();
const scenario = loadScenarios().find((s) => s.id === 'regulier-povo')!;

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser?.close();
});

/** Does in the reference LAS what the operator is told to do. */
async function inDeLas<T>(controlUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${controlUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`De referentie-LAS weigerde ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** How the operator behaves: honestly, or reporting another result than the LAS showed. */
interface Operatorgedrag {
  meldtResultaat?: (getoond: string) => string;
}

/**
 * The school administrator: reads the prompt that is open on the console, does what it asks in the LAS, and answers with
 * what the LAS showed. Runs until the page is closed.
 */
async function speelOperator(page: Page, controlUrl: string, gedrag: Operatorgedrag = {}): Promise<void> {
  const vraag = page.locator('#vraag');
  const gegeven = (label: string) => vraag.locator('dl > div', { hasText: label }).locator('dd').innerText();
  const knop = (naam: string) => vraag.getByRole('button', { name: naam, exact: true }).click();
  const kies = (waarde: string) => vraag.locator(`input[name="waarde"][value="${waarde}"]`).check().then(() => knop('Antwoord geven'));
  const typ = (tekst: string) => vraag.getByLabel('Uw antwoord').fill(tekst).then(() => knop('Antwoord geven'));
  const isoDatum = (ddmmjjjj: string) => ddmmjjjj.split('-').reverse().join('-');
  let opgevraagd: OpvragenAntwoord | undefined;

  for (;;) {
    await vraag.waitFor({ timeout: 0 });
    const id = await vraag.getAttribute('data-id');
    const kop = await vraag.locator('h2').innerText();
    switch (kop) {
      case 'Testgegevens wissen':
        await inDeLas(controlUrl, controlPaths.reset, {});
        await knop('Gedaan');
        break;
      case 'Datum instellen':
        await inDeLas(controlUrl, controlPaths.klok, { datum: await gegeven('Datum') });
        await knop('Gedaan');
        break;
      case 'Dossier klaarzetten':
        await inDeLas(controlUrl, controlPaths.klaarzetten, {
          brin: await gegeven('Uw school'),
          pgn: await gegeven('Leerling'),
          doelBrin: await gegeven('Nieuwe school'),
        });
        await knop('Gedaan');
        break;
      case 'Dossier opvragen':
        opgevraagd = await inDeLas<OpvragenAntwoord>(controlUrl, controlPaths.opvragen, {
          brin: await gegeven('Uw school'),
          bronBrin: await gegeven('Vorige school'),
          pgn: await gegeven('Leerling'),
          geboortedatum: isoDatum(await gegeven('Geboortedatum')),
        });
        await knop('Gedaan');
        break;
      case 'Resultaat van het opvragen':
        await kies((gedrag.meldtResultaat ?? ((r) => r))(opgevraagd!.resultaat));
        break;
      case 'Foutmelding bij het opvragen':
        await knop(opgevraagd!.fout ? 'Ja' : 'Nee');
        break;
      case 'Foutmelding overnemen':
        await typ(opgevraagd!.fout!);
        break;
      case 'Aanvraag afgerond':
        await knop(opgevraagd!.afgemeld ? 'Ja' : 'Nee');
        break;
      case 'Ontvangen dossier': {
        const pgn = await gegeven('Leerling');
        const { ontvangen } = await inDeLas<DossiersAntwoord>(controlUrl, controlPaths.dossiers);
        await kies(ontvangen.find((o) => o.pgn === pgn)?.status ?? 'niets');
        break;
      }
      case 'Reden van weigeren': {
        const pgn = await gegeven('Leerling');
        const { ontvangen } = await inDeLas<DossiersAntwoord>(controlUrl, controlPaths.dossiers);
        await typ(ontvangen.find((o) => o.pgn === pgn)?.reden ?? '');
        break;
      }
      default:
        throw new Error(`De operator kent de vraag "${kop}" niet.`);
    }
    // The console took the answer when this prompt has left the page (the next one may already be there).
    await expect(page.locator(`#vraag[data-id="${id}"]`), `antwoord op "${kop}" aangenomen`).toHaveCount(0);
  }
}

/** Runs the regular scenario against the reference LAS through the manual adapter, with the test as operator. */
async function handmatigeKwalificatie(rol: Rol, gedrag: Operatorgedrag = {}) {
  const world = await startWorld();
  const bewijsMap = mkdtempSync(join(tmpdir(), 'handmatig-bewijs-'));
  const adapter = await manualAdapter({ timeoutMs: 20_000, bewijsMap, operator: 'Operator Smit', naam: world.sut.naam });
  const page = await browser.newPage();
  const { reporter } = stepRecorder();
  const eisen = new Map<string, string>();
  let klaar = false;
  try {
    await page.goto(adapter.consoleUrl);
    const operator = speelOperator(page, world.sut.controlUrl!, gedrag).catch((e: unknown) => {
      if (!klaar) throw e;
    });
    const kwalificatie = runScenario({ world, scenario, rol, requirements, reporter, sut: adapter, onEis: (id, u) => eisen.set(id, u) });
    // An operator that gets stuck fails the test at once, rather than when a prompt's time runs out.
    kwalificatie.catch(() => {});
    const error = await Promise.race([kwalificatie, operator.then(() => Promise.reject(new Error('De operator stopte.')))]).then(
      () => undefined,
      (e: unknown) => e,
    );
    const bewijs = readFileSync(join(bewijsMap, ANTWOORDEN_BESTAND), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { vraag: { kop: string }; door: string; waarde?: string });
    return { error, eisen, bewijs };
  } finally {
    klaar = true;
    await page.close();
    await adapter.close();
    await world.stop();
  }
}

for (const rol of ['bron', 'doel'] as const) {
  test(`a qualification driven by hand through the manual adapter passes the regular dossier against the reference LAS as ${rol}`, async () => {
    const { error, eisen, bewijs } = await handmatigeKwalificatie(rol);
    expect(error).toBeUndefined();
    expect([...eisen.values()].every((u) => u === 'passed')).toBe(true);
    expect(eisen.size).toBe(4);
    // Every answer is evidence with who gave it; the prompts are those of the SUT's role.
    expect(bewijs.every((r) => r.door === 'Operator Smit')).toBe(true);
    expect(bewijs.map((r) => r.vraag.kop)).toEqual([
      'Testgegevens wissen',
      'Datum instellen',
      ...(rol === 'bron'
        ? ['Dossier klaarzetten']
        : ['Dossier opvragen', 'Resultaat van het opvragen', 'Foutmelding bij het opvragen', 'Aanvraag afgerond', 'Ontvangen dossier']),
    ]);
    if (rol === 'doel') expect(bewijs.find((r) => r.vraag.kop === 'Ontvangen dossier')?.waarde).toBe('opgeslagen');
  });
}

test('an operator who reports another result than the LAS showed is caught by the opvragen check', async () => {
  const { error, eisen, bewijs } = await handmatigeKwalificatie('doel', { meldtResultaat: () => 'DossierNietKlaargezet' });
  expect(error).toBeInstanceOf(CheckFailure);
  const failure = error as CheckFailure;
  expect(failure.details.eis.id).toBe('DOEL-02');
  expect(failure.message).toContain('Verwacht: resultaat DossierGeleverd');
  expect(failure.message).toContain('Ontvangen: resultaat DossierNietKlaargezet');
  expect(eisen.get('DOEL-02')).toBe('failed');
  expect(bewijs.find((r) => r.vraag.kop === 'Resultaat van het opvragen')?.waarde).toBe('DossierNietKlaargezet');
});
