/**
 * The TC's sessions: opened by overdrachtRequest, checked by sessiecontrole, closed by afmelding; a bron that later
 * klaarzet the dossier reports its notificatie to the doel against the session (meldenNotificatie).
 *
 * An interface with asynchronous methods: within one qualify the sessions live in memory (MemorySessionStore); under
 * `serve` they live in the durable store, so that a session opened on one instance can be checked on another.
 */
import { randomUUID } from 'node:crypto';

export interface Sessie {
  sessieId: string;
  doelBrin: string;
  doelRouteringsKenmerk: string;
  bronBrin: string;
  overdrachtsoort: string;
  zoeksleutel?: string;
  koppelsleutel?: string;
  /** OIN of the doel system that opened the session. */
  doelOin: string;
  geopendOp: Date;
  sessiecontroles: SessieGebeurtenis[];
  afmelding?: Afmelding;
  /** Every meldenNotificatie for this session, accepted or refused. */
  notificaties: SessieGebeurtenis[];
}

export interface SessieGebeurtenis {
  bronRouteringsKenmerk: string;
  op: Date;
  resultaat: string;
}

export interface Afmelding {
  op: Date;
  resultaatcode: string;
  bronRouteringsKenmerk: string;
}

export type NieuweSessie = Omit<Sessie, 'sessieId' | 'sessiecontroles' | 'notificaties' | 'afmelding'>;

export interface SessionStore {
  open(fields: NieuweSessie): Promise<Sessie>;
  get(sessieId: string): Promise<Sessie | undefined>;
  sessiecontroleVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void>;
  notificatieVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void>;
  /** Closes the session; false when it was already closed (a second afmelding, possibly on another instance). */
  afmelden(sessieId: string, afmelding: Afmelding): Promise<boolean>;
  all(): Promise<Sessie[]>;
}

export class MemorySessionStore implements SessionStore {
  #sessies = new Map<string, Sessie>();

  async open(fields: NieuweSessie): Promise<Sessie> {
    const sessie: Sessie = { sessieId: randomUUID(), sessiecontroles: [], notificaties: [], ...fields };
    this.#sessies.set(sessie.sessieId, sessie);
    return sessie;
  }

  async get(sessieId: string): Promise<Sessie | undefined> {
    return this.#sessies.get(sessieId);
  }

  async sessiecontroleVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void> {
    this.#sessies.get(sessieId)?.sessiecontroles.push(gebeurtenis);
  }

  async notificatieVastleggen(sessieId: string, gebeurtenis: SessieGebeurtenis): Promise<void> {
    this.#sessies.get(sessieId)?.notificaties.push(gebeurtenis);
  }

  async afmelden(sessieId: string, afmelding: Afmelding): Promise<boolean> {
    const sessie = this.#sessies.get(sessieId);
    if (!sessie || sessie.afmelding) return false;
    sessie.afmelding = afmelding;
    return true;
  }

  async all(): Promise<Sessie[]> {
    return [...this.#sessies.values()];
  }
}
