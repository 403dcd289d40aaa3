/**
 * The qualification suite of YAML scenarios: every scenario in every SUT role it applies to becomes one test.
 */
import { declareQualificationTest } from './qualification-test.ts';
import { scenarioRuns } from './qualification-runs.ts';
import { loadRequirements } from './requirements.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

for (const r of scenarioRuns(loadRequirements(), qualificationRunFromEnv())) declareQualificationTest(r.info, r.uitvoeren);
