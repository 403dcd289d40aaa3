/**
 * A capacity run: the profile's steps driven open-loop (simulator/load/open-loop.ts) against the LAS under test in the
 * roles asked, each arrival one complete exchange of a pupil drawn from the mix, every message timed, every Nth exchange
 * judged by the requirements (steekproef.ts); then the result judged per step against the limits.
 */
import { createHash } from 'node:crypto';
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import type { BelastingLeerlingen } from './belasting-leerlingen.ts';
import { BelastingMeting } from '../../simulator/load/belasting-meting.ts';
import { DAG_PER_SECONDE, landelijkeCijfers, PIEK_PER_SECONDE, type Profiel, type Stap } from '../../simulator/load/belasting-profielen.ts';
import { runOpenLoop, type Aankomst, type Aankomsten } from '../../simulator/load/open-loop.ts';
import { seededRandom } from '../../simulator/load/seeded-random.ts';
import { sutSchool, type World } from '../../simulator/world.ts';
import type { OntvangenDossier } from '../../simulator/control-api.ts';
import type { SutAdapter } from '../adapters/sut-adapter.ts';
import { beoordeelStap, breekpuntVan, type Belastingresultaat, type EisSteekproef, type Grenzen, type StapResultaat } from './belastingresultaat.ts';
import { controleerDossier, controleerInLog, controleerOpgeslagen, type Controle } from './steekproef.ts';
import { bronUitwisseling, doelUitwisseling, klaarzettenVoorBelasting, type BelastingRol, type UitwisselingContext } from './uitwisselingen.ts';

export interface BelastingOptions {
  world: World;
  sut: SutAdapter;
  sutInfo: { naam: string; versie?: string };
  harness: string;
  profiel: Profiel;
  stappen: Stap[];
  rollen: BelastingRol[];
  grenzen: Grenzen;
  aankomsten?: Aankomsten;
  seed?: string;
  faults?: string[];
  /** Judge every Nth exchange by the requirements (default 10). */
  steekproefElke?: number;
  berichtMs: number;
  /** Width of a window of the time series (default: the run in about 60 windows, at least a second). */
  vensterMs?: number;
  /** Called after each step with its judgement (progress on the terminal). */
  naStap?: (s: StapResultaat, van: number) => void;
  /** A ramp stops after the first step over the limits (default true). */
  stopNaBreuk?: boolean;
  /** The pupils (belasting-leerlingen.ts), known to the world's LAS systems; default the fixture pupils only. */
  leerlingen?: BelastingLeerlingen;
  /**
   * Whether the LAS under test knows the generated pupils (default true: the embedded reference LAS shares the world's
   * pupils). A vendor LAS knows only the fixture pupils, so as bron it is asked for those; as doel it asks the PO
   * testschool, which knows them all.
   */
  sutKentGegenereerd?: boolean;
}

/** The pupils of the mix: the regular ones share what the zorgdossiers leave (landelijkeCijfers), the zorg ones the rest. */
export function leerlingmix(leerlingen: readonly Leerling[]): { leerling: Leerling; aandeel: number }[] {
  const zorg = landelijkeCijfers.aandeelZorgdossier.waarde;
  const veel = landelijkeCijfers.aandeelVeelBijlagen.waarde;
  const veelBijlagen = (l: Leerling) => (l.extraBijlagen ?? 0) > 0;
  const regulier = leerlingen.filter((l) => !l.zorg);
  const zorgGewoon = leerlingen.filter((l) => l.zorg && !veelBijlagen(l));
  const zorgVeel = leerlingen.filter((l) => l.zorg && veelBijlagen(l));
  const deel = (groep: Leerling[], aandeel: number) => groep.map((leerling) => ({ leerling, aandeel: aandeel / groep.length }));
  return [...deel(regulier, 1 - zorg), ...deel(zorgGewoon, zorg * (zorgVeel.length ? 1 - veel : 1)), ...deel(zorgVeel, zorgGewoon.length ? zorg * veel : zorg)];
}

/** Warm-up exchanges at once. */
const WARMUP_TEGELIJK = 4;

/** Runs `doe` for every item, at most `tegelijk` at a time. */
async function metHoogstensTegelijk<T>(items: readonly T[], tegelijk: number, doe: (item: T) => Promise<unknown>): Promise<void> {
  let volgende = 0;
  const werker = async () => {
    while (volgende < items.length) await doe(items[volgende++]!);
  };
  await Promise.all(Array.from({ length: Math.min(tegelijk, items.length) }, werker));
}

/** Sampled dossiers kept for judging after the run, at most: memory stays bounded on a long run. */
const MAX_LATER = 2000;

export async function runBelasting(options: BelastingOptions): Promise<Belastingresultaat> {
  const { world, rollen, grenzen } = options;
  const seed = options.seed ?? '1';
  const pool = options.leerlingen ?? { fixture: loadFixtureLeerlingen(), gegenereerd: [] };
  const alle = [...pool.fixture, ...pool.gegenereerd];
  const mixVoor: Record<BelastingRol, ReturnType<typeof leerlingmix>> = {
    bron: leerlingmix(options.sutKentGegenereerd === false ? pool.fixture : alle),
    doel: leerlingmix(alle),
  };
  const ctx: UitwisselingContext = { world, sut: options.sut, berichtMs: options.berichtMs };
  /** The dossier the PO testschool delivers for each pupil (by PGN), to compare what the LAS as doel stored (DOEL-07). */
  const geleverdAanDoel = new Map<string, string>();
  for (const rol of rollen) for (const [pgn, xml] of await klaarzettenVoorBelasting(ctx, [rol], mixVoor[rol].map((m) => m.leerling))) geleverdAanDoel.set(pgn, xml);
  // A warm-up, not counted, so that what happens once (TLS sessions, the JIT, a dossier built for the first time) does not
  // count as the load's latency or as the generator's lag: as bron each pupil once (the LAS builds each pupil's dossier
  // at its first request; the embedded reference LAS would build it in the generator's own process), as doel each
  // fixture pupil once (the testschool's dossiers are built already). A few at a time: the LAS is idle meanwhile.
  for (const rol of rollen) {
    const warm = rol === 'bron' ? mixVoor.bron : mixVoor.doel.filter((m) => pool.fixture.includes(m.leerling));
    await metHoogstensTegelijk(warm, WARMUP_TEGELIJK, ({ leerling }) => (rol === 'bron' ? bronUitwisseling(ctx, leerling) : doelUitwisseling(ctx, leerling)));
  }

  const duurMs = options.stappen.reduce((s, x) => s + x.duurMs, 0);
  const vensterMs = options.vensterMs ?? Math.max(1000, Math.ceil(duurMs / 60 / 1000) * 1000);
  const meting = new BelastingMeting(vensterMs, grenzen.generatorAchterstandMs);
  const kies = seededRandom(`${seed}|leerlingen`);
  const trekLeerling = (rol: BelastingRol) => {
    const mix = mixVoor[rol];
    let r = kies();
    for (const m of mix) if ((r -= m.aandeel) < 0) return m.leerling;
    return mix.at(-1)!.leerling;
  };
  const getrokken = new Set<string>();
  const steekproefElke = options.steekproefElke ?? 10;
  const eisen = new Map<string, EisSteekproef>();
  let gesteekt = 0;
  const voorbeeldfouten: Record<string, string> = {};
  let gestartOp = 0;
  const klok = () => performance.now() - gestartOp;
  const stapResultaten: StapResultaat[] = [];

  /** Per step, the arrivals still in flight: a ramp waits for them before the next step. */
  const inBehandeling = new Map<number, Set<Promise<void>>>();
  /**
   * Sampled exchanges judged after the run: a bron dossier's validation in the middle of it would stall the generator's
   * schedule, and reading back what the LAS as doel stored would load the LAS.
   */
  const later: { a: Aankomst; rol: BelastingRol; leerling: Leerling; u: Awaited<ReturnType<typeof bronUitwisseling>> }[] = [];
  const telControles = (a: Aankomst, rol: BelastingRol, controles: Controle[]) => {
    for (const c of controles) {
      const e = eisen.get(c.eis) ?? { eis: c.eis, gecontroleerd: 0, mislukt: 0 };
      e.gecontroleerd++;
      if (c.bevinding) {
        e.mislukt++;
        e.voorbeeld ??= c.bevinding;
      }
      eisen.set(c.eis, e);
    }
    if (!controles.some((c) => c.bevinding)) return true;
    meting.fout(a, 'controle');
    voorbeeldfouten['controle'] ??= `${rol}: ${controles.filter((c) => c.bevinding).map((c) => `[${c.eis}] ${c.bevinding}`).join('; ')}`;
    return false;
  };

  const uitwisseling = async (a: Aankomst, rol: BelastingRol, nummer: number) => {
    const leerling = trekLeerling(rol);
    getrokken.add(leerling.id);
    const u = rol === 'bron' ? await bronUitwisseling(ctx, leerling) : await doelUitwisseling(ctx, leerling);
    for (const [soort, ms] of u.berichten) meting.latentie(a, soort, ms);
    if (u.fout) {
      meting.fout(a, u.fout.soort);
      voorbeeldfouten[u.fout.soort] ??= `${rol}: ${u.fout.tekst}`;
      return;
    }
    meting.voltooid(a, klok());
    if (nummer % steekproefElke === 0) {
      gesteekt++;
      // What the TC's log shows is read now, while the log still holds it; the dossier is judged after the run.
      if (!telControles(a, rol, controleerInLog(world, u))) return;
      if (later.length < MAX_LATER) later.push({ a, rol, leerling, u });
    }
  };

  const sluitStap = (index: number, nogOpen: number) => {
    const stap = options.stappen[index]!;
    const s = beoordeelStap(meting.stap(index), { index, snelheid: stap.snelheid, duurMs: stap.duurMs }, rollen, grenzen, nogOpen);
    stapResultaten.push(s);
    options.naStap?.(s, options.stappen.length);
    return s;
  };
  gestartOp = performance.now();
  // Each arrival is one exchange in every role asked: the LAS sees the rate as bron and as doel at once, as in March.
  const verloop = await runOpenLoop({
    stappen: options.stappen,
    aankomsten: options.aankomsten ?? 'poisson',
    seed,
    nu: () => performance.now(),
    voorStap: (index) => {
      // The previous step was judged when its time was up, on the answers in by then; the final judgement below, with
      // every answer in, may find a step over the limits one earlier than the ramp noticed: the ramp then ran one step more.
      if (index > 0 && (options.stopNaBreuk ?? true) && stapResultaten.at(-1)?.oordeel === 'overschreden') return false;
      return true;
    },
    start: async (a) => {
      meting.gestart(a);
      const set = inBehandeling.get(a.stap) ?? new Set();
      inBehandeling.set(a.stap, set);
      const p = Promise.all(rollen.map((rol) => uitwisseling(a, rol, a.index))).then(() => {});
      set.add(p);
      await p;
      set.delete(p);
    },
    nietGestart: (a) => meting.fout(a, 'niet-gestart'),
    stapKlaar: async (index) => {
      // Give the step's answers until the p99 limit to come in: what is still open then is over the limit anyway.
      const open = [...(inBehandeling.get(index) ?? [])];
      let wacht: NodeJS.Timeout | undefined;
      if (open.length) await Promise.race([Promise.all(open), new Promise<void>((r) => (wacht = setTimeout(r, grenzen.p99Ms)))]);
      clearTimeout(wacht);
      sluitStap(index, inBehandeling.get(index)?.size ?? 0);
    },
  });

  const bronBrin = sutSchool(world.sut, 'po').brin;
  const release = world.testscholen.vo.release();
  for (const { a, rol, leerling, u } of later) if (rol === 'bron') telControles(a, rol, controleerDossier(u, { leerling, bronBrin, release }));
  const doel = later.filter((x) => x.rol === 'doel');
  if (doel.length) {
    // One read of what the LAS stored, after the run: reading it back per exchange would itself load the LAS.
    let ontvangen: OntvangenDossier[] | Error;
    try {
      ontvangen = await options.sut.ontvangen();
    } catch (e) {
      ontvangen = e as Error;
    }
    for (const { a, rol, leerling, u } of doel)
      telControles(
        a,
        rol,
        ontvangen instanceof Error
          ? [{ eis: 'DOEL-04', bevinding: `wat de LAS opsloeg kon niet worden gelezen (GET /dossiers): ${ontvangen.message}` }]
          : controleerOpgeslagen(u, leerling, ontvangen, geleverdAanDoel.get(leerling.pgn.waarde)),
      );
  }
  // Judged again now that every answer is in: a step's slow answers count for the step that caused them.
  const definitief = stapResultaten.map((voorlopig) => ({
    ...beoordeelStap(meting.stap(voorlopig.index), { index: voorlopig.index, snelheid: voorlopig.snelheid, duurMs: voorlopig.duurMs }, rollen, grenzen),
    beginMs: verloop.stapBeginMs[voorlopig.index] ?? 0,
  }));
  const { breekpunt, oordeel } = breekpuntVan(definitief);
  const totaal = meting.totaal();
  return {
    soort: 'oso-testbank-belasting',
    versie: 1,
    sut: options.sutInfo,
    harness: options.harness,
    datum: new Date().toISOString(),
    profiel: options.profiel,
    aankomsten: options.aankomsten ?? 'poisson',
    seed,
    rollen,
    faults: options.faults ?? [],
    duurMs: definitief.reduce((s, x) => s + x.duurMs, 0),
    vensterMs,
    grenzen,
    aannames: Object.entries(landelijkeCijfers).map(([naam, c]) => ({ naam, waarde: c.waarde, toelichting: c.toelichting })),
    piekPerSeconde: PIEK_PER_SECONDE,
    dagPerSeconde: DAG_PER_SECONDE,
    leerlingmix: mixVoor[rollen.includes('doel') ? 'doel' : 'bron'].map((m) => ({ id: m.leerling.id, zorg: !!m.leerling.zorg, ...(m.leerling.extraBijlagen ? { extraBijlagen: m.leerling.extraBijlagen } : {}), aandeel: m.aandeel })),
    leerlingen: {
      fixture: pool.fixture.length,
      gegenereerd: pool.gegenereerd.length,
      verschillend: alle.length,
      perRol: Object.fromEntries(rollen.map((rol) => [rol, mixVoor[rol].length])),
      getrokken: getrokken.size,
      vingerafdruk: createHash('sha256').update(alle.map((l) => `${l.id}=${l.pgn.waarde}`).join('\n')).digest('hex'),
      zorg: alle.filter((l) => l.zorg).length,
      veelBijlagen: alle.filter((l) => (l.extraBijlagen ?? 0) > 0).length,
    },
    generator: {
      gepland: verloop.gepland,
      gestart: verloop.gestart,
      nietGestart: verloop.nietGestart,
      stappenGelopen: verloop.stappenGelopen,
      teLaat: totaal.teLaat,
      achterstandP99Ms: totaal.generatorAchterstandP99Ms,
      achterstandMaxMs: totaal.generatorAchterstandMaxMs,
    },
    totaal,
    stappen: definitief,
    vensters: meting.vensters().map((v, i) => ({ beginMs: i * vensterMs, ...v })),
    steekproef: { elke: steekproefElke, uitwisselingen: gesteekt, eisen: [...eisen.values()].sort((x, y) => x.eis.localeCompare(y.eis)) },
    voorbeeldfouten,
    breekpunt,
    oordeel,
  };
}
