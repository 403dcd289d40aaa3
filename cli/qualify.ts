/**
 * `oso-testbank qualify`: checks the selection before anything starts, prepares the test PKI, runs the qualification
 * suite with Playwright in a child process, and writes kwalificatie.json and the single-file Allure report.
 * Exit 0 = GESLAAGD or ONVOLLEDIG, 1 = NIET GESLAAGD (or ONVOLLEDIG with --strict), 2 = usage, configuration or harness error.
 */
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from './command-args.ts';
import { leesSutConfigOptie } from './sut-config-optie.ts';
import { closest } from './did-you-mean.ts';
import type { JSONReport } from '@playwright/test/reporter';
import type { Rol } from '../suites/scenario-context.ts';
import { defaultCertDir } from '../certs/location.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { allureKoppelingen } from '../reports/allure-koppeling.ts';
import { renderAllureReport } from '../reports/allure-report.ts';
import { writeEvidenceBundle } from '../reports/evidence-bundle.ts';
import { maakRapportmap } from '../reports/rapportmap.ts';
import { renderSamenvatting } from '../reports/samenvatting.ts';
import { ensureHarnessSigner } from '../certs/harness-signer.ts';
import { environmentProperties } from '../reports/allure-environment.ts';
import { buildKwalificatie, type Kwalificatie } from '../reports/kwalificatie.ts';
import { leesTestTijden } from '../suites/run-timings.ts';
import { QualifyTimings } from './qualify-timings.ts';
import { exitCode, verdictTekst } from '../reports/oordeel.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';
import { isReferenceLasFault, referenceLasFaults } from '../simulator/reference-las/faults.ts';
import { REFERENCE_LAS_NAME, REFERENCE_LAS_VERSION } from '../simulator/reference-las/reference-las.ts';
import { loadRequirements } from '../suites/requirements.ts';
import { envWithoutEnclosingRun, qualificationRunToEnv, type QualificationRun } from '../suites/run-settings.ts';
import { runPlanVoor, schrijfRunPlan } from '../suites/run-plan.ts';
import { qualificationCatalogue, runsVan } from '../suites/catalogue.ts';
import { matchesFilter } from '../suites/scenario.ts';
import { SourceError } from '../suites/yaml-source.ts';
import { summary } from './report-summary.ts';
import type { SutConfig } from '../suites/sut-config.ts';
import { operatorBewijsMap } from '../web/operator-console/bewijs.ts';
import type { Afsluiting } from '../web/operator-console/pagina.ts';
import { leesOperatorVerslag, operatorOmgeving, renderOperatorSectie } from '../reports/operator-verslag.ts';
import { toonAfsluiting, vraagAttestatiesVoorRun } from './operator-stappen.ts';
import { extraHostnamesVoor } from '../simulator/world.ts';
import { bereidTegenVoor, naRunTegenDienst, nietUitvoerbaarTegenDienst } from './qualify-tegen.ts';
import { belastingOmgeving, renderBelastingSectie } from '../reports/belasting-in-kwalificatie.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
/** Up to this many runs, one Playwright worker runs them all (see where it is used). */
const KLEINE_SELECTIE = 4;

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
  const tegen = values.tegen === undefined ? undefined : await bereidTegenVoor(values.tegen, config);
  if (tegen && 'fout' in tegen) return fail(tegen.fout);
  const unknownFault = faults.find((f) => !isReferenceLasFault(f));
  if (unknownFault) return fail(`unknown fault '${unknownFault}'. Known faults: ${Object.keys(referenceLasFaults).join(', ')}.`);
  // Loaded only when asked: the load run's modules are no part of every qualify's start-up.
  const belastingModule = values.belasting === undefined ? undefined : await import('./qualify-belasting.ts');
  const belastingKeuze = belastingModule?.leesBelastingKeuze(values.belasting!, { ...(config ? { config } : {}), ...(shard ? { shard } : {}) });
  if (belastingKeuze && 'fout' in belastingKeuze) return fail(belastingKeuze.fout);
  const filters = values.scenario ?? [];
  const scenarioDir = values['scenario-dir'] === undefined ? undefined : resolve(values['scenario-dir']);
  if (scenarioDir && !existsSync(scenarioDir)) return fail(`--scenario-dir ${scenarioDir} does not exist.`);

  // Everything the run depends on is checked before anything starts.
  let requirements;
  let selected;
  let reikwijdte: Kwalificatie['reikwijdte'];
  let selectedRuns: string[];
  try {
    requirements = loadRequirements();
    const catalogue = qualificationCatalogue(requirements, scenarioDir);
    selected = catalogue.filter((s) => matchesFilter(s.id, filters) && (!role || s.rollen.includes(role)));
    if (selected.length === 0)
      return fail(`no scenario matches ${filters.length ? filters.join(', ') : 'the selection'}${role ? ` in role ${role}` : ''}.${noMatchHint(filters, catalogue.map((s) => s.id))}`);
    // The full set is what the SUT's roles call for; the verdict judges the selection against it.
    const rollen = config?.rollen ?? (['bron', 'doel'] as const);
    const volledig = runsVan(catalogue, rollen);
    reikwijdte = { rollen: [...rollen], runs: volledig.runs, eisen: [...requirements.keys()].filter((id) => volledig.eisen.has(id)) };
    selectedRuns = runsVan(selected, role ? [role] : rollen).runs;
  } catch (e) {
    if (e instanceof SourceError) return fail(e.message);
    throw e;
  }
  const partial = selectedRuns.length < reikwijdte.runs.length || shard !== undefined || scenarioDir !== undefined;

  const reportDir = resolve(process.cwd(), values.report ?? join(repoRoot, partial ? 'reports/latest-partial' : 'reports/latest'));
  const run: QualificationRun = {
    reportDir,
    allureResultsDir: join(reportDir, 'allure-results'),
    playwrightJsonPath: join(reportDir, 'playwright-report.json'),
    junitPath: join(reportDir, 'junit.xml'),
    runLogDir: await mkdtemp(join(tmpdir(), 'oso-runlogs-')),
    faults,
    scenarios: filters,
    ...(role ? { role } : {}),
    seed: values.seed ?? '1',
    ...(scenarioDir ? { scenariosDir: scenarioDir } : {}),
    ...(config ? { configPath: config.bestand } : {}),
    ...(tegen ? { tegen: { url: tegen.basis, berichtenMap: tegen.berichtenMap } } : {}),
    ...(values.timings ? { timingsDir: await mkdtemp(join(tmpdir(), 'oso-timings-')) } : {}),
    ...(values['no-pdf'] ? { zonderPdf: true } : {}),
  };
  timings.mark('checks');
  const started = Date.now();
  let signer;
  try {
    // The manifest signs every file in the folder: it must hold this run's output and nothing else.
    const refused = await maakRapportmap(reportDir);
    if (refused) return fail(refused);
    // Issued here, with the configured host names, before any worker reads it: workers never race to reissue it.
    await ensureCertificateCatalogue({ dir: defaultCertDir, extraHostnames: extraHostnamesVoor(config?.harness) });
    signer = await ensureHarnessSigner(defaultCertDir);
  } catch (e) {
    return fail(`cannot prepare ${reportDir} or the test PKI: ${(e as Error).message}`);
  }

  timings.mark('PKI');
  const sut: Kwalificatie['sut'] = config
    ? { naam: config.sut.naam, versie: config.sut.versie, soort: 'extern', faults: [], leverancier: config.sut.leverancier, config: config.bestand }
    : { naam: REFERENCE_LAS_NAME, versie: REFERENCE_LAS_VERSION, soort: 'ingebouwd', faults };
  process.stdout.write(
    `Qualifying ${sut.naam} ${sut.versie}${sut.leverancier ? ` (${sut.leverancier})` : ''}${faults.length ? ` with faults ${faults.join(', ')}` : ''}: ${selected.length} ${selected.length === 1 ? 'scenario' : 'scenarios'}${role ? `, role ${role}` : ''}${shard ? `, shard ${shard}` : ''}\n`,
  );
  if (values.attestaties) {
    try {
      await vraagAttestatiesVoorRun(reportDir, config, sut.naam);
    } catch (e) {
      return fail(`the attestations were not completed: ${(e as Error).message}`);
    }
  }
  // With --config one worker: two worlds at once would both claim the fixed ports. A second worker costs a process that loads the suites (and its own Chromium for the PDFs): about two seconds of
  // CPU, more than a handful of runs of a tenth of a second each can win back.
  const eenWerker = config !== undefined || selectedRuns.length / (shard ? Number(shard.split('/')[1]) : 1) <= KLEINE_SELECTIE;
  // The specs declare their tests from this plan, so Playwright's runner does not read the scenarios again.
  run.planPath = `${run.runLogDir}.plan.json`;
  schrijfRunPlan(run.planPath, await runPlanVoor(run));
  const exit = await runPlaywright(run, [...(eenWerker ? ['--workers', '1'] : []), ...(shard ? ['--shard', shard] : [])]);
  await rm(run.planPath, { force: true });
  if (run.timingsDir) timings.markPlaywright(await leesTestTijden(run.timingsDir));
  if (!existsSync(run.playwrightJsonPath)) return fail(`the test run ended (exit ${exit}) without results; see the output above.`);

  const report = JSON.parse(await readFile(run.playwrightJsonPath, 'utf8')) as JSONReport;
  if (report.errors.length) process.stderr.write(`${report.errors.map((e) => e.message).join('\n')}\n`);
  const versie = await harnessVersion();
  const belasting = belastingModule && belastingKeuze
    ? await belastingModule.belastingInKwalificatie({ keuze: belastingKeuze, ...(config ? { config } : {}), faults, seed: run.seed!, ...(role ? { rol: role } : {}), reportDir, allureResultsDir: run.allureResultsDir, harness: `oso-testbank ${versie}` })
    : undefined;
  const kwalificatie = buildKwalificatie(report, requirements, {
    sut,
    harness: { naam: 'oso-testbank', versie },
    protocol: { release: oso2021.release, namespace: oso2021.namespace },
    gegevensset: { versie: gegevensset2019.versie, namespace: gegevensset2019.namespace },
    datum: new Date(started).toISOString(),
    duurMs: Date.now() - started,
    selectie: {
      scenarios: filters,
      ...(values.role ? { rol: values.role } : {}),
      ...(shard ? { deel: shard } : {}),
      ...(scenarioDir ? { scenarioMap: scenarioDir } : {}),
      runs: selectedRuns,
    },
    reikwijdte,
    uitvoerder: process.env['OSO_UITVOERDER'] ?? `${userInfo().username}@${hostname()}`,
    seed: run.seed!,
    ...(belasting ? { belasting } : {}),
    ...(tegen ? { tegen: { url: tegen.basis, nietUitvoerbaar: nietUitvoerbaarTegenDienst(requirements, scenarioDir, reikwijdte.rollen) } } : {}),
  });
  const bijDienst = tegen ? await naRunTegenDienst(tegen, kwalificatie, config!) : undefined;
  if (bijDienst?.fout) process.stderr.write(`oso-testbank qualify: ${bijDienst.fout}\n`);
  await writeFile(join(reportDir, 'kwalificatie.json'), `${JSON.stringify(kwalificatie, null, 2)}\n`);
  const operator = await leesOperatorVerslag(operatorBewijsMap(reportDir));
  await writeFile(
    join(reportDir, 'samenvatting.html'),
    renderSamenvatting(kwalificatie, {
      catalogus: requirements,
      allure: await allureKoppelingen([run.allureResultsDir]),
      // The manifest is signed last, but with this certificate: the page can name it now.
      ondertekenaar: new X509Certificate(signer.certPem).fingerprint256,
      secties: [renderOperatorSectie(operator), ...(belasting ? [renderBelastingSectie(belasting)] : []), bijDienst?.sectie ?? ''],
    }),
  );
  await writeFile(join(run.allureResultsDir, 'environment.properties'), environmentProperties(kwalificatie, { ...operatorOmgeving(operator), ...(belasting ? belastingOmgeving(belasting) : {}) }));
  timings.mark('verdict');
  // Trends compare full qualifications: a partial run in the default folder keeps no history unless asked.
  const historyPath = values.history ? resolve(values.history) : values.report === undefined && !partial ? join(repoRoot, 'reports/allure-history.jsonl') : undefined;

  // What could not be written is said, and everything written so far is kept.
  let complete = !bijDienst?.fout;
  try {
    await renderAllureReport({
      resultsDir: run.allureResultsDir,
      outputDir: reportDir,
      reportName: `OSO Testbank kwalificatie — ${sut.naam} — ${verdictTekst[kwalificatie.verdict]}`,
      ...(historyPath ? { historyPath } : {}),
    });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank qualify: the Allure report could not be rendered: ${(e as Error).message}\n`);
  }
  timings.mark('Allure generation');
  try {
    // Last: the manifest covers every file the run wrote.
    await writeEvidenceBundle({ reportDir, runLogDir: run.runLogDir!, harness: kwalificatie.harness, signer });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank qualify: the evidence bundle could not be written: ${(e as Error).message}\n`);
  } finally {
    await rm(run.runLogDir!, { recursive: true, force: true });
  }
  timings.mark('evidence');
  process.stdout.write(summary(kwalificatie, reportDir));
  if (bijDienst?.kwalificatieUrl) process.stdout.write(`Registered at the service: ${bijDienst.kwalificatieUrl}\n`);
  if (config?.adapter.soort === 'manual') await toonAfsluiting(reportDir, config, sut.naam, afsluiting(kwalificatie, reportDir));
  if (run.timingsDir) {
    process.stdout.write(timings.render());
    await rm(run.timingsDir, { recursive: true, force: true });
  }
  if (!complete) return 2;
  return exitCode(kwalificatie.verdict, values.strict);
}

/** The closest scenario ids to what was asked, or where to find them all: never the whole list on one line. */
function noMatchHint(filters: readonly string[], ids: readonly string[]): string {
  const suggestions = [...new Set(filters.filter((f) => !f.includes('*')).flatMap((f) => closest(f, ids)))].slice(0, 5);
  return `${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''} 'oso-testbank scenarios' lists all ${ids.length}.`;
}

/** Playwright runs in its own process; variables of an enclosing Playwright run (the harness's own tests) must not leak in. */
function runPlaywright(run: QualificationRun, extraArgs: string[]): Promise<number> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env = envWithoutEnclosingRun();
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'test', '--config', join(repoRoot, 'playwright.config.ts'), '--project', 'kwalificatie', ...extraArgs], {
      cwd: repoRoot,
      env: { ...env, ...qualificationRunToEnv(run) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => done(code ?? 2));
    child.on('error', () => done(2));
  });
}

export async function harnessVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The operator's closing page: the verdict in the words of the summary. */
function afsluiting(k: Kwalificatie, reportDir: string): Afsluiting {
  return {
    oordeel: verdictTekst[k.verdict],
    verdict: k.verdict,
    redenen: (k.onvolledig?.redenen ?? []).map((r) => r.tekst),
    totalen: `${k.totalen.passed} geslaagd, ${k.totalen.failed} afgekeurd, ${k.totalen.broken} gebroken, ${k.totalen.skipped} overgeslagen`,
    rapportMap: reportDir,
    samenvatting: join(reportDir, 'samenvatting.html'),
  };
}
