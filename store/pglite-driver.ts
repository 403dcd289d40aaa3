/**
 * PGlite (PostgreSQL compiled to WebAssembly, in-process) with its files under a data directory: the store of `serve`
 * that needs nothing installed.
 *
 * Durability. PGlite mounts the directory through Emscripten's NODEFS: every write() of PostgreSQL is a
 * fs.writeSync into the real file, and with synchronous_commit on, COMMIT writes the WAL before the query resolves.
 * So an acknowledged write survives the process being killed. It would not survive the machine losing power: PGlite
 * runs with fsync off, and NODEFS has no fsync to pass on anyway. Hence the driver fsyncs the WAL segment the commit
 * landed in before a write resolves (WalSync below); recovery at the next open replays the WAL, as PostgreSQL does.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SqlDriver, SqlParam, SqlQuery } from './sql-driver.ts';

/** Statements that change nothing: no WAL to make durable after them. */
const isRead = (sql: string) => /^\s*select\b/i.test(sql);

export async function openPgliteDriver(dataDir: string): Promise<SqlDriver> {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the data directory ${dir}: ${(error as Error).message}`);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
  } catch (error) {
    throw new Error(`Cannot open the PGlite database in ${dir}: ${(error as Error).message}`);
  }
  const wal = new WalSync(join(dir, 'pg_wal'));
  const durable = async () => wal.sync(await db.query<{ segment: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS segment').then((r) => r.rows[0]!.segment));
  const run = async <R>(q: Pick<PGlite, 'query'>, sql: string, params?: SqlParam[]) => (await q.query<R>(sql, params)).rows;

  return {
    soort: 'pglite',
    async query<R>(sql: string, params?: SqlParam[]): Promise<R[]> {
      const rows = await run<R>(db, sql, params);
      if (!isRead(sql)) await durable();
      return rows;
    },
    async transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T> {
      const result = await db.transaction((tx) => fn({ query: <R>(sql: string, params?: SqlParam[]) => run<R>(tx, sql, params) }));
      await durable();
      return result;
    },
    async close(): Promise<void> {
      if (db.closed) return;
      await db.close();
      await wal.close();
    },
  };
}

/**
 * fsyncs the WAL segment holding the latest commit. The segment stays open between writes; when the WAL moved on to a
 * later segment, every segment from the previous one up to the new one is synced (a commit of another caller may have
 * crossed more than one), and the directory too, since new segment files were created in it.
 */
class WalSync {
  #walDir: string;
  #segment?: string;
  #file?: FileHandle;
  /** One sync at a time, so that a segment switch is handled once and a closed handle is never synced. */
  #queue: Promise<void> = Promise.resolve();

  constructor(walDir: string) {
    this.#walDir = walDir;
  }

  sync(segment: string): Promise<void> {
    const next = this.#queue.catch(() => {}).then(() => this.#sync(segment));
    this.#queue = next;
    return next;
  }

  async #sync(segment: string): Promise<void> {
    if (segment !== this.#segment) {
      const previous = this.#segment;
      await this.#file?.close();
      this.#file = await open(join(this.#walDir, segment), 'r+');
      this.#segment = segment;
      if (previous !== undefined) {
        const between = (await readdir(this.#walDir)).filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= previous && name < segment);
        for (const name of between) await syncFile(join(this.#walDir, name));
      }
      await syncFile(this.#walDir);
    }
    await this.#file!.sync();
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => {});
    await this.#file?.close();
    this.#file = undefined;
    this.#segment = undefined;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
