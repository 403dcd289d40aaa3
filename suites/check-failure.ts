/**
 * A check that found the SUT wanting. The message is written for the vendor who reads it at 23:00 before a release:
 * which requirement, what was expected, what came, which message, and the likely cause — never just "it failed".
 * The first line, `[EIS] requirement text`, is the same for every run that fails the requirement: the Allure categories
 * (allurerc.mjs) and junit.xml key on it, so anything variable (sessions, message numbers) goes on the lines below.
 */
import type { Requirement } from './requirements.ts';

export interface CheckFailureDetails {
  eis: Requirement;
  verwacht: string;
  ontvangen: string;
  /** The message the finding is about, as the Allure step and attachment name it. */
  bericht?: string;
  oorzaak?: string;
}

export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(readonly details: CheckFailureDetails) {
    super(
      [
        `[${details.eis.id}] ${details.eis.tekst}`,
        `  Verwacht: ${details.verwacht}`,
        `  Ontvangen: ${details.ontvangen}`,
        ...(details.bericht ? [`  Bericht: ${details.bericht}`] : []),
        ...(details.oorzaak ? [`  Waarschijnlijke oorzaak: ${details.oorzaak}`] : []),
        `  Bron van de eis: ${details.eis.bron}`,
      ].join('\n'),
    );
  }
}

/**
 * How a run that threw ends: a finding about the SUT fails it (afgekeurd); anything else — harness, adapter, crash — breaks
 * it (gebroken). The qualification suite annotates its tests with this and the fault matrix judges its runs with it.
 */
export function uitkomstVan(fout: unknown): 'afgekeurd' | 'gebroken' {
  return fout instanceof CheckFailure ? 'afgekeurd' : 'gebroken';
}
