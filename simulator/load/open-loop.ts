/**
 * An open-loop load generator: arrivals are scheduled by the clock at the stated rate and started when their time comes,
 * whether or not earlier ones were answered — as schools do not wait for each other. (The closed-loop generator in
 * load-generator.ts keeps N in flight instead, and so slows down with the server it measures: it can never show a
 * server falling behind.) Arrivals are a Poisson process (exponential gaps, seeded) or evenly spaced.
 *
 * The generator keeps its own books: every arrival is started with its lag behind schedule, so a report can tell a LAS
 * that answered slowly from a generator that started late (a busy event loop, a starved machine).
 */
import { seededRandom } from './seeded-random.ts';
import type { Stap } from './belasting-profielen.ts';

export type Aankomsten = 'poisson' | 'vast';

export interface OpenLoopOptions {
  stappen: readonly Stap[];
  aankomsten?: Aankomsten;
  seed?: string;
  /**
   * At most this many arrivals in flight; one more is not started but counted as `nietGestart` (the generator protects
   * its own memory from a LAS that no longer answers). Default 10 000.
   */
  maxInBehandeling?: number;
  /** Called before each step starts; false stops the run (the ramp stops after a step over the limits). */
  voorStap?: (index: number, stap: Stap) => boolean;
  /**
   * Starts one arrival. `geplandMs` is when it was due, `gestartMs` when it started (both on the run's clock, ms since
   * its start); the promise settles when the arrival is done, and should not reject.
   */
  start: (a: Aankomst) => Promise<void>;
  /** Called when a step's time is up (its answers may still be coming); the next step starts when it returns. */
  stapKlaar?: (index: number) => void | Promise<void>;
  /** An arrival that was due but not started (maxInBehandeling reached). */
  nietGestart?: (a: { geplandMs: number; stap: number }) => void;
  /** The run's clock (default performance.now); tests give a fake one. */
  nu?: () => number;
}

export interface Aankomst {
  index: number;
  stap: number;
  geplandMs: number;
  gestartMs: number;
  /** Arrivals in flight when this one started, itself not counted. */
  inBehandeling: number;
}

export interface OpenLoopVerloop {
  gepland: number;
  gestart: number;
  /** Not started because maxInBehandeling was reached. */
  nietGestart: number;
  /** The steps that ran (a ramp may stop early). */
  stappenGelopen: number;
  /** When each step that ran began (ms since the start): later than the previous one's end when stapKlaar waited. */
  stapBeginMs: number[];
  /** When the last arrival was scheduled, and when the last one finished (ms since the start). */
  laatsteGeplandMs: number;
  eindeMs: number;
}

/** How long the scheduler sleeps at most: it wakes at the next arrival, but never sleeps past a step's end. */
const MAX_SLAAP_MS = 250;

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopVerloop> {
  const nu = options.nu ?? (() => performance.now());
  const random = seededRandom(options.seed ?? 'belasting');
  const poisson = (options.aankomsten ?? 'poisson') === 'poisson';
  const max = options.maxInBehandeling ?? 10_000;
  const t0 = nu();
  const klok = () => nu() - t0;
  const lopend = new Set<Promise<void>>();
  let index = 0;
  let nietGestart = 0;
  let stappenGelopen = 0;
  let laatsteGeplandMs = 0;
  let stapBegin = 0;
  const stapBeginMs: number[] = [];

  for (const [s, stap] of options.stappen.entries()) {
    if (options.voorStap && !options.voorStap(s, stap)) break;
    stappenGelopen++;
    stapBeginMs.push(stapBegin);
    const stapEinde = stapBegin + stap.duurMs;
    const gemiddeldeTussentijd = 1000 / stap.snelheid;
    const tussentijd = () => (poisson ? -Math.log(1 - random()) * gemiddeldeTussentijd : gemiddeldeTussentijd);
    // The first arrival of a step comes one gap after its start, as in any Poisson process started at that moment.
    let volgende = stapBegin + tussentijd();
    while (volgende < stapEinde) {
      const wacht = volgende - klok();
      if (wacht > 0) {
        await slaap(Math.min(wacht, MAX_SLAAP_MS));
        continue;
      }
      // Everything due is started now, each with its own lag: catching up is visible, never hidden.
      const geplandMs = volgende;
      volgende += tussentijd();
      laatsteGeplandMs = geplandMs;
      if (lopend.size >= max) {
        nietGestart++;
        options.nietGestart?.({ geplandMs, stap: s });
        continue;
      }
      const aankomst: Aankomst = { index: index++, stap: s, geplandMs, gestartMs: klok(), inBehandeling: lopend.size };
      const p: Promise<void> = options.start(aankomst).catch(() => {}).finally(() => lopend.delete(p));
      lopend.add(p);
    }
    // Sleep out the rest of the step, so that a slow step cannot eat into the next one's schedule.
    while (klok() < stapEinde) await slaap(Math.min(stapEinde - klok(), MAX_SLAAP_MS));
    // The next step starts when stapKlaar is done: a ramp may wait there for a step's answers, so that each step starts
    // from an idle LAS and the time spent waiting is never counted as the generator's lag.
    await options.stapKlaar?.(s);
    stapBegin = Math.max(stapEinde, klok());
  }
  await Promise.all([...lopend]);
  return { gepland: index + nietGestart, gestart: index, nietGestart, stappenGelopen, stapBeginMs, laatsteGeplandMs, eindeMs: klok() };
}

function slaap(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
