/**
 * Scenarios as data: loading scenarios/*.yaml, checking them against scenarios/scenario.schema.json and against the
 * step and requirement catalogues, and reporting any problem with file, line and column before anything runs.
 * The loader binds each step to its definition in the step catalogue, so it sits above the steps; what a loaded
 * scenario is (suites/scenario-model.ts) sits below them, with the runner.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureLeerling } from '../fixtures/leerlingen.ts';
import { datumInSchooljaar } from '../simulator/schooljaar.ts';
import { loadRequirements, type Requirement } from './requirements.ts';
import { stapEisen, type Rol } from './scenario-context.ts';
import type { RawScenario, Scenario, ScenarioStap } from './scenario-model.ts';
import { stepCatalogue } from './steps/catalogue.ts';
import { readYamlSource, SourceError } from './yaml-source.ts';

export const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

const schema = JSON.parse(readFileSync(join(scenariosDir, 'scenario.schema.json'), 'utf8')) as object;
const validate = new Ajv.default({ allErrors: false }).compile<RawScenario>(schema);

/** The requirements a scenario verifies when the SUT plays the given role: derived from its steps, never by hand. */
export function eisenVoor(scenario: Scenario, rol: Rol): string[] {
  return [...new Set(scenario.stappen.flatMap((s) => stapEisen(s.definitie, s.args as never, rol)))];
}

export function loadScenario(file: string, requirements: ReadonlyMap<string, Requirement>): Scenario {
  const source = readYamlSource(file);
  const fail = (path: string, detail: string, key?: string): never => {
    const at = source.position(path, key);
    throw new SourceError(file, at.line, at.column, detail);
  };
  if (!validate(source.data)) {
    const err = validate.errors![0]!;
    const extra = (err.params as { additionalProperty?: string }).additionalProperty;
    const allowed = err.keyword === 'enum' ? ` (allowed: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    fail(err.instancePath, `${err.instancePath || '/'}: ${extra ? `unknown field '${extra}'` : err.message}${allowed}`, extra);
  }
  const raw = source.data as RawScenario;
  // A day the calendar lacks ("31 april") stops the run here, not halfway through a qualification.
  const datums = [
    ['/begintoestand/datum', raw.begintoestand?.datum],
    ...raw.stappen.map((stap, i) => [`/stappen/${i}/zomerrelease/datum`, (stap['zomerrelease'] as { datum?: string } | undefined)?.datum] as const),
  ] as const;
  for (const [pad, datum] of datums) {
    if (datum === undefined) continue;
    try {
      datumInSchooljaar(datum, '2026-01-01');
    } catch (e) {
      fail(pad, (e as Error).message);
    }
  }
  const stappen = raw.stappen.map((stap, i): ScenarioStap => {
    const [naam, args] = Object.entries(stap)[0]!;
    const definitie = stepCatalogue.get(naam) ?? fail(`/stappen/${i}`, `unknown step '${naam}'; known: ${[...stepCatalogue.keys()].join(', ')}`);
    const leerling = (args as { leerling?: unknown }).leerling;
    if (typeof leerling === 'string') {
      try {
        fixtureLeerling(leerling);
      } catch (e) {
        fail(`/stappen/${i}/${naam}/leerling`, (e as Error).message);
      }
    }
    return { naam, args: args ?? {}, regel: source.position(`/stappen/${i}`).line, definitie };
  });
  raw.eisen.forEach((id, i) => requirements.has(id) || fail(`/eisen/${i}`, `requirement ${id} is not in scenarios/requirements.yaml`));

  const scenario: Scenario = {
    id: raw.id,
    titel: raw.titel,
    ...(raw.beschrijving ? { beschrijving: raw.beschrijving.trim() } : {}),
    capaciteit: raw.capaciteit,
    profiel: raw.profiel,
    rollen: raw.rollen,
    eisen: raw.eisen,
    ...(raw.begintoestand?.datum ? { datum: raw.begintoestand.datum } : {}),
    ...(raw.begintoestand?.nietsKlaargezet ? { nietsKlaargezet: true } : {}),
    ...(raw.begintoestand?.gegevensset ? { gegevensset: raw.begintoestand.gegevensset } : {}),
    ...(raw.begintoestand?.uitbreidingen ? { uitbreidingen: raw.begintoestand.uitbreidingen } : {}),
    ...(raw.begintoestand?.certificaten ? { certificaten: raw.begintoestand.certificaten } : {}),
    stappen,
    bestand: file,
  };
  // The declared requirements must be exactly those the steps verify in the scenario's roles, so coverage cannot drift.
  const afgeleid = new Set(scenario.rollen.flatMap((rol) => eisenVoor(scenario, rol)));
  const teVeel = raw.eisen.filter((id) => !afgeleid.has(id));
  const teWeinig = [...afgeleid].filter((id) => !raw.eisen.includes(id));
  if (teVeel.length || teWeinig.length)
    fail(
      '/eisen',
      [
        teVeel.length ? `no step verifies ${teVeel.join(', ')}` : '',
        teWeinig.length ? `the steps also verify ${teWeinig.join(', ')}; add them to eisen` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  return scenario;
}

export function loadScenarios(dir = scenariosDir, requirements: ReadonlyMap<string, Requirement> = loadRequirements()): Scenario[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'requirements.yaml')
    .sort();
  const scenarios = files.map((f) => loadScenario(join(dir, f), requirements));
  const seen = new Map<string, string>();
  for (const s of scenarios) {
    const earlier = seen.get(s.id);
    if (earlier) throw new SourceError(s.bestand, 1, 1, `scenario id ${s.id} is also in ${earlier}`);
    seen.set(s.id, s.bestand);
  }
  return scenarios;
}

/** Whether a scenario id matches one of the --scenario filters (an id, or a glob with *). */
export function matchesFilter(id: string, filters: readonly string[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => new RegExp(`^${f.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(id));
}
