import { expect, test } from '@playwright/test';
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { registerPortaal } from '../../serve/portaal.ts';
import { LasFout } from '../../simulator/las/las-system.ts';
import { berichtPagina, MAX_TEKENS_IN_PAGINA } from '../../web/portaal/bericht.ts';
import { BEHEER_TOKEN, portaalWereld as maakWereld, schoolA, schoolB, type PortaalWereld } from './portaal-wereld.ts';

// The portal on a fastify app with a PGlite store holding two schools' synthetic data.
let w: PortaalWereld;
test.beforeAll(async () => {
  w = await maakWereld();
});
test.afterAll(async () => {
  await w?.close();
});

const get = (url: string, cookie?: string) => w.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
const post = (url: string, velden: Record<string, string>, cookie?: string) =>
  w.app.inject({ method: 'POST', url, payload: new URLSearchParams(velden).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) } });

async function beheerSessie(): Promise<{ cookie: string; csrf: string }> {
  const r = await post('/portaal/beheer/inloggen', { token: BEHEER_TOKEN });
  expect(r.statusCode).toBe(303);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const pagina = await get('/portaal/beheer', cookie);
  const csrf = /name="csrf" value="([^"]+)"/.exec(pagina.body)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie, csrf: csrf! };
}

test.describe('a school sees its own exchanges', () => {
  test('the timeline lists its messages newest first, in plain words with the result code and its meaning, and its uitwisseling', async () => {
    const r = await get(`/portaal/school/${w.tokenA}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('lang="nl"');
    expect(r.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(r.body).toContain(`Uitwisselingen van ${schoolA.naam} (${schoolA.brin})`);
    const volgorde = ['sessiecontroleRequest', 'documentRequest', 'overdrachtRequest'].map((op) => r.body.indexOf(`<span class="klein">${op}</span>`));
    expect(volgorde.every((i) => i > 0)).toBe(true);
    expect(volgorde).toEqual([...volgorde].sort((a, b) => a - b));
    expect(r.body).toContain('Opvragen van het dossier bij het aanleverpunt van de huidige school');
    expect(r.body).toContain('Het dossier is geleverd.');
    expect(r.body).toContain('CertificaatVerlopen');
    expect(r.body).toContain('Het clientcertificaat is verlopen.');
    expect(r.body).toContain(`href="/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}"`);
    expect(r.body).toContain('Dossier ontvangen, maar geweigerd door de testschool');
    expect(r.body).toMatch(/Aanleverpunt <code>rk-97AA-1<\/code> van Proef-LAS Alfa: <span class="gelukt">actief<\/span>/);
  });

  test('an uitwisseling shows every finding with rule id, what is wrong, likely cause and what to do in the LAS, and the printable dossier', async () => {
    const r = await get(`/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}`);
    expect(r.statusCode).toBe(200);
    const echteBevinding = w.uitwisselingA.bevindingen[0]!;
    expect(echteBevinding.regel).toBe('OG.01');
    expect(r.body).toContain('data-regel="OG.01"');
    expect(echteBevinding.melding).toMatch(/^E-mailadres '.+ at voorbeeld' is ongeldig/);
    expect(r.body).toContain(echteBevinding.melding.replaceAll("'", '&#39;'));
    expect(r.body).toContain('Waarschijnlijke oorzaak:</strong> Bij de leerling, een ouder of verzorger, of de school staat een e-mailadres dat niet klopt');
    expect(r.body).toContain('Wat te doen in uw LAS:</strong> Zoek met de plaats in het dossier op');
    expect(r.body).toContain('Leerling › Contact › Communicatie (2e)');
    // The printable dossier inside the page: the pupil's name and a section of the afdruk; one h1 remains.
    expect(r.body).toContain('Overstapdossier: Pim van der Proefhuizen');
    expect(r.body).toMatch(/<h4>Leerling<\/h4>/);
    expect(r.body.match(/<h1[ >]/g)).toHaveLength(1);
    const afdruk = await get(`/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}/dossier`);
    expect(afdruk.statusCode).toBe(200);
    expect(afdruk.body).toContain('<h1>Overstapdossier: Pim van der Proefhuizen</h1>');
    expect(afdruk.headers['content-security-policy']).toContain("default-src 'none'");
  });

  test('a message of the timeline opens with its result, meaning and the request and answer as exchanged', async () => {
    const tijdlijn = await get(`/portaal/school/${w.tokenA}`);
    expect(tijdlijn.body).toContain(`href="/portaal/school/${w.tokenA}/bericht/${w.berichtA.id}"`);
    const r = await get(`/portaal/school/${w.tokenA}/bericht/${w.berichtA.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Bericht ' + w.berichtA.id + ': Opvragen van het dossier bij het aanleverpunt van de huidige school');
    expect(r.body).toContain('DossierGeleverd</span>: Het dossier is geleverd.');
    expect(r.body).toContain(`&lt;pgn&gt;${w.pgnA}&lt;/pgn&gt;`);
    expect(r.body).not.toContain('<script');
    expect(r.body.match(/<h1[ >]/g)).toHaveLength(1);
  });

  test('a long request or answer is cut for the page, and says so', () => {
    const bericht = { ...w.berichtA, response: 'x'.repeat(MAX_TEKENS_IN_PAGINA + 5000) };
    const pagina = berichtPagina({ bericht, terugHref: '/terug', nav: [], wie: 'test' }).markup;
    expect(pagina).toContain(`Ingekort: de eerste ${MAX_TEKENS_IN_PAGINA.toLocaleString('nl-NL')} van ${(MAX_TEKENS_IN_PAGINA + 5000).toLocaleString('nl-NL')} tekens.`);
    expect(pagina).toContain('x'.repeat(MAX_TEKENS_IN_PAGINA));
    expect(pagina).not.toContain('x'.repeat(MAX_TEKENS_IN_PAGINA + 1));
  });

  test('the test pupils page lists the fixed pupils and both directions, with a labelled form that posts to this school', async () => {
    const r = await get(`/portaal/school/${w.tokenA}/testleerlingen`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('999900018');
    expect(r.body).toContain('14-03-2008');
    expect(r.body).toContain('109990001');
    expect(r.body).toContain('Een nieuwkomer zonder BSN');
    expect(r.body).toContain('Uw school als huidige school: testschool 99BB vraagt het dossier op');
    expect(r.body).toContain('Uw school als nieuwe school: u vraagt een dossier op bij testschool 99AA');
    expect(r.body).toContain('https://99bb.testbank.voorbeeld.invalid:8445/oso');
    expect(r.body).toContain(`action="/portaal/school/${w.tokenA}/opvragen"`);
    expect(r.body).toContain('<label for="veld-pgn">');
    expect(r.body).toContain('<label for="veld-geboortedatum">');
  });

  test('the opvragen button asks 99BB to request from this school, and lands on the new uitwisseling; bad input is refused in Dutch', async () => {
    const r = await post(`/portaal/school/${w.tokenA}/opvragen`, { pgn: '999900018', geboortedatum: '2008-03-14' });
    expect(r.statusCode).toBe(303);
    expect(w.opvraagVerzoeken.at(-1)).toEqual({ testschool: '99BB', verzoek: { bronBrin: schoolA.brin, pgn: '999900018', geboortedatum: '2008-03-14' } });
    const locatie = String(r.headers['location']);
    expect(locatie).toMatch(new RegExp(`^/portaal/school/${w.tokenA}/uitwisseling/\\d+$`));
    const pagina = await get(locatie);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Mislukt: er is geen dossier ontvangen');
    expect(pagina.body).toContain('DossierNietKlaargezet');

    const aantal = w.opvraagVerzoeken.length;
    for (const [velden, tekst] of [
      [{ pgn: '12345', geboortedatum: '2008-03-14' }, 'negen cijfers'],
      [{ pgn: '999900018', geboortedatum: '2008-02-30' }, 'een bestaande datum'],
      [{ pgn: '999900018' }, 'een bestaande datum'],
    ] as const) {
      const fout = await post(`/portaal/school/${w.tokenA}/opvragen`, velden);
      expect(fout.statusCode).toBe(400);
      expect(fout.body).toContain(tekst);
    }
    expect(w.opvraagVerzoeken).toHaveLength(aantal);
    const kapot = await w.app.inject({ method: 'POST', url: `/portaal/school/${w.tokenA}/opvragen`, payload: '{"pgn":1}', headers: { 'content-type': 'application/json' } });
    expect(kapot.statusCode).toBe(400);
    expect(w.opvraagVerzoeken).toHaveLength(aantal);
  });

  test('the notificatie button lets 99AA klaarzetten a waiting pupil for this school and notify it; every outcome is told in Dutch', async () => {
    const pagina = await get(`/portaal/school/${w.tokenA}/testleerlingen`);
    expect(pagina.body).toContain('Notificatie testen');
    expect(pagina.body).toContain('behalve voor de leerlingen onder “Notificatie testen” hieronder');
    expect(pagina.body).toContain(`action="/portaal/school/${w.tokenA}/notificatie"`);
    expect(pagina.body).toContain('name="pgn" value="999900067"');

    const ontvangen = await post(`/portaal/school/${w.tokenA}/notificatie`, { pgn: '999900067' });
    expect(ontvangen.statusCode).toBe(200);
    expect(w.notificatieVerzoeken.at(-1)).toEqual({ testschool: '99AA', verzoek: { doelBrin: schoolA.brin, pgn: '999900067' } });
    expect(ontvangen.body).toContain('Testschool 99AA heeft het dossier van Noor Wachtmans klaargezet voor uw school.');
    expect(ontvangen.body).toContain(`Uw LAS heeft de notificatie ontvangen (aanleverpunt rk-${schoolA.brin}-1)`);
    expect(ontvangen.body).toContain('role="status" id="notificatie-uitkomst"');

    // The school's aanleverpunt did not answer: the school is told, with the code for its vendor.
    w.notificatieAntwoorden.push([{ doelBrin: schoolA.brin, doelRouteringsKenmerk: 'rk-a', sessieId: 's', resultaat: 'AanleverpuntOnbereikbaar', fout: 'connect ECONNREFUSED' }]);
    const weg = await post(`/portaal/school/${w.tokenA}/notificatie`, { pgn: '999900067' });
    expect(weg.statusCode).toBe(200);
    expect(weg.body).toContain('De notificatie aan aanleverpunt rk-a is niet aangekomen: AanleverpuntOnbereikbaar.');
    expect(weg.body).toContain('role="alert" id="notificatie-uitkomst"');

    // The testschool refuses (the school's LAS did not ask first): its Dutch reason, a 409.
    w.notificatieAntwoorden.push(new LasFout('Uw LAS heeft het dossier van deze leerling nog niet opgevraagd bij testschool 99AA.'));
    const eerstVragen = await post(`/portaal/school/${w.tokenA}/notificatie`, { pgn: '999900067' });
    expect(eerstVragen.statusCode).toBe(409);
    expect(eerstVragen.body).toContain('nog niet opgevraagd bij testschool 99AA');

    // A pupil that is always klaargezet is no notificatie pupil: refused before the testschool is asked.
    const aantal = w.notificatieVerzoeken.length;
    const gewoon = await post(`/portaal/school/${w.tokenA}/notificatie`, { pgn: '999900018' });
    expect(gewoon.statusCode).toBe(400);
    expect(gewoon.body).toContain('Notificatie testen');
    expect(w.notificatieVerzoeken).toHaveLength(aantal);
    // Another school's token notifies that school, never A.
    await post(`/portaal/school/${w.tokenB}/notificatie`, { pgn: '999900067' });
    expect(w.notificatieVerzoeken.at(-1)!.verzoek.doelBrin).toBe(schoolB.brin);
  });
});

test.describe('school A never sees school B', () => {
  const geenB = (body: string) => {
    for (const b of w.alleenB) expect(body, `"${b}" of school B in a page of school A`).not.toContain(b);
  };

  test("A's pages show nothing of B, whatever the query says", async () => {
    for (const pad of ['', '/testleerlingen', `/uitwisseling/${w.uitwisselingA.id}`, `/uitwisseling/${w.uitwisselingA.id}/dossier`, `/bericht/${w.berichtA.id}`]) {
      for (const query of ['', `?brin=${schoolB.brin}`, `?schoolBrin=${schoolB.brin}`, `?id=${w.uitwisselingB.id}`, `?token=${w.tokenB}`]) {
        const r = await get(`/portaal/school/${w.tokenA}${pad}${query}`);
        expect(r.statusCode, `${pad}${query}`).toBe(200);
        geenB(r.body);
      }
    }
  });

  test("B's message by id through A's link is a 404, and says nothing of B", async () => {
    for (const id of [String(w.berichtB.id), '0', '999999', 'x']) {
      const r = await get(`/portaal/school/${w.tokenA}/bericht/${id}`);
      expect(r.statusCode, id).toBe(404);
      geenB(r.body);
    }
    const cookie = (await beheerSessie()).cookie;
    expect((await get(`/portaal/beheer/school/${schoolA.brin}/bericht/${w.berichtB.id}`, cookie)).statusCode).toBe(404);
    expect((await get(`/portaal/beheer/school/${schoolB.brin}/bericht/${w.berichtB.id}`, cookie)).statusCode).toBe(200);
    expect((await get(`/portaal/beheer/school/${schoolB.brin}/bericht/${w.berichtB.id}`)).statusCode).toBe(403);
  });

  test("B's uitwisseling by id through A's link is a 404 like any guessed id, and says nothing of B", async () => {
    const nietGevonden = await get(`/portaal/school/${w.tokenA}/uitwisseling/999999`);
    expect(nietGevonden.statusCode).toBe(404);
    for (const id of [String(w.uitwisselingB.id), `${w.uitwisselingB.id}/dossier`, '0', '-1', '999999', 'abc', '1e3', `${w.uitwisselingA.id}.0`, '%2e%2e', `${w.uitwisselingB.id}%00`, '9'.repeat(40)]) {
      const r = await get(`/portaal/school/${w.tokenA}/uitwisseling/${id}`);
      expect(r.statusCode, id).toBe(404);
      expect(r.body).toContain('Pagina niet gevonden');
      expect(r.body, id).toBe(nietGevonden.body);
      geenB(r.body);
    }
  });

  test("by path: dot segments, B's BRIN in place of the token, the admin's view of B without the admin cookie", async () => {
    for (const url of [
      `/portaal/school/${w.tokenA}/../${schoolB.brin}`,
      `/portaal/school/${w.tokenA}/uitwisseling/../../${schoolB.brin}/uitwisseling/${w.uitwisselingB.id}`,
      `/portaal/school/${w.tokenA}/%2e%2e/%2e%2e/beheer/school/${schoolB.brin}`,
      `/portaal/school/${schoolB.brin}`,
      `/portaal/school/${w.tokenA}${w.tokenB}`,
      `/portaal/beheer/school/${schoolB.brin}`,
      `/portaal/beheer/school/${schoolB.brin}/uitwisseling/${w.uitwisselingB.id}`,
      `/portaal/beheer/school/${schoolB.brin}/uitwisseling/${w.uitwisselingB.id}/dossier`,
    ]) {
      const r = await get(url);
      expect([403, 404], url).toContain(r.statusCode);
      for (const b of w.alleenB.filter((t) => t !== schoolB.brin && t !== w.tokenB)) expect(r.body, url).not.toContain(b);
    }
  });

  test("A's opvragen asks for A as bron, whatever BRIN the form carries", async () => {
    const r = await post(`/portaal/school/${w.tokenA}/opvragen`, { pgn: '999900018', geboortedatum: '2008-03-14', bronBrin: schoolB.brin, brin: schoolB.brin });
    expect(r.statusCode).toBe(303);
    expect(w.opvraagVerzoeken.at(-1)?.verzoek.bronBrin).toBe(schoolA.brin);
  });

  test('an unknown token, a token of the wrong form and a withdrawn token all get the same Dutch 404 without detail', async () => {
    const { token } = await w.store.toegangUitgeven(schoolA.brin, 'tijdelijk');
    expect((await get(`/portaal/school/${token}`)).statusCode).toBe(200);
    await w.store.toegangIntrekken(schoolA.brin);
    const ingetrokken = await get(`/portaal/school/${token}`);
    const onbekend = await get(`/portaal/school/${'x'.repeat(43)}`);
    const vreemd = await get(`/portaal/school/${encodeURIComponent("<script>'")}`);
    for (const r of [ingetrokken, onbekend, vreemd]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('Deze pagina bestaat niet, of de link is niet (meer) geldig.');
      expect(r.body).not.toContain(schoolA.naam);
      expect(r.body).not.toContain('ingetrokken');
    }
    expect(ingetrokken.body).toBe(onbekend.body);
    expect(vreemd.body).toBe(onbekend.body);
    // Withdrawing is per school: A's earlier link went with it, B's link still works.
    expect((await get(`/portaal/school/${w.tokenA}`)).statusCode).toBe(404);
    expect((await get(`/portaal/school/${w.tokenB}`)).statusCode).toBe(200);
    w.tokenA = (await w.store.toegangUitgeven(schoolA.brin, 'opnieuw')).token;
  });
});

test.describe('the admin', () => {
  test('logs in with the admin token into an HttpOnly, Secure, SameSite=Strict cookie; a wrong token is refused in Dutch', async () => {
    const fout = await post('/portaal/beheer/inloggen', { token: 'niet-het-token' });
    expect(fout.statusCode).toBe(401);
    expect(fout.body).toContain('Dit beheertoken klopt niet.');
    expect(fout.headers['set-cookie']).toBeUndefined();
    const r = await post('/portaal/beheer/inloggen', { token: BEHEER_TOKEN });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const zonder = await get('/portaal/beheer');
    expect(zonder.body).toContain('Beheertoken');
    expect(zonder.body).not.toContain('rk-97AA-1');
  });

  test('sees every aanleverpunt with its vendor, every school, the audit trail and the honestly empty qualification reports', async () => {
    const { cookie } = await beheerSessie();
    const r = await get('/portaal/beheer', cookie);
    expect(r.statusCode).toBe(200);
    for (const t of ['rk-97AA-1', 'rk-97BB-1', 'Proef-LAS Alfa', 'Proef-LAS Beta', schoolA.naam, schoolB.naam, 'OIN 00000001000000000001'])
      expect(r.body).toContain(t);
    expect(r.body).toMatch(/<td><code>aanleverpunt rk-97AA-1<\/code><\/td><td>geregistreerd<\/td>/);
    expect(r.body).toMatch(/<tr data-leverancier="Proef-LAS Beta"><td>Proef-LAS Beta<\/td><td><code>00000001000000000002<\/code><\/td><td><a href="\/portaal\/beheer\/school\/97BB">Kindcentrum Het Testveld \(97BB\)<\/a>/);
    expect(r.body).toContain('Er zijn nog geen kwalificatierapporten opgeslagen');
    const tijdlijnB = await get(`/portaal/beheer/school/${schoolB.brin}`, cookie);
    expect(tijdlijnB.statusCode).toBe(200);
    expect(tijdlijnB.body).toContain(w.pgnB);
    expect(tijdlijnB.body).toContain('Testschool 99BB vroeg een dossier op bij de school');
    const uitwisselingB = await get(`/portaal/beheer/school/${schoolB.brin}/uitwisseling/${w.uitwisselingB.id}`, cookie);
    expect(uitwisselingB.statusCode).toBe(200);
    // Through B's BRIN, A's uitwisseling is not found.
    expect((await get(`/portaal/beheer/school/${schoolB.brin}/uitwisseling/${w.uitwisselingA.id}`, cookie)).statusCode).toBe(404);
  });

  test('suspends and resumes an aanleverpunt only with the cookie and the CSRF token', async () => {
    const { cookie, csrf } = await beheerSessie();
    const opgeschort = async () => (await w.store.aanleverpunt('rk-97BB-1'))?.opgeschort;
    expect(await opgeschort()).toBe(false);

    const zonderCsrf = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97BB-1' }, cookie);
    expect(zonderCsrf.statusCode).toBe(403);
    const verkeerdeCsrf = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97BB-1', csrf: csrf.slice(1) + 'A' }, cookie);
    expect(verkeerdeCsrf.statusCode).toBe(403);
    const zonderCookie = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97BB-1', csrf });
    expect(zonderCookie.statusCode).toBe(403);
    const verkeerdeCookie = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97BB-1', csrf }, 'oso_portaal_beheer=raden');
    expect(verkeerdeCookie.statusCode).toBe(403);
    expect(await opgeschort()).toBe(false);

    const r = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97BB-1', csrf }, cookie);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Aanleverpunt rk-97BB-1 is opgeschort.');
    expect(await opgeschort()).toBe(true);
    // The school sees why nothing reaches it any more.
    expect((await get(`/portaal/school/${w.tokenB}`)).body).toContain('opgeschort door de beheerder');
    expect((await w.store.audit()).some((a) => a.actie === 'opgeschort' && a.door === 'beheerder' && a.onderwerp.includes('rk-97BB-1'))).toBe(true);
    await post('/portaal/beheer/aanleverpunt/herstellen', { routeringsKenmerk: 'rk-97BB-1', csrf }, cookie);
    expect(await opgeschort()).toBe(false);
    const onbekend = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-bestaat-niet', csrf }, cookie);
    expect(onbekend.statusCode).toBe(404);
    expect(onbekend.body).toContain('Er is geen aanleverpunt rk-bestaat-niet');
  });

  test("a session ends after 8 hours, and one login's CSRF token does not work with another login's cookie", async () => {
    const oud = `oso_portaal_beheer=${Date.now() - 8 * 3600 * 1000 - 1000}.${BEHEER_TOKEN}`;
    const verlopen = await get('/portaal/beheer', oud);
    expect(verlopen.body).toContain('Beheertoken');
    expect(verlopen.body).not.toContain('rk-97AA-1');
    const toekomst = `oso_portaal_beheer=${Date.now() + 3600 * 1000}.${BEHEER_TOKEN}`;
    expect((await get('/portaal/beheer', toekomst)).body).not.toContain('rk-97AA-1');
    expect((await get('/portaal/beheer', `oso_portaal_beheer=${Date.now()}.${BEHEER_TOKEN}`)).body).toContain('rk-97AA-1');

    const eerste = await beheerSessie();
    // Another login, a minute earlier: its page carries its own CSRF token.
    const tweede = { cookie: `oso_portaal_beheer=${Date.now() - 60_000}.${BEHEER_TOKEN}` };
    const csrfTweede = /name="csrf" value="([^"]+)"/.exec((await get('/portaal/beheer', tweede.cookie)).body)?.[1];
    expect(csrfTweede).toBeTruthy();
    expect(eerste.csrf).not.toBe(csrfTweede);
    const r = await post('/portaal/beheer/aanleverpunt/opschorten', { routeringsKenmerk: 'rk-97AA-1', csrf: eerste.csrf }, tweede.cookie);
    expect(r.statusCode).toBe(403);
    expect((await w.store.aanleverpunt('rk-97AA-1'))?.opgeschort).toBe(false);
  });

  test('removes an aanleverpunt only with the CSRF token', async () => {
    const { cookie, csrf } = await beheerSessie();
    await w.store.aanleverpuntRegistreren(
      { routeringsKenmerk: 'rk-97AA-weg', brin: schoolA.brin, url: 'https://weg.voorbeeld.invalid/oso', actief: true, eigenaarOin: '00000001000000000001', leverancier: 'Proef-LAS Alfa', geregistreerdOp: new Date().toISOString(), opgeschort: false },
      'OIN 00000001000000000001',
    );
    expect((await post('/portaal/beheer/aanleverpunt/verwijderen', { routeringsKenmerk: 'rk-97AA-weg' }, cookie)).statusCode).toBe(403);
    expect(await w.store.aanleverpunt('rk-97AA-weg')).toBeDefined();
    expect((await post('/portaal/beheer/aanleverpunt/verwijderen', { routeringsKenmerk: 'rk-97AA-weg', csrf }, cookie)).statusCode).toBe(200);
    expect(await w.store.aanleverpunt('rk-97AA-weg')).toBeUndefined();
  });

  test('issues a school link shown once, which opens that school only; withdrawing it needs the CSRF token too', async () => {
    const { cookie, csrf } = await beheerSessie();
    expect((await post('/portaal/beheer/toegang/uitgeven', { brin: schoolB.brin, omschrijving: 'mevrouw Test' }, cookie)).statusCode).toBe(403);
    const r = await post('/portaal/beheer/toegang/uitgeven', { brin: schoolB.brin, omschrijving: 'mevrouw <b>Test</b>', csrf }, cookie);
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toContain('mevrouw &lt;b&gt;Test&lt;/b&gt;');
    const link = /id="schoollink">([^<]+)</.exec(r.body)?.[1];
    expect(link).toMatch(/^https:\/\/testbank\.voorbeeld\.invalid\/portaal\/school\/[A-Za-z0-9_-]{43}$/);
    const pad = new URL(link!).pathname;
    const pagina = await get(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(schoolB.naam);
    expect(pagina.body).not.toContain(schoolA.naam);
    // The overview never shows a link again.
    expect((await get('/portaal/beheer', cookie)).body).not.toContain(pad);

    expect((await post('/portaal/beheer/toegang/intrekken', { brin: schoolB.brin }, cookie)).statusCode).toBe(403);
    expect((await get(pad)).statusCode).toBe(200);
    const ingetrokken = await post('/portaal/beheer/toegang/intrekken', { brin: schoolB.brin, csrf }, cookie);
    expect(ingetrokken.body).toContain('links van 97BB zijn ingetrokken');
    expect((await get(pad)).statusCode).toBe(404);
    expect((await get(`/portaal/school/${w.tokenB}`)).statusCode).toBe(404);
    w.tokenB = (await w.store.toegangUitgeven(schoolB.brin, 'opnieuw')).token;
  });

  test('logging out needs the CSRF token and clears the cookie', async () => {
    const { cookie, csrf } = await beheerSessie();
    expect((await post('/portaal/beheer/uitloggen', {}, cookie)).statusCode).toBe(403);
    const r = await post('/portaal/beheer/uitloggen', { csrf }, cookie);
    expect(r.statusCode).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(/oso_portaal_beheer=; .*Max-Age=0/);
  });
});

test.describe('every page is safe to show', () => {
  test('hostile text from a LAS in a finding and in a message is shown as text, never as markup', async () => {
    const tijdlijn = await get(`/portaal/school/${w.tokenA}`);
    const uitwisseling = await get(`/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}`);
    for (const r of [tijdlijn, uitwisseling]) {
      expect(r.body).not.toContain('<script');
      expect(r.body).not.toContain('<img');
      expect(r.body).toContain('&lt;script&gt;alert(&quot;portaal&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  test('security headers: CSP default-src none with the hash of the one inline style, no framing, no referrer, no caching', async () => {
    for (const url of ['/portaal', `/portaal/school/${w.tokenA}`, `/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}`, '/portaal/beheer', '/portaal/bestaat-niet', `/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}/dossier`, `/portaal/school/${w.tokenA}/bericht/${w.berichtA.id}`]) {
      const r = await get(url);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("form-action 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      const stijl = /<style>([\s\S]*?)<\/style>/.exec(r.body)?.[1];
      expect(stijl, url).toBeDefined();
      expect(csp, url).toContain(`style-src 'sha256-${createHash('sha256').update(stijl!).digest('base64')}'`);
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['referrer-policy'], url).toBe('no-referrer');
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['cache-control'], url).toBe('no-store');
      // Nothing is loaded from elsewhere: no script, no external style, image or font.
      expect(r.body, url).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
      expect(r.body, url).not.toMatch(/(src|href)="https?:/);
    }
  });

  test('every page has one h1, lang="nl", and every visible form control a label', async () => {
    const { cookie } = await beheerSessie();
    for (const [url, c] of [
      ['/portaal', undefined], [`/portaal/school/${w.tokenA}`, undefined], [`/portaal/school/${w.tokenA}/testleerlingen`, undefined],
      [`/portaal/school/${w.tokenA}/uitwisseling/${w.uitwisselingA.id}`, undefined], ['/portaal/beheer', undefined], ['/portaal/beheer', cookie], ['/portaal/niets', undefined],
    ] as const) {
      const body = (await get(url, c)).body;
      expect(body.match(/<h1[ >]/g), url).toHaveLength(1);
      expect(body, url).toContain('<html lang="nl">');
      const ids = [...body.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
      const zonderId = [...body.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")(?![^>]*\bid=)[^>]*>/g)].map((m) => m[0]);
      expect(zonderId, url).toEqual([]);
      for (const id of ids) expect(body, `${url}: label for ${id}`).toContain(`<label for="${id}">`);
    }
  });

  test('an unknown page under /portaal is the Dutch 404', async () => {
    const r = await get('/portaal/school');
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('Pagina niet gevonden');
  });
});

test('the portal reads its own forms even when the app around it parses URL-encoded bodies its own way', async () => {
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, `raw:${String(body)}`));
  registerPortaal(app, { store: w.store, isBeheerToken: (t) => t === BEHEER_TOKEN, opvragen: async () => Promise.reject(new Error('not used')), notificeren: async () => Promise.reject(new Error('not used')), testleerlingen: [], adressen: { trafficCenter: 'https://tc.voorbeeld.invalid', testscholen: [] } });
  app.post('/elders', async (req) => ({ body: req.body }));
  try {
    const form = { payload: `token=${BEHEER_TOKEN}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    expect((await app.inject({ method: 'POST', url: '/portaal/beheer/inloggen', ...form })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url: '/elders', ...form })).json()).toEqual({ body: `raw:token=${BEHEER_TOKEN}` });
  } finally {
    await app.close();
  }
});

test('an opvragen that does not finish, or fails, gets a Dutch answer instead of a page that never loads or a crash', async () => {
  for (const [opvragen, status, tekst] of [
    [() => new Promise<never>(() => {}), 504, 'heeft nog geen antwoord van uw LAS'],
    [() => Promise.reject(new Error('ECONNRESET at the testschool')), 502, 'kon het dossier nu niet opvragen'],
  ] as const) {
    const wereld = await maakWereld({ opvragen: () => opvragen, opvraagTijdslimietMs: 200 });
    try {
      const r = await wereld.app.inject({ method: 'POST', url: `/portaal/school/${wereld.tokenA}/opvragen`, payload: 'pgn=999900018&geboortedatum=2008-03-14', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(r.statusCode).toBe(status);
      expect(r.body).toContain(tekst);
      expect(r.body).not.toContain('ECONNRESET');
      expect(r.body).toContain('value="999900018"');
    } finally {
      await wereld.close();
    }
  }
});

test('the admin view lists qualification reports per vendor, with a page per report linking its runs to their stored messages; only for the admin', async () => {
  const k = await w.store.kwalificatieToevoegen({
    leverancier: 'Proef <b>BV</b>',
    sut: { naam: 'Proef-LAS', versie: '7.0' },
    verdict: 'ONVOLLEDIG',
    datum: '2026-12-06T03:00:00.000Z',
    uitvoerder: 'kennisnet@proef',
    brins: [schoolB.brin],
    runs: [
      { run: 'regulier-povo/bron', status: 'passed', berichten: [w.berichtB.id] },
      { run: 'tls-client-verlopen/bron', status: 'skipped', berichten: [] },
    ],
    kwalificatie: { verdict: 'ONVOLLEDIG', onvolledig: { redenen: [{ code: 'tegen-testomgeving', tekst: 'Tegen de gedeelde testomgeving kan 1 run niet worden uitgevoerd.' }] } },
  });
  const { cookie } = await beheerSessie();
  const overzicht = (await get('/portaal/beheer', cookie)).body;
  expect(overzicht).toContain('<h3>Proef &lt;b&gt;BV&lt;/b&gt;</h3>');
  expect(overzicht).toMatch(new RegExp(`<tr data-kwalificatie="${k.id}"><td><span class="mislukt">Onvolledig</span></td><td>[^<]+</td><td>Proef-LAS 7.0</td><td>1 geslaagd, 1 niet uitgevoerd</td><td><a href="/portaal/beheer/kwalificatie/${k.id}">`));

  const pagina = await get(`/portaal/beheer/kwalificatie/${k.id}`, cookie);
  expect(pagina.statusCode).toBe(200);
  expect(pagina.body.match(/<h1[ >]/g)).toHaveLength(1);
  expect(pagina.body).toContain('Tegen de gedeelde testomgeving kan 1 run niet worden uitgevoerd.');
  expect(pagina.body).toContain(`<tr data-run="regulier-povo/bron"><td><code>regulier-povo/bron</code></td><td>geslaagd</td><td><a href="/portaal/beheer/bericht/${w.berichtB.id}">#${w.berichtB.id}</a>`);
  expect(pagina.body).toContain('<tr data-run="tls-client-verlopen/bron"><td><code>tls-client-verlopen/bron</code></td><td>niet uitgevoerd</td><td>geen</td>');
  const bericht = await get(`/portaal/beheer/bericht/${w.berichtB.id}`, cookie);
  expect(bericht.statusCode).toBe(200);
  expect(bericht.body).toContain(w.berichtB.operation);

  for (const url of [`/portaal/beheer/kwalificatie/${k.id}`, `/portaal/beheer/bericht/${w.berichtB.id}`]) expect((await get(url)).statusCode, url).toBe(403);
  for (const url of [`/portaal/beheer/kwalificatie/${k.id + 1000}`, '/portaal/beheer/kwalificatie/abc', `/portaal/beheer/bericht/${w.berichtB.id + 100000}`]) expect((await get(url, cookie)).statusCode, url).toBe(404);
});

test('the test pupils page tells a VO school to ask the VO testschool 99BB for its VO pupil, and 99AA for the others', async () => {
  const body = (await get(`/portaal/school/${w.tokenA}/testleerlingen`)).body;
  expect(body).toContain('behalve voor de leerlingen onder “Notificatie testen” hieronder en voor Mila Doorstroom.');
  expect(body).toContain('<li data-bron-testschool="99BB">Is uw school een VO-school, test dan ook de overstap van VO naar VO: het dossier van Mila Doorstroom heeft testschool <strong>99BB</strong> (VO) klaargezet. Vraag het in uw LAS op met BRIN <strong>99BB</strong> als huidige school; uw LAS krijgt een VOVO-dossier.</li>');
  expect(body.match(/data-bron-testschool=/g)).toHaveLength(1);
});

