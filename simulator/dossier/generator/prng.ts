/*
 * A small seeded pseudo-random generator (sfc32, seeded through a string hash) so that generated dossiers are the same
 * for the same seed on every machine and every run. Never Math.random: the dossier code is pure.
 */

function hash128(tekst: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < tekst.length; i++) {
    const k = tekst.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number | string) {
    [this.#a, this.#b, this.#c, this.#d] = hash128(`oso-testbank:${String(seed)}`);
    for (let i = 0; i < 12; i++) this.volgende();
  }

  /** A float in [0, 1). */
  volgende(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [van, tot] (both inclusive). */
  getal(van: number, tot: number): number {
    return van + Math.floor(this.volgende() * (tot - van + 1));
  }

  kans(p: number): boolean {
    return this.volgende() < p;
  }

  kies<T>(lijst: readonly T[]): T {
    if (lijst.length === 0) throw new Error('kies uit een lege lijst');
    return lijst[Math.floor(this.volgende() * lijst.length)]!;
  }

  /** `n` distinct elements (n ≤ length), in random order. */
  kiesMeerdere<T>(lijst: readonly T[], n: number): T[] {
    const kopie = [...lijst];
    for (let i = kopie.length - 1; i > 0; i--) {
      const j = Math.floor(this.volgende() * (i + 1));
      [kopie[i], kopie[j]] = [kopie[j]!, kopie[i]!];
    }
    return kopie.slice(0, n);
  }

  cijfers(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.getal(0, 9));
    return s;
  }

  bytes(n: number): Uint8Array {
    const uit = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const w = (this.volgende() * 4294967296) >>> 0;
      uit[i] = w & 0xff;
      if (i + 1 < n) uit[i + 1] = (w >>> 8) & 0xff;
      if (i + 2 < n) uit[i + 2] = (w >>> 16) & 0xff;
      if (i + 3 < n) uit[i + 3] = (w >>> 24) & 0xff;
    }
    return uit;
  }
}
