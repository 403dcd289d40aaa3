/*
 * The structure checks that judge the element tree itself rather than the typed object (structure.ts), because the
 * official toolchain reads them there:
 *
 * - Element order. The XSD's xs:sequence fixes the order of an element's children; the official validator (xmllint
 *   with the XSD) rejects a dossier whose children are out of order, so a bron that writes them out of order fails in
 *   production. Finding XSD.volgorde at the misplaced element, naming what the schema expects at that place.
 * - Code lists. The official XSLT checks them per element as `not(text()='01') and …`: each text node on its own. A
 *   comment inside a value splits it into nodes that match nothing (`PO<!-- -->VO` is not POVO), and an element that
 *   occurs twice is checked occurrence by occurrence — never on the joined values.
 *
 * One walk over the tree, guided by the release's structure; unknown elements, other namespaces and surplus
 * occurrences are left to the typed-object check, which reports them once.
 */
import type { Finding } from './finding.ts';
import { isHerhaalbaar, isVerplicht, type Codelijst, type ElementDecl, type SamengesteldType } from './schema-model.ts';
import { padVan, tekstknopen, type XmlElement } from './xml-reader.ts';

interface Plek {
  /** Index of the particle (element or choice) in the sequence; the options of a choice share one. */
  readonly positie: number;
  readonly decl: ElementDecl;
}

interface Reeks {
  readonly plekken: ReadonlyMap<string, Plek>;
  /** The element names of each particle, in schema order (a choice: its options). */
  readonly namen: readonly (readonly string[])[];
  /** Per particle: must it occur (an element `1`/`+`, a required choice)? */
  readonly verplicht: readonly boolean[];
  /** Per particle: may it repeat? */
  readonly herhaalbaar: readonly boolean[];
  /** The last required particle (-1 if none): a repeating sequence starts a new group only after it. */
  readonly laatsteVerplicht: number;
}

const reeksCache = new WeakMap<SamengesteldType, Reeks>();

function reeksVan(type: SamengesteldType): Reeks {
  let r = reeksCache.get(type);
  if (r !== undefined) return r;
  const plekken = new Map<string, Plek>();
  const namen: string[][] = [];
  const verplicht: boolean[] = [];
  const herhaalbaar: boolean[] = [];
  type.deeltjes.forEach((d, positie) => {
    const decls = d.soort === 'element' ? [d] : d.opties;
    for (const decl of decls) plekken.set(decl.naam, { positie, decl });
    namen.push(decls.map((e) => e.naam));
    verplicht.push(d.soort === 'element' ? isVerplicht(d.aantal) : d.verplicht);
    herhaalbaar.push(decls.some((e) => isHerhaalbaar(e.aantal)));
  });
  r = { plekken, namen, verplicht, herhaalbaar, laatsteVerplicht: verplicht.lastIndexOf(true) };
  reeksCache.set(type, r);
  return r;
}

/** What XSD allows after particle `na`: the particle again when it repeats, then each next one up to the first required. */
function verwachtNa(r: Reeks, na: number): { namen: string[]; eindeMag: boolean } {
  const namen = r.herhaalbaar[na] ? [...r.namen[na]!] : [];
  for (let i = na + 1; i < r.namen.length; i++) {
    namen.push(...r.namen[i]!);
    if (r.verplicht[i]) return { namen, eindeMag: false };
  }
  return { namen, eindeMag: true };
}

/** `<a>, <b> of <c>`; a long list is cut after seven names, and the end of the parent is named when it may come. */
function opsomming(namen: readonly string[], einde: string | undefined): string {
  const delen = namen.length > 8 ? [...namen.slice(0, 7).map((n) => `<${n}>`), `een van de ${namen.length - 7} elementen daarna`] : namen.map((n) => `<${n}>`);
  if (einde !== undefined) delen.push(einde);
  return delen.length <= 1 ? (delen[0] ?? '') : `${delen.slice(0, -1).join(', ')} of ${delen[delen.length - 1]}`;
}

function volgordeBevinding(ouder: XmlElement, kind: XmlElement, vorige: XmlElement, r: Reeks, vorigePositie: number): Finding {
  const { namen, eindeMag } = verwachtNa(r, vorigePositie);
  const verwacht = opsomming(namen, eindeMag ? `het einde van <${ouder.naam}>` : undefined);
  return {
    rule: 'XSD.volgorde',
    severity: 'error',
    path: padVan(kind),
    message:
      `<${kind.naam}> staat op de verkeerde plek in <${ouder.naam}>: het schema (xs:sequence) zet <${kind.naam}> vóór <${vorige.naam}>, ` +
      `maar hier staat het erna. Na <${vorige.naam}> verwacht het schema op deze plek ${verwacht}.`,
  };
}

function codelijstBevinding(e: XmlElement, lijst: Codelijst): Finding {
  const knopen = tekstknopen(e);
  const waarde = knopen.length > 1 ? `${knopen.map((k) => `'${k}'`).join(' en ')} (door commentaar in stukken gedeeld)` : `'${e.tekst}'`;
  return {
    rule: `CODELIJST.${lijst.nummer}`,
    severity: 'error',
    path: padVan(e),
    message: `<${e.naam}> heeft waarde ${waarde}, die niet voorkomt in codelijst ${lijst.nummer}; toegestaan: ${lijst.waarden.join(', ')}.`,
  };
}

/** XSD.volgorde and CODELIJST.n findings for the tree below `wortel` (of complex type `type`, children in `ns`). */
export function controleerBoom(wortel: XmlElement, type: SamengesteldType, ns: string): Finding[] {
  const uit: Finding[] = [];
  const bezoek = (e: XmlElement, t: SamengesteldType): void => {
    const r = reeksVan(t);
    let hoogste = -1;
    let vorige: XmlElement | undefined;
    let gezien = new Set<string>();
    // Like the XSD validator, one order finding per parent: after the first misplaced child the rest is not judged.
    let misplaatst = false;
    for (const k of e.kinderen) {
      const plek = k.ns === ns ? r.plekken.get(k.naam) : undefined;
      if (plek === undefined) continue;
      const { positie, decl } = plek;
      if (misplaatst) {
        // judged no further
      } else if (t.herhaaldeReeks === true && positie === 0 && hoogste >= 0) {
        // A repeating sequence (naam–onderdeel*–score+): its first element begins the next group, once this one is complete.
        if (hoogste >= r.laatsteVerplicht) {
          hoogste = 0;
          vorige = k;
          gezien = new Set([k.naam]);
        } else {
          uit.push(volgordeBevinding(e, k, vorige!, r, hoogste));
          misplaatst = true;
        }
      } else if (gezien.has(k.naam) && !isHerhaalbaar(decl.aantal)) {
        // A surplus occurrence of a once-only element: the typed-object check's XSD.te-vaak, reported once.
      } else if (positie >= hoogste) {
        hoogste = positie;
        vorige = k;
        gezien.add(k.naam);
      } else {
        uit.push(volgordeBevinding(e, k, vorige!, r, hoogste));
        misplaatst = true;
      }
      if (decl.type.soort === 'samengesteld') {
        bezoek(k, decl.type);
      } else if (decl.type.codelijst !== undefined && k.kinderen.length === 0) {
        const lijst = decl.type.codelijst;
        if (!tekstknopen(k).some((w) => lijst.waarden.includes(w))) uit.push(codelijstBevinding(k, lijst));
      }
    }
  };
  bezoek(wortel, type);
  return uit;
}
