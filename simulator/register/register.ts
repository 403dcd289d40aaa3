/**
 * The simulator's own register of schools and aanleverpunten (in OSO: the OSR, where vendors register their endpoints
 * [pub]). It answers which AP belongs to which school and which certificate (OIN) owns an AP, the basis of the TC's checks.
 */
export type Sector = 'PO' | 'VO' | 'SO/VSO' | 'MBO' | 'SWV';

export interface School {
  brin: string;
  vestigingscode: string;
  naam: string;
  sector: Sector;
}

export interface AanleverpuntRecord {
  routeringsKenmerk: string;
  brin: string;
  url: string;
  actief: boolean;
  /** OIN of the certificate that owns this AP: the vendor's (SaaS) certificate [pub]. */
  eigenaarOin: string;
}

/**
 * What the TC reads of the register. The in-memory Register answers at once; under `serve` the durable store answers
 * (so an aanleverpunt registered on one instance counts on every instance), hence the answers may be promises.
 */
export interface RegisterLookup {
  school(brin: string): School | undefined | Promise<School | undefined>;
  aanleverpunt(routeringsKenmerk: string): AanleverpuntRecord | undefined | Promise<AanleverpuntRecord | undefined>;
  aanleverpuntenVan(brin: string): AanleverpuntRecord[] | Promise<AanleverpuntRecord[]>;
  /** The readable name of the system that holds a certificate, for logs and reports. */
  partyName(oin: string | undefined): string;
}

export class Register implements RegisterLookup {
  #schools = new Map<string, School>();
  #aanleverpunten = new Map<string, AanleverpuntRecord>();
  #partyNames = new Map<string, string>();

  addSchool(school: School): void {
    this.#schools.set(school.brin, school);
  }

  addAanleverpunt(ap: AanleverpuntRecord): void {
    this.#aanleverpunten.set(ap.routeringsKenmerk, ap);
  }

  /** The readable name of the system that holds a certificate, for logs and reports. */
  namePartyOf(oin: string, name: string): void {
    this.#partyNames.set(oin, name);
  }

  partyName(oin: string | undefined): string {
    return (oin && this.#partyNames.get(oin)) ?? (oin ? `OIN ${oin}` : 'onbekend');
  }

  school(brin: string): School | undefined {
    return this.#schools.get(brin);
  }

  aanleverpunt(routeringsKenmerk: string): AanleverpuntRecord | undefined {
    return this.#aanleverpunten.get(routeringsKenmerk);
  }

  aanleverpuntOpUrl(url: string): AanleverpuntRecord | undefined {
    return [...this.#aanleverpunten.values()].find((ap) => ap.url === url);
  }

  aanleverpuntenVan(brin: string): AanleverpuntRecord[] {
    return [...this.#aanleverpunten.values()].filter((ap) => ap.brin === brin);
  }
}
