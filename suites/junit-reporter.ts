/**
 * JUnit XML for CI systems, in the qualification's own terms: a run in which the LAS did not meet a requirement (a
 * CheckFailure, the `uitkomst` annotation `afgekeurd`) is a `<failure>` — the LAS under test is not conformant — and only
 * a run that could not be carried out (adapter or harness error, time-out) is an `<error>`. Playwright's own junit
 * reporter cannot tell the two apart, so a non-conformant LAS read in CI as a crashed test run.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { ANNOTATION } from './run-settings.ts';

export type JunitUitkomst = 'geslaagd' | 'failure' | 'error' | 'skipped';

/** How a finished test reads in JUnit; a retried test counts by its last result. */
export function junitUitkomst(test: Pick<TestCase, 'annotations'>, result: Pick<TestResult, 'status' | 'annotations'>): JunitUitkomst {
  if (result.status === 'skipped') return 'skipped';
  if (result.status === 'passed') return 'geslaagd';
  const afgekeurd = [...test.annotations, ...result.annotations].some((a) => a.type === ANNOTATION.uitkomst && a.description === 'afgekeurd');
  // A time-out or interruption is never a finding about the LAS, whatever was noted before it.
  return result.status === 'failed' && afgekeurd ? 'failure' : 'error';
}

// Terminal colours Playwright puts into error messages are stripped; characters XML 1.0 cannot carry are replaced.
const NIET_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (s: string) =>
  stripVTControlCharacters(s).replace(NIET_XML, '?').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const seconden = (ms: number) => (ms / 1000).toFixed(3);

interface Geval {
  test: TestCase;
  result: TestResult;
  uitkomst: JunitUitkomst;
}

function foutTekst(result: TestResult): { soort: string; eersteRegel: string; geheel: string } {
  const geheel = stripVTControlCharacters(
    (result.errors.length ? result.errors : result.error ? [result.error] : []).map((e) => e.message ?? e.value ?? '').join('\n\n'),
  ).trim();
  // Errors arrive as "Name: message"; the name (CheckFailure, AdapterFout, Error …) is the JUnit type.
  const naam = /^([A-Za-z]+(?:Error|Failure|Fout|Verlopen)?): /.exec(geheel);
  const zonderNaam = naam ? geheel.slice(naam[0].length) : geheel;
  const eersteRegel = zonderNaam.split('\n')[0] ?? '';
  return {
    soort: naam?.[1] ?? (result.status === 'timedOut' ? 'TimeOut' : 'Error'),
    eersteRegel: result.status === 'timedOut' && !eersteRegel ? `Tijdslimiet overschreden na ${seconden(result.duration)} s` : eersteRegel,
    geheel: geheel || eersteRegel,
  };
}

function testcase(rootDir: string, g: Geval): string {
  const { test, result, uitkomst } = g;
  const classname = relative(rootDir, test.location.file);
  const open = `    <testcase name="${xml(test.title)}" classname="${xml(classname)}" time="${seconden(result.duration)}"`;
  if (uitkomst === 'geslaagd') return `${open}/>`;
  if (uitkomst === 'skipped') return `${open}>\n      <skipped/>\n    </testcase>`;
  const f = foutTekst(result);
  const element = uitkomst === 'failure' ? 'failure' : 'error';
  return `${open}>\n      <${element} message="${xml(f.eersteRegel)}" type="${xml(f.soort)}">${xml(f.geheel)}</${element}>\n    </testcase>`;
}

export default class JunitReporter implements Reporter {
  readonly #outputFile: string;
  #rootDir = '';
  #suite: Suite | undefined;
  #start = Date.now();

  constructor(options: { outputFile: string }) {
    this.#outputFile = options.outputFile;
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#rootDir = config.rootDir;
    this.#suite = suite;
    this.#start = Date.now();
  }

  onEnd(_result: FullResult): void {
    const perBestand = new Map<string, Geval[]>();
    for (const test of this.#suite?.allTests() ?? []) {
      const result = test.results.at(-1);
      if (!result) continue;
      const bestand = relative(this.#rootDir, test.location.file);
      perBestand.set(bestand, [...(perBestand.get(bestand) ?? []), { test, result, uitkomst: junitUitkomst(test, result) }]);
    }
    const tel = (gevallen: Geval[], u: JunitUitkomst) => gevallen.filter((g) => g.uitkomst === u).length;
    const alle = [...perBestand.values()].flat();
    const suites = [...perBestand].map(([bestand, gevallen]) => {
      const tijd = gevallen.reduce((t, g) => t + g.result.duration, 0);
      return [
        `  <testsuite name="${xml(bestand)}" timestamp="${new Date(this.#start).toISOString()}" hostname="${xml(hostname())}" tests="${gevallen.length}" failures="${tel(gevallen, 'failure')}" errors="${tel(gevallen, 'error')}" skipped="${tel(gevallen, 'skipped')}" time="${seconden(tijd)}">`,
        ...gevallen.map((g) => testcase(this.#rootDir, g)),
        '  </testsuite>',
      ].join('\n');
    });
    const uit = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="OSO-testbank kwalificatie" tests="${alle.length}" failures="${tel(alle, 'failure')}" errors="${tel(alle, 'error')}" skipped="${tel(alle, 'skipped')}" time="${seconden(Date.now() - this.#start)}">`,
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
    mkdirSync(dirname(this.#outputFile), { recursive: true });
    writeFileSync(this.#outputFile, uit);
  }
}
