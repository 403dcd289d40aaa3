import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { REFERENCE_LAS_UI_PATH } from '../../simulator/reference-las/reference-las.ts';
import { runCli } from '../cli/run-cli.ts';
import { opstelling, startStandaloneLas } from '../cli/standalone-las.ts';

// A real standalone LAS, a real qualify process, a real Chromium driving the LAS's web pages.
test.describe.configure({ timeout: 300_000 });

test('qualify --config with the playwright adapter: the shipped module drives the reference LAS web UI through the regular dossier in both roles', async () => {
  const module = resolve('docs/examples/playwright/referentie-las.adapter.ts');
  const o = await opstelling(
    (control) => `adapter:
  soort: playwright
  playwright: { module: "${module}", baseUrl: "http://127.0.0.1:${control}${REFERENCE_LAS_UI_PATH}", headless: true }`,
  );
  const las = await startStandaloneLas(o);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'kwalificatie-'));
    const { code, stdout, stderr } = await runCli(['qualify', '--no-pdf', '--config', o.configPath, '--scenario', 'regulier-povo', '--report', dir]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const k = JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
    // One scenario of the set: everything passed, and the verdict says the set was not complete.
    expect(k.verdict).toBe('ONVOLLEDIG');
    expect(k.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`).sort()).toEqual(['regulier-povo/bron/passed', 'regulier-povo/doel/passed']);
  } finally {
    await las.stop();
  }
});
