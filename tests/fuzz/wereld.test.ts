/**
 * Fuzz: the simulated world as qualify starts it — the TC, the testscholen's APs, the reference LAS's APs, its
 * test-control API and its web pages — in a child process, attacked with generated hostile requests (see
 * vijandige-verzoeken.ts) with valid client certificates, without, and with foreign ones. Between batches a health
 * probe. 0 crashes, 0 hangs, 0 leaks; peak RSS reported. Then, on the same world, slowloris and connection floods
 * (verbindingen.ts): one start of the world for both, which is a third of a test's CPU.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCertDir } from '../../certs/location.ts';
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { referentieLasScholen, testscholen } from '../../fixtures/scholen.ts';
import { startDoelwit, type Doelwit, type WereldAdressen } from './doelwit.ts';
import { fuzzOppervlak, handshakesGecontroleerd, handshakesVerwacht, regel, samenvatting, type Doelwitoppervlak, type Groep, type Telling } from './fuzz-ronde.ts';
import { fuzzSeed, herhaalRegel } from './instellingen.ts';
import { getProbe, soapProbe } from './probe.ts';
import { slowlorisEnFlood } from './verbindingen.ts';
import type { GeldigVerzoek } from './vijandige-verzoeken.ts';

// In order, in one worker, on one world; a failing test does not skip the next (as 'serial' would).
test.describe.configure({ mode: 'default' });

let doelwit: Doelwit<WereldAdressen>;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  doelwit = await startDoelwit('wereld');
});
test.afterAll(async () => {
  await doelwit?.stop();
});

test('fuzz: TC, testschool APs, reference LAS APs, test-control API and web pages survive hostile requests', async ({}, testInfo) => {
  test.setTimeout(300_000);
  console.log(`fuzz seed ${fuzzSeed} (reproduce: ${herhaalRegel()} npx playwright test --project=harness tests/fuzz/wereld.test.ts)`);
  const { catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir });
  const a: WereldAdressen = doelwit.adressen;
  const ca = readFileSync(join(defaultCertDir, 'ca-bundle.crt'), 'utf8');
  const eigen = (partij: string) => ({ cert: readFileSync(join(defaultCertDir, `${partij}.chain.crt`), 'utf8'), key: readFileSync(join(defaultCertDir, `${partij}.key`), 'utf8') });
  const vreemd = catalogue.certificates['verlopen'].nodeTlsOptions;
  const opgenomen = (op: string) => a.opgenomen.find((o) => o.operatie === op)!;
  // The recorded documentRequest asked the PO testschool; the same request aimed at the reference LAS's PO school.
  const aanReferentieLas = opgenomen('documentRequest').xml.replaceAll(testscholen.po.routeringsKenmerk, referentieLasScholen.po.routeringsKenmerk).replaceAll(`>${testscholen.po.brin}<`, `>${referentieLasScholen.po.brin}<`);
  const soapGeldig = (url: string): GeldigVerzoek[] =>
    a.opgenomen.map((o) => ({ methode: 'POST', pad: new URL(url).pathname, contentType: 'text/xml; charset=utf-8', body: o.xml }));
  const hostVan = (url: string) => ({ host: new URL(url).hostname, port: Number(new URL(url).port) });
  const soap = (naam: string, url: string, aantal: number, probe: { xml: string; verwacht: string; als: string }): Doelwitoppervlak => ({
    naam,
    doel: { ...hostVan(url), ca },
    oppervlak: { host: new URL(url).host, soort: 'soap', tls: true, geldig: soapGeldig(url) },
    aantal,
    probe: () => soapProbe({ ...hostVan(url), tls: { ca, ...eigen(probe.als) } }, url, probe.xml, probe.verwacht),
  });
  const control = new URL(a.controlUrl);
  const json = (pad: string, body: unknown): GeldigVerzoek => ({ methode: 'POST', pad, contentType: 'application/json', body: JSON.stringify(body) });
  const groep: Groep = {
    naam: 'wereld',
    certificaten: { geldig: eigen('testschool-vo'), vreemd },
    leeft: doelwit.leeft,
    piekRss: doelwit.piekRss,
    cpuMs: doelwit.cpuMs,
    oppervlakken: [
      soap('TC', a.tc, 800, { xml: opgenomen('overdrachtRequest').xml, verwacht: 'overdrachtResponse', als: 'reference-las' }),
      soap('testschool AP', a.testschoolPo, 500, { xml: opgenomen('documentRequest').xml, verwacht: 'documentResponse', als: 'reference-las' }),
      soap('reference LAS AP', a.referentieLasAp, 500, { xml: aanReferentieLas, verwacht: 'documentResponse', als: 'testschool-vo' }),
      {
        naam: 'reference LAS control API',
        doel: { host: control.hostname, port: Number(control.port) },
        oppervlak: {
          host: control.host,
          soort: 'json',
          tls: false,
          geldig: [
            { methode: 'GET', pad: '/status' },
            { methode: 'GET', pad: '/dossiers' },
            json('/klaarzetten', { brin: referentieLasScholen.po.brin, pgn: '999900018', doelBrin: '99BB' }),
            json('/opvragen', { brin: referentieLasScholen.vo.brin, bronBrin: '99AA', pgn: '999900018', geboortedatum: '2008-03-14' }),
            json('/klok', { datum: '2026-01-05' }),
            json('/release', { gegevensset: '2019.1' }),
          ],
        },
        aantal: 2000,
        probe: () => getProbe({ host: control.hostname, port: Number(control.port) }, `${a.controlUrl}/status`, '"naam":"Referentie-LAS"'),
      },
      {
        naam: 'reference LAS web pages',
        doel: { host: control.hostname, port: Number(control.port) },
        oppervlak: {
          host: control.host,
          soort: 'formulier',
          tls: false,
          geldig: [
            { methode: 'GET', pad: '/ui/' },
            { methode: 'POST', pad: '/ui/klaarzetten', contentType: 'application/x-www-form-urlencoded', body: `brin=${referentieLasScholen.po.brin}&pgn=999900018&doelBrin=99BB` },
            { methode: 'POST', pad: '/ui/opvragen', contentType: 'application/x-www-form-urlencoded', body: `brin=${referentieLasScholen.vo.brin}&bronBrin=99AA&pgn=999900018&geboortedatum=2008-03-14` },
            { methode: 'POST', pad: '/ui/release', contentType: 'application/x-www-form-urlencoded', body: 'gegevensset=2019.1' },
          ],
        },
        aantal: 1500,
        probe: () => getProbe({ host: control.hostname, port: Number(control.port) }, `${a.uiUrl}/`, 'Referentie-LAS'),
      },
    ],
  };
  const tellingen: Telling[] = [];
  for (const o of groep.oppervlakken) {
    const t = await fuzzOppervlak(groep, o);
    console.log(regel(t));
    tellingen.push(t);
  }
  const tekst = samenvatting('world (TC, testscholen, reference LAS)', tellingen, doelwit.piekRss() && Math.round(doelwit.piekRss()! / 1024 / 1024));
  console.log(tekst);
  await testInfo.attach('fuzz-wereld.txt', { body: tekst, contentType: 'text/plain' });
  tellingen.forEach((t, i) => {
    expect.soft({ naam: t.naam, crashes: t.crashes, hangs: t.hangs, lekken: t.lekken, probeFouten: t.probeFouten }, tekst).toEqual({ naam: t.naam, crashes: 0, hangs: 0, lekken: 0, probeFouten: 0 });
    expect(t.verzoeken).toBeGreaterThanOrEqual(t.probes);
    if (groep.oppervlakken[i]!.doel.ca !== undefined) expect.soft(handshakesGecontroleerd(t), tekst).toEqual(handshakesVerwacht(t));
  });
  expect(doelwit.leeft(), `the world's process ended: ${doelwit.einde()}`).toBe(true);
  expect(doelwit.piekRss() ?? 0, 'peak RSS of the world process').toBeLessThan(1536 * 1024 * 1024);
});

test('slowloris and connection floods: the TC and the test-control API keep answering, promptly', async ({}, testInfo) => {
  test.setTimeout(120_000);
  expect(doelwit.leeft(), `the world's process ended: ${doelwit.einde()}`).toBe(true);
  await slowlorisEnFlood(doelwit, testInfo);
});
