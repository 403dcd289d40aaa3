/**
 * The reference LAS started standalone as a real child process (`oso-testbank reference-las --tc-url …`), as a vendor
 * LAS would run next to the harness, with a SUT configuration that points the harness at it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCertDir } from '../../certs/location.ts';
import { referentieLasScholen } from '../../fixtures/scholen.ts';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';

const bin = fileURLToPath(new URL('../../bin/oso-testbank.mjs', import.meta.url));

/**
 * Ports free on loopback now, chosen below Linux's ephemeral range (32768 and up) so that no port the OS hands out to
 * another listener or connection meanwhile can take them before the LAS and the harness bind them.
 */
export async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.includes(candidate) && (await isFree(candidate))) ports.push(candidate);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => done(true)));
  });
}

export interface Opstelling {
  ports: { ap: number; control: number; tc: number; testschoolPo: number; testschoolVo: number };
  configPath: string;
  dir: string;
  /** The TC as the LAS reaches it. */
  tcUrl: string;
  /** How the LAS is started beyond its ports: its address, name and name resolution, the calls it leaves out. */
  lasArgs: string[];
  /** A command the LAS runs under (e.g. ip netns exec NS). */
  voorvoegsel: string[];
}

/** Where the harness and the LAS run when not both on 127.0.0.1 by address. */
export interface Netwerk {
  harness: { host: string; hostnaam: string };
  las: { adres: string; naam: string };
  /** A command the LAS runs under (e.g. ip netns exec NS). */
  voorvoegsel?: string[];
}

/**
 * A folder with a SUT configuration for the standalone reference LAS on fresh ports (certificates copied in as ./sut/…).
 * The adapter is its test-control API unless `adapter` gives the YAML of another (the control port is passed in). With a
 * network the harness and the LAS reach each other by name, each resolving the other's name itself.
 */
export async function opstelling(adapter?: (controlPort: number) => string, opties: { netwerk?: Netwerk; zonder?: ('reset' | 'klok')[] } = {}): Promise<Opstelling> {
  const [ap, control, tc, testschoolPo, testschoolVo] = (await freePorts(5)) as [number, number, number, number, number];
  const net = opties.netwerk;
  const lasHost = net?.las.naam ?? '127.0.0.1';
  const dir = mkdtempSync(join(tmpdir(), 'vendor-'));
  const configPath = schrijfSutConfig(dir, {
    sut: 'naam: Los-LAS\n  versie: "9.9.1"\n  leverancier: Proef BV',
    apBasis: `https://${lasHost}:${ap}`,
    adapter: adapter ? adapter(control) : `adapter:\n  soort: http\n  http: { controlUrl: "http://${lasHost}:${control}" }`,
    harness: `harness:
  host: ${net?.harness.host ?? '127.0.0.1'}
${net ? `  hostnaam: ${net.harness.hostnaam}\n  namen: { ${net.las.naam}: ${net.las.adres} }\n` : ''}  poorten: { tc: ${tc}, testschoolPo: ${testschoolPo}, testschoolVo: ${testschoolVo} }`,
  });
  const lasArgs = [
    ...(net ? ['--host', net.las.adres, '--hostname', net.las.naam, '--resolve', `${net.harness.hostnaam}=${net.harness.host}`] : []),
    ...(opties.zonder ?? []).flatMap((z) => ['--without', z]),
  ];
  const tcUrl = `https://${net?.harness.hostnaam ?? '127.0.0.1'}:${tc}/oso/tc`;
  return { ports: { ap, control, tc, testschoolPo, testschoolVo }, configPath, dir, tcUrl, lasArgs, voorvoegsel: net?.voorvoegsel ?? [] };
}

/**
 * Writes DIR/sut.yaml for the reference LAS's two schools, with its certificate chain and trust anchor copied beside it;
 * gives the file's path. `sut` holds the naam, versie and leverancier lines, `apBasis` the scheme, host and port of its
 * aanleverpunten, `adapter` and `harness` their YAML sections.
 */
export function schrijfSutConfig(dir: string, o: { sut: string; apBasis: string; adapter: string; harness: string }): string {
  mkdirSync(join(dir, 'sut'), { recursive: true });
  copyFileSync(join(defaultCertDir, 'reference-las.chain.crt'), join(dir, 'sut/las-chain.pem'));
  copyFileSync(join(defaultCertDir, 'ca-bundle.crt'), join(dir, 'sut/ca.pem'));
  const school = (s: (typeof referentieLasScholen)['po' | 'vo']) =>
    `{ brin: "${s.brin}", vestigingscode: "${s.vestigingscode}", naam: "${s.naam}", routeringsKenmerk: "${s.routeringsKenmerk}", apUrl: "${o.apBasis}/oso/ap/${s.routeringsKenmerk}" }`;
  const pad = join(dir, 'sut.yaml');
  writeFileSync(
    pad,
    `sut:
  ${o.sut}
  certificaat: ./sut/las-chain.pem
  vertrouwensanker: ./sut/ca.pem
  scholen:
    po: ${school(referentieLasScholen.po)}
    vo: ${school(referentieLasScholen.vo)}
rollen: [bron, doel]
${o.adapter}
${o.harness}
`,
  );
  return pad;
}

/** Starts `oso-testbank reference-las` for the set-up; resolves once it says it runs. */
export async function startStandaloneLas(o: Opstelling, faults: string[] = []): Promise<{ stop(): Promise<number | null>; output(): string }> {
  const args = ['reference-las', '--tc-url', o.tcUrl, '--ap-port', String(o.ports.ap), '--control-port', String(o.ports.control), ...o.lasArgs, ...faults.flatMap((f) => ['--fault', f])];
  const [command, ...prefix] = [...o.voorvoegsel, process.execPath];
  const child = spawn(command!, [...prefix, bin, ...args], { env: envWithoutEnclosingRun(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`the standalone reference LAS did not start within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      if (output.includes('test-control API:')) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`the standalone reference LAS stopped (exit ${code}):\n${output}`));
    });
  });
  return {
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
