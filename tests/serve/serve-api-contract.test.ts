/**
 * docs/serve.openapi.json and the routes `serve` answers under /api describe the same API: every documented operation
 * is a route and every route is documented; answers fit their documented schemas; bad requests get a clear Dutch
 * refusal, never a crash. And `serve` refuses invalid options with exit 2 and a suggestion, before it opens anything.
 */
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCertDir } from '../../certs/location.ts';
import { API_PREFIX } from '../../serve/api.ts';
import { startServe, type RunningServe } from '../../serve/server.ts';
import { encodeMessage } from '../../simulator/protocol/soap.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { runCli } from '../cli/run-cli.ts';
import { freePorts } from '../cli/standalone-las.ts';
import { https, pkiIdentiteit } from './serve-proces.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const document = JSON.parse(readFileSync(fileURLToPath(new URL('../../docs/serve.openapi.json', import.meta.url)), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
ajv.addSchema(document as object, 'serve-api');
const fitsSchema = (naam: string, waarde: unknown) => {
  const validate = ajv.compile({ $ref: `serve-api#/components/schemas/${naam}` });
  return validate(waarde) ? [] : validate.errors;
};

const TOKEN = 'contract-test-beheertoken-0123456789';
let store: Store;
let service: RunningServe;
/** Switched on, the store refuses to take exchanges (a database that went away). */
const databaseWeg = { nu: false };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  store = await openStore({ data: join(mkdtempSync(join(tmpdir(), 'serve-contract-')), 'pglite') });
  const [port] = (await freePorts(1)) as [number];
  // The real store, with exchanges refused while databaseWeg.nu is on.
  const storeMetStoring = new Proxy(store, {
    get(doel, naam) {
      if (naam === 'berichtToevoegen' && databaseWeg.nu) return async () => Promise.reject(new Error('database weg'));
      const waarde = Reflect.get(doel, naam, doel) as unknown;
      return typeof waarde === 'function' ? waarde.bind(doel) : waarde;
    },
  });
  service = await startServe({ store: storeMetStoring, host: '127.0.0.1', hostnaam: '127.0.0.1', port, certDir: defaultCertDir, beheerToken: TOKEN });
});

test.afterAll(async () => {
  await service?.close();
  await store?.close();
});

test('every documented operation is a route under /api, and every route under /api is documented', () => {
  const gedocumenteerd = Object.entries(document.paths)
    .flatMap(([pad, ops]) => Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${API_PREFIX}${pad}`))
    .sort();
  const echt = service.routes
    .filter((r) => r.url.startsWith(`${API_PREFIX}/`))
    .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`)
    .sort();
  expect(echt.length).toBeGreaterThan(10);
  expect(echt).toEqual(gedocumenteerd);
});

test('answers fit their documented schemas', async () => {
  const gezondheid = await https(`${service.urls.api}/gezondheid`);
  expect(gezondheid.status).toBe(200);
  expect(fitsSchema('Gezondheid', gezondheid.body)).toEqual([]);
  expect(gezondheid.body.database).toBe('pglite');

  const leerlingen = await https(`${service.urls.api}/testleerlingen`);
  expect(fitsSchema('Testleerlingen', leerlingen.body)).toEqual([]);
  expect(leerlingen.body.testleerlingen.map((l: { id: string }) => l.id)).toEqual(
    expect.arrayContaining(['povo-regulier', 'povo-onderwijsnummer', 'povo-zorg', 'povo-veel-bijlagen']),
  );
  expect(leerlingen.body.testleerlingen.find((l: { id: string }) => l.id === 'povo-onderwijsnummer').pgnSoort).toBe('onderwijsnummer');

  const alle = await https(`${service.urls.api}/beheer/aanleverpunten`, { token: TOKEN });
  expect(fitsSchema('Aanleverpunten', alle.body)).toEqual([]);
  // The testscholen put their own schools and APs in the register at start.
  expect(alle.body.aanleverpunten.map((ap: { brin: string }) => ap.brin).sort()).toEqual(['99AA', '99BB', '99SW']);

  const fout = await https(`${service.urls.api}/beheer/aanleverpunten`);
  expect(fout.status).toBe(401);
  expect(fitsSchema('Fout', fout.body)).toEqual([]);
});

test('bad requests get a clear refusal in Dutch, never a crash', async () => {
  const vendor = pkiIdentiteit('reference-las');
  const geenJson = await https(`${service.urls.api}/aanleverpunten`, { identiteit: vendor, method: 'POST', json: undefined });
  expect(geenJson.status).toBe(400);
  expect(geenJson.body.fout).toContain('geen geldige JSON');
  const onbekendVeld = await https(`${service.urls.api}/aanleverpunten`, { identiteit: vendor, json: { routeringsKenmerk: '0000000700098RA00001', brin: '98RA', url: 'https://a.invalid/ap', kleur: 'blauw' } });
  expect(onbekendVeld.status).toBe(400);
  expect(onbekendVeld.body.fout).toContain("'kleur'");
  const testschool = await https(`${service.urls.api}/aanleverpunten`, { identiteit: vendor, json: { routeringsKenmerk: '0000000700099AA00009', brin: '99AA', url: 'https://a.invalid/ap' } });
  expect(testschool.status).toBe(403);
  const geenTestschool = await https(`${service.urls.api}/testscholen/12AB/opvragen`, { token: TOKEN, json: { bronBrin: '98RA', pgn: '999900018', geboortedatum: '2008-03-14' } });
  expect(geenTestschool.status).toBe(404);
  const slechteDatum = await https(`${service.urls.api}/testscholen/99BB/opvragen`, { token: TOKEN, json: { bronBrin: '98RA', pgn: '999900018', geboortedatum: '14-03-2008' } });
  expect(slechteDatum.status).toBe(400);
  expect(slechteDatum.body.fout).toContain('JJJJ-MM-DD');
  const onbekendToken = await https(`${service.urls.api}/uitwisselingen`, { token: 'verzonnen' });
  expect(onbekendToken.status).toBe(401);
  const nietOpgeschort = await https(`${service.urls.api}/beheer/aanleverpunten/00000007000ZZZZ00001/opschorten`, { token: TOKEN, method: 'POST' });
  expect(nietOpgeschort.status).toBe(404);
  // A school's LAS that is not registered: the opvragen fails with the TC's code, and the service stays up.
  const onbekendeSchool = await https(`${service.urls.api}/testscholen/99BB/opvragen`, { token: TOKEN, json: { bronBrin: '97XX', pgn: '999900018', geboortedatum: '2008-03-14' } });
  expect(onbekendeSchool.body).toMatchObject({ status: 'mislukt', resultaat: 'VerstrekkerNietBekend' });
  expect((await https(`${service.urls.api}/gezondheid`)).status).toBe(200);
});

test('a qualification report is registered by the admin only, listed per vendor and read back whole; a bad one is refused', async () => {
  const kwalificatie = { verdict: 'ONVOLLEDIG', sut: { naam: 'Contract-LAS', versie: '1.0', leverancier: 'Contract BV' }, datum: '2026-12-06T03:00:00.000Z', uitvoerder: 'kennisnet@test', scenarios: [] };
  const body = { kwalificatie, brins: ['98RA'], runs: [{ run: 'regulier-povo/bron', status: 'passed', berichten: [1, 2] }] };
  expect((await https(`${service.urls.api}/beheer/kwalificaties`, { json: body })).status).toBe(401);
  const nieuw = await https(`${service.urls.api}/beheer/kwalificaties`, { token: TOKEN, json: body });
  expect(nieuw.status).toBe(201);
  expect(fitsSchema('Kwalificatie', nieuw.body.kwalificatie)).toEqual([]);
  expect(nieuw.body.kwalificatie).toMatchObject({ leverancier: 'Contract BV', verdict: 'ONVOLLEDIG', sut: { naam: 'Contract-LAS', versie: '1.0' }, brins: ['98RA'] });
  const lijst = await https(`${service.urls.api}/beheer/kwalificaties?leverancier=${encodeURIComponent('Contract BV')}`, { token: TOKEN });
  expect(lijst.body.kwalificaties.map((k: { id: number }) => k.id)).toEqual([nieuw.body.kwalificatie.id]);
  expect(lijst.body.kwalificaties[0].kwalificatie).toBeUndefined();
  const een = await https(`${service.urls.api}/beheer/kwalificaties/${nieuw.body.kwalificatie.id}`, { token: TOKEN });
  expect(een.body.kwalificatie.kwalificatie).toEqual(kwalificatie);
  const slecht = await https(`${service.urls.api}/beheer/kwalificaties`, { token: TOKEN, json: { ...body, kwalificatie: { ...kwalificatie, verdict: 'BIJNA' } } });
  expect(slecht.status).toBe(400);
  expect(slecht.body.fout).toContain('kwalificatie.verdict');
  expect((await https(`${service.urls.api}/beheer/kwalificaties/12345`, { token: TOKEN })).status).toBe(404);
  const naId = await https(`${service.urls.api}/beheer/berichten?naId=abc`, { token: TOKEN });
  expect(naId.status).toBe(400);
});

test('the portal answers a browser in Dutch without a certificate, and a SOAP client at an unknown path gets a SOAP Fault', async () => {
  const portaal = await https(`${service.urls.portaal}`);
  expect(portaal.status).toBe(200);
  expect(portaal.tekst).toContain('<html lang="nl"');
  const onbekend = await https(`${service.urls.portaal}/school/verzonnen-token-van-school-b`);
  expect(onbekend.status).toBe(404);
  const soap = await https(`${service.urls.basis}/oso/nergens`, { identiteit: pkiIdentiteit('reference-las'), json: {} });
  expect(soap.status).toBe(500);
  expect(soap.tekst).toContain('soap:Fault');
  expect(soap.tekst).toContain('OnbekendAdres');
});

test('a SOAP exchange that cannot be stored is not acknowledged: a SOAP Fault says so, and the service stays up', async () => {
  const ping = encodeMessage('pingRequest', {});
  const soap = (body: string) => https(service.urls.tc, { identiteit: pkiIdentiteit('reference-las'), method: 'POST', raw: { body, contentType: 'text/xml; charset=utf-8' } });
  const voor = (await https(`${service.urls.api}/gezondheid`)).body.berichten as number;
  databaseWeg.nu = true;
  try {
    const weg = await soap(ping);
    expect(weg.status).toBe(500);
    expect(weg.tekst).toContain('InterneFout');
    expect(weg.tekst).toContain('niet worden vastgelegd');
  } finally {
    databaseWeg.nu = false;
  }
  const terug = await soap(ping);
  expect(terug.status).toBe(200);
  expect(terug.tekst).toContain('pingResponse');
  expect((await https(`${service.urls.api}/gezondheid`)).body.berichten).toBe(voor + 1);
});

test('invalid options: exit 2 with a clear message, a suggestion for a mistyped option, nothing started', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-config-'));
  const config = join(dir, 'serve.yaml');
  (await import('node:fs')).writeFileSync(config, 'hostnaam: oso.example.nl\npoortt: 9443\n');
  const gevallen: [string[], string[]][] = [
    [['--prot', '8443'], ["unknown option '--prot'", 'Did you mean --port?']],
    [['--port', '99999'], ["--port must be a port number (1-65535), not '99999'"]],
    [['--host', 'oso.example.nl'], ['a name goes in --hostname']],
    [['--host', '0.0.0.0'], ['give --hostname']],
    [['--database', 'mysql://x'], ['postgres://']],
    [['--config', config], [`${config}:2:1: unknown key 'poortt'. Did you mean poort?`]],
  ];
  // Each case is its own process; they run side by side.
  const uitkomsten = await Promise.all(gevallen.map(([args]) => runCli(['serve', ...args])));
  gevallen.forEach(([args, meldingen], i) => {
    expect(uitkomsten[i]!.code, args.join(' ')).toBe(2);
    for (const melding of meldingen) expect(uitkomsten[i]!.stderr, args.join(' ')).toContain(melding);
  });
});
