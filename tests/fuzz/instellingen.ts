/**
 * The fuzz suite's knobs, all from the environment so that CI and a developer reproducing a failure run the same code:
 * - OSO_FUZZ_SEED: the fast-check seed (an integer); every generated request follows from it and the target's name;
 * - OSO_FUZZ_SCHAAL: multiplies the number of hostile requests per target (default 1: just over 10,000 in total);
 * - OSO_FUZZ_DEADLINE_MS: how long one request may go unanswered before it counts as a hang.
 */
const standaardSeed = 20_151_015;

function getal(naam: string, standaard: number, geldig: (n: number) => boolean): number {
  const tekst = process.env[naam];
  if (tekst === undefined || tekst === '') return standaard;
  const n = Number(tekst);
  if (!geldig(n)) throw new Error(`${naam}=${tekst} is not valid here; leave it out for the default ${standaard}.`);
  return n;
}

export const fuzzSeed = getal('OSO_FUZZ_SEED', standaardSeed, (n) => Number.isSafeInteger(n));
export const fuzzSchaal = getal('OSO_FUZZ_SCHAAL', 1, (n) => n > 0 && n <= 100);
export const fuzzDeadlineMs = getal('OSO_FUZZ_DEADLINE_MS', 15_000, (n) => n >= 1_000);

/** The seed of one target: a stable mix of the run's seed and the target's name, so targets never share a sequence. */
export function seedVoor(doelwit: string): number {
  let h = fuzzSeed | 0;
  for (const c of doelwit) h = (Math.imul(h ^ c.charCodeAt(0), 0x01000193) + 0x9e3779b9) | 0;
  return h;
}

/** How to run exactly this again, printed with every failure and every summary. */
export const herhaalRegel = () => `OSO_FUZZ_SEED=${fuzzSeed} OSO_FUZZ_SCHAAL=${fuzzSchaal}`;
