/**
 * The Store contract, one suite for both engines: every method, the filters that keep one school's data from another,
 * the atomic afmelding, token hashing. Each engine's store is shared by the tests of one worker, so every test works
 * with its own BRINs and ids and counts by difference.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqlStore } from '../../store/sql-store.ts';
import type { SqlDriver } from '../../store/sql-driver.ts';
import type { GeregistreerdAanleverpunt, NieuwBericht, NieuweKwalificatie, NieuweTestschoolUitwisseling } from '../../store/store.ts';
import type { NieuweSessie } from '../../simulator/traffic-center/session-store.ts';
import { ENGINES, engineTitel, nieuweDatabase, vereisEngine, type TestDatabase } from './store-engines.ts';

let volgnummer = 0;
/** A BRIN no other test of this worker uses: 4 characters, as real ones. */
const uniekeBrin = () => `${(++volgnummer).toString(36).toUpperCase().padStart(2, '0')}${Math.random().toString(36).slice(2, 4).toUpperCase()}`;

const sessieVelden = (doelBrin: string, bronBrin: string): NieuweSessie => ({
  doelBrin,
  doelRouteringsKenmerk: `${doelBrin}-rk`,
  bronBrin,
  overdrachtsoort: 'overstapdossier',
  zoeksleutel: 'zs-123',
  doelOin: '00000001234567890000',
  geopendOp: new Date('2026-03-01T09:15:30.123Z'),
});

const ap = (brin: string, rk: string, eigenaarOin = '00000009999999990000'): GeregistreerdAanleverpunt => ({
  routeringsKenmerk: rk,
  brin,
  url: `https://las.example.test/oso/${rk}`,
  actief: true,
  eigenaarOin,
  leverancier: 'Voorbeeld-LAS',
  geregistreerdOp: '2026-02-01T08:00:00.000Z',
  opgeschort: false,
});

const bericht = (brins: string[], extra: Partial<NieuwBericht> = {}): NieuwBericht => ({
  recordedBy: 'TC',
  operation: 'overdrachtRequest',
  van: brins[0] ?? 'onbekend',
  naar: 'TC',
  url: 'https://tc.example.test/oso',
  request: '<soap:Envelope>verzoek</soap:Envelope>',
  response: '<soap:Envelope>antwoord</soap:Envelope>',
  httpStatus: 200,
  uitkomst: 'OK',
  peerOin: '00000001234567890000',
  tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
  startedAt: '2026-03-01T09:15:30.123Z',
  durationMs: 12.5,
  brins,
  instantie: 'serve-a',
  ...extra,
});

for (const soort of ENGINES) {
  test.describe(`store contract (${engineTitel(soort)})`, () => {
    let db: TestDatabase;
    let driver: SqlDriver;
    let store: SqlStore;

    test.beforeAll(async () => {
      vereisEngine(soort);
      db = await nieuweDatabase(soort);
      driver = await db.driver();
      store = await SqlStore.open(driver, 'test');
    });
    test.afterAll(async () => {
      await store?.close();
      await db?.opruimen();
    });

    test('reports its engine', () => {
      expect(store.soort).toBe(soort);
    });

    test('schools: added, read back, changed, listed; both changes audited', async () => {
      const brin = uniekeBrin();
      const auditVoor = (await store.audit()).at(-1)?.id ?? 0;
      expect(await store.school(brin)).toBeUndefined();
      await store.schoolToevoegen({ brin, vestigingscode: '00', naam: 'De Proefschool', sector: 'PO' });
      expect(await store.school(brin)).toEqual({ brin, vestigingscode: '00', naam: 'De Proefschool', sector: 'PO' });
      await store.schoolToevoegen({ brin, vestigingscode: '01', naam: 'De Proefschool (nieuw)', sector: 'PO' });
      expect((await store.school(brin))?.naam).toBe('De Proefschool (nieuw)');
      expect((await store.scholen()).filter((s) => s.brin === brin)).toHaveLength(1);
      const regels = await store.audit({ sinds: auditVoor });
      expect(regels.map((r) => [r.actie, r.onderwerp, r.door])).toEqual([
        ['geregistreerd', `school ${brin}`, 'beheerder'],
        ['gewijzigd', `school ${brin}`, 'beheerder'],
      ]);
      expect(regels[1]!.details).toMatchObject({ voor: { naam: 'De Proefschool' }, na: { naam: 'De Proefschool (nieuw)' } });
      expect(Number.isNaN(Date.parse(regels[0]!.op))).toBe(false);
    });

    test('aanleverpunten: registered, changed, suspended, restored, removed; every change audited with who did it', async () => {
      const brin = uniekeBrin();
      const rk = `${brin}-ap1`;
      const door = 'OIN 00000009999999990000';
      const auditVoor = (await store.audit()).at(-1)?.id ?? 0;

      expect(await store.aanleverpuntRegistreren(ap(brin, rk), door)).toBe('geregistreerd');
      expect(await store.aanleverpunt(rk)).toEqual(ap(brin, rk));
      expect(await store.aanleverpuntRegistreren({ ...ap(brin, rk), url: 'https://las.example.test/nieuw' }, door)).toBe('gewijzigd');
      expect((await store.aanleverpunt(rk))?.url).toBe('https://las.example.test/nieuw');
      // Another owner cannot take it over: nothing changes, nothing is audited.
      expect(await store.aanleverpuntRegistreren({ ...ap(brin, rk, '00000001111111110000'), url: 'https://kaper.example.test/' }, 'OIN 00000001111111110000')).toBe('van-een-ander');
      expect(await store.aanleverpunt(rk)).toMatchObject({ eigenaarOin: '00000009999999990000', url: 'https://las.example.test/nieuw' });

      expect(await store.aanleverpuntOpschorten(rk, true, 'beheerder')).toBe(true);
      expect((await store.aanleverpunt(rk))?.opgeschort).toBe(true);
      expect(await store.aanleverpuntOpschorten(rk, true, 'beheerder')).toBe(true); // already: no second audit line
      expect(await store.aanleverpuntOpschorten(rk, false, 'beheerder')).toBe(true);
      expect((await store.aanleverpunt(rk))?.opgeschort).toBe(false);
      expect(await store.aanleverpuntOpschorten(`${brin}-onbekend`, true, 'beheerder')).toBe(false);

      expect(await store.aanleverpuntVerwijderen(rk, door)).toBe(true);
      expect(await store.aanleverpunt(rk)).toBeUndefined();
      expect(await store.aanleverpuntVerwijderen(rk, door)).toBe(false);

      const regels = await store.audit({ sinds: auditVoor });
      expect(regels.map((r) => [r.actie, r.door, r.onderwerp])).toEqual([
        ['geregistreerd', door, `aanleverpunt ${rk}`],
        ['gewijzigd', door, `aanleverpunt ${rk}`],
        ['opgeschort', 'beheerder', `aanleverpunt ${rk}`],
        ['hersteld', 'beheerder', `aanleverpunt ${rk}`],
        ['verwijderd', door, `aanleverpunt ${rk}`],
      ]);
      expect(regels[1]!.details).toMatchObject({ voor: { url: `https://las.example.test/oso/${rk}` }, na: { url: 'https://las.example.test/nieuw' } });
    });

    test('two owners registering one new routeringsKenmerk at the same moment: exactly one gets it, once audited', async () => {
      for (let ronde = 0; ronde < 5; ronde++) {
        const brin = uniekeBrin();
        const rk = `${brin}-samen`;
        const auditVoor = (await store.audit()).at(-1)?.id ?? 0;
        const oins = ['00000001000000010000', '00000002000000020000'];
        const uitkomsten = await Promise.all(oins.map((oin) => store.aanleverpuntRegistreren(ap(brin, rk, oin), `OIN ${oin}`)));
        expect([...uitkomsten].sort(), `ronde ${ronde}`).toEqual(['geregistreerd', 'van-een-ander']);
        expect((await store.aanleverpunt(rk))?.eigenaarOin).toBe(oins[uitkomsten.indexOf('geregistreerd')]);
        expect((await store.audit({ sinds: auditVoor })).filter((r) => r.onderwerp === `aanleverpunt ${rk}`).map((r) => r.actie)).toEqual(['geregistreerd']);
      }
    });

    test('aanleverpunten are filtered by brin and by owner', async () => {
      const [a, b] = [uniekeBrin(), uniekeBrin()];
      await store.aanleverpuntRegistreren(ap(a, `${a}-1`, 'OIN-A'), 'x');
      await store.aanleverpuntRegistreren(ap(a, `${a}-2`, 'OIN-B'), 'x');
      await store.aanleverpuntRegistreren(ap(b, `${b}-1`, 'OIN-A'), 'x');
      expect((await store.aanleverpunten({ brin: a })).map((p) => p.routeringsKenmerk)).toEqual([`${a}-1`, `${a}-2`]);
      expect((await store.aanleverpunten({ brin: a, eigenaarOin: 'OIN-A' })).map((p) => p.routeringsKenmerk)).toEqual([`${a}-1`]);
      const vanA = (await store.aanleverpunten({ eigenaarOin: 'OIN-A' })).map((p) => p.routeringsKenmerk);
      expect(vanA).toEqual(expect.arrayContaining([`${a}-1`, `${b}-1`]));
      expect(vanA).not.toContain(`${a}-2`);
      expect((await store.aanleverpunten()).length).toBeGreaterThanOrEqual(3);
    });

    test('audit: sinds and limit page through the trail in order', async () => {
      const brin = uniekeBrin();
      const voor = (await store.audit()).at(-1)?.id ?? 0;
      for (let i = 0; i < 5; i++) await store.schoolToevoegen({ brin, vestigingscode: String(i), naam: `School ${i}`, sector: 'VO' });
      const alle = await store.audit({ sinds: voor });
      expect(alle).toHaveLength(5);
      expect(alle.map((r) => r.id)).toEqual([...alle.map((r) => r.id)].sort((x, y) => x - y));
      expect(await store.audit({ sinds: voor, limit: 2 })).toEqual(alle.slice(0, 2));
      expect(await store.audit({ sinds: alle[1]!.id, limit: 2 })).toEqual(alle.slice(2, 4));
      expect((await store.audit({ limit: 2 })).map((r) => r.id)).toEqual(alle.slice(3).map((r) => r.id));
    });

    test('sessies: opened, read back with Dates, events recorded in order, closed once', async () => {
      const [doel, bron] = [uniekeBrin(), uniekeBrin()];
      const sessie = await store.sessies.open(sessieVelden(doel, bron));
      expect(sessie.sessieId).toMatch(/^[0-9a-f-]{36}$/);
      const gelezen = await store.sessies.get(sessie.sessieId);
      expect(gelezen).toEqual({ ...sessieVelden(doel, bron), sessieId: sessie.sessieId, sessiecontroles: [], notificaties: [] });
      expect(gelezen!.geopendOp).toBeInstanceOf(Date);
      expect(gelezen!.geopendOp.getTime()).toBe(Date.parse('2026-03-01T09:15:30.123Z'));
      expect(gelezen!.afmelding).toBeUndefined();
      expect('koppelsleutel' in gelezen!).toBe(false);

      const controle = (n: number) => ({ bronRouteringsKenmerk: `${bron}-rk`, op: new Date(Date.UTC(2026, 2, 1, 10, 0, n)), resultaat: n % 2 ? 'OK' : 'GEEN_TOEGANG' });
      await store.sessies.sessiecontroleVastleggen(sessie.sessieId, controle(1));
      await store.sessies.sessiecontroleVastleggen(sessie.sessieId, controle(2));
      await store.sessies.notificatieVastleggen(sessie.sessieId, controle(3));
      const afmelding = { op: new Date('2026-03-01T10:05:00.000Z'), resultaatcode: 'OK', bronRouteringsKenmerk: `${bron}-rk` };
      expect(await store.sessies.afmelden(sessie.sessieId, afmelding)).toBe(true);
      expect(await store.sessies.afmelden(sessie.sessieId, { ...afmelding, resultaatcode: 'ANDERS' })).toBe(false);

      const na = (await store.sessies.get(sessie.sessieId))!;
      expect(na.sessiecontroles).toEqual([controle(1), controle(2)]);
      expect(na.sessiecontroles[0]!.op).toBeInstanceOf(Date);
      expect(na.notificaties).toEqual([controle(3)]);
      expect(na.afmelding).toEqual(afmelding);
      expect(na.afmelding!.op).toBeInstanceOf(Date);
      expect((await store.sessies.all()).find((s) => s.sessieId === sessie.sessieId)).toEqual(na);
    });

    test('sessies: an unknown or malformed id is not found, and its events and afmelding change nothing', async () => {
      const g = { bronRouteringsKenmerk: 'x', op: new Date(), resultaat: 'OK' };
      for (const id of ['00000000-0000-0000-0000-000000000000', 'geen-uuid', "'; DROP TABLE sessies; --"]) {
        expect(await store.sessies.get(id)).toBeUndefined();
        await store.sessies.sessiecontroleVastleggen(id, g);
        await store.sessies.notificatieVastleggen(id, g);
        expect(await store.sessies.afmelden(id, { op: new Date(), resultaatcode: 'OK', bronRouteringsKenmerk: 'x' })).toBe(false);
      }
      expect(await store.sessies.get('geen-uuid')).toBeUndefined();
      expect((await store.tellingen()).sessies).toBeGreaterThanOrEqual(0);
    });

    test('afmelding is atomic: of 20 concurrent afmeldingen exactly one closes the session', async () => {
      const sessie = await store.sessies.open(sessieVelden(uniekeBrin(), uniekeBrin()));
      const uitkomsten = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.sessies.afmelden(sessie.sessieId, { op: new Date(), resultaatcode: `R${i}`, bronRouteringsKenmerk: 'rk' })),
      );
      expect(uitkomsten.filter(Boolean)).toHaveLength(1);
      const winnaar = uitkomsten.indexOf(true);
      expect((await store.sessies.get(sessie.sessieId))!.afmelding!.resultaatcode).toBe(`R${winnaar}`);
    });

    test('berichten: stored with their bodies, ids in store order, read back by id', async () => {
      const brin = uniekeBrin();
      const groot = `<dossier>${'Ä€😀<&>'.repeat(50_000)}</dossier>`;
      const eerste = await store.berichtToevoegen(bericht([brin, 'TC'], { request: groot }));
      const tweede = await store.berichtToevoegen(bericht([brin], { response: undefined, httpStatus: undefined, peerOin: undefined, tls: undefined, sessieId: 'sessie-1', uitkomst: 'verbinding geweigerd' }));
      expect(tweede.id).toBeGreaterThan(eerste.id);
      expect(await store.bericht(eerste.id)).toEqual(eerste);
      expect((await store.bericht(eerste.id))!.request).toBe(groot);
      const terug = (await store.bericht(tweede.id))!;
      expect(terug).toEqual(tweede);
      for (const veld of ['response', 'httpStatus', 'peerOin', 'tls']) expect(veld in terug, veld).toBe(false);
      expect(await store.bericht(999_999_999)).toBeUndefined();
      expect(await store.bericht(Number.NaN)).toBeUndefined();
    });

    test('berichten: a brin filter gives only that school’s berichten, never another’s', async () => {
      const [a, b, c] = [uniekeBrin(), uniekeBrin(), uniekeBrin()];
      const ab = await store.berichtToevoegen(bericht([a, b]));
      const bc = await store.berichtToevoegen(bericht([b, c]));
      const alleenC = await store.berichtToevoegen(bericht([c]));
      expect((await store.berichten({ brin: a })).map((x) => x.id)).toEqual([ab.id]);
      expect((await store.berichten({ brin: b })).map((x) => x.id)).toEqual([ab.id, bc.id]);
      expect((await store.berichten({ brin: c })).map((x) => x.id)).toEqual([bc.id, alleenC.id]);
      expect(await store.berichten({ brin: uniekeBrin() })).toEqual([]);
      // A BRIN that is a prefix, or a pattern, of another matches nothing of it.
      expect(await store.berichten({ brin: a.slice(0, 3) })).toEqual([]);
      expect(await store.berichten({ brin: '%' })).toEqual([]);
      for (const x of await store.berichten({ brin: b })) expect(x.brins).toContain(b);
    });

    test('berichten: by sessie, after an id, and limited (newest without a cursor, next page with one)', async () => {
      const brin = uniekeBrin();
      const sessieId = `sessie-${brin}`;
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await store.berichtToevoegen(bericht([brin], { sessieId: i < 3 ? sessieId : undefined }))).id);
      expect((await store.berichten({ sessieId })).map((x) => x.id)).toEqual(ids.slice(0, 3));
      expect((await store.berichten({ brin, naId: ids[1]! })).map((x) => x.id)).toEqual(ids.slice(2));
      expect((await store.berichten({ brin, naId: ids[0]!, limit: 2 })).map((x) => x.id)).toEqual(ids.slice(1, 3));
      expect((await store.berichten({ brin, limit: 2 })).map((x) => x.id)).toEqual(ids.slice(3));
      expect((await store.berichten({ brin, sessieId, naId: ids[1]! })).map((x) => x.id)).toEqual([ids[2]]);
      expect(await store.berichten({ brin, limit: 0 })).toEqual([]);
      const laatste = (await store.berichten({ limit: 1 }))[0]!;
      expect(laatste.id).toBeGreaterThanOrEqual(ids[4]!);
    });

    test('bad filters get a clear error, not a database error', async () => {
      await expect(store.berichten({ limit: -1 })).rejects.toThrow(/limit must be a whole number/);
      await expect(store.berichten({ limit: 1.5 })).rejects.toThrow(/limit must be a whole number/);
      await expect(store.berichten({ naId: Number.NaN })).rejects.toThrow(/naId must be a whole number/);
      await expect(store.audit({ sinds: 0.5 })).rejects.toThrow(/sinds must be a whole number/);
      await expect(store.uitwisselingen({ limit: -3 })).rejects.toThrow(/limit must be a whole number/);
    });

    test('testschool-uitwisselingen: stored with findings and attachments, filtered by school', async () => {
      const [school, ander] = [uniekeBrin(), uniekeBrin()];
      const u: NieuweTestschoolUitwisseling = {
        testschoolBrin: '99AA',
        schoolBrin: school,
        richting: 'school-als-bron',
        pgn: '123456782',
        sessieId: 'sessie-x',
        op: '2026-03-01T10:00:00.000Z',
        status: 'geweigerd',
        reden: 'Het dossier voldoet niet aan de gegevensset.',
        xml: '<leerling>…</leerling>',
        bevindingen: [
          { regel: 'GS-001', ernst: 'fout', melding: 'Geboortedatum ontbreekt.', pad: '/leerling/geboortedatum' },
          { regel: 'GS-017', ernst: 'waarschuwing', melding: 'Geen telefoonnummer.' },
        ],
        bijlagen: [{ bestandsnaam: 'rapport.pdf', sha256: createHash('sha256').update('rapport').digest('hex') }],
      };
      const opgeslagen = await store.uitwisselingToevoegen(u);
      const anders = await store.uitwisselingToevoegen({ ...u, schoolBrin: ander, status: 'opgeslagen', reden: undefined, bevindingen: [], bijlagen: undefined, sessieId: undefined });
      expect(await store.uitwisseling(opgeslagen.id)).toEqual({ ...u, id: opgeslagen.id });
      const terug = (await store.uitwisseling(anders.id))!;
      expect(terug.bevindingen).toEqual([]);
      for (const veld of ['reden', 'bijlagen', 'sessieId']) expect(veld in terug, veld).toBe(false);
      expect((await store.uitwisselingen({ schoolBrin: school })).map((x) => x.id)).toEqual([opgeslagen.id]);
      expect((await store.uitwisselingen({ schoolBrin: ander })).map((x) => x.id)).toEqual([anders.id]);
      expect((await store.uitwisselingen({ limit: 1 })).map((x) => x.id)).toEqual([anders.id]);
      expect(await store.uitwisseling(anders.id + 1_000_000)).toBeUndefined();
    });

    test('school access: the token opens only its own school, is stored as its SHA-256 only, and can be withdrawn', async () => {
      const [brin, ander] = [uniekeBrin(), uniekeBrin()];
      const auditVoor = (await store.audit()).at(-1)?.id ?? 0;
      const { token } = await store.toegangUitgeven(brin, 'Administratie');
      const { token: tweede } = await store.toegangUitgeven(brin, 'Intern begeleider');
      const { token: vanAnder } = await store.toegangUitgeven(ander, 'Administratie');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
      expect(new Set([token, tweede, vanAnder]).size).toBe(3);

      const toegang = await store.toegangVoorToken(token);
      expect(toegang).toMatchObject({ brin, omschrijving: 'Administratie', ingetrokken: false });
      expect(Number.isNaN(Date.parse(toegang!.uitgegevenOp))).toBe(false);
      expect(await store.toegangVoorToken(`${token}x`)).toBeUndefined();
      expect(await store.toegangVoorToken('')).toBeUndefined();

      const rijen = await driver.query<{ token_sha256: string; brin: string }>('SELECT * FROM school_toegang WHERE brin = $1', [brin]);
      expect(rijen.map((r) => r.token_sha256).sort()).toEqual([token, tweede].map((t) => createHash('sha256').update(t).digest('hex')).sort());
      const alles = JSON.stringify(await driver.query('SELECT * FROM school_toegang')) + JSON.stringify(await driver.query('SELECT * FROM audit'));
      for (const t of [token, tweede, vanAnder]) expect(alles).not.toContain(t);

      expect(await store.toegangIntrekken(brin)).toBe(2);
      expect(await store.toegangVoorToken(token)).toBeUndefined();
      expect(await store.toegangVoorToken(tweede)).toBeUndefined();
      expect((await store.toegangVoorToken(vanAnder))?.brin).toBe(ander);
      expect(await store.toegangIntrekken(brin)).toBe(0);

      const regels = await store.audit({ sinds: auditVoor });
      expect(regels.map((r) => [r.actie, r.onderwerp])).toEqual([
        ['toegang-uitgegeven', `school ${brin}`],
        ['toegang-uitgegeven', `school ${brin}`],
        ['toegang-uitgegeven', `school ${ander}`],
        ['toegang-ingetrokken', `school ${brin}`],
      ]);
    });

    test('kwalificaties: stored with their runs and kwalificatie.json, filtered by vendor, newest with a limit', async () => {
      const leverancier = `Leverancier ${uniekeBrin()}`;
      const brin = uniekeBrin();
      const k: NieuweKwalificatie = {
        leverancier,
        sut: { naam: 'Voorbeeld-LAS', versie: '5.2.0' },
        verdict: 'ONVOLLEDIG',
        datum: '2026-03-16T10:00:00.000Z',
        uitvoerder: 'kennisnet@proef',
        brins: [brin, brin],
        runs: [{ run: 'regulier-povo/bron', status: 'passed', berichten: [3, 4, 5] }],
        kwalificatie: { verdict: 'ONVOLLEDIG', onvolledig: { redenen: [{ code: 'selectie', tekst: 'Niet alle runs zijn gekozen.' }] } },
      };
      const eerste = await store.kwalificatieToevoegen(k);
      const tweede = await store.kwalificatieToevoegen({ ...k, verdict: 'NIET_GESLAAGD', runs: [] });
      const ander = await store.kwalificatieToevoegen({ ...k, leverancier: `${leverancier} (ander)` });
      expect(eerste.brins).toEqual([brin]);
      expect(Number.isNaN(Date.parse(eerste.ontvangenOp))).toBe(false);
      expect(await store.kwalificatie(eerste.id)).toEqual({ ...k, brins: [brin], id: eerste.id, ontvangenOp: eerste.ontvangenOp });
      expect((await store.kwalificaties({ leverancier })).map((x) => [x.id, x.verdict])).toEqual([
        [eerste.id, 'ONVOLLEDIG'],
        [tweede.id, 'NIET_GESLAAGD'],
      ]);
      expect((await store.kwalificaties({ limit: 1 })).map((x) => x.id)).toEqual([ander.id]);
      expect(await store.kwalificatie(ander.id + 1_000_000)).toBeUndefined();
      await expect(store.kwalificatieToevoegen({ ...k, verdict: 'BIJNA' as never })).rejects.toThrow();
    });

    test('tellingen count sessies and berichten', async () => {
      const voor = await store.tellingen();
      await store.sessies.open(sessieVelden(uniekeBrin(), uniekeBrin()));
      await store.berichtToevoegen(bericht([uniekeBrin()]));
      await store.berichtToevoegen(bericht([uniekeBrin()]));
      const na = await store.tellingen();
      expect(na).toEqual({ sessies: voor.sessies + 1, berichten: voor.berichten + 2 });
    });
  });
}

test('PGlite: no file of the data directory holds a school token in plain text', async () => {
  const db = await nieuweDatabase('pglite');
  try {
    const store = await SqlStore.open(await db.driver(), 'test');
    const { token } = await store.toegangUitgeven('12AB', 'Administratie');
    expect(await store.toegangVoorToken(token)).toBeDefined();
    await store.close();
    const hash = createHash('sha256').update(token).digest('hex');
    let hashGevonden = false;
    const bestanden = (dir: string): string[] =>
      readdirSync(dir).flatMap((naam) => (statSync(join(dir, naam)).isDirectory() ? bestanden(join(dir, naam)) : [join(dir, naam)]));
    for (const bestand of bestanden(db.plek.data!)) {
      const inhoud = readFileSync(bestand);
      expect(inhoud.includes(token), bestand).toBe(false);
      hashGevonden ||= inhoud.includes(hash);
    }
    // The search looked where the row is: its hash is there.
    expect(hashGevonden).toBe(true);
  } finally {
    await db.opruimen();
  }
});
