/**
 * One process at a time in a PGlite data directory. PGlite is a single-user PostgreSQL with no postmaster.pid of its
 * own: two processes writing one directory would corrupt it silently. So the store claims the directory with a lock
 * file holding its process id and host name. A lock left by a process that no longer runs on this host (killed with
 * kill -9, or a container restarted with the same pid) is stale and taken over. A lock from another host cannot be
 * checked from here: it is refused, and the message says which file to remove once that host is known to be stopped.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_BESTAND = 'oso-testbank.lock';

/** Directories this process holds: a second open in the same process is refused too. */
const inGebruik = new Set<string>();

interface Eigenaar {
  pid: number;
  host: string;
}

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function leesEigenaar(pad: string): Eigenaar | undefined {
  try {
    const e = JSON.parse(readFileSync(pad, 'utf8')) as Partial<Eigenaar>;
    return typeof e.pid === 'number' && typeof e.host === 'string' ? { pid: e.pid, host: e.host } : undefined;
  } catch {
    return undefined;
  }
}

/** Claims dir for this process; gives the function that releases it. */
export function claimDataDir(dir: string): () => void {
  if (inGebruik.has(dir)) throw new Error(`The data directory ${dir} is already open in this process`);
  const pad = join(dir, LOCK_BESTAND);
  const ik: Eigenaar = { pid: process.pid, host: hostname() };
  for (let poging = 0; poging < 3; poging++) {
    try {
      writeFileSync(pad, JSON.stringify(ik), { flag: 'wx' });
      inGebruik.add(dir);
      return () => {
        inGebruik.delete(dir);
        rmSync(pad, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`Cannot lock the data directory ${dir}: ${(error as Error).message}`);
    }
    const eigenaar = leesEigenaar(pad);
    // Unreadable: a process is writing it at this very moment, or it was cut off mid-write; look again.
    if (eigenaar && eigenaar.host !== ik.host)
      throw new Error(`The data directory ${dir} is in use by host ${eigenaar.host} (process ${eigenaar.pid}); if that is stopped, remove ${pad}`);
    if (eigenaar && eigenaar.pid !== ik.pid && leeft(eigenaar.pid))
      throw new Error(`The data directory ${dir} is in use by process ${eigenaar.pid}: stop it first, or use another data directory (several instances share a PostgreSQL database instead)`);
    if (eigenaar || poging > 0) rmSync(pad, { force: true });
  }
  throw new Error(`Cannot lock the data directory ${dir}: ${pad} keeps appearing`);
}
