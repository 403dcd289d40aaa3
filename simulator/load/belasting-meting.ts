/**
 * The books of a capacity run: per time window and per step of the profile, for each kind of message, how many were
 * started, answered and failed (by kind of error), their latencies (a histogram each), the requests in flight and how
 * far the generator itself lagged behind its schedule. Latencies and errors count in the window an arrival was due,
 * so a slow answer shows where the load that caused it was; throughput counts in the window an answer came.
 */
import { LatencyHistogram, type LatencySummary } from './latency-histogram.ts';

/** Why an arrival failed; the report names each. */
export type Foutsoort = 'time-out' | 'verbinding' | 'soap-fault' | 'resultaat' | 'controle' | 'niet-gestart';

interface Bak {
  gestart: number;
  voltooid: number;
  fouten: Partial<Record<Foutsoort, number>>;
  latentie: Map<string, LatencyHistogram>;
  maxInBehandeling: number;
  generatorAchterstand: LatencyHistogram;
  /** Arrivals started more than the lag limit after they were due. */
  teLaat: number;
}

const nieuweBak = (): Bak => ({ gestart: 0, voltooid: 0, fouten: {}, latentie: new Map(), maxInBehandeling: 0, generatorAchterstand: new LatencyHistogram(), teLaat: 0 });

export interface BakSamenvatting {
  gestart: number;
  voltooid: number;
  fouten: Partial<Record<Foutsoort, number>>;
  /** Failed arrivals (any kind) per started one, 0..1. */
  foutfractie: number;
  latentie: Record<string, LatencySummary>;
  maxInBehandeling: number;
  /** How late the generator started arrivals: p99 and max in ms. */
  generatorAchterstandP99Ms: number;
  generatorAchterstandMaxMs: number;
  teLaat: number;
}

export class BelastingMeting {
  readonly #vensters: Bak[] = [];
  readonly #stappen: Bak[] = [];
  readonly #totaal = nieuweBak();

  constructor(
    /** Width of a time window in ms. */
    readonly vensterMs: number,
    /** An arrival started later than this after it was due counts as the generator's lag, not the LAS's. */
    readonly achterstandsgrensMs = 100,
  ) {
    if (!(vensterMs > 0)) throw new RangeError(`vensterMs must be positive, not ${vensterMs}.`);
  }

  #bakken(geplandMs: number, stap: number): Bak[] {
    const v = Math.max(0, Math.floor(geplandMs / this.vensterMs));
    while (this.#vensters.length <= v) this.#vensters.push(nieuweBak());
    while (this.#stappen.length <= stap) this.#stappen.push(nieuweBak());
    return [this.#vensters[v]!, this.#stappen[stap]!, this.#totaal];
  }

  /** An arrival was started (`inBehandeling`: the others in flight then). */
  gestart(a: { geplandMs: number; gestartMs: number; stap: number; inBehandeling: number }): void {
    const achterstand = Math.max(0, a.gestartMs - a.geplandMs);
    for (const b of this.#bakken(a.geplandMs, a.stap)) {
      b.gestart++;
      b.maxInBehandeling = Math.max(b.maxInBehandeling, a.inBehandeling + 1);
      b.generatorAchterstand.record(achterstand);
      if (achterstand > this.achterstandsgrensMs) b.teLaat++;
    }
  }

  /** One message (or a whole exchange) of an arrival took `ms`; `soort` names it, e.g. `bron documentRequest`. */
  latentie(a: { geplandMs: number; stap: number }, soort: string, ms: number): void {
    for (const b of this.#bakken(a.geplandMs, a.stap)) {
      let h = b.latentie.get(soort);
      if (!h) b.latentie.set(soort, (h = new LatencyHistogram()));
      h.record(ms);
    }
  }

  /** The arrival ended well, at `klaarMs` on the run's clock. */
  voltooid(a: { stap: number }, klaarMs: number): void {
    const v = Math.max(0, Math.floor(klaarMs / this.vensterMs));
    while (this.#vensters.length <= v) this.#vensters.push(nieuweBak());
    while (this.#stappen.length <= a.stap) this.#stappen.push(nieuweBak());
    for (const b of [this.#vensters[v]!, this.#stappen[a.stap]!, this.#totaal]) b.voltooid++;
  }

  fout(a: { geplandMs: number; stap: number }, soort: Foutsoort): void {
    for (const b of this.#bakken(a.geplandMs, a.stap)) b.fouten[soort] = (b.fouten[soort] ?? 0) + 1;
  }

  vensters(): BakSamenvatting[] {
    return this.#vensters.map(samenvatting);
  }

  stappen(): BakSamenvatting[] {
    return this.#stappen.map(samenvatting);
  }

  /** One step's books; empty when no arrival fell in it (a rate too low for its duration). */
  stap(index: number): BakSamenvatting {
    return samenvatting(this.#stappen[index] ?? nieuweBak());
  }

  totaal(): BakSamenvatting {
    return samenvatting(this.#totaal);
  }
}

function samenvatting(b: Bak): BakSamenvatting {
  const fouten = Object.values(b.fouten).reduce((s, n) => s + n, 0);
  const niet = b.fouten['niet-gestart'] ?? 0;
  const achterstand = b.generatorAchterstand.summary();
  return {
    gestart: b.gestart,
    voltooid: b.voltooid,
    fouten: { ...b.fouten },
    foutfractie: b.gestart + niet === 0 ? 0 : fouten / (b.gestart + niet),
    latentie: Object.fromEntries([...b.latentie].sort(([x], [y]) => x.localeCompare(y)).map(([k, h]) => [k, h.summary()])),
    maxInBehandeling: b.maxInBehandeling,
    generatorAchterstandP99Ms: achterstand.count ? achterstand.p99Ms : 0,
    generatorAchterstandMaxMs: achterstand.count ? achterstand.maxMs : 0,
    teLaat: b.teLaat,
  };
}
