/**
 * kwalificatie.json: the qualification verdict, per scenario run and per requirement, built from Playwright's JSON
 * report of the qualification suite. Its shape is a stable contract (docs: architecture, "Command line").
 */
import { stripVTControlCharacters } from 'node:util';
import type { JSONReport, JSONReportSpec, JSONReportSuite } from '@playwright/test/reporter';
import { ANNOTATION } from '../suites/run-settings.ts';
import type { Requirement } from '../suites/requirements.ts';
import { runKey } from '../suites/catalogue.ts';
import { oordeel, type Reden, type Verdict } from './oordeel.ts';
import type { KwalificatieBelasting } from './belasting-in-kwalificatie.ts';

export type ScenarioStatus = 'passed' | 'failed' | 'skipped' | 'broken';
export type RequirementStatus = 'passed' | 'failed' | 'untested';

export interface Kwalificatie {
  verdict: Verdict;
  /** Why the set was incomplete (ONVOLLEDIG, or beside NIET_GESLAAGD when a run also failed); absent when complete. */
  onvolledig?: { redenen: Reden[] };
  /** An external SUT also names its vendor and the configuration file it was qualified with. */
  sut: { naam: string; versie: string; soort: 'ingebouwd' | 'extern'; faults: string[]; leverancier?: string; config?: string };
  harness: { naam: string; versie: string };
  protocol: { release: string; namespace: string };
  gegevensset: { versie: string; namespace: string };
  datum: string;
  duurMs: number;
  /** Who ran the qualification: OSO_UITVOERDER, or the user and machine. */
  uitvoerder: string;
  /** Seed of the synthetic test data: the same seed and harness version give the same dossiers. */
  seed: string;
  /**
   * What was asked for: the --scenario filters, --role, the part (--shard I/N), another scenario folder, and the runs
   * (`scenario/rol`) the filters select, before sharding.
   */
  selectie: { scenarios: string[]; rol?: string; deel?: string; scenarioMap?: string; runs: string[] };
  /** The full set for the SUT's roles: every run, and the requirements they verify (the requirement table's rows). */
  reikwijdte: { rollen: string[]; runs: string[]; eisen: string[] };
  /** qualify --tegen: the running serve the runs used, and the runs of the full set it cannot carry out, each with why. */
  tegen?: { url: string; nietUitvoerbaar: { run: string; reden: string }[] };
  /** A merged report (oso-testbank merge): the report folders it was made from. */
  delen?: { map: string; deel?: string; datum: string; uitvoerder: string }[];
  totalen: Record<ScenarioStatus, number>;
  scenarios: {
    id: string;
    titel: string;
    role: string;
    status: ScenarioStatus;
    requirements: string[];
    message?: string;
    durationMs: number;
  }[];
  requirements: { id: string; text: string; source: string; status: RequirementStatus; scenarios: string[] }[];
  /** The capacity test of `qualify --belasting`: informative, never part of the verdict (reports/belasting-in-kwalificatie.ts). */
  belasting?: KwalificatieBelasting;
}

export type KwalificatieContext = Omit<Kwalificatie, 'verdict' | 'onvolledig' | 'totalen' | 'scenarios' | 'requirements'>;

// Playwright escapes terminal colours into error messages; a report must not carry them.

function specs(suite: JSONReportSuite): JSONReportSpec[] {
  return [...suite.specs, ...(suite.suites ?? []).flatMap(specs)];
}

export function buildKwalificatie(report: JSONReport, requirements: ReadonlyMap<string, Requirement>, context: KwalificatieContext): Kwalificatie {
  const runs: Kwalificatie['scenarios'] = [];
  const outcomes = new Map<string, { failed: boolean; passed: boolean; scenarios: Set<string> }>();
  for (const spec of report.suites.flatMap(specs)) {
    for (const t of spec.tests) {
      const result = t.results.at(-1);
      const annotations = [...t.annotations, ...(result?.annotations ?? [])];
      const get = (type: string) => annotations.find((a) => a.type === type)?.description ?? '';
      const scenarioId = get(ANNOTATION.scenario);
      if (!scenarioId) continue;
      const role = get(ANNOTATION.rol);
      const message = stripVTControlCharacters(result?.error?.message ?? result?.errors.map((e) => e.message ?? '').join('\n') ?? '').replace(/^CheckFailure: /gm, '').trim();
      const status: ScenarioStatus =
        t.status === 'skipped'
          ? 'skipped'
          : t.status === 'expected'
            ? 'passed'
            : get(ANNOTATION.uitkomst) === 'afgekeurd'
              ? 'failed'
              : 'broken';
      runs.push({
        id: scenarioId,
        titel: spec.title.replace(/^\S+ \[[^\]]+\] /, ''),
        role,
        status,
        requirements: get(ANNOTATION.eisen).split(' ').filter(Boolean),
        ...(message ? { message } : {}),
        durationMs: Math.round(result?.duration ?? 0),
      });
      for (const a of annotations.filter((x) => x.type === ANNOTATION.eis)) {
        const [id, uitkomst] = (a.description ?? '').split('=');
        if (!id) continue;
        const o = outcomes.get(id) ?? { failed: false, passed: false, scenarios: new Set<string>() };
        if (uitkomst === 'failed') o.failed = true;
        if (uitkomst === 'passed') o.passed = true;
        o.scenarios.add(runKey(scenarioId, role));
        outcomes.set(id, o);
      }
    }
  }
  const inScope = new Set(context.reikwijdte.eisen);
  return metOordeel({
    ...context,
    scenarios: runs,
    requirements: [...requirements.values()]
      .filter((eis) => inScope.has(eis.id))
      .map((eis) => {
        const o = outcomes.get(eis.id);
        const status: RequirementStatus = o?.failed ? 'failed' : o?.passed ? 'passed' : 'untested';
        return { id: eis.id, text: eis.tekst, source: eis.bron, status, scenarios: [...(o?.scenarios ?? [])] };
      }),
  });
}

/**
 * Completes a report from its runs and requirement outcomes: totals, a stable order (runs by scenario and role, each
 * requirement's runs sorted) and the verdict with its reasons. A single run and a merge of parts both end here.
 */
export function metOordeel(k: Omit<Kwalificatie, 'verdict' | 'onvolledig' | 'totalen'>): Kwalificatie {
  const totalen: Record<ScenarioStatus, number> = { passed: 0, failed: 0, skipped: 0, broken: 0 };
  for (const r of k.scenarios) totalen[r.status]++;
  const scenarios = [...k.scenarios].sort((a, b) => a.id.localeCompare(b.id) || a.role.localeCompare(b.role));
  const requirements = k.requirements.map((r) => ({ ...r, scenarios: [...r.scenarios].sort() }));
  const { verdict, redenen } = oordeel({ ...k, scenarios, requirements });
  return { verdict, ...(redenen.length ? { onvolledig: { redenen } } : {}), ...k, totalen, scenarios, requirements };
}
