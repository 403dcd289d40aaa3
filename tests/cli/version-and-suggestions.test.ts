import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { closest, editDistance } from '../../cli/did-you-mean.ts';
import { runCli } from './run-cli.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

test('--version prints the harness, protocol and gegevensset versions and exits 0', async () => {
  const { code, stdout } = await runCli(['--version']);
  expect(code).toBe(0);
  expect(stdout).toContain(`oso-testbank ${pkg.version}`);
  expect(stdout).toMatch(/^protocol OSO'21 /m);
  expect(stdout).toMatch(/^gegevensset 2019\.1 /m);
});

test('a mistyped command, flag or scenario id gets a suggestion, exit 2, and never the whole scenario list', async () => {
  const [command, flag, scenario] = await Promise.all([
    runCli(['qualfy']),
    runCli(['verify', '--trsut', 'AB', '/tmp']),
    runCli(['qualify', '--scenario', 'zorgdosier', '--report', '/tmp/niet-gebruikt']),
  ]);
  expect(command.code).toBe(2);
  expect(command.stderr).toContain("unknown command 'qualfy'. Did you mean qualify?");
  expect(flag.code).toBe(2);
  expect(flag.stderr).toContain("unknown option '--trsut'. Did you mean --trust?");
  expect(scenario.code).toBe(2);
  expect(scenario.stderr).toContain('no scenario matches zorgdosier. Did you mean zorgdossier?');
  expect(scenario.stderr).not.toContain('regulier-povo');
});

test('suggestions are close words only, closest first', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(closest('scenarios', ['scenarios', 'certs', 'verify'])).toEqual(['scenarios']);
  expect(closest('xyz', ['qualify', 'doctor'])).toEqual([]);
  expect(closest('--scenari', ['--scenario', '--scenario-dir', '--seed'])).toEqual(['--scenario', '--scenario-dir']);
});
