/**
 * `oso-testbank reference-las`: the named faults of the embedded reference LAS (--list-faults), or the reference LAS
 * running standalone as if it were a vendor's LAS: its own aanleverpunten and test-control API on fixed ports, calling
 * the TC at the URL it is given, until it is stopped. With a SUT configuration, `qualify --config` qualifies it like any
 * vendor LAS (docs/examples/sut-http.yaml describes such a setup).
 */
import { isIP } from 'node:net';
import { parseCommandArgs } from './command-args.ts';
import { totStopsignaal } from './stopsignaal.ts';
import { defaultCertDir } from '../certs/location.ts';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { referentieLasScholen } from '../fixtures/scholen.ts';
import { SimulatedClock } from '../simulator/clock.ts';
import { gegevensset2019 } from '../simulator/dossier/gegevensset.ts';
import { isReferenceLasFault, referenceLasFaults, type ReferenceLasFault } from '../simulator/reference-las/faults.ts';
import { REFERENCE_LAS_NAME, REFERENCE_LAS_VERSION, startReferenceLas, type OptioneleAanroep } from '../simulator/reference-las/reference-las.ts';

const usage = `Usage: oso-testbank reference-las --tc-url URL [--ap-port N] [--control-port N] [--host ADDRESS] [--hostname NAME]
                                  [--resolve NAME=ADDRESS]... [--without reset|klok]... [--fault NAME]... [--datum YYYY-MM-DD]
       oso-testbank reference-las --list-faults [--verbose]

Runs the reference LAS standalone, as a vendor LAS would run: its aanleverpunten (PO ${referentieLasScholen.po.brin}, VO ${referentieLasScholen.vo.brin})
over HTTPS with the test PKI's reference-las certificate, and its test-control API over HTTP, both on --host.
It prints its URLs and runs until it receives SIGINT (Ctrl+C) or SIGTERM.

  --tc-url URL          the Traffic Center it calls (the harness's TC, e.g. https://127.0.0.1:7443/oso/tc)
  --ap-port N           port of its aanleverpunten (default: a free port)
  --control-port N      port of its test-control API (default: a free port)
  --host ADDRESS        the address it listens on (default 127.0.0.1)
  --hostname NAME       the name the harness reaches it by: in its URLs, and added to its test certificate (default: --host)
  --resolve NAME=ADDR   resolve NAME to ADDR itself, e.g. the harness's host name (repeatable; no /etc/hosts needed)
  --without CALL        leave out an optional test-control call, reset or klok (repeatable): a LAS that does not offer it
  --fault NAME          switch on a named misbehaviour (repeatable; see --list-faults)
  --datum YYYY-MM-DD    the date its clock starts at (default: today)
  --list-faults       print the named faults, one name a line (use them with qualify --fault or here)
  --verbose           with --list-faults: add what each fault does
`;

const fail = (message: string) => {
  process.stderr.write(`oso-testbank reference-las: ${message}\n`);
  return 2;
};

export async function runReferenceLas(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('reference-las', usage, {
    args,
    options: {
      'list-faults': { type: 'boolean' },
      verbose: { type: 'boolean' },
      'tc-url': { type: 'string' },
      'ap-port': { type: 'string' },
      'control-port': { type: 'string' },
      fault: { type: 'string', multiple: true },
      datum: { type: 'string' },
      host: { type: 'string' },
      hostname: { type: 'string' },
      resolve: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values['list-faults']) {
    for (const [name, fault] of Object.entries(referenceLasFaults)) process.stdout.write(values.verbose ? `${name}\t${fault.omschrijving}\n` : `${name}\n`);
    return 0;
  }

  const tcUrl = values['tc-url'];
  if (!tcUrl) return fail(`--tc-url is required: the URL of the Traffic Center the LAS calls.\n\n${usage}`);
  if (!URL.canParse(tcUrl) || new URL(tcUrl).protocol !== 'https:') return fail(`--tc-url must be an https URL, not '${tcUrl}'.`);
  const ports: { apPort?: number; controlPort?: number } = {};
  for (const [option, key] of [['ap-port', 'apPort'], ['control-port', 'controlPort']] as const) {
    const value = values[option];
    if (value === undefined) continue;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > 65535) return fail(`--${option} must be a port number (0-65535), not '${value}'.`);
    ports[key] = n;
  }
  const faults = values.fault ?? [];
  const unknownFault = faults.find((f) => !isReferenceLasFault(f));
  if (unknownFault) return fail(`unknown fault '${unknownFault}'. Known faults: ${Object.keys(referenceLasFaults).join(', ')}.`);
  const namen: Record<string, string> = {};
  for (const r of values.resolve ?? []) {
    const [naam, adres, ...rest] = r.split('=');
    if (!naam || !adres || rest.length || !isIP(adres)) return fail(`--resolve must be NAME=ADDRESS with an IP address, not '${r}'.`);
    namen[naam] = adres;
  }
  const zonder = values.without ?? [];
  const onbekend = zonder.find((z) => z !== 'reset' && z !== 'klok');
  if (onbekend) return fail(`--without takes reset or klok (the optional test-control calls), not '${onbekend}'.`);
  const host = values.host;
  if (host !== undefined && !isIP(host)) return fail(`--host must be an IP address to listen on, not '${host}'; a name goes in --hostname.`);
  const hostnaam = values.hostname ?? (host === '0.0.0.0' || host === '::' ? undefined : host);
  if (host !== undefined && hostnaam === undefined) return fail(`--host ${host} listens on every address; give --hostname, the name the harness reaches it by.`);
  const clock = new SimulatedClock();
  try {
    if (values.datum !== undefined) clock.set(values.datum);
  } catch (e) {
    return fail((e as Error).message);
  }

  let referenceLas;
  try {
    // Its certificate must carry the name the harness checks when it calls the LAS's aanleverpunten.
    const extra = [hostnaam, host].filter((h): h is string => h !== undefined && h !== '0.0.0.0' && h !== '::');
    const { pki, catalogue } = await ensureCertificateCatalogue({ dir: defaultCertDir, extraHostnames: { 'reference-las': extra } });
    const own = pki.parties.get('reference-las')!;
    referenceLas = await startReferenceLas({
      schools: [referentieLasScholen.po, referentieLasScholen.vo],
      tls: { certPem: own.chainPem, keyPem: own.keyPem, caPem: pki.caCertPem, crlPems: catalogue.crl.pems, ...(Object.keys(namen).length ? { namen } : {}) },
      ...(host !== undefined ? { host } : {}),
      ...(hostnaam !== undefined ? { hostnaam } : {}),
      zonder: zonder as OptioneleAanroep[],
      tcUrl,
      clock,
      administratie: loadFixtureLeerlingen(),
      gegevensset: gegevensset2019,
      faults: faults as ReferenceLasFault[],
      ...ports,
    });
  } catch (e) {
    return fail(`cannot start: ${(e as Error).message}`);
  }

  const { las, controlUrl } = referenceLas;
  process.stdout.write(
    [
      `${REFERENCE_LAS_NAME} ${REFERENCE_LAS_VERSION} running${faults.length ? ` with faults ${faults.join(', ')}` : ''} (stop: Ctrl+C)`,
      ...las.schools.map((s) => `  aanleverpunt ${s.sector} ${s.brin} (${s.naam}): ${las.apUrl(s.routeringsKenmerk)}`),
      `  test-control API: ${controlUrl}${zonder.length ? ` (without ${zonder.map((z) => `/${z}`).join(', ')})` : ''}`,
      `  Traffic Center: ${tcUrl}`,
      '',
    ].join('\n'),
  );
  await totStopsignaal();
  await referenceLas.close();
  process.stdout.write(`${REFERENCE_LAS_NAME} stopped.\n`);
  return 0;
}
