/**
 * Every scenario run begins from a known state of the SUT. A LAS that offers a reset (POST /reset, the playwright
 * module's `reset`, the operator's "Gedaan") is reset before the run. A long-lived LAS without one keeps what earlier
 * runs left behind; the run then sees only what arrives during it: what the SUT already held when the run began is
 * left out of everything it reads back, so an earlier run cannot change this run's verdict [ours].
 */
import type { OntvangenDossier, OntvangenNotificatie } from '../simulator/control-api.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';

export interface Beginstand {
  /** The adapter the run drives the SUT with: the SUT's own, or one that leaves out what was there before the run. */
  sut: SutAdapter;
  gereset: boolean;
}

/**
 * A run that cannot be judged from the state the SUT is in: the scenario assumes, say, that the SUT as bron has nothing
 * klaargezet for its pupils, and a SUT without reset may still hold a dossier of an earlier run. Reported as skipped, with
 * this message, never as a finding about the SUT.
 */
export class NietUitvoerbaar extends Error {
  override readonly name = 'NietUitvoerbaar';
}

export async function beginstand(sut: SutAdapter): Promise<Beginstand> {
  if ((await sut.reset?.()) === 'gedaan') return { sut, gereset: true };
  const eerderOntvangen = await sut.ontvangen();
  const notificaties = sut.notificaties?.bind(sut);
  const eerderGenotificeerd = notificaties ? await notificaties() : [];
  return {
    gereset: false,
    sut: {
      ...sut,
      ontvangen: async (): Promise<OntvangenDossier[]> => nieuwSinds(await sut.ontvangen(), eerderOntvangen),
      ...(notificaties ? { notificaties: async (): Promise<OntvangenNotificatie[]> => nieuwSinds(await notificaties(), eerderGenotificeerd) } : {}),
    },
  };
}

/** What `nu` holds beyond `eerder`, entry by entry (the same entry twice before leaves out two). */
export function nieuwSinds<T extends object>(nu: readonly T[], eerder: readonly T[]): T[] {
  const resterend = new Map<string, number>();
  for (const e of eerder) resterend.set(sleutel(e), (resterend.get(sleutel(e)) ?? 0) + 1);
  return nu.filter((e) => {
    const n = resterend.get(sleutel(e)) ?? 0;
    if (n === 0) return true;
    resterend.set(sleutel(e), n - 1);
    return false;
  });
}

/** An entry as comparable text, independent of the order its fields came in. */
function sleutel(waarde: unknown): string {
  return JSON.stringify(waarde, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
