/** The TC's sessions: opened by overdrachtRequest, checked by sessiecontrole, closed by afmelding. */
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
}

export class SessionStore {
  #sessies = new Map<string, Sessie>();

  open(fields: Omit<Sessie, 'sessieId' | 'sessiecontroles'>): Sessie {
    const sessie: Sessie = { sessieId: randomUUID(), sessiecontroles: [], ...fields };
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
