/**
 * Slowloris and connection floods (run by wereld.test.ts on the world it fuzzed), bounded so that other tests running beside this one are not disturbed: a few dozen
 * connections for a few seconds. While they hold the TC and the reference LAS's test-control API, and after they are
 * gone, a valid request is still answered correctly and promptly; the server process lives on.
 */
import { expect, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { defaultCertDir } from '../../certs/location.ts';
import type { Doelwit, WereldAdressen } from './doelwit.ts';
import { getProbe, soapProbe } from './probe.ts';

const SLOW_VERBINDINGEN = 40;
const SLOW_MS = 4_000;
const FLOOD = 300;
/** A probe answered within this while the server is under attack is prompt; the bound catches a server that stalls. */
const PROMPT_MS = 5_000;

export async function slowlorisEnFlood(doelwit: Doelwit<WereldAdressen>, testInfo: TestInfo): Promise<void> {
  const regels: string[] = [];
  try {
    const a = doelwit.adressen;
    const ca = readFileSync(join(defaultCertDir, 'ca-bundle.crt'), 'utf8');
    const cert = readFileSync(join(defaultCertDir, 'reference-las.chain.crt'), 'utf8');
    const key = readFileSync(join(defaultCertDir, 'reference-las.key'), 'utf8');
    const tc = new URL(a.tc);
    const ctl = new URL(a.controlUrl);
    const tcDoel = { host: tc.hostname, port: Number(tc.port), tls: { ca, cert, key } };
    const ctlDoel = { host: ctl.hostname, port: Number(ctl.port) };
    const overdracht = a.opgenomen.find((o) => o.operatie === 'overdrachtRequest')!.xml;
    const probes = async (wanneer: string) => {
      for (const [naam, probe] of [
        ['TC', () => soapProbe(tcDoel, a.tc, overdracht, 'overdrachtResponse')],
        ['control API', () => getProbe(ctlDoel, `${a.controlUrl}/status`, '"naam":"Referentie-LAS"')],
      ] as const) {
        const begin = Date.now();
        const fout = await probe();
        const ms = Date.now() - begin;
        regels.push(`probe ${naam} ${wanneer}: ${fout ?? 'correct'} in ${ms} ms`);
        expect(fout, `${naam} ${wanneer}`).toBeUndefined();
        expect(ms, `${naam} ${wanneer}`).toBeLessThan(PROMPT_MS);
      }
    };

    // Slowloris: every connection sends a request head one byte at a time, never finishing it.
    const open: Socket[] = [];
    const druppels: NodeJS.Timeout[] = [];
    const kop = (host: string) => `POST /oso/tc HTTP/1.1\r\nHost: ${host}\r\nContent-Type: text/xml\r\nX-Traag: `;
    for (let i = 0; i < SLOW_VERBINDINGEN; i++) {
      const tls = i % 2 === 0;
      const s: Socket = tls
        ? tlsConnect({ host: tc.hostname, port: Number(tc.port), ca, cert, key, rejectUnauthorized: false })
        : tcpConnect({ host: ctl.hostname, port: Number(ctl.port) });
      s.on('error', () => {});
      s.once(tls ? 'secureConnect' : 'connect', () => {
        s.write(kop(tls ? tc.host : ctl.host));
        druppels.push(setInterval(() => s.writable && s.write('a'), 250));
      });
      open.push(s);
    }
    await new Promise((r) => setTimeout(r, SLOW_MS / 2));
    await probes(`during slowloris (${SLOW_VERBINDINGEN} connections)`);
    await new Promise((r) => setTimeout(r, SLOW_MS / 2));
    for (const d of druppels) clearInterval(d);
    const nogOpen = open.filter((s) => !s.destroyed).length;
    for (const s of open) s.destroy();
    regels.push(`slowloris: ${SLOW_VERBINDINGEN} connections trickled for ${SLOW_MS} ms; ${nogOpen} still open at the end`);

    // Flood: connections opened all at once; half close at once, half finish the TLS handshake and send nothing.
    let geopend = 0;
    const flood = await Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        new Promise<Socket>((klaar) => {
          const s: Socket =
            i % 3 === 0 ? tcpConnect({ host: ctl.hostname, port: Number(ctl.port) }) : tlsConnect({ host: tc.hostname, port: Number(tc.port), ca, ...(i % 2 ? { cert, key } : {}), rejectUnauthorized: false });
          s.on('error', () => klaar(s));
          s.once(i % 3 === 0 ? 'connect' : 'secureConnect', () => {
            geopend++;
            if (i % 2 === 0) s.destroy();
            klaar(s);
          });
          setTimeout(() => klaar(s), 10_000);
        }),
      ),
    );
    await probes(`during a flood of ${FLOOD} connections (${geopend} opened)`);
    for (const s of flood) s.destroy();
    regels.push(`flood: ${FLOOD} connections, ${geopend} opened`);
    await probes('after the attacks');
    expect(doelwit.leeft(), `the world's process ended: ${doelwit.einde()}`).toBe(true);
    regels.push(`peak RSS of the world process: ${Math.round((doelwit.piekRss() ?? 0) / 1024 / 1024)} MB`);
    console.log(regels.map((r) => `fuzz connections: ${r}`).join('\n'));
  } finally {
    await testInfo.attach('fuzz-verbindingen.txt', { body: regels.join('\n'), contentType: 'text/plain' });
  }
}
