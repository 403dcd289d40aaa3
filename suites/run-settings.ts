import type { Exchange, HandshakeFailure } from '../simulator/transport/exchange-log.ts';

/**
 * The settings `oso-testbank qualify` hands to the Playwright run that executes the qualification suites. They travel
 * through the environment because Playwright starts its workers as separate processes.
 */
export interface QualificationRun {
  reportDir: string;
  allureResultsDir: string;
  playwrightJsonPath: string;
  /** JUnit XML for CI systems. */
  junitPath?: string;
  /** Where each test leaves its message log for the evidence bundle (outside the report folder). */
  runLogDir?: string;
  /** Named misbehaviours switched on in the embedded reference LAS. */
  faults: string[];
  /** Scenario ids or globs to run; empty means all. */
  scenarios: string[];
  /** Only this SUT role, when set. */
  role?: 'bron' | 'doel';
  /** Seed of the synthetic test data. */
  seed?: string;
  /** Another folder of scenario files than scenarios/ (benchmarks use it to run a large generated set). */
  scenariosDir?: string;
  /** The SUT configuration of a vendor LAS (suites/sut-config.ts); absent: the embedded reference LAS is the SUT. */
  configPath?: string;
  /**
   * qualify --tegen: the runs use this running `serve` (its TC and testscholen) instead of an embedded world, and each
   * leaves the ids of the exchanges the service stored for it in berichtenMap (suites/dienst/). The admin token travels
   * in OSO_BEHEER_TOKEN, never in this record.
   */
  tegen?: { url: string; berichtenMap: string };
  /** Where each worker records how long its tests' parts took (qualify --timings; suites/run-timings.ts). */
  timingsDir?: string;
  /** qualify --no-pdf: the printable dossiers are attached as HTML only, no Chromium is started. */
  zonderPdf?: boolean;
  /** The selected runs' descriptions, written by qualify, from which the specs declare their tests (suites/run-plan.ts). */
  planPath?: string;
}

const ENV = 'OSO_TESTBANK_RUN';

/** The environment for a Playwright run started from within another (the harness's own tests): its variables must not leak in. */
export function envWithoutEnclosingRun(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(k)));
}

export function qualificationRunToEnv(run: QualificationRun): Record<string, string> {
  return { [ENV]: JSON.stringify(run) };
}

export function qualificationRunFromEnv(env: NodeJS.ProcessEnv = process.env): QualificationRun | undefined {
  const raw = env[ENV];
  return raw ? (JSON.parse(raw) as QualificationRun) : undefined;
}

/** Annotations each qualification test carries, read back from Playwright's JSON report to build kwalificatie.json. */
export const ANNOTATION = { scenario: 'scenario', rol: 'rol', eisen: 'eisen', uitkomst: 'uitkomst', eis: 'eis' } as const;

/** What one qualification run leaves in runLogDir for the evidence bundle (written by the test, read by qualify). */
export interface RunLog {
  run: string;
  exchanges: readonly Exchange[];
  handshakeFailures: readonly HandshakeFailure[];
}

export function runLogFileName(id: string, rol: string): string {
  return `${id}__${rol}.json`;
}
