/** The security suite: fixed runs against the SUT's TLS and identity handling (suites/beveiliging/runs.ts). */
import { declareQualificationTest } from './qualification-test.ts';
import { beveiligingsRuns } from './beveiliging/runs.ts';
import { loadRequirements, requireEis } from './requirements.ts';
import { qualificationRunFromEnv } from './run-settings.ts';
import { matchesFilter } from './scenario.ts';

const run = qualificationRunFromEnv();
const requirements = loadRequirements();

for (const r of beveiligingsRuns) {
  if (!matchesFilter(r.id, run?.scenarios ?? []) || (run?.role && run.role !== r.rol)) continue;
  declareQualificationTest(r, (body) => r.uitvoeren({ ...body, eis: (id) => requireEis(requirements, id) }));
}
