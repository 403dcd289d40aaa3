/**
 * Fuzz: the operator console (in a child process, an upload prompt always open) with generated hostile requests, hostile
 * uploads (file names that climb out of the evidence folder, a ZIP bomb, garbage) and cross-origin form posts. Between
 * batches a health probe. 0 crashes, 0 hangs, 0 leaks; no cross-origin post answers a prompt; no upload lands outside
 * the evidence folder; peak RSS reported.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startDoelwit } from './doelwit.ts';
import { fuzzOppervlak, regel, samenvatting, type Groep } from './fuzz-ronde.ts';
import { fuzzSeed, herhaalRegel, seedVoor } from './instellingen.ts';
import { getProbe } from './probe.ts';
import { stuurRuw } from './ruwe-client.ts';
import { kop, type Aanval, type GeldigVerzoek } from './vijandige-verzoeken.ts';
import { zipBom } from './zip-bom.ts';

test.describe.configure({ mode: 'serial' });

const ONTSNAPT = `fuzz-ontsnapt-${process.pid}`;
const bestandsnamen = [
  `../../../../../../${tmpdir().slice(1)}/${ONTSNAPT}.txt`,
  `..\\..\\..\\${ONTSNAPT}.txt`,
  `/${tmpdir().slice(1)}/${ONTSNAPT}-absoluut.txt`,
  `....//....//${ONTSNAPT}.txt`,
  '..',
  '.',
  '',
  'a\u0000b.pdf',
  '\u202egnp.exe',
  'x'.repeat(5_000) + '.pdf',
  'CON',
  'bewijs.pdf',
  '%2e%2e%2f%2e%2e%2fbewijs.pdf',
];

function multipart(velden: { naam: string; bestandsnaam?: string; type?: string; inhoud: Buffer }[], grens: string): Buffer {
  return Buffer.concat([
    ...velden.flatMap((v) => [
      Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${v.naam}"${v.bestandsnaam !== undefined ? `; filename="${v.bestandsnaam.replace(/"/g, '%22')}"` : ''}\r\n${v.type ? `Content-Type: ${v.type}\r\n` : ''}\r\n`, 'latin1'),
      v.inhoud,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${grens}--\r\n`),
  ]);
}

test('fuzz: the operator console survives hostile requests, uploads and cross-origin posts', async ({}, testInfo) => {
  test.setTimeout(240_000);
  console.log(`fuzz seed ${fuzzSeed} (reproduce: ${herhaalRegel()} npx playwright test --project=harness tests/fuzz/operatorconsole.test.ts)`);
  const bom = Buffer.from(zipBom(64));
  const doelwit = await startDoelwit('console');
  try {
    const { url, bewijsMap } = doelwit.adressen;
    const u = new URL(url);
    const doel = { host: u.hostname, port: Number(u.port) };
    let id = 'onbekend';
    const leesId = async () => {
      const o = await stuurRuw(doel, { kop: kop('GET', '/', u.host, []) }, 15_000);
      id = /\/antwoord\/([\w-]+)/.exec(o.tekst)?.[1] ?? id;
    };
    await leesId();
    const upload = (bestandsnaam: string, inhoud: Buffer): GeldigVerzoek => ({
      methode: 'POST',
      pad: `/antwoord/${id}`,
      contentType: 'multipart/form-data; boundary=grens',
      body: multipart([{ naam: 'bestand', bestandsnaam, type: 'application/pdf', inhoud }], 'grens').toString('latin1'),
    });
    const geldig = (): GeldigVerzoek[] => [
      { methode: 'GET', pad: '/' },
      { methode: 'GET', pad: '/wacht' },
      { methode: 'POST', pad: '/operator', contentType: 'application/x-www-form-urlencoded', body: 'naam=Fuzz%20Operator' },
      upload('bewijs.pdf', Buffer.from('%PDF-1.4 bewijs')),
    ];
    const oorsprongen = ['http://evil.example', 'null', `http://${u.host}.evil.example`, `https://${u.host}`, `http://localhost:${u.port}`];
    const uploads: fc.Arbitrary<Omit<Aanval, 'certificaat'>> = fc
      .tuple(fc.constantFrom(...bestandsnamen), fc.oneof(fc.constant(bom), fc.uint8Array({ maxLength: 64 * 1024 }).map((b) => Buffer.from(b)), fc.constant(Buffer.from('UEsDBBQ=AAAA===='))), fc.option(fc.constantFrom(...oorsprongen)))
      .map(([naam, inhoud, oorsprong]) => {
        const body = multipart([{ naam: 'bestand', bestandsnaam: naam, type: 'application/zip', inhoud }, { naam: 'opmerking', inhoud: Buffer.from('fuzz') }], 'grens');
        return {
          soort: 'upload',
          beschrijving: `upload ${JSON.stringify(naam.slice(0, 60))} (${inhoud.length} bytes)${oorsprong ? ` from ${oorsprong}` : ''}`,
          verzoek: { kop: kop('POST', `/antwoord/${id}`, u.host, [['Content-Type', 'multipart/form-data; boundary=grens'], ...(oorsprong ? [['Origin', oorsprong] as [string, string]] : [])], body.length), body },
        };
      });
    const groep: Groep = {
      naam: 'console',
      leeft: doelwit.leeft,
      piekRss: doelwit.piekRss,
      cpuMs: doelwit.cpuMs,
      oppervlakken: [
        {
          naam: 'operator console',
          doel,
          oppervlak: { host: u.host, soort: 'formulier', tls: false, geldig: geldig(), extra: [{ soort: 'upload', arb: uploads, gewicht: 6 }] },
          aantal: 1500,
          voorBatch: async () => {
            await leesId();
            groep.oppervlakken[0]!.oppervlak = { ...groep.oppervlakken[0]!.oppervlak, geldig: geldig() };
          },
          probe: () => getProbe(doel, `${url}/`, 'Operator'),
        },
      ],
    };
    const t = await fuzzOppervlak(groep, groep.oppervlakken[0]!);
    console.log(regel(t));

    // Cross-origin form posts: a valid answer to the open prompt, sent from another site, is refused and answers nothing.
    await leesId();
    const voor = await doelwit.antwoorden();
    let kruis = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('http://evil.example', 'null', `http://${u.host}.evil.example`, `https://${u.host}`, 'http://127.0.0.1'), fc.constantFrom('/operator', `/antwoord/${id}`), async (oorsprong, pad) => {
        const body = pad === '/operator' ? Buffer.from('naam=Indringer') : multipart([{ naam: 'bestand', bestandsnaam: 'bewijs.pdf', inhoud: Buffer.from('%PDF') }], 'grens');
        const ct = pad === '/operator' ? 'application/x-www-form-urlencoded' : 'multipart/form-data; boundary=grens';
        const o = await stuurRuw(doel, { kop: kop('POST', pad, u.host, [['Content-Type', ct], ['Origin', oorsprong]], body.length), body }, 15_000);
        kruis++;
        expect(o.status, `${oorsprong} → ${pad}`).toBe(403);
        expect(o.tekst).toContain('Formulier van een andere website geweigerd.');
        expect(o.tekst).not.toMatch(/set-cookie/i);
      }),
      { seed: seedVoor('console/cross-origin'), numRuns: 60 },
    );
    expect(await doelwit.antwoorden(), 'cross-origin posts answered a prompt').toBe(voor);

    // Whatever the file names said, every upload landed inside the evidence folder, as a file.
    const bestanden = readdirSync(join(bewijsMap, 'bestanden'));
    for (const b of bestanden) expect(statSync(join(bewijsMap, 'bestanden', b)).isFile(), b).toBe(true);
    for (const map of [tmpdir(), dirname(bewijsMap), bewijsMap, process.cwd()])
      expect(readdirSync(map).filter((n) => n.startsWith(ONTSNAPT)), `escaped uploads in ${map}`).toEqual([]);

    const tekst = `${samenvatting('operator console', [t], t.piekRssMb)}\ncross-origin posts refused: ${kruis}; uploads kept: ${bestanden.length}; prompts answered: ${await doelwit.antwoorden()}`;
    console.log(tekst);
    console.log(`fuzz operator console: ${kruis} cross-origin posts refused, ${bestanden.length} uploads kept inside the evidence folder`);
    await testInfo.attach('fuzz-operatorconsole.txt', { body: tekst, contentType: 'text/plain' });
    expect({ crashes: t.crashes, hangs: t.hangs, lekken: t.lekken, probeFouten: t.probeFouten }, tekst).toEqual({ crashes: 0, hangs: 0, lekken: 0, probeFouten: 0 });
    expect(doelwit.leeft(), `the console's process ended: ${doelwit.einde()}`).toBe(true);
    expect(doelwit.piekRss() ?? 0).toBeLessThan(1024 * 1024 * 1024);
  } finally {
    await doelwit.stop();
  }
});
