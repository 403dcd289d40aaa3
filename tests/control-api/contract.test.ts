/**
 * The test-control contract (docs/control-api.openapi.json) and the types of simulator/control-api.ts describe the same
 * shapes; the reference LAS's real answers fit the contract; the reference LAS refuses requests that do not, naming the
 * field; the http adapter refuses answers that do not, naming the path, the field and what was expected.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureLeerling } from '../../fixtures/leerlingen.ts';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import {
  controlPaths,
  type ControlFout,
  type ControlStatus,
  type DossiersAntwoord,
  type KlaarzettenAntwoord,
  type KlaarzettenVerzoek,
  type LaatsteFoutAntwoord,
  type NotificatiesAntwoord,
  type NotificatieUitkomst,
  type OntvangenNotificatie,
  type OntvangenDossier,
  type OpvragenAntwoord,
  type OpvragenVerzoek,
  type KlokAntwoord,
  type KlokVerzoek,
  type ReleaseAntwoord,
  type ReleaseVerzoek,
  type ResetAntwoord,
  type ResetVerzoek,
} from '../../simulator/control-api.ts';
import { antwoordAfwijkingen, antwoordSchema, CONTRACT_FILE, schemaAfwijkingen, verzoekSchema, type ControlPath } from '../../simulator/control-api-contract.ts';
import { startWorld } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { AdapterFout } from '../../suites/adapters/sut-adapter.ts';

const contract = JSON.parse(readFileSync(new URL(`../../${CONTRACT_FILE}`, import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

/**
 * Per type: one value with every field the type knows (Required<T> makes the compiler insist on all of them), and one
 * with only the fields the type requires. Together with the test below they tie the type's fields, and which of them
 * are required, to the schema of the same name.
 */
interface Paar<T> {
  volledig: Required<T>;
  minimaal: T;
}
const dossier: Paar<OntvangenDossier> = {
  volledig: {
    sessieId: 's-1',
    bronBrin: '99AA',
    doelBrin: '98RB',
    pgn: '123456782',
    status: 'opgeslagen',
    reden: 'geen',
    ontvangenOp: '2026-03-16T09:30:00.000Z',
    bijlagen: [{ bestandsnaam: 'verslag.pdf', sha256: 'a'.repeat(64) }],
  },
  minimaal: { bronBrin: '99AA', doelBrin: '98RB', pgn: '123456782', status: 'geweigerd', ontvangenOp: '2026-03-16T09:30:00.000Z' },
};
const notificatie: Paar<OntvangenNotificatie> = {
  volledig: {
    bronBrin: '99AA',
    bronRouteringsKenmerk: testscholen.po.routeringsKenmerk,
    doelBrin: '98RB',
    doelRouteringsKenmerk: referentieLasScholen.vo.routeringsKenmerk,
    koppelsleutel: 's-1',
    pgn: '123456782',
    ontvangenOp: '2026-03-16T09:30:00.000Z',
  },
  minimaal: {
    bronBrin: '99AA',
    bronRouteringsKenmerk: testscholen.po.routeringsKenmerk,
    doelBrin: '98RB',
    doelRouteringsKenmerk: referentieLasScholen.vo.routeringsKenmerk,
    koppelsleutel: 's-1',
    ontvangenOp: '2026-03-16T09:30:00.000Z',
  },
};
const paren: Record<string, Paar<object>> = {
  KlaarzettenVerzoek: {
    volledig: { brin: '98RA', pgn: '123456782', doelBrin: '99BB', notificeren: true },
    minimaal: { brin: '98RA', pgn: '123456782', doelBrin: '99BB' },
  } satisfies Paar<KlaarzettenVerzoek>,
  KlaarzettenAntwoord: {
    volledig: {
      klaargezet: true,
      versie: '2019.1',
      notificaties: [{ doelBrin: '99BB', doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk, sessieId: 's-1', resultaat: 'NotificatieOntvangen', fout: 'geen' }],
    },
    minimaal: { klaargezet: true, versie: '2019.1' },
  } satisfies Paar<KlaarzettenAntwoord>,
  NotificatieUitkomst: {
    volledig: { doelBrin: '99BB', doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk, sessieId: 's-1', resultaat: 'NotificatieOntvangen', fout: 'geen' },
    minimaal: { doelBrin: '99BB', doelRouteringsKenmerk: testscholen.vo.routeringsKenmerk, sessieId: 's-1', resultaat: 'NotificatieOntvangen' },
  } satisfies Paar<NotificatieUitkomst>,
  OntvangenNotificatie: notificatie,
  NotificatiesAntwoord: { volledig: { notificaties: [notificatie.volledig] }, minimaal: { notificaties: [] } } satisfies Paar<NotificatiesAntwoord>,
  OpvragenVerzoek: {
    volledig: { brin: '98RB', bronBrin: '99AA', pgn: '123456782', geboortedatum: '2013-04-05' },
    minimaal: { brin: '98RB', bronBrin: '99AA', pgn: '123456782', geboortedatum: '2013-04-05' },
  } satisfies Paar<OpvragenVerzoek>,
  OpvragenAntwoord: {
    volledig: { resultaat: 'DossierGeleverd', sessieId: 's-1', afgemeld: true, fout: 'geen' },
    minimaal: { resultaat: 'DossierGeleverd', afgemeld: false },
  } satisfies Paar<OpvragenAntwoord>,
  OntvangenDossier: dossier,
  DossiersAntwoord: { volledig: { ontvangen: [dossier.volledig] }, minimaal: { ontvangen: [] } } satisfies Paar<DossiersAntwoord>,
  LaatsteFoutAntwoord: { volledig: { melding: 'Opvragen mislukt', op: '2026-03-16T09:30:00.000Z' }, minimaal: {} } satisfies Paar<LaatsteFoutAntwoord>,
  ReleaseVerzoek: { volledig: { gegevensset: '2019.1' }, minimaal: { gegevensset: '2019.1' } } satisfies Paar<ReleaseVerzoek>,
  ReleaseAntwoord: { volledig: { gegevensset: '2019.1' }, minimaal: { gegevensset: '2019.1' } } satisfies Paar<ReleaseAntwoord>,
  ResetVerzoek: { volledig: {}, minimaal: {} } satisfies Paar<ResetVerzoek>,
  ResetAntwoord: { volledig: { gereset: true }, minimaal: { gereset: true } } satisfies Paar<ResetAntwoord>,
  KlokVerzoek: { volledig: { datum: '2026-03-01' }, minimaal: { datum: '2026-03-01' } } satisfies Paar<KlokVerzoek>,
  KlokAntwoord: { volledig: { datum: '2026-03-01' }, minimaal: { datum: '2026-03-01' } } satisfies Paar<KlokAntwoord>,
  ControlFout: { volledig: { fout: 'Onbekende leerling.' }, minimaal: { fout: 'Onbekende leerling.' } } satisfies Paar<ControlFout>,
  ControlStatus: {
    volledig: {
      naam: 'LAS',
      versie: '1',
      scholen: [{ brin: '98RA', naam: 'School', sector: 'PO', routeringsKenmerk: referentieLasScholen.po.routeringsKenmerk, apUrl: 'https://127.0.0.1:1/oso' }],
      datum: '2026-03-16',
    },
    minimaal: { naam: 'LAS', versie: '1', scholen: [] },
  } satisfies Paar<ControlStatus>,
};

test.describe('the contract and the TypeScript types describe the same fields', () => {
  test('every schema of the contract has its pair of typed values here', () => {
    const schemas = Object.entries(contract.components.schemas).filter(([, s]) => s.properties);
    expect(Object.keys(paren).sort()).toEqual(schemas.map(([naam]) => naam).sort());
  });

  for (const [naam, paar] of Object.entries(paren)) {
    test(naam, () => {
      const schema = contract.components.schemas[naam]!;
      // The type's fields are exactly the schema's properties …
      expect(Object.keys(paar.volledig).sort()).toEqual(Object.keys(schema.properties ?? {}).sort());
      // … those the type requires are exactly those the schema requires …
      expect(Object.keys(paar.minimaal).sort()).toEqual([...(schema.required ?? [])].sort());
      // … and typed values fit the schema.
      expect(schemaAfwijkingen(naam, paar.volledig)).toEqual([]);
      expect(schemaAfwijkingen(naam, paar.minimaal)).toEqual([]);
    });
  }

  test('the paths use the schemas of their types', () => {
    const requests = Object.values(controlPaths).map((p) => [p, verzoekSchema(p) ?? '-', antwoordSchema(p, 200), antwoordSchema(p, 422)]);
    expect(requests).toEqual([
      [controlPaths.status, '-', 'ControlStatus', 'ControlFout'],
      [controlPaths.klaarzetten, 'KlaarzettenVerzoek', 'KlaarzettenAntwoord', 'ControlFout'],
      [controlPaths.opvragen, 'OpvragenVerzoek', 'OpvragenAntwoord', 'ControlFout'],
      [controlPaths.dossiers, '-', 'DossiersAntwoord', 'ControlFout'],
      [controlPaths.laatsteFout, '-', 'LaatsteFoutAntwoord', 'ControlFout'],
      [controlPaths.release, 'ReleaseVerzoek', 'ReleaseAntwoord', 'ControlFout'],
      [controlPaths.notificaties, '-', 'NotificatiesAntwoord', 'ControlFout'],
      [controlPaths.reset, 'ResetVerzoek', 'ResetAntwoord', 'ControlFout'],
      [controlPaths.klok, 'KlokVerzoek', 'KlokAntwoord', 'ControlFout'],
    ]);
  });
});

test.describe('the reference LAS', () => {
  test('answers every call within the contract, refusals included', async () => {
    const world = await startWorld();
    try {
      const base = world.sut.controlUrl;
      const answers: { path: ControlPath; status: number; body: unknown }[] = [];
      const call = async (path: ControlPath, body?: unknown) => {
        const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const answer = { path, status: res.status, body: (await res.json()) as unknown };
        answers.push(answer);
        return answer;
      };
      const leerling = fixtureLeerling('povo-regulier');
      await call(controlPaths.status);
      await call(controlPaths.laatsteFout);
      // The reference LAS as bron klaarzet; a testschool as doel fetches it. Then the reference LAS as doel.
      await call(controlPaths.klaarzetten, { brin: referentieLasScholen.po.brin, pgn: leerling.pgn.waarde, doelBrin: testscholen.vo.brin });
      world.testscholen.po.klaarzetten({ brin: testscholen.po.brin, pgn: leerling.pgn.waarde, doelBrin: referentieLasScholen.vo.brin });
      const opgevraagd = await call(controlPaths.opvragen, { brin: referentieLasScholen.vo.brin, bronBrin: testscholen.po.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
      expect(opgevraagd.body).toMatchObject({ resultaat: 'DossierGeleverd' });
      // Nothing klaargezet at this bron: a failed opvragen, so the LAS has a last error to show.
      await call(controlPaths.opvragen, { brin: referentieLasScholen.vo.brin, bronBrin: testscholen.vo.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
      const fout = await call(controlPaths.laatsteFout);
      expect(fout.body).toHaveProperty('melding');
      const dossiers = await call(controlPaths.dossiers);
      expect((dossiers.body as DossiersAntwoord).ontvangen).toMatchObject([{ status: 'opgeslagen', bijlagen: expect.any(Array) }]);
      await call(controlPaths.release, { gegevensset: '2019.1' });
      expect((await call(controlPaths.klok, { datum: '2026-03-01' })).body).toEqual({ datum: '2026-03-01' });
      expect((await call(controlPaths.status)).body).toMatchObject({ datum: '2026-03-01' });
      // After a reset the LAS holds nothing of the exchanges above: no dossier, no last error.
      expect((await call(controlPaths.reset, {})).body).toEqual({ gereset: true });
      expect((await call(controlPaths.dossiers)).body).toEqual({ ontvangen: [] });
      expect((await call(controlPaths.laatsteFout)).body).toEqual({});
      // Refusals: a pupil the LAS does not know, a release it does not support.
      expect((await call(controlPaths.klaarzetten, { brin: referentieLasScholen.po.brin, pgn: '000000000', doelBrin: testscholen.vo.brin })).status).toBe(422);
      expect((await call(controlPaths.release, { gegevensset: '1999.9' })).status).toBe(422);
      expect((await call(controlPaths.klok, { datum: '2026-02-30' })).status).toBe(422);

      for (const { path, status, body } of answers) expect(antwoordAfwijkingen(path, status, body), `${path} HTTP ${status}: ${JSON.stringify(body)}`).toEqual([]);
    } finally {
      await world.stop();
    }
  });

  test('refuses a request that does not fit the contract with 400, naming the field', async () => {
    const world = await startWorld();
    try {
      const post = async (path: string, body: string, contentType = 'application/json') => {
        const res = await fetch(`${world.sut.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
        return { status: res.status, body: (await res.json()) as ControlFout };
      };
      const onvolledig = await post(controlPaths.klaarzetten, JSON.stringify({ brin: '98RA', pgn: '12' }));
      expect(onvolledig.status).toBe(400);
      expect(onvolledig.body.fout).toContain(`past niet in het contract (${CONTRACT_FILE}, KlaarzettenVerzoek)`);
      expect(onvolledig.body.fout).toContain("veld 'doelBrin' ontbreekt");
      expect(onvolledig.body.fout).toContain("veld 'pgn' moet negen cijfers (BSN of onderwijsnummer) zijn, ontvangen \"12\"");

      const datum = await post(controlPaths.opvragen, JSON.stringify({ brin: '98RB', bronBrin: '99AA', pgn: '123456782', geboortedatum: '5-4-2013' }));
      expect(datum.status).toBe(400);
      expect(datum.body.fout).toContain("veld 'geboortedatum' moet een datum als JJJJ-MM-DD zijn");

      const extra = await post(controlPaths.release, JSON.stringify({ gegevensset: '2019.1', per: 'morgen' }));
      expect([extra.status, extra.body.fout]).toEqual([400, expect.stringContaining("onbekend veld 'per'")]);

      const soort = await post(controlPaths.release, JSON.stringify(['2019.1']));
      expect([soort.status, soort.body.fout]).toEqual([400, expect.stringContaining('het bericht moet een object zijn')]);

      const geenJson = await post(controlPaths.release, '{gegevensset: 2019.1}');
      expect([geenJson.status, geenJson.body.fout]).toEqual([400, 'Verzoek POST /release: de body is geen geldige JSON.']);

      const tekst = await post(controlPaths.release, 'gegevensset=2019.1', 'text/plain');
      expect([tekst.status, tekst.body.fout]).toEqual([400, expect.stringContaining('het bericht moet een object zijn, ontvangen "gegevensset=2019.1"')]);

      const xml = await post(controlPaths.release, '<gegevensset>2019.1</gegevensset>', 'application/xml');
      expect([xml.status, xml.body.fout]).toEqual([415, 'Verzoek POST /release: content-type wordt niet ondersteund; stuur application/json.']);

      const onbekend = await fetch(`${world.sut.controlUrl}/dossiers-wissen`, { method: 'POST' });
      expect(onbekend.status).toBe(404);
      expect(((await onbekend.json()) as ControlFout).fout).toContain('Onbekend adres POST /dossiers-wissen');
    } finally {
      await world.stop();
    }
  });
});

/** A test-control API that gives one fixed answer to everything. */
async function vastAntwoord(status: number, body: string, contentType = 'application/json') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': contentType }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function adapterFout(server: { url: string }, call: (sut: ReturnType<typeof httpAdapter>) => Promise<unknown>): Promise<string> {
  const error = await call(httpAdapter({ controlUrl: server.url, timeoutMs: 5_000 })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterFout);
  return (error as AdapterFout).message;
}

const opvragen = (sut: ReturnType<typeof httpAdapter>) => sut.opvragen({ brin: '98RB', bronBrin: '99AA', pgn: '123456782', geboortedatum: '2013-04-05' });

test.describe('the http adapter refuses an answer that breaks the contract, naming path, field and expectation', () => {
  const gevallen: { titel: string; status?: number; body: string; contentType?: string; call: (sut: ReturnType<typeof httpAdapter>) => Promise<unknown>; path: string; melding: string }[] = [
    {
      titel: 'a field of the wrong type',
      body: JSON.stringify({ resultaat: 'DossierGeleverd', afgemeld: 'ja' }),
      call: opvragen,
      path: controlPaths.opvragen,
      melding: `antwoord (HTTP 200) past niet in het contract (${CONTRACT_FILE}, OpvragenAntwoord): veld 'afgemeld' moet true of false (boolean) zijn, ontvangen "ja"`,
    },
    {
      titel: 'a value outside its list, deep in the answer',
      body: JSON.stringify({ ontvangen: [{ ...dossier.minimaal, status: 'bewaard' }] }),
      call: (sut) => sut.ontvangen(),
      path: controlPaths.dossiers,
      melding: `veld 'ontvangen[0].status' moet een van "opgeslagen", "geweigerd" zijn, ontvangen "bewaard"`,
    },
    { titel: 'a missing field', body: JSON.stringify({ versie: '2019.1' }), call: (sut) => sut.klaarzetten({ brin: '98RA', pgn: '123456782', doelBrin: '99BB' }), path: controlPaths.klaarzetten, melding: "veld 'klaargezet' ontbreekt" },
    {
      titel: 'a refusal without {fout}',
      status: 422,
      body: JSON.stringify({ error: 'unknown pupil' }),
      call: opvragen,
      path: controlPaths.opvragen,
      melding: `weigerde (HTTP 422) zonder {fout} zoals het contract (${CONTRACT_FILE}) vraagt: {"error":"unknown pupil"}`,
    },
    { titel: 'a refusal with {fout}', status: 422, body: JSON.stringify({ fout: 'Leerling onbekend.' }), call: opvragen, path: controlPaths.opvragen, melding: 'weigerde (HTTP 422): Leerling onbekend.' },
    {
      titel: 'JSON under another content type',
      body: JSON.stringify({ gegevensset: '2019.1' }),
      contentType: 'text/plain',
      call: (sut) => sut.wisselRelease('2019.1'),
      path: controlPaths.release,
      melding: 'antwoord heeft content-type text/plain; het contract vraagt application/json',
    },
    { titel: 'a success that is not 200', status: 204, body: '', call: (sut) => sut.laatsteFout(), path: controlPaths.laatsteFout, melding: 'antwoordde HTTP 204' },
  ];
  for (const geval of gevallen) {
    test(geval.titel, async () => {
      const server = await vastAntwoord(geval.status ?? 200, geval.body, geval.contentType);
      try {
        const melding = await adapterFout(server, geval.call);
        expect(melding).toContain(`Test-control-API ${server.url}${geval.path}: `);
        expect(melding).toContain(geval.melding);
      } finally {
        await server.close();
      }
    });
  }

  test('an answer that fits, with a field the contract does not know, is taken', async () => {
    const server = await vastAntwoord(200, JSON.stringify({ resultaat: 'DossierGeleverd', afgemeld: true, leverancierNotitie: 'x' }));
    try {
      expect(await opvragen(httpAdapter({ controlUrl: server.url, timeoutMs: 5_000 }))).toMatchObject({ resultaat: 'DossierGeleverd', afgemeld: true });
    } finally {
      await server.close();
    }
  });
});
