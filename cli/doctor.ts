/**
 * `oso-testbank doctor [--config FILE]`: the preflight before a qualification. Each check prints one line, `OK …` or
 * `FAIL … — fix: …`, so a vendor sees at once what is wrong and what to do about it.
 * Exit 0 = everything OK, 1 = something is wrong, 2 = usage or configuration error.
 */
import { existsSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer, connect as tcpConnect, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { parseCommandArgs } from './command-args.ts';
import { defaultCertDir } from '../certs/location.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { controlPaths, type ControlStatus } from '../simulator/control-api.ts';
import { TC_PATH } from '../simulator/traffic-center/traffic-center.ts';
import { chainsTo } from '../simulator/transport/certificate-chain.ts';
import { lookupVia } from '../simulator/transport/naam-resolutie.ts';
import { urlHost } from '../simulator/transport/soap-server.ts';
import { extraHostnamesVoor, startWorld, type SutSchool } from '../simulator/world.ts';
import { testscholen } from '../fixtures/scholen.ts';
import { harnessHostnaam, loadSutConfig, sutCertificaatProbleem, type SutConfig } from '../suites/sut-config.ts';
import { SourceError } from '../suites/yaml-source.ts';

const usage = `Usage: oso-testbank doctor [--config FILE]

Checks, before a qualification, whether everything is in place. Each check prints one line: OK, or FAIL with the fix.
  with --config FILE: the configuration, the LAS's certificate, whether every URL of the LAS can be reached, the TLS
                      handshake with its aanleverpunten in both directions, the fixed ports of the simulated parties,
                      and the test-control API (http adapter)
  without --config:   the embedded setup (test certificates; the simulated world with the reference LAS starts)

Exit codes: 0 all OK, 1 something is wrong, 2 usage or configuration error.
`;

/** How long one reachability or TLS check waits: a preflight must answer quickly, also for an address that drops packets. */
const CHECK_TIMEOUT_MS = 3_000;

/** The harness addresses of a configuration that loads; a broken one is reported (exit 2) right after. */
function configuredHarness(file: string): SutConfig['harness'] | undefined {
  try {
    return loadSutConfig(file).harness;
  } catch {
    return undefined;
  }
}

/** How the harness connects to the LAS: its own resolution of the LAS's host names (harness.namen), if configured. */
function verbindOpties(config: SutConfig): { lookup?: ReturnType<typeof lookupVia> } {
  return config.harness.namen ? { lookup: lookupVia(config.harness.namen) } : {};
}

/** "las.test:8443", and where harness.namen sends that name. */
function adresMetNaam(config: SutConfig, url: URL): string {
  const adres = config.harness.namen?.[url.hostname];
  return `${adresVan(url)}${adres ? ` (→ ${adres} through harness.namen)` : ''}`;
}

type Uitslag = { ok: true; tekst: string } | { ok: false; tekst: string; oplossing: string };
const ok = (tekst: string): Uitslag => ({ ok: true, tekst });
const fout = (tekst: string, oplossing: string): Uitslag => ({ ok: false, tekst, oplossing });

function print(u: Uitslag): Uitslag {
  process.stdout.write(u.ok ? `OK   ${u.tekst}\n` : `FAIL ${u.tekst} — fix: ${u.oplossing}\n`);
  return u;
}

export async function runDoctor(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('doctor', usage, { args, options: { config: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  let pki;
  let crlPath;
  try {
    // With a configuration: the test certificates of TC and testscholen must carry the name the LAS reaches them by.
    const harness = values.config === undefined ? undefined : configuredHarness(values.config);
    const ensured = await ensureCertificateCatalogue({ dir: defaultCertDir, extraHostnames: extraHostnamesVoor(harness) });
    pki = ensured.pki;
    crlPath = ensured.catalogue.crl.path;
  } catch (e) {
    print(fout(`the test PKI in ${defaultCertDir} cannot be made or read: ${(e as Error).message}`, 'check the write permissions on that folder and run oso-testbank certs.'));
    return 1;
  }

  if (values.config === undefined) {
    process.stdout.write('No --config: checking the embedded setup (the reference LAS is the system under test).\n');
    const uitslagen = [...pkiChecks(pki), await embeddedWorldCheck()].map(print);
    process.stdout.write('For your own LAS: oso-testbank doctor --config FILE (see docs/vendor-guide.md).\n');
    return uitslagen.every((u) => u.ok) ? 0 : 1;
  }

  let config: SutConfig;
  try {
    config = loadSutConfig(values.config);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const [melding, ...hint] = e.message.split('\n');
    print(fout(`configuration ${melding}`, hint.join(' ').replace(/^\s*(Fix|Oplossing):\s*/, '') || 'correct the file.'));
    return 2;
  }
  print(ok(`configuration ${config.bestand}: ${config.sut.naam} ${config.sut.versie} (${config.sut.leverancier}), roles ${config.rollen.join(' and ')}, adapter ${config.adapter.soort}`));

  const testschool = pki.parties.get('testschool-vo')!;
  const checks: Uitslag[] = [
    ...certificaatChecks(config),
    ...(await Promise.all(sutAdressen(config).map(({ url, wat }) => bereikbaar(config, url, wat)))),
  ];
  for (const u of checks) print(u);
  for (const [sector, school] of Object.entries(config.sut.scholen) as [string, SutSchool][])
    checks.push(print(await tlsNaarAanleverpunt(config, school, sector, { certPem: testschool.chainPem, keyPem: testschool.keyPem, caPem: pki.caCertPem })));
  for (const u of await harnessKantChecks(config, pki)) checks.push(print(u));
  if (config.adapter.soort === 'http') checks.push(print(await controlApiCheck(config, config.adapter.http.controlUrl)));
  if (config.adapter.soort === 'playwright') {
    const module = config.adapter.playwright.module;
    checks.push(print(existsSync(module) ? ok(`adapter module ${module} exists`) : fout(`adapter module ${module} does not exist`, 'adapter.playwright.module is relative to the folder of the configuration file.')));
  }

  const base = `https://${urlHost(harnessHostnaam(config))}`;
  process.stdout.write(
    [
      '',
      'Configure your LAS for the harness with these (harness → your LAS uses the certificate of a testschool):',
      `  Traffic Center:             ${base}:${config.harness.poorten.tc}${TC_PATH}`,
      `  aanleverpunt Testschool PO: ${base}:${config.harness.poorten.testschoolPo}/oso/ap/${testscholen.po.routeringsKenmerk} (BRIN ${testscholen.po.brin})`,
      `  aanleverpunt Testschool VO: ${base}:${config.harness.poorten.testschoolVo}/oso/ap/${testscholen.vo.routeringsKenmerk} (BRIN ${testscholen.vo.brin})`,
      `  trust as root:              ${pki.root.certPath}`,
      `  CRLs:                       ${crlPath}`,
      '',
    ].join('\n'),
  );
  return checks.every((u) => u.ok) ? 0 : 1;
}

function pkiChecks(pki: Awaited<ReturnType<typeof ensureCertificateCatalogue>>['pki']): Uitslag[] {
  const nu = new Date();
  return [...pki.parties.values()].map((p) =>
    p.notBefore <= nu && nu <= p.notAfter
      ? ok(`test certificate ${p.partyId} (OIN ${p.oin}) valid until ${p.notAfter.toISOString().slice(0, 10)}`)
      : fout(`test certificate ${p.partyId} is not valid now (${p.notBefore.toISOString()} – ${p.notAfter.toISOString()})`, 'run oso-testbank certs to renew it.'),
  );
}

async function embeddedWorldCheck(): Promise<Uitslag> {
  try {
    const world = await startWorld();
    await world.stop();
    return ok('the simulated world (TC, testscholen, reference LAS) starts on loopback, on free ports, and stops again');
  } catch (e) {
    return fout(`the simulated world does not start: ${(e as Error).message}`, 'read the message; check that loopback (127.0.0.1) is available.');
  }
}

function certificaatChecks(config: SutConfig): Uitslag[] {
  const { certificaat, vertrouwensanker } = config.sut;
  const leaf = certificaat.certificaten[0]!;
  const probleem = sutCertificaatProbleem(config);
  return [
    probleem
      ? fout(`${probleem} (${certificaat.pad})`, 'renew the certificate of the LAS; for the test certificate: oso-testbank certs.')
      : ok(`certificate ${certificaat.pad} is valid until ${leaf.validTo}`),
    ok(`certificate carries OIN ${certificaat.oin} (subject serialNumber): the harness assigns the LAS's aanleverpunten to this OIN`),
    chainsTo(certificaat.certificaten, vertrouwensanker.certificaten)
      ? ok(`certificate is issued under the trust anchor ${vertrouwensanker.pad}`)
      : fout(
          `certificate (issuer: ${leaf.issuer.replace(/\n/g, ', ')}) does not chain to a certificate in ${vertrouwensanker.pad}`,
          'put the CA that issued the certificate in vertrouwensanker, and the intermediate CA after the LAS\'s own certificate in sut.certificaat.',
        ),
  ];
}

/** Every address of the LAS the harness will call, each once. */
function sutAdressen(config: SutConfig): { url: URL; wat: string }[] {
  const adressen = Object.values(config.sut.scholen).map((s) => ({ url: new URL(s.apUrl), wat: `aanleverpunt ${s.sector} ${s.brin}` }));
  if (config.adapter.soort === 'http') adressen.push({ url: new URL(config.adapter.http.controlUrl), wat: 'test-control API' });
  if (config.adapter.soort === 'playwright' && config.adapter.playwright.baseUrl) adressen.push({ url: new URL(config.adapter.playwright.baseUrl), wat: 'web interface' });
  const gezien = new Map<string, { url: URL; wat: string }>();
  for (const a of adressen) {
    const eerder = gezien.get(adresVan(a.url));
    gezien.set(adresVan(a.url), eerder ? { ...eerder, wat: `${eerder.wat}, ${a.wat}` } : a);
  }
  return [...gezien.values()];
}

function adresVan(url: URL): string {
  return `${url.hostname}:${poortVan(url)}`;
}

function poortVan(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

function bereikbaar(config: SutConfig, url: URL, wat: string): Promise<Uitslag> {
  const adres = adresMetNaam(config, url);
  return new Promise((done) => {
    const socket = tcpConnect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: poortVan(url), timeout: CHECK_TIMEOUT_MS, ...verbindOpties(config) });
    const klaar = (u: Uitslag) => {
      socket.destroy();
      done(u);
    };
    socket.once('connect', () => klaar(ok(`${adres} (${wat}) is reachable`)));
    socket.once('timeout', () => klaar(fout(`${adres} (${wat}) does not answer within ${CHECK_TIMEOUT_MS} ms`, 'start the LAS, or check address, port and firewall in the configuration.')));
    socket.once('error', (e: NodeJS.ErrnoException) => klaar(fout(`${adres} (${wat}) is not reachable: ${e.code ?? e.message}`, 'start the LAS, or correct the address or port in the configuration.')));
  });
}

/**
 * The harness calls the SUT's aanleverpunt as a testschool would: with the testschool's client certificate, trusting
 * the test CA and the configured anchor, checking the host name. After the handshake it posts an empty message: with TLS
 * 1.3 a server refuses a client certificate only after the client considers the handshake done, and a server that checks
 * certificates itself answers a SOAP Fault about the certificate; about the empty message it may complain, that is fine.
 */
function tlsNaarAanleverpunt(config: SutConfig, school: SutSchool, sector: string, client: { certPem: string; keyPem: string; caPem: string }): Promise<Uitslag> {
  const url = new URL(school.apUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const wat = `TLS harness → aanleverpunt ${sector.toUpperCase()} ${school.brin} (${adresMetNaam(config, url)})`;
  return new Promise((done) => {
    let handshake = false;
    const socket = tlsConnect({
      host,
      port: poortVan(url),
      ...(isIP(host) ? {} : { servername: host }),
      cert: client.certPem,
      key: client.keyPem,
      ca: client.caPem + config.sut.vertrouwensanker.pem,
      minVersion: 'TLSv1.2',
      timeout: CHECK_TIMEOUT_MS,
      ...verbindOpties(config),
    });
    const klaar = (u: Uitslag) => {
      socket.destroy();
      done(u);
    };
    socket.once('secureConnect', () => {
      handshake = true;
      const protocol = socket.getProtocol();
      const peer = socket.getPeerCertificate();
      const oin = (peer.subject as unknown as Record<string, string | undefined>)?.['serialNumber'];
      socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: text/xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      let antwoord = '';
      socket.on('data', (d: Buffer) => (antwoord += d.toString('utf8')));
      socket.once('end', () => {
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(antwoord)?.[1];
        const faultstring = /<faultstring>([^<]*)<\/faultstring>/.exec(antwoord)?.[1]?.trim();
        if (!status) return geweigerd('connection closed without an HTTP answer');
        if (status === '401' || status === '403' || /certifica/i.test(faultstring ?? '')) return geweigerd(`HTTP ${status}${faultstring ? `: ${faultstring}` : ''}`);
        if (oin !== config.sut.certificaat.oin)
          return klaar(
            fout(
              `${wat}: the server certificate carries OIN ${oin ?? '(none)'}, not ${config.sut.certificaat.oin} from sut.certificaat`,
              'let the aanleverpunt present the same certificate (with OIN) as sut.certificaat: the harness assigns the aanleverpunten to that OIN.',
            ),
          );
        klaar(ok(`${wat}: ${protocol}, server certificate trusted and valid for the name ${host} (OIN ${oin}, as sut.certificaat), the harness's client certificate accepted (an empty message got HTTP ${status}${faultstring ? `: ${faultstring.length > 60 ? `${faultstring.slice(0, 60)}…` : faultstring}` : ''})`));
      });
    });
    const geweigerd = (reden: string) =>
      klaar(
        fout(
          `${wat}: the LAS refuses the connection with the harness's client certificate (${reden})`,
          'let the aanleverpunt trust client certificates under the test root (oso-testbank certs --out DIR: root.crt) and speak TLS 1.2 or higher.',
        ),
      );
    socket.once('close', () => handshake && geweigerd('connection closed without an HTTP answer'));
    socket.once('timeout', () => klaar(fout(`${wat}: no answer within ${CHECK_TIMEOUT_MS} ms`, 'check that a TLS server listens on this address.')));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? e.message;
      if (!handshake && /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)$/.test(code))
        return klaar(fout(`${wat}: no connection (${code}); TLS not checked`, 'start the LAS, or correct apUrl in the configuration.'));
      if (!handshake && /CERT|SIGNATURE|ISSUER|SELF_SIGNED|ALTNAME/.test(code))
        return klaar(
          fout(
            `${wat}: the harness does not trust the server certificate (${code}: ${e.message})`,
            `the server certificate must chain to vertrouwensanker (${config.sut.vertrouwensanker.pad}), be sent with its whole chain, and carry the name ${host}.`,
          ),
        );
      geweigerd(code);
    });
  });
}

/** The other direction as far as it can be checked from here: the simulated parties' names, certificates and ports. */
async function harnessKantChecks(config: SutConfig, pki: Awaited<ReturnType<typeof ensureCertificateCatalogue>>['pki']): Promise<Uitslag[]> {
  const { host, poorten } = config.harness;
  const naam = harnessHostnaam(config).toLowerCase();
  const zonderNaam = (['tc', 'testschool-po', 'testschool-vo'] as const).filter((id) => !pki.parties.get(id)?.hostnames.includes(naam));
  const hostCheck = zonderNaam.length
    ? fout(`the test certificates of ${zonderNaam.join(', ')} are not valid for ${naam}`, 'run oso-testbank doctor or qualify again with this configuration; they give the certificates the name from harness.hostnaam.')
    : ok(`the test certificates of TC and testscholen are valid for ${naam}: the LAS can check their name`);
  const wie = { tc: 'TC', testschoolPo: 'Testschool PO', testschoolVo: 'Testschool VO' } as const;
  const vrij = await Promise.all(
    (Object.keys(wie) as (keyof typeof wie)[]).map(async (k) => {
      const fault = await poortVrij(host, poorten[k]);
      return fault
        ? fout(`port ${poorten[k]} (${wie[k]}) on ${host} is not free: ${fault}`, 'stop what listens there (for example a running qualification), or choose another port in harness.poorten and configure the LAS with it.')
        : ok(`port ${poorten[k]} (${wie[k]}) on ${host} is free`);
    }),
  );
  return [hostCheck, ...vrij];
}

function poortVrij(host: string, port: number): Promise<string | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    server.listen({ host, port, exclusive: true }, () => server.close(() => done(undefined)));
  });
}

/** The test-control API answers GET /status with JSON naming exactly the configured schools and their aanleverpunten. */
async function controlApiCheck(config: SutConfig, controlUrl: string): Promise<Uitslag> {
  const url = `${controlUrl}${controlPaths.status}`;
  let status: Partial<ControlStatus>;
  try {
    const response = await haal(url, verbindOpties(config));
    const text = response.body;
    if (response.status !== 200) return fout(`test-control API GET ${url} gave HTTP ${response.status}`, 'implement GET /status as docs/control-api.md describes.');
    try {
      status = JSON.parse(text) as Partial<ControlStatus>;
    } catch {
      return fout(`test-control API GET ${url} gave no JSON: ${text.slice(0, 80)}`, 'GET /status answers with JSON (docs/control-api.md).');
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fout(`test-control API GET ${url}: ${err.code === 'ETIMEDOUT' ? `no answer within ${CHECK_TIMEOUT_MS} ms` : (err.code ?? err.message)}`, 'start the test-control API or correct adapter.http.controlUrl.');
  }
  if (!Array.isArray(status.scholen)) return fout(`test-control API GET ${url}: the answer has no list 'scholen'`, 'see the shape of GET /status in docs/control-api.md.');
  const verschillen = Object.values(config.sut.scholen).flatMap((s) => {
    const gemeld = status.scholen!.find((g) => g.brin === s.brin);
    if (!gemeld) return [`BRIN ${s.brin} is missing`];
    return [
      gemeld.routeringsKenmerk !== s.routeringsKenmerk && `${s.brin}: routeringsKenmerk ${gemeld.routeringsKenmerk}, configuration ${s.routeringsKenmerk}`,
      gemeld.apUrl !== s.apUrl && `${s.brin}: apUrl ${gemeld.apUrl}, configuration ${s.apUrl}`,
      gemeld.sector !== s.sector && `${s.brin}: sector ${gemeld.sector}, configuration ${s.sector}`,
    ].filter((x): x is string => typeof x === 'string');
  });
  return verschillen.length
    ? fout(`test-control API GET ${url} names other schools than the configuration: ${verschillen.join('; ')}`, 'let sut.scholen and the LAS say the same (BRIN, routeringsKenmerk, apUrl, sector).')
    : ok(`test-control API GET ${url}: ${status.naam ?? '(unnamed)'} ${status.versie ?? ''} serves ${Object.values(config.sut.scholen).map((s) => s.brin).join(' and ')} as configured`.replace('  ', ' '));
}

/** One GET within the check's deadline, through the harness's own name resolution (fetch cannot take a lookup). */
function haal(url: string, opties: { lookup?: ReturnType<typeof lookupVia> }): Promise<{ status: number; body: string }> {
  return new Promise((done, failed) => {
    const req = (url.startsWith('https:') ? httpsGet : httpGet)(url, { ...opties, timeout: CHECK_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', failed);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('time-out'), { code: 'ETIMEDOUT' })));
    req.on('error', failed);
  });
}
