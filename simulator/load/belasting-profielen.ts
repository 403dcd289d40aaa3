/**
 * The load profiles of `oso-testbank belasting`, derived from the national figures. Every figure and every assumption
 * lives here once; the report and docs/belasting.md print them from this module, so a changed assumption changes the
 * rate, the page and the JSON together.
 */

/** The national figures and the assumptions the rates rest on; `toelichting` is what the report prints beside each. */
export const landelijkeCijfers = {
  overstappenPerJaar: { waarde: 175_000, toelichting: 'PO→VO-overstappen per jaar (landelijk, ongeveer)' },
  aandeelInPiek: { waarde: 0.6, toelichting: 'deel daarvan dat in de piekweken wordt opgevraagd (na het sluiten van de centrale aanmelding in maart)' },
  piekWerkdagen: { waarde: 10, toelichting: 'werkdagen in de piek (twee weken)' },
  werkurenPerDag: { waarde: 8, toelichting: 'uren per dag waarin administraties opvragen (08:00–16:00)' },
  piekuurFactor: { waarde: 3, toelichting: 'het drukste uur draagt zoveel keer het gemiddelde uur (veel scholen beginnen dezelfde ochtend)' },
  schooldagenBuitenPiek: { waarde: 180, toelichting: 'schooldagen buiten de piek waarover de rest van de overstappen verspreid ligt' },
  daguurFactor: { waarde: 2, toelichting: 'op een gewone dag draagt het drukste uur zoveel keer het gemiddelde uur' },
  marktaandeel: { waarde: 1, toelichting: 'deel van alle scholen dat het geteste LAS bedient (1 = het hele land: de zwaarste aanname)' },
  aandeelZorgdossier: { waarde: 0.15, toelichting: 'deel van de dossiers dat een zorgdossier met bijlagen is' },
  aandeelVeelBijlagen: { waarde: 0.1, toelichting: 'deel van de zorgdossiers met veel bijlagen (tientallen onderzoeksverslagen)' },
  berichtenPerUitwisseling: { waarde: 4, toelichting: 'SOAP-berichten per uitwisseling: overdracht, documentRequest, sessiecontrole, afmelding' },
} as const;

const c = (k: keyof typeof landelijkeCijfers) => landelijkeCijfers[k].waarde;

/** Exchanges per second at the national peak hour, per role of the LAS (it is bron for PO schools and doel for VO schools). */
export const PIEK_PER_SECONDE = (c('overstappenPerJaar') * c('aandeelInPiek') * c('marktaandeel') * c('piekuurFactor')) / (c('piekWerkdagen') * c('werkurenPerDag') * 3600);

/** Exchanges per second in the busiest hour of an ordinary school day outside the peak, per role. */
export const DAG_PER_SECONDE =
  (c('overstappenPerJaar') * (1 - c('aandeelInPiek')) * c('marktaandeel') * c('daguurFactor')) / (c('schooldagenBuitenPiek') * c('werkurenPerDag') * 3600);

/**
 * - `piek`: the national peak rate for the whole duration;
 * - `dag`: the busiest hour of an ordinary day;
 * - `trap`: a step ramp — the start rate, then twice that, four times … — to find where the LAS breaks; it stops after
 *   the first step over the limits;
 * - `duurtest`: the peak rate for an hour (a soak test: does the LAS hold, or slowly degrade).
 */
export const profielen = ['piek', 'dag', 'trap', 'duurtest'] as const;
export type Profiel = (typeof profielen)[number];

/** One stretch of constant arrival rate. */
export interface Stap {
  /** Exchanges per second, per role. */
  snelheid: number;
  duurMs: number;
}

/** Steps of the ramp: start, 2×, 4× … 32× the start rate. */
export const TRAP_STAPPEN = 6;

export const standaardDuurMs: Record<Profiel, number> = { piek: 10 * 60_000, dag: 10 * 60_000, trap: 6 * 60_000, duurtest: 60 * 60_000 };

export function standaardSnelheid(profiel: Profiel): number {
  return profiel === 'dag' ? DAG_PER_SECONDE : PIEK_PER_SECONDE;
}

/** The steps a profile runs; `snelheid` overrides the profile's rate (for `trap`: the first step's). */
export function stappenVoor(profiel: Profiel, duurMs: number, snelheid = standaardSnelheid(profiel)): Stap[] {
  if (!(snelheid > 0) || !Number.isFinite(snelheid)) throw new RangeError(`The rate must be a positive number per second, not ${snelheid}.`);
  if (!(duurMs > 0) || !Number.isFinite(duurMs)) throw new RangeError(`The duration must be positive, not ${duurMs} ms.`);
  if (profiel !== 'trap') return [{ snelheid, duurMs }];
  return Array.from({ length: TRAP_STAPPEN }, (_, i) => ({ snelheid: snelheid * 2 ** i, duurMs: duurMs / TRAP_STAPPEN }));
}

/** A duration as the command line takes it: 90s, 10m, 1h, 1h30m, or plain seconds. */
export function leesDuur(tekst: string): number {
  const t = tekst.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
  if (!m || t === '' || (!m[1] && !m[2] && !m[3])) throw new RangeError(`'${tekst}' is no duration; write for example 90s, 10m, 1h or 1h30m.`);
  const ms = (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000;
  if (ms <= 0) throw new RangeError(`The duration '${tekst}' must be longer than zero.`);
  return ms;
}

/** A rate as the command line takes it: 5, 5/s, 0.5/s, 300/m (per minute), 1800/h. */
export function leesSnelheid(tekst: string): number {
  const m = /^(\d+(?:\.\d+)?)(?:\/(s|m|min|h))?$/.exec(tekst.trim());
  if (!m) throw new RangeError(`'${tekst}' is no rate; write exchanges per second, for example 5/s, or 300/m or 1800/h.`);
  const per = { s: 1, m: 60, min: 60, h: 3600 }[(m[2] ?? 's') as 's' | 'm' | 'min' | 'h'];
  const snelheid = Number(m[1]) / per;
  if (!(snelheid > 0)) throw new RangeError(`The rate '${tekst}' must be larger than zero.`);
  return snelheid;
}
