/**
 * JUnit XML of a merged report: the <testsuite> elements of every part under one <testsuites> whose counts are the sums.
 * Playwright's junit reporter writes the root element with tests, failures, skipped, errors and time; nothing else of
 * the parts is changed.
 */
const ROOT = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/;
const COUNTS = ['tests', 'failures', 'skipped', 'errors', 'time'] as const;

export function mergeJunit(parts: readonly string[]): string {
  const totals = Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<(typeof COUNTS)[number], number>;
  const bodies = parts.map((xml, i) => {
    const root = ROOT.exec(xml);
    if (!root) throw new Error(`part ${i + 1}: no <testsuites> element`);
    for (const c of COUNTS) totals[c] += Number(new RegExp(`\\s${c}="([^"]*)"`).exec(root[1] ?? '')?.[1] ?? 0) || 0;
    return (root[2] ?? '').trim();
  });
  const attrs = COUNTS.map((c) => `${c}="${c === 'time' ? totals[c].toFixed(3) : totals[c]}"`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="oso-testbank" ${attrs}>\n${bodies.filter(Boolean).join('\n')}\n</testsuites>\n`;
}
