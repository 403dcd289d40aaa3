import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { controlPaths, type DossiersAntwoord } from '../../simulator/control-api.ts';
import { REFERENCE_LAS_UI_PATH } from '../../simulator/reference-las/reference-las.ts';
import type { ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { startWorld } from '../../simulator/world.ts';
import { playwrightAdapter } from '../../suites/adapters/playwright-adapter.ts';
import { AdapterFout } from '../../suites/adapters/sut-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import type { Rol } from '../../suites/scenario-context.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { loadScenarios } from '../../suites/scenario.ts';

// The reference LAS driven through its web UI by the module shipped for vendors, in a real Chromium, through the same
// scenario runner a qualification uses.
const MODULE = fileURLToPath(new URL('../../docs/examples/playwright/referentie-las.adapter.ts', import.meta.url));
const requirements = loadRequirements();
const scenario = loadScenarios().find((s) => s.id === 'regulier-povo')!;

async function run(rol: Rol, faults: ReferenceLasFault[] = []) {
  const world = await startWorld({ faults });
  const eisen = new Map<string, string>();
  const sut = await playwrightAdapter({ module: MODULE, baseUrl: `${world.sut.controlUrl}${REFERENCE_LAS_UI_PATH}`, timeoutMs: 30_000 });
  try {
    await runScenario({ world, scenario, rol, requirements, reporter: stepRecorder().reporter, sut, onEis: (id, u) => eisen.set(id, u) });
    return { eisen, error: undefined as unknown, world };
  } catch (error) {
    return { eisen, error, world };
  } finally {
    await sut.close();
    await world.stop();
  }
}

for (const rol of ['bron', 'doel'] as const) {
  test(`the reference LAS driven through its web UI passes the regular dossier as ${rol}`, async () => {
    const { error, eisen } = await run(rol);
    expect(error).toBeUndefined();
    expect(eisen.size).toBe(4);
    expect([...eisen.values()].every((u) => u === 'passed')).toBe(true);
  });
}

test('skip-sessiecontrole is caught as bron through the web UI too, as BRON-01', async () => {
  const { error, eisen } = await run('bron', ['skip-sessiecontrole']);
  expect(error).toBeInstanceOf(CheckFailure);
  expect((error as CheckFailure).details.eis.id).toBe('BRON-01');
  expect(eisen.get('BRON-01')).toBe('failed');
});

test('what the UI reads back equals what the control API reports, and a refusal shown in the UI is an AdapterFout with its text', async () => {
  const world = await startWorld();
  const sut = await playwrightAdapter({ module: MODULE, baseUrl: `${world.sut.controlUrl}${REFERENCE_LAS_UI_PATH}/`, timeoutMs: 30_000 });
  try {
    // A zorgdossier, so the read-back includes attachments with their hashes.
    const zorg = fixtureLeerling('povo-zorg');
    const leerling = { pgn: zorg.pgn.waarde, geboortedatum: zorg.geboortedatum };
    world.testscholen.po.klaarzetten({ brin: '99AA', pgn: leerling.pgn, doelBrin: world.sut.scholen.vo!.brin });
    const antwoord = await sut.opvragen({ brin: world.sut.scholen.vo!.brin, bronBrin: '99AA', ...leerling });
    expect(antwoord).toMatchObject({ resultaat: 'DossierGeleverd', afgemeld: true });
    expect(await sut.laatsteFout()).toBeUndefined();
    const viaApi = (await (await fetch(`${world.sut.controlUrl}${controlPaths.dossiers}`)).json()) as DossiersAntwoord;
    expect(viaApi.ontvangen[0]?.bijlagen?.length).toBeGreaterThan(0);
    expect(await sut.ontvangen()).toEqual(viaApi.ontvangen);

    const weigering = await sut.klaarzetten({ brin: world.sut.scholen.po!.brin, pgn: '000000000', doelBrin: '99BB' }).catch((e: unknown) => e);
    expect(weigering).toBeInstanceOf(AdapterFout);
    expect((weigering as AdapterFout).message).toContain('klaarzetten faalde bij klaarzetten van het dossier van PGN 000000000');
    expect((weigering as AdapterFout).message).toContain('Referentie-LAS kent geen leerling met PGN 000000000');

    await sut.wisselRelease('2018.1');
    expect((await (await fetch(`${world.sut.controlUrl}${REFERENCE_LAS_UI_PATH}/release`)).text())).toContain('<strong data-testid="huidige-gegevensset">2018.1</strong>');
    const release = await sut.wisselRelease('1999.9').catch((e: unknown) => e);
    expect((release as AdapterFout).message).toContain('kent gegevensset 1999.9 niet');

    const mislukt = await sut.opvragen({ brin: world.sut.scholen.vo!.brin, bronBrin: '99AA', pgn: '999999999', geboortedatum: '2008-01-01' });
    expect(mislukt.resultaat).not.toBe('DossierGeleverd');
    expect(await sut.laatsteFout()).toContain(`Opvragen mislukt: ${mislukt.resultaat}`);
  } finally {
    await sut.close();
    await world.stop();
  }
});

/**
 * A port nothing listens on: privileged (no test can bind it), below the ephemeral range the worlds use (a freed ephemeral
 * port may be taken by another test's server at once), and not one Chromium refuses to visit.
 */
const DICHTE_POORT = 1023;

test('a UI that cannot be reached gives an AdapterFout naming the function, the task, the Playwright error and a screenshot', async () => {
  const sut = await playwrightAdapter({ module: MODULE, baseUrl: `http://127.0.0.1:${DICHTE_POORT}/ui`, timeoutMs: 5_000 });
  try {
    const started = Date.now();
    const fout = await sut.klaarzetten({ brin: '98RA', pgn: '999900018', doelBrin: '99BB' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(fout).toBeInstanceOf(AdapterFout);
    const { message, schermafdruk } = fout as AdapterFout;
    // The module's start (run on a fresh page before the first call) is what met the closed port.
    expect(message).toContain('referentie-las.adapter.ts: start faalde bij het voorbereiden van de pagina voor klaarzetten van het dossier van PGN 999900018 op 98RA voor 99BB');
    expect(message).toMatch(/page\.goto: net::ERR_CONNECTION_REFUSED/);
    expect(schermafdruk).toMatch(/001-start\.png$/);
    expect(existsSync(schermafdruk!)).toBe(true);
    expect(message).toContain(`Schermafdruk: ${schermafdruk}`);
  } finally {
    await sut.close();
  }
});

test('a module call that never finishes is stopped soon after the step deadline, and the next call gets a fresh page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-module-'));
  const module = join(dir, 'hangt.adapter.mts');
  // start counts the pages it was given: a fresh page after the abandoned call must be started again (a vendor logs in there).
  writeFileSync(
    module,
    `let pages = 0;
export async function start(page) { pages++; await page.setContent('<p>pagina ' + pages + '</p>'); }
export async function klaarzetten() { await new Promise(() => {}); }
export async function laatsteFout(page) { return await page.locator('p').innerText(); }
export async function opvragen() { return { resultaat: 'x', afgemeld: 'ja' }; }
export async function ontvangen() { return []; }
export async function wisselRelease() {}
`,
  );
  const sut = await playwrightAdapter({ module, baseUrl: 'http://127.0.0.1:9/', timeoutMs: 2_000, screenshotDir: dir });
  try {
    expect(await sut.laatsteFout()).toBe('pagina 1');
    const started = Date.now();
    const fout = await sut.klaarzetten({ brin: '98RA', pgn: '1', doelBrin: '99BB' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((fout as AdapterFout).message).toContain('hangt.adapter.mts: klaarzetten faalde bij klaarzetten van het dossier van PGN 1 op 98RA voor 99BB: geen resultaat binnen 4000 ms (de stap heeft een time-out van 2000 ms)');
    expect((fout as AdapterFout).schermafdruk).toBe(join(dir, '002-klaarzetten.png'));
    expect(await sut.laatsteFout()).toBe('pagina 2');
    // An answer that does not fit the contract is named, not passed on.
    const opvragen = await sut.opvragen({ brin: '98RB', bronBrin: '99AA', pgn: '1', geboortedatum: '2008-01-01' }).catch((e: unknown) => e);
    expect((opvragen as AdapterFout).message).toContain('opvragen faalde bij opvragen door 98RB van het dossier van PGN 1 bij 99AA: de functie gaf geen {resultaat: string, afgemeld: boolean, sessieId?, fout?} terug maar {"resultaat":"x","afgemeld":"ja"}');
  } finally {
    await sut.close();
  }
});
