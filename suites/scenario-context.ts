/** What a scenario step sees while it runs: the world, who plays bron and doel, and what earlier steps established. */
import type { Leerling } from '../simulator/dossier/leerling.ts';
import { decodeEnvelope } from '../simulator/protocol/soap.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';
import type { World } from '../simulator/world.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';
import type { OntvangenBijPartij, Partij } from './partij.ts';
import type { Requirement } from './requirements.ts';

export type Rol = 'bron' | 'doel';

export interface ScenarioContext {
  world: World;
  /** The role the system under test plays in this run. */
  rol: Rol;
  /** How the SUT is driven (for what no party does: the release switch). */
  sut: SutAdapter;
  bron: Partij;
  doel: Partij;
  /** Who plays bron and doel for a transfer profile (a pupil who moves twice changes profile within one scenario). */
  cast(profiel: ScenarioProfiel): { bron: Partij; doel: Partij };
  /** The gegevensset release the world works in now. */
  release: string;
  /** Moves the run to a date of the scenario ("na de zomerrelease"), at the SUT too where it can; returns what happened. */
  zetDatum(uitdrukking: string): Promise<string>;
  eis(id: string): Requirement;
  leerling(id: string): Leerling;
  /** The session of the last opvragen, once a step has established it. */
  sessie?: Sessie;
}

export interface Sessie {
  sessieId: string;
  resultaat: string;
  leerling: Leerling;
}

export interface StepDefinition<A = Record<string, unknown>> {
  naam: string;
  /**
   * An `actie` drives the parties and later steps build on it; a `controle` only inspects, so a run goes on after a
   * failed controle and reports every finding, not just the first.
   */
  soort: 'actie' | 'controle';
  /**
   * Requirement ids this step verifies when the SUT plays the given role; none means the step only drives. A function
   * when they depend on the step's arguments (an opvragen that expects a refusal verifies other duties than a delivery).
   */
  eisen: Partial<Record<Rol, readonly string[]>> | ((args: A) => Partial<Record<Rol, readonly string[]>>);
  titel(args: A): string;
  run(ctx: ScenarioContext, args: A): Promise<void>;
}

/** The transfer profiles a scenario can use: who is bron and who is doel. */
export type ScenarioProfiel = 'POVO' | 'POPO' | 'VOVO' | 'binnen-BRIN' | 'POSWV';

/** The requirements a step verifies with these arguments when the SUT plays the role. */
export function stapEisen<A>(definitie: StepDefinition<A>, args: A, rol: Rol): readonly string[] {
  const eisen = typeof definitie.eisen === 'function' ? definitie.eisen(args) : definitie.eisen;
  return eisen[rol] ?? [];
}

/** The readable name of an exchange, as the Allure step shows it. */
export function beschrijf(e: Exchange): string {
  return `#${e.seq} ${e.operation} ${e.van} → ${e.naar} (${e.uitkomst})`;
}

/** The TC's record of an operation in the session, from the given party. */
export function tcBericht(ctx: ScenarioContext, operation: string, sessieId: string, van?: Partij): Exchange[] {
  return ctx.world.log
    .all()
    .filter((e) => e.recordedBy === 'TC' && e.operation === operation && e.sessieId === sessieId && (!van || e.peerOin === van.oin));
}

/**
 * The documentRequest exchange of the session at the bron's AP, as the world saw it (sent to or received by a testschool);
 * where the bron BRIN has more APs, the one of the scenario's bron.
 */
export function documentRequestVan(ctx: ScenarioContext, sessieId: string): Exchange | undefined {
  const inSessie = ctx.world.log.all().filter((e) => e.operation === 'documentRequest' && e.sessieId === sessieId);
  const aanBron = inSessie.find((e) => {
    try {
      const d = decodeEnvelope(e.request);
      return d.kind === 'message' && d.name === 'documentRequest' && d.body.bronRouteringsKenmerk === ctx.bron.school.routeringsKenmerk;
    } catch {
      return false;
    }
  });
  return aanBron ?? inSessie[0];
}

/** What the doel did with the pupil's dossiers: in the current session, or all of them when no session is known or reported. */
export async function ontvangenVan(ctx: ScenarioContext, leerling: Leerling): Promise<OntvangenBijPartij[]> {
  const sessieId = ctx.sessie?.sessieId;
  return (await ctx.doel.ontvangen()).filter((o) => o.pgn === leerling.pgn.waarde && (!sessieId || !o.sessieId || o.sessieId === sessieId));
}

export function vereisSessie(ctx: ScenarioContext, stap: string): Sessie {
  if (!ctx.sessie) throw new Error(`Stap ${stap} heeft een sessie nodig: zet er een opvragen-stap vóór in het scenario.`);
  return ctx.sessie;
}
