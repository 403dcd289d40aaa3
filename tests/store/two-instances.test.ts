/**
 * Two `serve` instances on one PostgreSQL database behave as one service: what one records the other reads, and a
 * session closed on one cannot be closed again on the other, and an aanleverpunt two vendors register at once has one
 * owner, even when both try at the same moment.
 */
import { expect, test } from '@playwright/test';
import { SqlStore } from '../../store/sql-store.ts';
import { nieuweDatabase, POSTGRES_TITEL, vereisEngine } from './store-engines.ts';

test(`${POSTGRES_TITEL}: of two instances closing one session at once, exactly one succeeds`, async () => {
  vereisEngine('postgres');
  const db = await nieuweDatabase('postgres');
  try {
    const [a, b] = [await SqlStore.open(await db.driver(), 'serve-a'), await SqlStore.open(await db.driver(), 'serve-b')];
    try {
      for (let ronde = 0; ronde < 10; ronde++) {
        const sessie = await a.sessies.open({
          doelBrin: '13CC',
          doelRouteringsKenmerk: 'rk-doel',
          bronBrin: '14DD',
          overdrachtsoort: 'overstapdossier',
          doelOin: '00000001234567890000',
          geopendOp: new Date(),
        });
        const afmelding = (code: string) => ({ op: new Date(), resultaatcode: code, bronRouteringsKenmerk: 'rk-bron' });
        const uitkomsten = await Promise.all([a.sessies.afmelden(sessie.sessieId, afmelding('A')), b.sessies.afmelden(sessie.sessieId, afmelding('B'))]);
        expect(uitkomsten.filter(Boolean), `ronde ${ronde}`).toHaveLength(1);
        const gezien = await b.sessies.get(sessie.sessieId);
        expect(gezien!.sessieId).toBe(sessie.sessieId);
        expect(gezien!.afmelding!.resultaatcode).toBe(uitkomsten[0] ? 'A' : 'B');
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    await db.opruimen();
  }
});

test(`${POSTGRES_TITEL}: berichten recorded by two instances share one order, and each carries its instance`, async () => {
  vereisEngine('postgres');
  const db = await nieuweDatabase('postgres');
  try {
    const [a, b] = [await SqlStore.open(await db.driver(), 'serve-a'), await SqlStore.open(await db.driver(), 'serve-b')];
    try {
      const nieuw = (instantie: string, i: number) => ({
        recordedBy: 'TC',
        operation: 'sessiecontroleRequest',
        van: '15EE',
        naar: 'TC',
        url: 'https://tc.example.test/oso',
        request: `<verzoek nr="${i}"/>`,
        uitkomst: 'OK',
        startedAt: new Date().toISOString(),
        durationMs: 1,
        brins: ['15EE'],
        instantie,
      });
      const opgeslagen = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).berichtToevoegen(nieuw(i % 2 ? 'serve-a' : 'serve-b', i))));
      const gelezen = await a.berichten({ brin: '15EE' });
      expect(gelezen.map((x) => x.id)).toEqual(opgeslagen.map((x) => x.id).sort((x, y) => x - y));
      expect(new Set(gelezen.map((x) => x.id)).size).toBe(20);
      expect(gelezen.filter((x) => x.instantie === 'serve-b')).toHaveLength(10);
      expect(await b.bericht(opgeslagen[3]!.id)).toEqual(opgeslagen[3]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    await db.opruimen();
  }
});

test(`${POSTGRES_TITEL}: two vendors registering one new routeringsKenmerk on two instances at once: exactly one owns it`, async () => {
  vereisEngine('postgres');
  const db = await nieuweDatabase('postgres');
  try {
    const [a, b] = [await SqlStore.open(await db.driver(), 'serve-a'), await SqlStore.open(await db.driver(), 'serve-b')];
    try {
      for (let ronde = 0; ronde < 10; ronde++) {
        const rk = `00000000000000RACE${String(ronde).padStart(2, '0')}`;
        const ap = (eigenaarOin: string) => ({
          routeringsKenmerk: rk,
          brin: '16FF',
          url: `https://las-${eigenaarOin}.example.test/oso`,
          actief: true,
          eigenaarOin,
          leverancier: `LAS ${eigenaarOin}`,
          geregistreerdOp: new Date().toISOString(),
          opgeschort: false,
        });
        const oins = ['00000001000000010000', '00000002000000020000'];
        const uitkomsten = await Promise.all([a.aanleverpuntRegistreren(ap(oins[0]!), 'OIN a'), b.aanleverpuntRegistreren(ap(oins[1]!), 'OIN b')]);
        expect([...uitkomsten].sort(), `ronde ${ronde}`).toEqual(['geregistreerd', 'van-een-ander']);
        const eigenaar = oins[uitkomsten.indexOf('geregistreerd')];
        expect((await b.aanleverpunt(rk))?.eigenaarOin).toBe(eigenaar);
        expect((await a.aanleverpunt(rk))?.url).toBe(`https://las-${eigenaar}.example.test/oso`);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    await db.opruimen();
  }
});
