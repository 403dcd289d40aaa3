/**
 * The qualification suite of YAML scenarios: every scenario in every SUT role it applies to becomes one test.
 */
import { declareQualificationTest } from './qualification-test.ts';
import { geplandeRuns, voerGeplandeRunUit } from './run-plan.ts';

for (const info of await geplandeRuns('scenarios')) declareQualificationTest(info, (run) => voerGeplandeRunUit('scenarios', info, run));
