/**
 * The run of `oso-testbank qualify` once its arguments hold (qualify.ts checks them): selection, test PKI, the suite in
 * Playwright, then kwalificatie.json, the summary, the Allure report and the evidence bundle.
 */
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { exitCode, verdictTekst } from '../reports/oordeel.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';
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
import { naRunTegenDienst, nietUitvoerbaarTegenDienst, type TegenDienst } from './qualify-tegen.ts';
import { belastingOmgeving, renderBelastingSectie } from '../reports/belasting-in-kwalificatie.ts';
import type { QualifyTimings } from './qualify-timings.ts';
import { harnessVersion } from './harness-version.ts';
import type { BelastingKeuze } from './qualify-belasting.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
/** Up to this many runs, one Playwright worker runs them all (see where it is used). */
const KLEINE_SELECTIE = 4;

/** What qualify.ts read and checked from the arguments. */
export interface QualifyKeuze {
  values: {
    scenario?: string[];
    'scenario-dir'?: string;
    history?: string;
    seed?: string;
    role?: string;
    report?: string;
    timings?: boolean;
    'no-pdf'?: boolean;
    strict?: boolean;
    attestaties?: boolean;
  };
  timings: QualifyTimings;
  role?: Rol;
  faults: string[];
  shard?: string;
  config: SutConfig | undefined;
  tegen: TegenDienst | undefined;
  belasting?: { module: typeof import('./qualify-belasting.ts'); keuze: BelastingKeuze };
  fail: (message: string) => number;
}

export async function voerKwalificatieUit(keuze: QualifyKeuze): Promise<number> {
  const { values, timings, role, faults, shard, config, tegen, fail } = keuze;
  const belastingModule = keuze.belasting?.module;
  const belastingKeuze = keuze.belasting?.keuze;
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
