/**
 * A World over a running `oso-testbank serve` (qualify --tegen): the vendor's LAS talks to the service's TC and
 * testscholen, and the steps read the exchanges the service stored. The same steps and checks as against an embedded
 * world judge the run; only what a shared service offers is here (see tegen-dienst-uitvoerbaar.ts).
 *
 * The steps read the exchange log synchronously, so this world keeps a copy: after every act of a party (the SUT through
 * its adapter, a testschool through the service's API) it reads the exchanges stored since, through the admin API, and
 * keeps those about the SUT's schools. The service stores an exchange before it answers it, so when an act has returned,
 * its exchanges are there to read.
 */
import { ensureCertificateCatalogue } from '../../certs/catalogue.ts';
import { defaultCertDir } from '../../certs/location.ts';
import { testscholen as testschoolScholen } from '../../fixtures/scholen.ts';
import { SimulatedClock } from '../../simulator/clock.ts';
import type { OntvangenDossier } from '../../simulator/control-api.ts';
import { gegevensset2019 } from '../../simulator/dossier/gegevensset.ts';
import type { LasSchool } from '../../simulator/las/las-school.ts';
import type { LasSystem } from '../../simulator/las/las-system.ts';
import { Register } from '../../simulator/register/register.ts';
import { testschoolName } from '../../simulator/testschool/testschool.ts';
import { TC_NAME, TC_PATH, type TrafficCenter } from '../../simulator/traffic-center/traffic-center.ts';
import { ExchangeLog, type Exchange } from '../../simulator/transport/exchange-log.ts';
import type { World } from '../../simulator/world.ts';
import type { SutAdapter } from '../adapters/sut-adapter.ts';
import type { SutConfig } from '../sut-config.ts';
import type { DienstApi } from './dienst-api.ts';

/** An exchange as the service's admin API gives it. */
interface DienstBericht extends Omit<Exchange, 'seq'> {
  id: number;
  brins: string[];
}

/** What the service's VO or PO testschool answers to POST /api/testscholen/{brin}/opvragen. */
interface DienstOpvraagResultaat {
  resultaat: string;
  sessieId?: string;
  afgemeld: boolean;
  status: 'opgeslagen' | 'geweigerd' | 'mislukt' | 'geleverd';
  reden?: string;
  op: string;
  pgn: string;
  schoolBrin: string;
  testschoolBrin: string;
  bijlagen?: { bestandsnaam: string; sha256: string }[];
}

export interface DienstWereld extends World {
  readonly dienst: { basis: string };
  /** Reads the exchanges the service stored since the last read into the log (those about the SUT's schools). */
  volg(): Promise<void>;
  /** The service's ids of the exchanges in the log, in log order: where the report links to. */
  berichtIds(): number[];
  /** The adapter, reading the service's exchanges after each act of the SUT. */
  volgend(adapter: SutAdapter): SutAdapter;
}

export class NietBijDienst extends Error {
  override readonly name = 'NietBijDienst';
}

/** An object of which only the given members exist against a shared service; any other says so clearly. */
function alleen<T extends object>(wat: string, leden: Partial<T>): T {
  return new Proxy(leden, {
    get(doel, naam) {
      if (naam in doel || typeof naam === 'symbol' || naam === 'then') return Reflect.get(doel, naam) as unknown;
      throw new NietBijDienst(`${wat}: '${naam}' is niet beschikbaar tegen een gedeelde testomgeving.`);
    },
  }) as T;
}

const PAGINA = 1000;

export async function startDienstWereld(o: { api: DienstApi; config: SutConfig; certDir?: string }): Promise<DienstWereld> {
  const { api, config } = o;
  const { pki, catalogue } = await ensureCertificateCatalogue({ dir: o.certDir ?? defaultCertDir });
  const sutBrins = new Set(Object.values(config.sut.scholen).map((s) => s.brin));
  const log = new ExchangeLog();
  const ids: number[] = [];
  // Only what comes after the run started: the newest stored exchange now is where the log starts.
  const laatste = (await api.get<{ berichten: DienstBericht[] }>('/beheer/berichten?limit=1')).berichten.at(-1);
  let naId = laatste?.id ?? 0;

  const volg = async (): Promise<void> => {
    for (;;) {
      const { berichten } = await api.get<{ berichten: DienstBericht[] }>(`/beheer/berichten?naId=${naId}&limit=${PAGINA}`);
      for (const b of berichten) {
        naId = Math.max(naId, b.id);
        if (!b.brins.some((brin) => sutBrins.has(brin))) continue;
        const { id, brins: _brins, instantie: _instantie, ...exchange } = b as DienstBericht & { instantie?: string };
        log.record(exchange);
        ids.push(id);
      }
      if (berichten.length < PAGINA) return;
    }
  };

  const { testscholen } = await api.get<{ testscholen: { brin: string; url: string }[] }>('/testleerlingen');
  const apUrl = (school: LasSchool) => testscholen.find((t) => t.brin === school.brin)?.url;
  const testschool = (school: LasSchool): LasSystem => {
    const url = apUrl(school);
    if (!url) throw new Error(`De testomgeving op ${api.basis} heeft geen testschool ${school.brin}.`);
    const ontvangen: OntvangenDossier[] = [];
    let laatsteFout: string | undefined;
    return alleen<LasSystem>(testschoolName(school), {
      name: testschoolName(school),
      schools: [school],
      apUrl: () => url,
      // The hosted PO testschool has every test pupil klaargezet for whichever school asks (tegen-dienst-uitvoerbaar.ts
      // keeps out the runs that need anything else): klaarzetten is done before the run. The parties read only the notificatie.
      klaarzetten: (_verzoek, opties = {}) => {
        if (opties.ongeldig || opties.notificeren) throw new NietBijDienst('De testschool van de gedeelde testomgeving zet geen ongeldig dossier of notificatie klaar op verzoek van de testbank.');
        return {} as ReturnType<LasSystem['klaarzetten']>;
      },
      opvragen: async (verzoek) => {
        const r = await api.post<DienstOpvraagResultaat>(`/testscholen/${school.brin}/opvragen`, { bronBrin: verzoek.bronBrin, pgn: verzoek.pgn, geboortedatum: verzoek.geboortedatum });
        await volg();
        const dossier: OntvangenDossier | undefined =
          r.status === 'opgeslagen' || r.status === 'geweigerd'
            ? { ...(r.sessieId ? { sessieId: r.sessieId } : {}), bronBrin: verzoek.bronBrin, doelBrin: school.brin, pgn: r.pgn, status: r.status, ...(r.reden ? { reden: r.reden } : {}), ontvangenOp: r.op, ...(r.bijlagen ? { bijlagen: r.bijlagen } : {}) }
            : undefined;
        if (dossier) ontvangen.push(dossier);
        laatsteFout = r.status === 'opgeslagen' ? undefined : (r.reden ?? r.resultaat);
        return {
          resultaat: r.resultaat,
          ...(r.sessieId ? { sessieId: r.sessieId } : {}),
          aanleverpunten: [],
          afgemeld: r.afgemeld,
          ...(r.status === 'mislukt' && r.reden ? { fout: r.reden } : {}),
          ...(dossier ? { ontvangen: dossier } : {}),
        };
      },
      ontvangen: () => ontvangen,
      notificaties: () => [],
      laatsteFout: () => laatsteFout,
      release: () => gegevensset2019,
      // Nothing of the service's testscholen is this run's to reset; the run reads only what it caused.
      reset: () => {},
      close: async () => {},
    });
  };

  const register = new Register();
  register.namePartyOf(config.sut.certificaat.oin, `${config.sut.naam} (SUT)`);
  const tc = alleen<TrafficCenter>('Het Traffic Center van de testomgeving', { url: `${api.basis}${TC_PATH}`, close: async () => {} });
  const sut = { naam: config.sut.naam, oin: config.sut.certificaat.oin, scholen: config.sut.scholen };

  const wereld: Omit<DienstWereld, 'volgend'> = {
    dienst: { basis: api.basis },
    // The service keeps its own date; a scenario's date is told to the SUT (as against an embedded world) and kept here.
    clock: new SimulatedClock(),
    register,
    log,
    tc,
    testscholen: { po: testschool(testschoolScholen.po), vo: testschool(testschoolScholen.vo) },
    extraScholen: {},
    sut,
    pki,
    catalogue,
    clientLog: { log, shouldRecord: () => false, partyAt: (url) => url },
    identity: (partyId) => {
      throw new NietBijDienst(`Berichten onder het certificaat van ${partyId === 'tc' ? TC_NAME : partyId} stuurt alleen de testomgeving zelf; de testbank kan dat niet tegen een gedeelde testomgeving.`);
    },
    stop: async () => {},
    volg,
    berichtIds: () => [...ids],
  };
  return {
    ...wereld,
    volgend: (adapter) => volgendeAdapter(adapter, volg),
  };
}

/** The adapter, with the service's new exchanges read after each of its calls (also one that failed). */
function volgendeAdapter(adapter: SutAdapter, volg: () => Promise<void>): SutAdapter {
  const na =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } finally {
        await volg();
      }
    };
  return {
    soort: adapter.soort,
    klaarzetten: na((v) => adapter.klaarzetten(v)),
    opvragen: na((v) => adapter.opvragen(v)),
    ontvangen: () => adapter.ontvangen(),
    laatsteFout: () => adapter.laatsteFout(),
    wisselRelease: (g) => adapter.wisselRelease(g),
    close: () => adapter.close(),
    ...(adapter.notificaties ? { notificaties: () => adapter.notificaties!() } : {}),
    ...(adapter.bijStap ? { bijStap: (s) => adapter.bijStap!(s) } : {}),
    ...(adapter.reset ? { reset: () => adapter.reset!() } : {}),
    ...(adapter.zetKlok ? { zetKlok: (d) => adapter.zetKlok!(d) } : {}),
    ...(adapter.datum ? { datum: () => adapter.datum!() } : {}),
  };
}
