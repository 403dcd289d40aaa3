/**
 * `oso-testbank doctor [--config FILE]`: the preflight before a qualification. Each check prints one line, `OK …` or
 * `FOUT … — oplossing: …`, so a vendor sees at once what is wrong and what to do about it.
 * Exit 0 = everything OK, 1 = something is wrong, 2 = usage or configuration error.
 */
import { existsSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer, connect as tcpConnect, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { parseArgs } from 'node:util';
import { argumentError } from './did-you-mean.ts';
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

Checks, before a qualification, whether everything is in place. Each check prints one line: OK, or FOUT with the fix.
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
  return `${adresVan(url)}${adres ? ` (→ ${adres} via harness.namen)` : ''}`;
}

type Uitslag = { ok: true; tekst: string } | { ok: false; tekst: string; oplossing: string };
const ok = (tekst: string): Uitslag => ({ ok: true, tekst });
const fout = (tekst: string, oplossing: string): Uitslag => ({ ok: false, tekst, oplossing });

function print(u: Uitslag): Uitslag {
  process.stdout.write(u.ok ? `OK   ${u.tekst}\n` : `FOUT ${u.tekst} — oplossing: ${u.oplossing}\n`);
  return u;
}

export async function runDoctor(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { config: { type: 'string' }, help: { type: 'boolean' } }, strict: true }));
  } catch (e) {
    process.stderr.write(`oso-testbank doctor: ${argumentError(e, usage)}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  let pki;
  let crlPath;
  try {
    // With a configuration: the test certificates of TC and testscholen must carry the name the LAS reaches them by.
    const harness = values.config === undefined ? undefined : configuredHarness(values.config);
    const ensured = await ensureCertificateCatalogue({ dir: defaultCertDir, extraHostnames: extraHostnamesVoor(harness) });
    pki = ensured.pki;
    crlPath = ensured.catalogue.crl.path;
  } catch (e) {
    print(fout(`de test-PKI in ${defaultCertDir} kan niet worden gemaakt of gelezen: ${(e as Error).message}`, 'controleer de schrijfrechten op die map en draai oso-testbank certs.'));
    return 1;
  }

  if (values.config === undefined) {
    process.stdout.write('Geen --config: de ingebouwde opstelling wordt gecontroleerd (de referentie-LAS is het systeem onder test).\n');
    const uitslagen = [...pkiChecks(pki), await embeddedWorldCheck()].map(print);
    process.stdout.write('Voor een eigen LAS: oso-testbank doctor --config BESTAND (zie docs/vendor-guide.md).\n');
    return uitslagen.every((u) => u.ok) ? 0 : 1;
  }

  let config: SutConfig;
  try {
    config = loadSutConfig(values.config);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const [melding, ...hint] = e.message.split('\n');
    print(fout(`configuratie ${melding}`, hint.join(' ').replace(/^\s*Oplossing:\s*/, '') || 'corrigeer het bestand.'));
    return 2;
  }
  print(ok(`configuratie ${config.bestand}: ${config.sut.naam} ${config.sut.versie} (${config.sut.leverancier}), rollen ${config.rollen.join(' en ')}, adapter ${config.adapter.soort}`));

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
    checks.push(print(existsSync(module) ? ok(`adapter-module ${module} bestaat`) : fout(`adapter-module ${module} bestaat niet`, 'adapter.playwright.module is relatief aan de map van het configuratiebestand.')));
  }

  const base = `https://${urlHost(harnessHostnaam(config))}`;
  process.stdout.write(
    [
      '',
      'Zo stelt u uw LAS in voor de testbank (de testbank → uw LAS gaat met het certificaat van een testschool):',
      `  Traffic Center:             ${base}:${config.harness.poorten.tc}${TC_PATH}`,
      `  aanleverpunt Testschool PO: ${base}:${config.harness.poorten.testschoolPo}/oso/ap/${testscholen.po.routeringsKenmerk} (BRIN ${testscholen.po.brin})`,
      `  aanleverpunt Testschool VO: ${base}:${config.harness.poorten.testschoolVo}/oso/ap/${testscholen.vo.routeringsKenmerk} (BRIN ${testscholen.vo.brin})`,
      `  vertrouw als root:          ${pki.root.certPath}`,
      `  CRL's:                      ${crlPath}`,
      '',
    ].join('\n'),
  );
  return checks.every((u) => u.ok) ? 0 : 1;
}

function pkiChecks(pki: Awaited<ReturnType<typeof ensureCertificateCatalogue>>['pki']): Uitslag[] {
  const nu = new Date();
  return [...pki.parties.values()].map((p) =>
    p.notBefore <= nu && nu <= p.notAfter
      ? ok(`testcertificaat ${p.partyId} (OIN ${p.oin}) geldig tot ${p.notAfter.toISOString().slice(0, 10)}`)
      : fout(`testcertificaat ${p.partyId} is nu niet geldig (${p.notBefore.toISOString()} – ${p.notAfter.toISOString()})`, 'draai oso-testbank certs om het te vernieuwen.'),
  );
}

async function embeddedWorldCheck(): Promise<Uitslag> {
  try {
    const world = await startWorld();
    await world.stop();
    return ok('de gesimuleerde wereld (TC, testscholen, referentie-LAS) start op loopback, op vrije poorten, en stopt weer');
  } catch (e) {
    return fout(`de gesimuleerde wereld start niet: ${(e as Error).message}`, 'lees de melding; controleer of loopback (127.0.0.1) beschikbaar is.');
  }
}

function certificaatChecks(config: SutConfig): Uitslag[] {
  const { certificaat, vertrouwensanker } = config.sut;
  const leaf = certificaat.certificaten[0]!;
  const probleem = sutCertificaatProbleem(config);
  return [
    probleem
      ? fout(`${probleem} (${certificaat.pad})`, 'vernieuw het certificaat van de LAS; voor het testcertificaat: oso-testbank certs.')
      : ok(`certificaat ${certificaat.pad} is geldig tot ${leaf.validTo}`),
    ok(`certificaat draagt OIN ${certificaat.oin} (subject serialNumber): de testbank kent de aanleverpunten van de LAS aan dit OIN toe`),
    chainsTo(certificaat.certificaten, vertrouwensanker.certificaten)
      ? ok(`certificaat is uitgegeven onder het vertrouwensanker ${vertrouwensanker.pad}`)
      : fout(
          `certificaat (uitgever: ${leaf.issuer.replace(/\n/g, ', ')}) leidt niet naar een certificaat in ${vertrouwensanker.pad}`,
          'zet de CA die het certificaat uitgaf in vertrouwensanker, en de tussenliggende CA achter het eigen certificaat in sut.certificaat.',
        ),
  ];
}

/** Every address of the LAS the harness will call, each once. */
function sutAdressen(config: SutConfig): { url: URL; wat: string }[] {
  const adressen = Object.values(config.sut.scholen).map((s) => ({ url: new URL(s.apUrl), wat: `aanleverpunt ${s.sector} ${s.brin}` }));
  if (config.adapter.soort === 'http') adressen.push({ url: new URL(config.adapter.http.controlUrl), wat: 'test-control-API' });
  if (config.adapter.soort === 'playwright' && config.adapter.playwright.baseUrl) adressen.push({ url: new URL(config.adapter.playwright.baseUrl), wat: 'webinterface' });
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
    socket.once('connect', () => klaar(ok(`${adres} (${wat}) is bereikbaar`)));
    socket.once('timeout', () => klaar(fout(`${adres} (${wat}) antwoordt niet binnen ${CHECK_TIMEOUT_MS} ms`, 'start de LAS, of controleer adres, poort en firewall in de configuratie.')));
    socket.once('error', (e: NodeJS.ErrnoException) => klaar(fout(`${adres} (${wat}) is niet bereikbaar: ${e.code ?? e.message}`, 'start de LAS, of corrigeer het adres of de poort in de configuratie.')));
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
  const wat = `TLS testbank → aanleverpunt ${sector.toUpperCase()} ${school.brin} (${adresMetNaam(config, url)})`;
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
        if (!status) return geweigerd('verbinding gesloten zonder HTTP-antwoord');
        if (status === '401' || status === '403' || /certifica/i.test(faultstring ?? '')) return geweigerd(`HTTP ${status}${faultstring ? `: ${faultstring}` : ''}`);
        if (oin !== config.sut.certificaat.oin)
          return klaar(
            fout(
              `${wat}: het servercertificaat draagt OIN ${oin ?? '(geen)'}, niet ${config.sut.certificaat.oin} uit sut.certificaat`,
              'laat het aanleverpunt hetzelfde certificaat (met OIN) aanbieden als in sut.certificaat staat: de testbank kent de aanleverpunten aan dat OIN toe.',
            ),
          );
        klaar(ok(`${wat}: ${protocol}, servercertificaat vertrouwd en geldig voor de naam ${host} (OIN ${oin}, zoals sut.certificaat), clientcertificaat van de testbank geaccepteerd (een leeg bericht kreeg HTTP ${status}${faultstring ? `: ${faultstring.length > 60 ? `${faultstring.slice(0, 60)}…` : faultstring}` : ''})`));
      });
    });
    const geweigerd = (reden: string) =>
      klaar(
        fout(
          `${wat}: de LAS weigert de verbinding met het clientcertificaat van de testbank (${reden})`,
          'laat het aanleverpunt clientcertificaten vertrouwen die onder de test-root vallen (oso-testbank certs --out DIR: root.crt) en TLS 1.2 of hoger spreken.',
        ),
      );
    socket.once('close', () => handshake && geweigerd('verbinding gesloten zonder HTTP-antwoord'));
    socket.once('timeout', () => klaar(fout(`${wat}: geen antwoord binnen ${CHECK_TIMEOUT_MS} ms`, 'controleer of op dit adres een TLS-server luistert.')));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? e.message;
      if (!handshake && /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)$/.test(code))
        return klaar(fout(`${wat}: geen verbinding (${code}); TLS niet gecontroleerd`, 'start de LAS, of corrigeer apUrl in de configuratie.'));
      if (!handshake && /CERT|SIGNATURE|ISSUER|SELF_SIGNED|ALTNAME/.test(code))
        return klaar(
          fout(
            `${wat}: de testbank vertrouwt het servercertificaat niet (${code}: ${e.message})`,
            `het servercertificaat moet onder vertrouwensanker (${config.sut.vertrouwensanker.pad}) vallen, de hele keten meesturen, en de naam ${host} dragen.`,
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
    ? fout(`de testcertificaten van ${zonderNaam.join(', ')} gelden niet voor ${naam}`, 'draai oso-testbank doctor of qualify opnieuw met deze configuratie; die geven de certificaten de naam uit harness.hostnaam.')
    : ok(`de testcertificaten van TC en testscholen gelden voor ${naam}: de LAS kan hun naam controleren`);
  const wie = { tc: 'TC', testschoolPo: 'Testschool PO', testschoolVo: 'Testschool VO' } as const;
  const vrij = await Promise.all(
    (Object.keys(wie) as (keyof typeof wie)[]).map(async (k) => {
      const fault = await poortVrij(host, poorten[k]);
      return fault
        ? fout(`poort ${poorten[k]} (${wie[k]}) op ${host} is niet vrij: ${fault}`, `stop wat daar luistert (bijvoorbeeld een lopende kwalificatie), of kies een andere poort in harness.poorten en stel de LAS daarop in.`)
        : ok(`poort ${poorten[k]} (${wie[k]}) op ${host} is vrij`);
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
    if (response.status !== 200) return fout(`test-control-API GET ${url} gaf HTTP ${response.status}`, 'implementeer GET /status volgens docs/control-api.md.');
    try {
      status = JSON.parse(text) as Partial<ControlStatus>;
    } catch {
      return fout(`test-control-API GET ${url} gaf geen JSON: ${text.slice(0, 80)}`, 'GET /status antwoordt met JSON (docs/control-api.md).');
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fout(`test-control-API GET ${url}: ${err.code === 'ETIMEDOUT' ? `geen antwoord binnen ${CHECK_TIMEOUT_MS} ms` : (err.code ?? err.message)}`, 'start de test-control-API of corrigeer adapter.http.controlUrl.');
  }
  if (!Array.isArray(status.scholen)) return fout(`test-control-API GET ${url}: het antwoord heeft geen lijst 'scholen'`, 'zie de vorm van GET /status in docs/control-api.md.');
  const verschillen = Object.values(config.sut.scholen).flatMap((s) => {
    const gemeld = status.scholen!.find((g) => g.brin === s.brin);
    if (!gemeld) return [`BRIN ${s.brin} ontbreekt`];
    return [
      gemeld.routeringsKenmerk !== s.routeringsKenmerk && `${s.brin}: routeringsKenmerk ${gemeld.routeringsKenmerk}, configuratie ${s.routeringsKenmerk}`,
      gemeld.apUrl !== s.apUrl && `${s.brin}: apUrl ${gemeld.apUrl}, configuratie ${s.apUrl}`,
      gemeld.sector !== s.sector && `${s.brin}: sector ${gemeld.sector}, configuratie ${s.sector}`,
    ].filter((x): x is string => typeof x === 'string');
  });
  return verschillen.length
    ? fout(`test-control-API GET ${url} noemt andere scholen dan de configuratie: ${verschillen.join('; ')}`, 'laat sut.scholen en de LAS hetzelfde zeggen (BRIN, routeringsKenmerk, apUrl, sector).')
    : ok(`test-control-API GET ${url}: ${status.naam ?? '(naamloos)'} ${status.versie ?? ''} bedient ${Object.values(config.sut.scholen).map((s) => s.brin).join(' en ')} zoals geconfigureerd`.replace('  ', ' '));
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
