/**
 * What `oso-testbank qualify` prints while the qualification runs: one compact line per finished run with a counter
 * (x/N), its outcome and duration; for a failed run the requirement, what came, the likely cause and where the report
 * explains it; for a broken run a short reason. No stack traces, code frames or attachments: a finding about the SUT is
 * not a harness crash, and the report holds the details. Colour only on a terminal (not in CI logs, not with NO_COLOR).
 */
import { stripVTControlCharacters } from 'node:util';
import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { ANNOTATION, qualificationRunFromEnv } from './run-settings.ts';

const ESC = String.fromCharCode(27);

export type Outcome = 'passed' | 'failed' | 'broken' | 'skipped';
export const icons: Record<Outcome, string> = { passed: '✓', failed: '✘', broken: '!', skipped: '-' };
const colours: Record<Outcome, string> = { passed: '32', failed: '31', broken: '33', skipped: '90' };

/** The lines of a finding that tell a vendor what to do; the rest (expected, source of the requirement) is in the report. */
const KEPT = /^\s*(\[[^\]]+\]|Ontvangen:|Waarschijnlijke oorzaak:)/;

export function useColour(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return !!stream.isTTY && !env['CI'];
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** The head of one error of a run: a finding's key lines with a pointer into the report, or a broken run's first line. */
export function explain(error: TestError, outcome: Outcome, reportDir: string | undefined): string[] {
  const message = stripVTControlCharacters(error.message ?? error.value ?? '').replace(/^(CheckFailure|Error): /, '').trim();
  if (outcome === 'failed') {
    const lines = message.split('\n').filter((l) => KEPT.test(l)).map((l) => l.trim());
    const eis = /^\[([^\]]+)\]/.exec(message)?.[1];
    if (lines.length && eis) return [...lines, `→ ${reportDir ? `${reportDir}/` : ''}samenvatting.html#${eis}`];
  }
  const first = message.split('\n').find((l) => l.trim()) ?? 'unknown error';
  return [first.length > 300 ? `${first.slice(0, 300)}…` : first];
}

export default class TerminalReporter implements Reporter {
  private total = 0;
  private done = 0;
  private readonly colour = useColour();
  private readonly reportDir = qualificationRunFromEnv()?.reportDir;

  private paint(code: string, text: string): string {
    return this.colour ? `${ESC}[${code}m${text}${ESC}[0m` : text;
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    process.stdout.write(`Running ${this.total} ${this.total === 1 ? 'run' : 'runs'} with ${config.workers} ${config.workers === 1 ? 'worker' : 'workers'}\n\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.done++;
    const annotations = [...test.annotations, ...(result.annotations ?? [])];
    const get = (type: string) => annotations.find((a) => a.type === type)?.description;
    const outcome: Outcome =
      result.status === 'skipped' ? 'skipped' : test.outcome() === 'expected' ? 'passed' : get(ANNOTATION.uitkomst) === 'afgekeurd' ? 'failed' : 'broken';
    const id = get(ANNOTATION.scenario);
    const name = id ? `${id} [${get(ANNOTATION.rol) ?? '?'}]` : test.title;
    const counter = `${String(this.done).padStart(String(this.total).length)}/${this.total}`;
    const line = `  ${this.paint(colours[outcome], icons[outcome])} ${counter} ${name} ${this.paint('90', `(${formatDuration(result.duration)})`)}`;
    // The same finding made twice in one run (a check repeated per dossier) is said once.
    const errors = [...new Map(result.errors.map((e) => [stripVTControlCharacters(e.message ?? e.value ?? ''), e])).values()];
    const details = outcome === 'failed' || outcome === 'broken' ? errors.slice(0, 3).flatMap((e) => explain(e, outcome, this.reportDir)) : [];
    if (outcome === 'broken' && details.length) details[0] = `could not be carried out: ${details[0]}`;
    process.stdout.write(`${line}\n${details.map((d) => `      ${d}\n`).join('')}`);
  }

  onError(error: TestError): void {
    process.stderr.write(`${stripVTControlCharacters(error.message ?? error.value ?? 'error').split('\n')[0]}\n`);
  }
}
