/**
 * The qualification runs as the specs declare them, without loading what the runs need. Playwright loads the spec files
 * twice: in its runner, only to collect the tests, and in each worker, to run them. A run's description (id, role,
 * requirements, world) is cheap; reading and checking the scenarios and loading the simulator is most of a qualify's
 * start-up. So `qualify`, which has selected the runs already, writes their descriptions to a plan file that the specs
 * declare the tests from, and a run's body is loaded in the worker when the first run starts there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { QualificationRunDef, RunSelectie } from './qualification-runs.ts';
import type { QualificationRunInfo, RunBody } from './qualification-test.ts';
import { qualificationRunFromEnv } from './run-settings.ts';

/** The runs of each spec file: the YAML scenarios and the security runs. */
export interface RunPlan {
  scenarios: QualificationRunInfo[];
  beveiliging: QualificationRunInfo[];
}

export type PlanDeel = keyof RunPlan;

const runsModule = () => import('./qualification-runs.ts');

async function definities(selectie: RunSelectie): Promise<Record<PlanDeel, QualificationRunDef[]>> {
  const [{ scenarioRuns, beveiligingRunDefs }, { loadRequirements }] = await Promise.all([runsModule(), import('./requirements.ts')]);
  const requirements = loadRequirements();
  return { scenarios: scenarioRuns(requirements, selectie), beveiliging: beveiligingRunDefs(requirements, selectie) };
}

/** The plan of a selection: what `qualify` writes before the Playwright run starts. */
export async function runPlanVoor(selectie: RunSelectie): Promise<RunPlan> {
  const d = await definities(selectie);
  return { scenarios: d.scenarios.map((r) => r.info), beveiliging: d.beveiliging.map((r) => r.info) };
}

export function schrijfRunPlan(pad: string, plan: RunPlan): void {
  writeFileSync(pad, JSON.stringify(plan));
}

/** The runs a spec file declares: from the plan file of the run, or (suites run without qualify) from the scenarios. */
export async function geplandeRuns(deel: PlanDeel): Promise<QualificationRunInfo[]> {
  const settings = qualificationRunFromEnv();
  if (settings?.planPath) return (JSON.parse(readFileSync(settings.planPath, 'utf8')) as RunPlan)[deel];
  return (await runPlanVoor(settings ?? {}))[deel];
}

/** The bodies of the selection, built once per worker process. */
let inDezeWorker: Promise<Record<PlanDeel, QualificationRunDef[]>> | undefined;

/** Runs a planned run: finds its body among the selection's runs, built from the same scenarios the plan came from. */
export async function voerGeplandeRunUit(deel: PlanDeel, info: QualificationRunInfo, run: RunBody): Promise<void> {
  inDezeWorker ??= definities(qualificationRunFromEnv() ?? {});
  const def = (await inDezeWorker)[deel].find((d) => d.info.id === info.id && d.info.rol === info.rol);
  if (!def) throw new Error(`De run ${info.id}/${info.rol} staat in het plan maar niet (meer) in de scenario's: is een scenario tijdens de run gewijzigd?`);
  await def.uitvoeren(run);
}
