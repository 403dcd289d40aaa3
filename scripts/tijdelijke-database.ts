/**
 * A PostgreSQL database that lives only for one measurement: created on the server of OSO_TEST_POSTGRES_URL (whose role
 * may create databases) and dropped afterwards, so a bench never writes into a database someone uses.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function metTijdelijkeDatabase<T>(serverUrl: string, gebruik: (url: string) => Promise<T>): Promise<T> {
  const naam = `oso_bench_${randomBytes(4).toString('hex')}`;
  const beheer = new pg.Client({ connectionString: serverUrl });
  await beheer.connect();
  await beheer.query(`CREATE DATABASE ${naam}`);
  const url = new URL(serverUrl);
  url.pathname = `/${naam}`;
  try {
    return await gebruik(url.toString());
  } finally {
    await beheer.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
    await beheer.end();
  }
}
