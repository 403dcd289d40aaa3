/**
 * ZIP bombs and broken attachments for the fuzz suite, made here (nothing downloaded): a small ZIP that inflates to far
 * more than any limit, one that lies about its unpacked size in its headers, and Base64 that is no Base64.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** The bombs made in this process, by size: a test that needs one twice makes it once. */
const gemaakt = new Map<number, Uint8Array>();

/**
 * A ZIP of `mb` megabytes of zeros, compressed as far as deflate goes (about 1000:1): one file, verslag.pdf. Deflated by
 * Node's zlib and put in a ZIP container written here (local header, data, central directory, end record):
 * fflate's zipSync took 4.3 s of CPU for the 256 MB bomb, zlib 0.6 s.
 */
export function zipBom(mb = 256): Uint8Array {
  let zip = gemaakt.get(mb);
  if (!zip) gemaakt.set(mb, (zip = zipMetEenBestand('verslag.pdf', new Uint8Array(mb * 1024 * 1024))));
  return zip;
}

function zipMetEenBestand(naam: string, inhoud: Uint8Array): Uint8Array {
  const data = deflateRawSync(inhoud, { level: 9 });
  const naamBytes = Buffer.from(naam, 'latin1');
  const crc = crc32(inhoud);
  // DOS date and time of 2026-01-01 00:00: ((year - 1980) << 9) | (month << 5) | day.
  const datum = ((2026 - 1980) << 9) | (1 << 5) | 1;
  const lokaal = Buffer.alloc(30);
  lokaal.writeUInt32LE(0x04034b50, 0);
  lokaal.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  lokaal.writeUInt16LE(0, 6); // flags
  lokaal.writeUInt16LE(8, 8); // method: deflate
  lokaal.writeUInt16LE(0, 10); // time
  lokaal.writeUInt16LE(datum, 12);
  lokaal.writeUInt32LE(crc, 14);
  lokaal.writeUInt32LE(data.length, 18);
  lokaal.writeUInt32LE(inhoud.length, 22);
  lokaal.writeUInt16LE(naamBytes.length, 26);
  lokaal.writeUInt16LE(0, 28); // extra field length
  const centraal = Buffer.alloc(46);
  centraal.writeUInt32LE(0x02014b50, 0);
  centraal.writeUInt16LE(20, 4); // version made by
  centraal.writeUInt16LE(20, 6); // version needed
  centraal.writeUInt16LE(0, 8);
  centraal.writeUInt16LE(8, 10);
  centraal.writeUInt16LE(0, 12);
  centraal.writeUInt16LE(datum, 14);
  centraal.writeUInt32LE(crc, 16);
  centraal.writeUInt32LE(data.length, 20);
  centraal.writeUInt32LE(inhoud.length, 24);
  centraal.writeUInt16LE(naamBytes.length, 28);
  // extra, comment, disk, internal and external attributes: 0; the local header's offset: 0.
  const centraalBegin = lokaal.length + naamBytes.length + data.length;
  const einde = Buffer.alloc(22);
  einde.writeUInt32LE(0x06054b50, 0);
  einde.writeUInt16LE(1, 8); // entries on this disk
  einde.writeUInt16LE(1, 10); // entries
  einde.writeUInt32LE(centraal.length + naamBytes.length, 12);
  einde.writeUInt32LE(centraalBegin, 16);
  return new Uint8Array(Buffer.concat([lokaal, naamBytes, data, centraal, naamBytes, einde]));
}

/**
 * The same bomb, but its local and central headers claim the file unpacks to 1 KB: a reader that trusts the header to
 * size its buffer (or to decide the file is small enough to open) is fooled.
 */
export function liegendeZipBom(mb = 256): Uint8Array {
  const zip = zipBom(mb).slice();
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = v.getUint32(i, true);
    // local file header: uncompressed size at +22; central directory header: at +24
    if (sig === 0x04034b50) v.setUint32(i + 22, 1024, true);
    else if (sig === 0x02014b50) v.setUint32(i + 24, 1024, true);
  }
  return zip;
}

/** Text in the place of Base64 that is not Base64 (wrong characters, wrong length, padding in the middle). */
export const base64Onzin = ['!!!!geen base64!!!!', 'UEsDBBQ=AAAA====', 'UEsDB', '////////////////////////////////////////////////////', '\u0000\u0001\u0002'];

/** A dossier with every attachment's content replaced by `inhoud` (Base64 text). */
export function dossierMetBijlage(dossierXml: string, inhoud: string): string {
  return dossierXml.replace(/(<(?:\w+:)?bestandsinhoud>)[^<]*(<\/(?:\w+:)?bestandsinhoud>)/g, (_m, open: string, sluit: string) => `${open}${inhoud}${sluit}`);
}
