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

/** What an exchange concerns beyond the log entry: the schools (bron and doel BRIN) it is about. */
export interface ExchangeBetreft {
  brins: string[];
}

export interface ExchangeLogOptions {
  /**
   * Where every exchange is also written durably (`serve`: the store). A server awaits it before it answers, so what is
   * acknowledged is stored. Absent within one qualify: the log is then memory only.
   */
  sink?: (exchange: Exchange, betreft: ExchangeBetreft) => Promise<void>;
  /** Keep only the latest N entries in memory (a long-running service); all of them when absent. */
  maxEntries?: number;
  /** A write to the sink that was not awaited (a client's record) and failed: where to say so. */
  onSinkError?: (error: unknown, exchange: Exchange) => void;
}

export class ExchangeLog {
  #entries: Exchange[] = [];
  /** Sequence number of the first entry still in memory, minus one (entries before it were let go). */
  #dropped = 0;
  #handshakeFailures: HandshakeFailure[] = [];
  #pending = new Set<Promise<void>>();
  readonly #options: ExchangeLogOptions;

  constructor(options: ExchangeLogOptions = {}) {
    this.#options = options;
  }

  /** Records in memory; with a sink the durable write starts too (awaited by flush()). */
  record(entry: ExchangeRecord, betreft: ExchangeBetreft = { brins: [] }): Exchange {
    const exchange = this.#remember(entry);
    const sink = this.#options.sink;
    if (sink) {
      const write = sink(exchange, betreft).catch((e: unknown) => this.#options.onSinkError?.(e, exchange));
      this.#pending.add(write);
      void write.finally(() => this.#pending.delete(write));
    }
    return exchange;
  }

  /** Records in memory and, with a sink, resolves once the exchange is durable (a failing write rejects). */
  async recordDurable(entry: ExchangeRecord, betreft: ExchangeBetreft = { brins: [] }): Promise<Exchange> {
    const exchange = this.#remember(entry);
    if (this.#options.sink) await this.#options.sink(exchange, betreft);
    return exchange;
  }

  /** Resolves once every write record() started has ended. */
  async flush(): Promise<void> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  #remember(entry: ExchangeRecord): Exchange {
    const exchange = { seq: this.lastSeq + 1, ...entry };
    this.#entries.push(exchange);
    const max = this.#options.maxEntries;
    if (max !== undefined && this.#entries.length > max) {
      const weg = this.#entries.length - max;
      this.#entries.splice(0, weg);
      this.#dropped += weg;
    }
    return exchange;
  }

  /** Entries after the given sequence number (0 for all still in memory). */
  since(seq: number): readonly Exchange[] {
    return this.#entries.slice(Math.max(0, seq - this.#dropped));
  }

  get lastSeq(): number {
    return this.#dropped + this.#entries.length;
  }

  all(): readonly Exchange[] {
    return this.#entries;
  }

  recordHandshakeFailure(failure: HandshakeFailure): void {
    this.#handshakeFailures.push(failure);
    const max = this.#options.maxEntries;
    if (max !== undefined && this.#handshakeFailures.length > max) this.#handshakeFailures.shift();
  }

  handshakeFailures(): readonly HandshakeFailure[] {
    return this.#handshakeFailures;
  }
}
