/**
 * The run plan (suites/run-plan.ts): qualify writes the selected runs' descriptions, and Playwright's runner declares the
 * tests from them without reading the scenarios or loading the simulator — the second of the two times every qualify
 * loaded all of it.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPlanVoor, schrijfRunPlan } from '../../suites/run-plan.ts';
import { envWithoutEnclosingRun, qualificationRunToEnv } from '../../suites/run-settings.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const logboek = fileURLToPath(new URL('../cli/modulelogboek.mjs', import.meta.url));
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

test('the plan of the full set holds every run once and survives its file unchanged', async () => {
  const plan = await runPlanVoor({});
  const ids = [...plan.scenarios, ...plan.beveiliging].map((r) => `${r.id}/${r.rol}`);
  expect(plan.scenarios.length).toBeGreaterThan(30);
  expect(plan.beveiliging.length).toBeGreaterThan(10);
  expect(new Set(ids).size).toBe(ids.length);
  // A run described by something JSON cannot carry (a function, a class) would reach the specs changed.
  const map = mkdtempSync(join(tmpdir(), 'run-plan-'));
  try {
    schrijfRunPlan(join(map, 'plan.json'), plan);
    expect(JSON.parse(readFileSync(join(map, 'plan.json'), 'utf8'))).toEqual(plan);
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
});

test('a selection plans what it selects: one scenario in one role, no security run of the other role', async () => {
  const plan = await runPlanVoor({ scenarios: ['regulier-povo'], role: 'doel' });
  expect(plan.scenarios.map((r) => `${r.id}/${r.rol}`)).toEqual(['regulier-povo/doel']);
  expect(plan.beveiliging).toEqual([]);
});

test("Playwright's runner declares exactly the planned runs, without the scenarios, the simulator or the adapters", async () => {
  const volledig = await runPlanVoor({});
  // Two runs the plan names: were the specs to read the scenarios themselves, they would declare all of them.
  const plan = { scenarios: volledig.scenarios.filter((r) => r.id === 'regulier-povo' && r.rol === 'bron'), beveiliging: volledig.beveiliging.slice(0, 1) };
  const map = mkdtempSync(join(tmpdir(), 'run-plan-'));
  try {
    const planPath = join(map, 'plan.json');
    const modules = join(map, 'modules.txt');
    schrijfRunPlan(planPath, plan);
    writeFileSync(modules, '');
    const run = { reportDir: map, allureResultsDir: join(map, 'allure-results'), playwrightJsonPath: join(map, 'pw.json'), faults: [], scenarios: [], planPath };
    const { code, uitvoer } = await new Promise<{ code: number | null; uitvoer: string }>((klaar) => {
      const child = spawn(
        process.execPath,
        ['--import', logboek, playwrightCli, 'test', '--list', '--reporter', 'list', '--config', join(repo, 'playwright.config.ts'), '--project', 'kwalificatie'],
        { cwd: repo, env: { ...envWithoutEnclosingRun(), ...qualificationRunToEnv(run), OSO_MODULELOGBOEK: modules }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let uitvoer = '';
      child.stdout.on('data', (d) => (uitvoer += d));
      child.stderr.on('data', (d) => (uitvoer += d));
      child.on('exit', (code) => klaar({ code, uitvoer }));
    });
    expect(code, uitvoer).toBe(0);
    expect(uitvoer).toContain('Total: 2 tests in ');
    for (const r of [...plan.scenarios, ...plan.beveiliging]) expect(uitvoer).toContain(`${r.id} [SUT als ${r.rol}] ${r.titel}`);
    const geladen = readFileSync(modules, 'utf8').split('\n').filter(Boolean);
    expect(geladen.some((u) => u.endsWith('/suites/run-plan.ts')), 'the log sees the specs’ modules').toBe(true);
    expect(geladen.filter((u) => /\/simulator\/world\.ts$|\/suites\/(scenario|scenario-runner|qualification-runs|sut-config)\.ts$|\/suites\/(steps|adapters\/(http|playwright|manual)|beveiliging)\/|fastify|node-forge|ajv/.test(u))).toEqual([]);
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
});
