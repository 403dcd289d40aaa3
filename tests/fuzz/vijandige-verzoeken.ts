/**
 * fast-check generators of hostile HTTP requests, one family per kind of attack the issue names. Every request is
 * built from the valid requests of the surface it is aimed at (recorded SOAP messages, contract-conform JSON, the forms
 * of the pages), so that most of them get past the first checks and reach the code behind.
 */
import fc from 'fast-check';
import type { RuwVerzoek } from './ruwe-client.ts';

export type Certificaat = 'geldig' | 'geen' | 'vreemd';

export interface GeldigVerzoek {
  methode: string;
  pad: string;
  contentType?: string;
  body?: string;
  /** Headers a valid request carries besides the content type (an Authorization token). */
  headers?: readonly [string, string][];
}

/** What a family needs to know of the surface it attacks. */
export interface Oppervlak {
  /** The Host header (host:port). */
  host: string;
  soort: 'soap' | 'json' | 'formulier';
  geldig: readonly GeldigVerzoek[];
  /** Whether the surface is HTTPS with client certificates (then some requests go without one, or with a foreign one). */
  tls: boolean;
  /** An extra family for this surface (e.g. uploads to the console), with its weight. */
  extra?: { soort: string; arb: fc.Arbitrary<Omit<Aanval, 'certificaat'>>; gewicht: number }[];
}

export interface Aanval {
  /** The family, for the counts. */
  soort: string;
  /** One line that lets a reader recognise the request in a failure message. */
  beschrijving: string;
  verzoek: RuwVerzoek;
  certificaat: Certificaat;
}

const CRLF = '\r\n';

/** Request line and headers; Content-Length from the body unless the family sets its own framing. */
export function kop(methode: string, pad: string, host: string, headers: readonly (readonly [string, string])[], bodyLengte?: number): Buffer {
  const regels = [`${methode} ${pad} HTTP/1.1`, `Host: ${host}`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  if (bodyLengte !== undefined && !headers.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k))) regels.push(`Content-Length: ${bodyLengte}`);
  regels.push('Connection: close');
  return Buffer.from(regels.join(CRLF) + CRLF + CRLF, 'latin1');
}

function met(o: Oppervlak, g: GeldigVerzoek, body: Buffer, extraHeaders: [string, string][] = [], contentType = g.contentType): RuwVerzoek {
  const headers: [string, string][] = [...(contentType ? [['Content-Type', contentType] as [string, string]] : []), ...(g.headers ?? []), ...extraHeaders];
  return { kop: kop(g.methode === 'GET' ? 'POST' : g.methode, g.pad, o.host, headers, body.length), body };
}

const kort = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Random byte mutations of a valid request body: flips, inserts, deletions, a cut. */
function mutatie(o: Oppervlak) {
  const g = fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined));
  const bewerking = fc.oneof(
    fc.record({ op: fc.constant('vervang' as const), pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('voegin' as const), pos: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ op: fc.constant('weg' as const), pos: fc.nat(), lengte: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('kap' as const), pos: fc.nat() }),
  );
  return fc.tuple(g, fc.array(bewerking, { minLength: 1, maxLength: 12 })).map(([g, ops]) => {
    let b = Buffer.from(g.body!, 'utf8');
    for (const op of ops) {
      const p = b.length ? op.pos % b.length : 0;
      if (op.op === 'vervang' && b.length) b = Buffer.concat([b.subarray(0, p), Buffer.from([op.byte]), b.subarray(p + 1)]);
      else if (op.op === 'voegin') b = Buffer.concat([b.subarray(0, p), Buffer.from(op.bytes), b.subarray(p)]);
      else if (op.op === 'weg') b = Buffer.concat([b.subarray(0, p), b.subarray(p + op.lengte)]);
      else if (op.op === 'kap') b = b.subarray(0, p);
    }
    return { soort: 'mutatie', beschrijving: `${g.methode} ${g.pad}: ${ops.length} byte mutations of a valid body`, verzoek: met(o, g, b) };
  });
}

/** A valid body cut off: honestly announced, or announced whole and then the connection half-closed. */
function afgekapt(o: Oppervlak) {
  return fc.tuple(fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined)), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([g, f, liegt]) => {
    const heel = Buffer.from(g.body!, 'utf8');
    const deel = heel.subarray(0, Math.floor(heel.length * f));
    const verzoek: RuwVerzoek = liegt
      ? { kop: kop('POST', g.pad, o.host, [...(g.contentType ? [['Content-Type', g.contentType] as const] : []), ['Content-Length', String(heel.length)]]), body: deel, halfSluiten: true }
      : met(o, g, deel);
    return { soort: 'afgekapt', beschrijving: `${g.pad}: body cut at ${deel.length}/${heel.length} bytes${liegt ? ', connection half-closed' : ''}`, verzoek };
  });
}

const lachen = (n: number) =>
  `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: n }, (_, i) => `<!ENTITY lol${i + 1} "${(i === 0 ? '&lol;' : `&lol${i};`).repeat(10)}">`).join('')}]>`;
const dtds = [
  { naam: 'billion laughs', dtd: lachen(9), ref: '&lol9;' },
  { naam: 'quadratic blowup', dtd: `<!DOCTYPE q [<!ENTITY a "${'a'.repeat(50_000)}">]>`, ref: '&a;'.repeat(2000) },
  { naam: 'external entity (file)', dtd: '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', ref: '&xxe;' },
  { naam: 'external entity (http)', dtd: '<!DOCTYPE x [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>', ref: '&xxe;' },
  { naam: 'parameter entity', dtd: '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', ref: '' },
  { naam: 'external DTD', dtd: '<!DOCTYPE x SYSTEM "file:///etc/passwd">', ref: '' },
  { naam: 'lower-case doctype', dtd: '<!doctype x [<!entity e "e">]>', ref: '&e;' },
  { naam: 'XInclude', dtd: '', ref: '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>' },
];

/** DOCTYPE and entity tricks: expansion bombs, external entities, before the envelope or inside a field. */
function dtd(o: Oppervlak) {
  return fc.tuple(fc.constantFrom(...dtds), fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined)), fc.boolean()).map(([d, g, binnen]) => {
    const xml = o.soort === 'soap' ? g.body! : '<dossier><naam>x</naam></dossier>';
    const zonderProlog = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
    const metRef = zonderProlog.replace(/>([^<>]+)</, `>$1${d.ref}<`);
    const body = binnen ? `<?xml version="1.0"?>${metRef.replace(/(<[^?!][^>]*>)/, `$1${d.dtd}`)}` : `<?xml version="1.0"?>${d.dtd}${metRef}`;
    return { soort: 'dtd', beschrijving: `${g.pad}: ${d.naam}${binnen ? ' inside the document' : ''}`, verzoek: met(o, g, Buffer.from(body), [], o.soort === 'soap' ? g.contentType : 'text/xml') };
  });
}

/** Nesting far deeper than any message: XML elements or JSON arrays, up to 100,000 levels. */
function diep(o: Oppervlak) {
  return fc.tuple(fc.oneof(fc.constant(100_000), fc.integer({ min: 1_000, max: 100_000 })), fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined))).map(([n, g]) => {
    const body =
      o.soort === 'json'
        ? `{"brin":${'['.repeat(n)}${']'.repeat(n)}}`
        : o.soort === 'formulier'
          ? `a${'[a]'.repeat(n)}=1`
          : // A function, not a '$1' text: a replacement text of 700 KB is scanned for '$' patterns first.
            g.body!.replace(/(<\/(?:\w+:)?Body>)/, (eind) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}${eind}`);
    return { soort: 'diep', beschrijving: `${g.pad}: ${n} levels of nesting`, verzoek: met(o, g, Buffer.from(body)) };
  });
}

const MAX_VEEL = 100_000;

/**
 * The first n of `item(0)`, `item(1)` … joined by `scheiding`, cut from one text of all 100,000 built once: building up
 * to 100,000 small strings anew for every request was most of the generators' CPU (18 ms a request).
 */
function eersteN(item: (i: number) => string, scheiding: string): (n: number) => string {
  let tekst: string | undefined;
  const einden = new Int32Array(MAX_VEEL);
  return (n) => {
    if (tekst === undefined) {
      const delen: string[] = [];
      let lengte = 0;
      for (let i = 0; i < MAX_VEEL; i++) {
        const deel = (i ? scheiding : '') + item(i);
        delen.push(deel);
        einden[i] = lengte += deel.length;
      }
      tekst = delen.join('');
    }
    return tekst.slice(0, einden[n - 1]);
  };
}
const jsonSleutels = eersteN((i) => `"k${i}":${i}`, ',');
const formulierVelden = eersteN((i) => `f${i}=${i}`, '&');
const attributen = eersteN((i) => `a${i}="${i}"`, ' ');

/** Huge numbers of attributes, elements, keys or fields. */
function veel(o: Oppervlak) {
  return fc.tuple(fc.integer({ min: 1_000, max: MAX_VEEL }), fc.boolean(), fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined))).map(([n, alsAttributen, g]) => {
    let body: string;
    if (o.soort === 'json') body = `{${jsonSleutels(n)}}`;
    else if (o.soort === 'formulier') body = formulierVelden(n);
    else if (alsAttributen) body = g.body!.replace(/<((?:\w+:)?Body)/, (_, naam: string) => `<${naam} ${attributen(n)}`);
    else body = g.body!.replace(/(<\/(?:\w+:)?Body>)/, (eind) => `${'<e>x</e>'.repeat(n)}${eind}`);
    return { soort: 'veel', beschrijving: `${g.pad}: ${n} ${o.soort === 'soap' ? (alsAttributen ? 'attributes' : 'elements') : 'keys/fields'}`, verzoek: met(o, g, Buffer.from(body)) };
  });
}

/** Bodies larger than announced or than allowed: a Content-Length of gigabytes, a chunked stream of megabytes. */
function groot(o: Oppervlak) {
  return fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined))).map(([aangekondigd, mb, g]) => {
    const ct = g.contentType ?? 'application/octet-stream';
    if (aangekondigd)
      return {
        soort: 'groot',
        beschrijving: `${g.pad}: Content-Length of ${mb} GB, 64 KB sent, then half-closed`,
        verzoek: { kop: kop('POST', g.pad, o.host, [['Content-Type', ct], ['Content-Length', String(mb * 1024 ** 3)]]), body: Buffer.alloc(64 * 1024, 0x41), halfSluiten: true },
      };
    // A chunked stream: chunks of 64 KB, then the final chunk.
    const stuk = Buffer.concat([Buffer.from(`10000${CRLF}`), Buffer.alloc(0x10000, 0x3c), Buffer.from(CRLF)]);
    return {
      soort: 'groot',
      beschrijving: `${g.pad}: ${mb} MB streamed in chunks`,
      verzoek: { kop: kop('POST', g.pad, o.host, [['Content-Type', ct], ['Transfer-Encoding', 'chunked']]), stroom: { stuk, keer: mb * 16 }, naStroom: Buffer.from(`0${CRLF}${CRLF}`) },
    };
  });
}

const contentTypes = ['application/json', 'text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/xml; charset=utf-16', 'text/xml; charset=ebcdic', 'application/soap+xml; action="x"', '', ';;;', 'text/xml'.repeat(500), 'x/y; a="\u00ff"'];
const soapActions = ['""', '"urn:onbekend"', '', 'x'.repeat(8000), '"\u00ff\u00fe"', '"documentRequest"', '"../../etc/passwd"'];

/** Wrong or odd Content-Type and SOAPAction on an otherwise valid request. */
function inhoudstype(o: Oppervlak) {
  return fc.tuple(fc.constantFrom(...contentTypes), fc.option(fc.constantFrom(...soapActions)), fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined))).map(([ct, actie, g]) => ({
    soort: 'inhoudstype',
    beschrijving: `${g.pad}: Content-Type ${kort(JSON.stringify(ct), 40)}${actie !== null ? `, SOAPAction ${kort(actie, 30)}` : ''}`,
    verzoek: met(o, g, Buffer.from(g.body!, 'utf8'), actie !== null ? [['SOAPAction', actie]] : [], ct || undefined),
  }));
}

const ongeldigUtf8 = [[0xc3, 0x28], [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00], [0xef, 0xbf, 0xbe]];

/** Invalid UTF-8 (lone continuation bytes, overlong forms, surrogates, NUL) in the text of a valid request. */
function utf8(o: Oppervlak) {
  return fc.tuple(fc.constantFrom(...o.geldig.filter((v) => v.body !== undefined)), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ongeldigUtf8)), { minLength: 1, maxLength: 6 })).map(([g, inzet]) => {
    let b = Buffer.from(g.body!, 'utf8');
    for (const [pos, bytes] of inzet) {
      const p = b.length ? pos % b.length : 0;
      b = Buffer.concat([b.subarray(0, p), Buffer.from(bytes), b.subarray(p)]);
    }
    return { soort: 'utf8', beschrijving: `${g.pad}: ${inzet.length} invalid UTF-8 sequences`, verzoek: met(o, g, b) };
  });
}

/** Request smuggling shapes: Content-Length next to Transfer-Encoding, two lengths, odd chunk framing, a second request behind. */
function smokkel(o: Oppervlak) {
  const vormen = (pad: string, ct: string): { naam: string; bytes: string }[] => {
    const h = `Host: ${o.host}${CRLF}Content-Type: ${ct}`;
    const achter = `GET /smokkel HTTP/1.1${CRLF}Host: ${o.host}${CRLF}${CRLF}`;
    return [
      { naam: 'CL.TE', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Content-Length: 6${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}X` },
      { naam: 'TE.CL', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding: chunked${CRLF}Content-Length: 4${CRLF}${CRLF}5c${CRLF}${achter}${CRLF}0${CRLF}${CRLF}` },
      { naam: 'TE.TE (obfuscated)', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding: chunked${CRLF}Transfer-Encoding: x${CRLF}Content-Length: 4${CRLF}${CRLF}0${CRLF}${CRLF}` },
      { naam: 'TE with space before colon', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding : chunked${CRLF}${CRLF}0${CRLF}${CRLF}` },
      { naam: 'TE xchunked', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding: xchunked${CRLF}Content-Length: 3${CRLF}${CRLF}abc` },
      { naam: 'two Content-Lengths', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Content-Length: 3${CRLF}Content-Length: 40${CRLF}${CRLF}abc${achter}` },
      { naam: 'Content-Length list', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Content-Length: 3, 3${CRLF}${CRLF}abc` },
      { naam: 'negative Content-Length', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Content-Length: -1${CRLF}${CRLF}abc` },
      { naam: 'chunk size overflow', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}ffffffffffffffffffff${CRLF}abc${CRLF}0${CRLF}${CRLF}` },
      { naam: 'chunk extension flood', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}3;${'a=b;'.repeat(5000)}${CRLF}abc${CRLF}0${CRLF}${CRLF}` },
      { naam: 'bare LF', bytes: `POST ${pad} HTTP/1.1\nHost: ${o.host}\nTransfer-Encoding: chunked\nContent-Length: 3\n\n0\n\n` },
      { naam: 'obs-fold header', bytes: `POST ${pad} HTTP/1.1${CRLF}${h}${CRLF}Transfer-Encoding:${CRLF} chunked${CRLF}Content-Length: 3${CRLF}${CRLF}abc` },
      { naam: 'pipelined second request', bytes: `GET ${pad} HTTP/1.1${CRLF}Host: ${o.host}${CRLF}${CRLF}${achter}` },
      { naam: 'HTTP/1.0 with TE', bytes: `POST ${pad} HTTP/1.0${CRLF}${h}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}` },
      { naam: 'HTTP/2 preface', bytes: `PRI * HTTP/2.0${CRLF}${CRLF}SM${CRLF}${CRLF}` },
    ];
  };
  return fc.tuple(fc.nat(), fc.constantFrom(...o.geldig)).map(([i, g]) => {
    const lijst = vormen(g.pad, g.contentType ?? 'application/json');
    const v = lijst[i % lijst.length]!;
    return { soort: 'smokkel', beschrijving: `${g.pad}: ${v.naam}`, verzoek: { kop: Buffer.from(v.bytes, 'latin1'), halfSluiten: true } };
  });
}

const traversals = [
  '/../../../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/%252e%252e%252fetc%252fpasswd',
  '/..\\..\\..\\windows\\win.ini',
  '//etc/passwd',
  '/%00/etc/passwd',
  '/.%00./.%00./etc/passwd',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/%zz%',
  '/\u00ff\u00fe',
  '/;/../etc/passwd',
  '/?../../etc/passwd',
  '/proc/self/environ',
  '/node_modules/fastify/package.json',
  '/../package.json',
  '/../../cli/main.ts',
];

/** Path traversal (encoded every which way), odd paths and very long ones, on the surface's own prefixes. */
function pad(o: Oppervlak) {
  return fc
    .tuple(fc.constantFrom(...o.geldig), fc.oneof(fc.constantFrom(...traversals), fc.integer({ min: 1_000, max: 120_000 }).map((n) => `/${'a'.repeat(n)}`)), fc.constantFrom('GET', 'POST'), fc.boolean())
    .map(([g, t, methode, opPrefix]) => {
      const prefix = opPrefix ? g.pad.replace(/\/[^/]*$/, '') : '';
      const p = `${prefix}${t}`;
      return {
        soort: 'pad',
        beschrijving: `${methode} ${kort(p)}`,
        verzoek: { kop: kop(methode, p, o.host, methode === 'POST' && g.contentType ? [['Content-Type', g.contentType]] : [], methode === 'POST' ? (g.body?.length ?? 0) : undefined), body: Buffer.from(methode === 'POST' ? (g.body ?? '') : '') },
      };
    });
}

/** Odd methods, a pile of headers, a header of hundreds of kilobytes, bytes no header may hold. */
function kopregels(o: Oppervlak) {
  return fc
    .tuple(
      fc.constantFrom(...o.geldig),
      fc.oneof(
        fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'PROPFIND', 'get', 'G\u00e9T', 'X'.repeat(300)).map((m) => ({ m, headers: [] as [string, string][] })),
        fc.integer({ min: 100, max: 3_000 }).map((n) => ({ m: 'POST', headers: Array.from({ length: n }, (_, i) => [`X-Fuzz-${i}`, String(i)] as [string, string]) })),
        fc.integer({ min: 8_000, max: 300_000 }).map((n) => ({ m: 'POST', headers: [['X-Fuzz', 'v'.repeat(n)]] as [string, string][] })),
        fc.constantFrom('\u0000', '\u007f', '\u00ff', '\u0001\u0002', ' \t ').map((b) => ({ m: 'POST', headers: [[`X-Fu${b}zz`, `v${b}v`]] as [string, string][] })),
        fc.constantFrom('cookie', 'origin', 'authorization', 'host').map((k) => ({ m: 'POST', headers: [[k, '\u00ff'.repeat(2000)]] as [string, string][] })),
      ),
    )
    .map(([g, { m, headers }]) => ({
      soort: 'kopregels',
      beschrijving: `${kort(m, 20)} ${g.pad}: ${headers.length} odd headers${headers[0] ? ` (${kort(headers[0][0], 20)}: ${headers[0][1].length} chars)` : ''}`,
      verzoek: { kop: kop(m, g.pad, o.host, [...(g.contentType ? [['Content-Type', g.contentType] as [string, string]] : []), ...headers], g.body?.length ?? 0), body: Buffer.from(g.body ?? '') },
    }));
}

/** Bytes that are not HTTP at all. */
function binair() {
  return fc.uint8Array({ minLength: 1, maxLength: 4_096 }).map((b) => ({ soort: 'binair', beschrijving: `${b.length} random bytes instead of a request`, verzoek: { kop: Buffer.from(b), halfSluiten: true } }));
}

/** JSON that breaks the contract in the ways a parser or a handler may trip over. */
function json(o: Oppervlak) {
  const waarden = fc.oneof(
    fc.constantFrom('{"__proto__":{"vervuild":true}}', '{"constructor":{"prototype":{"vervuild":true}}}', '{"brin":1e309}', '{"brin":-0}', '{"brin":"\\ud800"}', '{"brin":null}', '[]', '"x"', '1', 'null', '{', '{"a":1,}', '{"brin":"99AA","brin":"99BB"}', '\ufeff{}', '{"brin":"' + 'x'.repeat(60_000) + '"}'),
    fc.json().map((j) => j),
    fc.anything({ maxDepth: 3 }).map((a) => { try { return JSON.stringify(a) ?? 'null'; } catch { return '{}'; } }),
  );
  return fc.tuple(fc.constantFrom(...o.geldig.filter((v) => v.methode !== 'GET')), waarden).map(([g, body]) => ({
    soort: 'json',
    beschrijving: `${g.pad}: ${kort(body, 60)}`,
    verzoek: met(o, g, Buffer.from(body, 'utf8'), [], 'application/json'),
  }));
}

/** Forms that are not what the page sent: broken encodings, broken multipart, fields repeated or missing. */
function formulier(o: Oppervlak) {
  const vormen = fc.oneof(
    fc.constantFrom('%', '%zz=%', '=&=&=', 'a=%ff%fe', 'naam=' + '%41'.repeat(20_000), 'a=1&'.repeat(5_000), '&&&&', 'waarde[__proto__][x]=1', '\u0000=\u0000').map((b) => ({ ct: 'application/x-www-form-urlencoded', b })),
    fc.constantFrom(
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n',
      '--x\r\nContent-Disposition: form-data; name="bestand"; filename="../../../etc/passwd"\r\nContent-Type: text/plain\r\n\r\nhallo\r\n--x--\r\n',
      '--y\r\n\r\n--y--',
      '--x--',
      '--x\r\nContent-Disposition: form-data; name="bestand"; filename="' + 'a'.repeat(10_000) + '"\r\n\r\nb\r\n--x--\r\n',
    ).map((b) => ({ ct: 'multipart/form-data; boundary=x', b })),
    fc.tuple(fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary='), fc.string({ maxLength: 500 })).map(([ct, b]) => ({ ct, b })),
  );
  return fc.tuple(fc.constantFrom(...o.geldig.filter((v) => v.methode !== 'GET')), vormen).map(([g, { ct, b }]) => ({
    soort: 'formulier',
    beschrijving: `${g.pad}: ${ct.split(';')[0]} ${kort(JSON.stringify(b), 60)}`,
    verzoek: met(o, g, Buffer.from(b, 'latin1'), [], ct),
  }));
}

/** Every family that fits the surface, weighted; each request gets a certificate choice on a TLS surface. */
export function aanvallen(o: Oppervlak): fc.Arbitrary<Aanval> {
  const families: { arbitrary: fc.Arbitrary<Omit<Aanval, 'certificaat'>>; weight: number }[] = [
    { arbitrary: pad(o), weight: 3 },
    { arbitrary: kopregels(o), weight: 2 },
    { arbitrary: smokkel(o), weight: 2 },
    { arbitrary: binair(), weight: 1 },
  ];
  if (o.geldig.some((g) => g.body !== undefined))
    families.push(
      { arbitrary: mutatie(o), weight: 6 },
      { arbitrary: afgekapt(o), weight: 2 },
      { arbitrary: dtd(o), weight: 2 },
      { arbitrary: diep(o), weight: 1 },
      { arbitrary: veel(o), weight: 1 },
      { arbitrary: groot(o), weight: 1 },
      { arbitrary: inhoudstype(o), weight: 2 },
      { arbitrary: utf8(o), weight: 2 },
    );
  if (o.soort === 'json' && o.geldig.some((g) => g.methode !== 'GET')) families.push({ arbitrary: json(o), weight: 4 });
  if (o.soort === 'formulier' && o.geldig.some((g) => g.methode !== 'GET')) families.push({ arbitrary: formulier(o), weight: 4 });
  for (const e of o.extra ?? []) families.push({ arbitrary: e.arb, weight: e.gewicht });
  const certificaat: fc.Arbitrary<Certificaat> = o.tls
    ? fc.oneof({ arbitrary: fc.constant('geldig' as const), weight: 8 }, { arbitrary: fc.constant('geen' as const), weight: 1 }, { arbitrary: fc.constant('vreemd' as const), weight: 1 })
    : fc.constant('geen' as const);
  return fc.tuple(fc.oneof(...families), certificaat).map(([a, certificaat]) => ({ ...a, certificaat }));
}
