/**
 * `qualify --belasting`: the capacity test within a qualification — its files in the report folder and signed with the
 * rest, its own Allure test with belasting.html and belasting.json attached, a section in samenvatting.html, and
 * kwalificatie.json → belasting beside a verdict it never changes.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AllureResult } from '../../reports/allure-resultaten.ts';
import { voorDeLezer } from '../../reports/allure-resultaten.ts';
import { kwalificatieBelasting, renderBelastingSectie, schrijfBelastingAllure, type KwalificatieBelasting } from '../../reports/belasting-in-kwalificatie.ts';
import { renderAllureReport } from '../../reports/allure-report.ts';
import { metOordeel, type Kwalificatie } from '../../reports/kwalificatie.ts';
import type { Belastingresultaat } from '../../suites/belasting/belastingresultaat.ts';
import { belastingKwalificatie } from '../support/belasting-kwalificatie.ts';
import { proefKop } from '../support/proef-kwalificatie.ts';
import { runCli } from '../cli/run-cli.ts';

// The run of --belasting is shared with the test of --timings (tests/support/belasting-kwalificatie.ts), so it may wait for it.
test.describe.configure({ timeout: 300_000 });

const leesJson = <T>(pad: string) => JSON.parse(readFileSync(pad, 'utf8')) as T;

function embeddedReportData(html: string): Map<string, string> {
  const data = new Map<string, string>();
  for (const match of html.matchAll(/\bd\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)) data.set(match[1] ?? '', Buffer.from(match[2] ?? '', 'base64').toString('utf8'));
  return data;
}

test('qualify --belasting piek:2s: one scenario, then the capacity test in the report, the Allure report and the summary; the verdict as without it; verify passes', async () => {
  const { dir, code, stdout, stderr } = await belastingKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  expect(stdout).toContain('Capacity test (informative, not part of the verdict): profiel piek');

  const k = leesJson<Kwalificatie>(join(dir, 'kwalificatie.json'));
  // The verdict of one bron run of the set, exactly as without --belasting: incomplete for the selection only.
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(k.onvolledig?.redenen.map((r) => r.code)).toEqual(['selectie', 'eisen-niet-getest']);
  expect(k.totalen).toEqual({ passed: 1, failed: 0, skipped: 0, broken: 0 });
  expect(k.belasting).toMatchObject({ informatief: true, profiel: 'piek', duurMs: 2000, rollen: ['bron'], oordeel: 'GEHOUDEN', bestanden: { json: 'belasting.json', html: 'belasting.html' } });

  const r = leesJson<Belastingresultaat>(join(dir, 'belasting.json'));
  expect(r.oordeel).toBe('GEHOUDEN');
  expect(r.rollen).toEqual(['bron']);
  expect(k.belasting?.tekst).toBe(r.breekpunt.tekst);
  expect(k.belasting?.leerlingen).toBe(r.leerlingen.verschillend);
  const pagina = readFileSync(join(dir, 'belasting.html'), 'utf8');
  expect(pagina).toContain(r.breekpunt.tekst);

  // Its own Allure test, the two files attached byte for byte, the outcome in the description.
  const resultsDir = join(dir, 'allure-results');
  const results = readdirSync(resultsDir).filter((f) => f.endsWith('-result.json')).map((f) => leesJson<AllureResult & { description?: string }>(join(resultsDir, f)));
  const belasting = results.filter((x) => x.name === 'Belastingtest — piek');
  expect(belasting).toHaveLength(1);
  const b = belasting[0]!;
  expect(b.status).toBe('passed');
  expect(b.labels).toContainEqual({ name: 'epic', value: 'Belasting' });
  expect(b.description).toContain(r.breekpunt.tekst);
  expect(b.description).toContain('telt niet mee in het oordeel');
  expect(b.attachments?.map((a) => a.name).sort()).toEqual(['belasting.html', 'belasting.json']);
  for (const a of b.attachments ?? []) expect(readFileSync(join(resultsDir, a.source), 'utf8')).toBe(readFileSync(join(dir, a.name), 'utf8'));
  // The scenario's own run is still the only qualification run.
  expect(results.filter((x) => x.name !== b.name).map((x) => x.name)).toEqual([expect.stringMatching(/^regulier-povo \[SUT als bron\]/)]);

  // The rendered single-file report holds the test and both attachments.
  const data = embeddedReportData(readFileSync(join(dir, 'index.html'), 'utf8'));
  const testResults = [...data.entries()].filter(([naam]) => naam.startsWith('data/test-results/')).map(([, json]) => json);
  expect(testResults.some((json) => json.includes('"name":"Belastingtest — piek"') && json.includes('"status":"passed"'))).toBe(true);
  const bijlagen = [...data.entries()].filter(([naam]) => naam.startsWith('data/attachments/'));
  expect(bijlagen.some(([, inhoud]) => inhoud === pagina)).toBe(true);

  // samenvatting.html: a section of its own that says it does not count.
  const samenvatting = readFileSync(join(dir, 'samenvatting.html'), 'utf8');
  expect(samenvatting).toContain('<section id="belasting">');
  expect(samenvatting).toContain('telt niet mee in het oordeel');
  expect(samenvatting).toContain('<a href="belasting.html">');
  expect(readFileSync(join(resultsDir, 'environment.properties'), 'utf8')).toMatch(/^Belastingtest=gehouden \(piek, informatief\)/m);

  // The manifest signs belasting.json and belasting.html with the rest.
  const manifest = readFileSync(join(dir, 'evidence', 'manifest.json'), 'utf8');
  expect(manifest).toContain('belasting.json');
  expect(manifest).toContain('belasting.html');
  const verify = await runCli(['verify', dir]);
  expect(verify.code, `${verify.stdout}\n${verify.stderr}`).toBe(0);
});

test('qualify --belasting: a bad profile or duration, or with --shard, is a usage error before anything runs', async () => {
  const [profiel, duur, shard, teveel] = await Promise.all([
    runCli(['qualify', '--belasting', 'piekk']),
    runCli(['qualify', '--belasting', 'piek:lang']),
    runCli(['qualify', '--belasting', 'piek', '--shard', '1/2']),
    runCli(['qualify', '--belasting', 'trap:1m:2']),
  ]);
  for (const u of [profiel, duur, shard, teveel]) expect(u.code, u.stderr).toBe(2);
  expect(profiel.stderr).toContain("--belasting must be PROFIEL or PROFIEL:DUUR with PROFIEL one of piek, dag, trap, duurtest");
  expect(profiel.stderr).toContain('Did you mean piek?');
  expect(duur.stderr).toContain("'lang' is no duration");
  expect(shard.stderr).toContain('--belasting cannot be combined with --shard');
  expect(teveel.stderr).toContain("not 'trap:1m:2'");
});

const kwalificatie = (status: 'passed' | 'failed'): Omit<Kwalificatie, 'verdict' | 'onvolledig' | 'totalen'> => ({
  ...proefKop,
  selectie: { scenarios: [], runs: ['regulier-povo/bron'] },
  reikwijdte: { rollen: ['bron'], runs: ['regulier-povo/bron'], eisen: ['BRON-01'] },
  scenarios: [{ id: 'regulier-povo', titel: 't', role: 'bron', status, requirements: ['BRON-01'], durationMs: 1 }],
  requirements: [{ id: 'BRON-01', text: 't', source: 's', status, scenarios: ['regulier-povo/bron'] }],
});

const belasting = (oordeel: KwalificatieBelasting['oordeel']): KwalificatieBelasting => ({ informatief: true, profiel: 'trap', snelheden: [1, 2], duurMs: 1, rollen: ['bron'], oordeel, tekst: 't' });

test('the verdict is judged as without the capacity test: a LAS that breaks under load is not failed, one that holds is not more passed', () => {
  for (const status of ['passed', 'failed'] as const) {
    const zonder = metOordeel(kwalificatie(status));
    for (const oordeel of ['GEHOUDEN', 'BEZWEKEN', 'ONBESLIST', 'NIET_UITGEVOERD'] as const) {
      const met = metOordeel({ ...kwalificatie(status), belasting: belasting(oordeel) });
      expect(met.verdict).toBe(zonder.verdict);
      expect(met.onvolledig).toEqual(zonder.onvolledig);
      expect(met.belasting?.oordeel).toBe(oordeel);
    }
    expect(zonder.verdict).toBe(status === 'passed' ? 'GESLAAGD' : 'NIET_GESLAAGD');
  }
});

test('in the Allure report a capacity test that broke stays failed with its own message (not a broken run, not a finding), and the summary names the breaking point', () => {
  const b: KwalificatieBelasting = { ...belasting('BEZWEKEN'), tekst: 'De LAS bezwijkt bij 4 uitwisselingen per seconde per rol: p99 3000 ms (grens 2000 ms).' };
  const raw: AllureResult = {
    name: 'Belastingtest — trap',
    status: 'failed',
    statusDetails: { message: `Belastingtest bezweken: ${b.tekst}` },
    labels: [{ name: 'epic', value: 'Belasting' }, { name: 'tag', value: 'informatief' }],
    steps: [],
  };
  const { result } = voorDeLezer(raw);
  expect(result.status).toBe('failed');
  expect(result.statusDetails?.message).toBe(`Belastingtest bezweken: ${b.tekst}`);
  // A qualification run with the same message and no requirement id is judged broken: the label is what keeps it apart.
  expect(voorDeLezer({ ...raw, labels: [] }).result.status).toBe('broken');

  const sectie = renderBelastingSectie(b);
  expect(sectie).toContain('Bezweken');
  expect(sectie).toContain(b.tekst);
  expect(sectie).toContain('telt niet mee in het oordeel');
});

test('kwalificatie.json → belasting names the sampled requirements that an exchange did not meet under load', () => {
  const r = {
    profiel: 'piek',
    stappen: [{ snelheid: 1.1 }],
    duurMs: 1000,
    rollen: ['bron'],
    oordeel: 'GEHOUDEN',
    breekpunt: { tekst: 'x' },
    leerlingen: { verschillend: 100 },
    steekproef: { eisen: [{ eis: 'BRON-03', gecontroleerd: 2, mislukt: 0 }, { eis: 'BRON-04', gecontroleerd: 2, mislukt: 1 }] },
  } as unknown as Belastingresultaat;
  expect(kwalificatieBelasting(r)).toMatchObject({ oordeel: 'GEHOUDEN', leerlingen: 100, steekproefNietVoldaan: ['BRON-04'] });
});

test('rendered, a capacity test that broke is a failed test in its own category, not among the findings or the broken runs', async () => {
  const resultsDir = mkdtempSync(join(tmpdir(), 'belasting-allure-results-'));
  const outputDir = mkdtempSync(join(tmpdir(), 'belasting-allure-report-'));
  const b: KwalificatieBelasting = { ...belasting('BEZWEKEN'), tekst: 'De LAS bezwijkt bij 4 uitwisselingen per seconde per rol: p99 3000 ms (grens 2000 ms).' };
  await schrijfBelastingAllure({ resultsDir, reportDir: outputDir, b, start: 1, stop: 2 });
  await renderAllureReport({ resultsDir, outputDir });
  const data = embeddedReportData(readFileSync(join(outputDir, 'index.html'), 'utf8'));
  const test = [...data.entries()].filter(([naam]) => naam.startsWith('data/test-results/')).map(([, json]) => JSON.parse(json) as { name: string; status: string; error?: { message?: string } });
  expect(test.map((t) => [t.name, t.status])).toEqual([['Belastingtest — trap', 'failed']]);
  expect(test[0]!.error?.message).toBe(`Belastingtest bezweken: ${b.tekst}`);
  const categories = JSON.parse(data.get('widgets/categories.json') ?? '{}') as { roots: string[]; nodes: Record<string, { name: string }> };
  expect(categories.roots.map((id) => categories.nodes[id]?.name)).toEqual(['Belastingtest (informatief: telt niet mee in het oordeel)']);
});
