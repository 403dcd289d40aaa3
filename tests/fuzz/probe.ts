/** Health probes: a valid request over the raw client and a check of its answer (undefined when right). */
import { decodeEnvelope } from '../../simulator/protocol/soap.ts';
import { stuurRuw, type Doel } from './ruwe-client.ts';
import { kop } from './vijandige-verzoeken.ts';

const PROBE_DEADLINE_MS = 20_000;

function bodyVan(tekst: string): string {
  const i = tekst.indexOf('\r\n\r\n');
  return i < 0 ? '' : Buffer.from(tekst.slice(i + 4), 'latin1').toString('utf8');
}

async function vraag(doel: Doel, methode: string, pad: string, host: string, headers: [string, string][] = [], body?: string) {
  const b = body === undefined ? undefined : Buffer.from(body, 'utf8');
  return stuurRuw(doel, { kop: kop(methode, pad, host, headers, b?.length), ...(b ? { body: b } : {}) }, PROBE_DEADLINE_MS);
}

/** A recorded SOAP request must get HTTP 200 and the matching response message. */
export async function soapProbe(doel: Doel, url: string, xml: string, verwacht: string): Promise<string | undefined> {
  const u = new URL(url);
  const o = await vraag(doel, 'POST', u.pathname, u.host, [['Content-Type', 'text/xml; charset=utf-8'], ['SOAPAction', '""']], xml);
  if (o.uitkomst !== 'antwoord') return `no answer (${o.uitkomst}${o.fout ? `, ${o.fout}` : ''})`;
  if (o.status !== 200) return `HTTP ${o.status}: ${bodyVan(o.tekst).slice(0, 300)}`;
  try {
    const d = decodeEnvelope(bodyVan(o.tekst));
    if (d.kind !== 'message' || d.name !== verwacht) return `expected ${verwacht}, got ${d.kind === 'message' ? d.name : 'a fault'}`;
  } catch (e) {
    return `unreadable answer: ${(e as Error).message}`;
  }
  return undefined;
}

/** A GET must get HTTP 200 with this text in the body. */
export async function getProbe(doel: Doel, url: string, bevat: string, headers: [string, string][] = []): Promise<string | undefined> {
  const u = new URL(url);
  const o = await vraag(doel, 'GET', `${u.pathname}${u.search}`, u.host, headers);
  if (o.uitkomst !== 'antwoord') return `no answer (${o.uitkomst}${o.fout ? `, ${o.fout}` : ''})`;
  if (o.status !== 200) return `HTTP ${o.status}: ${bodyVan(o.tekst).slice(0, 300)}`;
  if (!bodyVan(o.tekst).includes(bevat)) return `answer lacks "${bevat}": ${bodyVan(o.tekst).slice(0, 300)}`;
  return undefined;
}
