/**
 * npm run bench — the product's performance goals as numbers you can quote (never as timed tests):
 *  - test PKI generation, and the whole certificate set (PKI + catalogue of bad certificates + CRLs: target under 2 s
 *    on 2 cores), each in a fresh directory, and their reuse;
 *  - CPU per world start+stop (every qualification run and every fault-matrix run starts one), once with no calls and
 *    once with one call to each of its HTTPS servers (each server is built on its first connection);
 *  - harness overhead per SOAP exchange (a full opvragen: overdracht, documentRequest + sessiecontrole, afmelding);
 *  - wall time of a full `oso-testbank qualify` against the reference LAS;
 *  - wall time of a full qualify over 40 generated scenario runs, as the product target asks.
 * Targets: full qualification under 20 s on 2 cores even with 40+ runs; overhead per
 * exchange under 50 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificateCatalogue } from '../certs/catalogue.ts';
import { catalogueEntries } from '../certs/catalogue-entries.ts';
import { ensureTestPki } from '../certs/pki.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { encodeMessage } from '../simulator/protocol/soap.ts';
import { postSoap } from '../simulator/transport/soap-client.ts';
import { startWorld, sutSchool, type World } from '../simulator/world.ts';
import { envWithoutEnclosingRun } from '../suites/run-settings.ts';
import { loadScenarios } from '../suites/scenario.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
// BENCH_QUICK=1 (a quick look, e.g. before a commit): one run of each qualify instead of the median of three.
const runs = Number(process.env.BENCH_RUNS ?? (process.env.BENCH_QUICK === '1' ? 1 : 3));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

async function benchCertificates() {
  /** Median of 5 issues in a fresh directory, and one reuse of a complete directory. */
  const measure = async (ensure: (dir: string) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-pki-'));
      const t = performance.now();
      await ensure(dir);
      times.push(performance.now() - t);
      rmSync(dir, { recursive: true, force: true });
    }
    const dir = mkdtempSync(join(tmpdir(), 'bench-pki-'));
    await ensure(dir);
    const t = performance.now();
    await ensure(dir);
    const reuse = performance.now() - t;
    rmSync(dir, { recursive: true, force: true });
    return `mediaan ${fmt(median(times))} over 5 runs; hergebruik ${fmt(reuse)}`;
  };
  console.log(`test-PKI genereren (root, intermediate + 4 partijen, RSA-2048): ${await measure((dir) => ensureTestPki({ dir }))}`);
  console.log(
    `alle certificaten genereren (test-PKI + catalogus van ${catalogueEntries.length} foute certificaten + CRL's): ${await measure((dir) => ensureCertificateCatalogue({ dir }))} (doel: < 2 s)`,
  );
}

async function benchWorldStart() {
  const ping = encodeMessage('pingRequest', {});
  /** One call to each HTTPS server of the world (an AP answers a ping with a SOAP Fault: it is the connection that counts). */
  const callEveryServer = async (world: World) => {
    const tls = world.identity('testschool-vo');
    const urls = [world.tc.url, sutSchool(world.sut, 'po').apUrl, ...[world.testscholen.po, world.testscholen.vo].map((las) => las.apUrl(las.schools[0]!.routeringsKenmerk))];
    for (const url of urls) await postSoap({ url, xml: ping, tls, timeoutMs: 10_000 });
  };
  const measure = async (n: number, use?: (world: World) => Promise<void>) => {
    await (await startWorld({ seed: '1' })).stop();
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const world = await startWorld({ seed: '1' });
      await use?.(world);
      await world.stop();
    }
    const used = process.cpuUsage(cpu);
    return `${fmt((used.user + used.system) / 1000 / n)} CPU, ${fmt((performance.now() - t) / n)} wall per wereld (n=${n})`;
  };
  console.log(`wereld starten+stoppen, zonder aanroepen: ${await measure(200)}`);
  console.log(`wereld starten+stoppen, met één aanroep per HTTPS-server (alle vier gebouwd): ${await measure(100, callEveryServer)}`);
}

async function benchExchanges() {
  const world = await startWorld();
  const leerling = loadFixtureLeerlingen()[0]!;
  const sut = sutSchool(world.sut, 'po').brin;
  const doel = world.testscholen.vo;
  const perOpvragen: number[] = [];
  const n = 100;
  try {
    await fetch(`${world.sut.controlUrl}/klaarzetten`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brin: sut, pgn: leerling.pgn.waarde, doelBrin: doel.schools[0]!.brin }),
    });
    for (let i = 0; i < n + 10; i++) {
      const t = performance.now();
      const u = await doel.opvragen({ brin: doel.schools[0]!.brin, bronBrin: sut, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
      if (u.resultaat !== 'DossierGeleverd') throw new Error(`opvragen gaf ${u.resultaat}`);
      if (i >= 10) perOpvragen.push(performance.now() - t); // the first calls warm up JIT and TLS sessions
    }
  } finally {
    await world.stop();
  }
  // One opvragen is four SOAP exchanges on loopback; everything in it is harness code (simulated TC, testschool, and
  // the embedded reference LAS), so the time per exchange bounds the harness's overhead from above.
  const m = median(perOpvragen);
  console.log(`opvragen (4 SOAP-berichten via mTLS): mediaan ${fmt(m)} over ${n}; per bericht ${fmt(m / 4)} (doel: < 50 ms)`);
}

function benchQualify() {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-qualify-'));
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/oso-testbank.mjs'), 'qualify', '--report', dir], { env: envWithoutEnclosingRun(), encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`qualify eindigde met ${r.status}:\n${r.stdout}\n${r.stderr}`);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`volledige kwalificatie (qualify, incl. Allure-rapport): mediaan ${fmt(median(times))} over ${runs} runs`);
}

/**
 * A full `qualify` (Playwright, Allure report, evidence) over a generated set of `copies` x every shipped YAML scenario
 * (ids made unique) in both roles: what a run with 40+ scenario runs costs.
 */
function benchScaledQualify(copies: number) {
  const scenarioDir = mkdtempSync(join(tmpdir(), 'bench-scenarios-'));
  let scenarioRuns = 0;
  for (const scenario of loadScenarios()) {
    const text = readFileSync(scenario.bestand, 'utf8');
    for (let c = 1; c <= copies; c++) writeFileSync(join(scenarioDir, `${scenario.id}-${c}.yaml`), text.replace(/^id: .*$/m, `id: ${scenario.id}-kopie-${c}`));
    scenarioRuns += copies * scenario.rollen.length;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-qualify-'));
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/oso-testbank.mjs'), 'qualify', '--scenario-dir', scenarioDir, '--scenario', '*-kopie-*', '--report', dir], { env: envWithoutEnclosingRun(), encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`qualify eindigde met ${r.status}:\n${r.stdout}\n${r.stderr}`);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(scenarioDir, { recursive: true, force: true });
  console.log(`volledige kwalificatie met ${scenarioRuns} scenario-runs (incl. Allure-rapport, PDF's en bewijs): mediaan ${fmt(median(times))} over ${runs} runs (doel: < 20 s)`);
}

await benchCertificates();
await benchWorldStart();
await benchExchanges();
benchQualify();
benchScaledQualify(20);
