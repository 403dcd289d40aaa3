/**
 * A world server's key, certificate chain, CA certificates and CRLs, loaded into its TLS server when the first client
 * connects instead of when the server starts. Building that secure context is most of what starting a world costs
 * (OpenSSL parses the RSA key, checks it against the certificate and copies a certificate store per server), and about
 * half the servers of a world are never called in a run: a doel run never calls the SUT's AP, most runs call one of the
 * two testscholen. The context a connection gets is the same as when it was built at start: `setSecureContext` (public
 * tls.Server API) replaces the server's context before Node's own connection listener hands it to the new socket.
 */
import type { SecureContextOptions, Server as TlsServer } from 'node:tls';

/**
 * The options a TLS server is constructed with until its first connection: only what the server needs to exist, none of
 * the identity (no key, no certificates, no CRLs), so that constructing it parses nothing.
 */
export function withoutIdentity(options: SecureContextOptions): SecureContextOptions {
  const { key: _key, cert: _cert, ca: _ca, crl: _crl, ...rest } = options;
  return rest;
}

/**
 * Loads `options` into `server` on its first connection. When they cannot be loaded (an unusable key or certificate),
 * `onFailure` hears why and that connection's handshake fails on the identity-less context (the client sees a TLS
 * error, as it would from a server without a certificate); the next connection tries again, and the server stays up.
 */
export function loadTlsOnFirstConnection(server: TlsServer, options: SecureContextOptions, onFailure: (error: Error) => void): void {
  const load = () => {
    try {
      server.setSecureContext(options);
      server.off('connection', load);
    } catch (e) {
      onFailure(e instanceof Error ? e : new Error(String(e)));
    }
  };
  // Prepended: it must run before tls.Server's own connection listener, which gives the socket the current context.
  server.prependListener('connection', load);
}
