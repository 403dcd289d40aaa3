/**
 * The findings of a qualification, one per failed requirement: what was expected and what came, the likely cause,
 * which runs showed it. Read back from the runs' explanations in kwalificatie.json (the CheckFailure text: a line
 * `[EIS-NN] …` and under it `Verwacht:`, `Ontvangen:`, `Bericht:`, `Waarschijnlijke oorzaak:`). Runs that failed the
 * same way are one group, so a fault that breaks twenty runs is explained once.
 */
import { runKey } from '../suites/catalogue.ts';
import type { Kwalificatie } from './kwalificatie.ts';

export interface Uitleg {
  verwacht?: string;
  ontvangen?: string;
  bericht?: string;
  oorzaak?: string;
  /** The explanation as the run gave it, when it could not be read as fields. */
  tekst?: string;
}

export interface Bevinding {
  eis: Kwalificatie['requirements'][number];
  /** Runs with the same explanation, each group with the explanation of its first run. */
  groepen: { runs: string[]; uitleg: Uitleg }[];
}

const VELDEN: Record<string, keyof Uitleg> = {
  Verwacht: 'verwacht',
  Ontvangen: 'ontvangen',
  Bericht: 'bericht',
  'Waarschijnlijke oorzaak': 'oorzaak',
};

/** The requirement findings in one run's explanation (a run can fail more than one requirement). */
export function leesUitleg(message: string): { eis: string; uitleg: Uitleg }[] {
  const result: { eis: string; uitleg: Uitleg }[] = [];
  for (const line of message.split('\n')) {
    const kop = /^\[([A-Z]+-\d{2})\] /.exec(line);
    if (kop) {
      result.push({ eis: kop[1]!, uitleg: {} });
      continue;
    }
    const veld = /^\s+([^:]+): (.*)$/.exec(line);
    const key = veld && VELDEN[veld[1]!];
    if (key && result.length) result.at(-1)!.uitleg[key] = veld[2]!;
  }
  return result;
}

// Session ids and message numbers differ from run to run; what went wrong does not.
export const vergelijkbaar = (s = '') => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '…').replace(/#\d+/g, '#');

export function bevindingen(k: Pick<Kwalificatie, 'requirements' | 'scenarios'>): Bevinding[] {
  const failed = k.requirements.filter((r) => r.status === 'failed');
  const perEis = new Map(failed.map((eis) => [eis.id, { eis, groepen: new Map<string, Bevinding['groepen'][number]>() }]));
  for (const run of k.scenarios.filter((s) => s.status === 'failed')) {
    const key = runKey(run.id, run.role);
    let gelezen = leesUitleg(run.message ?? '').filter((u) => perEis.has(u.eis));
    // An explanation in another form still belongs to the failed requirements the run verifies.
    if (!gelezen.length) gelezen = run.requirements.filter((id) => perEis.has(id)).map((eis) => ({ eis, uitleg: { tekst: run.message ?? '' } }));
    for (const { eis, uitleg } of gelezen) {
      const groepen = perEis.get(eis)!.groepen;
      const id = uitleg.tekst !== undefined ? `tekst:${vergelijkbaar(uitleg.tekst)}` : `${vergelijkbaar(uitleg.ontvangen)}\n${vergelijkbaar(uitleg.oorzaak)}`;
      const groep = groepen.get(id) ?? { runs: [], uitleg };
      if (!groep.runs.includes(key)) groep.runs.push(key);
      groepen.set(id, groep);
    }
  }
  return [...perEis.values()].map(({ eis, groepen }) => ({ eis, groepen: [...groepen.values()].sort((a, b) => b.runs.length - a.runs.length) }));
}

/** At most this many items of a list in a sentence; the rest is counted (the full list is in the Allure report). */
const IN_LIJST = 4;

/**
 * Shortens the long lists in an explanation — `37 bijlage(n) bewaard: a (SHA-256 …), b (…), …` — to their first few
 * items and a count. Clauses are separated by `; `, a clause's list follows its `: `, items by `, ` outside brackets.
 */
export function kortLijsten(tekst: string): string {
  return tekst
    .split('; ')
    .map((clause) => {
      const colon = clause.indexOf(': ');
      if (colon < 0) return clause;
      const items = splitOutsideBrackets(clause.slice(colon + 2));
      if (items.length <= IN_LIJST + 1) return clause;
      return `${clause.slice(0, colon + 2)}${items.slice(0, IN_LIJST).join(', ')} en ${items.length - IN_LIJST} meer`;
    })
    .join('; ');
}

function splitOutsideBrackets(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && list.startsWith(', ', i)) {
      items.push(list.slice(start, i));
      start = i + 2;
    }
  }
  items.push(list.slice(start));
  return items;
}
