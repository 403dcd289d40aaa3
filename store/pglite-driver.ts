/**
 * PGlite (PostgreSQL compiled to WebAssembly, in-process) with its files under a data directory: the store of `serve`
 * that needs nothing installed.
 *
 * Durability. PGlite mounts the directory through Emscripten's NODEFS: every write() of PostgreSQL is a
 * fs.writeSync into the real file, and with synchronous_commit on, COMMIT writes the WAL before the query resolves.
 * So an acknowledged write survives the process being killed. It would not survive the machine losing power: PGlite
 * runs with fsync off, and NODEFS has no fsync to pass on anyway. Hence the driver fsyncs the WAL segment the commit
 * landed in before a write resolves (WalSync below); recovery at the next open replays the WAL, as PostgreSQL does.
 * WAL is only given up after a checkpoint wrote the data files, and PGlite does not fsync those either: so the driver
 * fsyncs the whole directory after open (recovery ends in a checkpoint), when the WAL enters a new segment (where
 * PGlite's checkpoints happen: single-user PostgreSQL checkpoints when max_wal_size is reached) and after close (the
 * shutdown checkpoint). docs/store.md has the numbers.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { claimDataDir, LOCK_BESTAND } from './data-dir-lock.ts';
import { pgliteSjabloon, standaardSjabloonPad, vergeetPgliteSjabloon } from './pglite-sjabloon.ts';
import type { SqlDriver, SqlParam, SqlQuery } from './sql-driver.ts';

/** Statements that change nothing: no WAL to make durable after them. */
const isRead = (sql: string) => /^\s*select\b/i.test(sql);

export interface PgliteOpties {
  /**
   * false leaves the WAL in the OS's page cache (safe against a killed process, not against power loss). Only for
   * measuring what the fsync costs (scripts/bench-store.ts); openStore never turns it off.
   */
  walFsync?: boolean;
  /** Where the template of a new database is kept (pglite-sjabloon.ts); default beside the installed PGlite. */
  sjabloon?: string;
}

export async function openPgliteDriver(dataDir: string, opties: PgliteOpties = {}): Promise<SqlDriver> {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the data directory ${dir}: ${(error as Error).message}`);
  }
  // A directory with other files and no cluster is most likely a mistyped --data: PGlite would fill it with its own.
  const inhoud = readdirSync(dir).filter((naam) => naam !== LOCK_BESTAND);
  if (inhoud.length > 0 && !inhoud.includes('PG_VERSION'))
    throw new Error(`The data directory ${dir} holds other files but no database: name a new or empty directory, or one oso-testbank made`);
  const vrijgeven = claimDataDir(dir);
  let db: PGlite;
  try {
    db = inhoud.length === 0 ? await nieuweDatabase(dir, opties.sjabloon ?? standaardSjabloonPad()) : await PGlite.create(dir);
  } catch (error) {
    vrijgeven();
    throw new Error(`Cannot open the PGlite database in ${dir}: ${(error as Error).message}`);
  }
  try {
    await syncTree(dir);
  } catch (error) {
    await db.close().catch(() => {});
    vrijgeven();
    throw new Error(`Cannot sync the PGlite data directory ${dir}: ${(error as Error).message}`);
  }
  const wal = new WalSync(dir);
  const durable = async () => {
    if (opties.walFsync === false) return;
    await wal.sync(await db.query<{ segment: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS segment').then((r) => r.rows[0]!.segment));
  };
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
      try {
        await db.close();
        await wal.close();
        await syncTree(dir);
      } finally {
        vrijgeven();
      }
    },
  };
}

/** A new database in an empty directory (but for the lock): from the template where there is one (pglite-sjabloon.ts). */
async function nieuweDatabase(dir: string, sjabloonPad: string | undefined): Promise<PGlite> {
  const sjabloon = sjabloonPad ? await pgliteSjabloon(sjabloonPad) : undefined;
  if (sjabloonPad && sjabloon) {
    try {
      return await PGlite.create(dir, { loadDataDir: sjabloon });
    } catch {
      // A template this PGlite cannot read: gone, and what it unpacked too; initdb as if there had been none.
      vergeetPgliteSjabloon(sjabloonPad);
      for (const naam of readdirSync(dir)) if (naam !== LOCK_BESTAND) rmSync(join(dir, naam), { recursive: true, force: true });
    }
  }
  return PGlite.create(dir);
}

/**
 * fsyncs the WAL segment holding the latest commit. The segment stays open between writes; when the WAL moved on to a
 * later segment, the whole data directory is synced: every segment from the previous one up to the new one (a commit of
 * another caller may have crossed more than one), the directories new files were created in, and the data files a
 * checkpoint may just have written.
 */
class WalSync {
  #dataDir: string;
  #walDir: string;
  #segment?: string;
  #file?: FileHandle;
  /** One sync at a time, so that a segment switch is handled once and a closed handle is never synced. */
  #queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
    this.#walDir = join(dataDir, 'pg_wal');
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
      // The first sync after open finds the tree just synced by open; only a real switch needs the walk.
      if (previous !== undefined) await syncTree(this.#dataDir);
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

/** fsyncs every file and directory under dir (files PostgreSQL removes meanwhile are skipped). */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await syncFile(path);
  }
  await syncFile(dir);
}

async function syncFile(path: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
