/**
 * Runs one scenario in one SUT role against a started world: casts the parties (which side is the SUT, which a
 * testschool), sets the simulated clock, and runs the steps in order, reporting each step with the messages it caused.
 */
import { fixtureLeerling } from '../fixtures/leerlingen.ts';
import { testscholen } from '../fixtures/scholen.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';
import type { Uitbreiding, World } from '../simulator/world.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { beginstand, NietUitvoerbaar } from './beginstand.ts';
import { CheckFailure } from './check-failure.ts';
import { RunKlok } from './run-klok.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import { sutAlsPartij, testschoolPartij, type Partij } from './partij.ts';
import { requireEis, type Requirement } from './requirements.ts';
import { stapEisen, type Rol, type ScenarioContext, type ScenarioProfiel } from './scenario-context.ts';
import type { Scenario } from './scenario-model.ts';

/**
 * How a run tells the report about its steps; the Allure reporter implements it, tests record it, and the fault matrix
 * (which replays every run once per fault) discards it.
 */
export interface StepReporter {
  step(titel: string, body: () => Promise<void>): Promise<void>;
  /** The exchanges a step caused, reported inside that step. */
  exchanges(exchanges: readonly Exchange[]): Promise<void>;
  /** Evidence of the current step (a certificate presented, what the SUT showed its user). */
  attachment(naam: string, inhoud: string, contentType: 'application/json'): Promise<void>;
}

export interface RunOptions {
  world: World;
  scenario: Scenario;
  rol: Rol;
  requirements: ReadonlyMap<string, Requirement>;
  reporter: StepReporter;
  /** How the SUT is driven. */
  sut: SutAdapter;
  /** Told, per requirement a step verifies, whether the SUT met it; requirements of steps never reached stay untold. */
  onEis?: (id: string, uitkomst: 'passed' | 'failed') => void;
}

/** Runs a step as a reported step, reporting inside it the messages it caused. */
export async function reportedStep(reporter: StepReporter, world: World, titel: string, body: () => Promise<void>): Promise<void> {
  await reporter.step(titel, async () => {
    const since = world.log.lastSeq;
    try {
      await body();
    } finally {
      await reporter.exchanges(world.log.since(since));
    }
  });
}

/**
 * A step whose title says what came of it (the SUT was reset, or offers no reset): done first, then reported under the
 * title it returned, or under `titel` with its error, so a failing adapter call still breaks the run inside a step.
 */
async function stapMetUitkomst(reporter: StepReporter, world: World, titel: string, doe: () => Promise<string>): Promise<void> {
  const since = world.log.lastSeq;
  let uitkomst: string | undefined;
  let fout: unknown;
  try {
    uitkomst = await doe();
  } catch (e) {
    fout = e;
  }
  await reporter.step(uitkomst ?? titel, async () => {
    await reporter.exchanges(world.log.since(since));
    if (uitkomst === undefined) throw fout;
  });
}

/** Bron and doel for a transfer profile; the SUT takes the side of its role, a testschool the other. */
export function castParties(world: World, rol: Rol, adapter: SutAdapter, profiel: ScenarioProfiel = 'POVO'): { bron: Partij; doel: Partij } {
  const sut = (sector: 'po' | 'vo') => sutAlsPartij(world, adapter, sector);
  const testschool = (sector: 'po' | 'vo') => {
    const oin = world.pki.parties.get(sector === 'po' ? 'testschool-po' : 'testschool-vo')!.oin;
    return testschoolPartij(world.testscholen[sector], testscholen[sector], oin);
  };
  const extra = (u: Uitbreiding) => {
    const e = world.extraScholen[u];
    if (!e) throw new Error(`Profiel ${profiel} heeft de uitbreiding '${u}' van de wereld nodig: zet 'uitbreidingen: [${u}]' in de begintoestand van het scenario.`);
    return testschoolPartij(e.las, e.school, e.oin);
  };
  // The sectors of bron and doel per profile; binnen-BRIN is another vestiging of the SUT's PO school, an SWV only receives.
  switch (profiel) {
    case 'POVO':
      return rol === 'bron' ? { bron: sut('po'), doel: testschool('vo') } : { bron: testschool('po'), doel: sut('vo') };
    case 'POPO':
      return rol === 'bron' ? { bron: sut('po'), doel: testschool('po') } : { bron: testschool('po'), doel: sut('po') };
    case 'VOVO':
      return rol === 'bron' ? { bron: sut('vo'), doel: testschool('vo') } : { bron: testschool('vo'), doel: sut('vo') };
    case 'binnen-BRIN':
      return rol === 'bron' ? { bron: sut('po'), doel: extra('binnen-brin') } : { bron: extra('binnen-brin'), doel: sut('po') };
    case 'POSWV':
      if (rol === 'doel') throw new Error('Een SWV-dossier ontvangt alleen een samenwerkingsverband; de SUT (een LAS) speelt daarin alleen de bron.');
      return { bron: sut('po'), doel: extra('swv') };
  }
}

export async function runScenario(options: RunOptions): Promise<void> {
  const { world, scenario, rol, requirements, reporter } = options;
  let begin: Awaited<ReturnType<typeof beginstand>> | undefined;
  await stapMetUitkomst(reporter, world, '0. Beginstand van de SUT', async () => {
    begin = await beginstand(options.sut);
    return begin.gereset
      ? '0. Beginstand: de testgegevens van de SUT zijn gewist (reset)'
      : '0. Beginstand: de SUT biedt geen reset; de run beoordeelt alleen wat tijdens de run bij de SUT binnenkomt';
  });
  const { sut, gereset } = begin!;
  if (scenario.nietsKlaargezet && rol === 'bron' && !gereset)
    throw new NietUitvoerbaar(
      `Niet uitgevoerd: dit scenario gaat ervan uit dat de SUT als bron niets heeft klaargezet voor zijn leerlingen, en ${world.sut.naam} biedt geen reset; een dossier uit een eerdere run zou het oordeel bepalen. Bied POST /reset aan (docs/control-api.md) om deze run te laten beoordelen.`,
    );
  const klok = new RunKlok(world.clock, sut);
  if (scenario.datum) await stapMetUitkomst(reporter, world, `0. De datum van de run: ${scenario.datum}`, async () => `0. ${await klok.zet(scenario.datum!)}`);
  // The world's LAS systems start in the scenario's release (a world option); the SUT is told to switch to it.
  if (scenario.gegevensset) await reportedStep(reporter, world, `0. De SUT werkt in gegevensset ${scenario.gegevensset}`, () => sut.wisselRelease(scenario.gegevensset!));
  const ctx: ScenarioContext = {
    world,
    rol,
    sut,
    ...castParties(world, rol, sut, scenario.profiel),
    cast: (profiel) => castParties(world, rol, sut, profiel),
    zetDatum: (uitdrukking) => klok.zet(uitdrukking),
    release: scenario.gegevensset ?? gegevensset2019.versie,
    eis: (id) => requireEis(requirements, id),
    leerling: fixtureLeerling,
  };
  const findings: CheckFailure[] = [];
  // A controle that verifies nothing of the SUT in this role would judge a testschool: not part of this run.
  const inDezeRol = scenario.stappen.filter((stap) => stap.definitie.soort !== 'controle' || stapEisen(stap.definitie, stap.args as never, rol).length > 0);
  // Numbered within the role, so the numbers never jump over a controle left out and match the operator's "stap k van n".
  for (const [i, stap] of inDezeRol.entries()) {
    const eisen = stapEisen(stap.definitie, stap.args as never, rol);
    const titel = `${i + 1}. ${stap.definitie.titel(stap.args as never)}`;
    options.sut.bijStap?.({ nummer: i + 1, aantal: inDezeRol.length, titel: stap.definitie.titel(stap.args as never) });
    try {
      await reportedStep(reporter, world, titel, async () => {
        try {
          await stap.definitie.run(ctx, stap.args as never);
          for (const id of eisen) options.onEis?.(id, 'passed');
        } catch (e) {
          if (e instanceof CheckFailure) options.onEis?.(e.details.eis.id, 'failed');
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof CheckFailure) || stap.definitie.soort === 'actie') throw findings.length && e instanceof CheckFailure ? combined([...findings, e]) : e;
      findings.push(e);
    }
  }
  if (findings.length) throw combined(findings);
}

/** One failure carrying every finding of the run, the first one leading. */
function combined(findings: CheckFailure[]): CheckFailure {
  if (findings.length === 1) return findings[0]!;
  const all = new CheckFailure(findings[0]!.details);
  all.message = findings.map((f) => f.message).join('\n\nOok afgekeurd:\n');
  return all;
}
