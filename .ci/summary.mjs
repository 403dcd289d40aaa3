// Prints the plain closing line CI reads, from Playwright's JSON report. A missing report (the type check or the runner
// failed before any test ran) counts as one failure, never as success.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'));
const passed = stats.expected + stats.flaky;
const failed = stats.unexpected + (errors?.length ?? 0);
console.log(`${passed} passed, ${failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
