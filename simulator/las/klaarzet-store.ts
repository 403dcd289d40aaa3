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
  klaargezetOp: Date;
  /**
   * The dossier as released. Its profile (POVO or POPO, or an SWV dossier) depends on the sector of the doel school, which
   * the bron learns from the TC at sessiecontrole [pub]; undefined when it did not ask.
   */
  xmlVoor(doelSector: string | undefined): string;
}

export class KlaarzetStore {
  #dossiers = new Map<string, KlaargezetDossier[]>();

  static key(bronBrin: string, pgn: string): string {
    return `${bronBrin}/${pgn}`;
  }

  /** `naastBestaande` keeps earlier dossiers for other schools: the fault of a bron that klaarzet for two schools at once. */
  klaarzetten(dossier: KlaargezetDossier, naastBestaande = false): void {
    const key = KlaarzetStore.key(dossier.bronBrin, dossier.leerling.pgn.waarde);
    const eerder = naastBestaande ? (this.#dossiers.get(key) ?? []).filter((d) => d.doelBrin !== dossier.doelBrin) : [];
    this.#dossiers.set(key, [...eerder, dossier]);
  }

  /** The dossier klaargezet for this one school is withdrawn; true when there was one. */
  intrekken(bronBrin: string, pgn: string, doelBrin: string): boolean {
    const key = KlaarzetStore.key(bronBrin, pgn);
    const dossiers = this.#dossiers.get(key) ?? [];
    const over = dossiers.filter((d) => d.doelBrin !== doelBrin);
    if (over.length) this.#dossiers.set(key, over);
    else this.#dossiers.delete(key);
    return over.length !== dossiers.length;
  }

  /** Forget every klaargezet dossier (a reset of the test data). */
  leeg(): void {
    this.#dossiers.clear();
  }

  /** The pupil's dossier: the one for doelBrin when there is one (only with the fault above), else the latest. */
  voor(bronBrin: string, pgn: string, doelBrin?: string): KlaargezetDossier | undefined {
    const dossiers = this.#dossiers.get(KlaarzetStore.key(bronBrin, pgn)) ?? [];
    return dossiers.find((d) => d.doelBrin === doelBrin) ?? dossiers.at(-1);
  }
}
