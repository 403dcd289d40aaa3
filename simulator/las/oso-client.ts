/**
 * Calls an OSO operation on another party: encode, post over mutual TLS, decode. A SOAP Fault or an unreadable answer
 * becomes an error that says what came back; the exchange is recorded when the caller asks for it.
 */
import type { Messages } from '../protocol/messages.ts';
import { responseFor, type RequestName } from '../protocol/profile.ts';
import { decodeEnvelope, encodeMessage, ProtocolError } from '../protocol/soap.ts';
import type { ExchangeLog } from '../transport/exchange-log.ts';
import { postSoap, TransportError } from '../transport/soap-client.ts';
import type { TlsIdentity, TlsVersion } from '../transport/tls-identity.ts';

export type ResponseOf<N extends RequestName> = Messages[(typeof responseFor)[N]];

/** The other party answered with a SOAP Fault. */
export class SoapFaultAnswer extends Error {
  constructor(
    readonly faultcode: string,
    readonly faultstring: string,
    readonly reden: string | undefined,
  ) {
    super(`SOAP Fault ${faultcode}${reden ? ` (${reden})` : ''}: ${faultstring}`);
    this.name = 'SoapFaultAnswer';
  }
}

export interface OsoClientOptions {
  /** Name of the calling party in the log. */
  name: string;
  tls: TlsIdentity;
  timeoutMs: number;
  /** Skip verifying server certificates (only the reference LAS's fault trust-any-server-cert). */
  trustAnyServer?: boolean;
  /** Skip checking the server certificate's host name (only the reference LAS's fault ignore-hostname). */
  ignoreHostname?: boolean;
  /** Offer at most this TLS version (the harness probes whether a server refuses old versions). */
  maxTlsVersion?: TlsVersion;
  /** Where to record exchanges, and with whom: the world records only its calls to the system under test. */
  log?: { log: ExchangeLog; shouldRecord: (url: string) => boolean; partyAt: (url: string) => string };
}

/** The start of an answer, printable, for a message about it. */
function beginVan(body: string): string {
  const clean = body.slice(0, 120).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '?');
  return body.length > 120 ? `${clean}...` : clean;
}

/** Decodes an answer; an unreadable one becomes an error that says who sent it, what it claimed to be and how it began. */
function decodeAnswer(url: string, name: RequestName, result: { status: number; contentType: string; body: string }) {
  try {
    return decodeEnvelope(result.body);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    const soort = result.contentType || 'geen content-type';
    throw new ProtocolError(
      e.reason,
      `${e.detail} Onleesbaar antwoord van ${url} op ${name} (HTTP ${result.status}, ${soort}), begint met: "${beginVan(result.body) || '(leeg)'}".`,
    );
  }
}

export class OsoClient {
  /** What the last completed handshake negotiated, for evidence. */
  lastTls: { protocol: string; cipher: string } | undefined;

  constructor(private readonly options: OsoClientOptions) {}

  async call<N extends RequestName>(url: string, name: N, body: Messages[N]): Promise<ResponseOf<N>> {
    const xml = encodeMessage(name, body);
    const started = Date.now();
    let response: string | undefined;
    let status: number | undefined;
    let peerOin: string | undefined;
    let uitkomst = 'onbekend';
    let tls: { protocol: string; cipher: string } | undefined;
    try {
      const result = await postSoap({
        url,
        xml,
        tls: this.options.tls,
        timeoutMs: this.options.timeoutMs,
        soapAction: name,
        ...(this.options.trustAnyServer ? { trustAnyServer: true } : {}),
        ...(this.options.ignoreHostname ? { ignoreHostname: true } : {}),
        ...(this.options.maxTlsVersion ? { maxTlsVersion: this.options.maxTlsVersion } : {}),
      });
      this.lastTls = result.tls;
      tls = result.tls;
      response = result.body;
      status = result.status;
      peerOin = result.server?.oin;
      const decoded = decodeAnswer(url, name, result);
      if (decoded.kind === 'fault') {
        uitkomst = `SOAP Fault: ${decoded.fault.reden ?? decoded.fault.faultcode}`;
        throw new SoapFaultAnswer(decoded.fault.faultcode, decoded.fault.faultstring, decoded.fault.reden);
      }
      const expected = responseFor[name];
      if (decoded.name !== expected) {
        uitkomst = `onverwacht antwoord ${decoded.name}`;
        throw new ProtocolError('BerichtOngeldig', `Verwacht ${expected} op ${name}, ontvangen ${decoded.name}.`);
      }
      const answer = decoded.body as ResponseOf<N>;
      uitkomst = (answer as { resultaat?: { code: string } }).resultaat?.code ?? 'beantwoord';
      return answer;
    } catch (e) {
      if (e instanceof TransportError) uitkomst = `${e.failure}: ${e.message}`;
      else if (e instanceof ProtocolError && uitkomst === 'onbekend') uitkomst = `onleesbaar antwoord: ${e.message}`;
      throw e;
    } finally {
      const log = this.options.log;
      if (log?.shouldRecord(url)) {
        const { sessieId, bronBrin, doelBrin } = body as { sessieId?: string; bronBrin?: string; doelBrin?: string };
        log.log.record(
          {
            recordedBy: this.options.name,
            operation: name,
            van: this.options.name,
            naar: log.partyAt(url),
            url,
            request: xml,
            ...(response !== undefined ? { response } : {}),
            ...(status !== undefined ? { httpStatus: status } : {}),
            uitkomst,
            ...(peerOin ? { peerOin } : {}),
            ...(sessieId ? { sessieId } : {}),
            ...(tls ? { tls } : {}),
            startedAt: new Date(started).toISOString(),
            durationMs: Date.now() - started,
          },
          { brins: [...new Set([bronBrin, doelBrin].filter((b): b is string => !!b))] },
        );
      }
    }
  }
}
