/**
 * The adapter a run drives its SUT with, as the SUT configuration chooses it (adapter.soort). One switch, so a new
 * adapter is wired in at exactly one place.
 */
import { join } from 'node:path';
import type { Namen } from '../../simulator/transport/naam-resolutie.ts';
import type { AdapterKeuze, Tijdslimieten } from '../sut-config.ts';
import { httpAdapter } from './http-adapter.ts';
import { operatorBewijsMap } from '../../web/operator-console/bewijs.ts';
import type { SutAdapter } from './sut-adapter.ts';

// Loaded only when chosen: the playwright adapter pulls in Playwright's library and the manual one a web server, which
// a run with the http adapter (every run against the reference LAS) never needs.
const playwrightModule = () => import('./playwright-adapter.ts');

export interface AdapterOmgeving {
  /** The report folder: where a run keeps what its adapter gathers as evidence (the operator's answers, screenshots). */
  bewijsMap: string;
  /** Named in the operator console. */
  naam?: string;
  /** The run the adapter serves, as the operator console shows it with every prompt. */
  run?: string;
  /** Host names the harness resolves itself (harness.namen). */
  namen?: Namen;
}

export async function sutAdapterVoor(keuze: AdapterKeuze, tijdslimieten: Tijdslimieten, omgeving: AdapterOmgeving): Promise<SutAdapter> {
  switch (keuze.soort) {
    case 'http':
      return httpAdapter({ controlUrl: keuze.http.controlUrl, timeoutMs: tijdslimieten.adapterMs, ...(omgeving.namen ? { namen: omgeving.namen } : {}) });
    case 'playwright':
      return (await playwrightModule()).playwrightAdapter({
        module: keuze.playwright.module,
        baseUrl: keuze.playwright.baseUrl ?? '',
        ...(keuze.playwright.headless !== undefined ? { headless: keuze.playwright.headless } : {}),
        timeoutMs: tijdslimieten.adapterMs,
        screenshotDir: join(omgeving.bewijsMap, 'schermafdrukken'),
      });
    case 'manual': {
      const { manualAdapter } = await import('./manual-adapter.ts');
      const adapter = await manualAdapter({
        ...(keuze.manual.poort !== undefined ? { poort: keuze.manual.poort } : {}),
        ...(keuze.manual.operator ? { operator: keuze.manual.operator } : {}),
        timeoutMs: tijdslimieten.handmatigMs,
        bewijsMap: operatorBewijsMap(omgeving.bewijsMap),
        ...(omgeving.naam ? { naam: omgeving.naam } : {}),
        ...(omgeving.run ? { run: omgeving.run } : {}),
      });
      // The operator must know where to look; the run waits for them there.
      process.stdout.write(`Operatorconsole: ${adapter.consoleUrl}\n`);
      return adapter;
    }
  }
}

/**
 * What can be checked of the adapter before a run starts, without starting it: a playwright module must load and export
 * every function of the contract. Throws a Dutch message that names the problem.
 */
export async function controleerAdapter(keuze: AdapterKeuze): Promise<void> {
  if (keuze.soort === 'playwright') await (await playwrightModule()).loadPlaywrightLasModule(keuze.playwright.module);
}

/** How long one qualification run may take when every step may wait for its adapter. */
export function testTijdslimiet(keuze: AdapterKeuze | undefined, tijdslimieten: Tijdslimieten): number {
  // A run has some ten adapter calls; a person needs the prompt limit for each.
  return (keuze?.soort === 'manual' ? tijdslimieten.handmatigMs : tijdslimieten.adapterMs) * 12;
}
