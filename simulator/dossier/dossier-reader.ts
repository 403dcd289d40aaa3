// Reads the key facts of a received dossier: which release it claims, which profile, which school and pupil — the
// identity checks a doel and the qualification steps need, without judging the content (that is validator.ts).
// The XML reader refuses DOCTYPE/ENTITY declarations outright (never expands them) and what is not well-formed, and
// matches elements by namespace URI + local name, whatever the prefix.
import { DossierLeesfout } from './leesfout.ts';
import type { Pgn } from './pgn.ts';
import { kinderenVan, parseXml, type XmlDocument, type XmlElement } from './xml-reader.ts';

export { DossierLeesfout, type DossierLeesfoutReden } from './leesfout.ts';

export interface DossierKern {
  namespace: string;
  standaardversie: string;
  validatieversie: string;
  overdrachtsoort: string;
  overstap?: string;
  school: { brincode: string; naam: string };
  leerling: { pgn?: Pgn; achternaam: string; voornaam?: string; geboortedatum?: string; leerlingid?: string };
}

/** Reads a dossier's elements in its own namespace, reporting paths from the root for the vendor. */
class DossierLezer {
  constructor(private readonly namespace: string) {}

  kinderen(ouder: XmlElement, naam: string): XmlElement[] {
    return kinderenVan(ouder, naam, this.namespace);
  }

  optioneel(ouder: XmlElement, naam: string, pad: string): XmlElement | undefined {
    const gevonden = this.kinderen(ouder, naam);
    if (gevonden.length > 1) {
      throw new DossierLeesfout('element-meervoudig', `Dossier bevat ${gevonden.length} keer ${pad}/${naam}; precies één verwacht`);
    }
    return gevonden[0];
  }

  verplicht(ouder: XmlElement, naam: string, pad: string): XmlElement {
    const gevonden = this.optioneel(ouder, naam, pad);
    if (gevonden === undefined) {
      throw new DossierLeesfout('element-ontbreekt', `Dossier mist het verplichte element ${pad}/${naam} (namespace ${this.namespace || '(geen)'})`);
    }
    return gevonden;
  }

  tekst(ouder: XmlElement, naam: string, pad: string): string {
    return this.verplicht(ouder, naam, pad).tekst.trim();
  }

  optioneleTekst(ouder: XmlElement, naam: string, pad: string): string | undefined {
    return this.optioneel(ouder, naam, pad)?.tekst.trim();
  }
}

function leesPgn(lezer: DossierLezer, leerling: XmlElement, pad: string): Pgn | undefined {
  const bsn = lezer.optioneleTekst(leerling, 'bsn', pad);
  const onderwijsnummer = lezer.optioneleTekst(leerling, 'onderwijsnummer', pad);
  if (bsn !== undefined && onderwijsnummer !== undefined) {
    // The schema makes them a choice; guessing which one identifies the pupil could mix up two pupils' files.
    throw new DossierLeesfout('element-meervoudig', `Dossier bevat zowel ${pad}/bsn als ${pad}/onderwijsnummer; het schema staat er één van toe`);
  }
  if (bsn !== undefined) return { soort: 'bsn', waarde: bsn };
  if (onderwijsnummer !== undefined) return { soort: 'onderwijsnummer', waarde: onderwijsnummer };
  return undefined;
}

/** The document's root element when it is a `dossier` (any namespace); DossierLeesfout('verkeerd-root-element') otherwise. */
export function dossierWortel(doc: XmlDocument): XmlElement {
  const wortel = doc.wortel;
  if (wortel.naam !== 'dossier') {
    throw new DossierLeesfout('verkeerd-root-element', `Root-element is <${wortel.naam}>, verwacht <dossier> (namespace ${wortel.ns || '(geen)'})`);
  }
  return wortel;
}

/**
 * The key facts of a dossier. Throws DossierLeesfout for a DOCTYPE or ENTITY declaration, XML that is not
 * well-formed, a root element other than `dossier`, or a missing or repeated element the kern needs.
 * Check digits, versions and code lists are not judged here.
 */
export function readDossier(xml: string): DossierKern {
  return kernVan(parseXml(xml));
}

/**
 * The key facts of a dossier already read with parseXml (so that a caller that also validates it reads it once).
 * Throws DossierLeesfout for a root element other than `dossier`, or a missing or repeated element the kern needs.
 */
export function kernVan(doc: XmlDocument): DossierKern {
  const wortel = dossierWortel(doc);
  const lezer = new DossierLezer(wortel.ns);
  const metadata = lezer.verplicht(wortel, 'metadata', '/dossier');
  const school = lezer.verplicht(wortel, 'huidigeschool', '/dossier');
  const leerling = lezer.verplicht(school, 'leerling', '/dossier/huidigeschool');
  const leerlingPad = '/dossier/huidigeschool/leerling';

  const kern: DossierKern = {
    namespace: wortel.ns,
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
