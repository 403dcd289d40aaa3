/**
 * `oso-testbank serve` as a real child process on a free port, and an HTTPS client for its API with or without a
 * client certificate from the test PKI: what the serve tests drive, as an operator and a vendor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCertDir } from '../../certs/location.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { REFERENCE_LAS_UI_PATH } from '../../simulator/reference-las/reference-las.ts';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';
import { freePorts, startStandaloneLas } from '../cli/standalone-las.ts';

const bin = fileURLToPath(new URL('../../bin/oso-testbank.mjs', import.meta.url));

export interface ServeProces {
  url: string;
  pid: number;
  output(): string;
  /** SIGTERM and the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to close anything. */
  kill9(): Promise<void>;
}

export async function startServeProces(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProces> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', ...args], { env: { ...envWithoutEnclosingRun(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`serve did not start within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      if (output.includes('admin token:')) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`serve stopped (exit ${code}):\n${output}`));
    });
  });
  const url = /running on (https:\/\/\S+)/.exec(output)![1]!;
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Identiteit {
  cert: string;
  key: string;
}

/** A party's certificate (with its chain) and key from the test PKI. */
export function pkiIdentiteit(partyId: string): Identiteit {
  return { cert: readFileSync(join(defaultCertDir, `${partyId}.chain.crt`), 'utf8'), key: readFileSync(join(defaultCertDir, `${partyId}.key`), 'utf8') };
}

const ca = () => readFileSync(join(defaultCertDir, 'ca-bundle.crt'), 'utf8');

export interface Antwoord {
  status: number;
  body: any;
  tekst: string;
}

/** An HTTPS call that trusts the test CA; a client certificate and a bearer token when given. */
export function https(
  url: string,
  opties: { method?: string; json?: unknown; raw?: { body: string; contentType: string }; identiteit?: Identiteit; token?: string } = {},
): Promise<Antwoord> {
  const data = opties.raw?.body ?? (opties.json === undefined ? undefined : JSON.stringify(opties.json));
  const contentType = opties.raw?.contentType ?? 'application/json';
  return new Promise((done, failed) => {
    const req = request(
      url,
      {
        method: opties.method ?? (data === undefined ? 'GET' : 'POST'),
        ca: ca(),
        ...(opties.identiteit ? { cert: opties.identiteit.cert, key: opties.identiteit.key } : {}),
        headers: {
          ...(data !== undefined ? { 'content-type': contentType } : {}),
          ...(opties.token ? { authorization: `Bearer ${opties.token}` } : {}),
        },
        timeout: 60_000,
        agent: false,
      },
      (res) => {
        let tekst = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (tekst += d));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(tekst);
          } catch {
            body = undefined;
          }
          done({ status: res.statusCode ?? 0, body, tekst });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 60 s`)));
    req.on('error', failed);
    req.end(data);
  });
}

/** A JSON call to the reference LAS's test-control API (plain HTTP on loopback). */
export async function control(controlUrl: string, pad: string, json?: unknown): Promise<any> {
  const res = await fetch(`${controlUrl}${pad}`, {
    method: json === undefined ? 'GET' : 'POST',
    ...(json !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) } : {}),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${pad}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The standalone reference LAS as a school's LAS, on fresh ports, calling the TC of a running serve. */
export interface SchoolLas {
  apPoort: number;
  /** Its test-control API (plain HTTP on loopback). */
  controlUrl: string;
  /** Its own pages, as a school's administrator uses them. */
  uiUrl: string;
  stop(): Promise<number | null>;
}

export async function startSchoolLas(tcUrl: string, faults: string[] = []): Promise<SchoolLas> {
  const [ap, ctl] = (await freePorts(2)) as [number, number];
  const las = await startStandaloneLas(
    { ports: { ap, control: ctl, tc: Number(new URL(tcUrl).port), testschoolPo: 0, testschoolVo: 0 }, configPath: '', dir: '', tcUrl, lasArgs: [], voorvoegsel: [] },
    faults,
  );
  return { apPoort: ap, controlUrl: `http://127.0.0.1:${ctl}`, uiUrl: `http://127.0.0.1:${ctl}${REFERENCE_LAS_UI_PATH}`, stop: las.stop };
}

/** Registers the LAS's PO and VO aanleverpunten at a serve as their vendor would: by its client certificate. */
export async function registreerSchoolLas(serveUrl: string, apPoort: number, identiteit: Identiteit = pkiIdentiteit('reference-las')): Promise<Antwoord[]> {
  const antwoorden: Antwoord[] = [];
  for (const school of [referentieLasScholen.po, referentieLasScholen.vo])
    antwoorden.push(
      await https(`${serveUrl}/api/aanleverpunten`, {
        identiteit,
        json: { routeringsKenmerk: school.routeringsKenmerk, brin: school.brin, url: `https://127.0.0.1:${apPoort}/oso/ap/${school.routeringsKenmerk}`, naam: school.naam, sector: school.sector },
      }),
    );
  return antwoorden;
}
