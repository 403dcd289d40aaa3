import { expect, test } from '@playwright/test';
import { isBevinding, voorDeLezer, type AllureResult, type AllureStep } from '../../reports/allure-resultaten.ts';

const FINDING =
  'CheckFailure: [BRON-01] De bron vraagt bij een documentRequest eerst sessiecontrole aan het Traffic Center, en geeft het dossier pas daarna vrij.\n' +
  '  Verwacht: een sessiecontroleRequest voor sessie 124d3163-ba6d-4e9a-b77f-f5f724eacc92\n' +
  '  Ontvangen: geen sessiecontrole';
const TRACE = `${FINDING}\n    at Object.run (/repo/suites/steps/verwacht-sessiecontrole.ts:20:13)\n    at call (/repo/node_modules/allure-playwright/src/runtime.ts:45:56)`;

const attachmentStep = (name: string, source: string, type = 'application/xml'): AllureStep => ({
  name,
  steps: [],
  attachments: [{ name, source, type }],
  parameters: [],
});

/** A result as allure-playwright writes it for a qualification run. */
function raw(status: 'passed' | 'failed' | 'broken', message?: string, trace?: string): AllureResult {
  const details = message === undefined ? {} : { message, trace };
  return {
    name: 'regulier-povo [SUT als bron] Regulier overstapdossier van PO naar VO',
    fullName: 'suites/qualification-test.ts › regulier-povo [SUT als bron] Regulier overstapdossier van PO naar VO',
    titlePath: ['oso-testbank', 'qualification-test.ts'],
    status,
    statusDetails: details,
    labels: [
      { name: 'language', value: 'javascript' },
      { name: 'framework', value: 'playwright' },
      { name: 'package', value: 'oso-testbank.qualification-test.ts' },
      { name: 'titlePath', value: ' > kwalificatie > suites/kwalificatie.spec.ts' },
      { name: 'epic', value: 'Bronsysteem' },
      { name: 'feature', value: 'Overstapdossier' },
      { name: 'tag', value: 'BRON-01' },
      { name: 'parentSuite', value: 'kwalificatie' },
    ],
    parameters: [
      { name: 'Project', value: 'kwalificatie' },
      { name: 'rol van de SUT', value: 'bron' },
    ],
    steps: [
      { name: 'scenario: regulier-povo', status: 'passed', steps: [], attachments: [] },
      { name: 'rol: bron', status: 'passed', steps: [], attachments: [] },
      { name: 'eisen: BRON-01 BRON-02', status: 'passed', steps: [], attachments: [] },
      {
        name: '2. Doel vraagt het dossier op',
        status: 'passed',
        attachments: [],
        steps: [
          {
            name: '#2 documentRequest Testschool VO (99BB) → Referentie-LAS (SUT) (DossierGeleverd)',
            status: 'passed',
            attachments: [],
            steps: [attachmentStep('#2 documentRequest verzoek', 'verzoek.xml'), attachmentStep('#2 documentRequest antwoord', 'antwoord.xml')],
          },
        ],
      },
      { name: '3. De bron deed sessiecontrole', status, statusDetails: details, steps: [], attachments: [] },
      attachmentStep('berichtenlog.json', 'log.json', 'application/json'),
      attachmentStep('error-context', 'context.md', 'text/markdown'),
    ],
  };
}

test('a finding about the SUT keeps its Dutch explanation and loses the stack trace, the prefix and the error-context', () => {
  const { result, weggelaten } = voorDeLezer(raw('failed', FINDING, TRACE));
  expect(result.status).toBe('failed');
  expect(result.statusDetails).toEqual({ message: FINDING.slice('CheckFailure: '.length) });
  expect(result.statusDetails?.message?.split('\n')[0]).toMatch(/^\[BRON-01\] De bron vraagt/);
  const failedStep = result.steps!.find((s) => s.status === 'failed')!;
  expect(failedStep.statusDetails).toEqual({ message: FINDING.slice('CheckFailure: '.length) });
  expect(JSON.stringify(result)).not.toMatch(/node_modules|\n\s+at |error-context/);
  expect(weggelaten).toEqual(['context.md']);
});

test('a broken run keeps its stack trace and error-context for whoever fixes the harness or adapter', () => {
  const error = 'Error: connect ECONNREFUSED 127.0.0.1:9443';
  const trace = `${error}\n    at TCPConnectWrap.afterConnect (node:net:1595:16)`;
  const { result, weggelaten } = voorDeLezer(raw('failed', error, trace));
  // allure-playwright said failed; the SUT met no requirement less, so the run is broken, as in kwalificatie.json.
  expect(result.status).toBe('broken');
  expect(result.statusDetails).toEqual({ message: error, trace });
  expect(result.attachments?.map((a) => a.name)).toContain('error-context');
  expect(weggelaten).toEqual([]);
});

test('drops runner labels, the Playwright project and the annotation pseudo-steps; the breadcrumb is epic › feature', () => {
  const { result } = voorDeLezer(raw('passed'));
  expect(result.labels?.map((l) => l.name)).toEqual(['epic', 'feature', 'tag']);
  expect(result.parameters).toEqual([{ name: 'rol van de SUT', value: 'bron' }]);
  expect(result.steps?.map((s) => s.name)).toEqual(['2. Doel vraagt het dossier op', '3. De bron deed sessiecontrole']);
  expect(result.titlePath).toEqual(['Bronsysteem', 'Overstapdossier']);
  expect(result.fullName).toBe('Bronsysteem › Overstapdossier › regulier-povo [SUT als bron] Regulier overstapdossier van PO naar VO');
});

test('attachments reported as status-less steps are attached to the step they were made in', () => {
  const { result } = voorDeLezer(raw('passed'));
  const message = result.steps![0]!.steps![0]!;
  expect(message.steps).toEqual([]);
  expect(message.attachments?.map((a) => a.source)).toEqual(['verzoek.xml', 'antwoord.xml']);
  expect(result.attachments?.map((a) => a.source)).toEqual(['log.json', 'context.md']);
  const statuses = (steps: AllureStep[]): unknown[] => steps.flatMap((s) => [s.status, ...statuses(s.steps ?? [])]);
  expect(statuses(result.steps!)).not.toContain(undefined);
});

test('a combined finding is categorised by its first requirement, the others stay below it', () => {
  const combined = `${FINDING}\n\nOok afgekeurd:\n[BRON-04] Het geleverde dossier voldoet aan de inhoudsregels (regel OVa.LL12)`;
  const { result } = voorDeLezer(raw('failed', combined, combined));
  expect(result.statusDetails?.message).toMatch(/^\[BRON-01\][\s\S]*\n\[BRON-04\]/);
  expect(isBevinding(result.statusDetails)).toBe(true);
  expect(isBevinding({ message: 'Error: [BRON-01] staat niet vooraan' })).toBe(false);
});
