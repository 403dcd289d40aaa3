/**
 * "Did you mean …?" for the command line: the known words closest to a mistyped command, flag or scenario id, by edit
 * distance. A suggestion is only made when it is plausibly a typo (or the input is part of a known word), never a list
 * of everything.
 */

/** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** At most `max` known words close to `input`, closest first. */
export function closest(input: string, known: readonly string[], max = 3): string[] {
  const word = input.toLowerCase();
  // Up to a third of the word may be wrong (at least one character, at most four).
  const allowed = Math.min(4, Math.max(1, Math.floor(word.length / 3)));
  return known
    .map((k) => ({ k, d: editDistance(word, k.toLowerCase()), part: word.length >= 3 && k.toLowerCase().includes(word) }))
    .filter((c) => c.d <= allowed || c.part)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((c) => c.k);
}

/** " Did you mean x?" / " Did you mean x, y or z?", or nothing. */
export function didYouMean(input: string, known: readonly string[], max = 3): string {
  const found = closest(input, known, max);
  if (!found.length) return '';
  return ` Did you mean ${found.length === 1 ? found[0] : `${found.slice(0, -1).join(', ')} or ${found.at(-1)}`}?`;
}

/**
 * The message for an argument error of node:util parseArgs, with the closest flag of the command's usage text. Node's
 * own text for an unknown option ends in advice about '--' that does not apply here; it is left out.
 */
export function argumentError(e: unknown, usage: string): string {
  const message = (e as Error).message;
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (!unknown) return message;
  const flags = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
  return `unknown option '${unknown[1]}'.${didYouMean(unknown[1]!, flags)}`;
}
