/**
 * `oso-testbank serve` as a real process, driven over real HTTPS with client certificates from the test PKI: the
 * standalone reference LAS registers its aanleverpunten as a vendor would and exchanges dossiers with the hosted
 * testscholen in both directions; what was acknowledged survives kill -9.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { defaultCertDir } from '../../certs/location.ts';
import { fixtureLeerling, loadTestschoolLeerlingen } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { freePorts } from '../cli/standalone-las.ts';
import { control, https, pkiIdentiteit, registreerSchoolLas, startSchoolLas, startServeProces, type Identiteit, type SchoolLas, type ServeProces } from './serve-proces.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const po = referentieLasScholen.po;
const vo = referentieLasScholen.vo;
const regulier = fixtureLeerling('povo-regulier');
const zorg = fixtureLeerling('povo-zorg');

let dataDir: string;
let port: number;
let serve: ServeProces;
let las: SchoolLas | undefined;
let lasControl: string;
const vendor: Identiteit = pkiIdentiteit('reference-las');
let andereVendor: Identiteit;

/** The standalone reference LAS as the school's LAS, calling the served TC. */
async function startLas(faults: string[] = []) {
  las = await startSchoolLas(`${serve.url}/oso/tc`, faults);
  lasControl = las.controlUrl;
}

const registreer = () => registreerSchoolLas(serve.url, las!.apPoort, vendor);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir });
  const andere = catalogue.certificates['andere-oin'].nodeTlsOptions;
  andereVendor = { cert: andere.cert, key: andere.key };
  dataDir = mkdtempSync(join(tmpdir(), 'serve-data-'));
  [port] = (await freePorts(1)) as [number];
  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);
  await startLas();
});

test.afterAll(async () => {
  await las?.stop();
  await serve?.stop();
});

test('the start-up block names the TC, the testscholen, the portal, the API, the database and where the admin token is', async () => {
  const out = serve.output();
  expect(out).toContain(`Traffic Center: ${serve.url}/oso/tc`);
  for (const brin of ['99AA', '99BB', '99SW']) expect(out).toMatch(new RegExp(`aanleverpunt ${brin} .*: ${serve.url}/oso/ap/`));
  expect(out).toContain(`portal: ${serve.url}/portaal`);
  expect(out).toContain(`API: ${serve.url}/api`);
  expect(out).toContain(`database: PGlite in ${join(dataDir, 'pglite')}`);
  expect(out).toContain(`admin token: in ${join(dataDir, 'beheer-token')} (new)`);
  // The token is a password: only its owner may read the file.
  expect(statSync(join(dataDir, 'beheer-token')).mode & 0o777).toBe(0o600);
});

test('a vendor registers its aanleverpunten by its client certificate; another vendor neither sees nor changes them', async () => {
  const zonder = await https(`${serve.url}/api/aanleverpunten`, { json: { routeringsKenmerk: po.routeringsKenmerk, brin: po.brin, url: 'https://x.invalid/ap' } });
  expect(zonder.status).toBe(401);

  const [a, b] = await registreer();
  expect(a!.status, a!.tekst).toBe(201);
  expect(b!.status, b!.tekst).toBe(201);
  expect(a!.body.aanleverpunt).toMatchObject({ routeringsKenmerk: po.routeringsKenmerk, brin: po.brin, eigenaarOin: '00000003999000040000', actief: true, opgeschort: false });

  const eigen = await https(`${serve.url}/api/aanleverpunten`, { identiteit: vendor });
  expect(eigen.body.aanleverpunten.map((ap: { brin: string }) => ap.brin).sort()).toEqual([po.brin, vo.brin]);

  const ander = await https(`${serve.url}/api/aanleverpunten`, { identiteit: andereVendor });
  expect(ander.status).toBe(200);
  expect(ander.body.aanleverpunten).toEqual([]);
  const kaping = await https(`${serve.url}/api/aanleverpunten`, {
    identiteit: andereVendor,
    json: { routeringsKenmerk: po.routeringsKenmerk, brin: po.brin, url: 'https://elders.invalid/ap' },
  });
  expect(kaping.status).toBe(403);
  expect(kaping.body.fout).toContain('ander certificaat');
  const nogSteeds = await https(`${serve.url}/api/aanleverpunten`, { identiteit: vendor });
  expect(nogSteeds.body.aanleverpunten.find((ap: { brin: string }) => ap.brin === po.brin).url).toContain(`:${las!.apPoort}/`);

  const slecht = await https(`${serve.url}/api/aanleverpunten`, { identiteit: vendor, json: { routeringsKenmerk: 'kort', brin: po.brin, url: 'http://x' } });
  expect(slecht.status).toBe(400);
  expect(slecht.body.fout).toContain("routeringsKenmerk");
});

test('school as bron: klaargezet in the LAS for 99BB, the VO testschool asks for it and stores it valid', async () => {
  await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: regulier.pgn.waarde, doelBrin: '99BB' });
  const res = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
  expect(res.status, res.tekst).toBe(200);
  expect(res.body).toMatchObject({ resultaat: 'DossierGeleverd', status: 'opgeslagen', richting: 'school-als-bron', schoolBrin: po.brin, testschoolBrin: '99BB', afgemeld: true });
  expect(res.body.bevindingen.filter((b: { ernst: string }) => b.ernst === 'fout')).toEqual([]);
  expect(res.body.sessieId).toBeTruthy();
});

test('school as doel: the LAS asks the PO testschool for a test pupil it never klaargezet for this school, and receives it', async () => {
  const lijst = await https(`${serve.url}/api/testleerlingen`);
  expect(lijst.body.testleerlingen.map((l: { id: string }) => l.id)).toContain('povo-zorg');
  const uitkomst = await control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: zorg.pgn.waarde, geboortedatum: zorg.geboortedatum });
  expect(uitkomst).toMatchObject({ resultaat: 'DossierGeleverd', afgemeld: true });
  const { ontvangen } = await control(lasControl, '/dossiers');
  expect(ontvangen.find((d: { bronBrin: string }) => d.bronBrin === '99AA')).toMatchObject({ status: 'opgeslagen', pgn: zorg.pgn.waarde });

  const u = await https(`${serve.url}/api/uitwisselingen`, { identiteit: vendor });
  const geleverd = u.body.uitwisselingen.find((x: { richting: string }) => x.richting === 'school-als-doel');
  expect(geleverd).toMatchObject({ testschoolBrin: '99AA', schoolBrin: vo.brin, status: 'geleverd', pgn: zorg.pgn.waarde, sessieId: uitkomst.sessieId });
  const volledig = await https(`${serve.url}/api/uitwisselingen/${geleverd.id}`, { identiteit: vendor });
  expect(volledig.body.uitwisseling.xml).toContain(zorg.achternaam);
  // Another vendor does not see this school's exchanges.
  expect((await https(`${serve.url}/api/uitwisselingen`, { identiteit: andereVendor })).body.uitwisselingen).toEqual([]);
  expect((await https(`${serve.url}/api/uitwisselingen/${geleverd.id}`, { identiteit: andereVendor })).status).toBe(404);
});

test('/api/gezondheid counts the sessions and every SOAP exchange of both transfers from the store', async () => {
  const res = await https(`${serve.url}/api/gezondheid`);
  // Two transfers: each an overdracht, a documentRequest, a sessiecontrole and an afmelding.
  expect(res.body).toEqual({ status: 'ok', database: 'pglite', sessies: 2, berichten: 8 });
});

test('notificatie from the testschool: the LAS asks 99AA for the waiting pupil, is notified once 99AA klaarzet it, then receives it; and it waits again after', async () => {
  const wachtend = loadTestschoolLeerlingen().find((l) => l.id === 'testschool-notificatie')!;
  const vraag = () => control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: wachtend.pgn.waarde, geboortedatum: wachtend.geboortedatum });
  const notificeer = () => https(`${serve.url}/api/testscholen/99AA/notificeren`, { identiteit: vendor, json: { doelBrin: vo.brin, pgn: wachtend.pgn.waarde } });

  // Before the LAS asked, there is nobody to notify: a clear refusal, nothing klaargezet.
  const teVroeg = await notificeer();
  expect(teVroeg.status).toBe(400);
  expect(teVroeg.body.fout).toContain('nog niet opgevraagd');
  const eerst = await vraag();
  expect(eerst.resultaat).toBe('DossierNietKlaargezet');

  const n = await notificeer();
  expect(n.status, n.tekst).toBe(200);
  expect(n.body.notificaties).toEqual([expect.objectContaining({ doelBrin: vo.brin, doelRouteringsKenmerk: vo.routeringsKenmerk, sessieId: eerst.sessieId, resultaat: 'NotificatieOntvangen' })]);
  const { notificaties } = await control(lasControl, '/notificaties');
  expect(notificaties).toEqual(expect.arrayContaining([expect.objectContaining({ bronBrin: '99AA', doelBrin: vo.brin, koppelsleutel: eerst.sessieId, pgn: wachtend.pgn.waarde })]));

  expect((await vraag()).resultaat).toBe('DossierGeleverd');
  // Delivered once; the next try starts over, so the school can test its notificatie again.
  expect((await vraag()).resultaat).toBe('DossierNietKlaargezet');
  // Another vendor cannot have this school notified.
  expect((await https(`${serve.url}/api/testscholen/99AA/notificeren`, { identiteit: andereVendor, json: { doelBrin: vo.brin, pgn: wachtend.pgn.waarde } })).status).toBe(403);
  // An always-klaargezet pupil is no notificatie pupil.
  expect((await https(`${serve.url}/api/testscholen/99AA/notificeren`, { identiteit: vendor, json: { doelBrin: vo.brin, pgn: zorg.pgn.waarde } })).status).toBe(400);
});

test("last year's dossier: 99AA's pupil klaargezet before the summer release answers DossierVersieOnjuist, until the school has it klaargezet again with a notificatie", async () => {
  const vorigJaar = loadTestschoolLeerlingen().find((l) => l.id === 'testschool-vorig-jaar')!;
  const vraag = () => control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: vorigJaar.pgn.waarde, geboortedatum: vorigJaar.geboortedatum });
  const lijst = (await https(`${serve.url}/api/testleerlingen`)).body.testleerlingen;
  expect(lijst.find((l: { id: string }) => l.id === 'testschool-vorig-jaar')).toMatchObject({ wachtOpKlaarzetten: true });

  const eerst = await vraag();
  expect(eerst.resultaat).toBe('DossierVersieOnjuist');
  const n = await https(`${serve.url}/api/testscholen/99AA/notificeren`, { identiteit: vendor, json: { doelBrin: vo.brin, pgn: vorigJaar.pgn.waarde } });
  expect(n.body.notificaties).toEqual([expect.objectContaining({ sessieId: eerst.sessieId, resultaat: 'NotificatieOntvangen' })]);
  const geleverd = await vraag();
  expect(geleverd.resultaat).toBe('DossierGeleverd');
  // Received in this year's release: the LAS stored it.
  const { ontvangen } = await control(lasControl, '/dossiers');
  expect(ontvangen.find((d: { sessieId?: string }) => d.sessieId === geleverd.sessieId)).toMatchObject({ status: 'opgeslagen', pgn: vorigJaar.pgn.waarde });
  // Delivered once; then last year's dossier is what stands klaargezet again.
  expect((await vraag()).resultaat).toBe('DossierVersieOnjuist');
});

test('a LAS fault that breaks the dossier: the finding with its rule id is in the result and the dossier is refused', async () => {
  await las!.stop();
  await startLas(['ignore-opt-out']);
  const [a] = await registreer();
  // The vendor moved its AP: the same owner may change it.
  expect(a!.status, a!.tekst).toBe(200);
  await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: regulier.pgn.waarde, doelBrin: '99BB' });
  const res = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
  expect(res.status, res.tekst).toBe(200);
  expect(res.body.status).toBe('geweigerd');
  const fouten = res.body.bevindingen.filter((b: { ernst: string }) => b.ernst === 'fout');
  expect(fouten.length).toBeGreaterThan(0);
  expect(fouten.some((b: { regel: string }) => b.regel.startsWith('OS.cat')), JSON.stringify(fouten)).toBe(true);
  expect(res.body.reden).toContain('OS.cat');
});

test('the admin suspends an aanleverpunt (the TC then refuses it), resumes it, issues a school token; all audited', async () => {
  const token = (await import('node:fs')).readFileSync(join(dataDir, 'beheer-token'), 'utf8').trim();
  expect((await https(`${serve.url}/api/beheer/aanleverpunten`, { identiteit: vendor })).status).toBe(401);
  const alle = await https(`${serve.url}/api/beheer/aanleverpunten`, { token });
  expect(alle.body.aanleverpunten.map((ap: { brin: string }) => ap.brin)).toEqual(expect.arrayContaining(['99AA', '99BB', '99SW', po.brin, vo.brin]));

  expect((await https(`${serve.url}/api/beheer/aanleverpunten/${po.routeringsKenmerk}/opschorten`, { token, method: 'POST' })).body.aanleverpunt.opgeschort).toBe(true);
  const geweigerd = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
  expect(geweigerd.body).toMatchObject({ status: 'mislukt', resultaat: 'GeenActiefAanleverpunt' });
  expect((await https(`${serve.url}/api/beheer/aanleverpunten/${po.routeringsKenmerk}/herstellen`, { token, method: 'POST' })).body.aanleverpunt.opgeschort).toBe(false);

  const toegang = await https(`${serve.url}/api/beheer/toegang`, { token, json: { brin: po.brin, omschrijving: 'Intern begeleider' } });
  expect(toegang.status).toBe(201);
  const schoolToken = toegang.body.token as string;
  // The school's token works for its own BRIN only.
  const eigen = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { token: schoolToken, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
  expect(eigen.status, eigen.tekst).toBe(200);
  const andermans = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { token: schoolToken, json: { bronBrin: vo.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
  expect(andermans.status).toBe(403);

  // A third AP of the vendor, removed by the admin: gone from the register, and a second removal is a clear 404.
  const extra = '0000000700098RC00001';
  expect((await https(`${serve.url}/api/aanleverpunten`, { identiteit: vendor, json: { routeringsKenmerk: extra, brin: '98RC', url: 'https://127.0.0.1:1/oso/ap/x' } })).status).toBe(201);
  expect((await https(`${serve.url}/api/beheer/aanleverpunten/${extra}`, { token, method: 'DELETE' })).body).toEqual({ verwijderd: extra });
  expect((await https(`${serve.url}/api/aanleverpunten`, { identiteit: vendor })).body.aanleverpunten.map((ap: { routeringsKenmerk: string }) => ap.routeringsKenmerk)).not.toContain(extra);
  expect((await https(`${serve.url}/api/beheer/aanleverpunten/${extra}`, { token, method: 'DELETE' })).status).toBe(404);

  const audit = await https(`${serve.url}/api/beheer/audit`, { token });
  const acties = audit.body.audit.map((r: { actie: string; onderwerp: string }) => r.actie);
  expect(acties).toEqual(expect.arrayContaining(['geregistreerd', 'opgeschort', 'hersteld', 'verwijderd', 'toegang-uitgegeven']));
  expect(audit.body.audit.find((r: { actie: string }) => r.actie === 'opgeschort')).toMatchObject({ door: 'beheerder', onderwerp: expect.stringContaining(po.routeringsKenmerk) });
});

test('notificatie from the school to the testschool: asked before it was klaargezet, the LAS notifies 99BB when it klaarzet', async () => {
  const token = (await import('node:fs')).readFileSync(join(dataDir, 'beheer-token'), 'utf8').trim();
  const pupil = fixtureLeerling('povo-onderwijsnummer');
  const te = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: pupil.pgn.waarde, geboortedatum: pupil.geboortedatum } });
  expect(te.body).toMatchObject({ status: 'mislukt', resultaat: 'DossierNietKlaargezet' });
  const klaar = await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: pupil.pgn.waarde, doelBrin: '99BB', notificeren: true });
  expect(klaar.notificaties).toEqual([expect.objectContaining({ doelBrin: '99BB', resultaat: 'NotificatieOntvangen', sessieId: te.body.sessieId })]);
  const berichten = (await https(`${serve.url}/api/beheer/berichten?sessieId=${te.body.sessieId}`, { token })).body.berichten as { operation: string; uitkomst: string; recordedBy: string }[];
  expect(berichten.find((b) => b.operation === 'meldenNotificatieRequest')).toMatchObject({ recordedBy: 'TC', uitkomst: 'Ok' });
  // The notificatie itself names the earlier request by its koppelsleutel (the session id), not as sessieId.
  const bij99BB = (await https(`${serve.url}/api/beheer/berichten?brin=99BB`, { token })).body.berichten as { operation: string; uitkomst: string; request: string; recordedBy: string }[];
  expect(bij99BB.find((b) => b.operation === 'notificatieRequest' && b.request.includes(te.body.sessieId))).toMatchObject({ recordedBy: 'Testschool VO (99BB)', uitkomst: 'NotificatieOntvangen' });
});

test('kill -9 right after an acknowledged exchange and a restart on the same data folder: nothing acknowledged is lost', async () => {
  await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: zorg.pgn.waarde, doelBrin: '99BB' });
  const laatste = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: zorg.pgn.waarde, geboortedatum: zorg.geboortedatum } });
  expect(laatste.status, laatste.tekst).toBe(200);
  const voor = (await https(`${serve.url}/api/gezondheid`)).body;
  const uitwisselingenVoor = (await https(`${serve.url}/api/uitwisselingen`, { identiteit: vendor })).body.uitwisselingen;
  await serve.kill9();

  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);
  expect(serve.output()).toContain(`admin token: in ${join(dataDir, 'beheer-token')}\n`);
  expect((await https(`${serve.url}/api/gezondheid`)).body).toEqual(voor);
  const na = (await https(`${serve.url}/api/uitwisselingen`, { identiteit: vendor })).body.uitwisselingen;
  expect(na).toEqual(uitwisselingenVoor);
  // The last answer before the kill, exactly as it was acknowledged (the LAS still runs its fault: refused, with findings).
  const { resultaat: _r, afgemeld: _a, ...vastgelegd } = laatste.body;
  expect(vastgelegd).toMatchObject({ status: 'geweigerd', pgn: zorg.pgn.waarde });
  expect(na.find((u: { id: number }) => u.id === laatste.body.id)).toEqual(vastgelegd);
  // The registered aanleverpunten are still there, and the served TC still knows the LAS: a new exchange works.
  const opnieuw = await control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum });
  expect(opnieuw.resultaat).toBe('DossierGeleverd');
});

test('a notificatie asked for after a restart, for a request the testschool answered before it: sent from the stored request, once', async () => {
  const wachtend = loadTestschoolLeerlingen().find((l) => l.id === 'testschool-notificatie')!;
  const vraag = () => control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: wachtend.pgn.waarde, geboortedatum: wachtend.geboortedatum });
  const notificeer = () => https(`${serve.url}/api/testscholen/99AA/notificeren`, { identiteit: vendor, json: { doelBrin: vo.brin, pgn: wachtend.pgn.waarde } });
  expect((await vraag()).resultaat).toBe('DossierNietKlaargezet');
  const eerder = ((await control(lasControl, '/notificaties')).notificaties as unknown[]).length;
  await serve.stop();
  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);

  // This instance never saw the request in memory: the documentRequest in the store is enough.
  const na = await notificeer();
  expect(na.status, JSON.stringify(na.body)).toBe(200);
  expect(na.body.notificaties).toEqual([expect.objectContaining({ resultaat: 'NotificatieOntvangen', doelBrin: vo.brin })]);
  // The LAS received it, tied to its own earlier request (the koppelsleutel is that request's session).
  const ontvangen = (await control(lasControl, '/notificaties')).notificaties as { bronBrin: string; koppelsleutel: string; pgn?: string }[];
  expect(ontvangen).toHaveLength(eerder + 1);
  expect(ontvangen.at(-1)).toMatchObject({ bronBrin: '99AA', koppelsleutel: na.body.notificaties[0].sessieId, pgn: wachtend.pgn.waarde });
  // The LAS got it and can now request the dossier; a second notificatie for the same request is not sent again.
  expect((await vraag()).resultaat).toBe('DossierGeleverd');
  expect((await notificeer()).status).toBe(400);
});

test('kill -9 while exchanges are in flight: after the restart every acknowledged uitwisseling is there, and the portal shows the same timeline plus them', async () => {
  const token = readFileSync(join(dataDir, 'beheer-token'), 'utf8').trim();
  const schoolToken = (await https(`${serve.url}/api/beheer/toegang`, { token, json: { brin: po.brin, omschrijving: 'herstarttest' } })).body.token as string;
  const tijdlijn = async () => {
    const pagina = await https(`${serve.url}/portaal/school/${schoolToken}`);
    expect(pagina.status).toBe(200);
    // Each row of the timeline by its id, as it is shown.
    return new Map([...pagina.tekst.matchAll(/<tr data-(uitwisseling|bericht)="(\d+)">.*?<\/tr>/gs)].map((m) => [`${m[1]} ${m[2]}`, m[0]]));
  };
  const voor = await tijdlijn();
  expect(voor.size).toBeGreaterThan(0);

  await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: regulier.pgn.waarde, doelBrin: '99BB' });
  const bevestigd: number[] = [];
  let gestopt = false;
  // Four callers ask 99BB to request the dossier, over and over, until the service is gone.
  const aanvragers = Array.from({ length: 4 }, async () => {
    while (!gestopt) {
      try {
        const r = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
        if (r.status === 200 && typeof r.body?.id === 'number') bevestigd.push(r.body.id);
      } catch {
        return; // the connection died with the process: not acknowledged
      }
    }
  });
  await expect.poll(() => bevestigd.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await serve.kill9();
  gestopt = true;
  await Promise.all(aanvragers);

  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);
  const na = await tijdlijn();
  for (const [id, rij] of voor) expect(na.get(id), `row ${id} of the timeline before the kill`).toBe(rij);
  const opgeslagen = (await https(`${serve.url}/api/uitwisselingen`, { identiteit: vendor })).body.uitwisselingen.map((u: { id: number }) => u.id);
  expect(opgeslagen).toEqual(expect.arrayContaining(bevestigd));
  const naTekst = [...na.values()].join('');
  for (const id of bevestigd) expect(naTekst).toContain(`<tr data-uitwisseling="${id}">`);
});

test('SIGTERM stops the service cleanly: exit 0 after closing the server and the store, and the data folder opens again', async () => {
  expect(await serve.stop()).toBe(0);
  expect(serve.output()).toContain('oso-testbank serve stopped.');
  const voor = serve.output();
  expect(voor).not.toContain('closing the store:');
  serve = await startServeProces(['--data', dataDir, '--port', String(port)]);
  expect((await https(`${serve.url}/api/gezondheid`)).body.status).toBe('ok');
});
