/**
 * `oso-testbank belasting`: a capacity test of a LAS — complete exchanges driven open-loop at the rate of a profile
 * derived from the national figures — written as DIR/belasting.json and DIR/belasting.html (docs/belasting.md).
 * Exit 0 = GEHOUDEN or ONBESLIST, 1 = BEZWEKEN (the LAS went over a limit in a step), 2 = usage, configuration or harness error.
 */
import { resolve } from 'node:path';
import { parseCommandArgs } from './command-args.ts';
import { didYouMean } from './did-you-mean.ts';
import { harnessVersion } from './harness-version.ts';
import { leesDuur, leesSnelheid, PIEK_PER_SECONDE, profielen, standaardDuurMs, stappenVoor, type Profiel } from '../simulator/load/belasting-profielen.ts';
import { isReferenceLasFault, referenceLasFaults } from '../simulator/reference-las/faults.ts';
import { snelheidTekst, standaardGrenzen, type Grenzen } from '../suites/belasting/belastingresultaat.ts';
import { leerlingenProbleem, STANDAARD_LEERLINGEN } from '../suites/belasting/belasting-leerlingen.ts';
import type { BelastingRol } from '../suites/belasting/uitwisselingen.ts';
import type { SutConfig } from '../suites/sut-config.ts';

const usage = `Usage: oso-testbank belasting [--config FILE] [--profiel piek|dag|trap|duurtest] [--snelheid N/s] [--duur D] [--role bron|doel] [--report DIR] [--fault NAME]... [--seed TEXT] [--aankomsten poisson|vast] [--steekproef N] [--leerlingen N] [--p99-grens MS] [--foutgrens PCT]

Drives the LAS under test with complete exchanges at a stated rate, open-loop (arrivals never wait for answers), in
every role it plays at once, and writes DIR/belasting.json and DIR/belasting.html (plots, breaking point, assumptions).
Without --config the embedded reference LAS is the system under test.

  --config FILE       the configuration of a vendor LAS (as for qualify; its adapter must be http)
  --profiel NAME      piek: the national peak hour (${snelheidTekst(PIEK_PER_SECONDE).replace(',', '.')} exchanges per role; default), dag: an ordinary
                      day's busiest hour, trap: a step ramp (the rate, 2x, 4x … 32x) that stops after the first step
                      over the limits and names the breaking point, duurtest: the peak rate for an hour
  --snelheid N/s      exchanges per second per role instead of the profile's (for trap: the first step's); also N/m, N/h
  --duur D            how long (90s, 10m, 1h); defaults: piek and dag 10m, trap 6m, duurtest 1h
  --role bron|doel    only this role (default: every role of the LAS)
  --report DIR        where belasting.json and belasting.html go (default reports/belasting)
  --fault NAME        switch on a named misbehaviour of the embedded reference LAS, e.g. slow-under-load; not with --config
  --seed TEXT         seed of the arrival times and the pupil mix (default 1)
  --aankomsten KIND   poisson (default; exponential gaps) or vast (evenly spaced)
  --steekproef N      judge every Nth exchange by the requirements (default 10)
  --leerlingen N      distinct pupils in the mix: the fixture pupils and generated ones up to N (default
                      ${STANDAARD_LEERLINGEN}; seeded by --seed); with --config generated pupils take part as doel only
  --p99-grens MS      the limit on the p99 of a whole exchange (default ${standaardGrenzen.p99Ms})
  --foutgrens PCT     the limit on failed exchanges, in percent (default ${standaardGrenzen.foutfractie * 100})

Exit codes: 0 GEHOUDEN (every step within the limits) or ONBESLIST (the generator itself lagged, or no arrivals), 1 BEZWEKEN (the LAS
went over a limit), 2 usage or configuration error.
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank belasting: ${message}\n`);
  return 2;
};

function positief(naam: string, tekst: string | undefined, geheel = false): number | undefined | Error {
  if (tekst === undefined) return undefined;
  const n = Number(tekst);
  if (!Number.isFinite(n) || n <= 0 || (geheel && !Number.isInteger(n))) return new Error(`--${naam} must be a positive ${geheel ? 'whole ' : ''}number, not '${tekst}'.`);
  return n;
}

export async function runBelastingCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('belasting', usage, {
    args,
    options: {
      config: { type: 'string' },
      profiel: { type: 'string' },
      snelheid: { type: 'string' },
      duur: { type: 'string' },
      role: { type: 'string' },
      report: { type: 'string' },
      fault: { type: 'string', multiple: true },
      seed: { type: 'string' },
      aankomsten: { type: 'string' },
      steekproef: { type: 'string' },
      leerlingen: { type: 'string' },
      'p99-grens': { type: 'string' },
      foutgrens: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const profiel = (values.profiel ?? 'piek') as Profiel;
  if (!profielen.includes(profiel)) return fail(`--profiel must be one of ${profielen.join(', ')}, not '${values.profiel}'.${didYouMean(values.profiel!, profielen)}`);
  if (values.role !== undefined && values.role !== 'bron' && values.role !== 'doel') return fail(`--role must be bron or doel, not '${values.role}'.`);
  const aankomsten = values.aankomsten ?? 'poisson';
  if (aankomsten !== 'poisson' && aankomsten !== 'vast') return fail(`--aankomsten must be poisson or vast, not '${aankomsten}'.`);
  let duurMs: number;
  let snelheid: number | undefined;
  try {
    duurMs = values.duur === undefined ? standaardDuurMs[profiel] : leesDuur(values.duur);
    snelheid = values.snelheid === undefined ? undefined : leesSnelheid(values.snelheid);
  } catch (e) {
    return fail(`${(e as Error).message}`);
  }
  const steekproef = positief('steekproef', values.steekproef, true);
  const leerlingen = positief('leerlingen', values.leerlingen, true);
  const p99 = positief('p99-grens', values['p99-grens']);
  const foutgrens = values.foutgrens === undefined ? undefined : Number(values.foutgrens);
  for (const x of [steekproef, leerlingen, p99]) if (x instanceof Error) return fail(x.message);
  const leerlingenFout = typeof leerlingen === 'number' ? leerlingenProbleem(leerlingen) : undefined;
  if (leerlingenFout) return fail(leerlingenFout);
  if (foutgrens !== undefined && !(foutgrens >= 0 && foutgrens <= 100)) return fail(`--foutgrens must be a percentage from 0 to 100, not '${values.foutgrens}'.`);
  const grenzen: Grenzen = {
    ...standaardGrenzen,
    ...(typeof p99 === 'number' ? { p99Ms: p99 } : {}),
    ...(foutgrens !== undefined ? { foutfractie: foutgrens / 100 } : {}),
  };
  const faults = values.fault ?? [];
  for (const f of faults) if (!isReferenceLasFault(f)) return fail(`unknown fault '${f}'.${didYouMean(f, Object.keys(referenceLasFaults))}`);

  // The run and the configuration reader (world, simulator, schema) are loaded once the options hold: a mistyped
  // option answers at once.
  const { belastingAdapterProbleem, schrijfBelasting, voerBelastingUit, WereldStartFout } = await import('./belasting-uitvoering.ts');
  let config: SutConfig | undefined;
  if (values.config !== undefined) {
    const { leesSutConfigOptie } = await import('./sut-config-optie.ts');
    const gelezen = leesSutConfigOptie(values.config, faults);
    if ('fout' in gelezen) return fail(gelezen.fout);
    config = gelezen.config;
    const probleem = belastingAdapterProbleem(config);
    if (probleem) return fail(probleem);
  }
  const sutRollen: BelastingRol[] = config ? config.rollen : ['bron', 'doel'];
  if (values.role && !sutRollen.includes(values.role)) return fail(`--role ${values.role}: ${config?.bestand ?? 'the LAS'} plays only ${sutRollen.join(' and ')}.`);
  const rollen: BelastingRol[] = values.role ? [values.role] : sutRollen;
  const stappen = stappenVoor(profiel, duurMs, snelheid);
  const reportDir = resolve(values.report ?? 'reports/belasting');
  const versie = await harnessVersion();
  const rate = stappen.map((s) => snelheidTekst(s.snelheid).replace(',', '.')).join(' → ');
  try {
    const resultaat = await voerBelastingUit({
      ...(config ? { config } : {}),
      faults,
      seed: values.seed ?? '1',
      profiel,
      stappen,
      rollen,
      grenzen,
      aankomsten,
      harness: `oso-testbank ${versie}`,
      ...(typeof steekproef === 'number' ? { steekproefElke: steekproef } : {}),
      ...(typeof leerlingen === 'number' ? { leerlingen } : {}),
      gestart: (naam) =>
        process.stdout.write(`belasting: ${naam}, profiel ${profiel}, ${rate} exchanges per role (${rollen.join(' + ')}), ${(duurMs / 1000).toFixed(0)} s, ${aankomsten} arrivals\n`),
      naStap: (s, van) =>
        process.stdout.write(
          `  step ${s.index + 1}/${van} ${snelheidTekst(s.snelheid).replace(',', '.')}: ${s.gestart} started, p99 ${s.p99Ms === null ? '-' : Math.round(s.p99Ms)} ms, ${(s.foutfractie * 100).toFixed(1)} % failed — ${s.oordeel}\n`,
        ),
    });
    const { html } = await schrijfBelasting(reportDir, resultaat);
    process.stdout.write(`${resultaat.oordeel}: "${resultaat.breekpunt.tekst}"\n`);
    process.stdout.write(`pupils: ${resultaat.leerlingen.verschillend} distinct (${resultaat.leerlingen.fixture} from fixtures/leerlingen.yaml, ${resultaat.leerlingen.gegenereerd} generated)\n`);
    const falen = resultaat.steekproef.eisen.filter((e) => e.mislukt);
    if (falen.length) process.stdout.write(`sampled requirements not met: ${falen.map((e) => `${e.eis} (${e.mislukt}/${e.gecontroleerd})`).join(', ')}\n`);
    process.stdout.write(`report: ${html}\n`);
    return resultaat.oordeel === 'BEZWEKEN' ? 1 : 0;
  } catch (e) {
    return fail(e instanceof WereldStartFout ? e.message : `the load run stopped: ${(e as Error).message}`);
  }
}
