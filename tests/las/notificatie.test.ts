/**
 * Notificatie end to end in the simulated world: a bron notifies exactly the systems that asked for a dossier before,
 * only when its user chooses to, through the TC (meldenNotificatie) and then the doel AP (notificatieRequest); a doel
 * records what it received. Both directions: the reference LAS as bron (driven through its test-control API) notifying
 * testschool VO, and testschool PO as bron notifying the reference LAS's VO school.
 */
import { expect, test } from '@playwright/test';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import type { KlaarzettenAntwoord, KlaarzettenVerzoek, NotificatiesAntwoord, OpvragenAntwoord } from '../../simulator/control-api.ts';
import { controlPaths } from '../../simulator/control-api.ts';
import type { ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { TC_NAME } from '../../simulator/traffic-center/traffic-center.ts';
import { startWorld, type World } from '../../simulator/world.ts';

const leerling = fixtureLeerling('povo-regulier');
const andereLeerling = fixtureLeerling('povo-bjorn');
const sutPo = referentieLasScholen.po;
const sutVo = referentieLasScholen.vo;

async function control<T>(world: World, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${world.sut.controlUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

const klaarzettenBijSut = (world: World, verzoek: KlaarzettenVerzoek) => control<KlaarzettenAntwoord>(world, controlPaths.klaarzetten, verzoek);

/** Testschool VO asks the reference LAS's PO school for the pupil (not klaargezet yet); answers the session. */
async function voVraagtBijSut(world: World, l = leerling): Promise<string> {
  const uitkomst = await world.testscholen.vo.opvragen({ brin: testscholen.vo.brin, bronBrin: sutPo.brin, pgn: l.pgn.waarde, geboortedatum: l.geboortedatum });
  expect(uitkomst.resultaat).toBe('DossierNietKlaargezet');
  return uitkomst.sessieId!;
}

const tcMeldingen = (world: World) => world.log.all().filter((e) => e.recordedBy === TC_NAME && e.operation === 'meldenNotificatieRequest');

async function metWorld(faults: ReferenceLasFault[], body: (world: World) => Promise<void>): Promise<void> {
  const world = await startWorld({ faults });
  try {
    await body(world);
  } finally {
    await world.stop();
  }
}

test.describe('the reference LAS as bron', () => {
  test('notifies exactly the system that asked for the dossier, through the TC, when its user chooses to', async () => {
    await metWorld([], async (world) => {
      const sessieId = await voVraagtBijSut(world);
      // A third system asks for another pupil: it never asked for this dossier.
      const anders = await world.testscholen.po.opvragen({ brin: testscholen.po.brin, bronBrin: sutPo.brin, pgn: andereLeerling.pgn.waarde, geboortedatum: andereLeerling.geboortedatum });
      expect(anders.resultaat).toBe('DossierNietKlaargezet');

      const antwoord = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });

      expect(antwoord).toMatchObject({ klaargezet: true, notificaties: [{ doelBrin: testscholen.vo.brin, doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk, sessieId, resultaat: 'NotificatieOntvangen' }] });
      const ontvangen = world.testscholen.vo.notificaties();
      expect(ontvangen).toHaveLength(1);
      expect(ontvangen[0]).toMatchObject({ bronBrin: sutPo.brin, bronRouteringsKenmerk: sutPo.routeringsKenmerk, doelBrin: testscholen.vo.brin, koppelsleutel: sessieId, pgn: leerling.pgn.waarde });
      expect(Date.parse(ontvangen[0]!.ontvangenOp)).not.toBeNaN();
      expect(world.testscholen.po.notificaties()).toEqual([]);

      const meldingen = tcMeldingen(world);
      expect(meldingen.map((m) => [m.sessieId, m.peerOin, m.uitkomst])).toEqual([[sessieId, world.sut.oin, 'Ok']]);
      expect((await world.tc.sessions.get(sessieId))?.notificaties.map((n) => n.resultaat)).toEqual(['Ok']);
      const notificatieRequests = world.log.all().filter((e) => e.operation === 'notificatieRequest');
      expect(notificatieRequests.map((e) => [e.recordedBy, e.peerOin, e.uitkomst])).toEqual([['Testschool VO (99BB)', world.sut.oin, 'NotificatieOntvangen']]);
      // meldenNotificatie came before the notificatie it announces.
      expect(meldingen[0]!.seq).toBeLessThan(notificatieRequests[0]!.seq);

      // The dossier the notificatie announced is there to fetch.
      const opnieuw = await world.testscholen.vo.opvragen({ brin: testscholen.vo.brin, bronBrin: sutPo.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
      expect(opnieuw.resultaat).toBe('DossierGeleverd');
    });
  });

  test('notifies nobody without the user’s choice, nor for another school, and a request only once', async () => {
    await metWorld([], async (world) => {
      await voVraagtBijSut(world);

      const zonder = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin });
      expect(zonder.notificaties).toBeUndefined();
      const andereSchool = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.po.brin, notificeren: true });
      expect(andereSchool.notificaties).toEqual([]);
      expect(world.testscholen.vo.notificaties()).toEqual([]);
      expect(world.testscholen.po.notificaties()).toEqual([]);
      expect(tcMeldingen(world)).toEqual([]);

      await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });
      const nogEens = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });
      expect(nogEens.notificaties).toEqual([]);
      expect(world.testscholen.vo.notificaties()).toHaveLength(1);
    });
  });

  test('a doel that has had the dossier since its request is not notified for that request', async () => {
    await metWorld([], async (world) => {
      await voVraagtBijSut(world);
      await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin });
      const geleverd = await world.testscholen.vo.opvragen({ brin: testscholen.vo.brin, bronBrin: sutPo.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
      expect(geleverd.resultaat).toBe('DossierGeleverd');

      const later = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });
      expect(later.notificaties).toEqual([]);
      expect(world.testscholen.vo.notificaties()).toEqual([]);
    });
  });

  test('a notificatie that fails does not undo klaarzetten: the outcome and the user’s error say why', async () => {
    await metWorld([], async (world) => {
      const sessieId = await voVraagtBijSut(world);
      const ap = world.register.aanleverpunt(testscholen.vo.routeringsKenmerk)!;
      world.register.addAanleverpunt({ ...ap, actief: false });

      const antwoord = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });

      expect(antwoord).toMatchObject({ klaargezet: true, notificaties: [{ sessieId, resultaat: 'AanleverpuntNietActief' }] });
      expect(world.testscholen.vo.notificaties()).toEqual([]);
      const fout = await control<{ melding?: string }>(world, controlPaths.laatsteFout);
      expect(fout.melding).toContain('notificatie mislukt');
      expect(fout.melding).toContain('AanleverpuntNietActief');
      // Still waiting: once the AP is back, the next klaarzetten with notificeren reaches it.
      world.register.addAanleverpunt(ap);
      const later = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });
      expect(later.notificaties?.map((n) => n.resultaat)).toEqual(['NotificatieOntvangen']);
    });
  });

  test('fault no-notificatie: the user chose to notify, but nothing reaches the TC or the doel', async () => {
    await metWorld(['no-notificatie'], async (world) => {
      await voVraagtBijSut(world);
      const antwoord = await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });
      expect(antwoord.klaargezet).toBe(true);
      expect(tcMeldingen(world)).toEqual([]);
      expect(world.testscholen.vo.notificaties()).toEqual([]);
    });
  });

  test('fault notify-everyone: a system that never asked for this dossier is notified too', async () => {
    await metWorld(['notify-everyone'], async (world) => {
      const sessieId = await voVraagtBijSut(world);
      const anders = await world.testscholen.po.opvragen({ brin: testscholen.po.brin, bronBrin: sutPo.brin, pgn: andereLeerling.pgn.waarde, geboortedatum: andereLeerling.geboortedatum });
      await klaarzettenBijSut(world, { brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: true });

      expect(world.testscholen.vo.notificaties().map((n) => n.koppelsleutel)).toEqual([sessieId]);
      expect(world.testscholen.po.notificaties().map((n) => n.koppelsleutel)).toEqual([anders.sessieId]);
      expect(tcMeldingen(world).map((m) => m.sessieId).sort()).toEqual([sessieId, anders.sessieId].sort());
    });
  });
});

test.describe('the reference LAS as doel', () => {
  test('answers NotificatieOntvangen and reports the notificatie, tied to its own request, through GET /notificaties', async () => {
    await metWorld([], async (world) => {
      const opvragen = await control<OpvragenAntwoord>(world, controlPaths.opvragen, {
        brin: sutVo.brin,
        bronBrin: testscholen.po.brin,
        pgn: leerling.pgn.waarde,
        geboortedatum: leerling.geboortedatum,
      });
      expect(opvragen.resultaat).toBe('DossierNietKlaargezet');
      expect(await control<NotificatiesAntwoord>(world, controlPaths.notificaties)).toEqual({ notificaties: [] });

      const uitkomsten = await world.testscholen.po.klaarzetten({ brin: testscholen.po.brin, pgn: leerling.pgn.waarde, doelBrin: sutVo.brin }, { notificeren: true }).notificatie;

      expect(uitkomsten).toEqual([{ doelBrin: sutVo.brin, doelRouteringsKenmerk: sutVo.routeringsKenmerk, sessieId: opvragen.sessieId, resultaat: 'NotificatieOntvangen' }]);
      const { notificaties } = await control<NotificatiesAntwoord>(world, controlPaths.notificaties);
      expect(notificaties).toEqual([
        {
          bronBrin: testscholen.po.brin,
          bronRouteringsKenmerk: testscholen.po.routeringsKenmerk,
          doelBrin: sutVo.brin,
          doelRouteringsKenmerk: sutVo.routeringsKenmerk,
          koppelsleutel: opvragen.sessieId,
          pgn: leerling.pgn.waarde,
          ontvangenOp: expect.any(String),
        },
      ]);
      const poOin = world.pki.parties.get('testschool-po')!.oin;
      expect(tcMeldingen(world).map((m) => [m.sessieId, m.peerOin, m.uitkomst])).toEqual([[opvragen.sessieId, poOin, 'Ok']]);
      // The testschool's call to the SUT is in the world log with the SUT's answer.
      expect(world.log.all().filter((e) => e.operation === 'notificatieRequest').map((e) => [e.recordedBy, e.uitkomst])).toEqual([['Testschool PO (99AA)', 'NotificatieOntvangen']]);
    });
  });
});

test('POST /klaarzetten refuses a notificeren that is not a boolean, with a Dutch message', async () => {
  await metWorld([], async (world) => {
    const response = await fetch(`${world.sut.controlUrl}${controlPaths.klaarzetten}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brin: sutPo.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin, notificeren: 'ja' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fout: string }).fout).toMatch(/veld 'notificeren' moet true of false \(boolean\) zijn, ontvangen "ja"/);
  });
});
