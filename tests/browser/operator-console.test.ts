import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../suites/chromium.ts';
import { ATTESTATIES_BESTAND, beveiligingsChecklist, vraagAttestaties } from '../../web/operator-console/attestaties.ts';
import { ANTWOORDEN_BESTAND } from '../../web/operator-console/bewijs.ts';
import { startOperatorConsole, type OperatorConsole } from '../../web/operator-console/operator-console.ts';
import { VraagVerlopen } from '../../web/operator-console/vraag.ts';

// The console as an operator meets it: a real browser on the console's page, the prompts asked by code at the same time.
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser?.close();
});

/** A console with a fresh evidence folder, and a page on it that records every request leaving the console. */
async function openConsole(operator?: string): Promise<{ oc: OperatorConsole; page: Page; elders: string[]; close(): Promise<void> }> {
  const oc = await startOperatorConsole({ bewijsMap: mkdtempSync(join(tmpdir(), 'operator-bewijs-')), onderwerp: 'Proef-LAS', ...(operator ? { operator } : {}) });
  const page = await browser.newPage();
  const elders: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(oc.url)) elders.push(r.url());
  });
  await page.goto(oc.url);
  return { oc, page, elders, close: async () => (await page.close(), await oc.close()) };
}

const bewijsRegels = (oc: OperatorConsole) =>
  readFileSync(join(oc.bewijsMap, ANTWOORDEN_BESTAND), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test('the console shows each kind of prompt and records the answer, the time and who answered; an upload lands with its SHA-256', async ({}, testInfo) => {
  const { oc, page, elders, close } = await openConsole();
  const start = new Date().toISOString();
  try {
    await page.getByLabel(/Uw naam/).fill('Operator Jansen');
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await expect(page.locator('#wachten')).toBeVisible();
    await expect(page.locator('header')).toContainText('Operator: Operator Jansen');
    const limiet = { timeoutMs: 30_000 };

    // opdracht: the waiting page shows it by itself; text from outside is shown as text, never as markup.
    const opdracht = oc.vraag(
      { soort: 'opdracht', kop: 'Dossier klaarzetten', tekst: 'Zet het dossier <b>klaar</b> & bevestig.', gegevens: { 'Leerling (BSN of onderwijsnummer)': '<script>x</script>', 'Nieuwe school (BRIN)': '99BB' } },
      limiet,
    );
    const vraag = page.locator('#vraag');
    await expect(vraag.locator('h2')).toHaveText('Dossier klaarzetten');
    await expect(vraag.locator('.tekst')).toHaveText('Zet het dossier <b>klaar</b> & bevestig.');
    await expect(vraag.locator('dl > div', { hasText: 'Leerling' }).locator('dd')).toHaveText('<script>x</script>');
    await expect(vraag.locator('dl > div', { hasText: 'Nieuwe school' }).locator('dd')).toHaveText('99BB');
    await testInfo.attach('opdracht.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    // "Lukt niet" needs a reason; without one the prompt stays open and says so.
    await page.getByRole('button', { name: /Lukt niet/ }).click();
    await expect(page.getByRole('alert')).toContainText('waarom het niet lukt');
    await page.getByRole('button', { name: 'Gedaan' }).click();
    await expect(page.getByRole('status')).toHaveText('Uw antwoord is vastgelegd.');
    const a1 = await opdracht;
    expect(a1).toMatchObject({ soort: 'opdracht', uitgevoerd: true, door: 'Operator Jansen' });

    // janee with a note
    const janee = oc.vraag({ soort: 'janee', kop: 'Foutmelding bij het opvragen', tekst: 'Toonde uw LAS een foutmelding?' }, limiet);
    await expect(vraag.locator('h2')).toHaveText('Foutmelding bij het opvragen');
    await vraag.getByLabel(/Opmerking/).fill('Rode balk bovenin');
    await vraag.getByRole('button', { name: 'Nee' }).click();
    expect(await janee).toMatchObject({ soort: 'janee', ja: false, opmerking: 'Rode balk bovenin', door: 'Operator Jansen' });

    // keuze: only the offered values
    const keuze = oc.vraag(
      { soort: 'keuze', kop: 'Resultaat van het opvragen', tekst: 'Welk resultaat toonde uw LAS?', opties: [{ waarde: 'DossierGeleverd', label: 'Het dossier is geleverd.' }, { waarde: 'LeerlingOnbekend', label: 'De bronschool kent deze leerling niet.' }] },
      limiet,
    );
    await expect(vraag.locator('h2')).toHaveText('Resultaat van het opvragen');
    await vraag.getByLabel(/kent deze leerling niet/).check();
    await vraag.getByRole('button', { name: 'Antwoord geven' }).click();
    expect(await keuze).toMatchObject({ soort: 'keuze', waarde: 'LeerlingOnbekend' });

    // tekst
    const tekst = oc.vraag({ soort: 'tekst', kop: 'Foutmelding overnemen', tekst: 'Neem de foutmelding letterlijk over.' }, limiet);
    await expect(vraag.locator('h2')).toHaveText('Foutmelding overnemen');
    await vraag.getByLabel('Uw antwoord').fill('Leerling niet gevonden bij <vorige> school');
    await vraag.getByRole('button', { name: 'Antwoord geven' }).click();
    expect(await tekst).toMatchObject({ soort: 'tekst', waarde: 'Leerling niet gevonden bij <vorige> school' });

    // bestand: kept in the evidence folder under its SHA-256
    const schermafdruk = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('proef-schermafdruk')]);
    const bestand = oc.vraag({ soort: 'bestand', kop: 'Schermafdruk van de fout', tekst: 'Upload een schermafdruk van de melding.' }, limiet);
    await expect(vraag.locator('h2')).toHaveText('Schermafdruk van de fout');
    await vraag.getByLabel('Bestand').setInputFiles({ name: '../fout melding.png', mimeType: 'image/png', buffer: schermafdruk });
    await vraag.getByRole('button', { name: 'Uploaden' }).click();
    const a5 = await bestand;
    const sha256 = createHash('sha256').update(schermafdruk).digest('hex');
    expect(a5.bestand).toMatchObject({ sha256, bytes: schermafdruk.length, type: 'image/png' });
    expect(a5.bestand!.pad).toMatch(/^bestanden\/[0-9a-f]{16}-[^/]+\.png$/);
    expect(readFileSync(join(oc.bewijsMap, a5.bestand!.pad))).toEqual(schermafdruk);

    // The page lists what was answered, newest first, with who answered; the next prompt is awaited.
    await expect(page.locator('#wachten')).toBeVisible();
    const rijen = page.locator('#beantwoord tbody tr');
    await expect(rijen).toHaveCount(5);
    await expect(rijen.first()).toContainText(sha256);
    await expect(rijen.nth(3)).toContainText('Opmerking: Rode balk bovenin');
    await testInfo.attach('beantwoord.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

    // The evidence: one line per answer, with the prompt, the answer, the note or file, the times and who answered.
    const regels = bewijsRegels(oc);
    expect(regels.map((r) => (r['vraag'] as { soort: string }).soort)).toEqual(['opdracht', 'janee', 'keuze', 'tekst', 'bestand']);
    for (const r of regels) {
      expect(r['door']).toBe('Operator Jansen');
      expect(String(r['beantwoordOp']) >= start && String(r['beantwoordOp']) >= String(r['gevraagdOp'])).toBe(true);
    }
    expect(regels[0]).toMatchObject({ uitgevoerd: true, vraag: { gegevens: { 'Leerling (BSN of onderwijsnummer)': '<script>x</script>' } } });
    expect(regels[1]).toMatchObject({ ja: false, opmerking: 'Rode balk bovenin' });
    expect(regels[4]).toMatchObject({ bestand: { sha256, naam: '../fout melding.png' } });
    expect(elders).toEqual([]);
  } finally {
    await close();
  }
});

test('a prompt not answered in time rejects with the prompt and the limit, leaves the page, and a late answer is refused', async () => {
  const { oc, page, close } = await openConsole('Operator de Vries');
  try {
    const vraag = oc.vraag({ soort: 'janee', kop: 'Aanvraag afgerond', tekst: 'Toont uw LAS deze aanvraag als afgerond?' }, { timeoutMs: 2_000 });
    await expect(page.locator('#vraag h2')).toHaveText('Aanvraag afgerond');
    const fout = await vraag.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fout).toBeInstanceOf(VraagVerlopen);
    expect((fout as Error).message).toBe('Geen antwoord van de operator binnen 2 s (tijdslimiet 2000 ms) op de vraag "Aanvraag afgerond": Toont uw LAS deze aanvraag als afgerond?');

    // The operator still has the old page open and answers anyway: refused, nothing recorded, the prompt gone.
    await page.getByRole('button', { name: 'Ja' }).click();
    await expect(page.getByRole('status')).toContainText('Die vraag staat niet meer open');
    await expect(page.locator('#vraag')).toHaveCount(0);
    await expect(page.locator('#beantwoord')).toContainText('Nog niets beantwoord');
    expect(bewijsRegels(oc)).toEqual([expect.objectContaining({ id: expect.any(String), tijdslimietMs: 2_000, verlopenOp: expect.any(String), vraag: expect.objectContaining({ kop: 'Aanvraag afgerond' }) })]);
  } finally {
    await close();
  }
});

test('the attestations are asked as prompts and come back with the checklist, the eigen verklaring and the signed PDF', async () => {
  const { oc, page, close } = await openConsole('Operator Bakker');
  try {
    const attestaties = vraagAttestaties(oc, { voor: 'leverancier', timeoutMs: 30_000 });
    const vraag = page.locator('#vraag');
    let beantwoord = '';
    /** Answers the prompt now open, and waits until the page has taken it. */
    const antwoord = async (kop: RegExp | string, doe: () => Promise<void>) => {
      await expect(vraag.locator('h2')).toHaveText(kop);
      await expect(vraag).not.toHaveAttribute('data-id', beantwoord);
      beantwoord = (await vraag.getAttribute('data-id'))!;
      await doe();
    };
    for (const [i, item] of beveiligingsChecklist.entries()) {
      await antwoord(`Beveiliging ${i + 1} van ${beveiligingsChecklist.length}`, async () => {
        await expect(vraag.locator('.tekst')).toContainText(item.tekst);
        if (item.id === 'ATT-LOGBOEK') await vraag.getByLabel(/Opmerking/).fill('Alleen klaarzetten wordt gelogd.');
        await vraag.getByRole('button', { name: item.id === 'ATT-LOGBOEK' ? 'Nee' : 'Ja' }).click();
      });
    }
    await antwoord('Eigen verklaring: ondertekenaar', () => vraag.getByLabel('Uw antwoord').fill('M. Bakker').then(() => vraag.getByRole('button', { name: 'Antwoord geven' }).click()));
    await antwoord('Eigen verklaring: organisatie', () => vraag.getByLabel('Uw antwoord').fill('Proefleverancier B.V., Proef-LAS 4.2').then(() => vraag.getByRole('button', { name: 'Antwoord geven' }).click()));
    await antwoord('Eigen verklaring', async () => {
      await expect(vraag.locator('.tekst')).toContainText('Ik verklaar namens Proefleverancier B.V., Proef-LAS 4.2');
      await vraag.getByRole('button', { name: 'Ja' }).click();
    });
    const pdf = Buffer.from('%PDF-1.4\n% ondertekende proefverklaring\n');
    await antwoord('Eigen verklaring: ondertekend exemplaar', async () => {
      await vraag.getByLabel('Bestand').setInputFiles({ name: 'verklaring.pdf', mimeType: 'application/pdf', buffer: pdf });
      await vraag.getByRole('button', { name: 'Uploaden' }).click();
    });

    const a = await attestaties;
    expect(a.checklist.map((c) => [c.id, c.voldaan])).toEqual(beveiligingsChecklist.map((c) => [c.id, c.id !== 'ATT-LOGBOEK']));
    expect(a.checklist.find((c) => c.id === 'ATT-LOGBOEK')).toMatchObject({ opmerking: 'Alleen klaarzetten wordt gelogd.', door: 'Operator Bakker' });
    expect(a.verklaring).toMatchObject({
      afgegeven: true,
      naam: 'M. Bakker',
      organisatie: 'Proefleverancier B.V., Proef-LAS 4.2',
      door: 'Operator Bakker',
      ondertekend: { naam: 'verklaring.pdf', sha256: createHash('sha256').update(pdf).digest('hex') },
    });
    expect(JSON.parse(readFileSync(join(oc.bewijsMap, ATTESTATIES_BESTAND), 'utf8'))).toEqual(a);
    expect(bewijsRegels(oc)).toHaveLength(beveiligingsChecklist.length + 4);
  } finally {
    await close();
  }
});

test('over a whole run: each prompt shows its run, step and progress, the history outlives each console, several files upload at once, and the page left open ends on the closing page', async ({}, testInfo) => {
  const bewijsMap = mkdtempSync(join(tmpdir(), 'operator-run-'));
  const eerste = await startOperatorConsole({ bewijsMap, operator: 'Operator Visser', onderwerp: 'Proef-LAS' });
  const poort = Number(new URL(eerste.url).port);
  const page = await browser.newPage();
  try {
    await page.goto(eerste.url);
    const context = { run: 'Zorgdossier met bijlagen (uw LAS als doel)', stap: 'Doel vraagt het dossier van povo-zorg op (verwacht: DossierGeleverd)', stapNummer: 2, aantalStappen: 8 };
    const afgerond = eerste.vraag({ soort: 'janee', kop: 'Aanvraag afgerond', tekst: 'Toont uw LAS deze aanvraag als afgerond?', context }, { timeoutMs: 30_000 });
    const blok = page.locator('#vraag .context');
    await expect(blok).toContainText('Stap 2 van 8 · vraag 1 van deze kwalificatie');
    await expect(blok).toContainText('Scenario: Zorgdossier met bijlagen (uw LAS als doel)');
    await expect(blok).toContainText('Wat wordt getest: Doel vraagt het dossier van povo-zorg op (verwacht: DossierGeleverd)');
    await testInfo.attach('vraag met context.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    await page.getByRole('button', { name: 'Ja' }).click();
    expect((await afgerond).ja).toBe(true);
    // The answer's redirect back to the page must land before this console goes (a run has a test's worth of time).
    await expect(page.locator('#wachten')).toBeVisible();
    await eerste.close();

    // The next test's console on the same port and folder: the open page follows, and the first answer is still listed.
    const tweede = await startOperatorConsole({ bewijsMap, poort, operator: 'Operator Visser', onderwerp: 'Proef-LAS' });
    try {
      const bijlagen = tweede.vraag({ soort: 'bestand', kop: 'Bijlagen van het opgeslagen dossier', tekst: 'Upload alle bijlagen.', meerdere: true, optioneel: true, context: { ...context, stapNummer: 7 } }, { timeoutMs: 30_000 });
      await expect(page.locator('#vraag h2')).toHaveText('Bijlagen van het opgeslagen dossier');
      await expect(blok).toContainText('Stap 7 van 8 · vraag 2 van deze kwalificatie');
      await expect(page.locator('#beantwoord tbody tr')).toHaveCount(1);
      await expect(page.locator('#beantwoord')).toContainText('Zorgdossier met bijlagen (uw LAS als doel)');
      const a = Buffer.from('%PDF-1.4\nhandelingsplan\n');
      const b = Buffer.from('PNG-achtig testbestand');
      await page.locator('#vraag input[type="file"]').setInputFiles([
        { name: 'handelingsplan.pdf', mimeType: 'application/pdf', buffer: a },
        { name: 'scan.png', mimeType: 'image/png', buffer: b },
      ]);
      await testInfo.attach('bijlagen uploaden.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
      await page.getByRole('button', { name: 'Uploaden' }).click();
      const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
      expect((await bijlagen).bestanden?.map((f) => [f.naam, f.sha256])).toEqual([
        ['handelingsplan.pdf', sha(a)],
        ['scan.png', sha(b)],
      ]);
      await expect(page.locator('#wachten')).toBeVisible();
      await expect(page.locator('#beantwoord tbody tr')).toHaveCount(2);
      await testInfo.attach('wachten.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

      // The end of the run: the waiting page turns into the closing page by itself, with the verdict and the report.
      const getoond = await tweede.afsluiten(
        { oordeel: 'NIET GESLAAGD', verdict: 'NIET_GESLAAGD', redenen: [], totalen: '11 geslaagd, 1 afgekeurd, 0 gebroken, 0 overgeslagen', rapportMap: '/srv/rapporten/proef', samenvatting: '/srv/rapporten/proef/samenvatting.html' },
        { wachtMs: 15_000 },
      );
      expect(getoond).toBe(true);
      await expect(page.locator('#afgesloten h2')).toHaveText('De kwalificatie is afgerond');
      await expect(page.locator('#oordeel')).toHaveText('NIET GESLAAGD');
      await expect(page.locator('#afgesloten')).toContainText('/srv/rapporten/proef/samenvatting.html');
      await expect(page.locator('#beantwoord tbody tr')).toHaveCount(2);
      await expect(page.locator('#wachten')).toHaveCount(0);
      await testInfo.attach('afsluiting.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
      // No prompt can be asked any more.
      await expect(tweede.vraag({ soort: 'janee', kop: 'Te laat', tekst: '?' }, { timeoutMs: 1_000 })).rejects.toBeInstanceOf(VraagVerlopen);
    } finally {
      await tweede.close();
    }
    // The closing page stays readable after the console has gone.
    await expect(page.locator('#oordeel')).toHaveText('NIET GESLAAGD');
  } finally {
    await page.close();
    await eerste.close();
  }
});
