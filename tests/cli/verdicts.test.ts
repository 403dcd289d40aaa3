import { expect, test } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { belastingKwalificatie } from '../support/belasting-kwalificatie.ts';
import { schoneKwalificatie } from '../support/schone-kwalificatie.ts';
import { runCli } from './run-cli.ts';

// Whole qualifications (one of them the full set, twice: whole and in two parts) in real child processes.
test.describe.configure({ mode: 'serial', timeout: 900_000 });

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
const codes = (k: Kwalificatie) => (k.onvolledig?.redenen ?? []).map((r) => r.code);
const copy = (dir: string) => {
  const to = tmp('kopie');
  cpSync(dir, to, { recursive: true });
  return to;
};
const reportsRoot = fileURLToPath(new URL('../../reports/', import.meta.url));
/** The run of the regular dossier in part 1 of 2, kept for the merge tests. */
let deelEen = '';
let povo = '';

test('qualify --scenario regulier-povo: ONVOLLEDIG, exit 0, and the terminal, samenvatting and Allure say why', async () => {
  povo = tmp('povo');
  const { code, stdout, stderr } = await runCli(['qualify', '--no-pdf', '--scenario', 'regulier-povo', '--report', povo], 600_000);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  const k = read(povo);
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(k.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`)).toEqual(['regulier-povo/bron/passed', 'regulier-povo/doel/passed']);
  expect(codes(k)).toEqual(['selectie', 'eisen-niet-getest']);
  expect(k.selectie.runs).toEqual(['regulier-povo/bron', 'regulier-povo/doel']);
  expect(k.reikwijdte.rollen).toEqual(['bron', 'doel']);
  expect(k.reikwijdte.runs.length).toBeGreaterThan(k.selectie.runs.length);
  expect(k.requirements.map((r) => r.id)).toEqual(k.reikwijdte.eisen);
  const untested = k.requirements.filter((r) => r.status === 'untested').map((r) => r.id);
  // More than one, so the reason reads "… eisen zijn niet getest" (plural) below.
  expect(untested.length).toBeGreaterThan(1);
  expect(k.onvolledig!.redenen[1]!.eisen).toEqual(untested);

  expect(stdout).toContain('Verdict: ONVOLLEDIG');
  expect(stdout).toContain(`(of ${k.requirements.length} for roles bron and doel)`);
  expect(stdout).toContain(`Incomplete: Niet alle runs zijn gekozen (--scenario regulier-povo): 2 van de ${k.reikwijdte.runs.length} runs.`);
  expect(stdout).toContain(`Incomplete: ${untested.length} van de ${k.requirements.length} eisen zijn niet getest: `);
  expect(stdout).not.toContain('GESLAAGD');

  const html = readFileSync(join(povo, 'samenvatting.html'), 'utf8');
  expect(html).toContain('<div class="oordeel onvolledig" id="oordeel">ONVOLLEDIG</div>');
  expect(html).toContain('<h2>Waarom onvolledig</h2>');
  expect(html).toContain('<li data-code="selectie">Niet alle runs zijn gekozen (--scenario regulier-povo)');
  expect(html).toContain('<li data-code="eisen-niet-getest">');
  const env = readFileSync(join(povo, 'allure-results/environment.properties'), 'utf8');
  expect(env).toContain('Oordeel=ONVOLLEDIG');
  expect(env).toMatch(/^Oordeel.onvolledig=Niet alle runs zijn gekozen/m);
  expect(readFileSync(join(povo, 'index.html'), 'utf8')).toContain('Referentie-LAS — ONVOLLEDIG');
});

test('a sharded run without --report goes to reports/latest-partial and leaves the full report in reports/latest alone', async () => {
  const full = join(reportsRoot, 'latest', 'kwalificatie.json');
  const before = existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex') : undefined;
  const { code, stdout, stderr } = await runCli(['qualify', '--no-pdf', '--scenario', 'regulier-povo', '--shard', '1/2'], 600_000);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  const partial = join(reportsRoot, 'latest-partial');
  expect(stdout).toContain(`Qualification: ${join(partial, 'kwalificatie.json')}`);
  const k = read(partial);
  expect(k.selectie.deel).toBe('1/2');
  // Part 1 of the two runs of regulier-povo: one run.
  expect(k.scenarios).toHaveLength(1);
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(codes(k)).toContain('deel');
  const after = existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex') : undefined;
  expect(after).toBe(before);
  deelEen = copy(partial);
});

test('merge errors: parts of another run, a folder twice, the same part twice, overlapping runs, a tampered part; one part alone is ONVOLLEDIG', async () => {
  // A qualification run with another seed: the shared one of --belasting and --timings.
  const run = await belastingKwalificatie();
  expect(run.code, run.stdout).toBe(0);
  const anders = run.dir;
  expect(read(anders).seed).toBe('anders');
  const seed = await runCli(['merge', deelEen, anders, '--report', tmp('samen')]);
  expect(seed.code).toBe(2);
  expect(seed.stderr).toContain(`${anders} has a different seed (--seed) than ${deelEen}: "anders" versus "1"`);

  const twice = await runCli(['merge', deelEen, deelEen, '--report', tmp('samen')]);
  expect(twice.code).toBe(2);
  expect(twice.stderr).toContain(`${deelEen} is given twice`);
  const dubbel = copy(deelEen);
  const samePart = await runCli(['merge', deelEen, dubbel, '--report', tmp('samen')]);
  expect(samePart.code).toBe(2);
  expect(samePart.stderr).toContain(`${deelEen} and ${dubbel} are both part 1/2.`);
  const overlap = await runCli(['merge', deelEen, povo, '--report', tmp('samen')]);
  expect(overlap.code).toBe(2);
  expect(overlap.stderr).toMatch(/run regulier-povo\/(bron|doel) is in both /);

  const tampered = copy(deelEen);
  writeFileSync(join(tampered, 'kwalificatie.json'), readFileSync(join(tampered, 'kwalificatie.json'), 'utf8').replace('"ONVOLLEDIG"', '"GESLAAGD"'));
  const notIntact = await runCli(['merge', tampered, '--report', tmp('samen')]);
  expect(notIntact.code).toBe(2);
  expect(notIntact.stderr).toContain(`${tampered} is not intact`);
  expect(notIntact.stderr).toContain('kwalificatie.json: changed');
  const inside = await runCli(['merge', deelEen, '--report', join(deelEen, 'samen')]);
  expect(inside.code).toBe(2);
  expect(inside.stderr).toContain('overlaps with the part');

  const alone = tmp('alleen');
  const half = await runCli(['merge', deelEen, '--report', alone]);
  expect(half.code, half.stderr).toBe(0);
  expect(half.stdout).toContain('Verdict: ONVOLLEDIG');
  const k = read(alone);
  const other = k.selectie.runs.filter((r) => !k.scenarios.some((s) => `${s.id}/${s.role}` === r));
  expect(other).toHaveLength(1);
  expect(k.onvolledig!.redenen.find((r) => r.code === 'runs-niet-uitgevoerd')!.runs).toEqual(other);
  expect((await runCli(['merge', deelEen, '--report', tmp('samen'), '--strict'])).code).toBe(1);
});

test('--shard 1/2 and 2/2 merged give the verdict and requirement table of a full run, and one evidence bundle verify accepts', async () => {
  const whole = await schoneKwalificatie();
  expect(whole.code, `${whole.stdout}\n${whole.stderr}`).toBe(0);
  const full = whole.dir;
  const parts = [tmp('deel-1'), tmp('deel-2')];
  for (const [i, dir] of parts.entries()) {
    const part = await runCli(['qualify', '--no-pdf', '--shard', `${i + 1}/2`, '--report', dir], 600_000);
    expect(part.code, `${part.stdout}\n${part.stderr}`).toBe(0);
    expect(read(dir).verdict).toBe('ONVOLLEDIG');
    expect(codes(read(dir))).toContain('deel');
  }
  const out = tmp('samen');
  const merged = await runCli(['merge', ...parts, '--report', out, '--strict']);
  expect(merged.code, `${merged.stdout}\n${merged.stderr}`).toBe(0);
  expect(merged.stdout).toContain('Verdict: GESLAAGD');

  const a = read(full);
  const b = read(out);
  expect(a.verdict).toBe('GESLAAGD');
  expect(b.verdict).toBe(a.verdict);
  expect(b.onvolledig).toBeUndefined();
  expect(b.requirements).toEqual(a.requirements);
  expect(b.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`)).toEqual(a.scenarios.map((s) => `${s.id}/${s.role}/${s.status}`));
  expect(b.totalen).toEqual(a.totalen);
  expect(b.delen!.map((d) => d.deel)).toEqual(['1/2', '2/2']);
  expect(readFileSync(join(out, 'samenvatting.html'), 'utf8')).toContain('<div class="oordeel ja" id="oordeel">GESLAAGD</div>');
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(new RegExp(`<testsuites name="oso-testbank" tests="${a.scenarios.length}" failures="0"`));

  // One log with every message of the full run, chained anew; each part's bundle kept and checked.
  const lines = (dir: string) => readFileSync(join(dir, 'evidence/berichten.jsonl'), 'utf8').trim().split('\n');
  expect(lines(out).length).toBe(lines(full).length);
  const runsOf = (dir: string) => lines(dir).map((l) => (JSON.parse(l) as { run: string }).run);
  expect(runsOf(out)).toEqual(runsOf(full));
  const verify = await runCli(['verify', out]);
  expect(verify.code, verify.stdout).toBe(0);
  expect(verify.stdout).toContain('merged from 2 parts');
  expect(verify.stdout).toContain('Part evidence/delen/2 signed by');

  // A part's log edited inside the merged folder: its own chain and the merge's manifest both catch it.
  const edited = copy(out);
  const partLog = join(edited, 'evidence/delen/1/evidence/berichten.jsonl');
  const partLines = readFileSync(partLog, 'utf8').trim().split('\n');
  writeFileSync(partLog, `${partLines.filter((_, i) => i !== 1).join('\n')}\n`);
  const broken = await runCli(['verify', edited]);
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain('evidence/delen/1/evidence/berichten.jsonl: changed');
  expect(broken.stdout).toContain('evidence/delen/1: evidence/berichten.jsonl: index 1 missing from the log (deleted)');
});
