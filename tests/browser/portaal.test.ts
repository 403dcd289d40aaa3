import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { launchChromium } from '../../suites/chromium.ts';
import { BEHEER_TOKEN, kapotEmail, ongeldigDossier, portaalWereld, schoolA, type PortaalWereld } from '../serve/portaal-wereld.ts';

// The portal as a school administrator and a Kennisnet admin meet it: a real browser on a listening portal with a PGlite
// store. The opvragen button goes through a deps.opvragen that has the real validator judge a real invalid dossier of the
// requested test pupil and records the uitwisseling through the store, as the testschool does.
let browser: Browser;
let w: PortaalWereld;
let basis: string;

test.beforeAll(async () => {
  browser = await launchChromium();
  w = await portaalWereld({
    listen: true,
    opvragen: (store) => async (testschool, verzoek) => {
      const leerling = loadFixtureLeerlingen().find((l) => l.pgn.waarde === verzoek.pgn && l.geboortedatum === verzoek.geboortedatum);
      if (!leerling) throw new Error('no such test pupil');
      const school = (await store.school(verzoek.bronBrin))!;
      const dossier = ongeldigDossier(school, { leerling, seed: 'browser', fouten: [kapotEmail] });
      return store.uitwisselingToevoegen({
        testschoolBrin: testschool, schoolBrin: verzoek.bronBrin, richting: 'school-als-bron', pgn: verzoek.pgn, sessieId: 'sessie-browser-0001', op: new Date().toISOString(),
        status: dossier.bevindingen.some((b) => b.ernst === 'fout') ? 'geweigerd' : 'opgeslagen', reden: 'Het dossier voldoet niet aan de gegevensset.', xml: dossier.xml, bevindingen: dossier.bevindingen,
      });
    },
  });
  // localhost: a Secure cookie is kept on http://localhost, as on any https address.
  basis = `http://localhost:${(w.app.server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await browser?.close();
  await w?.close();
});

async function nieuwePagina(): Promise<{ page: Page; elders: string[] }> {
  const page = await browser.newPage();
  const elders: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(basis)) elders.push(r.url());
  });
  return { page, elders };
}

/** What an axe check would start with, offline: one h1, and every form control a label that names it. */
async function toegankelijk(page: Page): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const zonderLabel = await page.locator('input:not([type=hidden]), select, textarea').evaluateAll((els) =>
    els.filter((e) => !(e as unknown as { labels: { textContent: string }[] | null }).labels?.[0]?.textContent?.trim()).map((e) => e.outerHTML),
  );
  expect(zonderLabel).toEqual([]);
  const knoppenZonderNaam = await page.locator('button').evaluateAll((els) => els.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).map((b) => b.outerHTML));
  expect(knoppenZonderNaam).toEqual([]);
}

const foto = async (page: Page, testInfo: TestInfo, naam: string) =>
  testInfo.attach(naam, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

test('the admin logs in, suspends an aanleverpunt and issues a link; the school administrator follows it, reads the timeline and a finding, and presses the opvragen button', async ({}, testInfo) => {
  const { page, elders } = await nieuwePagina();

  // Kennisnet: log in, suspend B's aanleverpunt, issue a link for school A.
  await page.goto(`${basis}/portaal/beheer`);
  await toegankelijk(page);
  await page.getByLabel('Beheertoken').fill(BEHEER_TOKEN);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.locator('h1')).toHaveText('Beheer van de testomgeving');
  await toegankelijk(page);
  const apB = page.locator('tr[data-ap="rk-97BB-1"]');
  await expect(apB).toContainText('Proef-LAS Beta');
  await expect(apB).toContainText('Actief');
  await apB.getByRole('button', { name: 'Schort op: aanleverpunt rk-97BB-1' }).click();
  await expect(page.getByRole('status')).toHaveText('Aanleverpunt rk-97BB-1 is opgeschort.');
  await expect(page.locator('tr[data-ap="rk-97BB-1"]')).toContainText('Opgeschort');
  expect((await w.store.aanleverpunt('rk-97BB-1'))?.opgeschort).toBe(true);
  await expect(page.locator('#audit tbody tr').first()).toContainText('aanleverpunt rk-97BB-1');
  await expect(page.locator('#audit tbody tr').first()).toContainText('opgeschort');
  await foto(page, testInfo, 'beheer-overzicht.png');

  const rijA = page.locator(`tr[data-brin="${schoolA.brin}"]`);
  await rijA.getByLabel('Voor wie (bijvoorbeeld naam van de administrateur)').fill('Meester Proef, administratie');
  await rijA.getByRole('button', { name: 'Link uitgeven' }).click();
  await expect(page.locator('h1')).toHaveText('Nieuwe link voor de school');
  const link = (await page.locator('#schoollink').textContent())!.trim();
  expect(link).toMatch(/\/portaal\/school\/[A-Za-z0-9_-]{43}$/);
  await foto(page, testInfo, 'beheer-link.png');

  // The school administrator, in a browser of their own, follows the link.
  const school = await browser.newContext();
  const sp = await school.newPage();
  sp.on('request', (r) => {
    if (!r.url().startsWith(basis)) elders.push(r.url());
  });
  await sp.goto(`${basis}${new URL(link).pathname}`);
  await expect(sp.locator('h1')).toHaveText(`Uitwisselingen van ${schoolA.naam} (${schoolA.brin})`);
  await toegankelijk(sp);
  await expect(sp.locator('#berichten tbody tr')).toHaveCount(3);
  await expect(sp.locator('#berichten tbody tr').first()).toContainText('Het clientcertificaat is verlopen.');
  await foto(sp, testInfo, 'school-tijdlijn.png');

  await sp.locator(`tr[data-uitwisseling="${w.uitwisselingA.id}"] a`).click();
  await expect(sp.locator('#status')).toHaveText('Dossier ontvangen, maar geweigerd door de testschool');
  const bevinding = sp.locator('.bevinding[data-regel="OG.01"]').first();
  await expect(bevinding).toContainText('Waarschijnlijke oorzaak:');
  await expect(bevinding).toContainText('Wat te doen in uw LAS:');
  // The hostile finding stays text.
  await expect(sp.locator('.bevinding').last().locator('.melding-tekst')).toContainText('<script>alert("portaal")</script>');
  await expect(sp.locator('#dossier h3')).toHaveText('Overstapdossier: Pim van der Proefhuizen');
  await toegankelijk(sp);
  await foto(sp, testInfo, 'school-uitwisseling.png');

  // School as bron: the pupil was klaargezet for 99BB in the LAS; the button lets 99BB request it.
  await sp.getByRole('link', { name: 'Testleerlingen en opvragen' }).click();
  await toegankelijk(sp);
  await foto(sp, testInfo, 'school-testleerlingen.png');
  await sp.getByLabel('BSN of onderwijsnummer van de leerling').fill('109990001');
  await sp.getByLabel('Geboortedatum van de leerling').fill('2007-09-30');
  await sp.getByRole('button', { name: 'Laat de testschool het dossier opvragen' }).click();
  await expect(sp.locator('h1')).toContainText('Testschool 99BB vroeg een dossier op bij uw school');
  await expect(sp.locator('#status')).toHaveText('Dossier ontvangen, maar geweigerd door de testschool');
  const echte = (await w.store.uitwisselingen({ schoolBrin: schoolA.brin })).at(-1)!;
  expect(echte.pgn).toBe('109990001');
  expect(echte.bevindingen.map((b) => b.regel)).toContain('OG.01');
  await expect(sp.locator('.bevinding[data-regel="OG.01"]')).toHaveCount(echte.bevindingen.filter((b) => b.regel === 'OG.01').length);
  await expect(sp.locator('#dossier')).toContainText('Amira');
  await toegankelijk(sp);
  await foto(sp, testInfo, 'school-opgevraagd.png');

  // A refused form stays on the page with the reason and what was typed.
  await sp.getByRole('link', { name: 'Testleerlingen en opvragen' }).click();
  await sp.getByLabel('BSN of onderwijsnummer van de leerling').fill('109990001');
  await sp.getByLabel('Geboortedatum van de leerling').fill('2007-09-30');
  // The browser's own check would stop '12ab'; the server must refuse it too, for a browser that does not check.
  await sp.locator('#veld-pgn').evaluate((e) => ((e as unknown as { value: string }).value = '12ab'));
  await sp.locator('form:has(#veld-pgn)').evaluate((f) => f.setAttribute('novalidate', ''));
  await sp.getByRole('button', { name: 'Laat de testschool het dossier opvragen' }).click();
  await expect(sp.getByRole('alert')).toContainText('negen cijfers');
  await expect(sp.getByLabel('BSN of onderwijsnummer van de leerling')).toHaveValue('12ab');

  expect(elders).toEqual([]);
  await school.close();
  await page.close();
});
