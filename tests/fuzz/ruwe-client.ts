/**
 * A client that writes exactly the bytes it is given — a broken request line, two Content-Lengths, a body that stops
 * halfway — over TCP or TLS, and reads whatever comes back until the answer is complete, the server closes, or the
 * deadline passes. Node's own HTTP client refuses to send most of what the fuzz suite needs to send.
 */
import { createHash } from 'node:crypto';
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';

export interface Doel {
  host: string;
  port: number;
  /**
   * TLS with this client certificate (or none); plain TCP when absent. The connection resumes the TLS session an
   * earlier one with the same certificate got, unless `volledigeHandshake` asks for a new handshake every time.
   */
  tls?: { ca: string; cert?: string; key?: string; volledigeHandshake?: boolean };
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
  /** Over TLS, once the handshake is done: whether it resumed an earlier session (false: a full handshake). */
  hervat?: boolean;
}

const MAX_BEWAARD = 4 * 1024 * 1024;

/**
 * TLS sessions per target and client certificate, so that thousands of requests do not each pay a full handshake. A
 * resumed session carries the certificate of the handshake that made it, so the key is the whole certificate: keyed on
 * its last characters, every chain (which ends in the same CA) shared one session, and a probe with a valid certificate
 * went out as the expired one a hostile request had used.
 */
const sessies = new Map<string, Buffer>();
/** One secure context per identity: building one parses the CA, certificate and key, a third of the client's CPU. */
const contexten = new Map<string, SecureContext>();

const vingerafdruk = (...delen: (string | undefined)[]) => createHash('sha256').update(delen.map((d) => d ?? '-').join('\0')).digest('hex');

function open(doel: Doel): Socket | TLSSocket {
  if (!doel.tls) return tcpConnect({ host: doel.host, port: doel.port });
  const { ca, cert, key, volledigeHandshake } = doel.tls;
  const identiteit = vingerafdruk(ca, cert, key);
  let context = contexten.get(identiteit);
  // No CA in it: the attacker does not check who the server is (rejectUnauthorized is off), and a chain that verifies
  // makes Node decode the server's whole certificate chain into objects on every full handshake.
  if (!context) contexten.set(identiteit, (context = createSecureContext(cert ? { cert, key } : {})));
  const sleutel = `${doel.host}:${doel.port}:${identiteit}`;
  const sessie = volledigeHandshake ? undefined : sessies.get(sleutel);
  const socket = tlsConnect({
    host: doel.host,
    port: doel.port,
    secureContext: context,
    // The attacker does not care who the server is; what is measured is how the server treats the attacker.
    rejectUnauthorized: false,
    ...(sessie ? { session: sessie } : {}),
  });
  if (!volledigeHandshake) socket.on('session', (s: Buffer) => sessies.set(sleutel, s));
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
    let hervat: boolean | undefined;
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
      klaar({ uitkomst, ...(status !== undefined && !Number.isNaN(status) ? { status } : {}), tekst: buf.toString('latin1'), body: buf, ms: Date.now() - begin, ...(fout ? { fout } : {}), ...(hervat !== undefined ? { hervat } : {}) });
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
    socket.once(doel.tls ? 'secureConnect' : 'connect', () => {
      if (doel.tls) hervat = (socket as TLSSocket).isSessionReused();
      void schrijf();
    });

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
