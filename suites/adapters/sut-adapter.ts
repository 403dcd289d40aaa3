/**
 * How the harness drives the system under test, whatever drives it: the vendor's test-control API (http), the vendor's
 * own web UI through a Playwright module (playwright), or a person at the operator console (manual). The data travels in
 * the shapes of the test-control contract (simulator/control-api.ts), so every adapter answers the same questions.
 */
import type {
  KlaarzettenVerzoek,
  OntvangenDossier,
  OntvangenNotificatie,
  OpvragenAntwoord,
  OpvragenVerzoek,
} from '../../simulator/control-api.ts';

export interface SutAdapter {
  readonly soort: 'http' | 'playwright' | 'manual';
  /** The bron school in the LAS klaarzet the pupil's dossier for doelBrin; with `notificeren` the user also chooses to notify. */
  klaarzetten(verzoek: KlaarzettenVerzoek): Promise<void>;
  /** The doel school in the LAS asks for the dossier; resolves when the LAS shows its user the outcome. */
  opvragen(verzoek: OpvragenVerzoek): Promise<OpvragenAntwoord>;
  /** What the LAS received as doel: stored or refused, with the reason it showed. */
  ontvangen(): Promise<OntvangenDossier[]>;
  /** The notificaties the LAS received as doel; absent when this adapter cannot read them back. */
  notificaties?(): Promise<OntvangenNotificatie[]>;
  /** The last error message the LAS showed its user, if any. */
  laatsteFout(): Promise<string | undefined>;
  /** Switch the LAS to the given gegevensset release (the summer release). */
  wisselRelease(gegevensset: string): Promise<void>;
  /** The scenario runner is about to run this step; an adapter with a person behind it shows what is tested. */
  bijStap?(stap: StapInfo): void;
  /**
   * Back to a known state before a run (no klaargezette, received or notified dossiers of the test schools). Optional,
   * as in the contract: absent, or `niet-aangeboden` when the SUT says it does not offer it.
   */
  reset?(): Promise<Aangeboden>;
  /** Set the LAS's date to the scenario's simulated date (YYYY-MM-DD). Optional, like reset. */
  zetKlok?(datum: string): Promise<Aangeboden>;
  /** The date the LAS works with, when it can tell (GET /status `datum`). */
  datum?(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A step of the run, as the runner announces it before running it. */
export interface StapInfo {
  /** 1-based, among the steps that run in this role. */
  nummer: number;
  aantal: number;
  /** The step's title: what it does or checks and, for an opvragen, the expected result. */
  titel: string;
}

/** Whether an optional call was carried out, or the SUT does not offer it. */
export type Aangeboden = 'gedaan' | 'niet-aangeboden';

/** The SUT could not be driven: the adapter says what it tried and what came back (a broken run, not a finding). */
export class AdapterFout extends Error {
  override readonly name = 'AdapterFout';
  /** A screenshot (PNG file) of the SUT's screen when driving it failed, for the report; only adapters with a screen have one. */
  readonly schermafdruk: string | undefined;
  constructor(message: string, options: { schermafdruk?: string } = {}) {
    super(message);
    this.schermafdruk = options.schermafdruk;
  }
}
