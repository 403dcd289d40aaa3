/**
 * A new PGlite database starts from the template of an empty cluster (store/pglite-sjabloon.ts): made on first use, used
 * after that, never holding anything of a database it was not made for, and a template that cannot be loaded costs
 * only the time of initdb. Each test keeps its template in a folder of its own, not beside the installed PGlite.
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_BESTAND } from '../../store/data-dir-lock.ts';
import { MIGRATIES } from '../../store/migrations.ts';
import { openPgliteDriver } from '../../store/pglite-driver.ts';
import { SqlStore } from '../../store/sql-store.ts';

// Each test makes at least one cluster with initdb: seconds of CPU on a busy machine.
test.describe.configure({ timeout: 120_000 });

const map = (naam: string) => mkdtempSync(join(tmpdir(), `${naam}-`));
const gzip = (pad: string) => readFileSync(pad).subarray(0, 2).toString('hex') === '1f8b';

async function openNieuw(sjabloon: string): Promise<{ store: SqlStore; dir: string }> {
  const dir = join(map('sjabloon-db'), 'data');
  return { store: await SqlStore.open(await openPgliteDriver(dir, { sjabloon }), 'test'), dir };
}

test('the first new database makes the template; the next starts from it, gets every migration and keeps nothing of the first', async () => {
  const sjabloon = join(map('sjabloon'), 'cluster.tar.gz');
  const eerste = await openNieuw(sjabloon);
  await eerste.store.schoolToevoegen({ brin: '11AA', vestigingscode: '00', naam: 'Alleen in de eerste', sector: 'PO' });
  await eerste.store.close();
  expect(gzip(sjabloon)).toBe(true);
  const gemaakt = readFileSync(sjabloon);

  const tweede = await openNieuw(sjabloon);
  try {
    expect(await tweede.store.scholen()).toEqual([]);
    // Its own lock stays: the template never brings one of another process.
    expect(readFileSync(join(tweede.dir, LOCK_BESTAND), 'utf8')).toContain(String(process.pid));
    await tweede.store.schoolToevoegen({ brin: '22BB', vestigingscode: '00', naam: 'Tweede', sector: 'VO' });
  } finally {
    await tweede.store.close();
  }
  // Used, not made again.
  expect(readFileSync(sjabloon).equals(gemaakt)).toBe(true);
  // The database from the template opens again with what was written, and with every migration recorded once.
  const weer = await openPgliteDriver(tweede.dir, { sjabloon });
  try {
    const versies = await weer.query<{ versie: number }>('SELECT versie FROM schema_migrations ORDER BY versie');
    expect(versies.map((r) => Number(r.versie))).toEqual(MIGRATIES.map((m) => m.versie));
    expect((await weer.query<{ brin: string }>('SELECT brin FROM scholen')).map((r) => r.brin)).toEqual(['22BB']);
  } finally {
    await weer.close();
  }
});

// That the next new database then makes a good one again is the first test's case.
test('a template that cannot be loaded: the new database is made with initdb, and the bad template is removed', async () => {
  const sjabloon = join(map('sjabloon-kapot'), 'cluster.tar.gz');
  writeFileSync(sjabloon, 'dit is geen tarball van een cluster');
  const { store, dir } = await openNieuw(sjabloon);
  try {
    await store.schoolToevoegen({ brin: '33CC', vestigingscode: '00', naam: 'Toch gelukt', sector: 'PO' });
    expect((await store.scholen()).map((s) => s.brin)).toEqual(['33CC']);
    expect(readdirSync(dir)).toContain('PG_VERSION');
  } finally {
    await store.close();
  }
  expect(existsSync(sjabloon)).toBe(false);
});
