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

test('validate loads validate: not serve, qualify, the store, fastify, PGlite or Playwright', async () => {
  const map = mkdtempSync(join(tmpdir(), 'commando-laden-'));
  try {
    const bestand = join(map, 'dossier.xml');
    const modules = join(map, 'modules.txt');
    writeFileSync(bestand, '<a/>');
    writeFileSync(modules, '');
    const code = await new Promise<number | null>((klaar) =>
      spawn(process.execPath, ['--import', logboek, bin, 'validate', bestand], { env: { ...envWithoutEnclosingRun(), OSO_MODULELOGBOEK: modules }, stdio: 'ignore' }).on('exit', klaar),
    );
    expect(code, 'validate ran: a file that is no dossier is invalid').toBe(1);
    const geladen = readFileSync(modules, 'utf8').split('\n').filter(Boolean);
    // The log sees the modules it should: the command's own.
    expect(geladen.some((u) => u.endsWith('/cli/validate.ts'))).toBe(true);
    expect(geladen.filter((u) => /\/cli\/(serve|qualify|belasting|reference-las|doctor|merge|verify|certs|scenarios)\.ts$|\/store\/|\/serve\/|fastify|@electric-sql\/pglite|@playwright\//.test(u))).toEqual([]);
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
});
