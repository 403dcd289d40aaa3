/**
 * The type check, as one of the tests instead of a step before them: it runs beside the first tests rather than ahead
 * of all of them (some ten seconds of a core that the start of the run leaves free), and a type error is a failed
 * test with tsc's own diagnostics. `npm run typecheck` runs the same check on its own.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('the whole project type-checks (tsc --noEmit -p .)', async () => {
  test.setTimeout(180_000);
  const { code, uitvoer } = await new Promise<{ code: number | null; uitvoer: string }>((klaar, fout) => {
    const kind = spawn(process.execPath, [tsc, '--noEmit', '-p', '.'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let uitvoer = '';
    kind.stdout.on('data', (d) => (uitvoer += d));
    kind.stderr.on('data', (d) => (uitvoer += d));
    kind.on('error', fout);
    kind.on('exit', (code) => klaar({ code, uitvoer }));
  });
  expect(code, uitvoer).toBe(0);
});
