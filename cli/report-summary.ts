/**
 * The closing lines qualify and merge print when a report is written: the verdict and why, the runs that did not pass
 * (qualify already printed a line per run), the requirements and the files. English frame; the reasons and findings are
 * quoted from the Dutch report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kwalificatie } from '../reports/kwalificatie.ts';
import { verdictTekst } from '../reports/oordeel.ts';
import { icons } from '../suites/terminal-reporter.ts';

export function summary(k: Kwalificatie, reportDir: string): string {
  const written = (file: string) => (existsSync(join(reportDir, file)) ? join(reportDir, file) : `${join(reportDir, file)} (not written)`);
  const notPassed = k.scenarios.filter((s) => s.status !== 'passed');
  const count = (status: string) => k.requirements.filter((r) => r.status === status).length;
  const lines = [
    '',
    ...(notPassed.length ? ['Not passed:', ...notPassed.map((s) => `  ${icons[s.status]} ${s.id} [${s.role}]${s.message ? ` ${s.message.split('\n')[0]}` : ''}`)] : []),
    `Requirements:  ${count('passed')} met, ${count('failed')} not met, ${count('untested')} untested (of ${k.requirements.length} for ${k.reikwijdte.rollen.length === 1 ? 'role' : 'roles'} ${k.reikwijdte.rollen.join(' and ')})`,
    `Summary:       ${written('samenvatting.html')}`,
    `Report:        ${written('index.html')}`,
    `Qualification: ${written('kwalificatie.json')} (JUnit: junit.xml)`,
    `Evidence:      ${written('evidence/manifest.json')} (check with: oso-testbank verify ${reportDir})`,
    // Last, where a reader of a CI log looks first.
    `Verdict: ${verdictTekst[k.verdict]}  (${k.totalen.passed} passed, ${k.totalen.failed} failed, ${k.totalen.broken} broken, ${k.totalen.skipped} skipped)`,
    ...(k.onvolledig?.redenen ?? []).map((r) => `  ${k.verdict === 'ONVOLLEDIG' ? 'Incomplete' : 'Also incomplete'}: ${r.tekst}`),
    '',
  ];
  return lines.join('\n');
}
