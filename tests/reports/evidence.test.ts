import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExternalReferences } from '../../reports/allure-report.ts';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { chain, checkChain } from '../../reports/evidence-log.ts';
import { runCli } from '../cli/run-cli.ts';
import { schoneKwalificatie } from '../support/schone-kwalificatie.ts';

const records = Array.from({ length: 6 }, (_, i) => ({ soort: 'bericht', run: 'r/bron', seq: i + 1, request: `<x>${i}</x>` }));

test.describe('the hash-chained message log', () => {
  const { lines, laatsteHash } = chain(records);
  const expected = { regels: lines.length, laatsteHash };
  const text = (ls: string[]) => `${ls.join('\n')}\n`;

  test('an intact log has no findings', () => {
    expect(checkChain(text(lines), expected)).toEqual([]);
  });

  test('an edited line is named', () => {
    const edited = [...lines];
    edited[2] = edited[2]!.replace('<x>2</x>', '<x>9</x>');
    expect(checkChain(text(edited), expected)).toEqual([expect.stringContaining('line 3 (index 2): content edited')]);
  });

  test('a deleted line is named by its index', () => {
    const deleted = lines.filter((_, i) => i !== 3);
    expect(checkChain(text(deleted), expected).join('\n')).toContain('index 3 missing from the log (deleted)');
  });

  test('two swapped lines are named as swapped', () => {
    const swapped = [...lines];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(checkChain(text(swapped), expected)).toEqual(['lines swapped: line 2 has index 2; line 3 has index 1']);
  });

  test('lines cut from the end are found against the manifest', () => {
    expect(checkChain(text(lines.slice(0, 4)), expected).join('\n')).toContain('indices 4, 5 missing');
  });
});

// The one clean qualification of every run in the harness's tests: what it proves about the verdict, the report and the
// evidence bundle shares one run of the command (the whole set is more than a minute on a busy machine).
test.describe('a real qualification of the clean reference LAS: its verdict, its report and its evidence bundle', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let original = '';
  let uitvoer = '';

  test.beforeAll(async () => {
    // A hook has the configured test timeout, not the describe's: the whole set needs more than a minute on a busy machine.
    test.setTimeout(180_000);
    const { dir, code, stdout, stderr } = await schoneKwalificatie();
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    original = dir;
    uitvoer = stdout;
  });

  test('qualify against the clean reference LAS: exit 0, GESLAAGD, a bron and a doel run, every requirement passed, an offline report', () => {
    expect(uitvoer).toContain('Verdict: GESLAAGD');
    const k = JSON.parse(readFileSync(join(original, 'kwalificatie.json'), 'utf8')) as Kwalificatie;
    expect(k.verdict).toBe('GESLAAGD');
    expect(k.scenarios.filter((s) => s.id === 'regulier-povo').map((s) => s.role)).toEqual(['bron', 'doel']);
    expect(k.scenarios.every((s) => s.status === 'passed')).toBe(true);
    expect(k.requirements.length).toBeGreaterThan(0);
    expect(k.requirements.every((r) => r.status === 'passed')).toBe(true);
    expect(k.sut).toMatchObject({ naam: 'Referentie-LAS', soort: 'ingebouwd', faults: [] });
    expect(k.seed).toBe('1');
    expect(k.protocol.namespace).toBe('http://xml.kennisnet.nl/schemas/Overstapservice/20200910');
    expect(k.gegevensset.versie).toBe('2019.1');
    const html = readFileSync(join(original, 'index.html'), 'utf8');
    expect(findExternalReferences(html)).toEqual([]);
    // Allure got one step per protocol message with the SOAP request and response attached as XML.
    const xmlAttachments = readdirSync(join(original, 'allure-results')).filter((f) => f.endsWith('-attachment.xml'));
    expect(xmlAttachments.length).toBeGreaterThanOrEqual(16);
  });

  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bewijs-kopie-'));
    cpSync(original, dir, { recursive: true });
    return dir;
  };

  test('an untouched report verifies, and names its signer', async () => {
    const { code, stdout } = await runCli(['verify', original]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/Evidence bundle intact: \d+ files, \d+ messages/);
    // Without --trust it says plainly that origin is not proven, and how to pin the signer.
    expect(stdout).toContain('Origin NOT checked');
    const fingerprint = /SHA-256 ([0-9A-F:]+)/.exec(stdout)![1]!;
    expect(stdout).toContain(`--trust ${fingerprint}`);
    const trusted = await runCli(['verify', original, '--trust', fingerprint]);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('Origin: signed with the trusted certificate');
    expect(trusted.stdout).not.toContain('NOT checked');
    expect((await runCli(['verify', original, '--trust', 'AB'.repeat(32)])).code).toBe(1);
  });

  test('a changed byte in a report file is named', async () => {
    const dir = copy();
    const file = join(dir, 'kwalificatie.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"GESLAAGD"', '"GESLAAGd"'));
    const { code, stdout } = await runCli(['verify', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('kwalificatie.json: changed');
  });

  test('a deleted or a swapped line of the message log is named', async () => {
    const deleted = copy();
    const log = join(deleted, 'evidence/berichten.jsonl');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    writeFileSync(log, `${lines.filter((_, i) => i !== 1).join('\n')}\n`);
    const d = await runCli(['verify', deleted]);
    expect(d.code).toBe(1);
    expect(d.stdout).toContain('index 1 missing from the log (deleted)');

    const swapped = copy();
    const log2 = join(swapped, 'evidence/berichten.jsonl');
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    writeFileSync(log2, `${lines.join('\n')}\n`);
    const s = await runCli(['verify', swapped]);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('lines swapped: line 3 has index 3; line 4 has index 2');
  });

  test('a forged manifest fails its signature; a file added afterwards is named', async () => {
    const dir = copy();
    const manifest = join(dir, 'evidence/manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"oso-testbank"', '"oso-testbank "'));
    writeFileSync(join(dir, 'extra.txt'), 'nagekomen');
    const { code, stdout } = await runCli(['verify', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('the signature over evidence/manifest.json does not match');
    expect(stdout).toContain('extra.txt: added after the run');
  });

  test('no private key anywhere in the report folder', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(original);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(f, 'latin1'), f).not.toMatch(/PRIVATE KEY/);
  });

  test('the summary page and JUnit XML are written; the summary loads nothing from elsewhere', () => {
    const html = readFileSync(join(original, 'samenvatting.html'), 'utf8');
    expect(html).toContain('<div class="oordeel ja" id="oordeel">GESLAAGD</div>');
    expect(html).toContain('BRON-01');
    expect(html).not.toContain('<script');
    expect(findExternalReferences(html)).toEqual([]);
    const junit = readFileSync(join(original, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites[^>]* tests="\d+"/);
    expect(junit).toContain('regulier-povo [SUT als bron]');
  });
});
