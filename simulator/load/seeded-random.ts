/**
 * A small seeded random generator for load runs: the same seed gives the same arrival times and the same mix of
 * pupils, so a capacity run can be repeated. Not for anything secret. The state is four 32-bit words from the seed's
 * SHA-256, stepped with xorshift128 (Marsaglia, "Xorshift RNGs", 2003).
 */
import { createHash } from 'node:crypto';

/** A function giving numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let [x, y, z, w] = [h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12)];
  // An all-zero state would stay zero forever.
  if ((x | y | z | w) === 0) x = 1;
  return () => {
    const t = (x ^ (x << 11)) >>> 0;
    [x, y, z] = [y, z, w];
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return w / 2 ** 32;
  };
}
