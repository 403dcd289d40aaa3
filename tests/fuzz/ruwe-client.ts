/**
 * A client that writes exactly the bytes it is given — a broken request line, two Content-Lengths, a body that stops
 * halfway — over TCP or TLS, and reads whatever comes back until the answer is complete, the server closes, or the
 * deadline passes. Node's own HTTP client refuses to send most of what the fuzz suite needs to send.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface Doel {
  host: string;
  port: number;
  /** TLS with this client certificate (or none); plain TCP when absent. */
  tls?: { ca: string; cert?: string; key?: string };
}

export interface RuwVerzoek {
  /** Request line, headers and the blank line, or any bytes at all. */
  kop: Buffer;
  /** Body bytes after the head. */
  body?: Buffer;
  /** A long body written piece by piece (respecting backpressure), never held whole: `stuk` repeated `keer` times. */
  stroom?: { stuk: Buffer; keer: number };
  /** Written after the stream (e.g. the last chunk). */
  naStroom?: Buffer;
  /** Close our sending side after the request: a server waiting for the rest of a body sees it will not come. */
  halfSluiten?: boolean;
}

export type Uitkomst =
  /** A complete HTTP answer. */
  | 'antwoord'
  /** The server closed (or reset) the connection: a valid way to refuse garbage, as long as it is prompt. */
  | 'gesloten'
  /** Nothing complete within the deadline and the connection still open. */
  | 'hangt';

export interface Ontvangen {
  uitkomst: Uitkomst;
  status?: number;
  /** Head and (the first megabytes of) the body, as latin1 text for the leak checks. */
  tekst: string;
  body: Buffer;
  ms: number;
  /** What the connection failed with, if it did (ECONNRESET, a TLS alert …). */
  fout?: string;
}

const MAX_BEWAARD = 4 * 1024 * 1024;

/** TLS sessions per target, so that thousands of requests do not each pay a full handshake. */
const sessies = new Map<string, Buffer>();

function open(doel: Doel): Socket | TLSSocket {
  if (!doel.tls) return tcpConnect({ host: doel.host, port: doel.port });
  const sleutel = `${doel.host}:${doel.port}:${doel.tls.cert ? doel.tls.cert.slice(-80) : 'zonder'}`;
  const sessie = sessies.get(sleutel);
  const socket = tlsConnect({
    host: doel.host,
    port: doel.port,
    ca: doel.tls.ca,
    ...(doel.tls.cert ? { cert: doel.tls.cert, key: doel.tls.key } : {}),
    // The attacker does not care who the server is; what is measured is how the server treats the attacker.
    rejectUnauthorized: false,
    ...(sessie ? { session: sessie } : {}),
  });
  socket.on('session', (s: Buffer) => sessies.set(sleutel, s));
  return socket;
}

/** Whether `buf` holds a complete HTTP answer; the status when the head is in. */
function compleet(buf: Buffer): { klaar: boolean; status?: number } {
  const eindKop = buf.indexOf('\r\n\r\n');
  if (eindKop < 0) return { klaar: false };
  const kop = buf.subarray(0, eindKop).toString('latin1');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(kop)?.[1] ?? NaN);
  if (status >= 100 && status < 200) {
    // An interim answer (100 Continue): the real one follows it.
    const rest = compleet(buf.subarray(eindKop + 4));
    return rest;
  }
  const body = buf.length - eindKop - 4;
  const lengte = /\r\ncontent-length:\s*(\d+)/i.exec(kop);
  if (lengte) return { klaar: body >= Number(lengte[1]), status };
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(kop)) return { klaar: buf.subarray(-5).toString('latin1') === '0\r\n\r\n', status };
  if (status === 204 || status === 304) return { klaar: true, status };
  return { klaar: false, status };
}

export function stuurRuw(doel: Doel, verzoek: RuwVerzoek, deadlineMs: number): Promise<Ontvangen> {
  const begin = Date.now();
  return new Promise((klaar) => {
    const stukken: Buffer[] = [];
    let bewaard = 0;
    let totaal = 0;
    let staart = Buffer.alloc(0);
    let kopLengte = -1;
    let lengte: number | undefined;
    let chunked = false;
    let zonderBody = false;
    let afgerond = false;
    let fout: string | undefined;
    const socket = open(doel);
    /** Whether the answer is complete, judged on the counts so far (never by concatenating everything again). */
    const isCompleet = () => {
      if (kopLengte < 0) {
        const { klaar } = compleet(Buffer.concat(stukken));
        const buf = Buffer.concat(stukken);
        const eind = buf.indexOf('\r\n\r\n');
        if (eind < 0 || /^HTTP\/1\.[01] 1\d\d/.test(buf.subarray(0, 12).toString('latin1'))) return klaar;
        kopLengte = eind + 4;
        const kop = buf.subarray(0, eind).toString('latin1');
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(kop);
        lengte = cl ? Number(cl[1]) : undefined;
        chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(kop);
        zonderBody = /^HTTP\/1\.[01] (204|304)/.test(kop);
      }
      if (zonderBody) return true;
      if (lengte !== undefined) return totaal - kopLengte >= lengte;
      if (chunked) return staart.toString('latin1').endsWith('0\r\n\r\n');
      return false;
    };
    const einde = (uitkomst: Uitkomst) => {
      if (afgerond) return;
      afgerond = true;
      clearTimeout(timer);
      socket.destroy();
      const buf = Buffer.concat(stukken);
      const { status } = compleet(buf);
      klaar({ uitkomst, ...(status !== undefined && !Number.isNaN(status) ? { status } : {}), tekst: buf.toString('latin1'), body: buf, ms: Date.now() - begin, ...(fout ? { fout } : {}) });
    };
    const timer = setTimeout(() => einde('hangt'), deadlineMs);
    socket.on('data', (d: Buffer) => {
      totaal += d.length;
      staart = Buffer.concat([staart, d]).subarray(-8);
      if (bewaard < MAX_BEWAARD) {
        stukken.push(d);
        bewaard += d.length;
      }
      if (isCompleet()) einde('antwoord');
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      fout = e.code ?? e.message;
      einde(isCompleet() ? 'antwoord' : 'gesloten');
    });
    socket.on('close', () => einde(isCompleet() ? 'antwoord' : 'gesloten'));
    socket.once(doel.tls ? 'secureConnect' : 'connect', () => void schrijf());

    const schrijfStuk = (b: Buffer) =>
      new Promise<void>((verder) => {
        if (afgerond || socket.destroyed) return verder();
        if (socket.write(b)) verder();
        else {
          const los = () => {
            socket.off('drain', los);
            socket.off('close', los);
            verder();
          };
          socket.on('drain', los);
          socket.on('close', los);
        }
      });
    async function schrijf() {
      await schrijfStuk(verzoek.kop);
      if (verzoek.body?.length) await schrijfStuk(verzoek.body);
      if (verzoek.stroom) for (let i = 0; i < verzoek.stroom.keer && !afgerond && !socket.destroyed; i++) await schrijfStuk(verzoek.stroom.stuk);
      if (verzoek.naStroom) await schrijfStuk(verzoek.naStroom);
      if (verzoek.halfSluiten && !afgerond && !socket.destroyed) socket.end();
    }
  });
}
