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

test('qualify --config against the reference LAS running as a separate process: exit 0, the vendor SUT in kwalificatie.json, ONVOLLEDIG for one scenario', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o);
  try {
    const dir = reportDir();
    const { code, stdout, stderr } = await runCli(['qualify', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', dir]);
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
  } finally {
    expect(await las.stop()).toBe(0);
  }
  expect(las.output()).toContain('gestopt');
});

// The refusal scenarios (niet-klaargezet, verwacht-geen-dossier …) assume the SUT holds no earlier test data for their
// pupils; a long-lived LAS that already ran the regular scenarios does. Until the control API can reset test data, this
// run takes what must hold whatever the SUT remembers: the security runs and the regular transfers.
test('the security runs and the regular transfers pass against the standalone reference LAS, which keeps its state between runs', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o);
  try {
    const dir = reportDir();
    const { code, stdout } = await runCli(['qualify', '--config', o.configPath, '--scenario', 'tls-*', '--scenario', 'oin-*', '--scenario', 'regulier-*', '--report', dir]);
    expect(code, stdout).toBe(0);
    const k = read(dir);
    expect(k.scenarios.filter((s) => s.status !== 'passed')).toEqual([]);
    expect(k.scenarios.some((s) => s.id.startsWith('tls-server-'))).toBe(true);
    // What the selection verifies passed; the rest is untested, never failed.
    expect(k.requirements.filter((r) => r.status === 'failed')).toEqual([]);
    const status = new Map(k.requirements.map((r) => [r.id, r.status]));
    for (const id of ['BEV-01', 'BEV-02', 'BEV-03', 'BEV-04', 'BRON-01', 'BRON-02', 'BRON-04', 'DOEL-01', 'DOEL-04']) expect(status.get(id), id).toBe('passed');
  } finally {
    await las.stop();
  }
});

test('qualify --config: a standalone reference LAS with --fault skip-sessiecontrole fails the qualification (exit 1)', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o, ['skip-sessiecontrole']);
  try {
    const dir = reportDir();
    const { code, stdout } = await runCli(['qualify', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', dir]);
    expect(code, stdout).toBe(1);
    const k = read(dir);
    expect(k.verdict).toBe('NIET_GESLAAGD');
    const bron = k.scenarios.find((s) => s.role === 'bron')!;
    expect(bron.status).toBe('failed');
    expect(bron.message).toContain('BRON-01');
    expect(k.scenarios.find((s) => s.role === 'doel')!.status).toBe('passed');
  } finally {
    await las.stop();
  }
});

test('doctor --config against the standalone reference LAS: every check OK, exit 0', async () => {
  const o = await opstelling();
  const las = await startStandaloneLas(o);
  try {
    const { code, stdout } = await runCli(['doctor', '--config', o.configPath], 60_000);
    expect(code, stdout).toBe(0);
    const checks = stdout.split('\n').filter((l) => /^(OK|FOUT) /.test(l));
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(checks.filter((l) => l.startsWith('FOUT'))).toEqual([]);
    expect(stdout).toContain(`127.0.0.1:${o.ports.ap} (aanleverpunt PO 98RA, aanleverpunt VO 98RB) is bereikbaar`);
    expect(stdout).toMatch(/OK {3}TLS testbank → aanleverpunt PO 98RA .*clientcertificaat van de testbank geaccepteerd/);
    expect(stdout).toContain(`poort ${o.ports.tc} (TC) op 127.0.0.1 is vrij`);
    expect(stdout).toContain(`Traffic Center:             https://127.0.0.1:${o.ports.tc}/oso/tc`);
  } finally {
    await las.stop();
  }
});

test('doctor --config with the SUT not running names each unreachable address and exits 1', async () => {
  const o = await opstelling();
  const { code, stdout } = await runCli(['doctor', '--config', o.configPath], 60_000);
  expect(code, stdout).toBe(1);
  expect(stdout).toMatch(new RegExp(`^FOUT 127\\.0\\.0\\.1:${o.ports.ap} \\(aanleverpunt PO 98RA, aanleverpunt VO 98RB\\) is niet bereikbaar: ECONNREFUSED — oplossing: `, 'm'));
  expect(stdout).toMatch(new RegExp(`^FOUT 127\\.0\\.0\\.1:${o.ports.control} \\(test-control-API\\) is niet bereikbaar`, 'm'));
  // What does not depend on the SUT running still checks out.
  expect(stdout).toMatch(/^OK {3}certificaat draagt OIN 00000003999000040000/m);
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
  expect(qualify.stderr).toContain('Oplossing: kies een van: bron, doel.');
  expect(readdirSync(dir)).toEqual([]);
  const doctor = await runCli(['doctor', '--config', o.configPath], 60_000);
  expect(doctor.code).toBe(2);
  expect(doctor.stdout).toMatch(new RegExp(`^FOUT configuratie ${o.configPath}:${line}:\\d+: .* — oplossing: kies een van: bron, doel\\.`, 'm'));

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

test('qualify --shard I/N runs a part of the selection; a malformed shard is a usage error', async () => {
  const dir = reportDir();
  const { code, stdout } = await runCli(['qualify', '--scenario', 'regulier-povo', '--shard', '2/2', '--report', dir]);
  expect(code, stdout).toBe(0);
  expect(read(dir).scenarios).toHaveLength(1);
  const bad = await runCli(['qualify', '--shard', '3/2']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--shard 3/2');
});

test('doctor without --config checks the embedded set-up', async () => {
  const { code, stdout } = await runCli(['doctor'], 60_000);
  expect(code, stdout).toBe(0);
  expect(stdout).toContain('de ingebouwde opstelling');
  expect(stdout).toMatch(/^OK {3}testcertificaat reference-las \(OIN 00000003999000040000\) geldig tot \d{4}-\d\d-\d\d$/m);
  expect(stdout).toMatch(/^OK {3}de gesimuleerde wereld .* start/m);
});
