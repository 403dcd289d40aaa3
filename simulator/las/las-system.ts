/**
 * A LAS as the simulated world knows it: one system serving one or more schools, playing bron (an AP answering
 * documentRequest) and doel (opvragen), with its administration of pupils, its klaargezette dossiers and what it
 * received. The testscholen are LAS systems; so is the reference LAS, which adds named faults and a control API.
 */
import type { SimulatedClock } from '../clock.ts';
import type { NotificatieUitkomst, OntvangenNotificatie } from '../control-api.ts';
import { DossierLeesfout, kernVan, type DossierKern } from '../dossier/dossier-reader.ts';
import type { GegevenssetVersie } from '../dossier/gegevensset.ts';
import { generateDossierXml } from '../dossier/generator/generator.ts';
import type { Leerling } from '../dossier/leerling.ts';
import { validateDossier } from '../dossier/validator.ts';
import { bekendeVersies, versieOpNaam, versieOpNamespace, volledigeVersie } from '../dossier/versies/index.ts';
import { bijlagenVan } from '../dossier/bijlagen.ts';
import { parseXml, type XmlDocument } from '../dossier/xml-reader.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import { startSoapServer, type SharedServer, type SoapServer, type SoapRoute } from '../transport/soap-server.ts';
import { LEGACY_CIPHERS, type TlsIdentity, type TlsVersion } from '../transport/tls-identity.ts';
import type { FaultReason } from '../protocol/fault-reasons.ts';
import { bronDocumentRequestHandler, type BronGedrag, type Uitgifte } from './bron.ts';
import { herkenProfiel, type Profiel } from '../dossier/profile.ts';
import { opvragen, type DoelGedrag, type OpvraagUitkomst } from './doel.ts';
import { KlaarzetStore, type KlaargezetDossier } from './klaarzet-store.ts';
import type { LasSchool } from './las-school.ts';
import { NotificatieInbox } from './notificatie-ontvangst.ts';
import { eenWerker } from './een-werker.ts';
import { Aanvragenboek, notificeer, type Aanvraag, type NotificatieGedrag } from './notificeren.ts';
import type { OntvangenDossier } from './ontvangen-dossier.ts';
import { OsoClient, type OsoClientOptions } from './oso-client.ts';

export const AP_PATH = '/oso/ap/:routeringsKenmerk';

/** The path of one aanleverpunt. */
export const apPath = (routeringsKenmerk: string) => AP_PATH.replace(':routeringsKenmerk', routeringsKenmerk);

/** A request to a LAS that it cannot carry out; the message is Dutch and says why. */
export class LasFout extends Error {
  override readonly name = 'LasFout';
}

export interface LasSystemOptions {
  name: string;
  schools: LasSchool[];
  tls: TlsIdentity;
  /** The certificate its AP presents, when not the one it calls with (TLS tests swap in bad server certificates). */
  serverTls?: TlsIdentity;
  tcUrl: string;
  clock: SimulatedClock;
  administratie: Leerling[];
  gegevensset: GegevenssetVersie;
  pakket: { naam: string; versie: string };
  /** Where the AP server records what it receives. */
  serverLog: ExchangeLog;
  partyName?: (oin: string | undefined) => string;
  /** Where the client records what it sends (the world records only calls to the system under test). */
  clientLog?: OsoClientOptions['log'];
  timeoutMs?: number;
  /** Seed of the synthetic dossiers this LAS writes: the same seed gives the same dossiers. */
  seed?: string;
  gedrag?: LasGedrag;
  host?: string;
  /** The name others reach its AP by, in its URLs; default the host. */
  hostnaam?: string;
  port?: number;
  /** Serve its APs on this server's port (`serve`: one HTTPS port for everything) instead of its own. */
  shared?: SharedServer;
  /** Which pupils' dossiers are klaargezet for whichever school asks: the open testschool of `serve` (bron.ts). */
  klaargezetVoorIedereen?: (leerling: Leerling) => boolean;
  /** The release a pupil's dossier klaargezet for every school is in, when not this LAS's own (a dossier of last year). */
  releaseVanKlaargezet?: (leerling: Leerling) => GegevenssetVersie | undefined;
  /**
   * Keep only the latest N of what it remembers per kind — received dossiers, requests, notificaties — (a long-running
   * service, whose store keeps the record); everything when absent.
   */
  geheugen?: number;
  /** Each documentRequest its AP answered, with the dossier it released; awaited before the answer goes out. */
  bijUitgifte?: (u: Uitgifte) => void | Promise<void>;
}

/** How a LAS handles TLS; a conformant LAS keeps the defaults. */
export interface TlsGedrag {
  /** Client-certificate problems its AP looks past. */
  tolereer?: FaultReason[];
  /** Lowest TLS version its AP accepts (default TLS 1.2). */
  minTlsVersie?: TlsVersion;
  /** Do not verify the certificates of the servers it calls. */
  vertrouwElkeServer?: boolean;
  /** Do not check whether the server's certificate names the host it connects to. */
  hostnaamNegeren?: boolean;
  /** Its AP does not check client certificates against the CRL. */
  serverZonderIntrekkingscontrole?: boolean;
  /** It does not check server certificates against the CRL. */
  clientZonderIntrekkingscontrole?: boolean;
  /** Its AP accepts RSA keys under 2048 bits and SHA-1 signatures (OpenSSL security level 0). */
  zwakkeClientcertificatenToestaan?: boolean;
}

/** How a LAS handles its dossiers outside the exchange itself; a conformant LAS keeps the defaults. */
export interface DossierGedrag {
  /** Klaarzetten for a second school keeps the dossier for the first one too. */
  tweeScholen?: boolean;
  /** Put the PGN in an SWV dossier (rule PaO.LL12). */
  pgnInSwv?: boolean;
  /** Fill the categories the parents opted out of, while they stay marked OPT-UIT. */
  optUitMetGegevens?: boolean;
  /** Store a received dossier without validating it. */
  ongeldigImporteren?: boolean;
  /** Store a received dossier without its attachments. */
  bijlagenWeglaten?: boolean;
  /** Ignore the switch to a new gegevensset release: keep writing and asking for the old one. */
  releaseNegeren?: boolean;
  /** Treat a transfer to another vestiging of the same BRIN as an ordinary overstap. */
  binnenBrinNegeren?: boolean;
}

/** How a LAS holds up under load; a conformant LAS keeps the defaults. */
export interface LastGedrag {
  /** Its AP handles one documentRequest at a time, taking this many ms for each (een-werker.ts). */
  eenWerkerMs?: number;
}

export type LasGedrag = BronGedrag & DoelGedrag & TlsGedrag & DossierGedrag & NotificatieGedrag & LastGedrag;

export interface KlaarzetOpties {
  /** Serve a dossier that breaks the gegevensset's rules (a testschool that tests the doel's import check). */
  ongeldig?: boolean;
  /** The user's conscious choice to notify the systems that asked for this dossier before. */
  notificeren?: boolean;
}

export interface LasSystem {
  readonly name: string;
  readonly schools: readonly LasSchool[];
  apUrl(routeringsKenmerk: string): string;
  /** With `notificeren`, `notificatie` resolves (never rejects) with what became of each notificatie. */
  klaarzetten(verzoek: { brin: string; pgn: string; doelBrin: string }, opties?: KlaarzetOpties): KlaargezetDossier & { notificatie?: Promise<NotificatieUitkomst[]> };
  /** With the judgement of the received dossier (`ontvangen`) when one came. */
  opvragen(verzoek: { brin: string; bronBrin: string; pgn: string; geboortedatum: string }): Promise<OpvraagUitkomst & { ontvangen?: OntvangenDossier }>;
  ontvangen(): readonly OntvangenDossier[];
  /** The notificaties its AP received as doel. */
  notificaties(): readonly OntvangenNotificatie[];
  /** The last error this LAS showed its user (a refused opvragen or a refused dossier), if any. */
  laatsteFout(): string | undefined;
  /** The gegevensset release it works in now. */
  release(): GegevenssetVersie;
  /** Switch to another release (the summer release): new dossiers are written in it, received ones judged by it. */
  wisselRelease(versie: string): void;
  /** Back to how it started: nothing klaargezet, received or notified, no last error, its starting release. */
  reset(): void;
  /** Withdraws the dossier klaargezet for one school (the hosted testschool, after it delivered a waiting pupil). */
  klaarzettingIntrekken(verzoek: { brin: string; pgn: string; doelBrin: string }): boolean;
  /** Remembers a request answered by another instance of the same testschool (serve), so a notificatie can follow it. */
  aanvraagHerinneren(aanvraag: Aanvraag): void;
  close(): Promise<void>;
}

export async function startLasSystem(options: LasSystemOptions): Promise<LasSystem> {
  const klaargezet = new KlaarzetStore();
  const ontvangen: OntvangenDossier[] = [];
  const aanvragen = new Aanvragenboek(options.geheugen);
  const inbox = new NotificatieInbox(options.geheugen);
  let gegevensset = options.gegevensset;
  let laatsteFout: string | undefined;
  const gedrag = options.gedrag ?? {};
  const client = new OsoClient({
    name: options.name,
    tls: gedrag.clientZonderIntrekkingscontrole ? zonderCrl(options.tls) : options.tls,
    ...(gedrag.hostnaamNegeren ? { ignoreHostname: true } : {}),
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.clientLog ? { log: options.clientLog } : {}),
    ...(gedrag.vertrouwElkeServer ? { trustAnyServer: true } : {}),
  });
  const school = (brin: string) => {
    const s = options.schools.find((x) => x.brin === brin);
    if (!s) throw new LasFout(`${options.name} bedient geen school met BRIN ${brin}; wel: ${options.schools.map((x) => x.brin).join(', ')}.`);
    return s;
  };

  /**
   * The dossier model of the gegevensset (simulator/dossier): the pupil's own data, the opt-out variant of the profile (a
   * zorgdossier for a zorg pupil), written in the release this LAS runs. Made per doel sector on first release.
   */
  const maakDossier = (bron: LasSchool, leerling: Leerling, doelBrin: string, opties: KlaarzetOpties, release?: GegevenssetVersie): KlaargezetDossier => {
    const versie = release ?? gegevensset;
    const datum = options.clock.today();
    const perProfiel = new Map<Profiel, string>();
    return {
      leerling,
      bronBrin: bron.brin,
      doelBrin,
      versie: versie.versie,
      klaargezetOp: options.clock.now(),
      xmlVoor(doelSector) {
        const profiel = profielVoor(bron, bron.brin === doelBrin && !gedrag.binnenBrinNegeren, doelSector);
        let xml = perProfiel.get(profiel);
        if (xml === undefined) {
          xml = generateDossierXml({
            profiel,
            variant: 'opt-uit',
            seed: `${options.seed ?? ''}|${leerling.id}|${bron.brin}|${doelBrin}`,
            ...(leerling.zorg ? { zorg: true } : {}),
            leerling,
            school: { naam: bron.naam, brincode: bron.brin, vestigingscode: bron.vestigingscode, aanleverpunt: bron.routeringsKenmerk, adres: bron.adres, telefoon: bron.telefoon },
            datum,
            pakket: options.pakket,
            versie,
            fouten: { ...(gedrag.pgnInSwv ? { pgnInSwv: true } : {}), ...(gedrag.optUitMetGegevens ? { optUitMetGegevens: true } : {}) },
          });
          if (opties.ongeldig) xml = ongeldigGemaakt(xml, leerling);
          perProfiel.set(profiel, xml);
        }
        return xml;
      },
    };
  };

  const serverTls = options.serverTls ?? options.tls;
  const documentRequest = bronDocumentRequestHandler({
    schools: options.schools,
    administratie: () => options.administratie,
    klaargezet,
    client,
    tcUrl: options.tcUrl,
    gedrag,
    maakDossier: (bron, leerling, doelBrin) => maakDossier(bron, leerling, doelBrin, {}, options.releaseVanKlaargezet?.(leerling)),
    ...(options.klaargezetVoorIedereen ? { klaargezetVoorIedereen: options.klaargezetVoorIedereen } : {}),
    // Who asked for which pupil: the systems a later klaarzetten may notify.
    onUitgifte: async (u) => {
      if (u.pgn !== undefined) aanvragen.onthoud(u.verzoek, u.pgn, u.resultaat);
      await options.bijUitgifte?.(u);
    },
  });
  const werker = gedrag.eenWerkerMs !== undefined ? eenWerker(gedrag.eenWerkerMs) : undefined;
  const operations: SoapRoute['operations'] = {
    documentRequest: werker ? async (body, ctx) => (await werker.beurt(), documentRequest(body, ctx)) : documentRequest,
    notificatieRequest: inbox.handler({ schools: options.schools, clock: options.clock, ...(gedrag.notificatieVergeten ? { vergeten: true } : {}) }),
  };
  // On a shared server other systems' APs live next to this one's: each of its APs gets a literal path of its own.
  const routes: SoapRoute[] = options.shared
    ? options.schools.map((s) => ({ path: apPath(s.routeringsKenmerk), params: { routeringsKenmerk: s.routeringsKenmerk }, operations }))
    : [{ path: AP_PATH, operations }];
  const server: SoapServer = await startSoapServer({
    name: options.name,
    tls: {
      ...(gedrag.serverZonderIntrekkingscontrole ? zonderCrl(serverTls) : serverTls),
      ...(gedrag.zwakkeClientcertificatenToestaan ? { ciphers: LEGACY_CIPHERS } : {}),
    },
    log: options.serverLog,
    ...(options.partyName ? { partyName: options.partyName } : {}),
    ...(gedrag.tolereer ? { tolerate: gedrag.tolereer } : {}),
    ...(gedrag.minTlsVersie ? { minTlsVersion: gedrag.minTlsVersie } : {}),
    routes,
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.hostnaam !== undefined ? { hostnaam: options.hostnaam } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.shared ? { shared: options.shared } : {}),
  });

  return {
    name: options.name,
    schools: options.schools,
    apUrl: (rk) => `${server.url}${apPath(rk)}`,

    klaarzetten({ brin, pgn, doelBrin }, opties = {}) {
      const bron = school(brin);
      const leerling = options.administratie.find((l) => l.pgn.waarde === pgn);
      if (!leerling) throw new LasFout(`${options.name} kent geen leerling met PGN ${pgn} op ${brin}.`);
      const dossier = maakDossier(bron, leerling, doelBrin, opties);
      // A LAS open to every school (the hosted testschool) keeps a klaarzetting per school: many schools test at once.
      klaargezet.klaarzetten(dossier, gedrag.tweeScholen || options.klaargezetVoorIedereen !== undefined);
      if (!opties.notificeren) return dossier;
      const wie = gedrag.notificatieOverslaan ? [] : aanvragen.teNotificeren(brin, pgn, doelBrin, gedrag);
      const notificatie = notificeer(client, options.tcUrl, wie, aanvragen).then((uitkomsten) => {
        const mislukt = uitkomsten.filter((u) => u.resultaat !== 'NotificatieOntvangen');
        if (mislukt.length) laatsteFout = `Klaargezet, maar notificatie mislukt: ${mislukt.map((u) => `${u.doelBrin}: ${u.resultaat}${u.fout ? ` (${u.fout})` : ''}`).join('; ')}`;
        return uitkomsten;
      });
      return { ...dossier, notificatie };
    },

    async opvragen({ brin, bronBrin, pgn, geboortedatum }) {
      const doel = school(brin);
      const uitkomst = await opvragen(
        client,
        options.tcUrl,
        {
          doelSchool: doel,
          bronBrin,
          leerling: { pgn, geboortedatum },
          // Within one BRIN (another vestiging) the transfer is a binnen-BRIN one [pub].
          overdrachtsoort: bronBrin === doel.brin ? 'overdrachtbinnenbrin' : 'overstapdossier',
          dossierVersie: gegevensset.versie,
          aanvraagdatum: options.clock.today(),
        },
        gedrag,
      );
      if (uitkomst.sessieId) inbox.onthoudAanvraag(uitkomst.sessieId, { doelBrin: brin, bronBrin, pgn });
      laatsteFout = uitkomst.resultaat === 'DossierGeleverd' ? undefined : `Opvragen mislukt: ${uitkomst.resultaat}${uitkomst.fout ? ` (${uitkomst.fout})` : ''}`;
      if (uitkomst.dossierXml !== undefined) {
        const base = { ...(uitkomst.sessieId ? { sessieId: uitkomst.sessieId } : {}), bronBrin, doelBrin: brin, pgn, ontvangenOp: options.clock.now().toISOString() };
        const beoordeling = beoordeel(uitkomst.dossierXml, pgn, gegevensset, gedrag);
        if ('reden' in beoordeling) laatsteFout = `Dossier geweigerd: ${beoordeling.reden}`;
        const ontvangst: OntvangenDossier =
          'reden' in beoordeling ? { ...base, status: 'geweigerd', reden: beoordeling.reden } : { ...base, status: 'opgeslagen', xml: uitkomst.dossierXml, bijlagen: beoordeling.bijlagen };
        ontvangen.push(ontvangst);
        if (options.geheugen !== undefined && ontvangen.length > options.geheugen) ontvangen.shift();
        return { ...uitkomst, ontvangen: ontvangst };
      }
      return uitkomst;
    },

    ontvangen: () => ontvangen,
    notificaties: () => inbox.ontvangen(),
    laatsteFout: () => laatsteFout,
    release: () => gegevensset,
    wisselRelease(versie) {
      const nieuw = versieOpNaam(versie);
      if (!nieuw) throw new LasFout(`${options.name} kent gegevensset ${versie} niet; wel: ${bekendeVersies.map((v) => v.versie).join(', ')}.`);
      if (!gedrag.releaseNegeren) gegevensset = nieuw;
    },
    klaarzettingIntrekken: ({ brin, pgn, doelBrin }) => klaargezet.intrekken(brin, pgn, doelBrin),
    aanvraagHerinneren: (aanvraag) => aanvragen.herinner(aanvraag),
    reset() {
      klaargezet.leeg();
      ontvangen.length = 0;
      aanvragen.leeg();
      inbox.leeg();
      laatsteFout = undefined;
      gegevensset = options.gegevensset;
    },
    close: () => server.close(),
  };
}

/** The identity without its CRLs: revocation is then not checked (the reference LAS's revocation faults). */
function zonderCrl({ crlPems: _crl, ...rest }: TlsIdentity): TlsIdentity {
  return rest;
}

/**
 * The profile of a dossier this LAS releases: within one BRIN it is a transfer binnen de BRIN; otherwise the sectors of
 * both schools decide. The doel's sector comes from the TC at sessiecontrole [pub]; without it a PO school sends POVO
 * and a VO school VOVO, the common transfers.
 */
function profielVoor(bron: LasSchool, binnenBrin: boolean, doelSector: string | undefined): Profiel {
  if (binnenBrin) return 'binnen-BRIN';
  const po = bron.sector !== 'VO';
  if (doelSector === 'SWV') return po ? 'POSWV' : 'VOSWV';
  if (doelSector === 'PO' && po) return 'POPO';
  return po ? 'POVO' : 'VOVO';
}

/** The dossier with an impossible birth date for the pupil (an XSD finding): what a testschool serves to test a doel's import check. */
function ongeldigGemaakt(xml: string, leerling: Leerling): string {
  const onmogelijk = `${leerling.geboortedatum.slice(0, 4)}-02-30`;
  return xml.replace(`>${leerling.geboortedatum}<`, `>${onmogelijk}<`);
}

/** Whether a doel stores a received dossier (with its attachments) or refuses it, and why. */
function beoordeel(
  xml: string,
  pgn: string,
  versie: GegevenssetVersie,
  gedrag: DossierGedrag & Pick<BronGedrag, 'alleenBsn'>,
): { reden: string } | { bijlagen: { bestandsnaam: string; sha256: string }[] } {
  // Read once: the identity checks, the validation and the attachments below look at the same element tree.
  let doc: XmlDocument;
  let kern: DossierKern;
  try {
    doc = parseXml(xml);
    kern = kernVan(doc);
  } catch (e) {
    if (e instanceof DossierLeesfout) return { reden: `Dossier onleesbaar: ${e.message}` };
    throw e;
  }
  if (kern.namespace !== versie.namespace || kern.standaardversie !== versie.standaardversie) {
    const release = versieOpNamespace(kern.namespace)?.versie ?? kern.standaardversie;
    return { reden: `Dossier van gegevensset ${release} (${kern.namespace}); verwacht ${versie.standaardversie}: de bron moet het dossier opnieuw klaarzetten in gegevensset ${versie.versie}.` };
  }
  // An SWV dossier carries no PGN (PaO.LL12); the SWV knows the pupil by name and birth date.
  const zonderPgn = kern.leerling.pgn === undefined && herkenProfiel(kern.overdrachtsoort, kern.overstap).familie === 'PaO';
  if (!zonderPgn && kern.leerling.pgn?.waarde !== pgn) return { reden: `Dossier betreft PGN ${kern.leerling.pgn?.waarde ?? '(geen)'}; gevraagd was ${pgn}.` };
  if (gedrag.alleenBsn && kern.leerling.pgn?.soort !== 'bsn') return { reden: 'Dossier zonder BSN: leerling niet te koppelen.' };
  const volledig = volledigeVersie(versie.versie);
  // A release known by identity only: nothing more to judge.
  const uitslag = volledig && !gedrag.ongeldigImporteren && validateDossier(doc, { gegevensset: volledig, bijlagen: false });
  if (uitslag && !uitslag.valid) {
    const fouten = uitslag.findings.filter((f) => f.severity === 'error');
    const voorbeelden = fouten.slice(0, 3).map((f) => `[${f.rule}] ${f.path}: ${f.message}`);
    return { reden: `Dossier ongeldig volgens gegevensset ${volledig.versie}: ${fouten.length} fout${fouten.length === 1 ? '' : 'en'}, o.a. ${voorbeelden.join('; ')}` };
  }
  return { bijlagen: gedrag.bijlagenWeglaten ? [] : bijlagenVan(doc) };
}
