// Prints the plain closing line CI reads, from Playwright's JSON report, plus any failures CI counted outside Playwright
// (second argument: the quick-start qualification). A missing report (the runner failed before any test
// ran) counts as one failure, never as success.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
const failedOutside = Number(process.argv[3] ?? 0) || 0;
if (!file || !existsSync(file)) {
  console.log(`0 passed, ${1 + failedOutside} failed`);
  process.exit(1);
}
const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'));
const passed = stats.expected + stats.flaky;
const failed = stats.unexpected + (errors?.length ?? 0) + failedOutside;
console.log(`${passed} passed, ${failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
