import { expect, test } from '@playwright/test';
import type { Kwalificatie } from '../../reports/kwalificatie.ts';
import { metOordeel } from '../../reports/kwalificatie.ts';
import { exitCode } from '../../reports/oordeel.ts';
import { MergeFout, samenvoegen } from '../../reports/samenvoegen.ts';
import { proefKop } from '../support/proef-kwalificatie.ts';

/** A small qualification: two scenarios in both roles, three requirements, everything passed unless a test says otherwise. */
const runs = ['a/bron', 'a/doel', 'b/bron', 'b/doel'];
const eisVan: Record<string, string> = { 'a/bron': 'BRON-01', 'b/bron': 'BRON-02', 'a/doel': 'DOEL-01', 'b/doel': 'DOEL-01' };

function rapport(opties: { runs?: string[]; status?: Record<string, 'failed' | 'broken' | 'skipped'>; deel?: string; scenarios?: string[]; rol?: string; selectie?: string[]; seed?: string; versie?: string; faults?: string[] } = {}): Kwalificatie {
  const gedaan = opties.runs ?? runs;
  const status = (r: string) => opties.status?.[r] ?? 'passed';
  return metOordeel({
    ...proefKop,
    sut: { ...proefKop.sut, versie: opties.versie ?? proefKop.sut.versie, faults: opties.faults ?? [] },
    seed: opties.seed ?? proefKop.seed,
    selectie: { scenarios: opties.scenarios ?? [], ...(opties.rol ? { rol: opties.rol } : {}), ...(opties.deel ? { deel: opties.deel } : {}), runs: opties.selectie ?? runs },
    reikwijdte: { rollen: ['bron', 'doel'], runs, eisen: ['BRON-01', 'BRON-02', 'DOEL-01'] },
    scenarios: gedaan.map((r) => {
      const [id, role] = r.split('/') as [string, string];
      return { id, titel: id, role, status: status(r), requirements: [eisVan[r]!], durationMs: 10 };
    }),
    requirements: ['BRON-01', 'BRON-02', 'DOEL-01'].map((id) => {
      const door = gedaan.filter((r) => eisVan[r] === id && status(r) !== 'broken' && status(r) !== 'skipped');
      const st = door.some((r) => status(r) === 'failed') ? 'failed' : door.length ? 'passed' : 'untested';
      return { id, text: id, source: 'proef', status: st, scenarios: door };
    }),
  });
}
const codes = (k: Kwalificatie) => (k.onvolledig?.redenen ?? []).map((r) => r.code);

test('the full set, every run and requirement passed: GESLAAGD, no reasons, exit 0', () => {
  const k = rapport();
  expect(k.verdict).toBe('GESLAAGD');
  expect(k.onvolledig).toBeUndefined();
  expect(exitCode(k.verdict)).toBe(0);
});

test('a failed run: NIET_GESLAAGD and exit 1, also when the set was incomplete (and the reasons still say so)', () => {
  expect(rapport({ status: { 'a/bron': 'failed' } }).verdict).toBe('NIET_GESLAAGD');
  const deel = rapport({ runs: ['a/bron'], status: { 'a/bron': 'failed' }, scenarios: ['a'], rol: 'bron', selectie: ['a/bron'] });
  expect(deel.verdict).toBe('NIET_GESLAAGD');
  expect(codes(deel)).toContain('selectie');
  expect(exitCode(deel.verdict)).toBe(1);
});

test('a filtered selection is ONVOLLEDIG with the filter and the untested requirements named', () => {
  const k = rapport({ runs: ['a/bron', 'a/doel'], scenarios: ['a'], selectie: ['a/bron', 'a/doel'] });
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(codes(k)).toEqual(['selectie', 'eisen-niet-getest']);
  expect(k.onvolledig!.redenen[0]!.tekst).toBe('Niet alle runs zijn gekozen (--scenario a): 2 van de 4 runs.');
  expect(k.onvolledig!.redenen[1]!.eisen).toEqual(['BRON-02']);
  expect(exitCode(k.verdict)).toBe(0);
  expect(exitCode(k.verdict, true)).toBe(1);
});

test('a part of a sharded run is ONVOLLEDIG even when its requirements all passed, and does not call the other parts missing', () => {
  const k = rapport({ runs: ['a/bron', 'a/doel', 'b/bron'], deel: '1/2' });
  expect(k.requirements.every((r) => r.status === 'passed')).toBe(true);
  expect(k.verdict).toBe('ONVOLLEDIG');
  expect(codes(k)).toEqual(['deel']);
});

test('a broken or a skipped run, or a selected run that never ran, is ONVOLLEDIG: never GESLAAGD, never blamed on the SUT', () => {
  const broken = rapport({ status: { 'b/doel': 'broken' } });
  expect(broken.verdict).toBe('ONVOLLEDIG');
  expect(codes(broken)).toEqual(['gebroken']);
  expect(broken.onvolledig!.redenen[0]!.runs).toEqual(['b/doel']);
  // b/bron is the only run of BRON-02: skipping it leaves that requirement untested too.
  expect(codes(rapport({ status: { 'b/bron': 'skipped' } }))).toEqual(['overgeslagen', 'eisen-niet-getest']);
  const missing = rapport({ runs: ['a/bron', 'a/doel', 'b/bron'] });
  expect(missing.verdict).toBe('ONVOLLEDIG');
  expect(missing.onvolledig!.redenen).toEqual([expect.objectContaining({ code: 'runs-niet-uitgevoerd', runs: ['b/doel'] })]);
  expect(rapport({ runs: [], selectie: runs }).verdict).toBe('ONVOLLEDIG');
});

test('the reasons count in proper Dutch: singular for one, plural for more, never "run(s)"', () => {
  const teksten = (k: Kwalificatie) => (k.onvolledig?.redenen ?? []).map((r) => r.tekst);
  expect(teksten(rapport({ status: { 'b/doel': 'broken' } }))).toEqual([
    '1 run kon niet worden uitgevoerd door een fout in de adapter of de testbank (gebroken), dus zonder oordeel over de SUT: b/doel. Herhaal die run.',
  ]);
  expect(teksten(rapport({ status: { 'a/doel': 'broken', 'b/doel': 'broken' } }))[0]).toMatch(/^2 runs konden niet worden uitgevoerd .*: a\/doel, b\/doel\. Herhaal ze\.$/);
  expect(teksten(rapport({ status: { 'b/bron': 'skipped' } }))).toEqual(['1 run is overgeslagen: b/bron.', '1 van de 3 eisen is niet getest: BRON-02.']);
  expect(teksten(rapport({ status: { 'a/bron': 'skipped', 'b/bron': 'skipped' } }))).toEqual(['2 runs zijn overgeslagen: a/bron, b/bron.', '2 van de 3 eisen zijn niet getest: BRON-01, BRON-02.']);
  expect(teksten(rapport({ runs: ['a/bron', 'a/doel', 'b/bron'] }))).toEqual(['1 gekozen run is niet uitgevoerd: b/doel.']);
  expect(teksten(rapport({ runs: ['a/bron', 'a/doel'] }))[0]).toBe('2 gekozen runs zijn niet uitgevoerd: b/bron, b/doel.');
});

test('merging the parts of a split gives the verdict, runs and requirement table of the whole', () => {
  const geheel = rapport({ status: { 'b/bron': 'failed' } });
  const een = rapport({ runs: ['a/bron', 'b/doel'], deel: '1/2', status: { 'b/bron': 'failed' } });
  const twee = rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2', status: { 'b/bron': 'failed' } });
  const samen = samenvoegen([
    { map: 'r1', kwalificatie: een },
    { map: 'r2', kwalificatie: twee },
  ]);
  expect(samen.verdict).toBe('NIET_GESLAAGD');
  expect(samen.requirements).toEqual(geheel.requirements);
  expect(samen.scenarios).toEqual(geheel.scenarios);
  expect(samen.selectie).toEqual(geheel.selectie);
  expect(samen.delen!.map((d) => `${d.map} ${d.deel}`)).toEqual(['r1 1/2', 'r2 2/2']);
  const schoon = samenvoegen([
    { map: 'r1', kwalificatie: rapport({ runs: ['a/bron', 'b/doel'], deel: '1/2' }) },
    { map: 'r2', kwalificatie: rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2' }) },
  ]);
  expect(schoon.verdict).toBe('GESLAAGD');
  // One part of two: the other part's runs are named as not carried out.
  const half = samenvoegen([{ map: 'r1', kwalificatie: rapport({ runs: ['a/bron', 'b/doel'], deel: '1/2' }) }]);
  expect(half.verdict).toBe('ONVOLLEDIG');
  expect(half.onvolledig!.redenen.find((r) => r.code === 'runs-niet-uitgevoerd')!.runs).toEqual(['a/doel', 'b/bron']);
});

test('parts of different runs, duplicated parts and overlapping runs cannot be merged', () => {
  const een = rapport({ runs: ['a/bron', 'b/doel'], deel: '1/2' });
  const merge = (...ks: Kwalificatie[]) => () => samenvoegen(ks.map((kwalificatie, i) => ({ map: `r${i + 1}`, kwalificatie })));
  expect(merge(een, rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2', versie: '1.1' }))).toThrow(/r2 has a different SUT than r1/);
  expect(merge(een, rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2', faults: ['skip-sessiecontrole'] }))).toThrow(/different named faults/);
  expect(merge(een, rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2', seed: '2' }))).toThrow(/different seed/);
  expect(merge(een, rapport({ runs: ['a/doel'], deel: '2/2', scenarios: ['a'], selectie: ['a/bron', 'a/doel'] }))).toThrow(/different selection/);
  expect(merge(een, rapport({ runs: ['a/doel'], deel: '2/3' }))).toThrow(/different splits/);
  expect(merge(een, rapport({ runs: ['a/doel'], deel: '1/2' }))).toThrow('r1 and r2 are both part 1/2.');
  expect(merge(een, rapport())).toThrow('run a/bron is in both r1 and r2');
  expect(merge(samenvoegen([{ map: 'x', kwalificatie: een }]))).toThrow(/itself a merged report/);
  expect(merge(een, rapport({ runs: ['a/doel', 'b/bron'], deel: '2/2' }))).not.toThrow(MergeFout);
});
