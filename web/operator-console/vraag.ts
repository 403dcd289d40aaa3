/**
 * What the operator console asks a person, and what comes back. A prompt is typed by kind so the page can offer the
 * right form and the caller gets a typed answer: do this and confirm (opdracht), yes or no (janee), pick a value
 * (keuze), type a value (tekst), upload a file (bestand). Every answer carries who gave it and when: it is evidence.
 */

/** Where in the qualification a prompt comes from, so the operator knows what is being tested and how far along it is. */
export interface VraagContext {
  /** The run: scenario title and the role of the LAS, e.g. "Zorgdossier met bijlagen (uw LAS als doel)". */
  run: string;
  /** What the harness tests with this step and what it expects, e.g. "Doel vraagt het dossier op (verwacht: DossierNietKlaargezet)". */
  stap?: string;
  /** The step's place in the run: 1-based. */
  stapNummer?: number;
  aantalStappen?: number;
}

interface VraagBasis {
  /** A short heading, e.g. "Dossier klaarzetten". */
  kop: string;
  /** The instruction or the question, in full sentences for a school administrator. */
  tekst: string;
  /** The data the operator needs (label → value), shown as a list, e.g. the pupil's BSN and the school's BRIN. */
  gegevens?: Readonly<Record<string, string>>;
  context?: VraagContext;
}

export interface KeuzeOptie {
  waarde: string;
  /** What the operator reads; the value is shown beside it. */
  label: string;
}

export type Vraag =
  | (VraagBasis & { soort: 'opdracht' })
  | (VraagBasis & { soort: 'janee' })
  | (VraagBasis & { soort: 'keuze'; opties: readonly KeuzeOptie[] })
  | (VraagBasis & { soort: 'tekst'; /** An empty answer is allowed. */ optioneel?: boolean })
  | (VraagBasis & { soort: 'bestand'; /** The operator may go on without a file. */ optioneel?: boolean; /** Several files at once (answer: bestanden). */ meerdere?: boolean });

export type VraagSoort = Vraag['soort'];

/** An uploaded file as kept in the evidence folder. */
export interface BewaardBestand {
  /** The name the operator's file had. */
  naam: string;
  /** Where it is kept, relative to the evidence folder. */
  pad: string;
  sha256: string;
  bytes: number;
  type: string;
}

/** The answer proper, by kind of prompt. */
export type Uitkomst =
  | { soort: 'opdracht'; /** False when the operator reports the instruction could not be carried out. */ uitgevoerd: boolean }
  | { soort: 'janee'; ja: boolean }
  | { soort: 'keuze'; waarde: string }
  | { soort: 'tekst'; waarde: string }
  | { soort: 'bestand'; /** The file, or the first of several. */ bestand?: BewaardBestand; /** Every file, for a prompt that takes several. */ bestanden?: BewaardBestand[] };

/** One answered prompt: the evidence line and what the caller gets back (per kind, so the prompt and answer match). */
export type Antwoord<S extends VraagSoort = VraagSoort> = S extends VraagSoort ? AntwoordOp<S> : never;

type AntwoordOp<S extends VraagSoort> = Extract<Uitkomst, { soort: S }> & {
  /** Unique within the console's evidence file. */
  id: string;
  vraag: Extract<Vraag, { soort: S }>;
  /** The operator's note, when given. */
  opmerking?: string;
  /** The name the operator gave. */
  door: string;
  /** ISO 8601. */
  gevraagdOp: string;
  beantwoordOp: string;
};

/** A prompt that was not answered in time, as the evidence file records it. */
export interface VerlopenVraag {
  id: string;
  vraag: Vraag;
  gevraagdOp: string;
  verlopenOp: string;
  tijdslimietMs: number;
}

/** No answer within the prompt's time limit, or the console closed first. The message names the prompt and the limit. */
export class VraagVerlopen extends Error {
  override readonly name = 'VraagVerlopen';
}

/** A duration as an operator reads it: "45 s", "5 min", "1 min 30 s". */
export function duur(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
}
