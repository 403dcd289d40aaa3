/**
 * A party in a scenario — the bron or the doel — whichever plays it: a testschool of the world, or the system under
 * test driven through its adapter. Steps talk to parties only through this, so one scenario serves both SUT roles.
 */
import type { Leerling } from '../simulator/dossier/leerling.ts';
import type { KlaarzetOpties, LasSystem } from '../simulator/las/las-system.ts';
import type { OntvangenDossier, OntvangenNotificatie } from '../simulator/control-api.ts';
import type { School } from '../simulator/register/register.ts';
import { sutSchool, type World } from '../simulator/world.ts';
import { AdapterFout, type SutAdapter } from './adapters/sut-adapter.ts';

/** What a scenario needs to know of a party's school. */
export type PartijSchool = School & { routeringsKenmerk: string };

export type OntvangenBijPartij = Pick<OntvangenDossier, 'sessieId' | 'pgn' | 'status' | 'reden' | 'bijlagen' | 'ontvangenOp'>;

export interface Partij {
  naam: string;
  isSut: boolean;
  /** The party's school as the register knows it (a SUT's school need not carry more). */
  school: PartijSchool;
  /** OIN of the certificate the party's system uses. */
  oin: string;
  /** With `notificeren` the user also chooses to notify who asked before; resolves when those notificaties are done. */
  klaarzetten(leerling: Leerling, doelBrin: string, opties?: KlaarzetOpties): Promise<void>;
  opvragen(leerling: Leerling, bronBrin: string): Promise<{ resultaat: string; sessieId?: string; fout?: string }>;
  ontvangen(): Promise<OntvangenBijPartij[]>;
  /** The notificaties the party's system received as doel. */
  notificaties(): Promise<OntvangenNotificatie[]>;
  /** The last error the party's system showed its user. */
  laatsteFout(): Promise<string | undefined>;
}

/** The system under test as the party of its school in the given sector. */
export function sutAlsPartij(world: World, sut: SutAdapter, sector: 'po' | 'vo'): Partij {
  return sutPartij(sut, `${world.sut.naam} (SUT)`, sutSchool(world.sut, sector), world.sut.oin);
}

/** The system under test as the party of one of its schools, driven through its adapter. */
export function sutPartij(adapter: SutAdapter, naam: string, school: PartijSchool, oin: string): Partij {
  return {
    naam,
    isSut: true,
    school,
    oin,
    klaarzetten: async (leerling, doelBrin, opties = {}) => {
      if (opties.ongeldig) throw new Error('Een scenario kan de SUT geen ongeldig dossier laten klaarzetten; alleen een testschool serveert er een.');
      await adapter.klaarzetten({ brin: school.brin, pgn: leerling.pgn.waarde, doelBrin, ...(opties.notificeren ? { notificeren: true } : {}) });
    },
    opvragen: (leerling, bronBrin) => adapter.opvragen({ brin: school.brin, bronBrin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum }),
    ontvangen: () => adapter.ontvangen(),
    notificaties: async () => {
      if (!adapter.notificaties) throw new AdapterFout(`De ${adapter.soort}-adapter kan niet uitlezen welke notificaties ${naam} ontving.`);
      return adapter.notificaties();
    },
    laatsteFout: () => adapter.laatsteFout(),
  };
}

export function testschoolPartij(las: LasSystem, school: PartijSchool, oin: string): Partij {
  return {
    naam: las.name,
    isSut: false,
    school,
    oin,
    klaarzetten: async (leerling, doelBrin, opties) => {
      await las.klaarzetten({ brin: school.brin, pgn: leerling.pgn.waarde, doelBrin }, opties).notificatie;
    },
    opvragen: (leerling, bronBrin) => las.opvragen({ brin: school.brin, bronBrin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum }),
    ontvangen: async () => las.ontvangen().map(({ xml: _xml, ...rest }) => rest),
    notificaties: async () => [...las.notificaties()],
    laatsteFout: async () => las.laatsteFout(),
  };
}
