/**
 * The configuration of a vendor LAS under test (YAML, checked against suites/sut-config.schema.json): which LAS, its
 * certificate and schools, the roles to qualify, how to drive it, the deadlines, and the fixed addresses of the simulated
 * parties. Every problem is reported with file, line and column and a hint how to fix it, before anything runs.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCertificates, subjectOin } from '../simulator/transport/certificate-chain.ts';
import { ongeldigeNaam } from '../simulator/transport/naam-resolutie.ts';
import { urlHost } from '../simulator/transport/soap-server.ts';
import type { ExterneSut, SutSchool, WorldAdressen, WorldOptions } from '../simulator/world.ts';
import type { Rol } from './scenario-context.ts';
import { readYamlSource, SourceError } from './yaml-source.ts';

/** How the harness drives the SUT; module paths are resolved against the configuration's folder. */
export type AdapterKeuze =
  | { soort: 'http'; http: { controlUrl: string } }
  | { soort: 'playwright'; playwright: { module: string; baseUrl?: string; headless?: boolean } }
  | { soort: 'manual'; manual: { poort?: number; operator?: string } };

export interface Tijdslimieten {
  /** One call to the adapter (klaarzetten, opvragen …). */
  adapterMs: number;
  /** One OSO message a simulated party sends to the SUT. */
  berichtMs: number;
  /** One prompt to a human operator (manual adapter). */
  handmatigMs: number;
}

export const standaardTijdslimieten: Tijdslimieten = { adapterMs: 30_000, berichtMs: 10_000, handmatigMs: 900_000 };

export interface PemBestand {
  pad: string;
  pem: string;
  certificaten: X509Certificate[];
}

export interface SutConfig {
  /** Absolute path of the configuration file. */
  bestand: string;
  sut: {
    naam: string;
    versie: string;
    leverancier: string;
    /** The chain the SUT presents, its own certificate first. */
    certificaat: PemBestand & { oin: string };
    vertrouwensanker: PemBestand;
    scholen: { po?: SutSchool; vo?: SutSchool };
  };
  rollen: Rol[];
  adapter: AdapterKeuze;
  tijdslimieten: Tijdslimieten;
  harness: WorldAdressen;
}

interface RawSchool {
  brin: string;
  vestigingscode: string;
  naam: string;
  sector?: 'PO' | 'VO';
  routeringsKenmerk: string;
  apUrl: string;
}

interface RawConfig {
  sut: { naam: string; versie: string; leverancier: string; certificaat: string; vertrouwensanker: string; scholen: { po?: RawSchool; vo?: RawSchool } };
  rollen: Rol[];
  adapter: { soort: AdapterKeuze['soort']; http?: { controlUrl: string }; playwright?: { module: string; baseUrl?: string; headless?: boolean }; manual?: { poort?: number; operator?: string } };
  tijdslimieten?: Partial<Tijdslimieten>;
  harness: { host?: string; hostnaam?: string; poorten: WorldAdressen['poorten']; namen?: Record<string, string> };
}

const schemaPath = fileURLToPath(new URL('./sut-config.schema.json', import.meta.url));
/** Compiled on first use: most processes that load this module (every Playwright worker) never read a configuration. */
let validate: ValidateFunction<RawConfig> | undefined;
const validator = () => (validate ??= new Ajv.default({ allErrors: false }).compile<RawConfig>(JSON.parse(readFileSync(schemaPath, 'utf8')) as object));

/** Which school of the SUT a role needs: the POVO scenarios let a PO school hand its dossier to a VO school. */
const schoolVoorRol = { bron: 'po', doel: 'vo' } as const;

/** What to write instead, per field, when its value has the wrong form. */
const vormHints: Record<string, string> = {
  brin: 'a BRIN is two digits and two capital letters, for example "12AB".',
  vestigingscode: 'a vestigingscode is two digits in quotes, for example "00".',
  routeringsKenmerk: 'the routeringsKenmerk of the aanleverpunt is 20 characters (digits and capital letters), for example "0000000700012AB00001".',
  apUrl: 'give the full URL of the aanleverpunt, for example "https://las.example:8443/oso/ap/0000000700012AB00001".',
  controlUrl: 'give the base URL of the test-control API, for example "http://las.example:8080/oso-test".',
  baseUrl: 'give the URL of the web interface, for example "https://las.example".',
  versie: 'put the version in quotes, for example versie: "5.2.0".',
};

function hintVoor(err: ErrorObject): string {
  const veld = err.instancePath.split('/').pop() ?? '';
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperty':
    case 'additionalProperties':
      return `remove '${String(p['additionalProperty'])}' or correct its spelling; see suites/sut-config.schema.json or docs/examples/sut-http.yaml.`;
    case 'required':
      return `add '${String(p['missingProperty'])}'; docs/examples/sut-http.yaml is a complete example.`;
    case 'enum':
      return `choose one of: ${(p['allowedValues'] as unknown[]).join(', ')}.`;
    case 'minProperties':
      return 'give at least one school: po, vo or both.';
    case 'uniqueItems':
      return 'name each role once.';
    case 'minItems':
      return 'name at least one role: [bron], [doel] or [bron, doel].';
    case 'minimum':
    case 'maximum':
      return veld.endsWith('Ms') ? 'give the time in milliseconds, for example 30000.' : 'a port is a number from 1 to 65535.';
    default:
      return vormHints[veld] ?? 'compare with docs/examples/sut-http.yaml.';
  }
}

/**
 * Loads and checks a SUT configuration. Throws SourceError (file:line:col: message, then a hint) for anything wrong:
 * schema, unreadable or unusable certificate files, a school in the wrong sector, a role without the school it needs.
 * Whether the certificate is valid today is not judged here (see sutCertificaatProbleem): the preflight reports it apart.
 */
export function loadSutConfig(file: string): SutConfig {
  const bestand = resolve(file);
  let text: string;
  try {
    text = readFileSync(bestand, 'utf8');
  } catch (e) {
    throw new SourceError(bestand, 1, 1, `cannot read the configuration file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n  Fix: check the path after --config.`);
  }
  const source = readYamlSource(bestand, text);
  const fail = (path: string, detail: string, hint: string, key?: string): never => {
    const at = source.position(path, key);
    throw new SourceError(bestand, at.line, at.column, `${detail}\n  Fix: ${hint}`);
  };
  const geldig = validator();
  if (!geldig(source.data)) {
    const err = geldig.errors![0]!;
    const extra = (err.params as { additionalProperty?: string }).additionalProperty;
    fail(err.instancePath, `${err.instancePath || '/'}: ${extra ? `unknown field '${extra}'` : err.message}`, hintVoor(err), extra);
  }
  const raw = source.data as RawConfig;
  const map = dirname(bestand);

  const pemBestand = (veld: 'certificaat' | 'vertrouwensanker'): PemBestand => {
    const pad = resolve(map, raw.sut[veld]);
    const waar = `/sut/${veld}`;
    let pem = '';
    try {
      pem = readFileSync(pad, 'utf8');
    } catch (e) {
      fail(waar, `${veld}: cannot read ${pad} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'paths are relative to the folder of this configuration file; check the name and the read permissions.');
    }
    let certificaten: X509Certificate[] = [];
    try {
      certificaten = parseCertificates(pem);
    } catch (e) {
      fail(waar, `${veld}: ${pad} holds an unreadable certificate (${(e as Error).message})`, 'export the certificate again as PEM (-----BEGIN CERTIFICATE-----).');
    }
    if (certificaten.length === 0)
      fail(waar, `${veld}: ${pad} holds no PEM certificate`, 'give a PEM file with -----BEGIN CERTIFICATE-----; convert a DER file with: openssl x509 -inform der -in file.cer -out file.pem');
    return { pad, pem, certificaten };
  };
  const certificaat = pemBestand('certificaat');
  const oin = subjectOin(certificaat.certificaten[0]!);
  if (!oin)
    fail(
      '/sut/certificaat',
      `certificaat: the first certificate in ${certificaat.pad} (${certificaat.certificaten[0]!.subject.replace(/\n/g, ', ')}) has no OIN: 20 digits in the subject's serialNumber`,
      'put the LAS\'s own certificate first in the file (then the intermediate CA), and use a certificate with an OIN, like reference-las.chain.crt from oso-testbank certs.',
    );
  const vertrouwensanker = pemBestand('vertrouwensanker');

  const scholen: SutConfig['sut']['scholen'] = {};
  for (const sector of ['po', 'vo'] as const) {
    const s = raw.sut.scholen[sector];
    if (!s) continue;
    const waar = `/sut/scholen/${sector}`;
    if (s.sector && s.sector !== sector.toUpperCase())
      fail(`${waar}/sector`, `the school under '${sector}' has sector ${s.sector}`, `put a ${s.sector} school under '${s.sector.toLowerCase()}', or correct the sector.`);
    if (!s.apUrl.startsWith('https://'))
      fail(`${waar}/apUrl`, `apUrl ${s.apUrl} is not an https address`, 'an aanleverpunt speaks OSO only over TLS with client certificates: use https://.');
    scholen[sector] = { brin: s.brin, vestigingscode: s.vestigingscode, naam: s.naam, sector: sector === 'po' ? 'PO' : 'VO', routeringsKenmerk: s.routeringsKenmerk, apUrl: s.apUrl };
  }
  raw.rollen.forEach((rol, i) => {
    const sector = schoolVoorRol[rol];
    if (!scholen[sector])
      fail(
        `/rollen/${i}`,
        `role ${rol} needs a ${sector.toUpperCase()} school (sut.scholen.${sector})`,
        `the scenarios let a PO school hand a dossier to a VO school; as ${rol} the LAS plays the ${sector.toUpperCase()} school. Add sut.scholen.${sector} or leave the role out.`,
      );
  });

  const poorten = raw.harness.poorten;
  const dubbel = Object.entries(poorten).find(([naam, poort]) => Object.entries(poorten).some(([ander, p]) => ander !== naam && p === poort));
  if (dubbel) fail('/harness/poorten', `port ${dubbel[1]} is given more than once`, 'the TC and the two testscholen each need a port of their own.');

  if ((raw.harness.host === '0.0.0.0' || raw.harness.host === '::') && !raw.harness.hostnaam)
    fail('/harness/host', `harness.host ${raw.harness.host} listens on every address; that is no name the LAS can reach the harness by`, 'give harness.hostnaam: the name or address the LAS reaches the harness by.');
  const namen = raw.harness.namen ?? {};
  const ongeldig = ongeldigeNaam(namen);
  if (ongeldig) fail('/harness/namen', `harness.namen: ${ongeldig}`, 'give for each host name of the LAS the IP address the harness reaches it on, for example namen: { las.test: 10.0.0.5 }.');

  let adapter: AdapterKeuze;
  if (raw.adapter.soort === 'http') adapter = { soort: 'http', http: raw.adapter.http! };
  else if (raw.adapter.soort === 'playwright') {
    adapter = { soort: 'playwright', playwright: { ...raw.adapter.playwright!, module: resolve(map, raw.adapter.playwright!.module) } };
  } else adapter = { soort: 'manual', manual: raw.adapter.manual ?? {} };

  return {
    bestand,
    sut: { naam: raw.sut.naam, versie: raw.sut.versie, leverancier: raw.sut.leverancier, certificaat: { ...certificaat, oin: oin! }, vertrouwensanker, scholen },
    rollen: raw.rollen,
    adapter,
    tijdslimieten: { ...standaardTijdslimieten, ...raw.tijdslimieten },
    harness: {
      host: raw.harness.host ?? '127.0.0.1',
      ...(raw.harness.hostnaam ? { hostnaam: raw.harness.hostnaam } : {}),
      poorten,
      ...(Object.keys(namen).length ? { namen } : {}),
    },
  };
}

/** Why the SUT's own certificate cannot be used at the given moment (expired, not yet valid), if so. */
export function sutCertificaatProbleem(config: SutConfig, nu = new Date()): string | undefined {
  const cert = config.sut.certificaat.certificaten[0]!;
  if (nu < new Date(cert.validFrom)) return `the certificate of ${config.sut.naam} is not valid before ${cert.validFrom}`;
  if (nu > new Date(cert.validTo)) return `the certificate of ${config.sut.naam} expired on ${cert.validTo}`;
  return undefined;
}

/** The world of a run against this SUT: the vendor's schools and certificate, the fixed addresses and the message deadline. */
export function worldOptionsVoor(config: SutConfig): Pick<WorldOptions, 'externeSut' | 'adressen' | 'timeoutMs'> {
  const externeSut: ExterneSut = {
    naam: config.sut.naam,
    oin: config.sut.certificaat.oin,
    scholen: config.sut.scholen,
    certificaatPem: config.sut.certificaat.pem,
    vertrouwensankerPem: config.sut.vertrouwensanker.pem,
  };
  return { externeSut, adressen: config.harness, timeoutMs: config.tijdslimieten.berichtMs };
}

/** The name the LAS reaches the harness by (harness.hostnaam, else harness.host). */
export function harnessHostnaam(config: SutConfig): string {
  return config.harness.hostnaam ?? config.harness.host;
}

/** The URLs the vendor configures its LAS with: where the simulated TC and testscholen are reached. */
export function harnessUrls(config: SutConfig): { tc: string; testschoolPo: string; testschoolVo: string } {
  const url = (port: number) => `https://${urlHost(harnessHostnaam(config))}:${port}`;
  return { tc: url(config.harness.poorten.tc), testschoolPo: url(config.harness.poorten.testschoolPo), testschoolVo: url(config.harness.poorten.testschoolVo) };
}
