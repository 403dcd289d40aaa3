/**
 * A PostgreSQL server through `pg`'s connection pool: the store of `serve` when several instances share one database.
 * PostgreSQL's own durability applies (synchronous_commit on, fsync on): a COMMIT returns once the WAL is on disk.
 */
import pg from 'pg';
import type { SqlDriver, SqlParam, SqlQuery } from './sql-driver.ts';

/** The URL as it may be shown: everything but the password. */
export function zonderWachtwoord(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL at all: show no more than the scheme, in case a password sits in the unparsable rest.
    return `${url.split(':')[0]}:…`;
  }
}

/** Why a connection failed, in one line (pg's errors may be an AggregateError with an empty message). */
function oorzaak(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  if (e?.errors?.length) return oorzaak(e.errors[0]);
  return [e?.code, e?.message].filter(Boolean).join(': ') || String(error);
}

export async function openPostgresDriver(url: string, options: { connectTimeoutMs?: number } = {}): Promise<SqlDriver> {
  const shown = zonderWachtwoord(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a valid PostgreSQL URL: ${shown} (expected postgres://user:password@host:5432/database)`);
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) throw new Error(`Not a PostgreSQL URL: ${shown} (it must start with postgres:// or postgresql://)`);
  if (!parsed.hostname && !parsed.searchParams.get('host')) throw new Error(`The PostgreSQL URL names no host: ${shown}`);

  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000, max: 10 });
  // An idle connection the server dropped (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', (error) => process.stderr.write(`PostgreSQL (${shown}): an idle connection failed: ${oorzaak(error)}\n`));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot connect to PostgreSQL at ${shown}: ${oorzaak(error)}`);
  }

  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: SqlParam[]) => (await client.query(sql, params)).rows as R[];

  return {
    soort: 'postgres',
    query: <R>(sql: string, params?: SqlParam[]) => run<R>(pool, sql, params),
    async transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let kapot = false;
      try {
        await client.query('BEGIN');
        const result = await fn({ query: <R>(sql: string, params?: SqlParam[]) => run<R>(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          kapot = true;
        });
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: drop it rather than hand it to the next caller.
        client.release(kapot);
      }
    },
    close: () => pool.end(),
  };
}
