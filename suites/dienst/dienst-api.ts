/**
 * The JSON API of a running `oso-testbank serve`, as `qualify --tegen` uses it: with the admin token, over HTTPS that
 * trusts the system's CAs, the test CA of this harness's PKI (a service on the test PKI, as `serve` starts by default)
 * and the CA in OSO_TEGEN_CA (a service on another machine's test PKI). Every failure says which call failed and what
 * the service answered.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { defaultCertDir } from '../../certs/location.ts';

export const BEHEER_TOKEN_ENV = 'OSO_BEHEER_TOKEN';
/** A PEM file with the CA of the service's certificate, when it is neither publicly trusted nor of this harness's test PKI. */
export const DIENST_CA_ENV = 'OSO_TEGEN_CA';

export class DienstFout extends Error {
  override readonly name = 'DienstFout';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface DienstApi {
  /** The service's base URL (https://host:port), without /api. */
  readonly basis: string;
  get<T>(pad: string): Promise<T>;
  post<T>(pad: string, body: unknown): Promise<T>;
}

/** Base URL of the service: what the operator gave, without a trailing /, /api or /portaal. */
export function dienstBasis(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DienstFout(`'${url}' is not a URL; give the address of a running oso-testbank serve, for example https://oso-test.example.nl:8443.`);
  }
  if (u.protocol !== 'https:') throw new DienstFout(`'${url}' is not an https address; oso-testbank serve answers over HTTPS only.`);
  return `${u.protocol}//${u.host}`;
}

export function dienstApi(url: string, beheerToken: string, opties: { certDir?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): DienstApi {
  const basis = dienstBasis(url);
  let testCa = '';
  try {
    testCa = readFileSync(join(opties.certDir ?? defaultCertDir, 'ca-bundle.crt'), 'utf8');
  } catch {
    // No test PKI here: a service with a publicly trusted certificate still verifies.
  }
  const extraCaPad = opties.env?.[DIENST_CA_ENV];
  let extraCa = '';
  if (extraCaPad) {
    try {
      extraCa = readFileSync(extraCaPad, 'utf8');
    } catch (e) {
      throw new DienstFout(`${DIENST_CA_ENV}=${extraCaPad}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
  }
  const ca = [...rootCertificates, ...(testCa ? [testCa] : []), ...(extraCa ? [extraCa] : [])];
  const timeoutMs = opties.timeoutMs ?? 60_000;
  const call = <T>(method: 'GET' | 'POST', pad: string, body?: unknown): Promise<T> =>
    new Promise((done, failed) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${basis}/api${pad}`,
        {
          method,
          ca,
          agent: false,
          timeout: timeoutMs,
          headers: { authorization: `Bearer ${beheerToken}`, ...(data !== undefined ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          let tekst = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (tekst += d));
          res.on('end', () => {
            let json: unknown;
            try {
              json = JSON.parse(tekst);
            } catch {
              return failed(new DienstFout(`${method} ${basis}/api${pad}: HTTP ${res.statusCode}, no JSON (is this an oso-testbank serve?)`, res.statusCode));
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return done(json as T);
            const fout = (json as { fout?: string }).fout ?? tekst.slice(0, 200);
            const hint = status === 401 ? ` Check ${BEHEER_TOKEN_ENV}: it must hold the admin token of this service.` : '';
            failed(new DienstFout(`${method} ${basis}/api${pad}: HTTP ${status}: ${fout}${hint}`, status));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      req.on('error', (e) => failed(e instanceof DienstFout ? e : new DienstFout(`${method} ${basis}/api${pad}: ${e.message}`)));
      req.end(data);
    });
  return { basis, get: (pad) => call('GET', pad), post: (pad, body) => call('POST', pad, body) };
}
