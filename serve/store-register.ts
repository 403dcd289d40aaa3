/**
 * The register as the TC reads it under `serve`: straight from the durable store, so that an aanleverpunt registered
 * (or suspended) through any instance counts at once on every instance. Active means registered active and not
 * suspended by the admin.
 */
import type { AanleverpuntRecord, RegisterLookup, School } from '../simulator/register/register.ts';
import type { GeregistreerdAanleverpunt, Store } from '../store/store.ts';

const alsRecord = (ap: GeregistreerdAanleverpunt): AanleverpuntRecord => ({
  routeringsKenmerk: ap.routeringsKenmerk,
  brin: ap.brin,
  url: ap.url,
  eigenaarOin: ap.eigenaarOin,
  actief: ap.actief && !ap.opgeschort,
});

export class StoreRegister implements RegisterLookup {
  /** Names of the systems holding a certificate, as far as this instance has seen them (for logs only). */
  #namen = new Map<string, string>();

  constructor(private readonly store: Store) {}

  school(brin: string): Promise<School | undefined> {
    return this.store.school(brin);
  }

  async aanleverpunt(routeringsKenmerk: string): Promise<AanleverpuntRecord | undefined> {
    const ap = await this.store.aanleverpunt(routeringsKenmerk);
    return ap && alsRecord(ap);
  }

  async aanleverpuntenVan(brin: string): Promise<AanleverpuntRecord[]> {
    return (await this.store.aanleverpunten({ brin })).map(alsRecord);
  }

  /** The readable name of a certificate's holder; learnt from registrations and the testscholen, else the OIN. */
  noemPartij(oin: string, naam: string): void {
    this.#namen.set(oin, naam);
  }

  partyName(oin: string | undefined): string {
    return (oin && this.#namen.get(oin)) ?? (oin ? `OIN ${oin}` : 'onbekend');
  }
}
