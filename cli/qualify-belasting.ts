/**
 * `qualify --belasting PROFIEL[:DUUR]`: after the scenarios, the capacity test against the same LAS (the embedded
 * reference LAS with the same faults, or the configured vendor LAS in the roles qualified), its files in the report
 * folder (signed with the rest by the evidence manifest) and in the Allure results, and what kwalificatie.json says of
 * it. Informative: it never changes the verdict (reports/belasting-in-kwalificatie.ts).
 */
import { join } from 'node:path';
import { didYouMean } from './did-you-mean.ts';
import { belastingAdapterProbleem, schrijfBelasting, voerBelastingUit } from './belasting-uitvoering.ts';
import { leesDuur, profielen, standaardDuurMs, stappenVoor, type Profiel, type Stap } from '../simulator/load/belasting-profielen.ts';
import { snelheidTekst, standaardGrenzen } from '../suites/belasting/belastingresultaat.ts';
import type { BelastingRol } from '../suites/belasting/uitwisselingen.ts';
import type { SutConfig } from '../suites/sut-config.ts';
import { BELASTING_BESTANDEN, kwalificatieBelasting, nietUitgevoerd, schrijfBelastingAllure, type KwalificatieBelasting } from '../reports/belasting-in-kwalificatie.ts';

export interface BelastingKeuze {
  profiel: Profiel;
  duurMs: number;
  stappen: Stap[];
}

/** `PROFIEL` or `PROFIEL:DUUR` (piek, trap:2m …), or why not; `config` and `shard` are the qualification's. */
export function leesBelastingKeuze(tekst: string, context: { config?: SutConfig; shard?: string }): BelastingKeuze | { fout: string } {
  const [naam = '', duur, ...rest] = tekst.split(':');
  const profiel = naam as Profiel;
  if (!profielen.includes(profiel) || rest.length)
    return { fout: `--belasting must be PROFIEL or PROFIEL:DUUR with PROFIEL one of ${profielen.join(', ')} (for example piek or trap:2m), not '${tekst}'.${didYouMean(naam, profielen)}` };
  let duurMs: number;
  try {
    duurMs = duur === undefined ? standaardDuurMs[profiel] : leesDuur(duur);
  } catch (e) {
    return { fout: `--belasting ${tekst}: ${(e as Error).message}` };
  }
  if (context.shard !== undefined)
    return { fout: '--belasting cannot be combined with --shard: the capacity test runs once, so give --belasting to a qualify without --shard (or run oso-testbank belasting).' };
  const probleem = context.config ? belastingAdapterProbleem(context.config) : undefined;
  if (probleem) return { fout: probleem };
  return { profiel, duurMs, stappen: stappenVoor(profiel, duurMs) };
}

export async function belastingInKwalificatie(o: {
  keuze: BelastingKeuze;
  config?: SutConfig;
  faults: readonly string[];
  seed: string;
  rol?: BelastingRol;
  reportDir: string;
  allureResultsDir: string;
  harness: string;
}): Promise<KwalificatieBelasting> {
  const { keuze } = o;
  const rollen: BelastingRol[] = o.rol ? [o.rol] : (o.config?.rollen ?? ['bron', 'doel']);
  const snelheden = keuze.stappen.map((s) => s.snelheid);
  const rate = snelheden.map((s) => snelheidTekst(s).replace(',', '.')).join(' → ');
  process.stdout.write(`Capacity test (informative, not part of the verdict): profiel ${keuze.profiel}, ${rate} exchanges per role (${rollen.join(' + ')}), ${Math.round(keuze.duurMs / 1000)} s\n`);
  const start = Date.now();
  let b: KwalificatieBelasting;
  let resultaat;
  try {
    resultaat = await voerBelastingUit({
      ...(o.config ? { config: o.config } : {}),
      faults: o.faults,
      seed: o.seed,
      profiel: keuze.profiel,
      stappen: keuze.stappen,
      rollen,
      grenzen: standaardGrenzen,
      aankomsten: 'poisson',
      harness: o.harness,
      naStap: (s, van) =>
        process.stdout.write(`  step ${s.index + 1}/${van} ${snelheidTekst(s.snelheid).replace(',', '.')}: ${s.gestart} started, p99 ${s.p99Ms === null ? '-' : Math.round(s.p99Ms)} ms — ${s.oordeel}\n`),
    });
    await schrijfBelasting(o.reportDir, resultaat);
    b = kwalificatieBelasting(resultaat);
    process.stdout.write(`Capacity test ${resultaat.oordeel}: "${b.tekst}" (${join(o.reportDir, BELASTING_BESTANDEN.html)})\n`);
  } catch (e) {
    resultaat = undefined;
    b = nietUitgevoerd(keuze.profiel, snelheden, keuze.duurMs, rollen, (e as Error).message);
    process.stderr.write(`oso-testbank qualify: the capacity test could not be carried out: ${(e as Error).message}\n`);
  }
  await schrijfBelastingAllure({ resultsDir: o.allureResultsDir, reportDir: o.reportDir, b, ...(resultaat ? { r: resultaat } : {}), start, stop: Date.now() });
  return b;
}
