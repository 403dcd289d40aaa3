import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.ts';

// A qualification prints every exchanged dossier to PDF, with the browser the finder gives it (on Linux x64: the one npm ci brings).
test('qualify attaches the exchanged dossier as a PDF to the run in the Allure results', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kwalificatie-pdf-'));
  const { code, stdout, stderr } = await runCli(['qualify', '--scenario', 'regulier-povo', '--role', 'bron', '--report', dir]);
  expect(code, `${stdout}\n${stderr}`).toBe(0);

  const results = join(dir, 'allure-results');
  const attachments = readdirSync(results)
    .filter((f) => f.endsWith('-result.json'))
    .flatMap((f) => collect(JSON.parse(readFileSync(join(results, f), 'utf8')) as Node));
  const pdfs = attachments.filter((a) => a.type === 'application/pdf');
  expect(pdfs.length).toBeGreaterThan(0);
  for (const a of pdfs) expect(a.name).toMatch(/^#\d+ dossier ter inzage \(PDF\)$/);
  expect(attachments.filter((a) => a.name.includes('geen PDF'))).toEqual([]);
  const pdf = readFileSync(join(results, pdfs[0]!.source));
  expect(pdfs[0]!.source).toMatch(/\.pdf$/);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5000);
});

interface Attachment {
  name: string;
  type: string;
  source: string;
}
interface Node {
  attachments?: Attachment[];
  steps?: Node[];
}
/** Attachments hang on the result and on its steps, at any depth. */
function collect(node: Node): Attachment[] {
  return [...(node.attachments ?? []), ...(node.steps ?? []).flatMap(collect)];
}
