/**
 * Merging the kwalificatie.json of the parts of one qualification (`qualify --shard I/N` on several machines) into one
 * report with one verdict. The parts must be of the same run: the same SUT, harness, data, faults and selection; each run
 * and each part at most once. The merge is judged like a single run, so parts that do not add up to the selection are
 * ONVOLLEDIG, and parts that add up to the full set give the verdict and requirement table of a full run.
 */
import { runKey } from '../suites/catalogue.ts';
import { metOordeel, type Kwalificatie, type RequirementStatus } from './kwalificatie.ts';

/** Parts that cannot be merged: the message names the folders and what differs. */
export class MergeFout extends Error {}

export interface Deel {
  /** The part's report folder, as the user named it. */
  map: string;
  kwalificatie: Kwalificatie;
}

/** What must be equal in every part, with the words the error uses. */
const gelijk: [string, (k: Kwalificatie) => unknown][] = [
  ['SUT', (k) => ({ naam: k.sut.naam, versie: k.sut.versie, leverancier: k.sut.leverancier ?? null, soort: k.sut.soort })],
  ['named faults (--fault)', (k) => [...k.sut.faults].sort()],
  ['harness version', (k) => k.harness],
  ['protocol', (k) => k.protocol],
  ['gegevensset', (k) => k.gegevensset],
  ['seed (--seed)', (k) => k.seed],
  ['selection (--scenario, --role, --scenario-dir)', (k) => ({ scenarios: k.selectie.scenarios, rol: k.selectie.rol ?? null, map: k.selectie.scenarioMap ?? null, runs: k.selectie.runs })],
  ['full set (roles, runs, requirements)', (k) => k.reikwijdte],
];

const shardOf = (deel: string | undefined) => deel?.split('/').map(Number) as [number, number] | undefined;

export function samenvoegen(delen: readonly Deel[]): Kwalificatie {
  const [eerste] = delen;
  if (!eerste) throw new MergeFout('give at least one report folder.');
  for (const d of delen)
    if (d.kwalificatie.delen) throw new MergeFout(`${d.map} is itself a merged report; merge the part folders it was made of.`);
  for (const d of delen.slice(1))
    for (const [wat, waarde] of gelijk) {
      const a = JSON.stringify(waarde(eerste.kwalificatie));
      const b = JSON.stringify(waarde(d.kwalificatie));
      if (a !== b) throw new MergeFout(`${d.map} has a different ${wat} than ${eerste.map}: ${b} versus ${a}. Only the parts of one qualification run can be merged.`);
    }

  // Every part of one split, each once.
  const gezien = new Map<string, string>();
  for (const d of delen) {
    const deel = d.kwalificatie.selectie.deel;
    const shard = shardOf(deel);
    const eersteShard = shardOf(eerste.kwalificatie.selectie.deel);
    if (deel && eersteShard && shard && shard[1] !== eersteShard[1])
      throw new MergeFout(`${d.map} is part ${deel} and ${eerste.map} part ${eerste.kwalificatie.selectie.deel}: parts of different splits (--shard I/N with another N).`);
    if (deel && gezien.has(deel)) throw new MergeFout(`${gezien.get(deel)} and ${d.map} are both part ${deel}.`);
    if (deel) gezien.set(deel, d.map);
  }
  const runVan = new Map<string, string>();
  for (const d of delen)
    for (const s of d.kwalificatie.scenarios) {
      const run = runKey(s.id, s.role);
      const ander = runVan.get(run);
      if (ander) throw new MergeFout(`run ${run} is in both ${ander} and ${d.map}; each run may be in one part only.`);
      runVan.set(run, d.map);
    }

  const k = eerste.kwalificatie;
  const { deel: _deel, ...selectie } = k.selectie;
  return metOordeel({
    sut: k.sut,
    harness: k.harness,
    protocol: k.protocol,
    gegevensset: k.gegevensset,
    datum: delen.map((d) => d.kwalificatie.datum).sort()[0]!,
    // The parts ran side by side: the merge took as long as its longest part.
    duurMs: Math.max(...delen.map((d) => d.kwalificatie.duurMs)),
    uitvoerder: [...new Set(delen.map((d) => d.kwalificatie.uitvoerder))].join(', '),
    seed: k.seed,
    selectie,
    reikwijdte: k.reikwijdte,
    delen: delen.map((d) => ({ map: d.map, ...(d.kwalificatie.selectie.deel ? { deel: d.kwalificatie.selectie.deel } : {}), datum: d.kwalificatie.datum, uitvoerder: d.kwalificatie.uitvoerder })),
    scenarios: delen.flatMap((d) => d.kwalificatie.scenarios),
    // A requirement fails when it failed in any part and passes when it passed in one and failed in none, as in one run.
    requirements: k.requirements.map((eis) => {
      const inDelen = delen.map((d) => d.kwalificatie.requirements.find((r) => r.id === eis.id));
      const heeft = (status: RequirementStatus) => inDelen.some((r) => r?.status === status);
      const status: RequirementStatus = heeft('failed') ? 'failed' : heeft('passed') ? 'passed' : 'untested';
      return { ...eis, status, scenarios: [...new Set(inDelen.flatMap((r) => r?.scenarios ?? []))] };
    }),
  });
}
