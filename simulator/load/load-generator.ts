/**
 * A closed-loop load generator: keeps N requests in flight for a given time and measures each one. What a request is
 * stays with the caller (one SOAP post, or a whole opvragen of four messages), so the same driver measures a bare HTTPS
 * endpoint, the simulated Traffic Center and the whole simulated world alike. A warm-up first (JIT, TLS handshakes,
 * kept-alive connections) is not counted.
 */
import { LatencyHistogram, type LatencySummary } from './latency-histogram.ts';

export interface LoadOptions {
  /** Requests in flight at any time. */
  concurrency: number;
  /** How long the measured part of the run lasts. */
  durationMs: number;
  /** How long requests run before measuring starts (default none). */
  warmupMs?: number;
  /** Called when the warm-up ends and measuring starts. */
  onMeasureStart?: () => void;
}

export interface LoadResult {
  /** Requests that succeeded within the measured time. */
  completed: number;
  /** Requests that threw within the measured time; the first error is kept to say why. */
  failed: number;
  firstError?: string;
  elapsedMs: number;
  /** Succeeded requests per second of measured time. */
  perSecond: number;
  /** Latency of the succeeded requests. */
  latency: LatencySummary;
}

function checkOptions(options: LoadOptions): void {
  const { concurrency, durationMs, warmupMs = 0 } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency moet een geheel getal van minstens 1 zijn, niet ${concurrency}.`);
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw new RangeError(`durationMs moet een positief aantal ms zijn, niet ${durationMs}.`);
  if (!Number.isFinite(warmupMs) || warmupMs < 0) throw new RangeError(`warmupMs moet een niet-negatief aantal ms zijn, niet ${warmupMs}.`);
}

/** Runs `request` with `concurrency` calls in flight, first for the warm-up, then for the measured duration. */
export async function runLoad(request: () => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  checkOptions(options);
  const histogram = new LatencyHistogram();
  let failed = 0;
  let firstError: string | undefined;
  const warmupEnd = performance.now() + (options.warmupMs ?? 0);
  const end = warmupEnd + options.durationMs;
  const measuring = setTimeout(() => options.onMeasureStart?.(), options.warmupMs ?? 0);

  const loop = async () => {
    // Requests start until the end; one counts when it finishes after the warm-up, so that the throughput of a window
    // is what finished in it, whenever it started.
    while (performance.now() < end) {
      const started = performance.now();
      try {
        await request();
        const finished = performance.now();
        if (finished >= warmupEnd) histogram.record(finished - started);
      } catch (e) {
        if (performance.now() < warmupEnd) continue;
        failed++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  clearTimeout(measuring);
  const elapsedMs = Math.max(performance.now(), end) - warmupEnd;
  return {
    completed: histogram.count,
    failed,
    ...(firstError !== undefined ? { firstError } : {}),
    elapsedMs,
    perSecond: (histogram.count / elapsedMs) * 1000,
    latency: histogram.summary(),
  };
}
