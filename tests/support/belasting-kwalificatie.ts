/**
 * One bron run of regulier-povo with the capacity test after it and the phases timed: `qualify --belasting` and
 * `qualify --timings` each need one small qualification to show their output on, and neither changes what the other
 * prints (the capacity test runs inside the verdict phase; the timings come after the summary). One run serves both.
 * It runs with a seed of its own, so that it is also the report of another qualification run that `merge` must refuse
 * to combine with a part of the default seed (tests/cli/verdicts.test.ts).
 */
import { gedeeldeKwalificatie, type GedeeldeKwalificatie } from './gedeelde-kwalificatie.ts';

export function belastingKwalificatie(): Promise<GedeeldeKwalificatie> {
  return gedeeldeKwalificatie('belasting', ['--no-pdf', '--scenario', 'regulier-povo', '--role', 'bron', '--belasting', 'piek:2s', '--timings', '--seed', 'anders']);
}
