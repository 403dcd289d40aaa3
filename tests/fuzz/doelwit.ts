/**
 * The servers under fuzz, each group in a child process of its own: a crash shows as the process's exit (not as a dead
 * test worker), its peak memory is its own (VmHWM), and the generator's work does not count against it.
 * - `wereld`: the simulated world as qualify starts it — TC, the PO and VO testscholen's APs, the reference LAS's APs,
 *   its test-control API and its web pages — after one real exchange, whose requests it hands over as recorded messages;
 * - `console`: the operator console with an upload prompt open (asked again whenever it is answered or expires).
 * Started by `startDoelwit`; the child answers over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DoelwitSoort = 'wereld' | 'console';

export interface WereldAdressen {
  tc: string;
  testschoolPo: string;
  testschoolVo: string;
  referentieLasAp: string;
  controlUrl: string;
  uiUrl: string;
  /** Requests of one real exchange (overdracht, document, sessiecontrole, afmelding), as they went over the wire. */
  opgenomen: { operatie: string; url: string; xml: string }[];
}

export interface ConsoleAdressen {
  url: string;
  bewijsMap: string;
}

type Bericht =
  | { soort: 'klaar'; adressen: WereldAdressen | ConsoleAdressen }
  | { soort: 'fout'; melding: string }
  | { soort: 'antwoorden'; aantal: number };

export interface Doelwit<A> {
  adressen: A;
  pid: number;
  /** Whether the process is still running (a crash ends it). */
  leeft(): boolean;
  /** How the process ended, when it did. */
  einde(): string | undefined;
  /** Peak resident memory of the process so far, in bytes (Linux: VmHWM); undefined where /proc is missing. */
  piekRss(): number | undefined;
  /** CPU time the process has used so far, in ms (Linux: /proc); undefined once it has ended or where /proc is missing. */
  cpuMs(): number | undefined;
  /** Console only: how many prompts were answered at the console. */
  antwoorden(): Promise<number>;
  stop(): Promise<void>;
}

export function piekRssVan(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU time (user and system) of a process in ms, from /proc/<pid>/stat; undefined where that is missing. */
export function cpuMsVan(pid: number): number | undefined {
  try {
    // The fields after the command name (which may hold spaces) and its ')': utime and stime are the 12th and 13th,
    // in clock ticks of (on Linux, always for user space) 1/100 s.
    const velden = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(velden[11]) + Number(velden[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function startDoelwit<S extends DoelwitSoort>(soort: S): Promise<Doelwit<S extends 'wereld' ? WereldAdressen : ConsoleAdressen>> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--doelwit', soort], {
    execArgv: ['--import', import.meta.resolve('tsx/esm')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let einde: string | undefined;
  let laatstePiek: number | undefined;
  const gestopt = new Promise<void>((klaar) =>
    child.on('exit', (code, signaal) => {
      einde = signaal ? `signal ${signaal}` : `exit ${code}`;
      klaar();
    }),
  );
  const adressen = await new Promise<any>((klaar, faal) => {
    const timer = setTimeout(() => faal(new Error(`fuzz target ${soort} did not start within 90 s`)), 90_000);
    child.on('message', (m: Bericht) => {
      if (m.soort === 'klaar') {
        clearTimeout(timer);
        klaar(m.adressen);
      } else if (m.soort === 'fout') {
        clearTimeout(timer);
        faal(new Error(`fuzz target ${soort} could not start: ${m.melding}`));
      }
    });
    void gestopt.then(() => faal(new Error(`fuzz target ${soort} stopped while starting (${einde})`)));
  });
  const piek = () => {
    if (einde === undefined) laatstePiek = piekRssVan(child.pid!) ?? laatstePiek;
    return laatstePiek;
  };
  return {
    adressen,
    pid: child.pid!,
    leeft: () => einde === undefined,
    einde: () => einde,
    piekRss: piek,
    cpuMs: () => (einde === undefined ? cpuMsVan(child.pid!) : undefined),
    antwoorden: () =>
      new Promise((klaar) => {
        const luister = (m: Bericht) => {
          if (m.soort !== 'antwoorden') return;
          child.off('message', luister);
          klaar(m.aantal);
        };
        child.on('message', luister);
        child.send({ soort: 'antwoorden' });
      }),
    stop: async () => {
      piek();
      if (einde === undefined) child.kill('SIGTERM');
      await gestopt;
    },
  };
}

async function startWereldInKind(): Promise<WereldAdressen> {
  const { startWorld } = await import('../../simulator/world.ts');
  const { referentieLasScholen, testscholen } = await import('../../fixtures/scholen.ts');
  const world = await startWorld();
  process.once('SIGTERM', () => void world.stop().then(() => process.exit(0)));
  // One real exchange, PO testschool → the reference LAS's VO school, so that there are recorded requests to mutate.
  const pgn = '999900018';
  world.testscholen.po.klaarzetten({ brin: testscholen.po.brin, pgn, doelBrin: referentieLasScholen.vo.brin });
  const res = await fetch(`${world.sut.controlUrl}/opvragen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ brin: referentieLasScholen.vo.brin, bronBrin: testscholen.po.brin, pgn, geboortedatum: '2008-03-14' }),
  });
  const uitkomst = (await res.json()) as { resultaat?: string };
  if (uitkomst.resultaat !== 'DossierGeleverd') throw new Error(`the recording exchange did not deliver: ${JSON.stringify(uitkomst)}`);
  const opgenomen = world.log.all().filter((e) => e.httpStatus === 200 && e.request !== '').map((e) => ({ operatie: e.operation, url: e.url, xml: e.request }));
  return {
    tc: world.tc.url,
    testschoolPo: world.testscholen.po.apUrl(testscholen.po.routeringsKenmerk),
    testschoolVo: world.testscholen.vo.apUrl(testscholen.vo.routeringsKenmerk),
    referentieLasAp: world.sut.scholen.po!.apUrl,
    controlUrl: world.sut.controlUrl!,
    uiUrl: `${world.sut.controlUrl}/ui`,
    opgenomen,
  };
}

async function startConsoleInKind(): Promise<{ adressen: ConsoleAdressen; aantal: () => number }> {
  const { startOperatorConsole } = await import('../../web/operator-console/operator-console.ts');
  const bewijsMap = mkdtempSync(join(tmpdir(), 'fuzz-operator-'));
  const oc = await startOperatorConsole({ bewijsMap, operator: 'Fuzz Operator', onderwerp: 'Proef-LAS' });
  process.once('SIGTERM', () => void oc.close().then(() => process.exit(0)));
  // Always a prompt open, so that answers and uploads reach the code that handles them.
  void (async () => {
    for (;;) {
      try {
        await oc.vraag({ soort: 'bestand', kop: 'Upload het bewijs', tekst: 'Upload de schermafdruk van het ontvangen dossier.', meerdere: true }, { timeoutMs: 600_000 });
      } catch {
        // expired or closed: ask again, or stop when closed
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  })();
  return { adressen: { url: oc.url, bewijsMap }, aantal: () => oc.antwoorden().length };
}

if (process.argv[2] === '--doelwit' && process.send) {
  const stuur = (m: Bericht) => process.send!(m);
  const soort = process.argv[3] as DoelwitSoort;
  void (async () => {
    try {
      if (soort === 'wereld') stuur({ soort: 'klaar', adressen: await startWereldInKind() });
      else {
        const { adressen, aantal } = await startConsoleInKind();
        process.on('message', (m: { soort: string }) => {
          if (m.soort === 'antwoorden') stuur({ soort: 'antwoorden', aantal: aantal() });
        });
        stuur({ soort: 'klaar', adressen });
      }
    } catch (e) {
      stuur({ soort: 'fout', melding: (e as Error).stack ?? String(e) });
      process.exit(1);
    }
  })();
}
