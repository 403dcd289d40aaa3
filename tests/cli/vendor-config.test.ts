import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { runCli } from './run-cli.ts';
import { opstelling, startStandaloneLas } from './standalone-las.ts';

// Each test runs a real standalone LAS and a real qualify or doctor process.
test.describe.configure({ timeout: 300_000 });

const reportDir = () => mkdtempSync(join(tmpdir(), 'kwalificatie-'));
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;

// A long-lived LAS keeps what every run leaves: the same pupils klaargezet and received again and again. With POST /reset
// each run begins clean, so after a first qualification has left its dossiers behind, the runs that assume nothing
// klaargezet (niet-klaargezet, notificatie as bron; the next test sees them skipped without reset) run and pass. The whole
// set against a standalone reference LAS passes in tests/netwerk/las-op-eigen-adres.test.ts.
test('qualify --config against the reference LAS running as a separate process: the vendor SUT in kwalificatie.json, ONVOLLEDIG for one scenario; then, reset before every run, the runs that need a clean bron pass', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o);
  try {
    const dir = reportDir();
    const { code, stdout, stderr } = await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', dir]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('Qualifying Los-LAS 9.9.1 (Proef BV)');
    // Both runs passed, but one scenario of the set is no qualification.
    expect(stdout).toContain('Verdict: ONVOLLEDIG');
    const k = read(dir);
    expect(k.verdict).toBe('ONVOLLEDIG');
    expect(k.reikwijdte.rollen).toEqual(['bron', 'doel']);
    expect(k.sut).toEqual({ naam: 'Los-LAS', versie: '9.9.1', soort: 'extern', faults: [], leverancier: 'Proef BV', config: o.configPath });
    expect(k.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`).sort()).toEqual(['regulier-povo/bron/passed', 'regulier-povo/doel/passed']);
    // The messages really went between the processes: the evidence holds the SUT's calls to the fixed TC port.
    const evidence = readdirSync(join(dir, 'evidence'));
    expect(evidence.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Los-LAS');

    // The LAS now holds that qualification's dossiers, as after a CI job of yesterday.
    const schoon = reportDir();
    const schoonNodig = ['niet-klaargezet', 'notificatie', 'klaargezet-voor-andere-school', 'regulier-povo'];
    const tweede = await runCli(['qualify', '--no-pdf', '--config', o.configPath, ...schoonNodig.flatMap((id) => ['--scenario', id]), '--report', schoon]);
    expect(tweede.code, tweede.stdout).toBe(0);
    const k2 = read(schoon);
    expect(k2.scenarios.map((s) => `${s.id}/${s.role}`)).toEqual(expect.arrayContaining(['niet-klaargezet/bron', 'notificatie/bron']));
    expect(k2.scenarios.filter((s) => s.status !== 'passed').map((s) => `${s.id}/${s.role}=${s.status}`)).toEqual([]);
    expect(k2.requirements.filter((r) => r.status === 'failed')).toEqual([]);
  } finally {
    expect(await las.stop()).toBe(0);
  }
  expect(las.output()).toContain('stopped.');
});

// Without reset and klok the harness judges each run only by what arrives during it, and works with the LAS's own date:
// no run fails for what earlier runs left. A run that assumes nothing klaargezet cannot be judged then, and says why.
test('long-lived without reset or klok: nothing fails for earlier runs, the runs that need a clean bron are skipped with the reason', async () => {
  const o = await opstelling(undefined, { zonder: ['reset', 'klok'] });
  const las = await startStandaloneLas(o);
  try {
    expect(las.output()).toContain('(without /reset, /klok)');
    expect((await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', reportDir()])).code).toBe(0);
    const dir = reportDir();
    const { code, stdout } = await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--report', dir]);
    const k = read(dir);
    expect(k.scenarios.filter((s) => s.status === 'failed' || s.status === 'broken'), stdout).toEqual([]);
    expect(k.scenarios.filter((s) => s.status === 'skipped').map((s) => `${s.id}/${s.role}`).sort()).toEqual(['niet-klaargezet/bron', 'notificatie/bron']);
    expect(code, stdout).not.toBe(1);
    // No requirement failed; only the notificatie of the bron, which no other run verifies, stays untested.
    expect(k.requirements.filter((r) => r.status !== 'passed').map((r) => `${r.id}=${r.status}`)).toEqual(['BRON-10=untested']);
    // The report says how each run began and which date it judged with.
    const stappen = readdirSync(join(dir, 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => readFileSync(join(dir, 'allure-results', f), 'utf8'))
      .join('\n');
    expect(stappen).toContain('0. Beginstand: de SUT biedt geen reset; de run beoordeelt alleen wat tijdens de run bij de SUT binnenkomt');
    expect(stappen).toContain('De SUT laat haar datum niet instellen: beoordeeld met de datum van de SUT');
    expect(stappen).toContain('Niet uitgevoerd: dit scenario gaat ervan uit dat de SUT als bron niets heeft klaargezet');
  } finally {
    await las.stop();
  }
});

// A standalone reference LAS with --fault skip-sessiecontrole fails the qualification (exit 1, BRON-01): proven on an
// address of its own in tests/netwerk/las-op-eigen-adres.test.ts.

test('doctor --config against the standalone reference LAS: every check OK, exit 0', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o);
  try {
    const { code, stdout } = await runCli(['doctor', '--config', o.configPath], 60_000);
    expect(code, stdout).toBe(0);
    const checks = stdout.split('\n').filter((l) => /^(OK|FAIL) /.test(l));
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(checks.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    // One language on the terminal: the frame of every check is English.
    expect(stdout).not.toMatch(/\b(FOUT|oplossing|bereikbaar|poort|geldig tot)\b/i);
    expect(stdout).toContain(`127.0.0.1:${o.ports.ap} (aanleverpunt PO 98RA, aanleverpunt VO 98RB) is reachable`);
    expect(stdout).toMatch(/OK {3}TLS harness → aanleverpunt PO 98RA .*the harness's client certificate accepted/);
    expect(stdout).toContain(`port ${o.ports.tc} (TC) on 127.0.0.1 is free`);
    expect(stdout).toContain(`Traffic Center:             https://127.0.0.1:${o.ports.tc}/oso/tc`);
  } finally {
    await las.stop();
  }
});

test('doctor --config with the SUT not running names each unreachable address and exits 1', async () => {
  const o = await opstelling();
  const { code, stdout } = await runCli(['doctor', '--config', o.configPath], 60_000);
  expect(code, stdout).toBe(1);
  expect(stdout).toMatch(new RegExp(`^FAIL 127\\.0\\.0\\.1:${o.ports.ap} \\(aanleverpunt PO 98RA, aanleverpunt VO 98RB\\) is not reachable: ECONNREFUSED — fix: `, 'm'));
  expect(stdout).toMatch(new RegExp(`^FAIL 127\\.0\\.0\\.1:${o.ports.control} \\(test-control API\\) is not reachable`, 'm'));
  // What does not depend on the SUT running still checks out.
  expect(stdout).toMatch(/^OK {3}certificate carries OIN 00000003999000040000/m);
});

test('an invalid configuration stops qualify and doctor with exit 2, file:line:col and a hint; --fault with --config is a usage error', async () => {
  const o = await opstelling();
  const text = readFileSync(o.configPath, 'utf8').replace('rollen: [bron, doel]', 'rollen: [bron, beide]');
  writeFileSync(o.configPath, text);
  const line = text.split('\n').findIndex((l) => l.includes('beide')) + 1;
  const dir = reportDir();
  const qualify = await runCli(['qualify', '--config', o.configPath, '--report', dir]);
  expect(qualify.code).toBe(2);
  expect(qualify.stderr).toContain(`${o.configPath}:${line}:`);
  expect(qualify.stderr).toContain('Fix: choose one of: bron, doel.');
  expect(readdirSync(dir)).toEqual([]);
  const doctor = await runCli(['doctor', '--config', o.configPath], 60_000);
  expect(doctor.code).toBe(2);
  expect(doctor.stdout).toMatch(new RegExp(`^FAIL configuration ${o.configPath}:${line}:\\d+: .* — fix: choose one of: bron, doel\\.`, 'm'));

  const withFault = await runCli(['qualify', '--config', o.configPath, '--fault', 'skip-sessiecontrole']);
  expect(withFault.code).toBe(2);
  expect(withFault.stderr).toContain('cannot be combined with --config');
});

test('a playwright module that does not load is a configuration error before anything runs', async () => {
  const dir = reportDir();
  const { code, stderr } = await runCli(['qualify', '--config', 'docs/examples/sut-playwright.yaml', '--report', dir]);
  expect(code).toBe(2);
  expect(stderr).toContain('adapter.playwright:');
  expect(stderr).toContain('mijn-las.adapter.ts');
  expect(readdirSync(dir)).toEqual([]);
});

test('doctor without --config checks the embedded set-up', async () => {
  const { code, stdout } = await runCli(['doctor'], 60_000);
  expect(code, stdout).toBe(0);
  expect(stdout).toContain('No --config: checking the embedded setup');
  expect(stdout).toMatch(/^OK {3}test certificate reference-las \(OIN 00000003999000040000\) valid until \d{4}-\d\d-\d\d$/m);
  expect(stdout).toMatch(/^OK {3}the simulated world .* starts/m);
  // Every check line is an English OK or FAIL; here every one is OK.
  const checks = stdout.split('\n').filter((l) => /^(OK|FAIL) /.test(l));
  expect(checks.length).toBeGreaterThanOrEqual(4);
  expect(checks.filter((l) => !l.startsWith('OK '))).toEqual([]);
  expect(stdout).not.toMatch(/\b(FOUT|oplossing|geldig|gesimuleerde|Geen)\b/);
});
