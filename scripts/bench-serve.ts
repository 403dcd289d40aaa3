/**
 * npm run bench (serve part) — whole exchanges through `serve` on its durable store, next to the in-memory world of one
 * `qualify`, measured in one run on this machine. An exchange is the VO testschool (99BB) requesting a klaargezet dossier
 * from the reference LAS: overdracht and sessiecontrole at the TC, the documentRequest to the LAS, the afmelding; four
 * SOAP messages over HTTPS with client certificates. Through serve, the TC's sessions and the register come from the
 * store and every message is stored before it is answered. Printed as
 *   `serve exchanges/s: in-memory N, pglite N (0.NN), postgres N (0.NN)`
 * the ratios against the in-memory world; then the same for what the portal's opvragen button does on top (every rule
 * of the gegevensset for the findings, the uitwisseling stored with its dossier).
 * PostgreSQL in a temporary database when OSO_TEST_POSTGRES_URL is set. BENCH_QUICK=1 shortens every measurement;
 * BENCH_CONCURRENCY sets the exchanges in flight (default 16).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { defaultCertDir } from '../certs/location.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../fixtures/scholen.ts';
import { startServe, type RunningServe } from '../serve/server.ts';
import { SimulatedClock } from '../simulator/clock.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import type { LasSystem } from '../simulator/las/las-system.ts';
import { runLoad, type LoadResult } from '../simulator/load/load-generator.ts';
import { startReferenceLas } from '../simulator/reference-las/reference-las.ts';
import { startWorld, sutSchool } from '../simulator/world.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { metTijdelijkeDatabase } from './tijdelijke-database.ts';

const quick = process.env['BENCH_QUICK'] === '1';
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const load = { concurrency, warmupMs: quick ? 1000 : 1500, durationMs: quick ? 2000 : 4000 };
const leerling = loadFixtureLeerlingen()[0]!;

interface Meting {
  uitwisseling: LoadResult;
  /** What the portal's button does: the exchange, all findings, the uitwisseling stored. Not in the in-memory world. */
  portaal?: LoadResult;
}

function zonderFouten(naam: string, r: LoadResult): LoadResult {
  if (r.failed > 0 || r.completed === 0) throw new Error(`${naam}: ${r.failed} of ${r.failed + r.completed} exchanges failed: ${r.firstError ?? 'none completed'}`);
  return r;
}

/** Exchanges through `doel.opvragen` against a bron that has the pupil klaargezet for it. */
function uitwisselingen(doel: LasSystem, doelBrin: string, bronBrin: string): Promise<LoadResult> {
  return runLoad(async () => {
    const u = await doel.opvragen({ brin: doelBrin, bronBrin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
    if (u.resultaat !== 'DossierGeleverd') throw new Error(`opvragen gave ${u.resultaat}${u.fout ? `: ${u.fout}` : ''}`);
  }, load);
}

async function inGeheugen(): Promise<Meting> {
  const world = await startWorld();
  try {
    const bron = sutSchool(world.sut, 'po').brin;
    const doel = world.testscholen.vo;
    const doelBrin = doel.schools[0]!.brin;
    const res = await fetch(`${world.sut.controlUrl}/klaarzetten`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brin: bron, pgn: leerling.pgn.waarde, doelBrin }),
    });
    if (!res.ok) throw new Error(`klaarzetten at the reference LAS: HTTP ${res.status} ${await res.text()}`);
    return { uitwisseling: zonderFouten('in-memory', await uitwisselingen(doel, doelBrin, bron)) };
  } finally {
    await world.stop();
  }
}

function vrijePoort(): Promise<number> {
  return new Promise((done, failed) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
    s.on('error', failed);
  });
}

/** serve on this store, the reference LAS registered at it as a vendor's LAS would be, the pupil klaargezet for 99BB. */
async function doorServe(naam: string, store: Store): Promise<Meting> {
  const { pki, catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir });
  let serve: RunningServe | undefined;
  let las: Awaited<ReturnType<typeof startReferenceLas>> | undefined;
  try {
    serve = await startServe({ store, host: '127.0.0.1', hostnaam: '127.0.0.1', port: await vrijePoort(), certDir: defaultCertDir, beheerToken: 'bench', waarschuw: (m) => console.error(m) });
    const eigen = pki.parties.get('reference-las')!;
    las = await startReferenceLas({
      schools: [referentieLasScholen.po],
      tls: { certPem: eigen.chainPem, keyPem: eigen.keyPem, caPem: pki.caCertPem, crlPems: catalogue.crl.pems },
      tcUrl: serve.urls.tc,
      clock: new SimulatedClock(),
      administratie: loadFixtureLeerlingen(),
      gegevensset: gegevensset2019,
    });
    const school = referentieLasScholen.po;
    await store.schoolToevoegen({ brin: school.brin, vestigingscode: school.vestigingscode, naam: school.naam, sector: school.sector });
    await store.aanleverpuntRegistreren(
      { routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: las.las.apUrl(school.routeringsKenmerk), actief: true, eigenaarOin: eigen.oin, leverancier: 'Referentie-LAS', geregistreerdOp: new Date().toISOString(), opgeschort: false },
      'bench',
    );
    las.las.klaarzetten({ brin: school.brin, pgn: leerling.pgn.waarde, doelBrin: '99BB' });
    const uitwisseling = zonderFouten(`${naam} exchange`, await uitwisselingen(serve.testscholen.vo, '99BB', school.brin));
    const testscholen = serve.testscholen;
    const portaal = zonderFouten(
      `${naam} opvragen`,
      await runLoad(async () => {
        const r = await testscholen.opvragen({ testschoolBrin: '99BB', bronBrin: school.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
        if (r.status !== 'opgeslagen') throw new Error(`opvragen stored ${r.status}: ${r.reden ?? ''}`);
      }, load),
    );
    return { uitwisseling, portaal };
  } finally {
    await las?.close();
    await serve?.close();
  }
}

const metingen: [string, Meting][] = [['in-memory', await inGeheugen()]];

const dir = mkdtempSync(join(tmpdir(), 'oso-bench-serve-'));
try {
  const store = await openStore({ data: dir, instantie: 'bench' });
  try {
    metingen.push(['pglite', await doorServe('pglite', store)]);
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env['OSO_TEST_POSTGRES_URL'];
if (pgUrl)
  await metTijdelijkeDatabase(pgUrl, async (url) => {
    const store = await openStore({ database: url, instantie: 'bench' });
    try {
      metingen.push(['postgres', await doorServe('postgres', store)]);
    } finally {
      await store.close();
    }
  });

const basis = metingen[0]![1].uitwisseling.perSecond;
const ratio = (x: number) => (x / basis).toFixed(2);
const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
console.log(
  `serve exchanges/s: ${metingen.map(([naam, m], i) => `${naam} ${m.uitwisseling.perSecond.toFixed(0)}${i ? ` (${ratio(m.uitwisseling.perSecond)})` : ''}`).join(', ')}${pgUrl ? '' : ' (postgres not measured: set OSO_TEST_POSTGRES_URL)'}`,
);
for (const [naam, m] of metingen)
  console.log(`  ${naam}: ${concurrency} in flight, ${load.durationMs / 1000} s; latency p50 ${ms(m.uitwisseling.latency.p50Ms)} / p99 ${ms(m.uitwisseling.latency.p99Ms)} ms`);
const portaal = metingen.filter(([, m]) => m.portaal);
console.log(
  `serve opvragen as the portal does it (exchange + every rule + uitwisseling stored), per s: ${portaal.map(([naam, m]) => `${naam} ${m.portaal!.perSecond.toFixed(0)} (${ratio(m.portaal!.perSecond)}, p99 ${ms(m.portaal!.latency.p99Ms)} ms)`).join(', ')}`,
);
