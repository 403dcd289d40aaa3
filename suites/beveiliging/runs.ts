/**
 * The security runs: fixed checks written in code rather than YAML, because each is one probe with one expected refusal.
 * Each names the requirement it verifies and the reference-LAS fault that proves it catches what it claims.
 */
import { OsoClient, SoapFaultAnswer } from '../../simulator/las/oso-client.ts';
import { TransportError } from '../../simulator/transport/soap-client.ts';
import type { World } from '../../simulator/world.ts';
import { allureStepReporter } from '../allure-reporter.ts';
import { CheckFailure } from '../check-failure.ts';
import type { QualificationRunInfo, RunBody } from '../qualification-test.ts';
import type { Requirement } from '../requirements.ts';
import { sessieBijSut, type SessieBijSut } from './sessie-bij-sut.ts';

export interface BeveiligingsRun extends QualificationRunInfo {
  uitvoeren(run: RunBody & { eis: (id: string) => Requirement }): Promise<void>;
}

/** How a server answered a probe: refused at the TLS layer, refused with a SOAP Fault, or answered a result. */
type Uitkomst =
  | { soort: 'tls-geweigerd'; detail: string }
  | { soort: 'fout'; detail: string }
  | { soort: 'antwoord'; code: string; dossier: boolean; tls?: { protocol: string; cipher: string } };

async function vraagDossier(client: OsoClient, sessie: SessieBijSut): Promise<Uitkomst> {
  try {
    const r = await client.call(sessie.apUrl, 'documentRequest', sessie.documentRequest);
    return { soort: 'antwoord', code: r.resultaat.code, dossier: r.dossier !== undefined, ...(client.lastTls ? { tls: client.lastTls } : {}) };
  } catch (e) {
    if (e instanceof TransportError) return { soort: e.failure === 'tls' || e.failure === 'verbinding' ? 'tls-geweigerd' : 'fout', detail: e.message };
    if (e instanceof SoapFaultAnswer) return { soort: 'fout', detail: e.message };
    throw e;
  }
}

const beschrijfUitkomst = (u: Uitkomst) =>
  u.soort === 'antwoord' ? `antwoord ${u.code}${u.dossier ? ' met dossier' : ''}${u.tls ? ` over ${u.tls.protocol}` : ''}` : `${u.soort}: ${u.detail}`;

/** Runs an action as an Allure step, reporting the messages it caused inside it. */
async function stap(world: World, titel: string, body: () => Promise<void>): Promise<void> {
  await allureStepReporter.step(titel, async () => {
    const since = world.log.lastSeq;
    try {
      await body();
    } finally {
      await allureStepReporter.exchanges(world.log.since(since));
    }
  });
}

/** The rightful doel must still get the dossier: proof that a refusal was about the probe, not a broken SUT. */
async function controleRechtmatigeDoel(world: World, sessie: SessieBijSut): Promise<void> {
  await stap(world, 'Controle: de rechtmatige doel (Testschool VO) krijgt het dossier wel', async () => {
    const doel = new OsoClient({ name: 'Testschool VO (99BB)', tls: world.identity('testschool-vo'), timeoutMs: 10_000, log: world.clientLog });
    const u = await vraagDossier(doel, sessie);
    if (u.soort !== 'antwoord' || u.code !== 'DossierGeleverd')
      throw new Error(`De controle-aanvraag van de rechtmatige doel mislukte (${beschrijfUitkomst(u)}); de weigering hiervoor zegt daardoor niets over beveiliging.`);
  });
}

export const beveiligingsRuns: BeveiligingsRun[] = [
  {
    id: 'oin-van-ander-systeem',
    titel: 'Een ander systeem met een geldig certificaat krijgt het dossier niet',
    beschrijving:
      'De doel opent een sessie bij het TC; daarna vraagt een ander systeem (ander OIN, geldig certificaat van dezelfde CA) met dezelfde sessie het dossier op bij de bron. De bron moet weigeren.',
    rol: 'bron',
    epic: 'Beveiliging',
    capaciteit: 'Identiteit van de vrager',
    eisen: ['BEV-03'],
    async uitvoeren({ world, onEis, eis }) {
      const sessie = await sessieBijSut(world);
      let uitkomst: Uitkomst | undefined;
      await stap(world, 'Testschool PO (ander OIN) vraagt het dossier op met de sessie van Testschool VO', async () => {
        const ander = new OsoClient({ name: 'Testschool PO (99AA) als ander systeem', tls: world.identity('testschool-po'), timeoutMs: 10_000, log: world.clientLog });
        uitkomst = await vraagDossier(ander, sessie);
      });
      if (uitkomst?.soort === 'antwoord' && (uitkomst.code === 'DossierGeleverd' || uitkomst.dossier)) {
        onEis('BEV-03', 'failed');
        throw new CheckFailure({
          eis: eis('BEV-03'),
          verwacht: `een weigering: het certificaat (OIN ${world.identity('testschool-po').oin}) is niet dat van de doel die de sessie opende (OIN ${world.identity('testschool-vo').oin})`,
          ontvangen: beschrijfUitkomst(uitkomst),
          bericht: `documentRequest Testschool PO (99AA) → ${world.sut.naam} (SUT), sessie ${sessie.documentRequest.sessieId}`,
          oorzaak: 'de bron vergelijkt het OIN van het clientcertificaat niet met doelOin uit het sessiecontrole-antwoord van het TC.',
        });
      }
      await controleRechtmatigeDoel(world, sessie);
      onEis('BEV-03', 'passed');
    },
  },
  {
    id: 'tls-versie-te-oud',
    titel: 'Het aanleverpunt weigert TLS 1.1 en lager',
    beschrijving: 'De harness verbindt met het aanleverpunt van de bron en biedt hoogstens TLS 1.1 aan; de handshake moet mislukken.',
    rol: 'bron',
    epic: 'Beveiliging',
    capaciteit: 'TLS-versie',
    eisen: ['BEV-04'],
    async uitvoeren({ world, onEis, eis }) {
      const sessie = await sessieBijSut(world);
      let oud: Uitkomst | undefined;
      await stap(world, 'Testschool VO verbindt met hoogstens TLS 1.1', async () => {
        const client = new OsoClient({ name: 'Testschool VO (99BB) met TLS 1.1', tls: world.identity('testschool-vo'), timeoutMs: 10_000, log: world.clientLog, maxTlsVersion: 'TLSv1.1' });
        oud = await vraagDossier(client, sessie);
      });
      if (oud?.soort !== 'tls-geweigerd') {
        onEis('BEV-04', 'failed');
        throw new CheckFailure({
          eis: eis('BEV-04'),
          verwacht: 'een geweigerde TLS-handshake bij een client die hoogstens TLS 1.1 aanbiedt',
          ontvangen: oud ? beschrijfUitkomst(oud) : 'niets',
          bericht: `TLS-handshake met ${sessie.apUrl}`,
          oorzaak: 'de TLS-configuratie van het aanleverpunt staat nog TLS 1.0 of 1.1 toe (minimumversie of cipher-instellingen).',
        });
      }
      await controleRechtmatigeDoel(world, sessie);
      onEis('BEV-04', 'passed');
    },
  },
];
