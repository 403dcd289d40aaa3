/**
 * The findings about the SUT are read by a school or reviewer, in Dutch: in the summary page, in Allure and quoted in the
 * terminal. Replays one targeted run of every named fault of the reference LAS in this process (as the fault matrix does)
 * and reads what each finding says: proper Dutch singular and plural, no English runner words, no doubled names, and for
 * the sessiecontrole check an account of what actually happened.
 */
import { expect, test } from '@playwright/test';
import { referenceLasFaults, type ReferenceLasFault } from '../../simulator/reference-las/faults.ts';
import { loadRequirements } from '../../suites/requirements.ts';
import { matchesFilter } from '../../suites/scenario.ts';
import { alleRuns, voerRunUit, type RunUitslag } from '../support/fault-matrix.ts';

test.describe.configure({ timeout: 180_000 });

const runs = alleRuns(loadRequirements());
const runVan = (id: string) => runs.find((r) => `${r.info.id}/${r.info.rol}` === id)!;

/** The lines of a finding this harness writes; "Bron van de eis" quotes the requirement catalogue, not the check. */
const BEVINDINGREGEL = /^ {2}(Verwacht|Ontvangen|Bericht|Waarschijnlijke oorzaak): /;
const bevindingregels = (u: RunUitslag) => (u.message ?? '').split('\n').filter((l) => BEVINDINGREGEL.test(l));

/** "bijlage(n)", "scenario('s)", "afwijking(en)", "teken(s)": a plural left to the reader. */
const MEERVOUDSTRUC = /\p{L}\((n|en|s|'s|e)\)/u;
/** Words of the harness's own (English) vocabulary that have a Dutch word on these pages. */
const ENGELS = /\b(harness|expected|received|failed|passed|broken|skipped|not|none|and)\b/i;

async function uitslag(fault: ReferenceLasFault, run: string): Promise<RunUitslag> {
  const u = await voerRunUit(runVan(run), [fault]);
  expect(u.status, `${fault} ${run}: ${u.message ?? ''}`).toBe('failed');
  return u;
}

test('every fault: the finding of a targeted run is in Dutch, with proper plurals and no doubled names', async () => {
  const gelezen: string[] = [];
  for (const [fault, { vangtIn }] of Object.entries(referenceLasFaults) as [ReferenceLasFault, { vangtIn: readonly string[] }][]) {
    // A fault that shows under load only (slow-under-load) fails no run: it has no finding to read.
    if (vangtIn.length === 0) continue;
    const run = runs.map((r) => `${r.info.id}/${r.info.rol}`).find((id) => matchesFilter(id, vangtIn))!;
    const regels = bevindingregels(await uitslag(fault, run));
    expect(regels.length, `${fault} ${run}: a finding with Verwacht/Ontvangen`).toBeGreaterThanOrEqual(2);
    for (const regel of regels) {
      expect(regel, `${fault} ${run}`).not.toMatch(MEERVOUDSTRUC);
      expect(regel, `${fault} ${run}`).not.toMatch(ENGELS);
      // "Testschool PO (99AA) (99AA)": a BRIN added to a name that already carries it.
      expect(regel, `${fault} ${run}`).not.toMatch(/(\([^()]+\)) \1/);
      // A quoted sentence's full stop before the list's semicolon: "… ontbreken.; [OS.cat09] …".
      expect(regel, `${fault} ${run}`).not.toContain('.;');
      // A sentence quoted from a catalogue continues the finding's sentence instead of starting a new one after a colon.
      expect(regel, `${fault} ${run}`).not.toMatch(/[;:] (Weigert|Accepteert|Controleert|Het certificaat)\b/);
    }
    gelezen.push(...regels);
  }
  expect(gelezen.length).toBeGreaterThan(2 * Object.keys(referenceLasFaults).length);
});

test('no sessiecontrole, answered LeerlingOnbekend: the finding says so, and does not claim the dossier was released', async () => {
  const regels = bevindingregels(await uitslag('skip-sessiecontrole', 'onbekende-leerling/bron')).join('\n');
  expect(regels).toContain('Ontvangen: geen sessiecontroleRequest van Referentie-LAS (SUT);');
  expect(regels).toMatch(/Waarschijnlijke oorzaak: de bron beantwoordt het documentRequest \(LeerlingOnbekend\) zonder eerst het Traffic Center te vragen/);
  expect(regels).not.toContain('vrij');
});

test('no sessiecontrole, the dossier delivered: the finding says the bron released it', async () => {
  const regels = bevindingregels(await uitslag('skip-sessiecontrole', 'regulier-povo/bron')).join('\n');
  expect(regels).toContain('Waarschijnlijke oorzaak: de bron geeft het dossier vrij zonder het Traffic Center te vragen');
});

test('no sessiecontrole of the SUT, one of another party in the session: it is named with its sender, not as the bron\'s', async () => {
  const ontvangen = bevindingregels(await uitslag('skip-sessiecontrole', 'binnen-brin/bron')).find((l) => l.startsWith('  Ontvangen: '))!;
  const [geen, wat] = ontvangen.split('; het TC ontving in deze sessie ') as [string, string];
  expect(geen).toBe('  Ontvangen: geen sessiecontroleRequest van Referentie-LAS (SUT)');
  // Every message the TC received is listed under its sender; none under the SUT.
  expect(wat).toMatch(/^van Testschool PO \(99AA\): overdrachtRequest, sessiecontroleRequest, afmeldingRequest$/);
  expect(wat).not.toContain('Referentie-LAS');
});

test('a refused session answered with a dossier without sessiecontrole: no claim about what the TC answered', async () => {
  const regels = bevindingregels(await uitslag('skip-sessiecontrole', 'sessie-afwijkend/bron')).join('\n');
  expect(regels).toContain('Verwacht: geen dossier: de sessiecontrole bij het TC levert SessieAfwijkend op');
  expect(regels).toContain('Ontvangen: een dossier in documentResponse, zonder sessiecontrole');
  expect(regels).not.toContain('het TC antwoordde');
});
