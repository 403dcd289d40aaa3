/**
 * A hostile system under test: a server that misbehaves in one chosen way on every request, whatever the path. Over
 * plain HTTP it stands in for a vendor's test-control API, over HTTPS (with a certificate of the test PKI) for a vendor's
 * aanleverpunt. Whether it speaks JSON or XML follows the request's content type, so one server serves both sides.
 * The harness must fail the step within its deadline with a clear reason, and never hang or run out of memory.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type VijandigGedrag =
  /** Accepts the request and never answers. */
  | 'hangen'
  /** Resets the connection (TCP RST) as soon as the request arrived. */
  | 'verbreken'
  /** Starts a 200 answer, sends part of its body, then resets the connection. */
  | 'afbreken'
  /** Answers 200 with a body that is neither JSON nor XML, as text/html. */
  | 'onzin'
  /** Answers 200 with a body of about 1 GB, generated while sending (never held in memory), without a content-length. */
  | 'enorm'
  /** Answers 200 and then sends one byte every 200 ms, forever. */
  | 'druppelen';

export const vijandigeGedragingen: readonly VijandigGedrag[] = ['hangen', 'verbreken', 'afbreken', 'onzin', 'enorm', 'druppelen'];

/** What 'enorm' sends: 1 GiB. */
export const ENORM_BYTES = 1024 ** 3;
const DRUPPEL_MS = 200;

export interface VijandigeServer {
  /** Base URL (no trailing slash): http://127.0.0.1:port or https://127.0.0.1:port. */
  readonly url: string;
  /** Requests that arrived. */
  readonly verzoeken: number;
  /** Body bytes written so far (for 'enorm': proof the client broke off early). */
  readonly bytesVerstuurd: number;
  close(): Promise<void>;
}

export interface VijandigeServerOptions {
  gedrag: VijandigGedrag;
  /** Serve HTTPS with this certificate (chain) and key, as an aanleverpunt does; plain HTTP without. */
  tls?: { certPem: string; keyPem: string };
}

export async function startVijandigeServer(options: VijandigeServerOptions): Promise<VijandigeServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let verzoeken = 0;
  let bytesVerstuurd = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    verzoeken++;
    const xml = /xml/i.test(String(req.headers['content-type'] ?? ''));
    const contentType = xml ? 'text/xml; charset=utf-8' : 'application/json';
    req.resume();
    // Act once the request has fully arrived: the client's failure must be about the answer, not about sending.
    req.on('end', () => {
      switch (options.gedrag) {
        case 'hangen':
          return;
        case 'verbreken':
          return reset(req.socket);
        case 'afbreken':
          res.writeHead(200, { 'content-type': contentType, 'content-length': 1000 });
          res.write(xml ? '<?xml version="1.0"?>' : '{"ontvangen":[');
          // Let the first bytes reach the client before the reset.
          return void setTimeout(() => reset(req.socket), 50);
        case 'onzin':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return void res.end('Onzin: dit is geen JSON <en ook geen XML> \u0000\u0001');
        case 'enorm':
          return enorm(res, xml, contentType, (n) => (bytesVerstuurd += n));
        case 'druppelen': {
          res.writeHead(200, { 'content-type': contentType });
          res.flushHeaders();
          const timer = setInterval(() => {
            if (res.destroyed) return clearInterval(timer);
            res.write(xml ? '<' : '{');
            bytesVerstuurd++;
          }, DRUPPEL_MS);
          timers.add(timer);
          res.on('close', () => clearInterval(timer));
        }
      }
    });
  };

  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handle) : createHttpServer(handle);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The client breaking off is the expected end of every behaviour here.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    get verzoeken() {
      return verzoeken;
    },
    get bytesVerstuurd() {
      return bytesVerstuurd;
    },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP RST rather than a polite close: on TLS the reset goes to the TCP socket underneath. */
function reset(socket: Socket): void {
  const tcp = ((socket as Socket & { _parent?: Socket })._parent ?? socket) as Socket;
  if (typeof tcp.resetAndDestroy === 'function' && !tcp.destroyed) tcp.resetAndDestroy();
  else socket.destroy();
}

/** Writes ENORM_BYTES, chunk by chunk as the client takes them: the server's own memory stays flat. */
function enorm(res: ServerResponse, xml: boolean, contentType: string, sent: (n: number) => void): void {
  res.writeHead(200, { 'content-type': contentType });
  const begin = Buffer.from(xml ? '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' : '{"ontvangen":[');
  const vulling = Buffer.alloc(64 * 1024, xml ? 'x' : ' ');
  let rest = ENORM_BYTES;
  const write = (chunk: Buffer) => {
    rest -= chunk.length;
    sent(chunk.length);
    return res.write(chunk);
  };
  const pump = () => {
    while (rest > 0 && !res.destroyed) {
      if (!write(rest >= vulling.length ? vulling : vulling.subarray(0, rest))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  write(begin);
  pump();
}

/** Runs body against a started hostile server and closes it whatever happens. */
export async function metVijandigeServer(server: Promise<VijandigeServer>, body: (server: VijandigeServer) => Promise<void>): Promise<void> {
  const s = await server;
  try {
    await body(s);
  } finally {
    await s.close();
  }
}
