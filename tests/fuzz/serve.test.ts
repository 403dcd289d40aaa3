/**
 * Fuzz: `oso-testbank serve` as a real process on the durable store (PGlite) — its TC, its testscholen's APs, its JSON
 * API and its Dutch portal, all on one HTTPS port — with generated hostile requests, with valid client certificates,
 * without and with foreign ones. The valid requests to mutate are recorded by serve itself during one real exchange.
 * Between batches a health probe. 0 crashes, 0 hangs, 0 leaks; peak RSS of the serve process reported.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { defaultCertDir } from '../../certs/location.ts';
import { freePorts } from '../cli/standalone-las.ts';
import { https, pkiIdentiteit, startServeProces } from '../serve/serve-proces.ts';
import { cpuMsVan, piekRssVan } from './doelwit.ts';
import { fuzzOppervlak, handshakesGecontroleerd, handshakesVerwacht, samenvatting, regel, type Doelwitoppervlak, type Groep, type Telling } from './fuzz-ronde.ts';
import { fuzzSeed, herhaalRegel } from './instellingen.ts';
import { getProbe, soapProbe } from './probe.ts';
import type { GeldigVerzoek } from './vijandige-verzoeken.ts';

test.describe.configure({ mode: 'serial' });

const TOKEN = 'fuzz-beheertoken-0123456789abcdef';

test('fuzz: serve (TC, testschool APs, API and portal on one port) survives hostile requests', async ({}, testInfo) => {
  test.setTimeout(300_000);
  console.log(`fuzz seed ${fuzzSeed} (reproduce: ${herhaalRegel()} npx playwright test --project=harness tests/fuzz/serve.test.ts)`);
  const { catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir });
  const [port] = (await freePorts(1)) as [number];
  const serve = await startServeProces(['--data', mkdtempSync(join(tmpdir(), 'fuzz-serve-')), '--port', String(port)], { OSO_BEHEER_TOKEN: TOKEN });
  let gestopt: string | undefined;
  let piek: number | undefined;
  const meetPiek = () => (piek = piekRssVan(serve.pid) ?? piek);
  try {
    // One real exchange: the VO testschool asks the PO testschool for a dossier, through the TC; serve records it.
    const uitkomst = await https(`${serve.url}/api/testscholen/99BB/opvragen`, { json: { bronBrin: '99AA', pgn: '999900018', geboortedatum: '2008-03-14' }, token: TOKEN });
    expect(uitkomst.status, uitkomst.tekst).toBe(200);
    const berichten = (await https(`${serve.url}/api/beheer/berichten?limit=50`, { token: TOKEN })).body.berichten as { operation: string; url: string; request: string; httpStatus: number }[];
    const opgenomen = berichten.filter((b) => b.httpStatus === 200 && b.request);
    const bij = (op: string) => opgenomen.find((b) => b.operation === op);
    expect(bij('overdrachtRequest'), JSON.stringify(berichten.map((b) => [b.operation, b.httpStatus]))).toBeDefined();
    expect(bij('documentRequest')).toBeDefined();

    const u = new URL(serve.url);
    const ca = readFileSync(join(defaultCertDir, 'ca-bundle.crt'), 'utf8');
    const doel = { host: u.hostname, port: Number(u.port), ca };
    const eigen = pkiIdentiteit('reference-las');
    const probeDoel = { host: u.hostname, port: Number(u.port), tls: { ca, cert: eigen.cert, key: eigen.key } };
    const soapGeldig = (pad: string): GeldigVerzoek[] => opgenomen.map((b) => ({ methode: 'POST', pad, contentType: 'text/xml; charset=utf-8', body: b.request }));
    const tcUrl = bij('overdrachtRequest')!.url;
    const apUrl = bij('documentRequest')!.url;
    const auth: [string, string][] = [['Authorization', `Bearer ${TOKEN}`]];
    const json = (pad: string, body: unknown, headers: [string, string][] = auth): GeldigVerzoek => ({ methode: 'POST', pad, contentType: 'application/json', body: JSON.stringify(body), headers });
    const form = (pad: string, body: string): GeldigVerzoek => ({ methode: 'POST', pad, contentType: 'application/x-www-form-urlencoded', body });
    const oppervlak = (naam: string, soort: 'soap' | 'json' | 'formulier', geldig: GeldigVerzoek[], aantal: number, probe: () => Promise<string | undefined>): Doelwitoppervlak => ({
      naam,
      doel,
      oppervlak: { host: u.host, soort, tls: true, geldig },
      aantal,
      probe,
    });
    const groep: Groep = {
      naam: 'serve',
      certificaten: { geldig: pkiIdentiteit('reference-las'), vreemd: catalogue.certificates['onbekende-ca'].nodeTlsOptions },
      leeft: () => {
        try {
          process.kill(serve.pid, 0);
          return gestopt === undefined;
        } catch {
          return false;
        }
      },
      piekRss: meetPiek,
      cpuMs: () => cpuMsVan(serve.pid),
      oppervlakken: [
        oppervlak('serve TC', 'soap', soapGeldig(new URL(tcUrl).pathname), 500, () => soapProbe(probeDoel, tcUrl, bij('overdrachtRequest')!.request, 'overdrachtResponse')),
        oppervlak('serve testschool AP', 'soap', soapGeldig(new URL(apUrl).pathname), 400, () => soapProbe(probeDoel, apUrl, bij('documentRequest')!.request, 'documentResponse')),
        oppervlak(
          'serve API',
          'json',
          [
            { methode: 'GET', pad: '/api/gezondheid' },
            { methode: 'GET', pad: '/api/uitwisselingen', headers: auth },
            { methode: 'GET', pad: '/api/beheer/berichten?limit=5', headers: auth },
            json('/api/testscholen/99BB/opvragen', { bronBrin: '99AA', pgn: '999900018', geboortedatum: '2008-03-14' }),
            json('/api/aanleverpunten', { routeringsKenmerk: '0000000700098RA00009', brin: '98RA', url: 'https://127.0.0.1:1/oso/ap/x', naam: 'Fuzz-LAS' }, []),
            json('/api/beheer/toegang', { brin: '99AA', omschrijving: 'fuzz' }),
          ],
          1200,
          () => getProbe(probeDoel, `${serve.url}/api/gezondheid`, '"status":"ok"'),
        ),
        oppervlak(
          'serve portal',
          'formulier',
          [
            { methode: 'GET', pad: '/portaal/' },
            { methode: 'GET', pad: '/portaal/leverancier' },
            form('/portaal/beheer/inloggen', `token=${TOKEN}`),
            form('/portaal/school/onbekend-token/opvragen', 'pgn=999900018&geboortedatum=2008-03-14'),
            form('/portaal/beheer/toegang/uitgeven', 'brin=99AA&omschrijving=fuzz&csrf=x'),
          ],
          1200,
          () => getProbe(probeDoel, `${serve.url}/portaal/`, 'OSO'),
        ),
      ],
    };
    const tellingen: Telling[] = [];
    for (const o of groep.oppervlakken) {
      const t = await fuzzOppervlak(groep, o);
      console.log(regel(t));
      tellingen.push(t);
    }
    const tekst = samenvatting('serve', tellingen, meetPiek() && Math.round(meetPiek()! / 1024 / 1024));
    console.log(tekst);
    await testInfo.attach('fuzz-serve.txt', { body: tekst, contentType: 'text/plain' });
    for (const t of tellingen) {
      expect.soft({ naam: t.naam, crashes: t.crashes, hangs: t.hangs, lekken: t.lekken, probeFouten: t.probeFouten }, tekst).toEqual({ naam: t.naam, crashes: 0, hangs: 0, lekken: 0, probeFouten: 0 });
      // Every surface of serve is HTTPS.
      expect.soft(handshakesGecontroleerd(t), tekst).toEqual(handshakesVerwacht(t));
    }
    expect(meetPiek() ?? 0, 'peak RSS of the serve process').toBeLessThan(1536 * 1024 * 1024);
  } finally {
    meetPiek();
    const code = await serve.stop();
    gestopt = `exit ${code}`;
    expect(code, `serve stopped uncleanly:\n${serve.output().slice(-3000)}`).toBe(0);
  }
});
