/**
 * One capacity run from start to finish — the simulated world started for the LAS under test (the embedded reference LAS
 * with its faults, or a vendor LAS from its configuration), the LAS driven through its test-control API, the world
 * stopped — and its two report files. Shared by `oso-testbank belasting` and `qualify --belasting`, so a capacity test
 * within a qualification is the same test as the standalone one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profiel, Stap } from '../simulator/load/belasting-profielen.ts';
import type { Aankomsten } from '../simulator/load/open-loop.ts';
import type { ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { REFERENCE_LAS_NAME, REFERENCE_LAS_VERSION } from '../simulator/reference-las/reference-las.ts';
import { startWorld, type WorldOptions } from '../simulator/world.ts';
import { httpAdapter } from '../suites/adapters/http-adapter.ts';
import { runBelasting } from '../suites/belasting/belasting-run.ts';
import type { Belastingresultaat, Grenzen, StapResultaat } from '../suites/belasting/belastingresultaat.ts';
import type { BelastingRol } from '../suites/belasting/uitwisselingen.ts';
import { belastingLeerlingen, STANDAARD_LEERLINGEN } from '../suites/belasting/belasting-leerlingen.ts';
import { standaardTijdslimieten, worldOptionsVoor, type SutConfig } from '../suites/sut-config.ts';
import { renderBelastingPagina } from '../reports/belasting-pagina.ts';

export interface BelastingUitvoering {
  /** A vendor LAS (adapter http); absent: the embedded reference LAS with `faults`. */
  config?: SutConfig;
  faults: readonly string[];
  seed: string;
  profiel: Profiel;
  stappen: Stap[];
  rollen: BelastingRol[];
  grenzen: Grenzen;
  aankomsten: Aankomsten;
  steekproefElke?: number;
  /** Distinct pupils in the mix, fixture pupils included (default: see runBelasting). */
  leerlingen?: number;
  harness: string;
  naStap?: (s: StapResultaat, van: number) => void;
  /** Called once the world is up, with the name of the LAS under test (for a progress line). */
  gestart?: (sutNaam: string) => void;
}

/** Why a vendor LAS cannot be load-tested with this configuration, or undefined when it can. */
export function belastingAdapterProbleem(config: SutConfig): string | undefined {
  if (config.adapter.soort === 'http') return undefined;
  return `${config.bestand}: adapter.soort is ${config.adapter.soort}; a load test drives the LAS many times a second and needs the test-control API.\n  Fix: use adapter soort http (docs/control-api.md) for belasting.`;
}

/** Could not start the simulated world: a configuration or environment problem, not a finding about the LAS. */
export class WereldStartFout extends Error {
  override readonly name = 'WereldStartFout';
}

export async function voerBelastingUit(o: BelastingUitvoering): Promise<Belastingresultaat> {
  const { config } = o;
  const leerlingen = belastingLeerlingen(o.leerlingen ?? STANDAARD_LEERLINGEN, o.seed);
  const worldOptions: WorldOptions = {
    ...(config ? worldOptionsVoor(config) : { faults: o.faults as ReferenceLasFault[] }),
    seed: o.seed,
    // A load run makes thousands of exchanges: the sampled checks read only the latest.
    logMaxEntries: 20_000,
    extraLeerlingen: leerlingen.gegenereerd,
  };
  let world;
  try {
    world = await startWorld(worldOptions);
  } catch (e) {
    throw new WereldStartFout(`could not start the simulated world: ${(e as Error).message}`);
  }
  const sut = httpAdapter({
    controlUrl: config?.adapter.soort === 'http' ? config.adapter.http.controlUrl : world.sut.controlUrl!,
    timeoutMs: config?.tijdslimieten.adapterMs ?? standaardTijdslimieten.adapterMs,
    ...(config?.harness.namen ? { namen: config.harness.namen } : {}),
  });
  o.gestart?.(world.sut.naam);
  try {
    return await runBelasting({
      world,
      sut,
      sutInfo: config ? { naam: config.sut.naam, versie: config.sut.versie } : { naam: REFERENCE_LAS_NAME, versie: REFERENCE_LAS_VERSION },
      harness: o.harness,
      profiel: o.profiel,
      stappen: o.stappen,
      rollen: o.rollen,
      grenzen: o.grenzen,
      aankomsten: o.aankomsten,
      seed: o.seed,
      faults: [...o.faults],
      berichtMs: config?.tijdslimieten.berichtMs ?? standaardTijdslimieten.berichtMs,
      // A vendor LAS knows only the fixture pupils (docs/vendor-guide.md): generated ones are exchanged as doel only.
      ...(config ? { sutKentGegenereerd: false } : {}),
      ...(o.steekproefElke !== undefined ? { steekproefElke: o.steekproefElke } : {}),
      leerlingen,
      ...(o.naStap ? { naStap: o.naStap } : {}),
    });
  } finally {
    await sut.close();
    await world.stop();
  }
}

/** DIR/belasting.json and DIR/belasting.html; returns their paths. */
export async function schrijfBelasting(dir: string, resultaat: Belastingresultaat): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'belasting.json');
  const html = join(dir, 'belasting.html');
  await writeFile(json, `${JSON.stringify(resultaat, null, 2)}\n`);
  await writeFile(html, renderBelastingPagina(resultaat));
  return { json, html };
}
