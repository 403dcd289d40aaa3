/**
 * The TC's sessions: opened by overdrachtRequest, checked by sessiecontrole, closed by afmelding; a bron that later
 * klaarzet the dossier reports its notificatie to the doel against the session (meldenNotificatie).
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
  sessiecontroles: { bronRouteringsKenmerk: string; op: Date; resultaat: string }[];
  afmelding?: { op: Date; resultaatcode: string; bronRouteringsKenmerk: string };
  /** Every meldenNotificatie for this session, accepted or refused. */
  notificaties: { bronRouteringsKenmerk: string; op: Date; resultaat: string }[];
}

export class SessionStore {
  #sessies = new Map<string, Sessie>();

  open(fields: Omit<Sessie, 'sessieId' | 'sessiecontroles' | 'notificaties'>): Sessie {
    const sessie: Sessie = { sessieId: randomUUID(), sessiecontroles: [], notificaties: [], ...fields };
    this.#sessies.set(sessie.sessieId, sessie);
    return sessie;
  }

  get(sessieId: string): Sessie | undefined {
    return this.#sessies.get(sessieId);
  }

  all(): Sessie[] {
    return [...this.#sessies.values()];
  }
}
