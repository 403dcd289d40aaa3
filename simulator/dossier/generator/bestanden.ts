/*
 * Synthetic attachment files for generated dossiers — a PDF, a PNG and a text file that open in ordinary viewers — and
 * the way a dossier carries them: Base64 of a ZIP that holds the file. Deterministic: the same seed gives the same
 * bytes (fixed ZIP timestamps, seeded content).
 */
import { strToU8, zipSync, zlibSync } from 'fflate';
import { crc32 } from '../crc32.ts';
import type { Prng } from './prng.ts';

export type Bestandssoort = 'pdf' | 'png' | 'txt';

// A fixed timestamp for every ZIP entry: the dossier code reads no clock, and the same seed must give the same bytes.
const zipTijd = new Date(Date.UTC(2019, 7, 1, 12, 0, 0));

const latin1 = (s: string) => {
  const uit = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) uit[i] = s.charCodeAt(i) & 0xff;
  return uit;
};

function samenvoegen(delen: Uint8Array[]): Uint8Array {
  const uit = new Uint8Array(delen.reduce((n, d) => n + d.length, 0));
  let p = 0;
  for (const d of delen) {
    uit.set(d, p);
    p += d.length;
  }
  return uit;
}

/** A one-page PDF with the given lines of text (ASCII), padded with a stream of `opvulling` random bytes. */
export function maakPdf(regels: readonly string[], prng: Prng, opvulling = 0): Uint8Array {
  const veilig = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, (c) => `\\${c}`);
  const inhoud = `BT /F1 12 Tf 72 770 Td 16 TL ${regels.map((r) => `(${veilig(r)}) '`).join(' ')} ET`;
  const objecten: Uint8Array[] = [
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    latin1(`<< /Length ${inhoud.length} >>\nstream\n${inhoud}\nendstream`),
    latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  if (opvulling > 0) {
    objecten.push(samenvoegen([latin1(`<< /Length ${opvulling} >>\nstream\n`), prng.bytes(opvulling), latin1('\nendstream')]));
  }
  const delen: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let positie = delen[0]!.length;
  const posities: number[] = [];
  objecten.forEach((o, i) => {
    posities.push(positie);
    const deel = samenvoegen([latin1(`${i + 1} 0 obj\n`), o, latin1('\nendobj\n')]);
    delen.push(deel);
    positie += deel.length;
  });
  const xref = `xref\n0 ${objecten.length + 1}\n0000000000 65535 f \n${posities.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  delen.push(latin1(`${xref}trailer\n<< /Size ${objecten.length + 1} /Root 1 0 R >>\nstartxref\n${positie}\n%%EOF\n`));
  return samenvoegen(delen);
}

function pngChunk(soort: string, data: Uint8Array): Uint8Array {
  const kop = new Uint8Array(8);
  new DataView(kop.buffer).setUint32(0, data.length);
  kop.set(latin1(soort), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(samenvoegen([latin1(soort), data])));
  return samenvoegen([kop, data, crc]);
}

/** An RGB PNG of about `grootte` bytes of pixel data (random pixels do not compress, so the file stays that size). */
export function maakPng(prng: Prng, grootte = 768): Uint8Array {
  const breedte = 32;
  const rij = breedte * 3 + 1;
  const hoogte = Math.max(8, Math.ceil(grootte / rij));
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, breedte);
  v.setUint32(4, hoogte);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const ruw = new Uint8Array(rij * hoogte);
  const pixels = prng.bytes(breedte * 3 * hoogte);
  for (let y = 0; y < hoogte; y++) ruw.set(pixels.subarray(y * breedte * 3, (y + 1) * breedte * 3), y * rij + 1);
  return samenvoegen([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibSync(ruw, { level: 6 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A UTF-8 text file of the given lines, repeated to about `grootte` bytes. */
export function maakTekst(regels: readonly string[], grootte = 0): Uint8Array {
  let tekst = `${regels.join('\n')}\n`;
  while (tekst.length < grootte) tekst += `${regels.join('\n')}\n`;
  return strToU8(tekst);
}

/** Base64 of a ZIP holding one file — the `bestandsinhoud` of a dossier document. */
export function alsBestandsinhoud(bestandsnaam: string, inhoud: Uint8Array): string {
  const zip = zipSync({ [bestandsnaam]: [inhoud, { mtime: zipTijd, level: 6 }] }, { mtime: zipTijd });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64');
}
