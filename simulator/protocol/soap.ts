/**
 * SOAP 1.1 envelope codec for the OSO messages, driven by the protocol profile. Pure: text in, typed data out.
 *
 * Decoding is strict about what matters (well-formed XML, no DTD, the SOAP envelope namespace, the OSO namespace of
 * the release, required fields) and tolerant of what does not (prefix names, unknown extra elements).
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { faultReasons, type FaultReason } from './fault-reasons.ts';
import type { Messages } from './messages.ts';
import { oso2021, type FieldSpec, type MessageName, type ProtocolProfile } from './profile.ts';

export interface SoapFault {
  faultcode: string;
  faultstring: string;
  /** The harness's fault reason id from the detail, when the fault came from a harness-like server. */
  reden?: string;
}

export type DecodedEnvelope =
  | { [N in MessageName]: { kind: 'message'; name: N; body: Messages[N] } }[MessageName]
  | { kind: 'fault'; fault: SoapFault };

/** A message that cannot be decoded; `reason` says why in terms of the fault catalogue. */
export class ProtocolError extends Error {
  constructor(
    readonly reason: FaultReason,
    /** What exactly was wrong, beyond the catalogue text of the reason. */
    readonly detail: string,
  ) {
    super(`${faultReasons[reason].tekst} ${detail}`.trim());
    this.name = 'ProtocolError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // DTDs are refused before parsing; entity declarations can never take effect.
  processEntities: true,
  htmlEntities: false,
  // No callback here reads the element path: building it as a string for every element was a third of a decode.
  jPath: false,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  format: false,
});

type XmlNode = Record<string, unknown>;

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);
const prefixOf = (qname: string) => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '');

function extendScope(scope: Map<string, string>, node: unknown): Map<string, string> {
  if (typeof node !== 'object' || node === null) return scope;
  let next = scope;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@_xmlns' || key.startsWith('@_xmlns:')) {
      if (next === scope) next = new Map(scope);
      next.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), String(value));
    }
  }
  return next;
}

/** The child elements of a node with their resolved namespace. */
function children(node: unknown, scope: Map<string, string>) {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as XmlNode)
    .filter(([key]) => !key.startsWith('@_') && key !== '#text' && !key.startsWith('?'))
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => {
        const inner = extendScope(scope, v);
        return { qname: key, local: localName(key), ns: inner.get(prefixOf(key)), value: v as unknown, scope: inner };
      }),
    );
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const t = (value as XmlNode)['#text'];
    const hasElements = Object.keys(value).some((k) => !k.startsWith('@_') && k !== '#text');
    if (hasElements) return undefined;
    return typeof t === 'string' ? t : '';
  }
  return undefined;
}

function decodeFields(fields: readonly FieldSpec[], node: unknown, scope: Map<string, string>, ns: string, path: string): Record<string, unknown> {
  const own = children(node, scope).filter((c) => c.ns === ns);
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const found = own.filter((c) => c.local === field.name);
    const where = `${path}/${field.name}`;
    if (found.length === 0) {
      if (!field.optional) throw new ProtocolError('BerichtOngeldig', `Verplicht veld ${where} ontbreekt.`);
      continue;
    }
    if (found.length > 1) throw new ProtocolError('BerichtOngeldig', `Veld ${where} komt ${found.length} keer voor; één keer verwacht.`);
    const el = found[0]!;
    if (field.kind === 'text') {
      const t = textOf(el.value);
      if (t === undefined) throw new ProtocolError('BerichtOngeldig', `Veld ${where} moet tekst bevatten, geen elementen.`);
      out[field.name] = t;
    } else if (field.kind === 'group') {
      out[field.name] = decodeFields(field.fields, el.value, el.scope, ns, where);
    } else {
      out[field.name] = children(el.value, el.scope)
        .filter((c) => c.ns === ns && c.local === field.item)
        .map((c, i) => decodeFields(field.fields, c.value, c.scope, ns, `${where}/${field.item}[${i + 1}]`));
    }
  }
  return out;
}

function encodeFields(fields: readonly FieldSpec[], data: Record<string, unknown>, prefix: string, path: string): XmlNode {
  const out: XmlNode = {};
  for (const field of fields) {
    const value = data[field.name];
    const where = `${path}/${field.name}`;
    if (value === undefined || value === null) {
      if (!field.optional) throw new ProtocolError('BerichtOngeldig', `Verplicht veld ${where} ontbreekt bij het opbouwen.`);
      continue;
    }
    const qname = `${prefix}:${field.name}`;
    if (field.kind === 'text') out[qname] = String(value);
    else if (field.kind === 'group') out[qname] = encodeFields(field.fields, value as Record<string, unknown>, prefix, where);
    else
      out[qname] = {
        [`${prefix}:${field.item}`]: (value as Record<string, unknown>[]).map((item, i) =>
          encodeFields(field.fields, item, prefix, `${where}/${field.item}[${i + 1}]`),
        ),
      };
  }
  return out;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function envelope(profile: ProtocolProfile, body: XmlNode): string {
  return (
    XML_DECLARATION +
    builder.build({
      'soap:Envelope': {
        '@_xmlns:soap': profile.soapEnvelopeNamespace,
        'soap:Header': '',
        'soap:Body': body,
      },
    })
  );
}

/** Encode a message of the profile as a SOAP 1.1 envelope. */
export function encodeMessage<N extends MessageName>(name: N, body: Messages[N], profile: ProtocolProfile = oso2021): string {
  const spec = profile.messages[name];
  const p = profile.prefix;
  return envelope(profile, {
    [`${p}:${spec.wireName}`]: {
      [`@_xmlns:${p}`]: profile.namespace,
      ...encodeFields(spec.fields, body as unknown as Record<string, unknown>, p, spec.wireName),
    },
  });
}

/**
 * How much of a detail a Fault carries. Details quote what came in (a parser's message holds the offending tag whole):
 * unbounded, a megabyte of '<' came back as four megabytes of '&lt;' and was kept in the exchange log twice over.
 */
export const MAX_FAULT_DETAIL = 1_000;

/** Encode a SOAP 1.1 Fault whose detail carries the harness's reason id. */
export function encodeFault(reason: FaultReason, detail?: string, profile: ProtocolProfile = oso2021): string {
  const p = profile.prefix;
  const info = faultReasons[reason];
  const kort = detail && detail.length > MAX_FAULT_DETAIL ? `${detail.slice(0, MAX_FAULT_DETAIL)}… (ingekort; ${detail.length} tekens)` : detail;
  return envelope(profile, {
    'soap:Fault': {
      faultcode: `soap:${info.faultcode}`,
      faultstring: kort ? `${info.tekst} ${kort}` : info.tekst,
      detail: { [`${p}:fout`]: { [`@_xmlns:${p}`]: profile.namespace, [`${p}:reden`]: reason } },
    },
  });
}

/** Refuse DTDs outright: SOAP 1.1 forbids them, and refusing is the only safe answer to entity-expansion tricks. */
function assertNoDoctype(xml: string) {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ProtocolError('DoctypeVerboden', '');
}

/**
 * Most elements and attributes an envelope may hold together. An OSO message has a few dozen (the dossier travels as
 * text); parsing costs about sixty times its size in memory, so 56 MB of `<e>x</e>` — under the body limit — took 3.5 GB
 * and half a minute, and 16 MB of attributes 1.2 GB.
 */
export const MAX_ELEMENTEN = 10_000;

/**
 * Refuses an envelope with more markup than any OSO message has, before the parser builds it (CDATA not counted). One
 * pass over the text: every character is looked at once. Searching from each '<' for the next '=' or '>' anywhere
 * ahead made 700 KB of '<a>…</a>' (no '=' after the envelope's head) cost seconds of CPU per request.
 */
function assertBoundedElements(xml: string) {
  let n = 0;
  const teVeel = () => new ProtocolError('BerichtTeGroot', `Het bericht bevat meer dan ${MAX_ELEMENTEN} elementen en attributen; een OSO-bericht heeft er hooguit enkele tientallen.`);
  let i = xml.indexOf('<');
  while (i >= 0) {
    if (xml.startsWith('<![CDATA[', i)) {
      const eind = xml.indexOf(']]>', i);
      if (eind < 0) return;
      i = xml.indexOf('<', eind);
      continue;
    }
    const volgend = xml.charCodeAt(i + 1);
    // Not a closing tag (/), a comment or declaration (!), or a processing instruction (?).
    if (volgend === 47 || volgend === 33 || volgend === 63) {
      i = xml.indexOf('<', i + 1);
      continue;
    }
    if (++n > MAX_ELEMENTEN) throw teVeel();
    // Every attribute of the start tag has its '=': counted up to the tag's '>' (or a '<', which no tag may hold).
    let j = i + 1;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (c === 62 || c === 60) break;
      if (c === 61 && ++n > MAX_ELEMENTEN) throw teVeel();
    }
    i = j < xml.length && xml.charCodeAt(j) === 60 ? j : xml.indexOf('<', j + 1);
  }
}

/** Decode a SOAP 1.1 envelope holding one OSO message of the profile, or a SOAP Fault. */
export function decodeEnvelope(xml: string, profile: ProtocolProfile = oso2021): DecodedEnvelope {
  assertNoDoctype(xml);
  assertBoundedElements(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ProtocolError('XmlOngeldig', `${valid.err.msg} (regel ${valid.err.line}, kolom ${valid.err.col}).`);
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (e) {
    throw new ProtocolError('XmlOngeldig', (e as Error).message);
  }
  const root = children(doc, new Map());
  const env = root.find((c) => c.local === 'Envelope');
  if (root.length !== 1 || !env || env.ns !== profile.soapEnvelopeNamespace)
    throw new ProtocolError('GeenSoapEnvelope', `Verwacht: één Envelope in namespace ${profile.soapEnvelopeNamespace}.`);
  const body = children(env.value, env.scope).find((c) => c.local === 'Body' && c.ns === profile.soapEnvelopeNamespace);
  if (!body) throw new ProtocolError('GeenSoapEnvelope', 'De Envelope heeft geen Body.');
  const content = children(body.value, body.scope);
  if (content.length !== 1) throw new ProtocolError('GeenSoapEnvelope', `De Body moet precies één element bevatten, niet ${content.length}.`);
  const el = content[0]!;

  if (el.local === 'Fault' && el.ns === profile.soapEnvelopeNamespace) {
    const parts = children(el.value, el.scope);
    const get = (n: string) => textOf(parts.find((c) => c.local === n)?.value) ?? '';
    const detail = parts.find((c) => c.local === 'detail');
    const fout = children(detail?.value, detail?.scope ?? el.scope).find((c) => c.local === 'fout');
    const reden = textOf(children(fout?.value, fout?.scope ?? el.scope).find((c) => c.local === 'reden')?.value);
    return { kind: 'fault', fault: { faultcode: get('faultcode'), faultstring: get('faultstring'), ...(reden !== undefined ? { reden } : {}) } };
  }
  if (el.ns !== profile.namespace)
    throw new ProtocolError('OnbekendeNamespace', `Ontvangen: ${el.ns ?? '(geen namespace)'}; verwacht voor ${profile.release}: ${profile.namespace}.`);
  const name = (Object.keys(profile.messages) as MessageName[]).find((n) => profile.messages[n].wireName === el.local);
  if (!name) throw new ProtocolError('OnbekendeOperatie', `Onbekend bericht: ${el.local}.`);
  const decoded = decodeFields(profile.messages[name].fields, el.value, el.scope, profile.namespace, el.local);
  return { kind: 'message', name, body: decoded } as DecodedEnvelope;
}

/** Decode and require a particular message; a fault or another message is a ProtocolError. */
export function expectMessage<N extends MessageName>(xml: string, name: N, profile: ProtocolProfile = oso2021): Messages[N] {
  const decoded = decodeEnvelope(xml, profile);
  if (decoded.kind === 'fault')
    throw new ProtocolError('BerichtOngeldig', `Verwacht ${name}, ontvangen SOAP Fault ${decoded.fault.faultcode}: ${decoded.fault.faultstring}`);
  if (decoded.name !== name) throw new ProtocolError('BerichtOngeldig', `Verwacht ${name}, ontvangen ${decoded.name}.`);
  return decoded.body as Messages[N];
}

