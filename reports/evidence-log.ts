/**
 * The hash-chained message log of a qualification (evidence/berichten.jsonl): every message exchanged, in a fixed order,
 * each line carrying the hash of the line before it, so that an edited, deleted or reordered line is found and named.
 */
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainedEntry {
  index: number;
  vorigeHash: string;
  hash: string;
  [field: string]: unknown;
}

function hashOf(withoutHash: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(withoutHash), 'utf8').digest('hex');
}

/** Chains the records: index, hash of the previous line, then the record's own fields, then the line's hash. */
export function chain(records: readonly Record<string, unknown>[]): { lines: string[]; laatsteHash: string } {
  let vorige = GENESIS;
  const lines = records.map((record, index) => {
    const withoutHash = { index, vorigeHash: vorige, ...record };
    const hash = hashOf(withoutHash);
    vorige = hash;
    return JSON.stringify({ ...withoutHash, hash });
  });
  return { lines, laatsteHash: vorige };
}

/** What is wrong with a chained log, line by line, in words a reviewer can act on; empty when it is intact. */
export function checkChain(text: string, expected?: { regels: number; laatsteHash: string }): string[] {
  const problems: string[] = [];
  const lines = text.split('\n').filter((l) => l.length > 0);
  const entries = lines.map((line, i) => {
    try {
      return JSON.parse(line) as ChainedEntry;
    } catch {
      problems.push(`line ${i + 1}: no longer valid JSON (edited)`);
      return undefined;
    }
  });

  // Edited: a line whose content no longer gives its own hash.
  entries.forEach((entry, i) => {
    if (!entry) return;
    const { hash, ...withoutHash } = entry;
    if (hashOf(withoutHash) !== hash) problems.push(`line ${i + 1} (index ${entry.index}): content edited, the hash no longer matches`);
  });

  // Deleted: indices that should be there and are not. Reordered: all there, but not in place.
  const indices = entries.flatMap((e) => (e ? [e.index] : []));
  const present = new Set(indices);
  const highest = Math.max(-1, ...indices, (expected?.regels ?? 0) - 1);
  const missing = [];
  for (let i = 0; i <= highest; i++) if (!present.has(i)) missing.push(i);
  if (missing.length) problems.push(`${missing.length === 1 ? 'index' : 'indices'} ${missing.join(', ')} missing from the log (deleted)`);
  const misplaced = entries.flatMap((e, i) => (e && missing.length === 0 && e.index !== i ? [`line ${i + 1} has index ${e.index}`] : []));
  if (misplaced.length) problems.push(`lines swapped: ${misplaced.join('; ')}`);

  // The links between lines, where nothing above already explains a break.
  if (problems.length === 0)
    entries.forEach((entry, i) => {
      const vorige = i === 0 ? GENESIS : entries[i - 1]?.hash;
      if (entry && entry.vorigeHash !== vorige) problems.push(`line ${i + 1} (index ${entry.index}): does not refer to the line before it (chain broken)`);
    });

  if (expected && problems.length === 0) {
    if (lines.length !== expected.regels) problems.push(`the log has ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}; the manifest names ${expected.regels}`);
    else if (entries.at(-1)?.hash !== expected.laatsteHash && lines.length > 0) problems.push('the last hash of the log differs from the manifest');
  }
  return problems;
}
