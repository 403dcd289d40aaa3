/**
 * The test exchange as a school administrator does it, end to end in Chromium: `oso-testbank serve` as a real process
 * (PGlite in a fresh data folder), the standalone reference LAS as "the school's LAS" pointed at the served TC and
 * registered by its vendor's client certificate, the LAS's own pages for klaarzetten and opvragen, and the portal for
 * what the testscholen did. Kennisnet issues the school links in the portal's admin part. Nothing here is simulated
 * in-process: every step goes over HTTPS between processes, the dossiers are real XML judged by the real validator.
 */
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureLeerling, loadTestschoolLeerlingen } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { freePorts } from '../cli/standalone-las.ts';
import { https, pkiIdentiteit, registreerSchoolLas, startSchoolLas, startServeProces, type SchoolLas, type ServeProces } from '../serve/serve-proces.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const po = referentieLasScholen.po;
const vo = referentieLasScholen.vo;
const regulier = fixtureLeerling('povo-regulier');
const zorg = fixtureLeerling('povo-zorg');
const vendor = pkiIdentiteit('reference-las');

let dataDir: string;
let serve: ServeProces;
let las: SchoolLas | undefined;
let browser: Browser;
/** The school administrator's browser and Kennisnet's, apart: they share no cookie. */
let school: BrowserContext;
let kennisnet: BrowserContext;
/** Every address the pages loaded from; the portal and the LAS pages load nothing from elsewhere. */
const geladen: string[] = [];
/** Where the pages may load from: the service and each LAS started. */
const eigenAdressen: string[] = [];

/** The standalone reference LAS as the school's LAS, calling the served TC, its aanleverpunten registered by its vendor. */
async function startLasVanSchool(faults: string[] = []): Promise<void> {
  las = await startSchoolLas(`${serve.url}/oso/tc`, faults);
  eigenAdressen.push(`${las.controlUrl}/`);
  for (const res of await registreerSchoolLas(serve.url, las.apPoort, vendor)) expect([200, 201], res.tekst).toContain(res.status);
}

async function nieuwContext(): Promise<BrowserContext> {
  // The service's certificate is issued by the test CA, which this browser does not know.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
  context.on('request', (r) => geladen.push(r.url()));
  return context;
}

const foto = async (page: Page, testInfo: TestInfo, naam: string) =>
  testInfo.attach(naam, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

/** Kennisnet logs in to the portal's admin part and issues a link for a school; the link as the admin would mail it. */
async function schoolLink(brin: string, voor: string, testInfo: TestInfo): Promise<string> {
  const page = await kennisnet.newPage();
  await page.goto(`${serve.url}/portaal/beheer`);
  if (await page.getByLabel('Beheertoken').isVisible()) {
    await page.getByLabel('Beheertoken').fill(readFileSync(join(dataDir, 'beheer-token'), 'utf8').trim());
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await expect(page.locator('h1')).toHaveText('Beheer van de testomgeving');
  const rij = page.locator(`tr[data-brin="${brin}"]`);
  await rij.getByLabel('Voor wie (bijvoorbeeld naam van de administrateur)').fill(voor);
  await rij.getByRole('button', { name: 'Link uitgeven' }).click();
  await expect(page.locator('h1')).toHaveText('Nieuwe link voor de school');
  const link = (await page.locator('#schoollink').textContent())!.trim();
  await foto(page, testInfo, `beheer-link-${brin}.png`);
  await page.close();
  expect(link.startsWith(`${serve.url}/portaal/school/`), link).toBe(true);
  return link;
}

/** In the school's LAS: the dossier of a pupil klaargezet for the VO testschool. */
async function klaarzettenInLas(page: Page, pgn: string): Promise<void> {
  await page.goto(`${las!.uiUrl}/klaarzetten`);
  await page.getByLabel('School', { exact: true }).selectOption(po.brin);
  await page.getByLabel('PGN (BSN of onderwijsnummer)').fill(pgn);
  await page.getByLabel('BRIN van de nieuwe school').fill('99BB');
  await page.getByRole('button', { name: 'Klaarzetten' }).click();
  await expect(page.locator('.gelukt')).toContainText(`staat klaar voor BRIN 99BB`);
}

/** In the school's LAS: the VO school requests a pupil's dossier from testschool 99AA; the LAS shows the result code. */
async function opvragenInLas(page: Page, leerling: { pgn: { waarde: string }; geboortedatum: string }): Promise<void> {
  await page.goto(`${las!.uiUrl}/opvragen`);
  await page.getByLabel('School', { exact: true }).selectOption(vo.brin);
  await page.getByLabel('BRIN van de huidige school').fill('99AA');
  await page.getByLabel('PGN (BSN of onderwijsnummer)').fill(leerling.pgn.waarde);
  await page.getByLabel('Geboortedatum', { exact: true }).fill(leerling.geboortedatum);
  await page.getByRole('button', { name: 'Opvragen' }).click();
}

/** In the portal: testschool 99BB requests the dossier from the school's LAS; the page of that uitwisseling follows. */
async function laatOpvragen(page: Page, link: string, pgn: string, geboortedatum: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('link', { name: 'Testleerlingen en opvragen' }).click();
  await page.getByLabel('BSN of onderwijsnummer van de leerling').fill(pgn);
  await page.getByLabel('Geboortedatum van de leerling').fill(geboortedatum);
  await page.getByRole('button', { name: 'Laat de testschool het dossier opvragen' }).click();
  await expect(page.locator('h1')).toContainText('Testschool 99BB vroeg een dossier op bij');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'serve-school-'));
  const [port] = (await freePorts(1)) as [number];
  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);
  eigenAdressen.push(`${serve.url}/`);
  await startLasVanSchool();
  browser = await launchChromium();
  school = await nieuwContext();
  kennisnet = await nieuwContext();
});

test.afterAll(async () => {
  await browser?.close();
  await las?.stop();
  await serve?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('school as bron: the administrator klaarzet a dossier for 99BB in the LAS, the testschool requests it from the portal, and the portal shows it validated', async ({}, testInfo) => {
  const link = await schoolLink(po.brin, 'Administratie Proefschool PO', testInfo);
  const page = await school.newPage();

  await klaarzettenInLas(page, regulier.pgn.waarde);
  await foto(page, testInfo, 'las-klaarzetten.png');

  await laatOpvragen(page, link, regulier.pgn.waarde, regulier.geboortedatum);
  await expect(page.locator('#status')).toHaveText('Dossier ontvangen en goedgekeurd door de testschool');
  await expect(page.locator('.bevinding')).toHaveCount(0);
  await expect(page.locator('#dossier h3')).toContainText(regulier.achternaam);
  await foto(page, testInfo, 'portaal-goedgekeurd.png');

  // The timeline shows the uitwisseling and the four SOAP messages of the exchange, each with its result code.
  await page.goto(link);
  await expect(page.locator('#uitwisselingen tbody tr').first()).toContainText('Dossier ontvangen en goedgekeurd door de testschool');
  const soorten = await page.locator('#berichten tbody tr .klein').allTextContents();
  for (const operatie of ['overdrachtRequest', 'documentRequest', 'sessiecontroleRequest', 'afmeldingRequest']) expect(soorten.join(' ')).toContain(operatie);
  await foto(page, testInfo, 'portaal-tijdlijn.png');
  await page.close();
});

test('school as doel: the administrator reads a test pupil in the portal, requests it from 99AA in the LAS, and the portal shows what the testschool sent', async ({}, testInfo) => {
  const link = await schoolLink(vo.brin, 'Administratie Proefschool VO', testInfo);
  const page = await school.newPage();

  // The published test pupils are what the school types into its LAS.
  await page.goto(link);
  await page.getByRole('link', { name: 'Testleerlingen en opvragen' }).click();
  const rij = page.locator(`tr[data-pgn="${zorg.pgn.waarde}"]`);
  await expect(rij).toContainText(zorg.achternaam);
  await expect(page.locator('#als-doel')).toContainText('99AA');
  await foto(page, testInfo, 'portaal-testleerlingen.png');

  await opvragenInLas(page, zorg);
  await expect(page.getByTestId('resultaat')).toHaveText('DossierGeleverd');
  await foto(page, testInfo, 'las-opgevraagd.png');

  await page.goto(link);
  const uitwisseling = page.locator('#uitwisselingen tbody tr').first();
  await expect(uitwisseling).toContainText('vroeg een dossier op bij testschool 99AA');
  await expect(uitwisseling).toContainText('Dossier geleverd door de testschool');
  await uitwisseling.getByRole('link').click();
  await expect(page.locator('#status')).toHaveText('Dossier geleverd door de testschool');
  // What 99AA sent, as the printable dossier: the zorg pupil with its attachments listed.
  await expect(page.locator('#dossier h3')).toContainText(zorg.achternaam);
  await foto(page, testInfo, 'portaal-geleverd.png');
  await page.close();
});

test('notificatie: the LAS asks 99AA for the waiting pupil too early, the administrator presses the notificatie button in the portal, and the LAS then receives the dossier', async ({}, testInfo) => {
  const link = await schoolLink(vo.brin, 'Administratie Proefschool VO, notificatie', testInfo);
  const page = await school.newPage();
  const wachtend = loadTestschoolLeerlingen().find((l) => l.id === 'testschool-notificatie')!;
  await opvragenInLas(page, wachtend);
  await expect(page.getByTestId('resultaat')).toHaveText('DossierNietKlaargezet');

  await page.goto(link);
  await page.getByRole('link', { name: 'Testleerlingen en opvragen' }).click();
  await page.getByRole('button', { name: `Laat testschool 99AA het dossier van ${wachtend.roepnaam ?? wachtend.voornaam} ${wachtend.achternaam} klaarzetten en uw school een notificatie sturen` }).click();
  await expect(page.getByRole('status')).toContainText('Uw LAS heeft de notificatie ontvangen');
  await foto(page, testInfo, 'portaal-notificatie.png');

  await opvragenInLas(page, wachtend);
  await expect(page.getByTestId('resultaat')).toHaveText('DossierGeleverd');
  await page.close();
});

test('a dossier with a deliberate error: the LAS leaves out the opt-out, and the portal shows the finding in Dutch with its rule id, cause and what to do', async ({}, testInfo) => {
  await las!.stop();
  await startLasVanSchool(['ignore-opt-out']);
  const link = await schoolLink(po.brin, 'Administratie Proefschool PO, tweede link', testInfo);
  const page = await school.newPage();

  await klaarzettenInLas(page, regulier.pgn.waarde);
  await laatOpvragen(page, link, regulier.pgn.waarde, regulier.geboortedatum);
  await expect(page.locator('#status')).toHaveText('Dossier ontvangen, maar geweigerd door de testschool');
  const bevinding = page.locator('.bevinding[data-regel^="OS.cat"]').first();
  await expect(bevinding).toBeVisible();
  await expect(bevinding).toContainText('Waarschijnlijke oorzaak:');
  await expect(bevinding).toContainText('Wat te doen in uw LAS:');
  await foto(page, testInfo, 'portaal-bevinding.png');

  // The page shows what the store holds: the refused uitwisseling, with the same rule.
  const id = new URL(page.url()).pathname.split('/').at(-1);
  const opgeslagen = await https(`${serve.url}/api/uitwisselingen/${id}`, { identiteit: vendor });
  expect(opgeslagen.body.uitwisseling.status).toBe('geweigerd');
  expect(opgeslagen.body.uitwisseling.bevindingen.map((b: { regel: string }) => b.regel).join(' ')).toContain('OS.cat');
  await page.close();

  expect(geladen.filter((url) => !eigenAdressen.some((a) => url.startsWith(a)))).toEqual([]);
});
