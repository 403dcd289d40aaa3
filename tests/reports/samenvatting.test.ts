import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allureKoppelingen } from '../../reports/allure-koppeling.ts';
import { bevindingen, kortLijsten, leesUitleg } from '../../reports/bevindingen.ts';
import { metOordeel, type Kwalificatie } from '../../reports/kwalificatie.ts';
import { renderSamenvatting } from '../../reports/samenvatting.ts';
import { CheckFailure } from '../../suites/check-failure.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { SourceError } from '../../suites/yaml-source.ts';

const catalogus = loadRequirements();
const eis = (id: string) => catalogus.get(id)!;

/** A run's explanation exactly as the qualification writes it: the CheckFailure text. */
const uitleg = (id: string, ontvangen: string, sessie: string) =>
  new CheckFailure({ eis: eis(id), verwacht: `een sessiecontroleRequest voor sessie ${sessie}`, ontvangen, bericht: '#2 documentRequest', oorzaak: 'de bron vraagt het TC niets' }).message;

function rapport(runs: Kwalificatie['scenarios'], failed: string[]): Kwalificatie {
  const ids = ['BRON-01', 'BRON-02', 'BEV-03', 'DOEL-07'];
  return metOordeel({
    sut: { naam: 'Proef-LAS', versie: '2.0', soort: 'extern', faults: [] },
    harness: { naam: 'oso-testbank', versie: '9.9.9' },
    protocol: { release: "OSO'21", namespace: 'urn:proef' },
    gegevensset: { versie: '2019.1', namespace: 'urn:proef' },
    datum: '2026-07-01T10:00:00.000Z',
    duurMs: 1000,
    uitvoerder: 'proef@machine',
    seed: '1',
    selectie: { scenarios: [], runs: runs.map((r) => `${r.id}/${r.role}`) },
    reikwijdte: { rollen: ['bron'], runs: runs.map((r) => `${r.id}/${r.role}`), eisen: ids },
    scenarios: runs,
    requirements: ids.map((id) => ({ id, text: eis(id).tekst, source: eis(id).bron, status: failed.includes(id) ? 'failed' : 'passed', scenarios: runs.map((r) => `${r.id}/${r.role}`) })),
  });
}

const run = (id: string, status: 'passed' | 'failed' | 'broken', message?: string, requirements = ['BRON-01', 'BRON-02']) => ({
  id,
  titel: id,
  role: 'bron',
  status,
  requirements,
  ...(message ? { message } : {}),
  durationMs: 10,
});

test('a run explanation is read back into its fields, for each requirement it failed', () => {
  const tekst = `${uitleg('BRON-01', 'geen sessiecontrole', 'a')}\n\nOok afgekeurd:\n${uitleg('BRON-02', 'geen dossier', 'a')}`;
  const gelezen = leesUitleg(tekst);
  expect(gelezen.map((g) => g.eis)).toEqual(['BRON-01', 'BRON-02']);
  expect(gelezen[0]!.uitleg).toEqual({ verwacht: 'een sessiecontroleRequest voor sessie a', ontvangen: 'geen sessiecontrole', bericht: '#2 documentRequest', oorzaak: 'de bron vraagt het TC niets' });
  expect(gelezen[1]!.uitleg.ontvangen).toBe('geen dossier');
});

test('runs that failed the same way are one group; session ids do not split them, another answer does', () => {
  const k = rapport(
    [
      run('a', 'failed', uitleg('BRON-01', 'geen sessiecontrole', '11111111-1111-4111-8111-111111111111')),
      run('b', 'failed', uitleg('BRON-01', 'geen sessiecontrole', '22222222-2222-4222-8222-222222222222')),
      run('c', 'failed', uitleg('BRON-01', 'een sessiecontrole te laat', '33333333-3333-4333-8333-333333333333')),
      run('d', 'passed'),
    ],
    ['BRON-01'],
  );
  const [b] = bevindingen(k);
  expect(bevindingen(k)).toHaveLength(1);
  expect(b!.eis.id).toBe('BRON-01');
  expect(b!.groepen.map((g) => g.runs)).toEqual([['a/bron', 'b/bron'], ['c/bron']]);
});

test('an explanation in another form still lands under the failed requirement its run verifies', () => {
  const k = rapport([run('a', 'failed', 'Iets anders ging mis'), run('b', 'broken', 'adapter weg')], ['BRON-02']);
  const lijst = bevindingen(k);
  expect(lijst.map((b) => b.eis.id)).toEqual(['BRON-02']);
  expect(lijst[0]!.groepen).toEqual([{ runs: ['a/bron'], uitleg: { tekst: 'Iets anders ging mis' } }]);
});

test('long lists are cut to their first items and a count; short ones and bracketed commas are left alone', () => {
  const namen = Array.from({ length: 37 }, (_, i) => `bijlage-${i + 1}.pdf (SHA-256 ab${i}, afgekapt)`);
  expect(kortLijsten(`bewaard: geen bijlagen; ontbreekt of verschilt: ${namen.join(', ')}`)).toBe(
    `bewaard: geen bijlagen; ontbreekt of verschilt: ${namen.slice(0, 4).join(', ')} en 33 meer`,
  );
  expect(kortLijsten('ontvangen: a, b, c')).toBe('ontvangen: a, b, c');
});

test('the page names exactly the failed requirements, marks the harness\'s own, and signs off with the fingerprint', () => {
  const k = rapport(
    [run('a', 'failed', uitleg('BEV-03', 'een dossier', 'x'), ['BEV-03', 'BRON-01']), run('b', 'passed', undefined, ['BEV-03', 'BRON-01'])],
    ['BEV-03'],
  );
  const html = renderSamenvatting(k, { catalogus, allure: new Map([['a/bron', 'index.html#abc']]), ondertekenaar: 'AA:BB:CC' });
  expect([...html.matchAll(/<article class="bevinding" id="([^"]+)"/g)].map((m) => m[1])).toEqual(['BEV-03']);
  expect(html).toContain('1 eis van de 4 niet voldaan: <a href="#BEV-03">BEV-03</a>.');
  expect(html).toContain(`<strong>Wat te doen:</strong> ${eis('BEV-03').oplossing}`);
  expect(html).toContain('<a class="run" href="index.html#abc">a (bron)</a>');
  expect(html).toMatch(/<tr id="eis-BEV-03" data-herkomst="eigen">[\s\S]*?eis testbank/);
  expect(html).toMatch(/<tr id="eis-BRON-01" data-herkomst="officieel">/);
  expect(html).toContain('<code class="vingerafdruk">AA:BB:CC</code>');
  expect(html).toContain('tijdzone Europe/Amsterdam');
  expect(html).toContain('@bottom-right { content: "Pagina " counter(page) " van " counter(pages)');
});

test('a clean report has no findings section and says all requirements passed', () => {
  const k = rapport([run('a', 'passed')], []);
  const html = renderSamenvatting(k, { catalogus });
  expect(k.verdict).toBe('GESLAAGD');
  expect(html).not.toContain('id="bevindingen"');
  expect(html).toContain('Alle 4 eisen voldaan.');
});

test('a name that would end the style element stays inside the running header\'s CSS string', () => {
  const k = rapport([run('a', 'passed')], []);
  k.sut.naam = 'LAS </style><script>x()</script> "quoted"';
  const html = renderSamenvatting(k, { catalogus });
  expect(html).not.toContain('<script>');
  const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
  expect(style).toContain('LAS \\3c /style>\\3c script>x()\\3c /script> \\"quoted\\"');
});

test('the Allure link of a run is the MD5 of its last result uuid', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'allure-koppeling-'));
  writeFileSync(join(dir, '1-result.json'), JSON.stringify({ uuid: 'oud', name: 'regulier-povo [SUT als bron] Regulier', stop: 1 }));
  writeFileSync(join(dir, '2-result.json'), JSON.stringify({ uuid: 'nieuw', name: 'regulier-povo [SUT als bron] Regulier', stop: 2 }));
  writeFileSync(join(dir, '3-result.json'), '{ niet af');
  const links = await allureKoppelingen([dir, join(dir, 'bestaat-niet')]);
  // md5('nieuw')
  expect(links).toEqual(new Map([['regulier-povo/bron', 'index.html#e8eacdaea897332700f10b574aea6419']]));
});

test('the catalogue refuses a requirement without oplossing or with an unknown herkomst, at its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eisen-'));
  const file = join(dir, 'requirements.yaml');
  writeFileSync(file, 'eisen:\n  - id: BRON-01\n    tekst: t\n    bron: b\n    herkomst: officieel\n');
  expect(() => loadRequirements(file)).toThrow(/oplossing/);
  writeFileSync(file, 'eisen:\n  - id: BRON-01\n    tekst: t\n    bron: b\n    herkomst: misschien\n    oplossing: o\n');
  let fout: unknown;
  try {
    loadRequirements(file);
  } catch (e) {
    fout = e;
  }
  expect(fout).toBeInstanceOf(SourceError);
  expect((fout as Error).message).toMatch(/:5:/);
});
