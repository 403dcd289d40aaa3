/*
 * XML <-> typed object, guided by a release's structure (schema-model.ts).
 *
 * Reading keeps everything that matters: every value is the element's exact text (leading zeros, '1' vs 'true'),
 * repeatable elements are arrays in document order, attributes such as `omschrijving` are `@`-keys next to `#text`,
 * and the repeating group inside cijferlijstTypelijst stays grouped. What the structure does not expect is kept too —
 * a second occurrence turns a value into an array, an unknown element keeps its name (`{namespace}naam` from another
 * namespace), stray text becomes `#text` — so that the JSON Schema check (structure.ts) can report it.
 *
 * Writing emits elements in schema order (the order the release's XSD prescribes), each value escaped, and refuses
 * text XML 1.0 cannot carry rather than emitting a document the receiver must reject.
 */
import { isHerhaalbaar, kinderenVanType, elementenInVolgorde, type EenvoudigType, type ElementDecl, type SamengesteldType } from './schema-model.ts';
import { alleenWit, verbodenCodepunt, XSI_NS, type XmlElement } from './xml-reader.ts';

export type TypedObject = Record<string, unknown>;

function attribuutSleutel(ns: string, naam: string): string {
  return ns === '' ? `@${naam}` : `@{${ns}}${naam}`;
}

/** An element the structure does not describe: its text, or an object of what it holds. */
function algemeen(e: XmlElement): unknown {
  const attributen = e.attributen?.filter((a) => a.ns !== XSI_NS) ?? [];
  if (e.kinderen.length === 0 && attributen.length === 0) return e.tekst;
  const o: TypedObject = {};
  for (const a of attributen) o[attribuutSleutel(a.ns, a.naam)] = a.waarde;
  if (!alleenWit(e.tekst)) o['#text'] = e.tekst;
  for (const k of e.kinderen) {
    const sleutel = `{${k.ns}}${k.naam}`;
    const bestaand = o[sleutel];
    const waarde = algemeen(k);
    if (bestaand === undefined) o[sleutel] = waarde;
    else if (Array.isArray(bestaand)) bestaand.push(waarde);
    else o[sleutel] = [bestaand, waarde];
  }
  return o;
}

function eenvoudigeWaarde(e: XmlElement, type: EenvoudigType): unknown {
  if (e.kinderen.length > 0) return algemeen(e);
  const attributen = e.attributen?.filter((a) => a.ns !== XSI_NS);
  if (!type.attributen && (attributen === undefined || attributen.length === 0)) return e.tekst;
  const o: TypedObject = { '#text': e.tekst };
  for (const a of attributen ?? []) o[attribuutSleutel(a.ns, a.naam)] = a.waarde;
  return o;
}

function kinderenNaarObject(kinderen: readonly XmlElement[], type: SamengesteldType, ns: string, o: TypedObject): TypedObject {
  const decls = kinderenVanType(type);
  let dubbel: Set<string> | undefined;
  for (const k of kinderen) {
    const eigen = k.ns === ns;
    const sleutel = eigen ? k.naam : `{${k.ns}}${k.naam}`;
    const info = eigen ? decls.get(k.naam) : undefined;
    let waarde: unknown;
    if (info === undefined) waarde = algemeen(k);
    else if (info.decl.type.soort === 'eenvoudig') waarde = eenvoudigeWaarde(k, info.decl.type);
    else waarde = elementNaarObject(k, info.decl.type, ns);
    const herhaalbaar = info !== undefined && isHerhaalbaar(info.decl.aantal);
    const bestaand = o[sleutel];
    if (bestaand === undefined) {
      o[sleutel] = herhaalbaar ? [waarde] : waarde;
    } else if (herhaalbaar || dubbel?.has(sleutel)) {
      (bestaand as unknown[]).push(waarde);
    } else {
      (dubbel ??= new Set()).add(sleutel);
      o[sleutel] = [bestaand, waarde];
    }
  }
  return o;
}

/** The groups of a repeating sequence: a new group starts at each occurrence of the sequence's first element. */
function groepen(e: XmlElement, type: SamengesteldType, ns: string): TypedObject[] {
  const eerste = elementenInVolgorde(type)[0]?.naam;
  const indeling: XmlElement[][] = [];
  for (const k of e.kinderen) {
    if (indeling.length === 0 || (k.naam === eerste && k.ns === ns)) indeling.push([]);
    indeling[indeling.length - 1]!.push(k);
  }
  return indeling.map((kinderen) => kinderenNaarObject(kinderen, type, ns, {}));
}

/**
 * The typed object of an element of complex type `type` (children in namespace `ns`). Attributes other than xsi:*
 * become `@`-keys and non-whitespace text `#text`, so that the schema check reports them.
 */
export function elementNaarObject(e: XmlElement, type: SamengesteldType, ns: string): unknown {
  if (type.herhaaldeReeks) return groepen(e, type, ns);
  const o: TypedObject = {};
  if (e.attributen) for (const a of e.attributen) if (a.ns !== XSI_NS) o[attribuutSleutel(a.ns, a.naam)] = a.waarde;
  if (e.tekst !== '' && !alleenWit(e.tekst)) o['#text'] = e.tekst;
  return kinderenNaarObject(e.kinderen, type, ns, o);
}

// ---- writing ----

function controleerTekens(naam: string, waarde: string): void {
  if (verbodenCodepunt.test(waarde)) {
    throw new Error(`Waarde voor <${naam}> bevat een teken dat XML 1.0 niet toestaat: ${JSON.stringify(waarde)}`);
  }
}

export function escapeTekst(naam: string, waarde: string): string {
  controleerTekens(naam, waarde);
  return /[&<>\r]/.test(waarde) ? waarde.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;')) : waarde;
}

export function escapeAttribuut(naam: string, waarde: string): string {
  controleerTekens(naam, waarde);
  return waarde.replace(/[&<"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

interface Schrijver {
  delen: string[];
  inspringen: boolean;
}

function inspring(s: Schrijver, diepte: number): string {
  return s.inspringen ? `\n${'  '.repeat(diepte)}` : '';
}

function schrijfEenvoudig(s: Schrijver, naam: string, waarde: unknown, diepte: number): void {
  if (typeof waarde === 'string') {
    s.delen.push(`${inspring(s, diepte)}<${naam}>${escapeTekst(naam, waarde)}</${naam}>`);
    return;
  }
  if (waarde === null || typeof waarde !== 'object') throw new Error(`Waarde voor <${naam}> is geen tekst: ${JSON.stringify(waarde)}`);
  const o = waarde as TypedObject;
  let attributen = '';
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('@') && typeof v === 'string') attributen += ` ${k.slice(1)}="${escapeAttribuut(k.slice(1), v)}"`;
  }
  const tekst = typeof o['#text'] === 'string' ? o['#text'] : '';
  s.delen.push(`${inspring(s, diepte)}<${naam}${attributen}>${escapeTekst(naam, tekst)}</${naam}>`);
}

function schrijfKinderen(s: Schrijver, o: TypedObject, type: SamengesteldType, diepte: number): void {
  for (const decl of elementenInVolgorde(type)) {
    const waarde = o[decl.naam];
    if (waarde === undefined) continue;
    if (Array.isArray(waarde) && (isHerhaalbaar(decl.aantal) || (decl.type.soort === 'samengesteld' && decl.type.herhaaldeReeks))) {
      if (decl.type.soort === 'samengesteld' && decl.type.herhaaldeReeks) schrijfDecl(s, decl, waarde, diepte);
      else for (const w of waarde) schrijfDecl(s, decl, w, diepte);
    } else {
      schrijfDecl(s, decl, waarde, diepte);
    }
  }
}

function schrijfDecl(s: Schrijver, decl: ElementDecl, waarde: unknown, diepte: number): void {
  if (decl.type.soort === 'eenvoudig') {
    schrijfEenvoudig(s, decl.naam, waarde, diepte);
    return;
  }
  const type = decl.type;
  s.delen.push(`${inspring(s, diepte)}<${decl.naam}>`);
  if (type.herhaaldeReeks) {
    for (const groep of waarde as TypedObject[]) schrijfKinderen(s, groep, type, diepte + 1);
  } else {
    schrijfKinderen(s, waarde as TypedObject, type, diepte + 1);
  }
  s.delen.push(`${inspring(s, diepte)}</${decl.naam}>`);
}

/**
 * The XML text of a typed object whose root element `naam` has type `type`, in namespace `ns` (declared as the default
 * namespace on the root). Elements are written in schema order; keys the structure does not know are not written.
 */
export function objectNaarXml(object: TypedObject, naam: string, type: SamengesteldType, ns: string, opties: { inspringen?: boolean } = {}): string {
  const s: Schrijver = { delen: [], inspringen: opties.inspringen ?? true };
  s.delen.push(`<?xml version="1.0" encoding="UTF-8"?>\n<${naam} xmlns="${escapeAttribuut('xmlns', ns)}">`);
  schrijfKinderen(s, object, type, 1);
  s.delen.push(`${s.inspringen ? '\n' : ''}</${naam}>\n`);
  return s.delen.join('');
}
