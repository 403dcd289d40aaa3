import { expect, test } from '@playwright/test';
import { controlPaths, type DossiersAntwoord } from '../../simulator/control-api.ts';
import { REFERENCE_LAS_UI_PATH } from '../../simulator/reference-las/reference-las.ts';
import { startWorld, type World } from '../../simulator/world.ts';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';

// The reference LAS's web pages as a browser receives them: forms a Playwright module can find, values escaped.
// One world for the file, its tests in order (the release test switches the LAS's release and back).
test.describe.configure({ mode: 'default' });
let world: World;
let ui = '';
test.beforeAll(async () => {
  world = await startWorld();
  ui = `${world.sut.controlUrl}${REFERENCE_LAS_UI_PATH}`;
});
test.afterAll(async () => {
  await world?.stop();
});

const post = (path: string, form: Record<string, string>) =>
  fetch(`${ui}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });

test('every page is Dutch HTML that loads nothing from elsewhere and links the others', async () => {
  for (const path of ['', '/', '/klaarzetten', '/opvragen', '/dossiers', '/laatste-fout', '/release']) {
    const response = await fetch(`${ui}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!127\.0\.0\.1)/);
    for (const page of ['/klaarzetten', '/opvragen', '/dossiers', '/laatste-fout', '/release']) expect(html).toContain(`href="${REFERENCE_LAS_UI_PATH}${page}"`);
  }
});

test('the start page lists the schools the reference LAS serves', async () => {
  const html = await (await fetch(`${ui}/`)).text();
  for (const school of Object.values(world.sut.scholen)) {
    expect(html).toContain(`data-brin="${school.brin}"`);
    expect(html).toContain(school.naam);
  }
});

test('the forms have a labelled field for every value of the control API request', async () => {
  const velden = { '/klaarzetten': ['brin', 'pgn', 'doelBrin'], '/opvragen': ['brin', 'bronBrin', 'pgn', 'geboortedatum'], '/release': ['gegevensset'] };
  for (const [path, namen] of Object.entries(velden)) {
    const html = await (await fetch(`${ui}${path}`)).text();
    expect(html).toContain(`<form method="post" action="${REFERENCE_LAS_UI_PATH}${path}"`);
    for (const naam of namen) {
      expect(html, `${path} ${naam}`).toContain(`<label for="${naam}">`);
      expect(html, `${path} ${naam}`).toMatch(new RegExp(`<(input|select) id="${naam}" name="${naam}"`));
    }
  }
});

test('a hostile value typed into a form comes back escaped, in the message and in the field', async () => {
  const hostile = `"><script>alert('x')</script>&`;
  const response = await post('/klaarzetten', { brin: world.sut.scholen.po!.brin, pgn: hostile, doelBrin: '99BB' });
  expect(response.status).toBe(422);
  const html = await response.text();
  expect(html).not.toContain('<script>');
  const escaped = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;';
  expect(html).toContain(`data-testid="foutmelding">Referentie-LAS kent geen leerling met PGN ${escaped} op ${world.sut.scholen.po!.brin}.</p>`);
  expect(html).toContain(`value="${escaped}"`);
});

test('an empty field is named, and the JSON control API still refuses form posts', async () => {
  const response = await post('/opvragen', { brin: world.sut.scholen.vo!.brin, bronBrin: '', pgn: '1', geboortedatum: '' });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('Vul in: BRIN van de huidige school, geboortedatum.');
  const control = await fetch(`${world.sut.controlUrl}${controlPaths.klaarzetten}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'brin=98RA' });
  expect(control.status).toBe(415);
});

test('opvragen through the pages does the exchange of the control API: the outcome, the received dossier and its attachment hashes', async () => {
  // A zorgdossier, so there are attachments to list.
  const leerling = fixtureLeerling('povo-zorg');
  world.testscholen.po.klaarzetten({ brin: '99AA', pgn: leerling.pgn.waarde, doelBrin: world.sut.scholen.vo!.brin });
  const html = await (await post('/opvragen', { brin: world.sut.scholen.vo!.brin, bronBrin: '99AA', pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum })).text();
  expect(html).toContain('<dd data-testid="resultaat">DossierGeleverd</dd>');
  expect(html).toContain('<dd data-testid="afgemeld">ja</dd>');
  const sessie = /<dd data-testid="sessie">([^<]+)<\/dd>/.exec(html)?.[1];
  expect(sessie).toBeTruthy();

  const { ontvangen } = (await (await fetch(`${world.sut.controlUrl}${controlPaths.dossiers}`)).json()) as DossiersAntwoord;
  const dossier = ontvangen.find((d) => d.sessieId === sessie)!;
  expect(dossier.status).toBe('opgeslagen');
  expect(dossier.bijlagen?.length).toBeGreaterThan(0);
  const lijst = await (await fetch(`${ui}/dossiers`)).text();
  expect(lijst).toContain(`<span data-testid="sessie">${sessie}</span>`);
  expect(lijst).toContain('<td data-testid="status">opgeslagen</td>');
  for (const b of dossier.bijlagen ?? []) expect(lijst).toContain(`<code data-testid="sha256">${b.sha256}</code>`);
});

test('the release switch answers like the control API: a known release is taken, an unknown one refused with the LAS message', async () => {
  const refused = await post('/release', { gegevensset: '1999.9' });
  expect(refused.status).toBe(422);
  expect(await refused.text()).toContain('kent gegevensset 1999.9 niet');
  const html = await (await post('/release', { gegevensset: '2018.1' })).text();
  expect(html).toContain('werkt nu in gegevensset 2018.1');
  await post('/release', { gegevensset: '2019.1' });
  expect(await (await fetch(`${ui}/release`)).text()).toContain('<strong data-testid="huidige-gegevensset">2019.1</strong>');
});
