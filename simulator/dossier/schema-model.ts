/*
 * A small language to write down a gegevensset release's element structure once — element names, order, occurrence,
 * choices, datatypes, patterns, lengths and code lists — from which the harness derives everything else: the JSON
 * Schema that ajv checks, the conversion between XML and typed objects, and the element order when writing back.
 */

export type Basistype = 'string' | 'date' | 'boolean' | 'integer' | 'int' | 'decimal';

export interface Codelijst {
  readonly nummer: number;
  readonly naam: string;
  readonly waarden: readonly string[];
}

export interface AttribuutDecl {
  readonly naam: string;
  readonly type: EenvoudigType;
  readonly verplicht: boolean;
}

/** Text content. Whitespace handling follows the XSD base type: strings keep it, dates/booleans/numbers collapse it. */
export interface EenvoudigType {
  readonly soort: 'eenvoudig';
  readonly basis: Basistype;
  readonly minLengte?: number;
  readonly maxLengte?: number;
  /** A regular expression (JavaScript syntax, unicode mode) the whole value must match, as XSD patterns do. */
  readonly patroon?: string;
  /** How the pattern reads for a person, e.g. `EEJJ-EEJJ`. */
  readonly patroonUitleg?: string;
  readonly bereik?: readonly [number, number];
  readonly codelijst?: Codelijst;
  readonly attributen?: readonly AttribuutDecl[];
}

export interface SamengesteldType {
  readonly soort: 'samengesteld';
  /** A named (reused) type: becomes a `$defs` entry of the JSON Schema. */
  readonly naam?: string;
  readonly deeltjes: readonly Deeltje[];
  /**
   * The sequence itself repeats (XSD `xs:sequence maxOccurs="unbounded"`): the typed object is an array of groups,
   * each group starting at the first element of the sequence.
   */
  readonly herhaaldeReeks?: boolean;
}

export type Type = EenvoudigType | SamengesteldType;

/** `1` exactly once, `?` optional, `*` any number, `+` at least once. */
export type Aantal = '1' | '?' | '*' | '+';

export interface ElementDecl {
  readonly soort: 'element';
  readonly naam: string;
  readonly type: Type;
  readonly aantal: Aantal;
}

/** An XSD `xs:choice`: at most one of the options (exactly one when `verplicht`). */
export interface KeuzeDecl {
  readonly soort: 'keuze';
  readonly verplicht: boolean;
  readonly opties: readonly ElementDecl[];
}

export type Deeltje = ElementDecl | KeuzeDecl;

export function el(naam: string, type: Type, aantal: Aantal = '1'): ElementDecl {
  return { soort: 'element', naam, type, aantal };
}

export function keuze(verplicht: boolean, ...opties: ElementDecl[]): KeuzeDecl {
  return { soort: 'keuze', verplicht, opties };
}

export function reeks(naam: string | undefined, ...deeltjes: Deeltje[]): SamengesteldType {
  return naam === undefined ? { soort: 'samengesteld', deeltjes } : { soort: 'samengesteld', naam, deeltjes };
}

/** XSD `xs:extension`: the base type's sequence followed by more. */
export function uitbreiding(basis: SamengesteldType, naam: string | undefined, ...extra: Deeltje[]): SamengesteldType {
  return reeks(naam, ...basis.deeltjes, ...extra);
}

export function eenvoudig(basis: Basistype, opties: Omit<EenvoudigType, 'soort' | 'basis'> = {}): EenvoudigType {
  return { soort: 'eenvoudig', basis, ...opties };
}

export function isHerhaalbaar(aantal: Aantal): boolean {
  return aantal === '*' || aantal === '+';
}

export function isVerplicht(aantal: Aantal): boolean {
  return aantal === '1' || aantal === '+';
}

export interface KindInfo {
  readonly decl: ElementDecl;
  /** Set when the element is an option of a choice. */
  readonly keuze?: KeuzeDecl;
}

const kindCache = new WeakMap<SamengesteldType, ReadonlyMap<string, KindInfo>>();

/** The element declarations of a complex type by name, choices flattened. */
export function kinderenVanType(type: SamengesteldType): ReadonlyMap<string, KindInfo> {
  let kaart = kindCache.get(type);
  if (kaart === undefined) {
    const m = new Map<string, KindInfo>();
    for (const d of type.deeltjes) {
      if (d.soort === 'element') m.set(d.naam, { decl: d });
      else for (const o of d.opties) m.set(o.naam, { decl: o, keuze: d });
    }
    kaart = m;
    kindCache.set(type, kaart);
  }
  return kaart;
}

/** The element declarations of a complex type in schema order, choices flattened. */
export function elementenInVolgorde(type: SamengesteldType): readonly ElementDecl[] {
  return [...kinderenVanType(type).values()].map((k) => k.decl);
}
