/**
 * A write resolves only when durable: a child process writes and prints every acknowledged write, is killed with
 * SIGKILL mid-way (no chance to flush or close), and the reopened store holds every acknowledged record.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store/open-store.ts';
import type { StoreOpties } from '../../store/open-store.ts';
import { SqlStore } from '../../store/sql-store.ts';
import type { NieuwBericht } from '../../store/store.ts';
import { ENGINES, engineTitel, nieuweDatabase, vereisEngine } from './store-engines.ts';

const SCHRIJVER = fileURLToPath(new URL('./durability-writer.ts', import.meta.url));
/** Acknowledged writes to wait for before the kill: enough to be well inside the run, and some sessions among them. */
const VOOR_DE_KILL = 150;

/**
 * Runs the writer until it acknowledged `aantal` writes, kills it with SIGKILL, gives every complete line it printed.
 * `terwijl` runs once the writer has its store open, and the kill waits for it.
 */
function schrijfEnKill(
  opties: StoreOpties,
  aantal: number,
  terwijl: (pid: number) => Promise<void> = async () => {},
): Promise<{ regels: string[]; signaal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCHRIJVER, JSON.stringify(opties)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let uit = '';
    let fout = '';
    let gedood = false;
    let klaarTerwijl: Promise<void> | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer did not acknowledge ${aantal} writes within 90 s\n${uit.slice(-2000)}\n${fout}`));
    }, 90_000);
    child.stdout.on('data', (d) => {
      uit += d;
      if (!klaarTerwijl && uit.startsWith('open\n')) klaarTerwijl = terwijl(child.pid!);
      if (!gedood && uit.split('\n').filter((r) => /^(bericht|afgemeld) /.test(r)).length >= aantal) {
        gedood = true;
        void klaarTerwijl!.then(
          () => child.kill('SIGKILL'),
          (error) => {
            child.kill('SIGKILL');
            reject(error);
          },
        );
      }
    });
    child.stderr.on('data', (d) => (fout += d));
    child.on('exit', (code, signaal) => {
      clearTimeout(timer);
      if (!gedood) return reject(new Error(`the writer stopped by itself (exit ${code})\n${fout}`));
      // Only complete lines: a line cut off by the kill acknowledged nothing.
      const regels = uit.split('\n').slice(0, -1);
      resolve({ regels, signaal });
    });
  });
}

const bericht = (nr: number): NieuwBericht => ({
  recordedBy: 'TC',
  operation: 'overdrachtRequest',
  van: '23CC',
  naar: 'TC',
  url: 'https://tc.example.test/oso',
  request: `<verzoek nr="${nr}"/>`,
  uitkomst: 'OK',
  startedAt: new Date().toISOString(),
  durationMs: 1,
  brins: ['23CC'],
  instantie: 'test',
});

for (const soort of ENGINES) {
  test(`${engineTitel(soort)}: after SIGKILL mid-way, the reopened store holds every acknowledged write`, async () => {
    vereisEngine(soort);
    test.setTimeout(180_000);
    const db = await nieuweDatabase(soort);
    try {
      // Meanwhile the writer's PGlite directory is its own: a second process is turned away, naming the writer.
      const { regels, signaal } = await schrijfEnKill(db.plek, VOOR_DE_KILL, async (pid) => {
        if (soort !== 'pglite') return;
        const fout = await openStore(db.plek).then(
          (s) => s.close().then(() => undefined),
          (e: Error) => e,
        );
        expect(fout?.message).toContain(`is in use by process ${pid}`);
      });
      expect(signaal).toBe('SIGKILL');
      expect(regels[0]).toBe('open');
      const berichten = regels.filter((r) => r.startsWith('bericht ')).map((r) => r.split(' ').slice(1).map(String));
      const afgemeld = regels.filter((r) => r.startsWith('afgemeld ')).map((r) => r.split(' ').slice(1));
      expect(berichten.length + afgemeld.length).toBeGreaterThanOrEqual(VOOR_DE_KILL);
      expect(afgemeld.length).toBeGreaterThan(0);

      const store = await openStore(db.plek);
      try {
        for (const [id, nr] of berichten) {
          const b = await store.bericht(Number(id));
          expect(b?.request.startsWith(`<verzoek nr="${nr}">`), `bericht ${id} (nr ${nr})`).toBe(true);
        }
        for (const [sessieId, nr] of afgemeld) {
          const s = await store.sessies.get(sessieId!);
          expect(s?.afmelding?.resultaatcode, `sessie ${sessieId} (nr ${nr})`).toBe(`R${nr}`);
        }
        // The store still takes writes after the crash (PGlite: the dead writer's lock was taken over).
        expect((await store.berichten({ brin: '21AA' })).length).toBeGreaterThanOrEqual(berichten.length);
        await store.sessies.open({
          doelBrin: '21AA',
          doelRouteringsKenmerk: 'rk',
          bronBrin: '22BB',
          overdrachtsoort: 'overstapdossier',
          doelOin: '0',
          geopendOp: new Date(),
        });
      } finally {
        await store.close();
      }
    } finally {
      await db.opruimen();
    }
  });
}

test('PGlite: writes resolve and stay readable as the WAL moves through several segments', async () => {
  test.setTimeout(180_000);
  const db = await nieuweDatabase('pglite');
  try {
    const driver = await db.driver();
    const store = await SqlStore.open(driver, 'test');
    const segment = async () => (await driver.query<{ s: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS s'))[0]!.s;
    const eerste = await segment();
    // Random bodies: PostgreSQL would compress a repeated one to almost nothing.
    const lichamen = Array.from({ length: 40 }, () => randomBytes(768 * 1024).toString('base64'));
    const ids: number[] = [];
    for (const [i, request] of lichamen.entries()) ids.push((await store.berichtToevoegen({ ...bericht(i), request })).id);
    const laatste = await segment();
    expect(parseInt(laatste.slice(-8), 16) - parseInt(eerste.slice(-8), 16)).toBeGreaterThanOrEqual(2);
    await store.close();
    const weer = await openStore(db.plek);
    try {
      for (const [i, id] of ids.entries()) expect((await weer.bericht(id))?.request === lichamen[i], `bericht ${id}`).toBe(true);
    } finally {
      await weer.close();
    }
  } finally {
    await db.opruimen();
  }
});
