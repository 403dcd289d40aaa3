// Reads the key facts of a received dossier: which release it claims, which profile, which school and pupil.
// A dossier comes from a system under test, so the reader is defensive: it refuses entity declarations outright
// (never expands them — billion laughs), refuses what is not well-formed XML, and accepts any namespace prefix,
// matching elements by namespace URI + local name. Content rules are the validator's job, not the reader's.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Pgn } from './pgn.ts';

export interface DossierKern {
  namespace: string;
  standaardversie: string;
  validatieversie: string;
  overdrachtsoort: string;
  overstap?: string;
  school: { brincode: string; naam: string };
  leerling: { pgn?: Pgn; achternaam: string; voornaam?: string; geboortedatum?: string; leerlingid?: string };
}

/** Why a dossier could not be read; stable, so reports and the validator can cite it. */
export type DossierLeesfoutReden =
  | 'doctype'
  | 'niet-welgevormd'
  | 'verkeerd-root-element'
  | 'element-ontbreekt'
  | 'element-meervoudig';

export class DossierLeesfout extends Error {
  override readonly name = 'DossierLeesfout';
  constructor(
    readonly reden: DossierLeesfoutReden,
    message: string,
  ) {
    super(message);
  }
}

/** An element after namespace resolution. */
interface Element {
  namespace: string;
  naam: string;
  kinderen: Element[];
  tekst: string;
}

// Far deeper than any dossier (about ten levels); stops a hostile nesting from exhausting the stack.
const maximaleDiepte = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep every value a string: "003389261" must keep its leading zeros.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entity references are decoded below, strictly: the five XML ones and character references, nothing else.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const nietInXml10 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const xmlEntiteiten: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function nietWelgevormd(detail: string): DossierLeesfout {
  return new DossierLeesfout('niet-welgevormd', `Dossier is geen welgevormde XML: ${detail}`);
}

/** Decodes entity and character references; anything else after an `&` is not well-formed without a DTD. */
function decodeer(ruw: string): string {
  return ruw.replace(/&([^;&<]*);|&/g, (gevonden, ref: string | undefined) => {
    if (ref === undefined) throw nietWelgevormd(`losse '&' zonder entiteitsnaam (schrijf '&amp;')`);
    const teken = /^#x([0-9a-fA-F]{1,6})$/.exec(ref)?.[1] ?? /^#([0-9]{1,7})$/.exec(ref)?.[1];
    if (teken !== undefined) {
      const codepunt = Number.parseInt(teken, ref.startsWith('#x') ? 16 : 10);
      const tekst = codepunt <= 0x10ffff ? String.fromCodePoint(codepunt) : undefined;
      if (tekst === undefined || nietInXml10.test(tekst)) {
        throw nietWelgevormd(`tekenreferentie ${gevonden} verwijst naar een teken dat XML 1.0 niet toestaat`);
      }
      return tekst;
    }
    const vervanging = xmlEntiteiten[ref];
    if (vervanging === undefined) {
      throw nietWelgevormd(`onbekende entiteit ${gevonden} (alleen &lt; &gt; &amp; &apos; &quot; en tekenreferenties zijn toegestaan)`);
    }
    return vervanging;
  });
}

type OrderedKnoop = Record<string, unknown>;

function alsKnopen(waarde: unknown): OrderedKnoop[] {
  return Array.isArray(waarde) ? (waarde as OrderedKnoop[]) : [];
}

function tagVan(knoop: OrderedKnoop): string | undefined {
  return Object.keys(knoop).find((k) => k !== ':@');
}

/** Turns fast-xml-parser's ordered output into elements with resolved namespaces. */
function bouwElement(knoop: OrderedKnoop, tag: string, bovenliggend: ReadonlyMap<string, string>, diepte: number): Element {
  if (diepte > maximaleDiepte) throw nietWelgevormd(`elementen dieper genest dan ${maximaleDiepte} niveaus`);
  const attributen = (knoop[':@'] ?? {}) as Record<string, string>;
  const bereik = new Map(bovenliggend);
  for (const [naam, waarde] of Object.entries(attributen)) {
    if (/[<]/.test(waarde)) throw nietWelgevormd(`'<' in de waarde van attribuut ${naam} op <${tag}>`);
    if (naam === 'xmlns') bereik.set('', decodeer(waarde));
    else if (naam.startsWith('xmlns:')) bereik.set(naam.slice('xmlns:'.length), decodeer(waarde));
    else decodeer(waarde); // only to refuse malformed references; other attributes carry nothing the kern needs
  }
  const dubbelepunt = tag.indexOf(':');
  const prefix = dubbelepunt < 0 ? '' : tag.slice(0, dubbelepunt);
  const namespace = bereik.get(prefix);
  if (namespace === undefined && prefix !== '') {
    throw nietWelgevormd(`namespace-prefix '${prefix}' van <${tag}> is nergens gedeclareerd`);
  }
  const element: Element = { namespace: namespace ?? '', naam: tag.slice(dubbelepunt + 1), kinderen: [], tekst: '' };
  for (const kind of alsKnopen(knoop[tag])) {
    const kindTag = tagVan(kind);
    if (kindTag === undefined) continue;
    if (kindTag === '#text') element.tekst += decodeer(String(kind[kindTag]));
    else if (kindTag === '#cdata') {
      for (const stuk of alsKnopen(kind[kindTag])) element.tekst += String(stuk['#text'] ?? '');
    } else if (!kindTag.startsWith('?') && !kindTag.startsWith('!')) {
      element.kinderen.push(bouwElement(kind, kindTag, bereik, diepte + 1));
    }
  }
  return element;
}

function controleerWelgevormd(xml: string): void {
  // A DTD is where entity bombs and external entities live; an OSO dossier never needs one, so any is refused.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new DossierLeesfout('doctype', 'Dossier bevat een DOCTYPE; entiteiten worden niet verwerkt');
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new DossierLeesfout('doctype', 'Dossier bevat een ENTITY-declaratie; entiteiten worden niet verwerkt');
  }
  const uitslag = XMLValidator.validate(xml);
  if (uitslag !== true) {
    const { msg, line, col } = uitslag.err;
    throw nietWelgevormd(`${msg} (regel ${line}${col === undefined ? '' : `, kolom ${col}`})`);
  }
  // fast-xml-parser's validator lets these through; XML 1.0 does not.
  const teken = nietInXml10.exec(xml);
  if (teken) {
    const code = teken[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw nietWelgevormd(`teken U+${code} op positie ${teken.index} is in XML 1.0 niet toegestaan`);
  }
}

function parse(xml: string): Element {
  let knopen: OrderedKnoop[];
  try {
    knopen = alsKnopen(parser.parse(xml));
  } catch (fout) {
    throw nietWelgevormd(fout instanceof Error ? fout.message : String(fout));
  }
  const elementen = knopen.flatMap((k) => {
    const tag = tagVan(k);
    return tag === undefined || tag.startsWith('?') || tag.startsWith('#') ? [] : [{ knoop: k, tag }];
  });
  const [wortel, ...rest] = elementen;
  if (wortel === undefined) throw nietWelgevormd('geen root-element gevonden');
  if (rest.length > 0) throw nietWelgevormd('meer dan één root-element');
  return bouwElement(wortel.knoop, wortel.tag, new Map(), 0);
}

/** Reads a dossier's elements in its own namespace, reporting paths from the root for the vendor. */
class DossierLezer {
  constructor(private readonly namespace: string) {}

  kinderen(ouder: Element, naam: string): Element[] {
    return ouder.kinderen.filter((k) => k.naam === naam && k.namespace === this.namespace);
  }

  optioneel(ouder: Element, naam: string, pad: string): Element | undefined {
    const gevonden = this.kinderen(ouder, naam);
    if (gevonden.length > 1) {
      throw new DossierLeesfout(
        'element-meervoudig',
        `Dossier bevat ${gevonden.length} keer ${pad}/${naam}; precies één verwacht`,
      );
    }
    return gevonden[0];
  }

  verplicht(ouder: Element, naam: string, pad: string): Element {
    const gevonden = this.optioneel(ouder, naam, pad);
    if (gevonden === undefined) {
      throw new DossierLeesfout(
        'element-ontbreekt',
        `Dossier mist het verplichte element ${pad}/${naam} (namespace ${this.namespace || '(geen)'})`,
      );
    }
    return gevonden;
  }

  tekst(ouder: Element, naam: string, pad: string): string {
    return this.verplicht(ouder, naam, pad).tekst.trim();
  }

  optioneleTekst(ouder: Element, naam: string, pad: string): string | undefined {
    return this.optioneel(ouder, naam, pad)?.tekst.trim();
  }
}

function leesPgn(lezer: DossierLezer, leerling: Element, pad: string): Pgn | undefined {
  const bsn = lezer.optioneleTekst(leerling, 'bsn', pad);
  const onderwijsnummer = lezer.optioneleTekst(leerling, 'onderwijsnummer', pad);
  if (bsn !== undefined && onderwijsnummer !== undefined) {
    // The schema makes them a choice; guessing which one identifies the pupil could mix up two pupils' files.
    throw new DossierLeesfout(
      'element-meervoudig',
      `Dossier bevat zowel ${pad}/bsn als ${pad}/onderwijsnummer; het schema staat er één van toe`,
    );
  }
  if (bsn !== undefined) return { soort: 'bsn', waarde: bsn };
  if (onderwijsnummer !== undefined) return { soort: 'onderwijsnummer', waarde: onderwijsnummer };
  return undefined;
}

/**
 * The key facts of a dossier. Throws DossierLeesfout for a DOCTYPE or ENTITY declaration, XML that is not
 * well-formed, a root element other than `dossier`, or a missing or repeated element the kern needs.
 * Check digits, versions and code lists are not judged here.
 */
export function readDossier(xml: string): DossierKern {
  const tekst = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  controleerWelgevormd(tekst);
  const wortel = parse(tekst);
  if (wortel.naam !== 'dossier') {
    throw new DossierLeesfout(
      'verkeerd-root-element',
      `Root-element is <${wortel.naam}>, verwacht <dossier> (namespace ${wortel.namespace || '(geen)'})`,
    );
  }
  const lezer = new DossierLezer(wortel.namespace);
  const metadata = lezer.verplicht(wortel, 'metadata', '/dossier');
  const school = lezer.verplicht(wortel, 'huidigeschool', '/dossier');
  const leerling = lezer.verplicht(school, 'leerling', '/dossier/huidigeschool');
  const leerlingPad = '/dossier/huidigeschool/leerling';

  const kern: DossierKern = {
    namespace: wortel.namespace,
    standaardversie: lezer.tekst(metadata, 'standaardversie', '/dossier/metadata'),
    validatieversie: lezer.tekst(metadata, 'validatieversie', '/dossier/metadata'),
    overdrachtsoort: lezer.tekst(wortel, 'overdrachtsoort', '/dossier'),
    school: {
      brincode: lezer.tekst(school, 'brincode', '/dossier/huidigeschool'),
      naam: lezer.tekst(school, 'naam', '/dossier/huidigeschool'),
    },
    leerling: { achternaam: lezer.tekst(leerling, 'achternaam', leerlingPad) },
  };
  const overstap = lezer.optioneleTekst(metadata, 'overstap', '/dossier/metadata');
  if (overstap !== undefined) kern.overstap = overstap;
  const pgn = leesPgn(lezer, leerling, leerlingPad);
  if (pgn !== undefined) kern.leerling.pgn = pgn;
  // voornaam may repeat in the schema; the kern carries the first.
  const voornaam = lezer.kinderen(leerling, 'voornaam')[0]?.tekst.trim();
  if (voornaam !== undefined) kern.leerling.voornaam = voornaam;
  const geboortedatum = lezer.optioneleTekst(leerling, 'geboortedatum', leerlingPad);
  if (geboortedatum !== undefined) kern.leerling.geboortedatum = geboortedatum;
  const leerlingid = lezer.optioneleTekst(leerling, 'leerlingid', leerlingPad);
  if (leerlingid !== undefined) kern.leerling.leerlingid = leerlingid;
  return kern;
}
