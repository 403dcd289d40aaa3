/**
 * Playwright module for the web UI of the OSO Testbank reference LAS — and the worked example for LAS vendors.
 *
 * EN: The harness (suites/adapters/playwright-adapter.ts) starts Chromium, gives each function below a Playwright `Page`
 *     and the data of the step, and expects the function to do in your LAS's UI what a school's administrator would do,
 *     then read back what the UI shows. To write one for your own LAS, copy this file and change the selectors and
 *     URLs; keep the export names and the shapes of what you return (PlaywrightLasModule). Rules of thumb:
 *     - Start every function with `page.goto(...)`: never rely on where the previous call left the page.
 *     - Wait for what the user would wait for (the confirmation, the error message), not for a fixed time.
 *     - When your UI refuses, throw an Error with the text your UI showed: the harness reports it, with a screenshot.
 *     - Every Playwright action already has the step's deadline as its timeout (ctx.timeoutMs); do not set longer ones.
 *     - Prefer labels, roles and data-testid attributes over CSS paths: they survive restyling.
 *     - Logging in? Export `start(page, ctx)`: it runs once on a fresh page before the first call.
 * NL: De testbank geeft elke functie een Playwright-pagina en de gegevens van de stap; de functie doet in de
 *     gebruikersinterface van uw LAS wat een schooladministratie zou doen en leest terug wat het scherm toont. Kopieer dit
 *     bestand voor uw eigen LAS en pas de selectors en adressen aan; houd de namen van de exports en de vorm van wat u
 *     teruggeeft gelijk. Als uw LAS een verzoek weigert: gooi een Error met de tekst die het scherm toont.
 *
 * Configure it in a SUT configuration (adapter.soort: playwright) with playwright.module pointing at this file and
 * playwright.baseUrl at the LAS's web UI — for the reference LAS: its control address followed by /ui.
 */
import type { Locator, Page } from '@playwright/test';
import type { OntvangenDossier } from '../../../simulator/control-api.ts';
import type { PlaywrightLasModule } from '../../../suites/adapters/playwright-adapter.ts';

/** Once per fresh page: check that the address really is the reference LAS (a vendor would log in here). */
export const start: NonNullable<PlaywrightLasModule['start']> = async (page, ctx) => {
  await page.goto(`${ctx.baseUrl}/`);
  await page.getByTestId('scholen').waitFor();
};

export const klaarzetten: PlaywrightLasModule['klaarzetten'] = async (page, verzoek, ctx) => {
  await page.goto(`${ctx.baseUrl}/klaarzetten`);
  await kiesSchool(page, verzoek.brin);
  await page.getByLabel('PGN (BSN of onderwijsnummer)').fill(verzoek.pgn);
  await page.getByLabel('BRIN van de nieuwe school').fill(verzoek.doelBrin);
  await page.getByRole('button', { name: 'Klaarzetten' }).click();
  await bevestiging(page);
};

export const opvragen: PlaywrightLasModule['opvragen'] = async (page, verzoek, ctx) => {
  await page.goto(`${ctx.baseUrl}/opvragen`);
  await kiesSchool(page, verzoek.brin);
  await page.getByLabel('BRIN van de huidige school').fill(verzoek.bronBrin);
  await page.getByLabel('PGN (BSN of onderwijsnummer)').fill(verzoek.pgn);
  await page.getByLabel('Geboortedatum').fill(verzoek.geboortedatum);
  await page.getByRole('button', { name: 'Opvragen' }).click();
  // The LAS shows the outcome when the whole exchange is done (overdracht, documentRequest, afmelding) — or refuses.
  const uitkomst = page.getByTestId('uitkomst');
  await uitkomst.or(page.getByTestId('foutmelding')).waitFor();
  await weigeringAlsFout(page);
  const sessieId = await optioneel(uitkomst.getByTestId('sessie'));
  const fout = await optioneel(uitkomst.getByTestId('uitkomst-fout'));
  return {
    resultaat: (await uitkomst.getByTestId('resultaat').innerText()).trim(),
    afgemeld: (await uitkomst.getByTestId('afgemeld').innerText()).trim() === 'ja',
    ...(sessieId !== undefined ? { sessieId } : {}),
    ...(fout !== undefined ? { fout } : {}),
  };
};

export const ontvangen: PlaywrightLasModule['ontvangen'] = async (page, ctx) => {
  await page.goto(`${ctx.baseUrl}/dossiers`);
  await page.getByTestId('dossiers').or(page.getByTestId('geen-dossiers')).waitFor();
  const dossiers: OntvangenDossier[] = [];
  for (const rij of await page.getByTestId('dossier').all()) {
    const status = (await rij.getByTestId('status').innerText()).trim();
    if (status !== 'opgeslagen' && status !== 'geweigerd') throw new Error(`Onbekende status '${status}' in de lijst met ontvangen dossiers.`);
    const sessieId = await optioneel(rij.getByTestId('sessie'));
    const reden = await optioneel(rij.getByTestId('reden'));
    const bijlagen = [];
    for (const bijlage of await rij.getByTestId('bijlage').all())
      bijlagen.push({ bestandsnaam: await bijlage.getByTestId('bestandsnaam').innerText(), sha256: (await bijlage.getByTestId('sha256').innerText()).trim() });
    dossiers.push({
      pgn: (await rij.getByTestId('pgn').innerText()).trim(),
      bronBrin: (await rij.getByTestId('bron-brin').innerText()).trim(),
      doelBrin: (await rij.getByTestId('doel-brin').innerText()).trim(),
      status,
      ontvangenOp: (await rij.getByTestId('ontvangen-op').locator('time').getAttribute('datetime')) ?? '',
      ...(sessieId !== undefined ? { sessieId } : {}),
      ...(reden !== undefined ? { reden } : {}),
      // Only a stored dossier has attachments to show.
      ...(status === 'opgeslagen' ? { bijlagen } : {}),
    });
  }
  return dossiers;
};

export const laatsteFout: PlaywrightLasModule['laatsteFout'] = async (page, ctx) => {
  await page.goto(`${ctx.baseUrl}/laatste-fout`);
  const melding = page.getByTestId('laatste-fout');
  await melding.or(page.getByTestId('geen-fout')).waitFor();
  return optioneel(melding);
};

export const wisselRelease: PlaywrightLasModule['wisselRelease'] = async (page, gegevensset, ctx) => {
  await page.goto(`${ctx.baseUrl}/release`);
  await page.getByLabel('Nieuwe gegevensset').fill(gegevensset);
  await page.getByRole('button', { name: 'Wisselen' }).click();
  await bevestiging(page);
};

/** Optional: wipe the test data before a run (the reference LAS's "Testomgeving" page). */
export const reset: NonNullable<PlaywrightLasModule['reset']> = async (page, ctx) => {
  await page.goto(`${ctx.baseUrl}/testomgeving`);
  await page.getByRole('button', { name: 'Testgegevens wissen' }).click();
  await bevestiging(page);
};

/** Optional: set the LAS's date to the scenario's simulated date. */
export const zetKlok: NonNullable<PlaywrightLasModule['zetKlok']> = async (page, datum, ctx) => {
  await page.goto(`${ctx.baseUrl}/testomgeving`);
  await page.getByLabel('Datum').fill(datum);
  await page.getByRole('button', { name: 'Datum instellen' }).click();
  await bevestiging(page);
};

/** Picks the school in the LAS; says which schools there are when the asked one is not among them (instead of a time-out). */
async function kiesSchool(page: Page, brin: string): Promise<void> {
  const keuze = page.getByLabel('School', { exact: true });
  const waarden = await Promise.all((await keuze.locator('option').all()).map((o) => o.getAttribute('value')));
  if (!waarden.includes(brin)) throw new Error(`De LAS biedt school ${brin} niet aan; wel: ${waarden.join(', ')}.`);
  await keuze.selectOption(brin);
}

/** Waits for the LAS's answer to a form: the confirmation, or the error it shows (thrown). */
async function bevestiging(page: Page): Promise<void> {
  await page.getByTestId('melding').or(page.getByTestId('foutmelding')).waitFor();
  await weigeringAlsFout(page);
}

async function weigeringAlsFout(page: Page): Promise<void> {
  const fout = page.getByTestId('foutmelding');
  if (await fout.count()) throw new Error(`De LAS weigerde: ${(await fout.innerText()).trim()}`);
}

/** The text of an element the page shows only sometimes (a session, a reason), or undefined. */
async function optioneel(locator: Locator): Promise<string | undefined> {
  return (await locator.count()) ? (await locator.innerText()).trim() : undefined;
}
