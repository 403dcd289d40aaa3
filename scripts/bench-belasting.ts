/**
 * npm run bench (belasting part) — the open-loop load generator of `oso-testbank belasting` must not be the bottleneck:
 * against the bare fastify HTTPS echo (simulator/load/bare-echo-server.ts, same certificates, client certificates
 * requested) in a child process of its own, the generator posts a 2 KB SOAP body open-loop over kept-alive mutual-TLS
 * connections at 10x the piek profile in messages (piek exchanges per second x messages per exchange x 2 roles), then
 * at doubling rates until it falls behind its own schedule (p99 lag over 100 ms) or fails requests. Printed as one line:
 * `belasting-generator: sustains N msg/s open-loop against bare fastify (10x piek = M msg/s): OK|TOO SLOW`.
 * BENCH_QUICK=1 shortens each measurement.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import https from 'node:https';
import { ensureTestPki } from '../certs/pki.ts';
import { defaultCertDir } from '../certs/location.ts';
import { BelastingMeting } from '../simulator/load/belasting-meting.ts';
import { landelijkeCijfers, PIEK_PER_SECONDE } from '../simulator/load/belasting-profielen.ts';
import { runOpenLoop } from '../simulator/load/open-loop.ts';
import { ciphersFor, type TlsIdentity } from '../simulator/transport/tls-identity.ts';

const quick = process.env['BENCH_QUICK'] === '1';
const duurMs = quick ? 2000 : 5000;
const ACHTERSTAND_MS = 100;
const BODY = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><!--${'x'.repeat(1900)}--></soap:Body></soap:Envelope>`;

/** The echo server runs in a child process, so that the generator measured here has this process to itself. */
async function startEchoInChild(tls: TlsIdentity): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(import.meta.url), ['--echo'], { execArgv: ['--import', import.meta.resolve('tsx/esm')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(tls);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`the echo server stopped (exit ${code})`)));
  });
  return { url, stop: () => child.kill() };
}

async function meet(url: string, tls: TlsIdentity, perSeconde: number) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 256, cert: tls.certPem, key: tls.keyPem, ca: tls.caPem, minVersion: 'TLSv1.2', ciphers: ciphersFor(tls, undefined) });
  const body = Buffer.from(BODY);
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = https.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('timeout', () => req.destroy(new Error('time-out')));
      req.on('error', reject);
      req.end(body);
    });
  const meting = new BelastingMeting(1000, ACHTERSTAND_MS);
  let fouten = 0;
  const t = performance.now();
  const verloop = await runOpenLoop({
    stappen: [{ snelheid: perSeconde, duurMs }],
    start: async (a) => {
      meting.gestart(a);
      const s = performance.now();
      try {
        await post();
        meting.latentie(a, 'echo', performance.now() - s);
      } catch {
        fouten++;
      }
    },
  });
  agent.destroy();
  const totaal = meting.totaal();
  const gehaald = (verloop.gestart / ((performance.now() - t) / 1000)) | 0;
  return { perSeconde, gestart: verloop.gestart, fouten, achterstandP99: totaal.generatorAchterstandP99Ms, p99: totaal.latentie['echo']?.p99Ms ?? NaN, gehaald, ok: fouten === 0 && totaal.generatorAchterstandP99Ms <= ACHTERSTAND_MS };
}

async function main() {
  const { pki } = await ensureTestPki({ dir: defaultCertDir });
  const identity = (id: string): TlsIdentity => {
    const p = pki.parties.get(id)!;
    return { certPem: p.chainPem, keyPem: p.keyPem, caPem: pki.caCertPem };
  };
  const echo = await startEchoInChild(identity('tc'));
  const client = identity('testschool-vo');
  // In messages: each exchange is several SOAP messages, and the LAS is bron and doel at once.
  const piekBerichten = PIEK_PER_SECONDE * landelijkeCijfers.berichtenPerUitwisseling.waarde * 2;
  const doel = piekBerichten * 10;
  try {
    await meet(echo.url, client, 50); // warm-up: JIT, TLS handshakes
    const tienmaal = await meet(echo.url, client, doel);
    let beste = tienmaal.ok ? tienmaal : undefined;
    let teVeel: Awaited<ReturnType<typeof meet>> | undefined;
    for (let rate = Math.ceil(doel * 2); beste && rate <= 20_000; rate *= 2) {
      const m = await meet(echo.url, client, rate);
      if (!m.ok) {
        teVeel = m;
        break;
      }
      beste = m;
    }
    const r = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
    console.log(
      `belasting-generator: sustains ${beste ? r(beste.perSeconde) : 0} msg/s open-loop against bare fastify (10x piek = ${r(doel)} msg/s): ${tienmaal.ok ? 'OK' : 'TOO SLOW'}`,
    );
    console.log(
      `  at 10x piek: ${tienmaal.gestart} posts in ${duurMs / 1000} s, ${tienmaal.fouten} failed, generator lag p99 ${r(tienmaal.achterstandP99)} ms, echo p99 ${r(tienmaal.p99)} ms; piek = ${r(PIEK_PER_SECONDE)} exchanges/s per role x ${landelijkeCijfers.berichtenPerUitwisseling.waarde} messages x 2 roles`,
    );
    if (teVeel)
      console.log(`  at ${r(teVeel.perSeconde)} msg/s it no longer keeps up: ${teVeel.fouten} of ${teVeel.gestart} failed, generator lag p99 ${r(teVeel.achterstandP99)} ms (limit ${ACHTERSTAND_MS} ms)`);
  } finally {
    echo.stop();
  }
}

if (process.argv[2] === '--echo' && process.send) {
  const { startBareEchoServer } = await import('../simulator/load/bare-echo-server.ts');
  process.once('message', async (tls: TlsIdentity) => {
    const server = await startBareEchoServer({ tls });
    process.send!({ url: server.url });
  });
} else {
  await main();
}
