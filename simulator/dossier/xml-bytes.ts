/*
 * From bytes to XML text. OSO dossiers are UTF-8 in practice; XML also allows UTF-16 (with a byte-order mark) and a
 * declared legacy encoding. Bytes that are not valid in their encoding make the file unreadable — never silently
 * replaced, because a replaced character in a name or number changes the pupil's data.
 */
import { DossierLeesfout } from './leesfout.ts';
import { parseXml, type XmlDocument } from './xml-reader.ts';

const ondersteund: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

function decodeer(bytes: Uint8Array, codering: string, beschrijving: string): string {
  try {
    return new TextDecoder(codering, { fatal: true }).decode(bytes);
  } catch {
    throw new DossierLeesfout('onleesbaar', `Bestand is geen geldige ${beschrijving}-tekst: het bevat bytes die in die tekencodering niet bestaan (is het wel XML?)`);
  }
}

/** The declared encoding from an ASCII-compatible XML declaration, lower-cased, or undefined. */
function verklaardeCodering(bytes: Uint8Array): string | undefined {
  const kop = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  if (!kop.startsWith('<?xml')) return undefined;
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(kop)?.[1]?.toLowerCase();
}

/**
 * Decodes the bytes of an XML file to text: byte-order marks first (UTF-8, UTF-16 LE/BE), then the encoding the XML
 * declaration names, UTF-8 otherwise. Throws DossierLeesfout('onleesbaar') for invalid bytes or an unknown encoding.
 */
export function decodeerXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeer(bytes, 'utf-8', 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeer(bytes, 'utf-16le', 'UTF-16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeer(bytes, 'utf-16be', 'UTF-16');
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return decodeer(bytes, 'utf-16le', 'UTF-16');
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return decodeer(bytes, 'utf-16be', 'UTF-16');
  const verklaard = verklaardeCodering(bytes);
  if (verklaard === undefined) return decodeer(bytes, 'utf-8', 'UTF-8');
  const codering = ondersteund[verklaard];
  if (codering === undefined) {
    throw new DossierLeesfout('onleesbaar', `Bestand verklaart tekencodering '${verklaard}', die niet wordt ondersteund (gebruik UTF-8)`);
  }
  if (codering.startsWith('utf-16')) {
    throw new DossierLeesfout('onleesbaar', `Bestand verklaart UTF-16 maar is als ASCII-tekst geschreven (byte-order mark ontbreekt)`);
  }
  return decodeer(bytes, codering, verklaard.toUpperCase());
}

/**
 * Reads XML text or bytes into an element tree; an already-parsed document is returned as it is. A DossierLeesfout for
 * anything unreadable.
 */
export function leesXml(invoer: string | Uint8Array | XmlDocument): XmlDocument {
  if (typeof invoer === 'string') return parseXml(invoer);
  if ('wortel' in invoer) return invoer;
  return parseXml(decodeerXmlBytes(invoer));
}
