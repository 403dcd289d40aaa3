/**
 * npm run bench (store part) — the durable store of `serve`, measured on this machine, one English line per engine and
 * operation:
 *  - berichtToevoegen (a 2 KB request and response, as a SOAP exchange): writes/s with 1 and with 8 in flight; for
 *    PGlite also without the fsync of the WAL, which is what durability against power loss costs;
 *  - sessies open+get (the TC's overdrachtRequest, then a sessiecontrole reading it back): pairs/s, 1 in flight.
 * PGlite in a temporary directory always; PostgreSQL in a temporary database when OSO_TEST_POSTGRES_URL is set.
 * BENCH_QUICK=1 shortens every measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDriver } from '../store/pglite-driver.ts';
import { openPostgresDriver, zonderWachtwoord } from '../store/postgres-driver.ts';
import type { SqlDriver } from '../store/sql-driver.ts';
import { SqlStore } from '../store/sql-store.ts';
import { metTijdelijkeDatabase } from './tijdelijke-database.ts';
import type { NieuwBericht, Store } from '../store/store.ts';

const duurMs = process.env['BENCH_QUICK'] === '1' ? 1000 : 3000;
const BODY = `<soap:Envelope>${'x'.repeat(2048)}</soap:Envelope>`;

const bericht = (nr: number): NieuwBericht => ({
  recordedBy: 'TC',
  operation: 'sessiecontroleRequest',
  van: `${nr % 50}AA`,
  naar: 'TC',
  url: 'https://tc.example.test/oso',
  request: BODY,
  response: BODY,
  httpStatus: 200,
  uitkomst: 'OK',
  startedAt: new Date().toISOString(),
  durationMs: 3,
  brins: [`${nr % 50}AA`, 'TC'],
  instantie: 'bench',
});

/** Runs `stap` with `inFlight` callers for the measuring time; gives completed steps per second. */
async function perSeconde(inFlight: number, stap: (nr: number) => Promise<unknown>): Promise<number> {
  let nr = 0;
  const start = performance.now();
  const einde = start + duurMs;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < einde) await stap(nr++);
    }),
  );
  return nr / ((performance.now() - start) / 1000);
}

const sessiePaar = async (store: Store) => {
  const s = await store.sessies.open({
    doelBrin: '10AA',
    doelRouteringsKenmerk: 'rk-doel',
    bronBrin: '20BB',
    overdrachtsoort: 'overstapdossier',
    doelOin: '00000001234567890000',
    geopendOp: new Date(),
  });
  if (!(await store.sessies.get(s.sessieId))) throw new Error(`session ${s.sessieId} not found right after opening it`);
};

async function meet(naam: string, open: (opties?: { walFsync: boolean }) => Promise<SqlDriver>, zonderFsync: boolean): Promise<void> {
  const store = await SqlStore.open(await open(), 'bench');
  let een: number, acht: number, sessies: number;
  try {
    await perSeconde(1, (nr) => store.berichtToevoegen(bericht(nr))); // warm-up
    een = await perSeconde(1, (nr) => store.berichtToevoegen(bericht(nr)));
    acht = await perSeconde(8, (nr) => store.berichtToevoegen(bericht(nr)));
    sessies = await perSeconde(1, () => sessiePaar(store));
  } finally {
    await store.close();
  }
  let zonder = '';
  if (zonderFsync) {
    const snel = await SqlStore.open(await open({ walFsync: false }), 'bench');
    try {
      zonder = `; without the WAL fsync ${(await perSeconde(1, (nr) => snel.berichtToevoegen(bericht(nr)))).toFixed(0)} writes/s`;
    } finally {
      await snel.close();
    }
  }
  console.log(`store ${naam} berichtToevoegen: ${een.toFixed(0)} writes/s (1 in flight), ${acht.toFixed(0)} writes/s (8 in flight)${zonder}`);
  console.log(`store ${naam} sessies open+get: ${sessies.toFixed(0)} pairs/s (1 in flight)`);
}

const dir = mkdtempSync(join(tmpdir(), 'oso-bench-store-'));
try {
  await meet('pglite', (opties) => openPgliteDriver(dir, opties), true);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const url = process.env['OSO_TEST_POSTGRES_URL'];
if (!url) console.log('store postgres: not measured (set OSO_TEST_POSTGRES_URL to a server whose role may create databases)');
else await metTijdelijkeDatabase(url, (benchUrl) => meet(`postgres (${zonderWachtwoord(url)})`, () => openPostgresDriver(benchUrl), false));
