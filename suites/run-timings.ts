/**
 * Where the time of a qualification goes inside the Playwright workers, for `qualify --timings`: per test, when it began
 * and ended, and how long its world took to start and stop and its printable dossiers took to render. Each worker
 * appends one JSON line per test to a file of its own in the run's timings folder; qualify adds them up afterwards.
 * Nothing is recorded when the run did not ask for timings.
 */
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { qualificationRunFromEnv } from './run-settings.ts';

/** The parts of a test that are measured separately; the rest of a test is its scenario steps. */
export type TestFase = 'world' | 'PDFs';

export interface TestTijden {
  /** Epoch milliseconds. */
  begin: number;
  end: number;
  ms: Record<TestFase, number>;
}

/** A worker runs one test at a time, so one record per process is enough. */
let huidige: TestTijden | undefined;

/** Starts the record of the test that is starting in this worker. */
export function beginTestTijden(): void {
  huidige = { begin: Date.now(), end: 0, ms: { world: 0, PDFs: 0 } };
}

/** Runs `work` and counts its time towards `fase` of the current test. */
export async function meet<T>(fase: TestFase, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    if (huidige) huidige.ms[fase] += performance.now() - start;
  }
}

/** Ends the current test's record and, when the run asked for timings, appends it to this worker's file. */
export async function schrijfTestTijden(): Promise<void> {
  const tijden = huidige;
  huidige = undefined;
  const dir = qualificationRunFromEnv()?.timingsDir;
  if (!tijden || !dir) return;
  tijden.end = Date.now();
  await appendFile(join(dir, `worker-${process.pid}.jsonl`), `${JSON.stringify(tijden)}\n`);
}

/** Every test's record of a run, in no particular order. */
export async function leesTestTijden(dir: string): Promise<TestTijden[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl'));
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  return texts.flatMap((t) => t.split('\n').filter(Boolean).map((line) => JSON.parse(line) as TestTijden));
}
