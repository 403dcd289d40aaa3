/**
 * Opens the durable store: PostgreSQL when a postgres:// URL is given, otherwise PGlite in a data directory.
 * Errors are one English sentence naming what could not be opened (a URL without its password), for the command line
 * to print as is.
 */
import { hostname } from 'node:os';
import { openPgliteDriver } from './pglite-driver.ts';
import { openPostgresDriver } from './postgres-driver.ts';
import { SqlStore } from './sql-store.ts';

export interface StoreOpties {
  /** PGlite's data directory; the caller decides the default. */
  data?: string;
  /** postgres:// or postgresql:// URL; wins over `data`. */
  database?: string;
  /** The name of this `serve` instance; default host name and process id. */
  instantie?: string;
}

export async function openStore(opties: StoreOpties): Promise<SqlStore> {
  const instantie = opties.instantie ?? `${hostname()}-${process.pid}`;
  if (opties.database !== undefined) return SqlStore.open(await openPostgresDriver(opties.database), instantie);
  if (!opties.data) throw new Error('No store given: name a data directory (PGlite) or a postgres:// database URL');
  return SqlStore.open(await openPgliteDriver(opties.data), instantie);
}
