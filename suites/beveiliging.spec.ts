/** The security suite: fixed runs against the SUT's TLS and identity handling (suites/beveiliging/runs.ts). */
import { declareQualificationTest } from './qualification-test.ts';
import { beveiligingRunDefs } from './qualification-runs.ts';
import { loadRequirements } from './requirements.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

for (const r of beveiligingRunDefs(loadRequirements(), qualificationRunFromEnv())) declareQualificationTest(r.info, r.uitvoeren);
