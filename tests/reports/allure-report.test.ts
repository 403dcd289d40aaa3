import { test, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExternalReferences, renderAllureReport } from '../../reports/allure-report.ts';

const PASSED_NAME = 'Regulier dossier klaarzetten voor VO-school';
const FAILED_NAME = 'Zorgdossier opvragen als doelsysteem';
const BRON_01 = '[BRON-01] De bron vraagt bij een documentRequest eerst sessiecontrole aan het Traffic Center, en geeft het dossier pas daarna vrij.';
/** A finding as Playwright serialises a CheckFailure: the session differs per run, below the stable first line. */
const finding = (sessie: string) =>
  `CheckFailure: ${BRON_01}\n  Verwacht: een sessiecontroleRequest voor sessie ${sessie}\n  Ontvangen: soap:Fault "Onbekend BRIN 99ZZ" op documentRequest`;
const FAILED_MESSAGE = finding('124d3163-ba6d-4e9a-b77f-f5f724eacc92');
const BROKEN_NAME = 'Dossier met veel bijlagen';
const BROKEN_MESSAGE = 'AdapterFout: de adapter van de SUT antwoordde niet binnen 30 s';
const SOAP_FAULT_XML =
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
  '<faultcode>soap:Client</faultcode><faultstring>Onbekend BRIN 99ZZ</faultstring></soap:Fault></soap:Body></soap:Envelope>';

let workDir: string;
let resultsDir: string;

test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'oso-allure-test-'));
  resultsDir = join(workDir, 'allure-results');
  await writeResults(resultsDir);
});

test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test('renders one offline index.html next to the other report files', async () => {
  const outputDir = join(workDir, 'report');
  await mkdir(outputDir);
  const unrelated = '{"verdict":"NIET_GESLAAGD"}\n';
  await writeFile(join(outputDir, 'kwalificatie.json'), unrelated);

  const rendered = await renderAllureReport({ resultsDir, outputDir, reportName: 'OSO Testbank kwalificatie (test)' });

  expect(rendered.indexHtml).toBe(join(outputDir, 'index.html'));
  expect(rendered.durationMs).toBeGreaterThan(0);
  expect((await readdir(outputDir)).sort()).toEqual(['index.html', 'kwalificatie.json']);
  expect(await readFile(join(outputDir, 'kwalificatie.json'), 'utf8')).toBe(unrelated);

  const html = await readFile(rendered.indexHtml, 'utf8');
  expect(html).toContain('<title> OSO Testbank kwalificatie (test) </title>');
  expect(findExternalReferences(html)).toEqual([]);
  expect(html).not.toContain('googletagmanager');
  expect(html).not.toMatch(/\bgtag\s*\(/);

  // The single-file report inlines its data as base64 d("<file>", "<base64>") calls.
  const data = embeddedReportData(html);
  const testResults = [...data.entries()].filter(([name]) => name.startsWith('data/test-results/')).map(([, json]) => json);
  expect(testResults.join('\n')).toContain(PASSED_NAME);
  expect(testResults.join('\n')).toContain(FAILED_NAME);
  expect(testResults.join('\n')).toContain('Onbekend BRIN 99ZZ');
  // Findings about the SUT are the Dutch explanation only; the broken run keeps its trace for whoever must fix it.
  const byName = (name: string) => JSON.parse(testResults.find((json) => json.includes(`"name":"${name}"`)) ?? '{}') as { error?: { message?: string; trace?: string }; status?: string };
  expect(byName(FAILED_NAME).error?.message?.split('\n')[0]).toBe(BRON_01);
  expect(byName(FAILED_NAME).error?.trace).toBeUndefined();
  expect(byName(BROKEN_NAME).status).toBe('broken');
  expect(byName(BROKEN_NAME).error?.trace).toContain('node_modules');
  expect(testResults.filter((json) => !json.includes(BROKEN_NAME)).join('\n')).not.toMatch(/node_modules|CheckFailure/);
  // Every time the app shows is Dutch time, wherever the report is opened.
  expect(html).toContain('timeZone:"Europe/Amsterdam"');
  // What Allure's Dutch leaves in English is Dutch too.
  const app = Buffer.from(/src="data:text\/javascript;base64,([A-Za-z0-9+/=]+)"/.exec(html)?.[1] ?? '', 'base64').toString('utf8');
  expect(app).toContain('title:"Beschrijving"');
  expect(app).not.toContain('title:"Description"');
  expect(app).toContain('"resolution":"Afhandeling"');
  const attachments = [...data.entries()].filter(([name]) => name.startsWith('data/attachments/'));
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.[0]).toMatch(/\.xml$/);
  expect(attachments[0]?.[1]).toBe(SOAP_FAULT_XML);

  // Category rules come from allurerc.mjs (Allure 3 ignores categories.json).
  const categories = JSON.parse(data.get('widgets/categories.json') ?? '{}') as {
    roots: string[];
    nodes: Record<string, { name: string; statistic?: { total: number }; childrenIds?: string[] }>;
  };
  // One category per requirement from scenarios/requirements.yaml: the two BRON-01 runs in one group, though their
  // messages differ below the first line; the broken run in its own.
  const categoryNames = categories.roots.map((id) => categories.nodes[id]?.name);
  expect(categoryNames).toEqual([`BRON-01: ${BRON_01.slice('[BRON-01] '.length)}`, 'Gebroken (harness of adapter)']);
  const bron01 = categories.nodes[categories.roots[0]!] as { statistic?: { total: number }; childrenIds: string[] };
  expect(bron01.statistic?.total).toBe(2);
  expect(bron01.childrenIds.map((id) => categories.nodes[id]?.name).sort()).toEqual([FAILED_NAME, 'Opt-out als bron'].sort());
});

test('keeps trends in the history file between renders', async () => {
  const historyPath = join(workDir, 'history', 'allure-history.jsonl');
  for (const run of [1, 2]) {
    await renderAllureReport({ resultsDir, outputDir: join(workDir, `history-run-${run}`), historyPath });
  }
  const entries = (await readFile(historyPath, 'utf8')).trim().split('\n');
  expect(entries).toHaveLength(2);
  for (const entry of entries) expect(entry).toContain(FAILED_NAME);
});

test('rejects a results directory that does not exist, without writing a report', async () => {
  const outputDir = join(workDir, 'no-report');
  await expect(renderAllureReport({ resultsDir: join(workDir, 'missing-results'), outputDir })).rejects.toThrow(
    /missing-results does not exist/,
  );
  await expect(readdir(outputDir)).rejects.toThrow(/ENOENT/);
});

test('reports what Allure said when generation fails', async () => {
  // A directory where the history file should be makes Allure crash; its log (written under ~/.allure) must reach us.
  const historyPath = join(workDir, 'history-is-a-directory');
  await mkdir(historyPath);
  await expect(renderAllureReport({ resultsDir, outputDir: join(workDir, 'failed-report'), historyPath })).rejects.toThrow(
    /allure generate exited with code 1[\s\S]*EISDIR/,
  );
});

test.describe('findExternalReferences', () => {
  test('flags the Google Analytics tag Allure embeds', () => {
    const html =
      '<html><body><script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script></body></html>';
    expect(findExternalReferences(html)).toEqual(['<script src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0">']);
  });

  test('flags a stylesheet or font from another host', () => {
    expect(findExternalReferences('<head><link rel="stylesheet" href="https://x"></head>')).toEqual(['<link href="https://x">']);
    expect(findExternalReferences("<link rel=preload href='//fonts.example/f.woff'>")).toEqual([
      '<link href="//fonts.example/f.woff">',
    ]);
  });

  test('flags calls home hidden in inline scripts and in scripts inlined as data: URIs', () => {
    expect(findExternalReferences('<script>fetch("https://telemetry.example/t", {method: "POST"})</script>')).toEqual([
      'inline <script> fetch to another host: fetch("https://telemetry.example/t',
    ]);
    expect(findExternalReferences('<script>navigator.sendBeacon("/collect", payload)</script>')).toHaveLength(1);
    const bundle = Buffer.from('window.addEventListener("load",()=>fetch(`https://stats.example/hit`))').toString('base64');
    expect(findExternalReferences(`<script src="data:text/javascript;base64,${bundle}"></script>`)).toEqual([
      '<script src="data:…"> fetch to another host: fetch(`https://stats.example/hit',
    ]);
  });

  test('leaves local resources and links the reader has to click alone', () => {
    const offline =
      '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=\'http://www.w3.org/2000/svg\'%3E%3C/svg%3E">' +
      '<script src="data:text/javascript;base64,' +
      Buffer.from('fetch("data/widgets/tree.json")').toString('base64') +
      '"></script><script src="app.js"></script>' +
      '<a href="https://www.kennisnet.nl/">Kennisnet</a>';
    expect(findExternalReferences(offline)).toEqual([]);
  });
});

/** Two allure-js-commons result files (one passed, one failed with a SOAP fault attached), as allure-playwright writes them. */
async function writeResults(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const start = Date.UTC(2025, 2, 10, 9, 0, 0);
  const attachmentSource = `${randomUUID()}-attachment.xml`;
  await writeFile(join(dir, attachmentSource), SOAP_FAULT_XML);
  const labels = (epic: string, story: string): Array<{ name: string; value: string }> => [
    { name: 'epic', value: epic },
    { name: 'feature', value: 'Overdracht' },
    { name: 'story', value: story },
    { name: 'severity', value: 'critical' },
    { name: 'framework', value: 'playwright' },
  ];
  const failed = (name: string, historyId: string, message: string, at: number) => ({
    uuid: randomUUID(),
    historyId,
    testCaseId: historyId,
    name,
    fullName: `suites/qualification-test.ts › ${name}`,
    status: 'failed',
    stage: 'finished',
    statusDetails: { message, trace: `${message}\n    at call (/repo/node_modules/allure-playwright/src/runtime.ts:45:56)` },
    steps: [
      {
        name: 'documentRequest bij testschool',
        status: 'failed',
        stage: 'finished',
        statusDetails: { message },
        steps: [],
        attachments: [{ name: 'SOAP-antwoord', type: 'application/xml', source: attachmentSource }],
        parameters: [],
        start: at,
        stop: at + 150,
      },
    ],
    attachments: [],
    parameters: [{ name: 'profiel', value: 'OSO 2025' }],
    labels: labels('Bronsysteem', name),
    links: [],
    start: at,
    stop: at + 200,
  });
  const results = [
    {
      uuid: randomUUID(),
      historyId: 'scenario-regulier-bron',
      testCaseId: 'scenario-regulier-bron',
      name: PASSED_NAME,
      fullName: `suites/scenarios.spec.ts#${PASSED_NAME}`,
      status: 'passed',
      stage: 'finished',
      statusDetails: {},
      steps: [],
      attachments: [],
      parameters: [{ name: 'profiel', value: 'OSO 2025' }],
      labels: labels('Bronsysteem', 'regulier-dossier'),
      links: [],
      start,
      stop: start + 420,
    },
    failed(FAILED_NAME, 'scenario-zorgdossier-bron', FAILED_MESSAGE, start + 500),
    // The same fault in another run: another session id below the same first line.
    failed('Opt-out als bron', 'scenario-opt-out-bron', finding('e0789131-570d-4350-a5a2-6288addb7188'), start + 800),
    // allure-playwright calls any failing test "failed"; this one could not be carried out.
    {
      ...failed(BROKEN_NAME, 'scenario-veel-bijlagen-bron', BROKEN_MESSAGE, start + 1100),
      steps: [],
    },
  ];
  for (const result of results) {
    await writeFile(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
  }
}

function embeddedReportData(html: string): Map<string, string> {
  const data = new Map<string, string>();
  for (const match of html.matchAll(/\bd\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)) {
    data.set(match[1] ?? '', Buffer.from(match[2] ?? '', 'base64').toString('utf8'));
  }
  return data;
}
