/**
 * Prepares the raw results allure-playwright wrote for a reviewer, before `allure generate` renders them. allure-playwright
 * reports a Playwright test as a developer would want it; a qualification report is read by a vendor or Kennisnet:
 * - a finding about the SUT (a CheckFailure) is `failed`, anything else that ended a run is `broken`, as in
 *   kwalificatie.json, whatever allure-playwright guessed from the error;
 * - a finding is the Dutch explanation only: no "CheckFailure: " prefix (so the message starts with the `[EIS]` line the
 *   categories match on), no stack trace into node_modules, no Playwright error-context; a broken run keeps them, for
 *   whoever must fix the harness or the adapter;
 * - no runner labels (language, framework, package, titlePath, parentSuite) or the Playwright project as a parameter;
 * - no pseudo-steps: allure-playwright turns each static Playwright annotation (scenario, rol, eisen — which
 *   kwalificatie.json reads) into a passed step, and each attachment into a step without a status; the annotations go,
 *   the attachments move into the step they belong to;
 * - the breadcrumb is epic › feature instead of the spec file.
 * Pure: the raw results on disk stay as written (merge and other tools read them).
 */
import { ANNOTATION } from '../suites/run-settings.ts';

export interface AllureStatusDetails {
  message?: string;
  trace?: string;
  [key: string]: unknown;
}

export interface AllureAttachment {
  name: string;
  type?: string;
  source: string;
}

export interface AllureStep {
  name: string;
  status?: string;
  statusDetails?: AllureStatusDetails;
  steps?: AllureStep[];
  attachments?: AllureAttachment[];
  parameters?: Array<{ name: string; value: string }>;
  [key: string]: unknown;
}

export interface AllureResult extends AllureStep {
  labels?: Array<{ name: string; value: string }>;
  titlePath?: string[];
  fullName?: string;
}

/** parentSuite is the Playwright project (kwalificatie), the same for every run. */
const RUNNER_LABELS = new Set(['language', 'framework', 'package', 'titlePath', 'parentSuite']);
const RUNNER_PARAMETERS = new Set(['Project', 'Repetition']);
const ANNOTATION_STEP = new RegExp(`^(?:${Object.values(ANNOTATION).join('|')}): `);
const CHECK_FAILURE_PREFIX = 'CheckFailure: ';
/** What Playwright attaches to a failed test: the page snapshot at the error, empty for an API run. */
const ERROR_CONTEXT = 'error-context';

/** A finding about the SUT: the message of a CheckFailure, as Playwright serialised it or as prepared here. */
export function isBevinding(details: AllureStatusDetails | undefined): boolean {
  const message = details?.message ?? '';
  return message.startsWith(`${CHECK_FAILURE_PREFIX}[`) || /^\[[A-Z]+-\d{2}\] /.test(message);
}

/**
 * A result the harness wrote itself beside the qualification's runs (the capacity test of `qualify --belasting`): it is
 * no run of a requirement, its status is its own outcome and stays as written.
 */
export const INFORMATIEF_LABEL = { name: 'tag', value: 'informatief' } as const;

/** The result as a reviewer reads it; `weggelaten` lists the attachment files it no longer refers to. */
export function voorDeLezer(raw: AllureResult): { result: AllureResult; weggelaten: string[] } {
  if (raw.labels?.some((l) => l.name === INFORMATIEF_LABEL.name && l.value === INFORMATIEF_LABEL.value)) return { result: raw, weggelaten: [] };
  const weggelaten: string[] = [];
  const bevinding = isEnded(raw.status) && isBevinding(raw.statusDetails);
  const steps = (raw.steps ?? []).filter((s) => !(ANNOTATION_STEP.test(s.name) && !s.steps?.length && !s.attachments?.length));
  const result = prepareStep({ ...raw, steps }, bevinding, weggelaten);
  if (raw.labels) result.labels = raw.labels.filter((l) => !RUNNER_LABELS.has(l.name));
  if (raw.parameters) result.parameters = raw.parameters.filter((p) => !RUNNER_PARAMETERS.has(p.name));
  const path = ['epic', 'feature'].map((name) => result.labels?.find((l) => l.name === name)?.value).filter((v): v is string => !!v);
  if (path.length) {
    result.titlePath = path;
    result.fullName = [...path, raw.name].join(' › ');
  }
  return { result, weggelaten };
}

/** One step (or the test itself) with its status, message and sub-steps prepared; recursive. */
function prepareStep<T extends AllureStep>(step: T, bevinding: boolean, weggelaten: string[]): T {
  const out: T = { ...step };
  if (isEnded(step.status)) {
    // A step fails on a finding of its own or on one of the run's (the test is the outermost step).
    const eigen = isBevinding(step.statusDetails);
    out.status = eigen ? 'failed' : 'broken';
    if (eigen && step.statusDetails) out.statusDetails = finding(step.statusDetails);
  }
  const attachments = [...(step.attachments ?? [])];
  const steps: AllureStep[] = [];
  for (const child of step.steps ?? []) {
    if (bevinding && isErrorContext(child)) {
      weggelaten.push(...(child.attachments ?? []).map((a) => a.source));
      continue;
    }
    // An attachment, reported by allure-playwright as a step without status: it belongs to the step it was made in.
    if (isAttachmentStep(child)) {
      attachments.push(...child.attachments!);
      continue;
    }
    steps.push(prepareStep(child, bevinding, weggelaten));
  }
  if (bevinding) {
    for (const a of attachments.filter((a) => a.name === ERROR_CONTEXT)) weggelaten.push(a.source);
    out.attachments = attachments.filter((a) => a.name !== ERROR_CONTEXT);
  } else out.attachments = attachments;
  out.steps = steps;
  return out;
}

function finding(details: AllureStatusDetails): AllureStatusDetails {
  const { trace: _trace, ...rest } = details;
  const message = details.message ?? '';
  return { ...rest, message: message.startsWith(CHECK_FAILURE_PREFIX) ? message.slice(CHECK_FAILURE_PREFIX.length) : message };
}

function isEnded(status: string | undefined): boolean {
  return status === 'failed' || status === 'broken';
}

function isErrorContext(step: AllureStep): boolean {
  return step.name === ERROR_CONTEXT && !step.steps?.length && (step.attachments ?? []).every((a) => a.name === ERROR_CONTEXT);
}

function isAttachmentStep(step: AllureStep): boolean {
  return step.status === undefined && !step.steps?.length && (step.attachments?.length ?? 0) > 0;
}
