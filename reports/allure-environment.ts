/**
 * The Environment panel of the Allure report (allure-results/environment.properties): what was qualified, with which
 * harness and data, and the verdict with the reasons it is not GESLAAGD, so a reviewer who opens only index.html sees them.
 */
import type { Kwalificatie } from './kwalificatie.ts';
import { REPORT_TIME_ZONE } from './allure-report.ts';
import { verdictTekst } from './oordeel.ts';

/** `extra`: further lines, e.g. who answered the operator's questions (reports/operator-verslag.ts). */
export function environmentProperties(k: Kwalificatie, extra: Record<string, string> = {}): string {
  const props: Record<string, string> = {
    Oordeel: verdictTekst[k.verdict],
    ...(k.onvolledig ? { 'Oordeel.onvolledig': k.onvolledig.redenen.map((r) => r.tekst).join(' ') } : {}),
    SUT: `${k.sut.naam} ${k.sut.versie}${k.sut.leverancier ? ` (${k.sut.leverancier})` : ''}`,
    'SUT.rollen': k.reikwijdte.rollen.join(', '),
    'SUT.fouten': k.sut.faults.join(', ') || 'geen',
    Selectie: `${k.selectie.runs.length} van de ${k.reikwijdte.runs.length} runs${k.selectie.deel ? `, deel ${k.selectie.deel}` : ''}`,
    ...(k.delen ? { Samengevoegd: k.delen.map((d) => `${d.map}${d.deel ? ` (deel ${d.deel})` : ''}`).join(', ') } : {}),
    Testbank: `${k.harness.naam} ${k.harness.versie}`,
    Protocol: `${k.protocol.release} ${k.protocol.namespace}`,
    Gegevensset: k.gegevensset.versie,
    Uitvoerder: k.uitvoerder,
    Seed: k.seed,
    Datum: new Date(k.datum).toLocaleString('nl-NL', { timeZone: REPORT_TIME_ZONE, dateStyle: 'long', timeStyle: 'medium' }),
    // Every time in the report is shown in this zone (reports/allure-report.ts), as in samenvatting.html.
    Tijdzone: REPORT_TIME_ZONE,
    ...extra,
  };
  // .properties: escape the characters that would end a key or value.
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([=:#!])/g, '\\$1').replace(/\n/g, '\\n');
  return `${Object.entries(props).map(([key, value]) => `${esc(key)}=${esc(value)}`).join('\n')}\n`;
}
