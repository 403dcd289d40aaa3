/**
 * A command loads its own code, not every command's: `validate` of one file, run by a school's administrator or a CI
 * job many times over, does not read the server, the store or the qualification runner.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';

const bin = fileURLToPath(new URL('../../bin/oso-testbank.mjs', import.meta.url));
const logboek = fileURLToPath(new URL('./modulelogboek.mjs', import.meta.url));

/** The exit code of `oso-testbank <args>` and every module it loaded. */
async function geladenModules(args: (map: string) => string[]): Promise<{ code: number | null; geladen: string[] }> {
  const map = mkdtempSync(join(tmpdir(), 'commando-laden-'));
  try {
    const modules = join(map, 'modules.txt');
    writeFileSync(modules, '');
    const code = await new Promise<number | null>((klaar) =>
      spawn(process.execPath, ['--import', logboek, bin, ...args(map)], { env: { ...envWithoutEnclosingRun(), OSO_MODULELOGBOEK: modules }, stdio: 'ignore' }).on('exit', klaar),
    );
    return { code, geladen: readFileSync(modules, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

test('validate loads validate: not serve, qualify, the store, fastify, PGlite or Playwright', async () => {
  const { code, geladen } = await geladenModules((map) => {
    const bestand = join(map, 'dossier.xml');
    writeFileSync(bestand, '<a/>');
    return ['validate', bestand];
  });
  expect(code, 'validate ran: a file that is no dossier is invalid').toBe(1);
  // The log sees the modules it should: the command's own.
  expect(geladen.some((u) => u.endsWith('/cli/validate.ts'))).toBe(true);
  expect(geladen.filter((u) => /\/cli\/(serve|qualify|belasting|reference-las|doctor|merge|verify|certs|scenarios)\.ts$|\/store\/|\/serve\/|fastify|@electric-sql\/pglite|@playwright\//.test(u))).toEqual([]);
});

test('a qualify usage error answers before the run is loaded: no scenarios, simulator, reports or certificates', async () => {
  for (const args of [['--shard', '3/2'], ['--fault', 'bestaat-niet'], ['--role', 'beide']]) {
    const { code, geladen } = await geladenModules(() => ['qualify', ...args]);
    expect(code, `qualify ${args.join(' ')}`).toBe(2);
    expect(geladen.some((u) => u.endsWith('/cli/qualify.ts'))).toBe(true);
    expect(geladen.filter((u) => /\/cli\/qualify-uitvoering\.ts$|\/suites\/|\/reports\/|\/certs\/|\/simulator\/(world|transport|las|traffic-center)|fastify|node-forge|@playwright\//.test(u)), `qualify ${args.join(' ')}`).toEqual([]);
  }
});
