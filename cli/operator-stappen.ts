/**
 * What `qualify` does with the operator console itself, around the test run: ask the attestations (`--attestaties`)
 * before it, and show the operator of a manual qualification the closing page with the verdict after it. Both use the
 * console on the configured port (manual.poort), so the page the operator keeps open follows along.
 */
import { vraagAttestaties, type Attestaties } from '../web/operator-console/attestaties.ts';
import { operatorBewijsMap } from '../web/operator-console/bewijs.ts';
import { startOperatorConsole, type OperatorConsole } from '../web/operator-console/operator-console.ts';
import type { Afsluiting } from '../web/operator-console/pagina.ts';
import { standaardTijdslimieten, type SutConfig } from '../suites/sut-config.ts';

/** How long the closing page waits for the operator's browser to fetch it (the waiting page retries every 2 s). */
const SLOT_WACHT_MS = 10_000;

async function console_(reportDir: string, config: SutConfig | undefined, naam: string): Promise<OperatorConsole> {
  const manual = config?.adapter.soort === 'manual' ? config.adapter.manual : undefined;
  return startOperatorConsole({
    bewijsMap: operatorBewijsMap(reportDir),
    ...(manual?.poort !== undefined ? { poort: manual.poort } : {}),
    ...(manual?.operator ? { operator: manual.operator } : {}),
    onderwerp: naam,
  });
}

/** Asks the security checklist and the eigen verklaring; the answers land in the report's operator folder. */
export async function vraagAttestatiesVoorRun(reportDir: string, config: SutConfig | undefined, naam: string): Promise<Attestaties> {
  const operatorConsole = await console_(reportDir, config, naam);
  try {
    process.stdout.write(`Attestations: answer the questions in the operator console, ${operatorConsole.url}\n`);
    return await vraagAttestaties(operatorConsole, { voor: 'leverancier', timeoutMs: (config?.tijdslimieten ?? standaardTijdslimieten).handmatigMs });
  } finally {
    await operatorConsole.close();
  }
}

/**
 * The closing page for the operator of a manual qualification; returns whether a browser showed it. The report is
 * written by then: a console that cannot start (its port taken) is said, and changes nothing about the outcome.
 */
export async function toonAfsluiting(reportDir: string, config: SutConfig, naam: string, afsluiting: Afsluiting): Promise<boolean> {
  let operatorConsole: OperatorConsole;
  try {
    operatorConsole = await console_(reportDir, config, naam);
  } catch (e) {
    process.stderr.write(`oso-testbank qualify: the operator console could not show the closing page: ${(e as Error).message}\n`);
    return false;
  }
  try {
    return await operatorConsole.afsluiten(afsluiting, { wachtMs: SLOT_WACHT_MS });
  } finally {
    await operatorConsole.close();
  }
}
