/**
 * The simulated Traffic Center's checks (oso-protocol.md, "Who checks what"), exercised the way a LAS meets them: SOAP
 * over HTTPS with a client certificate, each refusal pinned to its exact result code.
 */
import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import { OsoClient, type ResponseOf } from '../../simulator/las/oso-client.ts';
import type { AfmeldingRequest, MeldenNotificatieRequest, Messages, OverdrachtRequest, SessiecontroleRequest } from '../../simulator/protocol/messages.ts';
import type { TrafficCenterRequest } from '../../simulator/protocol/profile.ts';
import { decodeEnvelope, encodeMessage } from '../../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../../simulator/protocol/zoeksleutel.ts';
import { routeringsKenmerkVoor } from '../../simulator/register/routerings-kenmerk.ts';
import { TC_NAME } from '../../simulator/traffic-center/traffic-center.ts';
import type { World } from '../../simulator/world.ts';
import { test as worldTest } from '../world-per-worker.ts';

type Partij = 'testschool-po' | 'testschool-vo' | 'reference-las';

interface TrafficCenterFixture {
  /** Sends `name` to the TC over mutual TLS with the certificate of `als`. */
  vraag<N extends TrafficCenterRequest>(als: Partij, name: N, body: Messages[N]): Promise<ResponseOf<N>>;
  /** Opens a session as testschool VO (99BB) asking bron 98RA, and returns its id. */
  openSessie(): Promise<string>;
}

const test = worldTest.extend<{ tc: TrafficCenterFixture }>({
  tc: async ({ world }, use) => {
    const vraag: TrafficCenterFixture['vraag'] = (als, name, body) => clientVoor(world, als).call(world.tc.url, name, body);
    await use({
      vraag,
      async openSessie() {
        const antwoord = await vraag('testschool-vo', 'overdrachtRequest', overdracht());
        expect(antwoord.resultaat.code, 'overdrachtRequest opening the session').toBe('Ok');
        return antwoord.sessieId!;
      },
    });
  },
});

function clientVoor(world: World, partij: Partij): OsoClient {
  const issued = world.pki.parties.get(partij);
  if (!issued) throw new Error(`no certificate for ${partij} in the test PKI`);
  return new OsoClient({ name: partij, tls: { certPem: issued.certPem, keyPem: issued.keyPem, caPem: world.pki.caCertPem }, timeoutMs: 5_000 });
}

const doel = testscholen.vo;
const bron = referentieLasScholen.po;
// The TC never sees the pupil, only the zoeksleutel; any PGN and birth date will do.
const sleutel = zoeksleutelVoor('123456782', '2013-04-05');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function overdracht(overrides: Partial<OverdrachtRequest> = {}): OverdrachtRequest {
  return {
    doelBrin: doel.brin,
    doelRouteringsKenmerk: doel.routeringsKenmerk,
    bronBrin: bron.brin,
    overdrachtsoort: 'overstapdossier',
    zoeksleutel: sleutel.zoeksleutel,
    ...overrides,
  };
}

function sessiecontrole(sessieId: string, overrides: Partial<SessiecontroleRequest> = {}): SessiecontroleRequest {
  return {
    bronBrin: bron.brin,
    bronRouteringsKenmerk: bron.routeringsKenmerk,
    doelBrin: doel.brin,
    doelRouteringsKenmerk: doel.routeringsKenmerk,
    zoeksleutelPgnfrag: sleutel,
    overdrachtsoort: 'overstapdossier',
    sessieId,
    ...overrides,
  };
}

function afmelding(sessieId: string): AfmeldingRequest {
  return {
    sessieId,
    doelBrin: doel.brin,
    doelRouteringsKenmerk: doel.routeringsKenmerk,
    bronBrin: bron.brin,
    bronRouteringsKenmerk: bron.routeringsKenmerk,
    resultaatcode: 'DossierGeleverd',
  };
}

function meldenNotificatie(sessieId: string, overrides: Partial<MeldenNotificatieRequest> = {}): MeldenNotificatieRequest {
  return {
    bronBrin: bron.brin,
    bronRouteringsKenmerk: bron.routeringsKenmerk,
    doelBrin: doel.brin,
    doelRouteringsKenmerk: doel.routeringsKenmerk,
    sessieId,
    aanvraagdatum: '2026-03-16',
    doel: 'OV',
    ...overrides,
  };
}

/** Runs `body` with the world's clock moved `ms` forward, and puts it back afterwards. */
async function metKlokVooruit(world: World, ms: number, body: () => Promise<void>): Promise<void> {
  const offset = world.clock.now().getTime() - Date.now();
  world.clock.set(new Date(world.clock.now().getTime() + ms));
  try {
    await body();
  } finally {
    world.clock.set(new Date(Date.now() + offset));
  }
}

test.describe('overdrachtRequest', () => {
  test('opens a session and answers the bron school’s active aanleverpunten', async ({ tc, world }) => {
    const antwoord = await tc.vraag('testschool-vo', 'overdrachtRequest', overdracht());

    expect(antwoord.resultaat.code).toBe('Ok');
    expect(antwoord.sessieId).toMatch(UUID);
    const apUrl = world.register.aanleverpunt(bron.routeringsKenmerk)?.url;
    expect(apUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/oso\/ap\//);
    expect(antwoord.aanleverpunten).toEqual([{ routeringsKenmerk: bron.routeringsKenmerk, url: apUrl }]);
    expect(await world.tc.sessions.get(antwoord.sessieId!)).toMatchObject({ doelBrin: doel.brin, bronBrin: bron.brin, zoeksleutel: sleutel.zoeksleutel });
  });

  test('every session gets its own id', async ({ tc }) => {
    const ids = [await tc.openSessie(), await tc.openSessie()];
    expect(new Set(ids).size).toBe(2);
  });

  const weigeringen: { titel: string; als?: Partij; verzoek: OverdrachtRequest; code: string }[] = [
    { titel: 'an unknown bron BRIN', verzoek: overdracht({ bronBrin: '97ZZ' }), code: 'VerstrekkerNietBekend' },
    { titel: 'neither zoeksleutel nor koppelsleutel', verzoek: overdracht({ zoeksleutel: undefined }), code: 'OngeldigeSleutel' },
    { titel: 'both zoeksleutel and koppelsleutel', verzoek: overdracht({ koppelsleutel: randomUUID() }), code: 'OngeldigeSleutel' },
    { titel: 'an invalid overdrachtsoort', verzoek: overdracht({ overdrachtsoort: 'verhuizing' }), code: 'OngeldigeOverdrachtsoort' },
    {
      titel: 'a doelRouteringsKenmerk of another school’s AP',
      verzoek: overdracht({ doelRouteringsKenmerk: testscholen.po.routeringsKenmerk }),
      code: 'OnbekendAanleverpunt',
    },
    {
      titel: 'a doelRouteringsKenmerk nobody registered',
      verzoek: overdracht({ doelRouteringsKenmerk: routeringsKenmerkVoor(doel.brin, 99) }),
      code: 'OnbekendAanleverpunt',
    },
    {
      titel: 'a doel AP that the sending certificate does not own',
      als: 'testschool-po',
      verzoek: overdracht(),
      code: 'CertificaatHoortNietBijAanleverpunt',
    },
  ];
  for (const { titel, als, verzoek, code } of weigeringen) {
    test(`${titel}: ${code}, and no session`, async ({ tc, world }) => {
      const sessiesVooraf = (await world.tc.sessions.all()).length;
      const antwoord = await tc.vraag(als ?? 'testschool-vo', 'overdrachtRequest', verzoek);
      expect(antwoord.resultaat.code).toBe(code);
      expect(antwoord.sessieId).toBeUndefined();
      expect(antwoord.aanleverpunten).toBeUndefined();
      expect(await world.tc.sessions.all()).toHaveLength(sessiesVooraf);
    });
  }
});

test.describe('sessiecontroleRequest', () => {
  test('fields equal to the session, from the bron’s certificate: Ok with the doelschool’s sector', async ({ tc }) => {
    const sessieId = await tc.openSessie();
    const antwoord = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId));
    expect(antwoord.resultaat.code).toBe('Ok');
    expect(antwoord.doelschoolSector).toBe('VO');
  });

  test('an unknown sessieId: SessieOnbekend', async ({ tc }) => {
    const antwoord = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(randomUUID()));
    expect(antwoord.resultaat.code).toBe('SessieOnbekend');
    expect(antwoord.doelschoolSector).toBeUndefined();
  });

  const afwijkingen: { titel: string; afwijking: Partial<SessiecontroleRequest> }[] = [
    { titel: 'another doelBrin', afwijking: { doelBrin: testscholen.po.brin } },
    { titel: 'another zoeksleutel', afwijking: { zoeksleutelPgnfrag: zoeksleutelVoor('987654321', '2013-04-05') } },
    { titel: 'another overdrachtsoort', afwijking: { overdrachtsoort: 'overdrachtbinnenbrin' } },
  ];
  for (const { titel, afwijking } of afwijkingen) {
    test(`${titel} than the session: SessieAfwijkend`, async ({ tc }) => {
      const sessieId = await tc.openSessie();
      const antwoord = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId, afwijking));
      expect(antwoord.resultaat.code).toBe('SessieAfwijkend');
      expect(antwoord.doelschoolSector).toBeUndefined();
    });
  }

  test('the bron AP sent with another system’s certificate: CertificaatHoortNietBijAanleverpunt', async ({ tc }) => {
    const sessieId = await tc.openSessie();
    const antwoord = await tc.vraag('testschool-po', 'sessiecontroleRequest', sessiecontrole(sessieId));
    expect(antwoord.resultaat.code).toBe('CertificaatHoortNietBijAanleverpunt');
  });

  test('a bron AP owned by another certificate, claimed by the bron’s certificate: CertificaatHoortNietBijAanleverpunt', async ({ tc }) => {
    const sessieId = await tc.openSessie();
    const vreemdAp = { bronBrin: testscholen.po.brin, bronRouteringsKenmerk: testscholen.po.routeringsKenmerk };
    const antwoord = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId, vreemdAp));
    expect(antwoord.resultaat.code).toBe('CertificaatHoortNietBijAanleverpunt');
  });

  test('another doelRouteringsKenmerk than the session’s: OnbekendAanleverpunt', async ({ tc }) => {
    const sessieId = await tc.openSessie();
    const antwoord = await tc.vraag(
      'reference-las',
      'sessiecontroleRequest',
      sessiecontrole(sessieId, { doelRouteringsKenmerk: routeringsKenmerkVoor(doel.brin, 2) }),
    );
    expect(antwoord.resultaat.code).toBe('OnbekendAanleverpunt');
  });

  test('a session past its 30 minutes: SessieVerlopen', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    await metKlokVooruit(world, 29 * 60_000, async () => {
      const binnenTijd = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId));
      expect(binnenTijd.resultaat.code, 'after 29 minutes').toBe('Ok');
    });
    await metKlokVooruit(world, 31 * 60_000, async () => {
      const verlopen = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId));
      expect(verlopen.resultaat.code, 'after 31 minutes').toBe('SessieVerlopen');
    });
  });
});

test.describe('afmeldingRequest', () => {
  test('closes the session once: a second afmelding and a later sessiecontrole get SessieReedsAfgemeld', async ({ tc }) => {
    const sessieId = await tc.openSessie();

    const eerste = await tc.vraag('testschool-vo', 'afmeldingRequest', afmelding(sessieId));
    expect(eerste.resultaat.code).toBe('Ok');

    const tweede = await tc.vraag('testschool-vo', 'afmeldingRequest', afmelding(sessieId));
    expect(tweede.resultaat.code).toBe('SessieReedsAfgemeld');
    const controle = await tc.vraag('reference-las', 'sessiecontroleRequest', sessiecontrole(sessieId));
    expect(controle.resultaat.code).toBe('SessieReedsAfgemeld');
    expect(controle.doelschoolSector).toBeUndefined();
  });

  test('records the reported result on the session', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    await tc.vraag('testschool-vo', 'afmeldingRequest', { ...afmelding(sessieId), resultaatcode: 'DossierNietKlaargezet' });
    expect((await world.tc.sessions.get(sessieId))?.afmelding).toMatchObject({ resultaatcode: 'DossierNietKlaargezet', bronRouteringsKenmerk: bron.routeringsKenmerk });
  });
});

test.describe('meldenNotificatieRequest', () => {
  test('for the doel’s session, from the bron’s certificate: Ok with the doel AP’s current URL, recorded on the session', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    const antwoord = await tc.vraag('reference-las', 'meldenNotificatieRequest', meldenNotificatie(sessieId));
    expect(antwoord.resultaat.code).toBe('Ok');
    expect(antwoord.url).toBe(world.register.aanleverpunt(doel.routeringsKenmerk)?.url);
    expect(antwoord.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/oso\/ap\/0000000700099BB00001$/);
    expect((await world.tc.sessions.get(sessieId))?.notificaties).toEqual([expect.objectContaining({ bronRouteringsKenmerk: bron.routeringsKenmerk, resultaat: 'Ok' })]);
  });

  test('days after the request and after afmelding: still Ok (a notificatie follows a later klaarzetten)', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    await tc.vraag('testschool-vo', 'afmeldingRequest', { ...afmelding(sessieId), resultaatcode: 'DossierNietKlaargezet' });
    await metKlokVooruit(world, 3 * 24 * 60 * 60_000, async () => {
      const antwoord = await tc.vraag('reference-las', 'meldenNotificatieRequest', meldenNotificatie(sessieId));
      expect(antwoord.resultaat.code).toBe('Ok');
    });
  });

  const weigeringen: { titel: string; als?: Partij; verzoek: (sessieId: string) => MeldenNotificatieRequest; code: string }[] = [
    { titel: 'an unknown sessieId', verzoek: () => meldenNotificatie(randomUUID()), code: 'SessieOnbekend' },
    { titel: 'a doel other than OV', verzoek: (id) => meldenNotificatie(id, { doel: 'XX' }), code: 'OngeldigNotificatieDoel' },
    { titel: 'the bron AP sent with another system’s certificate', als: 'testschool-po', verzoek: (id) => meldenNotificatie(id), code: 'CertificaatHoortNietBijAanleverpunt' },
    {
      titel: 'a bron AP of another school than the session’s, owned by the sender',
      verzoek: (id) => meldenNotificatie(id, { bronBrin: referentieLasScholen.vo.brin, bronRouteringsKenmerk: referentieLasScholen.vo.routeringsKenmerk }),
      code: 'SessieAfwijkend',
    },
    {
      titel: 'another doel AP than the one that opened the session',
      verzoek: (id) => meldenNotificatie(id, { doelBrin: testscholen.po.brin, doelRouteringsKenmerk: testscholen.po.routeringsKenmerk }),
      code: 'OnbekendAanleverpunt',
    },
    { titel: 'another doelBrin than the session’s', verzoek: (id) => meldenNotificatie(id, { doelBrin: testscholen.po.brin }), code: 'SessieAfwijkend' },
  ];
  for (const { titel, als, verzoek, code } of weigeringen) {
    test(`${titel}: ${code}, and no URL`, async ({ tc }) => {
      const sessieId = await tc.openSessie();
      const antwoord = await tc.vraag(als ?? 'reference-las', 'meldenNotificatieRequest', verzoek(sessieId));
      expect(antwoord.resultaat.code).toBe(code);
      expect(antwoord.url).toBeUndefined();
    });
  }

  test('a refused melding is recorded on the session too', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    await tc.vraag('testschool-po', 'meldenNotificatieRequest', meldenNotificatie(sessieId));
    expect((await world.tc.sessions.get(sessieId))?.notificaties.map((n) => n.resultaat)).toEqual(['CertificaatHoortNietBijAanleverpunt']);
  });

  /** Runs `body` with the doel AP's register entry changed, and puts it back afterwards. */
  async function metDoelAp(world: World, wijziging: { url?: string; actief?: boolean }, body: () => Promise<void>): Promise<void> {
    const ap = world.register.aanleverpunt(doel.routeringsKenmerk)!;
    world.register.addAanleverpunt({ ...ap, ...wijziging });
    try {
      await body();
    } finally {
      world.register.addAanleverpunt(ap);
    }
  }

  test('the URL is the doel AP’s current one: a URL changed in the register after the request is the one answered', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    const nieuw = 'https://127.0.0.1:9/oso/ap/verhuisd';
    await metDoelAp(world, { url: nieuw }, async () => {
      const antwoord = await tc.vraag('reference-las', 'meldenNotificatieRequest', meldenNotificatie(sessieId));
      expect(antwoord.url).toBe(nieuw);
    });
  });

  test('a doel AP that is no longer active: AanleverpuntNietActief', async ({ tc, world }) => {
    const sessieId = await tc.openSessie();
    await metDoelAp(world, { actief: false }, async () => {
      const antwoord = await tc.vraag('reference-las', 'meldenNotificatieRequest', meldenNotificatie(sessieId));
      expect(antwoord.resultaat.code).toBe('AanleverpuntNietActief');
      expect(antwoord.url).toBeUndefined();
    });
  });
});

test('pingRequest: Ok, the TC’s time and release OSO’21', async ({ tc, world }) => {
  const antwoord = await tc.vraag('testschool-po', 'pingRequest', {});
  expect(antwoord.resultaat.code).toBe('Ok');
  expect(antwoord.release).toBe("OSO'21");
  expect(Math.abs(Date.parse(antwoord.tijd) - world.clock.now().getTime())).toBeLessThan(5_000);
});

test('the TC’s audit log holds each request and response, the peer OIN and the sessieId', async ({ tc, world }) => {
  const vanaf = world.log.lastSeq;
  const verzoek = overdracht();
  const geopend = await tc.vraag('testschool-vo', 'overdrachtRequest', verzoek);
  const controle = sessiecontrole(geopend.sessieId!);
  await tc.vraag('reference-las', 'sessiecontroleRequest', controle);
  await tc.vraag('testschool-vo', 'overdrachtRequest', overdracht({ bronBrin: '97ZZ' }));

  const tcLog = world.log.since(vanaf).filter((e) => e.recordedBy === TC_NAME);
  expect(tcLog.map((e) => [e.operation, e.uitkomst])).toEqual([
    ['overdrachtRequest', 'Ok'],
    ['sessiecontroleRequest', 'Ok'],
    ['overdrachtRequest', 'VerstrekkerNietBekend'],
  ]);
  const [overdrachtEntry, controleEntry, weigeringEntry] = tcLog;

  expect(overdrachtEntry).toMatchObject({
    request: encodeMessage('overdrachtRequest', verzoek),
    httpStatus: 200,
    peerOin: world.pki.parties.get('testschool-vo')?.oin,
    van: 'Testschool VO (99BB)',
    naar: TC_NAME,
    url: world.tc.url,
    sessieId: geopend.sessieId,
  });
  const overdrachtAntwoord = decodeEnvelope(overdrachtEntry!.response!);
  expect(overdrachtAntwoord).toMatchObject({ kind: 'message', name: 'overdrachtResponse', body: { sessieId: geopend.sessieId } });

  expect(controleEntry).toMatchObject({
    request: encodeMessage('sessiecontroleRequest', controle),
    peerOin: world.pki.parties.get('reference-las')?.oin,
    sessieId: geopend.sessieId,
  });
  expect(decodeEnvelope(controleEntry!.response!)).toMatchObject({ name: 'sessiecontroleResponse', body: { doelschoolSector: 'VO' } });

  // A refusal by result code is an answer like any other: logged with its code, and without a session.
  expect(weigeringEntry?.sessieId).toBeUndefined();
  expect(decodeEnvelope(weigeringEntry!.response!)).toMatchObject({ name: 'overdrachtResponse', body: { resultaat: { code: 'VerstrekkerNietBekend' } } });
});
