/**
 * The test-control API: how the harness drives a LAS under test over plain HTTP+JSON on a test network (klaarzetten,
 * opvragen, what did you store). The reference LAS implements it; the harness's http adapter calls it. This is the
 * harness's own contract [ours]; docs/control-api.md describes it for vendors.
 */
export interface ControlStatus {
  naam: string;
  versie: string;
  scholen: { brin: string; naam: string; sector: string; routeringsKenmerk: string; apUrl: string }[];
  /** The date the LAS works with today (YYYY-MM-DD); optional, the harness names it when it cannot set the LAS's clock. */
  datum?: string;
}

export interface KlaarzettenVerzoek {
  /** BRIN of the bron school in the LAS. */
  brin: string;
  /** BSN or onderwijsnummer of a pupil the LAS knows. */
  pgn: string;
  doelBrin: string;
  /**
   * The user chose to notify the systems that asked for this dossier before (for doelBrin) — a conscious act [pub]. The
   * answer then waits until each of them has been notified, or has failed.
   */
  notificeren?: boolean;
}

export interface KlaarzettenAntwoord {
  klaargezet: true;
  versie: string;
  /** One per system notified, present when `notificeren` was asked; a failed notificatie does not undo klaarzetten. */
  notificaties?: NotificatieUitkomst[];
}

/** What became of one notificatie, as the bron shows its user after klaarzetten. */
export interface NotificatieUitkomst {
  doelBrin: string;
  doelRouteringsKenmerk: string;
  /** The session of the doel's earlier request that the notificatie answers. */
  sessieId: string;
  /** `NotificatieOntvangen`, the TC's refusal code, or TrafficCenterOnbereikbaar / AanleverpuntOnbereikbaar. */
  resultaat: string;
  fout?: string;
}

export interface OpvragenVerzoek {
  /** BRIN of the doel school in the LAS. */
  brin: string;
  bronBrin: string;
  pgn: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
}

export interface OpvragenAntwoord {
  resultaat: string;
  sessieId?: string;
  afgemeld: boolean;
  fout?: string;
}

export interface OntvangenDossier {
  sessieId?: string;
  bronBrin: string;
  doelBrin: string;
  pgn: string;
  status: 'opgeslagen' | 'geweigerd';
  /** Why the LAS refused it, as it told its user. */
  reden?: string;
  ontvangenOp: string;
  /** The attachments of a stored dossier, by file name with the SHA-256 of their bytes (hex): proof they arrived intact. */
  bijlagen?: { bestandsnaam: string; sha256: string }[];
}

export interface DossiersAntwoord {
  ontvangen: OntvangenDossier[];
}

/** A notificatie the LAS received as doel: a dossier it asked for before is now klaargezet. */
export interface OntvangenNotificatie {
  bronBrin: string;
  bronRouteringsKenmerk: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  /** As the bron sent it: the sessieId of the LAS's own earlier request [ours]. */
  koppelsleutel: string;
  /** The pupil of that earlier request, when the LAS could tie the koppelsleutel to one. */
  pgn?: string;
  ontvangenOp: string;
}

export interface NotificatiesAntwoord {
  notificaties: OntvangenNotificatie[];
}

export interface LaatsteFoutAntwoord {
  /** The last error message the LAS showed its user; absent when there was none. */
  melding?: string;
  op?: string;
}

export interface ReleaseVerzoek {
  /** The gegevensset release the LAS must work in from now on (e.g. after the summer release). */
  gegevensset: string;
}

export interface ReleaseAntwoord {
  gegevensset: string;
}

/**
 * Optional: back to a known state — no klaargezette, received or refused dossiers, no notificaties, no last error, the
 * current gegevensset. The harness resets before every run; without it, it judges a run only by what arrives during it [ours].
 */
export type ResetVerzoek = Record<string, never>;

export interface ResetAntwoord {
  gereset: true;
}

/** Optional: the LAS works with this date from now on (the scenario's simulated date); its clock runs on from there [ours]. */
export interface KlokVerzoek {
  /** YYYY-MM-DD */
  datum: string;
}

export interface KlokAntwoord {
  datum: string;
}

/** Every error answer: HTTP 4xx/5xx with a Dutch message. */
export interface ControlFout {
  fout: string;
}

export const controlPaths = {
  status: '/status',
  klaarzetten: '/klaarzetten',
  opvragen: '/opvragen',
  dossiers: '/dossiers',
  laatsteFout: '/laatste-fout',
  release: '/release',
  notificaties: '/notificaties',
  reset: '/reset',
  klok: '/klok',
} as const;

/** The calls a LAS may leave out: it answers 404 or 501, and the harness does without (docs/control-api.md). */
export const optioneleControlPaths: readonly string[] = [controlPaths.reset, controlPaths.klok];
