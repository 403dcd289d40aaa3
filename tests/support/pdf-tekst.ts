/**
 * Just enough of a PDF reader to check what Chromium printed: the pages in order and the text on each. It reads the
 * PDF that Chromium (Skia) writes — plain cross-referenced objects, Flate-compressed streams, Type0 fonts with a
 * ToUnicode map and hex strings in Tj/TJ — and no more; a test that reads another producer's PDF needs a real library.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const result = new Map<string, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      result.set(m[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = m.index! + m[0].indexOf(body) + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    const raw = pdf.subarray(start, start + length);
    result.set(m[1]!, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return result;
}

const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];

/** A ToUnicode CMap as code → text (bfchar and bfrange, the forms Skia writes). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(dst!, 16);
      for (let c = parseInt(lo!, 16), i = 0; c <= parseInt(hi!, 16); c++, i++) map.set(c, String.fromCharCode(base + i));
    }
  return map;
}

/** The text of each page, in page order; text runs are joined with spaces. */
export function pdfPaginas(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const catalog = [...objs.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const pageIds: string[] = [];
  const walk = (id: string) => {
    const o = objs.get(id);
    if (!o) return;
    if (/\/Type \/Pages/.test(o.dict)) for (const [, kid] of /\/Kids \[([^\]]*)\]/.exec(o.dict)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) walk(kid!);
    else if (/\/Type \/Page\b/.test(o.dict)) pageIds.push(id);
  };
  walk(ref(catalog?.dict ?? '', 'Pages') ?? '');
  return pageIds.map((id) => {
    const page = objs.get(id)!.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, fontId] of /\/Font <<([^>]*)>>/.exec(page)?.[1]?.matchAll(/\/(\S+) (\d+) 0 R/g) ?? []) {
      const cmapId = ref(objs.get(fontId!)?.dict ?? '', 'ToUnicode');
      fonts.set(name!, toUnicode(objs.get(cmapId ?? '')?.stream?.toString('latin1') ?? ''));
    }
    const contentIds = [...(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page) ?? [])].slice(1).filter(Boolean).flatMap((s) => [...s!.matchAll(/(\d+)/g)].map((m) => m[1]!));
    const content = contentIds.map((c) => objs.get(c)?.stream?.toString('latin1') ?? '').join('\n');
    let font = new Map<number, string>();
    // Skia places glyph by glyph inside one text object (BT … ET); separate text objects are separate runs.
    const runs: string[] = [];
    for (const [, end, fontName, shown] of content.matchAll(/(\bET\b)|\/(\S+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
      if (end) runs.push('');
      else if (fontName) font = fonts.get(fontName) ?? new Map();
      else {
        const codes = [...shown!.matchAll(/<([0-9A-Fa-f]*)>/g)].flatMap((h) => h[1]!.match(/.{4}/g) ?? []);
        runs[Math.max(runs.length - 1, 0)] = (runs.at(-1) ?? '') + codes.map((c) => font.get(parseInt(c, 16)) ?? '').join('');
      }
    }
    // NFKC: the ligatures the font shapes (ﬁ in "kwaliﬁcatie") read as the letters they stand for.
    return runs.filter(Boolean).join(' ').normalize('NFKC');
  });
}
