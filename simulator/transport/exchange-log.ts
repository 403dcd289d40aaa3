/**
 * The log of every SOAP exchange the simulated world took part in: a request and its answer (or the reason there was
 * none), in the order they completed. World servers record what they receive; world clients record only what they send
 * to parties outside the world (the system under test), so every exchange appears exactly once.
 */
export interface Exchange {
  seq: number;
  /** The party that recorded the exchange (TC, a testschool). */
  recordedBy: string;
  /** Wire name of the request, or `onbekend` when it could not be read. */
  operation: string;
  van: string;
  naar: string;
  url: string;
  request: string;
  response?: string;
  httpStatus?: number;
  /** A result code, `SOAP Fault: <reden>`, or a transport error in words. */
  uitkomst: string;
  /** OIN in the subject serialNumber of the client certificate (server side) or server certificate (client side). */
  peerOin?: string;
  sessieId?: string;
  /** What the TLS handshake negotiated, e.g. TLSv1.3 / TLS_AES_256_GCM_SHA384. */
  tls?: { protocol: string; cipher: string };
  startedAt: string;
  durationMs: number;
}

export type ExchangeRecord = Omit<Exchange, 'seq'>;

/** A TLS handshake a world server saw fail: no SOAP exchange took place, but it is evidence all the same. */
export interface HandshakeFailure {
  recordedBy: string;
  at: string;
  /** OpenSSL's or Node's code, e.g. ERR_SSL_TLSV1_ALERT_UNKNOWN_CA when the client refused the server's certificate. */
  code: string;
  message: string;
}

export class ExchangeLog {
  #entries: Exchange[] = [];
  #handshakeFailures: HandshakeFailure[] = [];

  record(entry: ExchangeRecord): Exchange {
    const exchange = { seq: this.#entries.length + 1, ...entry };
    this.#entries.push(exchange);
    return exchange;
  }

  /** Entries after the given sequence number (0 for all). */
  since(seq: number): readonly Exchange[] {
    return this.#entries.slice(seq);
  }

  get lastSeq(): number {
    return this.#entries.length;
  }

  all(): readonly Exchange[] {
    return this.#entries;
  }

  recordHandshakeFailure(failure: HandshakeFailure): void {
    this.#handshakeFailures.push(failure);
  }

  handshakeFailures(): readonly HandshakeFailure[] {
    return this.#handshakeFailures;
  }

}
