/**
 * `oso-testbank qualify`: checks the selection before anything starts, prepares the test PKI, runs the qualification
 * suite with Playwright in a child process, and writes kwalificatie.json and the single-file Allure report.
 * Exit 0 = GESLAAGD, 1 = NIET GESLAAGD, 2 = usage, configuration or harness error.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JSONReport } from '@playwright/test/reporter';
import type { Rol } from '../suites/scenario-context.ts';
import { defaultCertDir } from '../certs/location.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { renderAllureReport } from '../reports/allure-report.ts';
import { writeEvidenceBundle } from '../reports/evidence-bundle.ts';
import { renderSamenvatting } from '../reports/samenvatting.ts';
import { ensureHarnessSigner } from '../certs/harness-signer.ts';
import { buildKwalificatie, type Kwalificatie } from '../reports/kwalificatie.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { oso2021 } from '../simulator/protocol/profile.ts';
import { isReferenceLasFault, referenceLasFaults } from '../simulator/reference-las/faults.ts';
import { REFERENCE_LAS_NAME, REFERENCE_LAS_VERSION } from '../simulator/reference-las/reference-las.ts';
import { loadRequirements } from '../suites/requirements.ts';
import { envWithoutEnclosingRun, qualificationRunToEnv, type QualificationRun } from '../suites/run-settings.ts';
import { qualificationCatalogue } from '../suites/catalogue.ts';
import { matchesFilter } from '../suites/scenario.ts';
import { SourceError } from '../suites/yaml-source.ts';
import { controleerAdapter } from '../suites/adapters/adapter-voor.ts';
import { loadSutConfig, sutCertificaatProbleem, type SutConfig } from '../suites/sut-config.ts';
import { extraHostnamesVoor } from '../simulator/world.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

const usage = `Usage: oso-testbank qualify [--config FILE] [--scenario ID|GLOB]... [--scenario-dir DIR] [--role bron|doel] [--report DIR] [--fault NAME]... [--seed TEXT] [--history FILE] [--shard I/N]

Runs the qualification scenarios against the LAS under test and writes DIR/kwalificatie.json and DIR/index.html.
Without --config the embedded reference LAS is the system under test.

  --config FILE       the configuration of a vendor LAS (docs/examples/sut-http.yaml, docs/vendor-guide.md): only its
                      roles run, one test at a time (the simulated parties listen on the configured fixed ports)

  --scenario ID|GLOB  run only these scenarios (repeatable; * matches anything)
  --scenario-dir DIR  read the YAML scenarios from DIR instead of scenarios/ (same schema and requirement catalogue)
  --role bron|doel    run only the runs in which the LAS plays this role
  --report DIR        where the report goes (default: reports/latest)
  --fault NAME        switch on a named misbehaviour of the embedded reference LAS (repeatable; see reference-las
                      --list-faults); not with --config
  --seed TEXT         seed of the synthetic test data (default 1); recorded in the report so a run can be repeated
  --history FILE      Allure history (JSONL) kept between runs for trends (default with the default report folder:
                      reports/allure-history.jsonl)
  --shard I/N         run only part I of N of the selected tests (Playwright sharding, for several machines); the
                      report then covers that part only (docs/vendor-guide.md: merging the parts)

Exit codes: 0 GESLAAGD, 1 NIET GESLAAGD, 2 usage or configuration error.
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank qualify: ${message}\n`);
  return 2;
};

export async function runQualify(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
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
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`oso-testbank qualify: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.role !== undefined && values.role !== 'bron' && values.role !== 'doel') return fail(`--role must be bron or doel, not '${values.role}'.`);
  let role: Rol | undefined = values.role;
  const faults = values.fault ?? [];
  const shard = values.shard;
  if (shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shard)) return fail(`--shard must be I/N (for example 1/3), not '${shard}'.`);
  if (shard !== undefined && Number(shard.split('/')[0]) > Number(shard.split('/')[1])) return fail(`--shard ${shard}: part I cannot be larger than N.`);

  let config: SutConfig | undefined;
  if (values.config !== undefined) {
    if (faults.length) return fail('--fault switches on a misbehaviour of the embedded reference LAS; it cannot be combined with --config (a vendor LAS).');
    try {
      config = loadSutConfig(values.config);
    } catch (e) {
      if (e instanceof SourceError) return fail(e.message);
      throw e;
    }
    const probleem = sutCertificaatProbleem(config);
    if (probleem) return fail(`${config.bestand}: sut.certificaat: ${probleem}.\n  Oplossing: vernieuw het certificaat (voor het testcertificaat: oso-testbank certs) en controleer met oso-testbank doctor --config.`);
    try {
      await controleerAdapter(config.adapter);
    } catch (e) {
      return fail(`${config.bestand}: adapter.${config.adapter.soort}: ${(e as Error).message}`);
    }
    if (role && !config.rollen.includes(role)) return fail(`--role ${role}: ${config.bestand} qualifies only the role(s) ${config.rollen.join(', ')} (rollen).`);
    // Only the configured roles run: with one role, that is the selection; with both, --role may narrow it.
    if (!role && config.rollen.length === 1) role = config.rollen[0];
  }
  const unknownFault = faults.find((f) => !isReferenceLasFault(f));
  if (unknownFault) return fail(`unknown fault '${unknownFault}'. Known faults: ${Object.keys(referenceLasFaults).join(', ')}.`);
  const filters = values.scenario ?? [];
  const scenarioDir = values['scenario-dir'] === undefined ? undefined : resolve(values['scenario-dir']);
  if (scenarioDir && !existsSync(scenarioDir)) return fail(`--scenario-dir ${scenarioDir} does not exist.`);

  // Everything the run depends on is checked before anything starts.
  let requirements;
  let selected;
  try {
    requirements = loadRequirements();
    const catalogue = qualificationCatalogue(requirements, scenarioDir);
    selected = catalogue.filter((s) => matchesFilter(s.id, filters) && (!role || s.rollen.includes(role)));
    if (selected.length === 0)
      return fail(`no scenario matches ${filters.length ? filters.join(', ') : 'the selection'}${role ? ` in role ${role}` : ''}. Known: ${catalogue.map((s) => s.id).join(', ')}.`);
  } catch (e) {
    if (e instanceof SourceError) return fail(e.message);
    throw e;
  }

  const reportDir = resolve(process.cwd(), values.report ?? join(repoRoot, 'reports/latest'));
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
  };
  const started = Date.now();
  let signer;
  try {
    // The manifest signs every file in the folder: it must hold this run's output and nothing else.
    if (existsSync(reportDir) && (await readdir(reportDir)).length > 0 && !existsSync(join(reportDir, 'kwalificatie.json')))
      return fail(`${reportDir} is not empty and holds no earlier report; choose an empty or new folder for --report.`);
    await rm(reportDir, { recursive: true, force: true });
    await mkdir(reportDir, { recursive: true });
    // Issued here, with the configured host names, before any worker reads it: workers never race to reissue it.
    await ensureCertificateCatalogue({ dir: defaultCertDir, extraHostnames: extraHostnamesVoor(config?.harness) });
    signer = await ensureHarnessSigner(defaultCertDir);
  } catch (e) {
    return fail(`cannot prepare ${reportDir} or the test PKI: ${(e as Error).message}`);
  }

  const sut: Kwalificatie['sut'] = config
    ? { naam: config.sut.naam, versie: config.sut.versie, soort: 'extern', faults: [], leverancier: config.sut.leverancier, config: config.bestand }
    : { naam: REFERENCE_LAS_NAME, versie: REFERENCE_LAS_VERSION, soort: 'ingebouwd', faults };
  process.stdout.write(
    `Kwalificatie van ${sut.naam} ${sut.versie}${sut.leverancier ? ` (${sut.leverancier})` : ''}${faults.length ? ` met fouten ${faults.join(', ')}` : ''}: ${selected.length} scenario('s)${role ? `, rol ${role}` : ''}${shard ? `, deel ${shard}` : ''}\n`,
  );
  // Fixed ports: two worlds at once would both claim them.
  const exit = await runPlaywright(run, [...(config ? ['--workers', '1'] : []), ...(shard ? ['--shard', shard] : [])]);
  if (!existsSync(run.playwrightJsonPath)) return fail(`the test run ended (exit ${exit}) without results; see the output above.`);

  const report = JSON.parse(await readFile(run.playwrightJsonPath, 'utf8')) as JSONReport;
  if (report.errors.length) process.stderr.write(`${report.errors.map((e) => e.message).join('\n')}\n`);
  const kwalificatie = buildKwalificatie(report, requirements, {
    sut,
    harness: { naam: 'oso-testbank', versie: await harnessVersion() },
    protocol: { release: oso2021.release, namespace: oso2021.namespace },
    gegevensset: { versie: gegevensset2019.versie, namespace: gegevensset2019.namespace },
    datum: new Date(started).toISOString(),
    duurMs: Date.now() - started,
    selectie: { scenarios: filters, ...(role ? { rol: role } : {}) },
    uitvoerder: process.env['OSO_UITVOERDER'] ?? `${userInfo().username}@${hostname()}`,
    seed: run.seed!,
  });
  await writeFile(join(reportDir, 'kwalificatie.json'), `${JSON.stringify(kwalificatie, null, 2)}\n`);
  await writeFile(join(reportDir, 'samenvatting.html'), renderSamenvatting(kwalificatie));
  await writeFile(join(run.allureResultsDir, 'environment.properties'), environmentProperties(kwalificatie));
  const historyPath = values.history ? resolve(values.history) : values.report === undefined ? join(repoRoot, 'reports/allure-history.jsonl') : undefined;

  // What could not be written is said, and everything written so far is kept.
  let complete = true;
  try {
    await renderAllureReport({
      resultsDir: run.allureResultsDir,
      outputDir: reportDir,
      reportName: `OSO Testbank kwalificatie — ${sut.naam}`,
      ...(historyPath ? { historyPath } : {}),
    });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank qualify: the Allure report could not be rendered: ${(e as Error).message}\n`);
  }
  try {
    // Last: the manifest covers every file the run wrote.
    await writeEvidenceBundle({ reportDir, runLogDir: run.runLogDir!, harness: kwalificatie.harness, signer });
  } catch (e) {
    complete = false;
    process.stderr.write(`oso-testbank qualify: the evidence bundle could not be written: ${(e as Error).message}\n`);
  } finally {
    await rm(run.runLogDir!, { recursive: true, force: true });
  }
  process.stdout.write(summary(kwalificatie, reportDir));
  if (!complete) return 2;
  return kwalificatie.verdict === 'GESLAAGD' ? 0 : 1;
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

/** What the run was, for the Environment panel of the Allure report. */
function environmentProperties(k: Kwalificatie): string {
  const props: Record<string, string> = {
    SUT: `${k.sut.naam} ${k.sut.versie}${k.sut.leverancier ? ` (${k.sut.leverancier})` : ''}`,
    'SUT.fouten': k.sut.faults.join(', ') || 'geen',
    Testbank: `${k.harness.naam} ${k.harness.versie}`,
    Protocol: `${k.protocol.release} ${k.protocol.namespace}`,
    Gegevensset: k.gegevensset.versie,
    Uitvoerder: k.uitvoerder,
    Seed: k.seed,
    Datum: k.datum,
  };
  // .properties: escape the characters that would end a key or value.
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([=:#!])/g, '\\$1').replace(/\n/g, '\\n');
  return `${Object.entries(props).map(([k2, v]) => `${esc(k2)}=${esc(v)}`).join('\n')}\n`;
}

async function harnessVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function summary(k: Kwalificatie, reportDir: string): string {
  const written = (file: string) => (existsSync(join(reportDir, file)) ? join(reportDir, file) : `${join(reportDir, file)} (niet geschreven)`);
  const icon = { passed: '✓', failed: '✘', broken: '!', skipped: '-' } as const;
  const lines = [
    '',
    `Oordeel: ${k.verdict === 'GESLAAGD' ? 'GESLAAGD' : 'NIET GESLAAGD'}  (${k.totalen.passed} geslaagd, ${k.totalen.failed} afgekeurd, ${k.totalen.broken} gebroken, ${k.totalen.skipped} overgeslagen)`,
    ...k.scenarios.map((s) => `  ${icon[s.status]} ${s.id} [${s.role}]${s.status !== 'passed' && s.message ? `\n      ${s.message.split('\n')[0]}` : ''}`),
    `Eisen: ${k.requirements.filter((r) => r.status === 'passed').length} voldaan, ${k.requirements.filter((r) => r.status === 'failed').length} niet voldaan, ${k.requirements.filter((r) => r.status === 'untested').length} niet getest`,
    `Samenvatting: ${written('samenvatting.html')}`,
    `Rapport:      ${written('index.html')}`,
    `Kwalificatie: ${written('kwalificatie.json')} (JUnit: junit.xml)`,
    `Bewijs:       ${written('evidence/manifest.json')} (controleer met: oso-testbank verify ${reportDir})`,
    '',
  ];
  return lines.join('\n');
}
