/**
 * The http adapter: drives a LAS under test through the test-control API (simulator/control-api.ts), and holds every
 * answer to the contract (docs/control-api.openapi.json). One deadline per call covers connecting, waiting and reading
 * the whole body, and the body is read up to a size limit: a SUT that hangs, resets, trickles, floods or answers garbage
 * fails the step with an error that says which of these it did, never hangs the run.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import {
  controlPaths,
  optioneleControlPaths,
  type ControlStatus,
  type DossiersAntwoord,
  type LaatsteFoutAntwoord,
  type NotificatiesAntwoord,
  type OpvragenAntwoord,
  type KlokVerzoek,
  type ReleaseVerzoek,
} from '../../simulator/control-api.ts';
import { antwoordAfwijkingen, antwoordSchema, beschrijfAfwijkingen, CONTRACT_FILE, methodOf, type ControlPath } from '../../simulator/control-api-contract.ts';
import { lookupVia, type Namen } from '../../simulator/transport/naam-resolutie.ts';
import { AdapterFout, type Aangeboden, type SutAdapter } from './sut-adapter.ts';

/** Far above any real answer (a /dossiers list of thousands of entries is a few hundred kB), far below trouble. */
export const MAX_ANTWOORD_BYTES = 1024 * 1024;

export interface HttpAdapterOptions {
  /** Base URL of the test-control API, e.g. http://127.0.0.1:4000 (https is fine too). */
  controlUrl: string;
  /** Deadline per call, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** Largest answer read; a larger one is broken off. Default MAX_ANTWOORD_BYTES. */
  maxAntwoordBytes?: number;
  /** Host names the harness resolves itself (harness.namen of the SUT configuration). */
  namen?: Namen;
}

interface Ruw {
  status: number;
  contentType: string;
  body: string;
}

function grootte(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}

/** The start of a body, printable, for a message. */
function begin(text: string): string {
  const clean = text.slice(0, 200).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '?');
  return text.length > 200 ? `${clean}...` : clean;
}

function verbindingsfout(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNRESET':
      return 'verbinding verbroken door de SUT (ECONNRESET)';
    case 'ECONNREFUSED':
      return 'niet bereikbaar: de verbinding werd geweigerd (ECONNREFUSED); draait de test-control-API op dit adres?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `hostnaam onbekend (${err.code})`;
    default:
      return `verbinding mislukt: ${err.message}${err.code ? ` (${err.code})` : ''}`;
  }
}

/** One HTTP exchange within the deadline and the size limit; rejects with the reason in words. */
function exchange(url: string, method: 'GET' | 'POST', body: string | undefined, timeoutMs: number, maxBytes: number, namen: Namen | undefined): Promise<Ruw> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let response: IncomingMessage | undefined;
    let received = 0;
    const fail = (reden: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      reject(new AdapterFout(`Test-control-API ${url}: ${reden}.`));
    };
    const transport = url.startsWith('https:') ? https : http;
    const req = transport.request(url, {
      method,
      // A fresh connection per call: no kept-alive socket that the SUT closed in the meantime can fail a call as a reset.
      agent: false,
      ...(namen ? { lookup: lookupVia(namen) } : {}),
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
    });
    const deadline = setTimeout(
      () =>
        fail(
          response
            ? `antwoord druppelde binnen ${timeoutMs} ms niet volledig binnen (${received} bytes ontvangen, time-out)`
            : `geen antwoord binnen ${timeoutMs} ms (time-out)`,
        ),
      timeoutMs,
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      fail(response ? `verbinding verbroken door de SUT tijdens het antwoord (${received} bytes ontvangen${err.code ? `, ${err.code}` : ''})` : verbindingsfout(err)),
    );
    req.on('response', (res) => {
      response = res;
      const announced = Number(res.headers['content-length']);
      if (announced > maxBytes) return fail(`antwoord groter dan ${grootte(maxBytes)} (content-length ${announced}), afgebroken`);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return fail(`antwoord groter dan ${grootte(maxBytes)}, afgebroken`);
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) =>
        fail(`verbinding verbroken door de SUT tijdens het antwoord (${received} bytes ontvangen${err.code ? `, ${err.code}` : ''})`),
      );
      res.on('close', () => {
        if (!res.complete) fail(`verbinding verbroken door de SUT tijdens het antwoord (${received} bytes ontvangen)`);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
}

const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/** HTTP statuses by which a LAS says it does not offer an optional call. */
const NIET_AANGEBODEN = [404, 501];

/** An optional path (reset, klok) that the LAS does not offer: an answer, not an error. */
class NietAangeboden extends Error {}

/** Calls one path of the test-control API and returns its answer once it fits the contract. */
async function call<T>(options: HttpAdapterOptions, path: ControlPath, body?: unknown): Promise<T> {
  const url = `${options.controlUrl.replace(/\/+$/, '')}${path}`;
  const ruw = await exchange(url, methodOf(path), body === undefined ? undefined : JSON.stringify(body), options.timeoutMs, options.maxAntwoordBytes ?? MAX_ANTWOORD_BYTES, options.namen);
  if (optioneleControlPaths.includes(path) && NIET_AANGEBODEN.includes(ruw.status)) throw new NietAangeboden(path);
  const fout = (reden: string): never => {
    throw new AdapterFout(`Test-control-API ${url}: ${reden}.`);
  };
  const geweigerd = ruw.status !== 200;
  if (ruw.status >= 200 && ruw.status < 300 && geweigerd) fout(`antwoordde HTTP ${ruw.status}; het contract (${CONTRACT_FILE}) vraagt HTTP 200 met een JSON-body`);

  let json: unknown;
  try {
    json = JSON.parse(ruw.body);
  } catch {
    const wat = `geen geldige JSON (content-type ${ruw.contentType || 'ontbreekt'}): ${begin(ruw.body) || '(lege body)'}`;
    fout(geweigerd ? `weigerde (HTTP ${ruw.status}) met ${wat}` : `antwoord (HTTP 200) is ${wat}`);
  }
  const afwijkingen = antwoordAfwijkingen(path, ruw.status, json);
  if (geweigerd)
    fout(
      afwijkingen.length
        ? `weigerde (HTTP ${ruw.status}) zonder {fout} zoals het contract (${CONTRACT_FILE}) vraagt: ${begin(ruw.body)}`
        : `weigerde (HTTP ${ruw.status}): ${(json as { fout: string }).fout}`,
    );
  if (afwijkingen.length)
    fout(`antwoord (HTTP 200) past niet in het contract (${CONTRACT_FILE}, ${antwoordSchema(path, ruw.status)}): ${beschrijfAfwijkingen(afwijkingen)}`);
  if (!JSON_CONTENT_TYPE.test(ruw.contentType)) fout(`antwoord heeft content-type ${ruw.contentType || '(geen)'}; het contract vraagt application/json`);
  return json as T;
}

async function optioneel(options: HttpAdapterOptions, path: ControlPath, body: unknown): Promise<Aangeboden> {
  try {
    await call(options, path, body);
    return 'gedaan';
  } catch (e) {
    if (e instanceof NietAangeboden) return 'niet-aangeboden';
    throw e;
  }
}

export function httpAdapter(options: HttpAdapterOptions): SutAdapter {
  return {
    soort: 'http',
    klaarzetten: async (verzoek) => {
      await call(options, controlPaths.klaarzetten, verzoek);
    },
    opvragen: (verzoek) => call<OpvragenAntwoord>(options, controlPaths.opvragen, verzoek),
    ontvangen: async () => (await call<DossiersAntwoord>(options, controlPaths.dossiers)).ontvangen,
    notificaties: async () => (await call<NotificatiesAntwoord>(options, controlPaths.notificaties)).notificaties,
    laatsteFout: async () => (await call<LaatsteFoutAntwoord>(options, controlPaths.laatsteFout)).melding,
    wisselRelease: async (gegevensset) => {
      await call(options, controlPaths.release, { gegevensset } satisfies ReleaseVerzoek);
    },
    reset: () => optioneel(options, controlPaths.reset, {}),
    zetKlok: (datum) => optioneel(options, controlPaths.klok, { datum } satisfies KlokVerzoek),
    datum: async () => (await call<ControlStatus>(options, controlPaths.status)).datum,
    close: async () => {},
  };
}
