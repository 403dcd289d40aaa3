/**
 * ZIP bombs and broken attachments for the fuzz suite, made here (nothing downloaded): a small ZIP that inflates to far
 * more than any limit, one that lies about its unpacked size in its headers, and Base64 that is no Base64.
 */
import { zipSync } from 'fflate';

/** A ZIP of `mb` megabytes of zeros, compressed as far as deflate goes (about 1000:1). */
export function zipBom(mb = 256): Uint8Array {
  return zipSync({ 'verslag.pdf': [new Uint8Array(mb * 1024 * 1024), { level: 9 }] });
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
