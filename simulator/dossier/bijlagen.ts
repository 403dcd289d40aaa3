/*
 * Attachments (bijlagen). Every `document` carries `bestandsinhoud`: Base64 of a ZIP file that holds the file. The
 * standard checks none of this, so neither does it make a dossier invalid: every problem is a warning — content that is
 * not Base64, not a ZIP that opens, a ZIP without a file, or a file type outside the documented list (PDF, JPG, PNG,
 * DOC, DOCX, ODF, XLS, XLSX, TXT, PPT, PPTX). One exception is an error: a ZIP bomb (BIJLAGE.zipbom) — a file that
 * unpacks to more than 64 MB at more than 100:1, or whose header claims an unpacked size its compressed data cannot
 * have — because it endangers whoever opens the dossier, whatever the standard says [ours].
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { createHash } from 'node:crypto';
import { crc32 } from './crc32.ts';
import { regel, type Regel, type RegelContext } from './regel.ts';
import { kindVan, type XmlDocument, type XmlElement } from './xml-reader.ts';

/** Documented file types; ODF is read as the OpenDocument family, JPEG as JPG. */
export const gedocumenteerdeBestandstypen = ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'odf', 'odt', 'ods', 'odp', 'xls', 'xlsx', 'txt', 'ppt', 'pptx'] as const;

const toegestaan = new Set<string>(gedocumenteerdeBestandstypen);
// Base64 as XML carries it (xs:base64Binary): the alphabet, optional whitespace, padding only at the end.
const base64Patroon = /^[A-Za-z0-9+/\s]*={0,2}[\s]*$/;
// A file that claims to unpack to more than this is not unpacked (a ZIP bomb would otherwise take the memory).
const maximaleUitgepakteGrootte = 64 * 1024 * 1024;

function extensie(bestandsnaam: string): string {
  const punt = bestandsnaam.lastIndexOf('.');
  return punt < 0 ? '' : bestandsnaam.slice(punt + 1).toLowerCase();
}

export interface ZipInhoud {
  /** `grootte` as the ZIP claims it unpacked, `ingepakt` as it is stored. */
  bestanden: { naam: string; grootte: number; ingepakt: number; compressie: number }[];
}

/** Above this ratio a file of more than the maximum unpacked size is a bomb, not a large scan. */
const maximaleVerhouding = 100;

/** Why a file of a ZIP is a ZIP bomb, or undefined. */
export function zipBomReden(b: ZipInhoud['bestanden'][number]): string | undefined {
  if (b.grootte > maximaleUitgepakteGrootte && b.grootte > b.ingepakt * maximaleVerhouding)
    return `'${b.naam}' pakt uit tot ${Math.round(b.grootte / 1024 / 1024)} MB uit ${Math.max(1, Math.round(b.ingepakt / 1024))} KB (meer dan ${maximaleUitgepakteGrootte / 1024 / 1024} MB, meer dan ${maximaleVerhouding}:1)`;
  // Deflate never makes data much larger than it was: a header that says otherwise lies about the unpacked size.
  if (b.compressie === 8 && b.ingepakt > b.grootte * 1.01 + 1024)
    return `'${b.naam}' zegt uit te pakken tot ${b.grootte} bytes, maar is ingepakt ${b.ingepakt} bytes: de ZIP liegt over de uitgepakte grootte`;
  return undefined;
}

/**
 * How far attachments are opened: 'structuur' reads the ZIP's directory (is it a ZIP, which files does it hold) —
 * enough for the warnings and cheap; 'inhoud' also inflates every file (finds a corrupt compressed stream, costs more).
 */
export type BijlageControle = 'structuur' | 'inhoud';

/** The CRC-32 of every entry in a ZIP's central directory, by name. */
function crcsUitDirectory(data: Uint8Array): Map<string, number> {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eind = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eind = i;
      break;
    }
  }
  const crcs = new Map<string, number>();
  if (eind < 0) return crcs;
  let p = v.getUint32(eind + 16, true);
  const aantal = v.getUint16(eind + 10, true);
  for (let n = 0; n < aantal && p + 46 <= data.length && v.getUint32(p, true) === 0x02014b50; n++) {
    const naamLengte = v.getUint16(p + 28, true);
    const naam = new TextDecoder().decode(data.subarray(p + 46, p + 46 + naamLengte));
    crcs.set(naam, v.getUint32(p + 16, true));
    p += 46 + naamLengte + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return crcs;
}

/** Opens a ZIP; the files it holds, directories left out. Throws when it is no ZIP (or, for 'inhoud', is corrupt). */
export function openZip(data: Uint8Array, controle: BijlageControle = 'structuur'): ZipInhoud {
  const bestanden: ZipInhoud['bestanden'] = [];
  const uitgepakt = unzipSync(data, {
    filter: (f: UnzipFileInfo) => {
      if (f.name.endsWith('/')) return false;
      const bestand = { naam: f.name, grootte: f.originalSize, ingepakt: f.size, compressie: f.compression };
      bestanden.push(bestand);
      return controle === 'inhoud' && zipBomReden(bestand) === undefined && f.originalSize <= maximaleUitgepakteGrootte && (f.compression === 0 || f.compression === 8);
    },
  });
  if (controle === 'inhoud') {
    const crcs = crcsUitDirectory(data);
    for (const [naam, inhoud] of Object.entries(uitgepakt)) {
      const verwacht = bestanden.find((b) => b.naam === naam)?.grootte;
      if (inhoud.length !== verwacht || (crcs.has(naam) && crc32(inhoud) !== crcs.get(naam))) {
        throw new Error(`'${naam}' is beschadigd: de uitgepakte inhoud klopt niet met de controlesom in de ZIP`);
      }
    }
  }
  return { bestanden };
}

/** The bytes of Base64 text, or undefined when it is not Base64 (whitespace allowed, as xs:base64Binary allows it). */
export function decodeerBase64(tekst: string): Buffer | undefined {
  const bytes = Buffer.from(tekst, 'base64');
  // Node skips what is not Base64; canonical text re-encodes to itself, anything else gets the strict check.
  if (bytes.toString('base64') === tekst) return bytes;
  if (!base64Patroon.test(tekst) || tekst.replace(/\s+/g, '').length % 4 !== 0) return undefined;
  return bytes;
}

function controleerDocument(ctx: RegelContext, document: XmlElement, controle: BijlageControle): void {
  const naamElement = ctx.kind(document, 'bestandsnaam');
  const inhoud = ctx.kind(document, 'bestandsinhoud');
  const bestandsnaam = naamElement?.tekst ?? '';
  const wie = bestandsnaam ? `Bijlage '${bestandsnaam}'` : 'Bijlage zonder bestandsnaam';
  if (naamElement && bestandsnaam.trim() !== '' && !toegestaan.has(extensie(bestandsnaam.trim()))) {
    ctx.waarschuwing(
      'BIJLAGE.bestandstype',
      naamElement,
      `${wie} heeft bestandstype '${extensie(bestandsnaam.trim()) || '(geen extensie)'}', dat niet in de gedocumenteerde lijst staat (PDF, JPG, PNG, DOC, DOCX, ODF, XLS, XLSX, TXT, PPT, PPTX); de ontvanger kan het mogelijk niet openen.`,
    );
  }
  if (inhoud === undefined) return; // a missing bestandsinhoud is a structure error already
  const bytes = decodeerBase64(inhoud.tekst);
  if (bytes === undefined) {
    ctx.waarschuwing('BIJLAGE.base64', inhoud, `${wie}: de bestandsinhoud is geen geldige Base64 (verkeerde tekens of lengte).`);
    return;
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    ctx.waarschuwing('BIJLAGE.zip', inhoud, `${wie}: de bestandsinhoud is geen ZIP-bestand (de afspraak is Base64 van een ZIP met het bestand erin).`);
    return;
  }
  let zip: ZipInhoud;
  try {
    zip = openZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), controle);
  } catch (e) {
    ctx.waarschuwing('BIJLAGE.zip', inhoud, `${wie}: de ZIP in de bestandsinhoud is niet te openen (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  const bommen = zip.bestanden.flatMap((b) => zipBomReden(b) ?? []);
  if (bommen.length > 0) {
    ctx.fout('BIJLAGE.zipbom', inhoud, `${wie}: de ZIP is een ZIP-bom en is niet uitgepakt: ${bommen.join('; ')}. Wie het dossier opent, loopt vast op het uitpakken.`);
    return;
  }
  if (zip.bestanden.length === 0) {
    ctx.waarschuwing('BIJLAGE.leeg', inhoud, `${wie}: de ZIP in de bestandsinhoud bevat geen bestand.`);
    return;
  }
  const vreemd = zip.bestanden.map((b) => b.naam).filter((n) => !toegestaan.has(extensie(n)));
  if (vreemd.length > 0) {
    ctx.waarschuwing(
      'BIJLAGE.bestandstype',
      inhoud,
      `${wie}: de ZIP bevat ${vreemd.map((n) => `'${n}'`).join(', ')}, met een bestandstype buiten de gedocumenteerde lijst.`,
    );
  }
}

/** The attachment checks as one harness rule over every `document` in the dossier. */
export function bijlageRegel(controle: BijlageControle = 'structuur'): Regel {
  return regel(
    ['BIJLAGE.base64', 'BIJLAGE.zip', 'BIJLAGE.leeg', 'BIJLAGE.bestandstype', 'BIJLAGE.zipbom'],
    'harnas',
    'Bijlagen zijn Base64 van een ZIP die opent, een bestand bevat, een gedocumenteerd bestandstype heeft en geen ZIP-bom is.',
    (ctx) => {
      for (const document of ctx.alle('document')) controleerDocument(ctx, document, controle);
    },
  );
}

/**
 * The attachments of a dossier by file name, with the SHA-256 (hex) of their decoded bytes: what a doel reports it
 * stored, so the harness can show the attachments arrived byte-identical. Undecodable content hashes as its text.
 */
export function bijlagenVan(doc: XmlDocument): { bestandsnaam: string; sha256: string }[] {
  const ns = doc.wortel.ns;
  return (doc.index.get('document') ?? [])
    .filter((d) => d.ns === ns)
    .map((d) => {
      const inhoud = kindVan(d, 'bestandsinhoud', ns)?.tekst ?? '';
      const bytes = decodeerBase64(inhoud) ?? Buffer.from(inhoud, 'utf8');
      return { bestandsnaam: kindVan(d, 'bestandsnaam', ns)?.tekst ?? '', sha256: createHash('sha256').update(bytes).digest('hex') };
    });
}
