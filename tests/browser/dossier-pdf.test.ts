import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schoneKwalificatie } from '../support/schone-kwalificatie.ts';

// A qualification prints every exchanged dossier to PDF, with the browser the finder gives it (on Linux x64: the one npm ci
// brings). The clean, full qualification the tests share (tests/support/schone-kwalificatie.ts) prints them.
test('qualify attaches the exchanged dossier as a PDF to the run in the Allure results', async () => {
  test.setTimeout(300_000);
  const { dir, code, stdout, stderr } = await schoneKwalificatie();
  expect(code, `${stdout}\n${stderr}`).toBe(0);

  const results = join(dir, 'allure-results');
  const perRun = readdirSync(results)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')) as Node);
  const attachments = perRun.flatMap(collect);
  const pdfs = attachments.filter((a) => a.type === 'application/pdf');
  // The run the bron gives its dossier in, as a user would try first, has its own.
  const regulier = perRun.filter((r) => r.name?.startsWith('regulier-povo [SUT als bron]'));
  expect(regulier).toHaveLength(1);
  expect(collect(regulier[0]!).filter((a) => a.type === 'application/pdf').length).toBeGreaterThan(0);
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
  name?: string;
  attachments?: Attachment[];
  steps?: Node[];
}
/** Attachments hang on the result and on its steps, at any depth. */
function collect(node: Node): Attachment[] {
  return [...(node.attachments ?? []), ...(node.steps ?? []).flatMap(collect)];
}
