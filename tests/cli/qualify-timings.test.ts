import { expect, test } from '@playwright/test';
import { belastingKwalificatie } from '../support/belasting-kwalificatie.ts';

// The run is shared with the test of --belasting (tests/support/belasting-kwalificatie.ts): one bron run of regulier-povo.
test.describe.configure({ timeout: 300_000 });

const FASEN = ['start-up', 'checks', 'PKI', 'playwright start-up', 'runs', 'world', 'PDFs', 'playwright shutdown', 'verdict', 'Allure generation', 'evidence', 'total'];

test('qualify --timings prints, after the summary, every phase with its milliseconds; the parts fit inside the total', async () => {
  const { code, stdout, stderr } = await belastingKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  const blok = stdout.slice(stdout.indexOf('\nTimings:\n'));
  expect(stdout.indexOf('Verdict:'), 'the timings come after the summary').toBeLessThan(stdout.indexOf('\nTimings:\n'));
  const ms = new Map<string, number>();
  for (const fase of FASEN) {
    const regel = new RegExp(`^  ${fase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +(\\d+) ms`, 'm').exec(blok);
    expect(regel, `phase '${fase}' in:\n${blok}`).not.toBeNull();
    ms.set(fase, Number(regel![1]));
  }
  // One test ran: its world started and stopped in measurable time, within the runs' wall time.
  expect(ms.get('world')!).toBeGreaterThan(0);
  expect(ms.get('world')!).toBeLessThanOrEqual(ms.get('runs')! + 1);
  expect(blok).toContain('summed over 1 test');
  const opgeteld = FASEN.filter((f) => !['world', 'PDFs', 'total'].includes(f)).reduce((n, f) => n + ms.get(f)!, 0);
  // The phases are consecutive, so together they are the total (rounding: at most 1 ms per phase).
  expect(Math.abs(opgeteld - ms.get('total')!)).toBeLessThanOrEqual(FASEN.length);
});
