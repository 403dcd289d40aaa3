/**
 * npm run bench (simulator part) — the simulator against the bare stack, measured in one run on the same machine:
 *  - a bare fastify HTTPS echo (simulator/load/bare-echo-server.ts: same certificates, client certificates requested)
 *    answering a 2 KB SOAP body, and the simulated Traffic Center answering sessiecontrole, each driven by the same load
 *    generator (simulator/load/: kept-alive connections with a client certificate, N requests in flight) from a child
 *    process; printed as `tc/bare-fastify: <ratio> (tc N req/s, bare N req/s, p99 N ms)`, the p99 being the TC's;
 *  - whole opvragen exchanges (overdracht, documentRequest + sessiecontrole, afmelding: four SOAP messages between the
 *    VO testschool, the TC and the reference LAS), N in flight: `exchanges/s: N`.
 * Goal: the TC at least half of bare fastify. BENCH_QUICK=1 shortens every measurement; BENCH_CONCURRENCY sets N
 * (default 16).
 */
import { runLoad, type LoadResult } from '../simulator/load/load-generator.ts';
import { runPostLoadInChild, type PostLoadResult } from '../simulator/load/load-process.ts';
import { startBareEchoServer } from '../simulator/load/bare-echo-server.ts';
import { loadFixtureLeerlingen } from '../fixtures/leerlingen.ts';
import { encodeMessage, expectMessage } from '../simulator/protocol/soap.ts';
import { zoeksleutelVoor } from '../simulator/protocol/zoeksleutel.ts';
import { postSoap } from '../simulator/transport/soap-client.ts';
import { startWorld, sutSchool, type World } from '../simulator/world.ts';

const quick = process.env['BENCH_QUICK'] === '1';
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const load = { concurrency, warmupMs: quick ? 1000 : 1500, durationMs: quick ? 2000 : 4000 };
/** Bare and TC alternate, so that a machine that gets busier halfway through weighs on both alike. */
const rounds = quick ? 1 : 3;
const BODY_BYTES = 2048;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
const latency = (r: LoadResult) => `p50 ${ms(r.latency.p50Ms)} / p95 ${ms(r.latency.p95Ms)} / p99 ${ms(r.latency.p99Ms)} ms`;

function assertNoFailures(name: string, r: LoadResult): void {
  if (r.failed > 0 || r.completed === 0) throw new Error(`${name}: ${r.failed} van ${r.failed + r.completed} verzoeken mislukten: ${r.firstError ?? 'geen enkel verzoek voltooid'}`);
}

/** Opens a TC session as the VO testschool (doel) and gives the sessiecontrole the SUT (bron) would send for it. */
async function sessiecontroleVerzoek(world: World): Promise<string> {
  const leerling = loadFixtureLeerlingen()[0]!;
  const bron = sutSchool(world.sut, 'po');
  const doel = world.testscholen.vo.schools[0]!;
  const sleutel = zoeksleutelVoor(leerling.pgn.waarde, leerling.geboortedatum);
  const overdracht = { doelBrin: doel.brin, doelRouteringsKenmerk: doel.routeringsKenmerk, bronBrin: bron.brin, overdrachtsoort: 'overstapdossier' };
  const opened = await postSoap({
    url: world.tc.url,
    tls: world.identity('testschool-vo'),
    timeoutMs: 10_000,
    xml: encodeMessage('overdrachtRequest', { ...overdracht, zoeksleutel: sleutel.zoeksleutel }),
  });
  const sessieId = expectMessage(opened.body, 'overdrachtResponse').sessieId;
  if (!sessieId) throw new Error(`overdrachtRequest opende geen sessie: ${opened.body}`);
  const xml = encodeMessage('sessiecontroleRequest', { ...overdracht, bronRouteringsKenmerk: bron.routeringsKenmerk, zoeksleutelPgnfrag: sleutel, sessieId });
  // The load only checks for HTTP 200: make sure once that the TC really accepts this sessiecontrole.
  const answer = await postSoap({ url: world.tc.url, tls: world.identity('reference-las'), timeoutMs: 10_000, xml });
  const code = expectMessage(answer.body, 'sessiecontroleResponse').resultaat.code;
  if (code !== 'Ok') throw new Error(`sessiecontrole gaf ${code} in plaats van Ok`);
  return xml;
}

/** A SOAP envelope of exactly `bytes` bytes: the given one with a comment inside the envelope to fill it up. */
function padded(xml: string, bytes: number): string {
  const fill = bytes - Buffer.byteLength(xml) - '<!---->'.length;
  if (fill < 0) throw new Error(`Het bericht is al groter dan ${bytes} bytes.`);
  return xml.replace('</soap:Envelope>', `<!--${'x'.repeat(fill)}--></soap:Envelope>`);
}

async function benchTcTegenBareFastify(world: World): Promise<void> {
  const sessiecontrole = await sessiecontroleVerzoek(world);
  // The bare echo presents the TC's own certificate and trusts what the TC trusts; the SUT's certificate calls both.
  const bare = await startBareEchoServer({ tls: world.identity('tc') });
  const client = world.identity('reference-las');
  const tcRuns: PostLoadResult[] = [];
  const bareRuns: PostLoadResult[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      bareRuns.push(await runPostLoadInChild({ url: bare.url, tls: client, body: padded(sessiecontrole, BODY_BYTES), ...load }));
      tcRuns.push(await runPostLoadInChild({ url: world.tc.url, tls: client, body: sessiecontrole, ...load }));
    }
  } finally {
    await bare.close();
  }
  bareRuns.forEach((r) => assertNoFailures('bare fastify', r));
  tcRuns.forEach((r) => assertNoFailures('TC sessiecontrole', r));
  const tc = median(tcRuns.map((r) => r.perSecond));
  const kaal = median(bareRuns.map((r) => r.perSecond));
  const tcP99 = median(tcRuns.map((r) => r.latency.p99Ms));
  console.log(`tc/bare-fastify: ${(tc / kaal).toFixed(2)} (tc ${tc.toFixed(0)} req/s, bare ${kaal.toFixed(0)} req/s, p99 ${ms(tcP99)} ms)`);
  const mid = (runs: PostLoadResult[]) => runs.find((r) => r.perSecond === median(runs.map((x) => x.perSecond))) ?? runs[0]!;
  const cpu = (runs: PostLoadResult[]) => median(runs.map((r) => r.serverCpuPerRequestUs));
  console.log(
    `  ${concurrency} in flight, mediaan van ${rounds} × ${load.durationMs / 1000} s; latentie tc ${latency(mid(tcRuns))}, bare ${latency(mid(bareRuns))} (doel: verhouding ≥ 0.5)`,
  );
  // On a busy machine requests per second follow the neighbours; CPU time per request follows the code.
  console.log(`  CPU van de server per verzoek: tc ${cpu(tcRuns).toFixed(0)} µs, bare ${cpu(bareRuns).toFixed(0)} µs (verhouding ${(cpu(bareRuns) / cpu(tcRuns)).toFixed(2)})`);
}

async function benchExchanges(world: World): Promise<void> {
  const leerling = loadFixtureLeerlingen()[0]!;
  const bron = sutSchool(world.sut, 'po').brin;
  const doel = world.testscholen.vo;
  const doelBrin = doel.schools[0]!.brin;
  const klaargezet = await fetch(`${world.sut.controlUrl}/klaarzetten`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ brin: bron, pgn: leerling.pgn.waarde, doelBrin }),
  });
  if (!klaargezet.ok) throw new Error(`klaarzetten bij de referentie-LAS: HTTP ${klaargezet.status} ${await klaargezet.text()}`);
  const opvragen = async () => {
    const u = await doel.opvragen({ brin: doelBrin, bronBrin: bron, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
    if (u.resultaat !== 'DossierGeleverd') throw new Error(`opvragen gaf ${u.resultaat}${u.fout ? `: ${u.fout}` : ''}`);
  };
  const r = await runLoad(opvragen, load);
  assertNoFailures('opvragen', r);
  console.log(`exchanges/s: ${r.perSecond.toFixed(0)}`);
  console.log(`  opvragen van 4 SOAP-berichten (TC, testschool VO, referentie-LAS in één proces), ${concurrency} in flight, ${load.durationMs / 1000} s; latentie ${latency(r)}`);
}

// The TC's throughput is measured in a world of its own: the exchanges run leaves sessions and log entries behind.
for (const bench of [benchTcTegenBareFastify, benchExchanges]) {
  const world = await startWorld();
  try {
    await bench(world);
  } finally {
    await world.stop();
  }
}
