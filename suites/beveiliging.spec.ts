/** The security suite: fixed runs against the SUT's TLS and identity handling (suites/beveiliging/runs.ts). */
import { declareQualificationTest } from './qualification-test.ts';
import { geplandeRuns, voerGeplandeRunUit } from './run-plan.ts';

for (const info of await geplandeRuns('beveiliging')) declareQualificationTest(info, (run) => voerGeplandeRunUit('beveiliging', info, run));
