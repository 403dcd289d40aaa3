/** The lines qualify and merge print when a report is written: the verdict and why, every run, the requirements, the files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kwalificatie } from '../reports/kwalificatie.ts';
import { verdictTekst } from '../reports/oordeel.ts';

export function summary(k: Kwalificatie, reportDir: string): string {
  const written = (file: string) => (existsSync(join(reportDir, file)) ? join(reportDir, file) : `${join(reportDir, file)} (niet geschreven)`);
  const icon = { passed: '✓', failed: '✘', broken: '!', skipped: '-' } as const;
  const eisen = (status: string) => k.requirements.filter((r) => r.status === status).length;
  const lines = [
    '',
    ...k.scenarios.map((s) => `  ${icon[s.status]} ${s.id} [${s.role}]${s.status !== 'passed' && s.message ? `\n      ${s.message.split('\n')[0]}` : ''}`),
    `Eisen: ${eisen('passed')} voldaan, ${eisen('failed')} niet voldaan, ${eisen('untested')} niet getest (van ${k.requirements.length} voor rol ${k.reikwijdte.rollen.join(' en ')})`,
    `Samenvatting: ${written('samenvatting.html')}`,
    `Rapport:      ${written('index.html')}`,
    `Kwalificatie: ${written('kwalificatie.json')} (JUnit: junit.xml)`,
    `Bewijs:       ${written('evidence/manifest.json')} (controleer met: oso-testbank verify ${reportDir})`,
    // Last, where a reader of a CI log looks first.
    `Oordeel: ${verdictTekst[k.verdict]}  (${k.totalen.passed} geslaagd, ${k.totalen.failed} afgekeurd, ${k.totalen.broken} gebroken, ${k.totalen.skipped} overgeslagen)`,
    ...(k.onvolledig?.redenen ?? []).map((r) => `  ${k.verdict === 'ONVOLLEDIG' ? 'Onvolledig' : 'Ook onvolledig'}: ${r.tekst}`),
    '',
  ];
  return lines.join('\n');
}
