/**
 * The verdict of a qualification and, when it cannot be GESLAAGD although nothing failed, why it is ONVOLLEDIG: one
 * catalogue of reasons with stable codes (for tools) and Dutch text (for the school or reviewer who reads the report).
 * A verdict never overstates: GESLAAGD only when every run of the full set for the SUT's roles was selected, unsharded,
 * carried out and passed, and every requirement in scope passed.
 */
import { runKey } from '../suites/catalogue.ts';
import { aantal } from '../web/meervoud.ts';

export type Verdict = 'GESLAAGD' | 'NIET_GESLAAGD' | 'ONVOLLEDIG';

export type RedenCode = 'selectie' | 'deel' | 'andere-scenarioset' | 'tegen-testomgeving' | 'runs-niet-uitgevoerd' | 'gebroken' | 'overgeslagen' | 'eisen-niet-getest';

export interface Reden {
  code: RedenCode;
  tekst: string;
  /** The runs (`scenario/rol`) or requirements the reason is about, in full (the text may shorten the list). */
  runs?: string[];
  eisen?: string[];
}

/** What the verdict is judged on; a merged report gives the same fields as a single run, so both are judged alike. */
export interface OordeelInvoer {
  scenarios: readonly { id: string; role: string; status: 'passed' | 'failed' | 'broken' | 'skipped' }[];
  requirements: readonly { id: string; status: 'passed' | 'failed' | 'untested' }[];
  selectie: { scenarios: readonly string[]; rol?: string; deel?: string; scenarioMap?: string; runs: readonly string[] };
  reikwijdte: { runs: readonly string[] };
  /** qualify --tegen: the running serve, and the runs of the full set a shared service cannot carry out, each with why. */
  tegen?: { url: string; nietUitvoerbaar: readonly { run: string; reden: string }[] };
}

/** At most this many names in a sentence; the reason's list holds them all. */
const IN_TEKST = 8;
const opsomming = (items: readonly string[]) =>
  items.length <= IN_TEKST ? items.join(', ') : `${items.slice(0, IN_TEKST).join(', ')} en ${items.length - IN_TEKST} meer`;

export function oordeel(k: OordeelInvoer): { verdict: Verdict; redenen: Reden[] } {
  const redenen: Reden[] = [];
  const selectieVlaggen = [...(k.selectie.scenarios.length ? [`--scenario ${k.selectie.scenarios.join(' ')}`] : []), ...(k.selectie.rol ? [`--role ${k.selectie.rol}`] : [])];
  if (k.selectie.runs.length < k.reikwijdte.runs.length)
    redenen.push({
      code: 'selectie',
      tekst: `Niet alle runs zijn gekozen${selectieVlaggen.length ? ` (${selectieVlaggen.join(', ')})` : ''}: ${k.selectie.runs.length} van de ${k.reikwijdte.runs.length} runs.`,
    });
  if (k.selectie.deel)
    redenen.push({
      code: 'deel',
      tekst: `Dit rapport is deel ${k.selectie.deel} van de gekozen runs (--shard); voeg alle delen samen met oso-testbank merge voor één oordeel.`,
    });
  if (k.selectie.scenarioMap)
    redenen.push({ code: 'andere-scenarioset', tekst: `De scenario's komen uit ${k.selectie.scenarioMap}, niet uit de standaardset van de testbank.` });

  // Against a shared service some runs are never carried out: the verdict cannot be GESLAAGD, and each says why.
  const tegenDienst = new Set(k.tegen?.nietUitvoerbaar.map((n) => n.run) ?? []);
  if (k.tegen?.nietUitvoerbaar.length) {
    // Grouped by why: the security runs all share one reason.
    const perReden = new Map<string, string[]>();
    for (const n of k.tegen.nietUitvoerbaar) {
      const reden = n.reden.replace(/^Niet uitgevoerd tegen de gedeelde testomgeving: /, '').replace(/\.$/, '');
      perReden.set(reden, [...(perReden.get(reden) ?? []), n.run]);
    }
    const aantalRuns = k.tegen.nietUitvoerbaar.length;
    redenen.push({
      code: 'tegen-testomgeving',
      tekst: `Tegen de gedeelde testomgeving (${k.tegen.url}) ${aantalRuns === 1 ? 'kan 1 run' : `kunnen ${aantalRuns} runs`} van de volledige set niet worden uitgevoerd. ${[...perReden]
        .map(([reden, runs]) => `${opsomming(runs)}: ${reden}.`)
        .join(' ')} Kwalificeer die runs tegen de ingebouwde wereld van de testbank.`,
      runs: k.tegen.nietUitvoerbaar.map((n) => n.run),
    });
  }

  // A part of a sharded run cannot know which of the selected runs were its own; the merge of all parts can.
  const uitgevoerd = new Set(k.scenarios.map((s) => runKey(s.id, s.role)));
  const ontbrekend = k.selectie.deel ? [] : k.selectie.runs.filter((r) => !uitgevoerd.has(r));
  if (ontbrekend.length)
    redenen.push({ code: 'runs-niet-uitgevoerd', tekst: `${aantal(ontbrekend.length, 'gekozen run is', 'gekozen runs zijn')} niet uitgevoerd: ${opsomming(ontbrekend)}.`, runs: ontbrekend });
  const met = (status: string) => k.scenarios.filter((s) => s.status === status).map((s) => runKey(s.id, s.role));
  const gebroken = met('broken');
  if (gebroken.length)
    redenen.push({
      code: 'gebroken',
      tekst: `${aantal(gebroken.length, 'run kon', 'runs konden')} niet worden uitgevoerd door een fout in de adapter of de testbank (gebroken), dus zonder oordeel over de SUT: ${opsomming(gebroken)}. ${gebroken.length === 1 ? 'Herhaal die run.' : 'Herhaal ze.'}`,
      runs: gebroken,
    });
  const overgeslagen = met('skipped').filter((r) => !tegenDienst.has(r));
  if (overgeslagen.length)
    redenen.push({ code: 'overgeslagen', tekst: `${aantal(overgeslagen.length, 'run is', 'runs zijn')} overgeslagen: ${opsomming(overgeslagen)}.`, runs: overgeslagen });
  const nietGetest = k.requirements.filter((r) => r.status === 'untested').map((r) => r.id);
  if (nietGetest.length)
    redenen.push({
      code: 'eisen-niet-getest',
      tekst: `${nietGetest.length} van de ${k.requirements.length} eisen ${nietGetest.length === 1 ? 'is' : 'zijn'} niet getest: ${opsomming(nietGetest)}.`,
      eisen: nietGetest,
    });

  // Only a finding about the SUT fails it; everything short of a full, passed set is incomplete.
  const afgekeurd = k.scenarios.some((s) => s.status === 'failed') || k.requirements.some((r) => r.status === 'failed');
  const verdict: Verdict = afgekeurd ? 'NIET_GESLAAGD' : redenen.length || k.scenarios.length === 0 ? 'ONVOLLEDIG' : 'GESLAAGD';
  return { verdict, redenen };
}

/** The verdict as people read it (terminal, summary page, Allure). */
export const verdictTekst: Record<Verdict, string> = { GESLAAGD: 'GESLAAGD', NIET_GESLAAGD: 'NIET GESLAAGD', ONVOLLEDIG: 'ONVOLLEDIG' };

/** Exit codes of qualify and merge: only a failed requirement fails; with --strict anything short of GESLAAGD does. */
export function exitCode(verdict: Verdict, strict = false): number {
  if (verdict === 'NIET_GESLAAGD') return 1;
  return verdict === 'ONVOLLEDIG' && strict ? 1 : 0;
}
