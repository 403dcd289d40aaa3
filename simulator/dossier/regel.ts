/*
 * A content rule: a small named check that carries its official id, in the manner of the official XSLT validators —
 * it looks at the dossier's element tree (so it judges what is there, valid structure or not) and reports at the
 * element the official validator reports at. The rules of a release live in its version folder.
 */
import type { Finding, Severity } from './finding.ts';
import { kinderenVan, kindVan, padVan, tekstknopen, type XmlDocument, type XmlElement } from './xml-reader.ts';
import { leesXsdBoolean } from './xsd-waarden.ts';

/**
 * Which official validator a rule belongs to: the generic one (OG, OS.cat, run for every dossier), the transfer-profile
 * one (OVa/OVb, run for overstapdossier and overdrachtbinnenbrin) or the SWV one (PaO, run for swv-dossier); 'harnas'
 * for the harness's own checks.
 */
export type Validator = 'algemeen' | 'OV' | 'PaO' | 'harnas';

export interface Regel {
  /** The official rule id (e.g. `OVa.LL12`); several checks may share one id when the official validator does. */
  readonly id: string;
  /** Every id the check can report (the official validator sometimes gives one check two ids, e.g. OVa/OVb.MD01). */
  readonly ids: readonly string[];
  readonly validator: Validator;
  /** What the rule requires, in Dutch (one line; for docs and listings). */
  readonly titel: string;
  controleer(ctx: RegelContext): void;
}

/** XPath's general comparison `$knopen = (waarden)`: true when any text node equals any of the values. */
export function is(knopen: readonly string[], ...waarden: string[]): boolean {
  return knopen.some((k) => waarden.includes(k));
}

/** A value as a message shows it: the text nodes as read, or 'afwezig'. */
export function toon(knopen: readonly string[]): string {
  return knopen.length === 0 ? 'afwezig' : knopen.map((k) => `'${k}'`).join(' + ');
}

export function regel(id: string | readonly [string, ...string[]], validator: Validator, titel: string, controleer: (ctx: RegelContext) => void): Regel {
  const ids = typeof id === 'string' ? [id] : id;
  return { id: ids[0], ids, validator, titel, controleer };
}

/** What a rule can see of a dossier, with XPath-like helpers in the dossier's namespace. */
export class RegelContext {
  readonly findings: Finding[] = [];
  readonly dossier: XmlElement;
  readonly metadata: XmlElement | undefined;
  readonly school: XmlElement | undefined;
  readonly leerling: XmlElement | undefined;
  readonly inzage: XmlElement | undefined;
  /**
   * `//overdrachtsoort/text()` as the official validators read it: every text node of every overdrachtsoort, exact
   * text. Their comparisons (`$typeDocument='swv-dossier'`) hold when any node equals the value, so a comment inside
   * the value splits it into nodes that match nothing. Compare with `is`.
   */
  readonly typeDocument: readonly string[];
  /** `//metadata/overstap/text()` (text nodes, exact text). */
  readonly typeOverstap: readonly string[];
  /** `//huidigeschool/soort/text()` (text nodes, exact text). */
  readonly soortSchool: readonly string[];

  constructor(
    readonly doc: XmlDocument,
    readonly ns: string,
  ) {
    this.dossier = doc.wortel;
    this.metadata = this.kind(this.dossier, 'metadata');
    this.school = this.kind(this.dossier, 'huidigeschool');
    this.leerling = this.kind(this.school, 'leerling');
    this.inzage = this.kind(this.dossier, 'inzage');
    this.typeDocument = this.alle('overdrachtsoort').flatMap(tekstknopen);
    this.typeOverstap = this.alle('overstap').filter((e) => e.ouder?.naam === 'metadata').flatMap(tekstknopen);
    this.soortSchool = this.alle('soort').filter((e) => e.ouder?.naam === 'huidigeschool').flatMap(tekstknopen);
  }

  #alle = new Map<string, readonly XmlElement[]>();

  /** Every element with this local name in the dossier's namespace, in document order (`//od:naam`). */
  alle(naam: string): readonly XmlElement[] {
    let lijst = this.#alle.get(naam);
    if (lijst === undefined) {
      lijst = (this.doc.index.get(naam) ?? []).filter((e) => e.ns === this.ns);
      this.#alle.set(naam, lijst);
    }
    return lijst;
  }

  kind(ouder: XmlElement | undefined, naam: string): XmlElement | undefined {
    return kindVan(ouder, naam, this.ns);
  }

  kinderen(ouder: XmlElement | undefined, naam: string): XmlElement[] {
    return ouder === undefined ? [] : kinderenVan(ouder, naam, this.ns);
  }

  heeft(ouder: XmlElement | undefined, naam: string): boolean {
    return this.kind(ouder, naam) !== undefined;
  }

  /** `xs:boolean(od:naam)`: true only for a present child reading `true` or `1`. */
  waar(ouder: XmlElement | undefined, naam: string): boolean {
    const e = this.kind(ouder, naam);
    return e !== undefined && leesXsdBoolean(e.tekst) === true;
  }

  /** The exact text of the first child with this name (`xs:string(od:naam)`), or undefined. */
  tekst(ouder: XmlElement | undefined, naam: string): string | undefined {
    return this.kind(ouder, naam)?.tekst;
  }

  meld(rule: string, severity: Severity, waar: XmlElement | string, message: string): void {
    this.findings.push({ rule, severity, path: typeof waar === 'string' ? waar : padVan(waar), message });
  }

  fout(rule: string, waar: XmlElement | string, message: string): void {
    this.meld(rule, 'error', waar, message);
  }

  waarschuwing(rule: string, waar: XmlElement | string, message: string): void {
    this.meld(rule, 'warning', waar, message);
  }
}
