/**
 * `qualify --timings`: how long each phase of one qualification took, so that the fixed cost of a run (paid whatever the
 * selection) can be told apart from the cost of its scenario runs. Qualify marks its own phases; the phases inside the
 * Playwright run come from the workers' records (suites/run-timings.ts).
 */
import type { TestTijden } from '../suites/run-timings.ts';

interface Fase {
  naam: string;
  ms: number;
  toelichting?: string;
}

export class QualifyTimings {
  readonly #fasen: Fase[] = [];
  #sinds: number;

  /** `startedAt` is the performance.now() of the process's own start, so start-up counts the loading of the harness. */
  constructor(startedAt = 0) {
    this.#sinds = startedAt;
  }

  /** Ends the phase that ran since the previous mark (or since the start). */
  mark(naam: string): void {
    const nu = performance.now();
    this.#fasen.push({ naam, ms: nu - this.#sinds });
    this.#sinds = nu;
  }

  /**
   * Splits the Playwright run (which ended just now) into its start-up, the tests and its shutdown, with the tests' world
   * and printable-dossier time summed over the tests (workers run in parallel, so those sums may exceed the wall time).
   */
  markPlaywright(tests: readonly TestTijden[]): void {
    const nu = performance.now();
    const span = nu - this.#sinds;
    this.#sinds = nu;
    if (tests.length === 0) {
      this.#fasen.push({ naam: 'runs', ms: span, toelichting: 'Playwright, no test records' });
      return;
    }
    // Epoch milliseconds of the workers, turned into this process's clock.
    const epochNu = Date.now();
    const eerste = Math.min(...tests.map((t) => t.begin));
    const laatste = Math.max(...tests.map((t) => t.end));
    const opstart = span - (epochNu - eerste);
    const afsluiten = epochNu - laatste;
    const som = (f: keyof TestTijden['ms']) => tests.reduce((n, t) => n + t.ms[f], 0);
    const over = `summed over ${tests.length} test${tests.length === 1 ? '' : 's'}`;
    this.#fasen.push(
      { naam: 'playwright start-up', ms: opstart, toelichting: 'loading the suites, global set-up, starting workers' },
      { naam: 'runs', ms: laatste - eerste, toelichting: 'wall time from the first test to the last' },
      { naam: 'world', ms: som('world'), toelichting: `part of runs: starting and stopping the simulated world, ${over}` },
      { naam: 'PDFs', ms: som('PDFs'), toelichting: `part of runs: printable dossiers (HTML, PDF where Chromium is available), ${over}` },
      { naam: 'playwright shutdown', ms: afsluiten, toelichting: 'reporters and workers finishing' },
    );
  }

  render(): string {
    const width = Math.max(...this.#fasen.map((f) => f.naam.length), 'total'.length);
    // Up to the last mark: the phases are consecutive from the process's start, so they add up to this.
    const totaal = this.#sinds;
    const regel = (naam: string, ms: number, toelichting?: string) =>
      `  ${naam.padEnd(width)} ${String(Math.round(ms)).padStart(7)} ms${toelichting ? `  (${toelichting})` : ''}`;
    return ['Timings:', ...this.#fasen.map((f) => regel(f.naam, f.ms, f.toelichting)), regel('total', totaal, 'since the process started'), ''].join('\n');
  }
}
