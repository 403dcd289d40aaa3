/**
 * openStore: the engine follows the options, and whatever cannot be opened gives one clear English sentence naming
 * it (a URL without its password), never a stack of driver internals.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_BESTAND } from '../../store/data-dir-lock.ts';
import { openStore, type StoreOpties } from '../../store/open-store.ts';
import { POSTGRES_TITEL, POSTGRES_URL, vereisEngine } from './store-engines.ts';

async function fout(opties: StoreOpties): Promise<Error> {
  const uitkomst = await openStore(opties).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (e: Error) => e,
  );
  if (!uitkomst) throw new Error(`openStore(${JSON.stringify(opties)}) opened, but should have failed`);
  return uitkomst;
}

const eenRegel = (e: Error) => expect(e.message).not.toMatch(/\n|\bat .*\.(ts|js):\d+/);

test('no data directory and no database: says what to give', async () => {
  const e = await fout({});
  expect(e.message).toBe('No store given: name a data directory (PGlite) or a postgres:// database URL');
});

test('a URL that is not PostgreSQL, or not a URL, is refused without showing its password', async () => {
  const mysql = await fout({ database: 'mysql://oso:geheim@db.example.test/oso' });
  expect(mysql.message).toBe('Not a PostgreSQL URL: mysql://oso:***@db.example.test/oso (it must start with postgres:// or postgresql://)');
  const geenUrl = await fout({ database: 'postgresql://oso:geheim@/oso' });
  expect(geenUrl.message).toBe('Not a valid PostgreSQL URL: postgresql:… (expected postgres://user:password@host:5432/database)');
  const geenHost = await fout({ database: 'postgres:///oso' });
  expect(geenHost.message).toBe('The PostgreSQL URL names no host: postgres:///oso (add one, or ?host=/path/of/the/socket)');
  for (const e of [mysql, geenUrl, geenHost]) {
    expect(e.message).not.toContain('geheim');
    eenRegel(e);
  }
});

test('an unreachable server: the URL without its password and the reason, in one line', async () => {
  const e = await fout({ database: 'postgres://oso:geheim@127.0.0.1:1/oso' });
  expect(e.message).toBe('Cannot connect to PostgreSQL at postgres://oso:***@127.0.0.1:1/oso: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1');
  eenRegel(e);
});

test(`${POSTGRES_TITEL}: a database that does not exist is named in the error`, async () => {
  vereisEngine('postgres');
  const url = new URL(POSTGRES_URL!);
  url.pathname = '/bestaat_niet_oso';
  const e = await fout({ database: url.toString() });
  const getoond = new URL(url);
  if (getoond.password) getoond.password = '***';
  expect(e.message).toBe(`Cannot connect to PostgreSQL at ${getoond}: 3D000: database "bestaat_niet_oso" does not exist`);
  if (url.password) expect(e.message).not.toContain(`:${url.password}@`);
});

test(`${POSTGRES_TITEL}: database wins over data, and the store says which engine it is`, async () => {
  vereisEngine('postgres');
  const store = await openStore({ database: POSTGRES_URL!, data: '/nonexistent/never-created' });
  try {
    expect(store.soort).toBe('postgres');
  } finally {
    await store.close();
  }
});

test.describe('PGlite data directory', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oso-open-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a nested directory that does not exist yet is created; the instance name is kept', async () => {
    const store = await openStore({ data: join(dir, 'a', 'b'), instantie: 'serve-1' });
    try {
      expect(store.soort).toBe('pglite');
      expect(store.instantie).toBe('serve-1');
      expect(await store.tellingen()).toEqual({ sessies: 0, berichten: 0 });
    } finally {
      await store.close();
    }
  });

  test('a file where the directory should be: a clear error', async () => {
    const bestand = join(dir, 'bestand');
    writeFileSync(bestand, 'geen map');
    const e = await fout({ data: bestand });
    expect(e.message).toMatch(new RegExp(`^Cannot create the data directory ${bestand}: EEXIST`));
  });

  test('a directory with other files and no database is refused, and left as it was', async () => {
    writeFileSync(join(dir, 'notities.txt'), 'van iemand anders');
    const e = await fout({ data: dir });
    expect(e.message).toBe(`The data directory ${dir} holds other files but no database: name a new or empty directory, or one oso-testbank made`);
    expect(readdirSync(dir)).toEqual(['notities.txt']);
  });

  test('one process at a time: a second open is refused while the first is open, allowed after it closed', async () => {
    const eerste = await openStore({ data: dir });
    try {
      const e = await fout({ data: dir });
      expect(e.message).toBe(`The data directory ${dir} is already open in this process`);
    } finally {
      await eerste.close();
    }
    const tweede = await openStore({ data: dir });
    await tweede.close();
  });

  test('a lock of a running process is respected; one of a process that is gone is taken over', async () => {
    // pid 1 always runs; a pid past the kernel's maximum never does.
    writeFileSync(join(dir, LOCK_BESTAND), JSON.stringify({ pid: 1, host: (await import('node:os')).hostname() }));
    const e = await fout({ data: dir });
    expect(e.message).toBe(
      `The data directory ${dir} is in use by process 1: stop it first, or use another data directory (several instances share a PostgreSQL database instead)`,
    );
    writeFileSync(join(dir, LOCK_BESTAND), JSON.stringify({ pid: 99_999_999, host: (await import('node:os')).hostname() }));
    const store = await openStore({ data: dir });
    await store.close();
    writeFileSync(join(dir, LOCK_BESTAND), JSON.stringify({ pid: 4242, host: 'elders.example.test' }));
    expect((await fout({ data: dir })).message).toBe(
      `The data directory ${dir} is in use by host elders.example.test (process 4242); if that is stopped, remove ${join(dir, LOCK_BESTAND)}`,
    );
  });
});
