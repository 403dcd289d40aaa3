/**
 * The sampled requirements of a capacity run: every requirement qualify verifies for one exchange is judged on the
 * sample — BRON-03 the pupil, school, profile and release of the delivered dossier; DOEL-04 stored; DOEL-07 attachments
 * kept byte for byte — and a LAS that drops attachments under load is caught by the sample.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import { bijlagenVan } from '../../simulator/dossier/bijlagen.ts';
import { generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { gegevensset2018, gegevensset2019 } from '../../simulator/dossier/gegevensset.ts';
import { parseXml } from '../../simulator/dossier/xml-reader.ts';
import type { GegevenssetVersie } from '../../simulator/dossier/versies/versie.ts';
import type { Belastingresultaat } from '../../suites/belasting/belastingresultaat.ts';
import { controleerDossier, controleerOpgeslagen } from '../../suites/belasting/steekproef.ts';
import type { UitwisselingUitkomst } from '../../suites/belasting/uitwisselingen.ts';
import { runCli } from '../cli/run-cli.ts';

test.describe.configure({ timeout: 120_000 });

const leerlingen = loadFixtureLeerlingen();
const zorg = leerlingen.find((l) => l.id === 'povo-zorg')!;
const regulier = leerlingen.find((l) => l.id === 'povo-regulier')!;
const school = { naam: 'De Proeftuin', brincode: '99XA', vestigingscode: '00', aanleverpunt: 'AP-99XA', adres: regulier.adres, telefoon: '0101234567' };
const dossier = (l = zorg, versie: GegevenssetVersie = gegevensset2019) => generateDossierXml({ profiel: 'POVO', variant: 'opt-uit', seed: 's', zorg: !!l.zorg, leerling: l, school, datum: '2026-03-16', versie });
const uitkomst = (rol: 'bron' | 'doel', xml?: string): UitwisselingUitkomst => ({ rol, berichten: [], totaalMs: 1, sessieId: 'S-1', ...(xml ? { dossierXml: xml } : {}), afgemeld: true });
const verwacht = { leerling: zorg, bronBrin: '99XA', release: gegevensset2019 };

test('BRON-03 on the sample: the dossier must be the asked pupil, of the LAS school, POVO, in the release of the run', () => {
  const goed = controleerDossier(uitkomst('bron', dossier()), verwacht);
  expect(goed.map((c) => [c.eis, c.bevinding])).toEqual([
    ['BRON-03', undefined],
    ['BRON-04', undefined],
  ]);
  const ander = controleerDossier(uitkomst('bron', dossier(regulier)), verwacht).find((c) => c.eis === 'BRON-03');
  expect(ander?.bevinding).toContain(`bsn ${regulier.pgn.waarde} (regel OVa.LL12)`);
  expect(ander?.bevinding).toContain('een zorgdossier zonder onderwijsondersteuning');
  const andereSchool = controleerDossier(uitkomst('bron', dossier()), { ...verwacht, bronBrin: '99YB' }).find((c) => c.eis === 'BRON-03');
  expect(andereSchool?.bevinding).toContain('brincode 99XA (verwacht 99YB)');
  const oud = controleerDossier(uitkomst('bron', dossier(zorg, gegevensset2018)), verwacht).find((c) => c.eis === 'BRON-03');
  expect(oud?.bevinding).toContain(`standaardversie ${gegevensset2018.standaardversie}`);
});

test('DOEL-04 and DOEL-07 on the sample: stored with the pupil, every attachment byte for byte', () => {
  const xml = dossier();
  const bijlagen = bijlagenVan(parseXml(xml));
  expect(bijlagen.length).toBeGreaterThan(1);
  const opgeslagen = { sessieId: 'S-1', bronBrin: '99XA', doelBrin: '99YB', pgn: zorg.pgn.waarde, status: 'opgeslagen' as const, ontvangenOp: 'nu', bijlagen };
  const oordeel = (ontvangen: (typeof opgeslagen)[], geleverd = xml) => Object.fromEntries(controleerOpgeslagen(uitkomst('doel'), zorg, ontvangen, geleverd).map((c) => [c.eis, c.bevinding ?? 'voldaan']));

  expect(oordeel([opgeslagen])).toEqual({ 'DOEL-04': 'voldaan', 'DOEL-07': 'voldaan' });
  // Nothing stored for this session (another session's dossier does not count).
  expect(oordeel([{ ...opgeslagen, sessieId: 'S-2' }])['DOEL-04']).toContain('uit sessie S-1 is niet opgeslagen');
  expect(oordeel([{ ...opgeslagen, status: 'geweigerd' as never, reden: 'ongeldig' } as never])['DOEL-04']).toContain('(geweigerd: ongeldig)');
  // An attachment missing or changed.
  const zonder = { ...opgeslagen, bijlagen: bijlagen.slice(1) };
  expect(oordeel([zonder])['DOEL-07']).toContain(`ontbreken 1 van de ${bijlagen.length} bijlagen`);
  const veranderd = { ...opgeslagen, bijlagen: bijlagen.map((b, i) => (i === 0 ? { ...b, sha256: '0'.repeat(64) } : b)) };
  expect(oordeel([veranderd])['DOEL-07']).toContain(bijlagen[0]!.bestandsnaam);
  // A dossier without attachments is judged on DOEL-04 only.
  expect(Object.keys(oordeel([opgeslagen], dossier(regulier)))).toEqual(['DOEL-04']);
});

test('under load, the sample catches a LAS as doel that drops the attachments (drop-attachments): DOEL-07 fails on every sampled dossier with attachments, DOEL-04 holds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'belasting-steekproef-'));
  const run = await runCli(['belasting', '--role', 'doel', '--snelheid', '5/s', '--duur', '3s', '--steekproef', '1', '--leerlingen', '20', '--fault', 'drop-attachments', '--report', dir]);
  expect(run.code, `${run.stdout}\n${run.stderr}`).not.toBe(2);
  const r = JSON.parse(readFileSync(join(dir, 'belasting.json'), 'utf8')) as Belastingresultaat;
  const eis = (id: string) => r.steekproef.eisen.find((e) => e.eis === id);
  expect(r.steekproef.eisen.map((e) => e.eis)).toEqual(['DOEL-01', 'DOEL-02', 'DOEL-03', 'DOEL-04', 'DOEL-07']);
  expect(eis('DOEL-04')).toMatchObject({ gecontroleerd: r.steekproef.uitwisselingen, mislukt: 0 });
  expect(eis('DOEL-07')!.gecontroleerd).toBeGreaterThan(0);
  expect(eis('DOEL-07')!.mislukt).toBe(eis('DOEL-07')!.gecontroleerd);
  expect(r.totaal.fouten['controle']).toBe(eis('DOEL-07')!.mislukt);
  expect(run.stdout).toContain('sampled requirements not met: DOEL-07');
});
