/**
 * The two engines the store's tests run against: PGlite in a fresh temporary directory (always), and PostgreSQL in a
 * fresh database on the server OSO_TEST_POSTGRES_URL names (when it is set; CI sets it, and there a missing URL fails
 * the run rather than skipping).
 */
import { test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteDriver } from '../../store/pglite-driver.ts';
import { openPostgresDriver } from '../../store/postgres-driver.ts';
import type { SqlDriver } from '../../store/sql-driver.ts';
import type { StoreSoort } from '../../store/store.ts';

export const POSTGRES_URL = process.env['OSO_TEST_POSTGRES_URL'];

export const POSTGRES_ONTBREEKT =
  'PostgreSQL not tested here: OSO_TEST_POSTGRES_URL is not set (CI sets it; locally e.g. postgres://oso:oso@localhost:5432/oso)';

/** Skips the PostgreSQL tests when no server is given, and fails them in CI, where one must be. */
export function vereisEngine(soort: StoreSoort): void {
  if (soort !== 'postgres' || POSTGRES_URL) return;
  if (process.env['CI']) throw new Error(`CI must test PostgreSQL, but OSO_TEST_POSTGRES_URL is not set`);
  test.skip(true, POSTGRES_ONTBREEKT);
}

/** A place for one engine's database that the test can open (more than once) and throw away. */
export interface TestDatabase {
  soort: StoreSoort;
  /** PGlite's directory or PostgreSQL's URL: what openStore takes. */
  plek: { data?: string; database?: string };
  driver(): Promise<SqlDriver>;
  opruimen(): Promise<void>;
}

export async function nieuweDatabase(soort: StoreSoort): Promise<TestDatabase> {
  if (soort === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'oso-store-'));
    return {
      soort,
      plek: { data: dir },
      driver: () => openPgliteDriver(dir),
      opruimen: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const naam = `oso_test_${randomBytes(6).toString('hex')}`;
  const beheer = new pg.Client({ connectionString: POSTGRES_URL });
  await beheer.connect();
  await beheer.query(`CREATE DATABASE ${naam}`);
  await beheer.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${naam}`;
  return {
    soort,
    plek: { database: url.toString() },
    driver: () => openPostgresDriver(url.toString()),
    opruimen: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const ENGINES: StoreSoort[] = ['pglite', 'postgres'];
