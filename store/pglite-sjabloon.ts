/**
 * A new PGlite database starts from a template instead of PGlite's initdb: an initialised, empty cluster as PGlite dumps
 * it. initdb costs some 4–8 s of CPU on the 2-core development machine, loading the template about 1.5 s, and every
 * `serve` in a new data folder and every store test pays it. The template holds no schema and no data (the migrations
 * run at open as for any new database) and is made once, from an in-memory database, the first time a new database is
 * opened after installing. It is kept beside the installed PGlite (node_modules/.cache/oso-testbank), named by PGlite's
 * version, so `npm ci` or an upgrade removes it with the PGlite that wrote it. Best effort throughout: where it cannot
 * be made, written or read, a new database is initialised as before.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Beside the installed PGlite, named by its version; undefined where PGlite's folder cannot be found. */
export function standaardSjabloonPad(): string | undefined {
  try {
    // …/node_modules/@electric-sql/pglite/dist/index.cjs (its package.json is not exported, but can be read).
    const pakket = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
    const { version } = JSON.parse(readFileSync(join(pakket, 'package.json'), 'utf8')) as { version: string };
    return join(pakket, '..', '..', '.cache', 'oso-testbank', `pglite-${version}-leeg-cluster.tar.gz`);
  } catch {
    return undefined;
  }
}

/** The template at `pad`, made now if there is none yet; undefined where it cannot be had (then initdb runs as usual). */
export async function pgliteSjabloon(pad: string): Promise<Blob | undefined> {
  try {
    return new Blob([readFileSync(pad)]);
  } catch {
    // Not made yet (or unreadable): make it.
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create();
    const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    try {
      mkdirSync(dirname(pad), { recursive: true });
      // Two processes may make it at once: each writes its own file and renames it into place, whole.
      const deel = `${pad}.${process.pid}.deel`;
      writeFileSync(deel, dump);
      renameSync(deel, pad);
    } catch {
      // A read-only installation: this open still uses the template made here.
    }
    return new Blob([dump]);
  } catch {
    return undefined;
  } finally {
    await db?.close().catch(() => {});
  }
}

/** A template this PGlite could not load: removed, so the next new database makes a good one. */
export function vergeetPgliteSjabloon(pad: string): void {
  rmSync(pad, { force: true });
}
