/**
 * Dossiers a bron has klaargezet. Klaarzetten is a local act of the bron with no TC call [pub]; a dossier is klaargezet
 * for one school at a time [seed documents], so klaarzetten again for another school replaces the earlier one.
 */
import type { Leerling } from '../dossier/leerling.ts';

export interface KlaargezetDossier {
  leerling: Leerling;
  bronBrin: string;
  doelBrin: string;
  /** The gegevensset version the dossier was made in. */
  versie: string;
  xml: string;
  klaargezetOp: Date;
}

export class KlaarzetStore {
  #dossiers = new Map<string, KlaargezetDossier>();

  static key(bronBrin: string, pgn: string): string {
    return `${bronBrin}/${pgn}`;
  }

  klaarzetten(dossier: KlaargezetDossier): void {
    this.#dossiers.set(KlaarzetStore.key(dossier.bronBrin, dossier.leerling.pgn.waarde), dossier);
  }

  voor(bronBrin: string, pgn: string): KlaargezetDossier | undefined {
    return this.#dossiers.get(KlaarzetStore.key(bronBrin, pgn));
  }

  all(): KlaargezetDossier[] {
    return [...this.#dossiers.values()];
  }
}
