/**
 * What a loaded scenario is: its steps bound to their definitions, the start state lifted out. The scenario engine (the
 * runner) works on this; the loader that fills it from YAML and the step catalogue lives in suites/scenario.ts, above
 * the steps, so that the engine never depends on the steps it runs.
 */
import type { CatalogueId } from '../certs/catalogue-entries.ts';
import type { Uitbreiding, WorldServer } from '../simulator/world.ts';
import type { Rol, ScenarioProfiel, StepDefinition } from './scenario-context.ts';

export interface ScenarioStap {
  naam: string;
  args: Record<string, unknown>;
  regel: number;
  definitie: StepDefinition<never>;
}

/** A scenario file as the schema describes it. */
export interface RawScenario {
  id: string;
  titel: string;
  beschrijving?: string;
  capaciteit: string;
  profiel: ScenarioProfiel;
  rollen: Rol[];
  eisen: string[];
  begintoestand?: { datum?: string; nietsKlaargezet?: boolean; gegevensset?: string; uitbreidingen?: Uitbreiding[]; certificaten?: Partial<Record<WorldServer, CatalogueId>> };
  stappen: Record<string, Record<string, unknown>>[];
}

/** A loaded scenario: checked, its steps bound to their definitions, the start date lifted out. */
export interface Scenario extends Omit<RawScenario, 'begintoestand' | 'stappen'> {
  /** As the scenario states it: relative to the school year ("16 maart", "na de zomerrelease") or a fixed day. */
  datum?: string;
  /** The scenario assumes the SUT as bron has nothing klaargezet for its pupils: without a reset its bron run cannot be judged. */
  nietsKlaargezet?: boolean;
  /** The release the world starts in, when not the current one. */
  gegevensset?: string;
  uitbreidingen?: Uitbreiding[];
  /** Bad server certificates that world parties present instead of their own. */
  certificaten?: Partial<Record<WorldServer, CatalogueId>>;
  stappen: ScenarioStap[];
  bestand: string;
}
