/**
 * A real qualification that several tests read, run once per `playwright test` and shared by every worker: a qualify
 * run is the costliest thing the tests start, and several tests asking their questions of identical runs proved
 * nothing more than one. The first test to ask runs the real command; the others wait for its outcome. The report is
 * read-only: a test that changes it works on a copy.
 *
 * Each shared run has a name and fixed arguments, given in one module of its own (schone-kwalificatie.ts,
 * foute-kwalificatie.ts, belasting-kwalificatie.ts), so that two tests asking for the same name always get the same run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wacht } from 'node:timers/promises';
import { runCli } from '../cli/run-cli.ts';

export interface GedeeldeKwalificatie {
  /** The report folder. */
  dir: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

const LIMIET_MS = 280_000;

/** One folder per shared run and test run: playwright.config.ts sets the id once in the runner, and its workers inherit it. */
function basis(naam: string): string {
  const run = process.env.OSO_TESTRUN_ID;
  if (!run) throw new Error('OSO_TESTRUN_ID is not set: run the tests through playwright.config.ts.');
  return join(tmpdir(), `oso-${naam}-kwalificatie-${run}`);
}

/** The outcome of `qualify <args> --report <dir>`, run by the first test of this test run that asks for `naam`. */
export async function gedeeldeKwalificatie(naam: string, args: readonly string[]): Promise<GedeeldeKwalificatie> {
  const map = basis(naam);
  const dir = join(map, 'rapport');
  const uitslag = join(map, 'uitslag.json');
  let eerste = true;
  try {
    mkdirSync(map);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    eerste = false;
  }
  if (eerste) {
    // A run that could not finish is an outcome too: the waiting tests get its reason now, not after their time limit.
    const uitkomst = await runCli(['qualify', ...args, '--report', dir], LIMIET_MS).catch((e: Error) => ({ code: null, stdout: '', stderr: e.message }));
    writeFileSync(uitslag, JSON.stringify(uitkomst));
    return { dir, ...uitkomst };
  }
  const tot = Date.now() + LIMIET_MS;
  while (Date.now() < tot) {
    try {
      return { dir, ...(JSON.parse(readFileSync(uitslag, 'utf8')) as Omit<GedeeldeKwalificatie, 'dir'>) };
    } catch {
      await wacht(500);
    }
  }
  throw new Error(`The shared qualification in ${map} did not finish within ${LIMIET_MS} ms (the worker running it may have been stopped).`);
}
