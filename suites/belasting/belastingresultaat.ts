/**
 * The result of a capacity run (`belasting.json`, documented in docs/belasting.md) and how it is judged: each step of the
 * profile is within the limits (errors, p99 of the whole exchange) or not, and a step in which the generator itself
 * fell behind its schedule is never blamed on the LAS. The breaking point is the last step within the limits and the
 * first one over them.
 */
import type { BakSamenvatting } from '../../simulator/load/belasting-meting.ts';
import type { Aankomsten } from '../../simulator/load/open-loop.ts';
import type { Profiel } from '../../simulator/load/belasting-profielen.ts';
import { uitwisselingSoort, type BelastingRol } from './uitwisselingen.ts';

export interface Grenzen {
  /** p99 of a whole exchange, per role, in ms. */
  p99Ms: number;
  /** Failed exchanges per started one (0..1). */
  foutfractie: number;
  /** An arrival started later than this is the generator's lag. */
  generatorAchterstandMs: number;
}

export const standaardGrenzen: Grenzen = { p99Ms: 2000, foutfractie: 0.01, generatorAchterstandMs: 100 };

export interface StapResultaat extends BakSamenvatting {
  index: number;
  /** Exchanges per second per role. */
  snelheid: number;
  duurMs: number;
  /** When the step began, ms since the start (a ramp waits for a step's answers before the next). */
  beginMs?: number;
  /** The highest p99 of a whole exchange over the roles. */
  p99Ms: number | null;
  /**
   * binnen: within every limit; overschreden: the LAS went over one; generator-achter: the generator lagged, no verdict;
   * geen-aankomsten: no arrival fell in the step (a Poisson step at a low rate or short length can have none), no verdict.
   */
  oordeel: 'binnen' | 'overschreden' | 'generator-achter' | 'geen-aankomsten';
  /** Why (Dutch), one sentence per limit exceeded. */
  redenen: string[];
}

export interface VensterResultaat extends BakSamenvatting {
  beginMs: number;
}

export interface EisSteekproef {
  eis: string;
  gecontroleerd: number;
  mislukt: number;
  voorbeeld?: string;
}

export interface Breekpunt {
  laatsteBinnen?: { stap: number; snelheid: number };
  eersteOverschreden?: { stap: number; snelheid: number; redenen: string[] };
  /** One Dutch sentence that names the point, for the page and the terminal's frame. */
  tekst: string;
}

export interface Belastingresultaat {
  soort: 'oso-testbank-belasting';
  versie: 1;
  sut: { naam: string; versie?: string };
  harness: string;
  datum: string;
  profiel: Profiel;
  aankomsten: Aankomsten;
  seed: string;
  rollen: BelastingRol[];
  faults: string[];
  duurMs: number;
  vensterMs: number;
  grenzen: Grenzen;
  /** The national figures and assumptions the profiles rest on, and the rates derived from them. */
  aannames: { naam: string; waarde: number; toelichting: string }[];
  piekPerSeconde: number;
  dagPerSeconde: number;
  /** The pupils drawn from and each one's share of the exchanges (of the doel role when both ran: it holds them all). */
  leerlingmix: { id: string; zorg: boolean; extraBijlagen?: number; aandeel: number }[];
  /**
   * How many distinct pupils took part: from the fixture file and generated (seeded by the run's seed), in each role's
   * mix, actually drawn in the run, and how many of them are zorg pupils and zorg pupils with many attachments;
   * `vingerafdruk` (SHA-256 over every pupil's id and PGN) is the same for two runs with the same pupils.
   */
  leerlingen: {
    fixture: number;
    gegenereerd: number;
    verschillend: number;
    perRol: Partial<Record<BelastingRol, number>>;
    getrokken: number;
    zorg: number;
    veelBijlagen: number;
    vingerafdruk: string;
  };
  generator: { gepland: number; gestart: number; nietGestart: number; stappenGelopen: number; teLaat: number; achterstandP99Ms: number; achterstandMaxMs: number };
  totaal: BakSamenvatting;
  stappen: StapResultaat[];
  vensters: VensterResultaat[];
  steekproef: { elke: number; uitwisselingen: number; eisen: EisSteekproef[] };
  /** The first error of each kind, as it came. */
  voorbeeldfouten: Record<string, string>;
  breekpunt: Breekpunt;
  /** GEHOUDEN: every step within the limits; BEZWEKEN: a step over them; ONBESLIST: only the generator's lag stood in the way. */
  oordeel: 'GEHOUDEN' | 'BEZWEKEN' | 'ONBESLIST';
}

const p99Van = (s: BakSamenvatting, rollen: readonly BelastingRol[]) => {
  const waarden = rollen.map((r) => s.latentie[uitwisselingSoort[r]]?.p99Ms).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return waarden.length ? Math.max(...waarden) : null;
};

const ms = (x: number) => `${Math.round(x)} ms`;
const procent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0).replace('.', ',')} %`;
const aantalTekst = (x: number) => `${x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : x.toFixed(0)}`.replace('.', ',');
export const snelheidTekst = (x: number) => `${aantalTekst(x)}/s`;
const snelheidZin = (x: number) => `${aantalTekst(x)} uitwisselingen per seconde per rol`;

/** Judges one step against the limits. */
export function beoordeelStap(s: BakSamenvatting, stap: { index: number; snelheid: number; duurMs: number }, rollen: readonly BelastingRol[], g: Grenzen, nogOpen = 0): StapResultaat {
  const p99Ms = p99Van(s, rollen);
  // Nothing arrived, so nothing can have gone wrong: a step without evidence never counts as held.
  if (s.gestart === 0 && Object.values(s.fouten).every((n) => !n))
    return { ...s, ...stap, p99Ms, oordeel: 'geen-aankomsten', redenen: ['geen enkele aankomst viel in deze stap (toeval van de Poisson-aankomsten bij een lage snelheid of een korte stap): zij zegt niets over de LAS'] };
  const redenen: string[] = [];
  // Exchanges still without an answer after the p99 limit are over it, whatever they will take: more than 1 % of them
  // puts the step's p99 over the limit before a single one has come back.
  if (nogOpen > 0 && nogOpen / Math.max(1, s.gestart) > 0.01) redenen.push(`${nogOpen} van de ${s.gestart} uitwisselingen hadden na ${ms(g.p99Ms)} nog geen antwoord`);
  if (s.foutfractie > g.foutfractie) redenen.push(`${procent(s.foutfractie)} van de uitwisselingen mislukte (grens ${procent(g.foutfractie)})`);
  if (p99Ms !== null && p99Ms > g.p99Ms) redenen.push(`p99 van een hele uitwisseling ${ms(p99Ms)} (grens ${ms(g.p99Ms)})`);
  if (s.gestart > 0 && p99Ms === null) redenen.push('geen enkele uitwisseling voltooide');
  const generatorAchter = s.generatorAchterstandP99Ms > g.generatorAchterstandMs;
  const oordeel = redenen.length ? (generatorAchter ? 'generator-achter' : 'overschreden') : generatorAchter ? 'generator-achter' : 'binnen';
  if (generatorAchter)
    redenen.push(`de lastgenerator liep zelf achter op zijn schema (p99 ${ms(s.generatorAchterstandP99Ms)} te laat, grens ${ms(g.generatorAchterstandMs)}): deze stap zegt niets over de LAS`);
  return { ...s, ...stap, p99Ms, oordeel, redenen };
}

/** The breaking point over the steps, and the run's verdict. */
export function breekpuntVan(stappen: readonly StapResultaat[]): { breekpunt: Breekpunt; oordeel: Belastingresultaat['oordeel'] } {
  const eerste = stappen.find((s) => s.oordeel === 'overschreden');
  const voorEerste = eerste ? stappen.slice(0, eerste.index) : stappen;
  const laatste = [...voorEerste].reverse().find((s) => s.oordeel === 'binnen');
  // Held only up to where it was judged: a higher step in which the generator lagged leaves the rates above unproven.
  const achterBoven = !eerste && laatste !== undefined && stappen.slice(laatste.index + 1).some((s) => s.oordeel === 'generator-achter');
  const leeg = stappen.filter((s) => s.oordeel === 'geen-aankomsten');
  const breekpunt: Breekpunt = {
    ...(laatste ? { laatsteBinnen: { stap: laatste.index, snelheid: laatste.snelheid } } : {}),
    ...(eerste ? { eersteOverschreden: { stap: eerste.index, snelheid: eerste.snelheid, redenen: eerste.redenen } } : {}),
    tekst: eerste
      ? `De LAS bezwijkt bij ${snelheidZin(eerste.snelheid)}: ${eerste.redenen.join('; ')}.` +
        (laatste ? ` De hoogste snelheid binnen de grenzen was ${snelheidZin(laatste.snelheid)}.` : ' Al de eerste stap lag buiten de grenzen.')
      : laatste
        ? `De LAS bleef binnen de grenzen tot en met ${snelheidZin(laatste.snelheid)}${achterBoven ? '; bij een hogere stap liep de lastgenerator zelf achter, daarboven is niets vastgesteld' : ''}.`
        : leeg.length === stappen.length
          ? 'Geen oordeel: in geen enkele stap viel een aankomst; kies een hogere snelheid of een langere duur.'
          : `Geen oordeel: de lastgenerator liep ${leeg.length ? 'in elke stap met aankomsten' : 'in elke stap'} zelf achter op zijn schema.`,
  };
  return { breekpunt, oordeel: eerste ? 'BEZWEKEN' : laatste && !achterBoven ? 'GEHOUDEN' : 'ONBESLIST' };
}
