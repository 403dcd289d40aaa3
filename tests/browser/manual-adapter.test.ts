import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlPaths, type DossiersAntwoord, type OpvragenAntwoord } from '../../simulator/control-api.ts';
import { kindVan, parseXml } from '../../simulator/dossier/xml-reader.ts';
import { startWorld, type World } from '../../simulator/world.ts';
import { dossierUitAntwoord } from '../../suites/steps/geleverd-dossier.ts';
import { manualAdapter } from '../../suites/adapters/manual-adapter.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { ANTWOORDEN_BESTAND } from '../../web/operator-console/bewijs.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import type { Rol } from '../../suites/scenario-context.ts';
import { runScenario } from '../../suites/scenario-runner.ts';
import { stepRecorder } from '../support/step-recorder.ts';
import { loadScenarios } from '../../suites/scenario.ts';

// A qualification driven by hand: the manual adapter asks its questions on the operator console, and this test plays the
// school administrator in Chromium. Its "LAS" is the reference LAS, worked through its test-control API the way a person
// would work a LAS's screens; what the LAS showed goes back into the console's forms.
const requirements = loadRequirements();
const scenarios = loadScenarios();

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

/** How the operator behaves: honestly, or reporting another result than the LAS showed, or uploading a changed attachment. */
interface Operatorgedrag {
  meldtResultaat?: (getoond: string) => string;
  wijztBijlage?: boolean;
}

/**
 * "Downloads" from the reference LAS the attachments it lists as stored for the pupil: the bytes as they came in the
 * delivered dossier (the reference LAS keeps that dossier), each under the file name the LAS shows.
 */
function downloadBijlagen(world: World, bewaard: { bestandsnaam: string; sha256: string }[]): { naam: string; inhoud: Buffer }[] {
  const inDossiers = world.log
    .all()
    .flatMap((e) => (e.operation === 'documentRequest' && e.response ? [dossierUitAntwoord(e.response)] : []))
    .flatMap((xml) => {
      if (!xml) return [];
      const doc = parseXml(xml);
      return (doc.index.get('document') ?? []).map((d) => Buffer.from(kindVan(d, 'bestandsinhoud', doc.wortel.ns)?.tekst ?? '', 'base64'));
    });
  return bewaard.map((b) => {
    const inhoud = inDossiers.find((bytes) => createHash('sha256').update(bytes).digest('hex') === b.sha256);
    if (!inhoud) throw new Error(`De referentie-LAS toont bijlage ${b.bestandsnaam}, maar die zat in geen geleverd dossier.`);
    return { naam: b.bestandsnaam, inhoud };
  });
}

/**
 * The school administrator: reads the prompt that is open on the console, does what it asks in the LAS, and answers with
 * what the LAS showed. Runs until the page is closed.
 */
async function speelOperator(page: Page, world: World, gedrag: Operatorgedrag = {}): Promise<void> {
  const controlUrl = world.sut.controlUrl!;
  const downloads = mkdtempSync(join(tmpdir(), 'bijlagen-'));
  const gefotografeerd = new Set<string>();
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
    // A screenshot of each kind of page the operator sees, in the test's report.
    if (!gefotografeerd.has(kop)) {
      gefotografeerd.add(kop);
      await test.info().attach(`console: ${kop}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    }
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
      case 'Bijlagen van het opgeslagen dossier': {
        const pgn = await gegeven('Leerling');
        const { ontvangen } = await inDeLas<DossiersAntwoord>(controlUrl, controlPaths.dossiers);
        const bestanden = downloadBijlagen(world, ontvangen.find((o) => o.pgn === pgn)?.bijlagen ?? []);
        if (!bestanden.length) {
          await knop('Verder zonder bestand');
          break;
        }
        if (gedrag.wijztBijlage) bestanden[0]!.inhoud = Buffer.concat([bestanden[0]!.inhoud, Buffer.from('gewijzigd')]);
        const paden = bestanden.map((b, i) => {
          const pad = join(mkdtempSync(join(downloads, `${i}-`)), b.naam);
          writeFileSync(pad, b.inhoud);
          return pad;
        });
        await vraag.locator('input[type="file"]').setInputFiles(paden);
        await knop('Uploaden');
        break;
      }
      default:
        throw new Error(`De operator kent de vraag "${kop}" niet.`);
    }
    // The console took the answer when this prompt has left the page (the next one may already be there).
    await expect(page.locator(`#vraag[data-id="${id}"]`), `antwoord op "${kop}" aangenomen`).toHaveCount(0);
  }
}

/** Runs a scenario against the reference LAS through the manual adapter, with the test as operator. */
async function handmatigeKwalificatie(rol: Rol, gedrag: Operatorgedrag = {}, scenarioId = 'regulier-povo') {
  const scenario = scenarios.find((s) => s.id === scenarioId)!;
  const world = await startWorld();
  const bewijsMap = mkdtempSync(join(tmpdir(), 'handmatig-bewijs-'));
  const adapter = await manualAdapter({ timeoutMs: 20_000, bewijsMap, operator: 'Operator Smit', naam: world.sut.naam, run: `${scenario.titel} (uw LAS als ${rol})` });
  const page = await browser.newPage();
  const { reporter } = stepRecorder();
  const eisen = new Map<string, string>();
  let klaar = false;
  try {
    await page.goto(adapter.consoleUrl);
    const operator = speelOperator(page, world, gedrag).catch((e: unknown) => {
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
      .map(
        (l) =>
          JSON.parse(l) as {
            vraag: { kop: string; context?: { run: string; stap?: string }; gegevens?: Record<string, string>; opties?: { waarde: string }[] };
            door: string;
            waarde?: string;
            bestanden?: { naam: string; sha256: string }[];
          },
      );
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
        : ['Dossier opvragen', 'Resultaat van het opvragen', 'Foutmelding bij het opvragen', 'Aanvraag afgerond', 'Ontvangen dossier', 'Bijlagen van het opgeslagen dossier']),
    ]);
    if (rol === 'doel') expect(bewijs.find((r) => r.vraag.kop === 'Ontvangen dossier')?.waarde).toBe('opgeslagen');
    // The pupil by name beside the number; the results a school can see, usual ones first, then "Anders".
    const eerste = bewijs.find((r) => r.vraag.kop === (rol === 'bron' ? 'Dossier klaarzetten' : 'Dossier opvragen'))!;
    expect(eerste.vraag.gegevens?.['Naam']).toBeTruthy();
    if (rol === 'doel') {
      const opties = bewijs.find((r) => r.vraag.kop === 'Resultaat van het opvragen')!.vraag.opties!.map((o) => o.waarde);
      expect(opties.slice(0, 3)).toEqual(['DossierGeleverd', 'DossierNietKlaargezet', 'LeerlingOnbekend']);
      expect(opties.at(-1)).toBe('Anders');
      for (const nooitGezien of ['Ok', 'SessieReedsAfgemeld', 'OngeldigeSleutel', 'NotificatieOntvangen']) expect(opties).not.toContain(nooitGezien);
    }
    // Each prompt says which run and which step it belongs to.
    expect(bewijs.every((r) => r.vraag.context?.run === `Regulier overstapdossier van PO naar VO (uw LAS als ${rol})`)).toBe(true);
    expect(eerste.vraag.context?.stap).toMatch(rol === 'bron' ? /^Bron zet het dossier/ : /^Doel vraagt het dossier van povo-regulier op \(verwacht: DossierGeleverd\)/);
  });
}

test('the manual adapter passes the zorgdossier as doel: the operator uploads the stored attachments and their SHA-256 match', async () => {
  const { error, eisen, bewijs } = await handmatigeKwalificatie('doel', {}, 'zorgdossier');
  expect(error).toBeUndefined();
  expect(eisen.get('DOEL-07')).toBe('passed');
  expect([...eisen.values()].every((u) => u === 'passed')).toBe(true);
  const upload = bewijs.find((r) => r.vraag.kop === 'Bijlagen van het opgeslagen dossier');
  expect(upload?.bestanden?.length).toBeGreaterThan(0);
});

test('an attachment that reaches the operator changed fails DOEL-07 through the manual adapter', async () => {
  const { error, eisen } = await handmatigeKwalificatie('doel', { wijztBijlage: true }, 'zorgdossier');
  expect(error).toBeInstanceOf(CheckFailure);
  expect((error as CheckFailure).details.eis.id).toBe('DOEL-07');
  expect(eisen.get('DOEL-07')).toBe('failed');
});

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
