/**
 * Latencies of a load run as a histogram with logarithmic buckets (each 1 % wider than the one before), so a run of
 * millions of requests keeps a few kilobytes and any percentile is read back within 1 %. Minimum and maximum are exact.
 */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Below this (1 µs) every latency falls into the first bucket. */
const SMALLEST_MS = 0.001;

export interface LatencySummary {
  count: number;
  meanMs: number;
  minMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class LatencyHistogram {
  readonly #buckets = new Map<number, number>();
  #count = 0;
  #sum = 0;
  #min = Infinity;
  #max = 0;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Een latentie moet een eindig, niet-negatief aantal ms zijn, niet ${ms}.`);
    const index = ms <= SMALLEST_MS ? 0 : Math.ceil(Math.log(ms / SMALLEST_MS) / LOG_GROWTH);
    this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + 1);
    this.#count++;
    this.#sum += ms;
    this.#min = Math.min(this.#min, ms);
    this.#max = Math.max(this.#max, ms);
  }

  get count(): number {
    return this.#count;
  }

  /** The latency below which `p` percent of the recorded ones lie (the upper bound of its bucket, capped at the maximum). */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`Een percentiel ligt tussen 0 en 100, niet ${p}.`);
    if (this.#count === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#count));
    let seen = 0;
    for (const index of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      seen += this.#buckets.get(index)!;
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, SMALLEST_MS * GROWTH ** index));
    }
    return this.#max;
  }

  summary(): LatencySummary {
    const empty = this.#count === 0;
    return {
      count: this.#count,
      meanMs: empty ? NaN : this.#sum / this.#count,
      minMs: empty ? NaN : this.#min,
      p50Ms: this.percentile(50),
      p95Ms: this.percentile(95),
      p99Ms: this.percentile(99),
      maxMs: empty ? NaN : this.#max,
    };
  }
}
