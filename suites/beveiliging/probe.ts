/**
 * Probes of the SUT's AP and what came of them: the building blocks of the security runs.
 */
import { X509Certificate } from 'node:crypto';
import { SoapFaultAnswer, type OsoClient } from '../../simulator/las/oso-client.ts';
import { TransportError } from '../../simulator/transport/soap-client.ts';
import type { TlsIdentity } from '../../simulator/transport/tls-identity.ts';
import { CheckFailure } from '../check-failure.ts';
import type { RunBody } from '../qualification-test.ts';
import type { Requirement } from '../requirements.ts';
import { reportedStep, type StepReporter } from '../scenario-runner.ts';
import { harnessClient, sessieBijSut, type SessieBijSut } from '../sessie-bij-sut.ts';

/** How a server answered a probe: refused at the TLS layer, refused with a SOAP Fault, or answered a result. */
export type Uitkomst =
  | { soort: 'tls-geweigerd'; detail: string }
  | { soort: 'fout'; detail: string }
  | { soort: 'antwoord'; code: string; dossier: boolean; tls?: { protocol: string; cipher: string } };

export async function vraagDossier(client: OsoClient, sessie: SessieBijSut): Promise<Uitkomst> {
  try {
    const r = await client.call(sessie.apUrl, 'documentRequest', sessie.documentRequest);
    return { soort: 'antwoord', code: r.resultaat.code, dossier: r.dossier !== undefined, ...(client.lastTls ? { tls: client.lastTls } : {}) };
  } catch (e) {
    if (e instanceof TransportError) return { soort: e.failure === 'tls' || e.failure === 'verbinding' ? 'tls-geweigerd' : 'fout', detail: e.message };
    if (e instanceof SoapFaultAnswer) return { soort: 'fout', detail: e.message };
    throw e;
  }
}

export const beschrijfUitkomst = (u: Uitkomst) =>
  u.soort === 'antwoord' ? `antwoord ${u.code}${u.dossier ? ' met dossier' : ''}${u.tls ? ` over ${u.tls.protocol}` : ''}` : `${u.soort}: ${u.detail}`;

/** Runs an action as a reported step, reporting the messages it caused inside it. */
export const stap = ({ world, reporter }: Pick<RunBody, 'world' | 'reporter'>, titel: string, body: () => Promise<void>): Promise<void> =>
  reportedStep(reporter, world, titel, body);

/** The rightful doel must still get the dossier: proof that a refusal was about the probe, not a broken SUT. */
export async function controleRechtmatigeDoel({ world, reporter }: Pick<RunBody, 'world' | 'reporter'>, sessie: SessieBijSut): Promise<void> {
  await stap({ world, reporter }, 'Controle: de rechtmatige doel (Testschool VO) krijgt het dossier wel', async () => {
    const doel = harnessClient(world, 'Testschool VO (99BB)', world.identity('testschool-vo'));
    const u = await vraagDossier(doel, sessie);
    if (u.soort !== 'antwoord' || u.code !== 'DossierGeleverd')
      throw new Error(`De controle-aanvraag van de rechtmatige doel mislukte (${beschrijfUitkomst(u)}); de weigering hiervoor zegt daardoor niets over beveiliging.`);
  });
}


/** What a vendor needs to know of a certificate the harness presented or was shown, for the report. */
export function certificaatSamenvatting(chainPem: string): Record<string, string> {
  const cert = new X509Certificate(chainPem);
  const oin = /serialNumber=(\d{20})/.exec(cert.subject)?.[1];
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    uitgever: cert.issuer.replace(/\n/g, ', '),
    geldigVanaf: cert.validFrom,
    geldigTot: cert.validTo,
    ...(oin ? { oin } : {}),
    sleutel: `${cert.publicKey.asymmetricKeyType ?? '?'} ${cert.publicKey.asymmetricKeyDetails?.modulusLength ?? ''}`.trim(),
    sha256: cert.fingerprint256,
  };
}

export async function attachCertificaat(reporter: StepReporter, naam: string, chainPem: string, extra: Record<string, string> = {}): Promise<void> {
  await reporter.attachment(naam, JSON.stringify({ ...certificaatSamenvatting(chainPem), ...extra }, null, 2), 'application/json');
}

/**
 * The SUT has a dossier klaargezet for Testschool VO in a real session; another identity asks its AP for it. The SUT must
 * not release it — a failed handshake, a SOAP Fault or a refusing answer all count — and afterwards the rightful doel
 * must still get it.
 */
export async function verwachtGeenVrijgave(
  run: RunBody & { eis: (id: string) => Requirement },
  probe: { eisId: string; stap: string; clientNaam: string; tls: TlsIdentity; verwacht: string; oorzaak: string; nadruk?: string },
): Promise<void> {
  const { world, sut, onEis, eis } = run;
  const sessie = await sessieBijSut(world, sut);
  let uitkomst: Uitkomst | undefined;
  await stap(run, probe.stap, async () => {
    const client = harnessClient(world, probe.clientNaam, probe.tls);
    uitkomst = await vraagDossier(client, sessie);
  });
  if (uitkomst?.soort === 'antwoord' && (uitkomst.code === 'DossierGeleverd' || uitkomst.dossier)) {
    onEis(probe.eisId, 'failed');
    throw new CheckFailure({
      eis: eis(probe.eisId),
      verwacht: probe.verwacht,
      ontvangen: `${beschrijfUitkomst(uitkomst)}${probe.nadruk ? `: ${probe.nadruk}` : ''}`,
      bericht: `documentRequest ${probe.clientNaam} → ${world.sut.naam} (SUT), sessie ${sessie.documentRequest.sessieId}`,
      oorzaak: probe.oorzaak,
    });
  }
  await controleRechtmatigeDoel(run, sessie);
  onEis(probe.eisId, 'passed');
}
