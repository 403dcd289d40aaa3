/**
 * The seam between the one SQL text of the store (sql-store.ts) and the two engines that run it: PGlite in-process
 * (pglite-driver.ts) and a PostgreSQL server through `pg` (postgres-driver.ts). Kept this small on purpose: whatever
 * one engine can do beyond it, the other must not come to depend on.
 */
import type { StoreSoort } from './store.ts';

export type SqlParam = string | number | boolean | null | string[];

export interface SqlQuery {
  /** Runs one statement and gives its rows (empty for a statement that returns none). */
  query<R = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<R[]>;
}

export interface SqlDriver extends SqlQuery {
  readonly soort: StoreSoort;
  /** Runs fn inside BEGIN … COMMIT on one connection; rolls back and rethrows when fn throws. */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
