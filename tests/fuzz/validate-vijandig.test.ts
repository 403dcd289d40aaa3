/**
 * `oso-testbank validate` on hostile files, through the real command in a child process: an entity bomb, a 200 MB file
 * (written as a stream into a temporary folder and deleted after), 100,000-deep nesting, a ZIP bomb (and one that lies
 * about its size) as the attachment of an otherwise valid dossier, and binary garbage. Each: exit 1 or 2, a clear
 * message, within a generous time, and the peak memory of the command reported (and bounded).
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDossierXml } from '../../simulator/dossier/generator/generator.ts';
import { envWithoutEnclosingRun } from '../../suites/run-settings.ts';
import { dossierMetBijlage, liegendeZipBom, zipBom } from './zip-bom.ts';

test.describe.configure({ mode: 'serial' });

const bin = fileURLToPath(new URL('../../bin/oso-testbank.mjs', import.meta.url));
const LIMIET_MS = 60_000;
const LIMIET_RSS = 1536 * 1024 * 1024;
const map = mkdtempSync(join(tmpdir(), 'fuzz-validate-'));
test.afterAll(() => rmSync(map, { recursive: true, force: true }));

interface Uitslag {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  piekRss: number | undefined;
}

/** Runs validate; peak RSS from /usr/bin/time -v where present, else from the child's resource usage. */
function valideer(bestand: string): Promise<Uitslag> {
  const metTime = existsSync('/usr/bin/time');
  const begin = Date.now();
  const child = metTime
    ? spawn('/usr/bin/time', ['-v', process.execPath, bin, 'validate', bestand], { env: envWithoutEnclosingRun(), stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [bin, 'validate', bestand], { env: envWithoutEnclosingRun(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIET_MS * 2);
  return new Promise((klaar) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      const exit = metTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code) : code;
      klaar({ code: exit, stdout, stderr: stderr.replace(/\n\tCommand being timed:[\s\S]*$/, ''), ms: Date.now() - begin, piekRss: kb ? Number(kb) * 1024 : undefined });
    }),
  );
}

const geldigDossier = generateDossierXml({ profiel: 'POVO', seed: 7, zorg: true });

interface Geval {
  naam: string;
  maak(pad: string): Promise<void> | void;
  codes: number[];
  melding: RegExp;
}

const gevallen: Geval[] = [
  {
    naam: 'entity bomb',
    maak: (pad) =>
      writeFileSync(
        pad,
        `<?xml version="1.0"?><!DOCTYPE dossier [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${(i === 0 ? '&a;' : `&a${i};`).repeat(10)}">`).join('')}]><dossier>&a9;</dossier>`,
      ),
    codes: [2],
    melding: /DOCTYPE/,
  },
  {
    naam: '200 MB file',
    maak: async (pad) => {
      // A dossier with an element the gegevensset does not know, holding 200 MB of text, written piece by piece: never
      // whole in this process.
      const m = /<\/((?:\w+:)?achternaam)>/.exec(geldigDossier)!;
      const voor = `${geldigDossier.slice(0, m.index + m[0].length)}<vulling>`;
      const na = `</vulling>${geldigDossier.slice(m.index + m[0].length)}`;
      const uit = createWriteStream(pad);
      uit.write(voor);
      const stuk = 'Proefhuizen '.repeat(87_382);
      for (let n = 0; n < 200; n++) if (!uit.write(stuk)) await once(uit, 'drain');
      uit.end(na);
      await once(uit, 'finish');
    },
    codes: [1],
    melding: /vulling/,
  },
  {
    naam: '100,000-deep nesting',
    maak: (pad) => writeFileSync(pad, geldigDossier.replace(/(<\/(?:\w+:)?dossier>\s*)$/, `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}$1`)),
    codes: [2],
    melding: /dieper genest dan \d+ niveaus/,
  },
  {
    naam: 'ZIP bomb as attachment',
    maak: (pad) => writeFileSync(pad, dossierMetBijlage(geldigDossier, Buffer.from(zipBom(256)).toString('base64'))),
    codes: [1, 2],
    melding: /BIJLAGE\.zipbom[\s\S]*ZIP-bom/,
  },
  {
    naam: 'ZIP bomb that lies about its size, as attachment',
    maak: (pad) => writeFileSync(pad, dossierMetBijlage(geldigDossier, Buffer.from(liegendeZipBom(256)).toString('base64'))),
    codes: [1, 2],
    melding: /BIJLAGE\.zipbom[\s\S]*ZIP-bom/,
  },
  {
    naam: 'binary garbage',
    maak: (pad) => writeFileSync(pad, Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24))),
    codes: [2],
    melding: /geen geldige UTF-8-tekst/,
  },
];

for (const geval of gevallen) {
  test(`validate on a hostile file: ${geval.naam} — exit ${geval.codes.join(' or ')}, a clear message, bounded time and memory`, async ({}, testInfo) => {
    test.setTimeout(180_000);
    const pad = join(map, `${geval.naam.replace(/\W+/g, '-')}.xml`);
    await geval.maak(pad);
    try {
      const u = await valideer(pad);
      const regel = `fuzz validate ${geval.naam}: exit ${u.code}, ${u.ms} ms, peak RSS ${u.piekRss === undefined ? '?' : Math.round(u.piekRss / 1024 / 1024)} MB`;
      console.log(regel);
      await testInfo.attach('validate.txt', { body: `${regel}\n${u.stdout.slice(0, 4000)}\n${u.stderr.slice(0, 4000)}`, contentType: 'text/plain' });
      expect(geval.codes, `${regel}\n${u.stdout.slice(0, 2000)}${u.stderr.slice(0, 2000)}`).toContain(u.code);
      expect(u.stdout + u.stderr).toMatch(geval.melding);
      expect(u.stdout + u.stderr).not.toMatch(/\n\s+at \S|node_modules/);
      expect(u.ms).toBeLessThan(LIMIET_MS);
      if (u.piekRss !== undefined) expect(u.piekRss).toBeLessThan(LIMIET_RSS);
    } finally {
      rmSync(pad, { force: true });
    }
  });
}
