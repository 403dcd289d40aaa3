/**
 * `oso-testbank qualify`: checks the selection before anything starts, prepares the test PKI, runs the qualification
 * suite with Playwright in a child process, and writes kwalificatie.json and the single-file Allure report.
 * Exit 0 = GESLAAGD or ONVOLLEDIG, 1 = NIET GESLAAGD (or ONVOLLEDIG with --strict), 2 = usage, configuration or harness error.
 *
 * This module reads the arguments and checks what needs nothing loaded; the run itself (qualify-uitvoering.ts) and
 * what it loads — scenarios, simulator, reports — come only when they hold: a mistyped option answers at once.
 */
import { parseCommandArgs } from './command-args.ts';
import type { Rol } from '../suites/scenario-context.ts';
import type { SutConfig } from '../suites/sut-config.ts';
import { QualifyTimings } from './qualify-timings.ts';
import { isReferenceLasFault, referenceLasFaults } from '../simulator/reference-las/faults.ts';

const usage = `Usage: oso-testbank qualify [--config FILE] [--scenario ID|GLOB]... [--scenario-dir DIR] [--role bron|doel] [--report DIR] [--fault NAME]... [--seed TEXT] [--history FILE] [--shard I/N] [--timings] [--no-pdf] [--strict] [--attestaties] [--belasting PROFIEL[:DUUR]] [--tegen URL]

Runs the qualification scenarios against the LAS under test and writes DIR/kwalificatie.json and DIR/index.html.
Without --config the embedded reference LAS is the system under test.

  --config FILE       the configuration of a vendor LAS (docs/examples/sut-http.yaml, docs/vendor-guide.md): only its
                      roles run, one test at a time (the simulated parties listen on the configured fixed ports)

  --scenario ID|GLOB  run only these scenarios (repeatable; * matches anything)
  --scenario-dir DIR  read the YAML scenarios from DIR instead of scenarios/ (same schema and requirement catalogue)
  --role bron|doel    run only the runs in which the LAS plays this role
  --report DIR        where the report goes (default: reports/latest for the full set; a run of part of it —
                      --scenario, --role, --shard or --scenario-dir — goes to reports/latest-partial, so it never
                      replaces a full report unless --report names that folder)
  --fault NAME        switch on a named misbehaviour of the embedded reference LAS (repeatable; see reference-las
                      --list-faults); not with --config
  --seed TEXT         seed of the synthetic test data (default 1); recorded in the report so a run can be repeated
  --history FILE      Allure history (JSONL) kept between runs for trends (default with the default report folder:
                      reports/allure-history.jsonl)
  --shard I/N         run only part I of N of the selected tests (Playwright sharding, for several machines); the
                      report then covers that part only; oso-testbank merge joins the parts into one report
  --strict            exit 1 for ONVOLLEDIG too: for a CI step that must prove the whole qualification
  --timings           after the summary, print how long each phase took (start-up, PKI, Playwright, world, runs,
                      PDFs, Allure generation, evidence), in milliseconds
  --no-pdf            attach each exchanged dossier as a printable page (HTML) only, without its PDF: no browser
                      starts and a full run takes about a third less time (for a CI step that reads the verdict)
  --tegen URL         run against a running oso-testbank serve at URL (its TC and testscholen) instead of an embedded
                      world; needs --config (the LAS registered there by its certificate, pointing at the service's
                      TC) and the service's admin token in OSO_BEHEER_TOKEN. Runs a shared service cannot carry out
                      are reported as not executed (verdict ONVOLLEDIG); the report is registered at the service
  --attestaties       before the run, ask the security checklist and the eigen verklaring at the operator console
                      (manual.poort, else a free port); the answers, who gave them and when go into the report
  --belasting PROFIEL[:DUUR]
                      after the scenarios, the capacity test (as oso-testbank belasting) against the same LAS:
                      piek, dag, trap or duurtest, e.g. piek or trap:2m; belasting.html and belasting.json go into
                      the report and the Allure report as a test of its own. Informative: it never changes the verdict

Verdict: GESLAAGD when every run of the full set for the SUT's roles ran and passed and every requirement passed;
NIET GESLAAGD when the SUT failed a requirement; ONVOLLEDIG otherwise (part of the set selected or sharded, a run
broken or skipped, a requirement untested), with the reasons.
Exit codes: 0 GESLAAGD or ONVOLLEDIG, 1 NIET GESLAAGD (and ONVOLLEDIG with --strict), 2 usage or configuration error.
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank qualify: ${message}\n`);
  return 2;
};

export async function runQualify(args: string[]): Promise<number> {
  const timings = new QualifyTimings();
  timings.mark('start-up');
  const parsed = parseCommandArgs('qualify', usage, {
    args,
    options: {
      scenario: { type: 'string', multiple: true },
      'scenario-dir': { type: 'string' },
      history: { type: 'string' },
      seed: { type: 'string' },
      role: { type: 'string' },
      report: { type: 'string' },
      fault: { type: 'string', multiple: true },
      config: { type: 'string' },
      shard: { type: 'string' },
      timings: { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      strict: { type: 'boolean' },
      attestaties: { type: 'boolean' },
      belasting: { type: 'string' },
      tegen: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.role !== undefined && values.role !== 'bron' && values.role !== 'doel') return fail(`--role must be bron or doel, not '${values.role}'.`);
  let role: Rol | undefined = values.role;
  const faults = values.fault ?? [];
  const shard = values.shard;
  if (shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shard)) return fail(`--shard must be I/N (for example 1/3), not '${shard}'.`);
  if (shard !== undefined && Number(shard.split('/')[0]) > Number(shard.split('/')[1])) return fail(`--shard ${shard}: part I cannot be larger than N.`);

  let config: SutConfig | undefined;
  if (values.config !== undefined) {
    const { leesSutConfigOptie } = await import('./sut-config-optie.ts');
    const gelezen = leesSutConfigOptie(values.config, faults);
    if ('fout' in gelezen) return fail(gelezen.fout);
    config = gelezen.config;
    try {
      // Loaded only for a vendor LAS: the adapters pull in Playwright's library, about a second of every qualify's start-up.
      const { controleerAdapter } = await import('../suites/adapters/adapter-voor.ts');
      await controleerAdapter(config.adapter);
    } catch (e) {
      return fail(`${config.bestand}: adapter.${config.adapter.soort}: ${(e as Error).message}`);
    }
    if (role && !config.rollen.includes(role)) return fail(`--role ${role}: ${config.bestand} qualifies only the ${config.rollen.length === 1 ? 'role' : 'roles'} ${config.rollen.join(', ')} (rollen).`);
    // Only the configured roles run: with one role, that is the selection; with both, --role may narrow it.
    if (!role && config.rollen.length === 1) role = config.rollen[0];
  }
  if (values.tegen !== undefined && values.belasting !== undefined) return fail('--belasting drives the LAS with an embedded world; it cannot be combined with --tegen.');
  const tegen = values.tegen === undefined ? undefined : await (await import('./qualify-tegen.ts')).bereidTegenVoor(values.tegen, config);
  if (tegen && 'fout' in tegen) return fail(tegen.fout);
  const unknownFault = faults.find((f) => !isReferenceLasFault(f));
  if (unknownFault) return fail(`unknown fault '${unknownFault}'. Known faults: ${Object.keys(referenceLasFaults).join(', ')}.`);
  // Loaded only when asked: the load run's modules are no part of every qualify's start-up.
  const belastingModule = values.belasting === undefined ? undefined : await import('./qualify-belasting.ts');
  const belastingKeuze = belastingModule?.leesBelastingKeuze(values.belasting!, { ...(config ? { config } : {}), ...(shard ? { shard } : {}) });
  if (belastingKeuze && 'fout' in belastingKeuze) return fail(belastingKeuze.fout);

  const { voerKwalificatieUit } = await import('./qualify-uitvoering.ts');
  return voerKwalificatieUit({ values, timings, faults, config, tegen, fail, ...(role ? { role } : {}), ...(shard ? { shard } : {}), ...(belastingModule && belastingKeuze ? { belasting: { module: belastingModule, keuze: belastingKeuze } } : {}) });
}
