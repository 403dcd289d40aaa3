/**
 * A world server that listens from the start but is built when its first client connects. Building one is most of what
 * starting a world costs: the TLS secure context (OpenSSL parses the RSA key, checks it against the certificate and
 * builds a certificate store, ~2.5 ms) and the fastify app (its router compiles a not-found route for every HTTP method,
 * ~3 ms and the garbage of it); and in the qualification runs about half the HTTPS servers of a world are never called
 * (a doel run never calls the SUT's AP, most runs call one of the two testscholen).
 *
 * The port is taken at start, so the server's URL is known to the register as before. The connections that arrive while
 * the server is being built wait, unread (pauseOnConnect); then the built server takes over the listening socket
 * (net.Server#listen(handle), public API) and gets the waiting connections. From then on it is the server it always was:
 * its own connection tracking, time-outs and close.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

export interface BuiltServer {
  /** The server that takes over the listening socket. */
  server: Server;
  close(): Promise<void>;
}

export interface ServerOnFirstConnection {
  port: number;
  /** Whether a client has connected and the server was built (for tests). */
  readonly built: boolean;
  close(): Promise<void>;
}

/**
 * Listens on `host`:`port` (0: an ephemeral port) and calls `build` when the first client connects. When building fails
 * the waiting connections are closed, `onFailure` hears why, and the next connection tries again: the server stays up.
 */
export async function serverOnFirstConnection(
  listen: { host: string; port: number },
  build: () => Promise<BuiltServer>,
  onFailure: (error: Error) => void,
): Promise<ServerOnFirstConnection> {
  // noDelay as an HTTPS server sets it for the connections it accepts itself: a connection the front accepted must not
  // hold back small writes (Nagle) for the rest of its kept-alive life.
  const front = createServer({ pauseOnConnect: true, noDelay: true });
  const waiting = new Set<Socket>();
  let built: BuiltServer | undefined;
  let building: Promise<void> | undefined;
  let closing = false;

  const handOver = async (b: BuiltServer) => {
    if (closing) {
      for (const socket of waiting) socket.destroy();
      waiting.clear();
      await b.close();
      return;
    }
    b.server.listen(front);
    await once(b.server, 'listening');
    built = b;
    for (const socket of waiting) {
      b.server.emit('connection', socket);
      // Accepted paused (pauseOnConnect): a TLS server starts reading itself, plain HTTP needs the nudge.
      socket.resume();
    }
    waiting.clear();
  };
  // Until the hand-over only: afterwards the listening socket delivers to the built server.
  front.on('connection', (socket: Socket) => {
    waiting.add(socket);
    socket.once('close', () => waiting.delete(socket));
    building ??= build().then(handOver, (e: unknown) => {
      building = undefined;
      for (const s of waiting) s.destroy();
      waiting.clear();
      onFailure(e instanceof Error ? e : new Error(String(e)));
    });
  });
  front.listen({ host: listen.host, port: listen.port });
  await once(front, 'listening');
  const port = (front.address() as { port: number }).port;

  return {
    port,
    get built() {
      return built !== undefined;
    },
    close: async () => {
      closing = true;
      // A server being built is handed over first (or closed unused, handOver sees `closing`): the listening socket has
      // one owner at a time.
      await building;
      if (built) return built.close();
      for (const socket of waiting) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
