import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { referenceLasFaults } from '../../simulator/reference-las/faults.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { matchesFilter, scenariosDir } from '../../suites/scenario.ts';
import { alleRuns, voerRunsUit } from '../support/fault-matrix.ts';
import { doelwitVan, fouteFaults, fouteKwalificatie, fouteScenarios, runVan } from '../support/foute-kwalificatie.ts';
import { runCli } from './run-cli.ts';

// A qualification with failing runs is slower: Playwright starts a fresh worker after every failed test.
test.describe.configure({ timeout: 300_000 });

const reportDir = () => mkdtempSync(join(tmpdir(), 'kwalificatie-'));
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;

// The clean qualification of every run is proven in tests/reports/evidence.test.ts, which shares that run of qualify with
// the checks of its evidence bundle; every fault against every run in tests/suites/fault-matrix.test.ts, in-process.

// The command-line path of the fault guarantee: faults switched on through qualify reach the reference LAS, and the
// verdict, kwalificatie.json and the report say exactly what the in-process fault matrix says for the same runs. The
// failing qualification the tests share (tests/support/foute-kwalificatie.ts) has two faults working in different
// roles, both roles, YAML scenarios and security runs, targeted and untargeted runs.
test('qualify --fault skip-sessiecontrole --fault drop-attachments: exit 1, NIET_GESLAAGD, exactly the targeted runs fail, as the fault matrix judges them, naming BRON-01', async () => {
  const { dir, code, stdout } = await fouteKwalificatie();
  expect(code, stdout).toBe(1);
  expect(stdout).toContain('Verdict: NIET GESLAAGD');
  const k = read(dir);
  expect(k.verdict).toBe('NIET_GESLAAGD');
  expect(k.sut.faults).toEqual([...fouteFaults]);
  const runs = k.scenarios.map(runVan);
  expect(runs.sort()).toEqual([
    'binnen-brin/bron', 'binnen-brin/doel', 'oin-van-ander-systeem/bron', 'regulier-povo/bron', 'regulier-povo/doel',
    'sessie-afwijkend/bron', 'tls-server-tc-verlopen/doel', 'veel-bijlagen/bron', 'veel-bijlagen/doel', 'zorgdossier/bron',
    'zorgdossier/doel',
  ]);
  // Each fault's targets by its own vangtIn: skip-sessiecontrole the bron runs, drop-attachments the doel runs with attachments.
  expect(doelwitVan(k, 'skip-sessiecontrole').sort()).toEqual(runs.filter((r) => r.endsWith('/bron')).sort());
  expect(doelwitVan(k, 'drop-attachments').sort()).toEqual(['veel-bijlagen/doel', 'zorgdossier/doel']);
  const targeted = fouteFaults.flatMap((f) => doelwitVan(k, f));
  const failing = k.scenarios.filter((s) => s.status !== 'passed').map(runVan);
  expect(failing.sort()).toEqual(targeted.sort());
  for (const s of k.scenarios.filter((x) => x.status !== 'passed')) {
    expect(s.status).toBe('failed');
    expect(s.message).toMatch(/\[[A-Z]+-\d\d\] .*\n  Verwacht: .*\n  Ontvangen: /);
  }
  const bron = k.scenarios.find((s) => s.id === 'regulier-povo' && s.role === 'bron')!;
  expect(bron.message).toContain('BRON-01');
  expect(bron.message).toContain('geen sessiecontrole');
  expect(k.requirements.find((r) => r.id === 'BRON-01')!.status).toBe('failed');
  expect(k.requirements.find((r) => r.id === 'DOEL-07')!.status).toBe('failed');
  expect(existsSync(join(dir, 'index.html'))).toBe(true);
  // Both paths judge each run alike: what qualify wrote is what the matrix finds in-process.
  const defs = alleRuns(loadRequirements()).filter((d) => matchesFilter(d.info.id, [...fouteScenarios]));
  const inProces = await voerRunsUit(defs, fouteFaults);
  expect(k.scenarios.map((s) => `${runVan(s)}: ${s.status}`).sort()).toEqual(inProces.map((u) => `${u.run}: ${u.status}`).sort());
});

test('qualify --role and --scenario select runs, --no-pdf attaches the dossiers without PDF; an empty selection is a usage error', async () => {
  const dir = reportDir();
  const { code } = await runCli(['qualify', '--role', 'doel', '--scenario', 'regulier-*', '--no-pdf', '--report', dir]);
  expect(code).toBe(0);
  const k = read(dir);
  expect(new Set(k.scenarios.map((s) => s.role))).toEqual(new Set(['doel']));
  expect(k.requirements.find((r) => r.id === 'BRON-01')!.status).toBe('untested');
  // Every exchanged dossier still as its printable page, none as PDF (tests/browser/dossier-pdf.test.ts proves the PDF).
  type Stap = { attachments?: { name: string; type: string }[]; steps?: Stap[] };
  const bijlagenVan = (s: Stap): { name: string; type: string }[] => [...(s.attachments ?? []), ...(s.steps ?? []).flatMap(bijlagenVan)];
  const bijlagen = readdirSync(join(dir, 'allure-results'))
    .filter((f) => f.endsWith('-result.json'))
    .flatMap((f) => bijlagenVan(JSON.parse(readFileSync(join(dir, 'allure-results', f), 'utf8')) as Stap));
  expect(bijlagen.filter((b) => b.name.endsWith('dossier ter inzage')).length).toBeGreaterThanOrEqual(k.scenarios.length);
  expect(bijlagen.filter((b) => b.type === 'application/pdf' || /PDF/.test(b.name))).toEqual([]);

  const none = await runCli(['qualify', '--scenario', 'bestaat-niet', '--report', reportDir()]);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('no scenario matches bestaat-niet');
});

test('an invalid scenario stops qualify before anything runs, with file, line and column', async () => {
  const dir = reportDir();
  const scenarioDir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  const broken = readFileSync(join(scenariosDir, 'regulier-povo.yaml'), 'utf8').replace('  - verwacht-overdracht: {}', '  - verwacht-overdracht: { extra: 1 }');
  writeFileSync(join(scenarioDir, 'kapot.yaml'), broken);
  const line = broken.split('\n').findIndex((l) => l.includes('extra: 1')) + 1;
  const { code, stderr } = await runCli(['qualify', '--scenario-dir', scenarioDir, '--report', dir]);
  expect(code).toBe(2);
  expect(stderr).toMatch(new RegExp(`kapot\\.yaml:${line}:\\d+: .*unknown field 'extra'`));
  expect(readdirSync(dir)).toEqual([]);
});

test('usage errors exit 2 with a message and start nothing', async () => {
  // A folder with other files is never emptied to make room for a report.
  const foreign = reportDir();
  writeFileSync(join(foreign, 'belangrijk.txt'), 'niet weggooien');
  // Each case is its own process; they run side by side.
  const [unknownFault, badRole, badOption, unknownCommand, refused, badShard] = await Promise.all([
    runCli(['qualify', '--fault', 'bestaat-niet']),
    runCli(['qualify', '--role', 'beide']),
    runCli(['qualify', '--onbekend']),
    runCli(['bestaat-niet']),
    runCli(['qualify', '--report', foreign]),
    runCli(['qualify', '--shard', '3/2']),
  ]);
  expect(unknownFault.code).toBe(2);
  expect(unknownFault.stderr).toContain("unknown fault 'bestaat-niet'");
  expect(unknownFault.stderr).toContain('skip-sessiecontrole');
  expect(badRole.code).toBe(2);
  expect(badOption.code).toBe(2);
  expect(badOption.stderr).toContain('Usage: oso-testbank qualify');
  expect(unknownCommand.code).toBe(2);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('is not empty and holds no earlier report');
  expect(readFileSync(join(foreign, 'belangrijk.txt'), 'utf8')).toBe('niet weggooien');
  expect(badShard.code).toBe(2);
  expect(badShard.stderr).toContain('--shard 3/2');
});

test('reference-las --list-faults prints one fault name a line', async () => {
  const { code, stdout } = await runCli(['reference-las', '--list-faults']);
  expect(code).toBe(0);
  expect(stdout.trim().split('\n').sort()).toEqual(Object.keys(referenceLasFaults).sort());
});

test('scenarios --json gives scenarios with roles and requirements, and requirements with their scenarios', async () => {
  const { code, stdout } = await runCli(['scenarios', '--json']);
  expect(code).toBe(0);
  const out = JSON.parse(stdout) as { scenarios: { id: string; title: string; roles: string[]; requirements: string[] }[]; requirements: { id: string; text: string; source: string; scenarios: string[] }[] };
  expect(out.scenarios.find((s) => s.id === 'regulier-povo')).toMatchObject({ roles: ['bron', 'doel'], requirements: expect.arrayContaining(['BRON-01']) });
  expect(out.requirements.find((r) => r.id === 'BRON-01')).toMatchObject({ scenarios: expect.arrayContaining(['regulier-povo', 'regulier-popo']), text: expect.any(String), source: expect.any(String) });
});
