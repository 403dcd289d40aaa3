/**
 * Two `serve` instances on one PostgreSQL database behave as one service: a session opened through instance A is
 * checked (sessiecontrole) on instance B, and both count the same; kill -9 of an instance loses nothing acknowledged.
 * Needs OSO_TEST_POSTGRES_URL: a database the test may fill (docs/serve.md says how to make one).
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { freePorts } from '../cli/standalone-las.ts';
import { control, https, pkiIdentiteit, registreerSchoolLas, startSchoolLas, startServeProces, type SchoolLas, type ServeProces } from './serve-proces.ts';

const DATABASE = process.env['OSO_TEST_POSTGRES_URL'];
const TOKEN = 'twee-instanties-beheertoken-0123456789';


test.describe('two instances on one PostgreSQL (skipped without OSO_TEST_POSTGRES_URL, the database the test may fill)', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!DATABASE, 'OSO_TEST_POSTGRES_URL is not set');
  test.setTimeout(240_000);

  const vo = referentieLasScholen.vo;
  const po = referentieLasScholen.po;
  const zorg = fixtureLeerling('povo-zorg');
  const regulier = fixtureLeerling('povo-regulier');
  const vendor = pkiIdentiteit('reference-las');

  let a: ServeProces;
  let b: ServeProces;
  let portA: number;
  let las: SchoolLas | undefined;
  let lasControl: string;

  const instance = (port: number) => startServeProces(['--data', mkdtempSync(join(tmpdir(), 'serve-pg-')), '--port', String(port), '--database', DATABASE!], { OSO_BEHEER_TOKEN: TOKEN });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const [pa, pb] = (await freePorts(2)) as [number, number];
    portA = pa;
    a = await instance(pa);
    // B starts second: the testscholen's APs in the shared register now point at B, so a transfer through A's TC reaches
    // B's testschool, which checks the session at B's TC.
    b = await instance(pb);
    las = await startSchoolLas(`${a.url}/oso/tc`);
    lasControl = las.controlUrl;
    // Registered through B: counts on A at once.
    for (const res of await registreerSchoolLas(b.url, las.apPoort, vendor)) expect([200, 201], res.tekst).toContain(res.status);
  });

  test.afterAll(async () => {
    await las?.stop();
    await a?.stop();
    await b?.stop();
  });

  test('both instances report PostgreSQL, and an aanleverpunt registered through B counts on A', async () => {
    expect(a.output()).toContain('database: PostgreSQL postgres');
    expect((await https(`${a.url}/api/gezondheid`)).body.database).toBe('postgres');
    const opA = await https(`${a.url}/api/aanleverpunten`, { identiteit: vendor });
    expect(opA.body.aanleverpunten.map((ap: { brin: string }) => ap.brin).sort()).toEqual([po.brin, vo.brin]);
  });

  test('a session opened through instance A is checked on instance B; both count the same', async () => {
    const uitkomst = await control(lasControl, '/opvragen', { brin: vo.brin, bronBrin: '99AA', pgn: zorg.pgn.waarde, geboortedatum: zorg.geboortedatum });
    expect(uitkomst).toMatchObject({ resultaat: 'DossierGeleverd', afgemeld: true });
    const berichten = (await https(`${a.url}/api/beheer/berichten?sessieId=${uitkomst.sessieId}`, { token: TOKEN })).body.berichten as { operation: string; instantie: string; uitkomst: string; url: string }[];
    const overdracht = berichten.find((m) => m.operation === 'overdrachtRequest')!;
    const controle = berichten.find((m) => m.operation === 'sessiecontroleRequest')!;
    expect(overdracht.url).toContain(`:${portA}/oso/tc`);
    expect(controle.uitkomst).toBe('Ok');
    expect(controle.instantie).not.toBe(overdracht.instantie);
    expect(controle.url).toContain(new URL(b.url).host);
    expect((await https(`${a.url}/api/gezondheid`)).body).toEqual((await https(`${b.url}/api/gezondheid`)).body);
  });

  test('kill -9 of instance A right after an acknowledged exchange: after its restart everything acknowledged is there', async () => {
    await control(lasControl, '/klaarzetten', { brin: po.brin, pgn: regulier.pgn.waarde, doelBrin: '99BB' });
    const laatste = await https(`${a.url}/api/testscholen/99BB/opvragen`, { identiteit: vendor, json: { bronBrin: po.brin, pgn: regulier.pgn.waarde, geboortedatum: regulier.geboortedatum } });
    expect(laatste.body).toMatchObject({ status: 'opgeslagen', resultaat: 'DossierGeleverd' });
    const voor = (await https(`${a.url}/api/gezondheid`)).body;
    await a.kill9();
    expect((await https(`${b.url}/api/gezondheid`)).body).toEqual(voor);
    a = await instance(portA);
    expect((await https(`${a.url}/api/gezondheid`)).body).toEqual(voor);
    const { resultaat: _r, afgemeld: _a, ...vastgelegd } = laatste.body;
    expect((await https(`${a.url}/api/uitwisselingen/${laatste.body.id}`, { identiteit: vendor })).body.uitwisseling).toMatchObject(vastgelegd);
  });
});
