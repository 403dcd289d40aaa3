/**
 * The hosted testscholen, as the real OSO testschool is used: the PO testschool (99AA) answers as bron for its test
 * pupils to any registered school that asks, and records each release; the VO testschool (99BB, which also serves the
 * SWV 99SW) asks a school's LAS for a pupil's dossier on demand, judges it with every rule of the gegevensset and
 * records it with every finding. Both serve their APs on the service's one HTTPS port.
 */
import type { SimulatedClock } from '../simulator/clock.ts';
import type { Leerling } from '../simulator/dossier/leerling.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { validateDossier } from '../simulator/dossier/validator.ts';
import { versieOpNaam, volledigeVersie } from '../simulator/dossier/versies/index.ts';
import { LasFout, type LasSystem, type LasSystemOptions } from '../simulator/las/las-system.ts';
import type { LasSchool } from '../simulator/las/las-school.ts';
import { wachtOpKlaarzetten as wachtendeWeigeringen, type Aanvraag } from '../simulator/las/notificeren.ts';
import { decodeEnvelope } from '../simulator/protocol/soap.ts';
import type { ResultCode } from '../simulator/protocol/result-codes.ts';
import { startTestschool, testschoolName } from '../simulator/testschool/testschool.ts';
import type { ExchangeLog } from '../simulator/transport/exchange-log.ts';
import type { SharedServer } from '../simulator/transport/soap-server.ts';
import type { TlsIdentity } from '../simulator/transport/tls-identity.ts';
import type { NotificatieUitkomst } from '../simulator/control-api.ts';
import type { Store, TestschoolUitwisseling } from '../store/store.ts';
import type { StoreRegister } from './store-register.ts';
import { bronTestschool, klaargezetVooraf, klaargezetVorigJaar, wachtOpKlaarzetten } from './testleerlingen.ts';

export interface HostedTestscholen {
  /** The PO testschool: bron for every school. */
  po: LasSystem;
  /** The VO testschool (with the SWV): doel on demand. */
  vo: LasSystem;
  /** The LAS that serves a testschool BRIN, if it is one. */
  lasVan(brin: string): LasSystem | undefined;
  opvragen(verzoek: OpvraagOpdracht): Promise<OpvraagResultaat>;
  /**
   * The PO testschool klaarzet a waiting pupil's dossier for a school and notifies that school's LAS, for each request it
   * answered with a waiting refusal. No outcome: the school's LAS has not asked for this pupil since it was last notified.
   */
  notificeren(verzoek: NotificeerOpdracht): Promise<NotificatieUitkomst[]>;
  close(): Promise<void>;
}

export interface NotificeerOpdracht {
  /** The testschool that klaarzet and notifies (bron). */
  testschoolBrin: string;
  /** The school whose LAS asked before (doel). */
  doelBrin: string;
  pgn: string;
}

export interface OpvraagOpdracht {
  /** The testschool that asks (doel). */
  testschoolBrin: string;
  /** The school whose LAS is asked (bron). */
  bronBrin: string;
  pgn: string;
  geboortedatum: string;
}

/** The validated result: what the testschool stored, with the protocol's result code. */
export type OpvraagResultaat = Omit<TestschoolUitwisseling, 'xml'> & { resultaat: string; afgemeld: boolean };

export interface TestscholenOptions {
  scholen: { po: LasSchool; vo: LasSchool; swv: LasSchool };
  identiteiten: { po: TlsIdentity & { oin: string }; vo: TlsIdentity & { oin: string } };
  shared: SharedServer;
  tcUrl: string;
  clock: SimulatedClock;
  administratie: Leerling[];
  log: ExchangeLog;
  store: Store;
  register: StoreRegister;
  timeoutMs?: number;
}

/** The release before the testscholen's own (2019.1): the dossier of last year's test pupil is klaargezet in it. */
const vorigeRelease = versieOpNaam('2018.1')!;

/** What a hosted testschool's LAS remembers in memory per kind (requests, received dossiers, notificaties). */
const GEHEUGEN = 500;

export async function startHostedTestscholen(o: TestscholenOptions): Promise<HostedTestscholen> {
  const eigenOrigin = new URL(o.shared.url).origin;
  // The testscholen record the calls they make to schools' LASes; calls to the TC on this same server are recorded there.
  const clientLog = { log: o.log, shouldRecord: (url: string) => new URL(url).origin !== eigenOrigin, partyAt: (url: string) => url };
  const testschoolBrins = new Set([o.scholen.po.brin, o.scholen.vo.brin, o.scholen.swv.brin]);
  const gemeenschappelijk = {
    gegevensset: gegevensset2019,
    tcUrl: o.tcUrl,
    clock: o.clock,
    administratie: o.administratie,
    log: o.log,
    partyName: (oin: string | undefined) => o.register.partyName(oin),
    clientLog,
    timeoutMs: o.timeoutMs ?? 30_000,
    shared: o.shared,
    // The store keeps the record; in memory only what a running exchange needs.
    geheugen: GEHEUGEN,
  };
  o.register.noemPartij(o.identiteiten.po.oin, testschoolName(o.scholen.po));
  o.register.noemPartij(o.identiteiten.vo.oin, testschoolName(o.scholen.vo));

  /** Records a release to a real school before the dossier leaves; false for a testschool or an unknown pupil (nothing recorded). */
  const uitgifteVastleggen = async (u: Parameters<NonNullable<LasSystemOptions['bijUitgifte']>>[0]): Promise<boolean> => {
    if (testschoolBrins.has(u.doelBrin) || u.pgn === undefined) return false;
    await o.store.uitwisselingToevoegen({
      testschoolBrin: u.verzoek.bronBrin,
      schoolBrin: u.doelBrin,
      richting: 'school-als-doel',
      pgn: u.pgn,
      sessieId: u.sessieId,
      op: o.clock.now().toISOString(),
      status: u.resultaat === 'DossierGeleverd' ? 'geleverd' : 'mislukt',
      ...(u.resultaat === 'DossierGeleverd' ? {} : { reden: u.resultaat }),
      ...(u.xml !== undefined ? { xml: u.xml } : {}),
      bevindingen: [],
    });
    return true;
  };

  const po = await startTestschool({
    ...gemeenschappelijk,
    schools: [o.scholen.po],
    tls: o.identiteiten.po,
    klaargezetVoorIedereen: (leerling) => klaargezetVooraf(leerling.id),
    releaseVanKlaargezet: (leerling) => (klaargezetVorigJaar(leerling.id) ? vorigeRelease : undefined),
    // Each release to a real school is recorded before the dossier leaves: what the school received is on record.
    bijUitgifte: async (u) => {
      if (!(await uitgifteVastleggen(u)) || u.pgn === undefined) return;
      // A waiting pupil is klaargezet for one delivery: the school can test its notificatie again.
      if (u.resultaat === 'DossierGeleverd' && u.leerlingId !== undefined && wachtOpKlaarzetten(u.leerlingId))
        po.klaarzettingIntrekken({ brin: u.verzoek.bronBrin, pgn: u.pgn, doelBrin: u.doelBrin });
    },
  });
  // The VO testschool is bron too, for its own VO pupils (a VO→VO transfer needs a VO bron), and records each release.
  const vo = await startTestschool({
    ...gemeenschappelijk,
    schools: [o.scholen.vo, o.scholen.swv],
    tls: o.identiteiten.vo,
    klaargezetVoorIedereen: (leerling) => bronTestschool(leerling.id) === 'vo',
    bijUitgifte: async (u) => {
      await uitgifteVastleggen(u);
    },
  });

  // Their own schools and APs in the register, idempotent: a restart or a second instance finds them there already.
  for (const [las, oin] of [[po, o.identiteiten.po.oin], [vo, o.identiteiten.vo.oin]] as const) {
    for (const s of las.schools) {
      if (!(await o.store.school(s.brin))) await o.store.schoolToevoegen({ brin: s.brin, vestigingscode: s.vestigingscode, naam: s.naam, sector: s.sector });
      const url = las.apUrl(s.routeringsKenmerk);
      const bestaand = await o.store.aanleverpunt(s.routeringsKenmerk);
      if (!bestaand || bestaand.url !== url || bestaand.eigenaarOin !== oin)
        await o.store.aanleverpuntRegistreren(
          { routeringsKenmerk: s.routeringsKenmerk, brin: s.brin, url, actief: true, eigenaarOin: oin, leverancier: las.name, geregistreerdOp: o.clock.now().toISOString(), opgeschort: bestaand?.opgeschort ?? false },
          'oso-testbank serve',
        );
    }
  }

  const lasVan = (brin: string) => [po, vo].find((las) => las.schools.some((s) => s.brin === brin));

  return {
    po,
    vo,
    lasVan,
    async opvragen(v) {
      const las = lasVan(v.testschoolBrin);
      if (!las) throw new LasFout(`${v.testschoolBrin} is geen testschool; wel: ${[...testschoolBrins].join(', ')}.`);
      const uitkomst = await las.opvragen({ brin: v.testschoolBrin, bronBrin: v.bronBrin, pgn: v.pgn, geboortedatum: v.geboortedatum });
      const ontvangen = uitkomst.ontvangen;
      const xml = uitkomst.dossierXml;
      const versie = volledigeVersie(las.release().versie);
      // Every finding, not only those that made the LAS refuse: the school sees all that is wrong with its dossier.
      const bevindingen =
        xml !== undefined && versie
          ? validateDossier(xml, { gegevensset: versie, bijlagen: 'inhoud' }).findings.map((f) => ({
              regel: f.rule,
              ernst: f.severity === 'error' ? ('fout' as const) : ('waarschuwing' as const),
              melding: f.message,
              ...(f.path ? { pad: f.path } : {}),
            }))
          : [];
      const status = ontvangen?.status ?? 'mislukt';
      const reden =
        ontvangen?.reden ??
        (ontvangen ? undefined : `${uitkomst.resultaat}${uitkomst.fout ? `: ${uitkomst.fout}` : ''}`);
      // The testschool's own calls to the school's AP are recorded (not awaited) as they happen: durable before the answer.
      await o.log.flush();
      const opgeslagen = await o.store.uitwisselingToevoegen({
        testschoolBrin: v.testschoolBrin,
        schoolBrin: v.bronBrin,
        richting: 'school-als-bron',
        pgn: v.pgn,
        ...(uitkomst.sessieId ? { sessieId: uitkomst.sessieId } : {}),
        op: o.clock.now().toISOString(),
        status,
        ...(reden !== undefined ? { reden } : {}),
        ...(xml !== undefined ? { xml } : {}),
        bevindingen,
        ...(ontvangen?.bijlagen ? { bijlagen: ontvangen.bijlagen } : {}),
      });
      const { xml: _xml, ...zonderXml } = opgeslagen;
      return { ...zonderXml, resultaat: uitkomst.resultaat, afgemeld: uitkomst.afgemeld };
    },
    async notificeren(v) {
      if (v.testschoolBrin !== o.scholen.po.brin) throw new LasFout(`Alleen testschool ${o.scholen.po.brin} zet dossiers klaar en stuurt notificaties, niet ${v.testschoolBrin}.`);
      const leerling = o.administratie.find((l) => l.pgn.waarde === v.pgn);
      if (!leerling || !wachtOpKlaarzetten(leerling.id))
        throw new LasFout(`Testschool ${v.testschoolBrin} heeft voor deze leerling (${v.pgn}) altijd een dossier klaarstaan; een notificatie kan alleen voor de leerlingen onder “Notificatie testen”.`);
      // Notifying is for a school that asked and is waiting [pub]; the store tells whether its last request was refused so.
      const laatste = (await o.store.uitwisselingen({ schoolBrin: v.doelBrin }))
        .filter((u) => u.testschoolBrin === v.testschoolBrin && u.richting === 'school-als-doel' && u.pgn === v.pgn)
        .sort((a, b) => b.id - a.id)[0];
      if (!laatste || laatste.status !== 'mislukt' || !wachtendeWeigeringen.includes(laatste.reden as ResultCode))
        throw new LasFout(
          laatste?.status === 'geleverd'
            ? `Uw LAS heeft het dossier van deze leerling al ontvangen. Vraag het in uw LAS opnieuw op bij testschool ${v.testschoolBrin}: uw LAS krijgt dan eerst geen dossier, en daarna kan de notificatie opnieuw.`
            : `Uw LAS heeft het dossier van deze leerling nog niet opgevraagd bij testschool ${v.testschoolBrin}. Vraag het eerst op in uw LAS (uw LAS krijgt dan nog geen dossier); daarna stuurt de testschool de notificatie.`,
        );
      // The request may have been answered by this service before a restart, or by another instance: the stored
      // documentRequest of that session says everything the notificatie needs.
      if (laatste.sessieId) {
        const aanvraag = await opgeslagenAanvraag(o.store, laatste.sessieId);
        if (aanvraag) po.aanvraagHerinneren({ ...aanvraag, pgn: v.pgn, resultaat: laatste.reden as ResultCode });
      }
      const klaargezet = po.klaarzetten({ brin: v.testschoolBrin, pgn: v.pgn, doelBrin: v.doelBrin }, { notificeren: true });
      const uitkomsten = (await klaargezet.notificatie) ?? [];
      if (!uitkomsten.length) {
        // The store holds the refusal but not the request's message (it was cut off, or the log was cleared): nobody to
        // notify, so the klaarzetting is withdrawn again and the school asks once more.
        po.klaarzettingIntrekken({ brin: v.testschoolBrin, pgn: v.pgn, doelBrin: v.doelBrin });
        throw new LasFout(
          `Testschool ${v.testschoolBrin} kan de eerdere aanvraag van uw LAS niet meer terugvinden. Vraag het dossier nog één keer op in uw LAS en druk daarna opnieuw op de knop.`,
        );
      }
      // The notificatie's messages are recorded (not awaited) as they happen: durable before the answer.
      await o.log.flush();
      return uitkomsten;
    },
    close: async () => {
      await Promise.allSettled([po.close(), vo.close()]);
    },
  };
}

/** The documentRequest of a session as the testschool received it, from the stored message log. */
async function opgeslagenAanvraag(store: Store, sessieId: string): Promise<Omit<Aanvraag, 'pgn' | 'resultaat'> | undefined> {
  for (const b of await store.berichten({ sessieId })) {
    if (b.operation !== 'documentRequest') continue;
    try {
      const d = decodeEnvelope(b.request);
      if (d.kind !== 'message' || d.name !== 'documentRequest') continue;
      const { bronBrin, bronRouteringsKenmerk, doelBrin, doelRouteringsKenmerk, aanvraagdatum } = d.body;
      return { sessieId, bronBrin, bronRouteringsKenmerk, doelBrin, doelRouteringsKenmerk, aanvraagdatum };
    } catch {
      // A message that does not decode is no request to notify.
    }
  }
  return undefined;
}
