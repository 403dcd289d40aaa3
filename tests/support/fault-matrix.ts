/**
 * The fault matrix: the qualification runs (suites/qualification-runs.ts, the very list the specs declare) replayed in
 * this process against the embedded reference LAS with named faults switched on. Each run gets a world of its own, as in
 * the qualification suite, and is judged by the suite's own classification (uitkomstVan). What differs from `qualify` is
 * only what a fault cannot change: no Playwright run, Allure results, report or evidence bundle per fault, and no replay
 * of a run in which the LAS never looks at the fault's switches (`voerFaultUit`).
 */
import type { Requirement } from '../../suites/requirements.ts';
import { kanMerken, referenceLasFaults, type ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { startWorld } from '../../simulator/world.ts';
import { httpAdapter } from '../../suites/adapters/http-adapter.ts';
import { uitkomstVan } from '../../suites/check-failure.ts';
import { beveiligingRunDefs, scenarioRuns, type QualificationRunDef } from '../../suites/qualification-runs.ts';
import type { StepReporter } from '../../suites/scenario-runner.ts';
import { matchesFilter } from '../../suites/scenario.ts';
import { standaardTijdslimieten } from '../../suites/sut-config.ts';

/** One run's outcome, in the terms of kwalificatie.json. */
export interface RunUitslag {
  run: string;
  status: 'passed' | 'failed' | 'broken';
  message?: string;
}

/** Every qualification run `qualify` executes without a selection. */
export function alleRuns(requirements: ReadonlyMap<string, Requirement>): QualificationRunDef[] {
  return [...scenarioRuns(requirements), ...beveiligingRunDefs(requirements)];
}

/** The matrix needs the outcome only: steps, messages and attachments go nowhere. */
const geenVerslag: StepReporter = {
  step: (_titel, body) => body(),
  exchanges: async () => {},
  attachment: async () => {},
};

/** As long as a qualification test may take by default (playwright.config.ts); a run that hangs is broken, as there. */
const RUN_DEADLINE_MS = 60_000;

/**
 * Runs one qualification run against the reference LAS with the given faults, in a world of its own; `gelezen` hears
 * every switch of the LAS's behaviour it looks at.
 */
export async function voerRunUit(def: QualificationRunDef, faults: readonly ReferenceLasFault[], gelezen?: (schakelaar: string) => void): Promise<RunUitslag> {
  const run = `${def.info.id}/${def.info.rol}`;
  // The settings qualify gives the world fixture: the run's world options, the faults, the default seed.
  const world = await startWorld({ ...def.info.worldOptions, faults, seed: '1', ...(gelezen ? { gedragGelezen: gelezen } : {}) });
  const sut = httpAdapter({ controlUrl: world.sut.controlUrl!, timeoutMs: standaardTijdslimieten.adapterMs });
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${run} did not finish within ${RUN_DEADLINE_MS} ms`)), RUN_DEADLINE_MS);
    });
    await Promise.race([def.uitvoeren({ world, sut, reporter: geenVerslag, onEis: () => {} }), deadline]);
    return { run, status: 'passed' };
  } catch (e) {
    return { run, status: uitkomstVan(e) === 'afgekeurd' ? 'failed' : 'broken', message: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
    await sut.close();
    await world.stop();
  }
}

/**
 * Every run, in the order given, `gelijktijdig` at a time, each in its own world. One at a time by default: the runs keep
 * a core busy and the machine's cores are shared with the other workers, so more at once gains nothing. Runs that mostly
 * wait (a fault that makes the LAS slow) may go side by side.
 */
export async function voerRunsUit(defs: readonly QualificationRunDef[], faults: readonly ReferenceLasFault[], gelijktijdig = 1): Promise<RunUitslag[]> {
  const uitslagen: RunUitslag[] = [];
  let volgende = 0;
  const uitvoerder = async () => {
    for (let i = volgende++; i < defs.length; i = volgende++) uitslagen[i] = await voerRunUit(defs[i]!, faults);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(gelijktijdig, defs.length)) }, uitvoerder));
  return uitslagen;
}

/** A clean run's outcome, with the switches of its behaviour the reference LAS looked at in it. */
export interface SchoneRun extends RunUitslag {
  gelezen: ReadonlySet<string>;
}

/** Every run against the clean reference LAS, one after the other, each recording which switches the LAS looked at. */
export async function schoneRuns(defs: readonly QualificationRunDef[]): Promise<SchoneRun[]> {
  const schoon: SchoneRun[] = [];
  for (const def of defs) {
    const gelezen = new Set<string>();
    schoon.push({ ...(await voerRunUit(def, [], (s) => gelezen.add(s))), gelezen });
  }
  return schoon;
}

/**
 * Every run with one fault switched on, as far as the fault can matter: a run whose clean replay never looked at a
 * switch of the fault (`kanMerken`) is that clean run again — same seed, same path, for the LAS behaves differently
 * only where it reads a switch — so its clean outcome stands; every other run is replayed with the fault.
 */
export async function voerFaultUit(defs: readonly QualificationRunDef[], schoon: readonly SchoneRun[], fault: ReferenceLasFault, gelijktijdig = 1): Promise<(RunUitslag & { herhaald: boolean })[]> {
  const teHerhalen = defs.filter((_, i) => kanMerken(fault, schoon[i]!.gelezen));
  const herhaald = new Map((await voerRunsUit(teHerhalen, [fault], gelijktijdig)).map((u) => [u.run, u]));
  return schoon.map(({ gelezen: _, ...u }) => {
    const opnieuw = herhaald.get(u.run);
    return opnieuw ? { ...opnieuw, herhaald: true } : { ...u, herhaald: false };
  });
}

/** A failure as the report must show a finding about the SUT: requirement, expectation and what came instead. */
const BEVINDING = /^\[[A-Z]+-\d\d\] .*\n {2}Verwacht: .*\n {2}Ontvangen: /;

/**
 * Where the outcomes differ from what the faults should cause, one line per run: a targeted run must fail as a finding
 * about the SUT (not break, not pass), every other run must pass. Empty when the faults catch exactly what they claim.
 */
export function verschillen(uitslagen: readonly RunUitslag[], faults: readonly ReferenceLasFault[]): string[] {
  const vangtIn = faults.flatMap((f) => referenceLasFaults[f].vangtIn);
  const eersteRegel = (u: RunUitslag) => (u.message ? `: ${u.message.split('\n')[0]}` : '');
  return uitslagen.flatMap((u) => {
    const verwacht = vangtIn.length > 0 && matchesFilter(u.run, vangtIn) ? 'failed' : 'passed';
    if (u.status !== verwacht) return [`${u.run}: expected ${verwacht}, got ${u.status}${eersteRegel(u)}`];
    if (u.status === 'failed' && !BEVINDING.test(u.message ?? ''))
      return [`${u.run}: failed, but not with "[EIS-ID] …\\n  Verwacht: …\\n  Ontvangen: …"${eersteRegel(u)}`];
    return [];
  });
}
