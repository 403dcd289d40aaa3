/**
 * A LAS as the simulated world knows it: one system serving one or more schools, playing bron (an AP answering
 * documentRequest) and doel (opvragen), with its administration of pupils, its klaargezette dossiers and what it
 * received. The testscholen are LAS systems; so is the reference LAS, which adds named faults and a control API.
 */
import type { SimulatedClock } from '../clock.ts';
import { DossierLeesfout, kernVan, type DossierKern } from '../dossier/dossier-reader.ts';
import type { GegevenssetVersie } from '../dossier/gegevensset.ts';
import { generateDossierXml } from '../dossier/generator/generator.ts';
import type { Leerling } from '../dossier/leerling.ts';
import type { Profiel } from '../dossier/profile.ts';
import { validateDossier } from '../dossier/validator.ts';
import { bekendeVersies, versieOpNaam, versieOpNamespace, volledigeVersie } from '../dossier/versies/index.ts';
import { bijlagenVan } from '../dossier/bijlagen.ts';
import { parseXml, type XmlDocument } from '../dossier/xml-reader.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import { startSoapServer, type SoapServer } from '../transport/soap-server.ts';
import { LEGACY_CIPHERS, type TlsIdentity, type TlsVersion } from '../transport/tls-identity.ts';
import type { FaultReason } from '../protocol/fault-reasons.ts';
import { bronDocumentRequestHandler, type BronGedrag } from './bron.ts';
import { opvragen, type OpvraagUitkomst } from './doel.ts';
import { KlaarzetStore, type KlaargezetDossier } from './klaarzet-store.ts';
import type { LasSchool } from './las-school.ts';
import type { OntvangenDossier } from './ontvangen-dossier.ts';
import { OsoClient, type OsoClientOptions } from './oso-client.ts';

export const AP_PATH = '/oso/ap/:routeringsKenmerk';

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
  port?: number;
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

export type LasGedrag = BronGedrag & TlsGedrag;

export interface LasSystem {
  readonly name: string;
  readonly schools: readonly LasSchool[];
  apUrl(routeringsKenmerk: string): string;
  klaarzetten(verzoek: { brin: string; pgn: string; doelBrin: string }): KlaargezetDossier;
  opvragen(verzoek: { brin: string; bronBrin: string; pgn: string; geboortedatum: string }): Promise<OpvraagUitkomst>;
  ontvangen(): readonly OntvangenDossier[];
  /** The last error this LAS showed its user (a refused opvragen or a refused dossier), if any. */
  laatsteFout(): string | undefined;
  /** The gegevensset release it works in now. */
  release(): GegevenssetVersie;
  /** Switch to another release (the summer release): new dossiers are written in it, received ones judged by it. */
  wisselRelease(versie: string): void;
  close(): Promise<void>;
}

export async function startLasSystem(options: LasSystemOptions): Promise<LasSystem> {
  const klaargezet = new KlaarzetStore();
  const ontvangen: OntvangenDossier[] = [];
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

  const serverTls = options.serverTls ?? options.tls;
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
    routes: [
      {
        path: AP_PATH,
        operations: {
          documentRequest: bronDocumentRequestHandler({
            schools: options.schools,
            administratie: () => options.administratie,
            klaargezet,
            client,
            tcUrl: options.tcUrl,
            ...(options.gedrag ? { gedrag: options.gedrag } : {}),
          }),
        },
      },
    ],
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });

  return {
    name: options.name,
    schools: options.schools,
    apUrl: (rk) => `${server.url}${AP_PATH.replace(':routeringsKenmerk', rk)}`,

    klaarzetten({ brin, pgn, doelBrin }) {
      const bron = school(brin);
      const leerling = options.administratie.find((l) => l.pgn.waarde === pgn);
      if (!leerling) throw new LasFout(`${options.name} kent geen leerling met PGN ${pgn} op ${brin}.`);
      // The dossier model of the gegevensset (simulator/dossier): the pupil's own data, the opt-out variant of the
      // profile (a zorgdossier for a zorg pupil), written in the release this LAS runs.
      const xml = generateDossierXml({
        profiel: profielVoor(bron, doelBrin),
        variant: 'opt-uit',
        seed: `${options.seed ?? ''}|${leerling.id}|${brin}|${doelBrin}`,
        ...(leerling.zorg ? { zorg: true } : {}),
        leerling,
        school: { naam: bron.naam, brincode: bron.brin, vestigingscode: bron.vestigingscode, aanleverpunt: bron.routeringsKenmerk, adres: bron.adres, telefoon: bron.telefoon },
        datum: options.clock.today(),
        pakket: options.pakket,
        versie: gegevensset,
      });
      const dossier = { leerling, bronBrin: brin, doelBrin, versie: gegevensset.versie, xml, klaargezetOp: options.clock.now() };
      klaargezet.klaarzetten(dossier);
      return dossier;
    },

    async opvragen({ brin, bronBrin, pgn, geboortedatum }) {
      const doel = school(brin);
      const uitkomst = await opvragen(client, options.tcUrl, {
        doelSchool: doel,
        bronBrin,
        leerling: { pgn, geboortedatum },
        overdrachtsoort: 'overstapdossier',
        dossierVersie: gegevensset.versie,
        aanvraagdatum: options.clock.today(),
      });
      laatsteFout = uitkomst.resultaat === 'DossierGeleverd' ? undefined : `Opvragen mislukt: ${uitkomst.resultaat}${uitkomst.fout ? ` (${uitkomst.fout})` : ''}`;
      if (uitkomst.dossierXml !== undefined) {
        const base = { ...(uitkomst.sessieId ? { sessieId: uitkomst.sessieId } : {}), bronBrin, doelBrin: brin, pgn, ontvangenOp: options.clock.now().toISOString() };
        const beoordeling = beoordeel(uitkomst.dossierXml, pgn, gegevensset);
        if ('reden' in beoordeling) laatsteFout = `Dossier geweigerd: ${beoordeling.reden}`;
        ontvangen.push('reden' in beoordeling ? { ...base, status: 'geweigerd', reden: beoordeling.reden } : { ...base, status: 'opgeslagen', xml: uitkomst.dossierXml, bijlagen: beoordeling.bijlagen });
      }
      return uitkomst;
    },

    ontvangen: () => ontvangen,
    laatsteFout: () => laatsteFout,
    release: () => gegevensset,
    wisselRelease(versie) {
      const nieuw = versieOpNaam(versie);
      if (!nieuw) throw new LasFout(`${options.name} kent gegevensset ${versie} niet; wel: ${bekendeVersies.map((v) => v.versie).join(', ')}.`);
      gegevensset = nieuw;
    },
    close: () => server.close(),
  };
}

/** The identity without its CRLs: revocation is then not checked (the reference LAS's revocation faults). */
function zonderCrl({ crlPems: _crl, ...rest }: TlsIdentity): TlsIdentity {
  return rest;
}

/**
 * The profile of a dossier this LAS klaarzet: within one BRIN it is a transfer binnen de BRIN; otherwise the sector of
 * the sending school decides (a LAS does not know the receiving school's sector: PO sends POVO, VO sends VOVO).
 */
function profielVoor(bron: LasSchool, doelBrin: string): Profiel {
  if (bron.brin === doelBrin) return 'binnen-BRIN';
  return bron.sector === 'VO' ? 'VOVO' : 'POVO';
}

/** Whether a doel stores a received dossier (with its attachments) or refuses it, and why. */
function beoordeel(xml: string, pgn: string, versie: GegevenssetVersie): { reden: string } | { bijlagen: { bestandsnaam: string; sha256: string }[] } {
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
  if (kern.leerling.pgn?.waarde !== pgn) return { reden: `Dossier betreft PGN ${kern.leerling.pgn?.waarde ?? '(geen)'}; gevraagd was ${pgn}.` };
  const volledig = volledigeVersie(versie.versie);
  // A release known by identity only: nothing more to judge.
  const uitslag = volledig && validateDossier(doc, { gegevensset: volledig, bijlagen: false });
  if (uitslag && !uitslag.valid) {
    const fouten = uitslag.findings.filter((f) => f.severity === 'error');
    const voorbeelden = fouten.slice(0, 3).map((f) => `[${f.rule}] ${f.path}: ${f.message}`);
    return { reden: `Dossier ongeldig volgens gegevensset ${volledig.versie}: ${fouten.length} fout${fouten.length === 1 ? '' : 'en'}, o.a. ${voorbeelden.join('; ')}` };
  }
  return { bijlagen: bijlagenVan(doc) };
}
