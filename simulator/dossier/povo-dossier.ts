/*
 * A minimal POVO overstapdossier of gegevensset 2019.1: the walking-skeleton dossier, valid against the
 * facts in docs/oso-gegevensset-2019.1.md (OVa profile, overstap POVO). The full dossier model replaces it.
 *
 * Provisional element shapes — the gegevensset facts do not give these children; the harness chose them and
 * the full model must check them against the 2019.1 XSD:
 *   - `adres`: straatnaam, huisnummer, postcode, plaatsnaam, in that order (no soortadres, aanduiding or
 *     huisnummertoevoeging written).
 *   - `communicatie`: nummer, soort (list 4), aanduiding (list 5). The names are the ones the older official
 *     validators (2016.1/2017.1) test; the order is ours. A school's telephone gets aanduiding `werk`, a
 *     verzorger's telephone and e-mail get `prive`.
 *   - `verzorger` person data: achternaam, voorletters-1, voorvoegsel, communicatielijst, then relatietotkind
 *     and wettigevertegenwoordiger (documented order from relatietotkind on).
 *   - every `schoolloopbaan` entry carries the current school's brincode and vestigingscode (the Leerling
 *     model keeps no school per year).
 *   - `inzage/inzagedatum` is the dossier's own `datum`.
 */
import { XMLBuilder } from 'fast-xml-parser';
import {
  categorieenUitlevering2019,
  gegevensset2019,
  type CategorieUitlevering2019,
  type Uitlevering,
} from './gegevensset.ts';
import type { Adres, Leerling, Schoolloopbaan, Verzorger } from './leerling.ts';

export interface PovoDossierInvoer {
  leerling: Leerling;
  school: {
    naam: string;
    brincode: string;
    vestigingscode: string;
    aanleverpunt: string;
    adres: Adres;
    telefoon: string;
  };
  /** xs:date (YYYY-MM-DD): `metadata/datum`; passed in because the dossier code never reads a clock. */
  datum: string;
  pakket: { naam: string; versie: string };
}

/** The POVO profile's delivery per category (profile table in the gegevensset facts). */
const povoUitlevering: Record<CategorieUitlevering2019, Uitlevering> = {
  cat_metadata: 'VERPLICHT',
  cat_ouderinzage: 'VERPLICHT',
  cat_school: 'VERPLICHT',
  cat_leerling: 'VERPLICHT',
  cat_oudersverzorgers: 'VERPLICHT',
  cat_vve: 'VERBODEN',
  cat_schoolloopbaan: 'VERPLICHT',
  cat_overstapadvies: 'VERPLICHT',
  cat_onderwijsondersteuning: 'OPTIONEEL',
  cat_verzuim: 'OPTIONEEL',
  cat_eindtoetsbo: 'OPTIONEEL',
  cat_toetsresultaten: 'OPTIONEEL',
  cat_handelingsplannen: 'OPTIONEEL',
  cat_cijferlijsten: 'OPTIONEEL',
  cat_vombo: 'VERBODEN',
  cat_bijlagedocs: 'OPTIONEEL',
};

// fast-xml-parser's ordered form: one key per node (the element name) holding its children, and `#text`
// for text. The ordered form is what makes element order explicit — the schema's sequences depend on it.
type XmlKnoop = { [naam: string]: XmlKnoop[] | string | Record<string, string> };

const xmlBouwer = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  // Escapes & < > ' " in text: names such as "D'Hondt & Zn" must arrive unchanged.
  processEntities: true,
});

// XML 1.0 cannot carry most control characters or unpaired surrogates, not even escaped; refusing them here
// keeps the builder from ever emitting a document a receiving LAS must reject as not well-formed.
const nietInXml10 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function veld(naam: string, waarde: string): XmlKnoop {
  if (nietInXml10.test(waarde)) {
    throw new Error(`Waarde voor <${naam}> bevat een teken dat XML 1.0 niet toestaat: ${JSON.stringify(waarde)}`);
  }
  return { [naam]: [{ '#text': waarde }] };
}

/** Optional text: absent or empty means the element is left out (the schema wants most strings non-empty). */
function optioneelVeld(naam: string, waarde: string | undefined): XmlKnoop | undefined {
  return waarde === undefined || waarde === '' ? undefined : veld(naam, waarde);
}

function waarheidVeld(naam: string, waarde: boolean): XmlKnoop {
  return veld(naam, waarde ? 'true' : 'false');
}

function element(naam: string, ...kinderen: (XmlKnoop | undefined)[]): XmlKnoop {
  return { [naam]: kinderen.filter((k): k is XmlKnoop => k !== undefined) };
}

function metadata(invoer: PovoDossierInvoer): XmlKnoop {
  return element(
    'metadata',
    veld('deeldossier', 'LAS'),
    veld('pakketnaam', invoer.pakket.naam),
    veld('pakketversie', invoer.pakket.versie),
    veld('datum', invoer.datum),
    veld('standaardversie', gegevensset2019.standaardversie),
    veld('validatieversie', gegevensset2019.validatieversie),
    element('categorie_uitlevering', ...categorieenUitlevering2019.map((c) => veld(c, povoUitlevering[c]))),
    veld('overstap', 'POVO'),
  );
}

function inzage(datum: string): XmlKnoop {
  // OVa.IZ01..IZ04: an overstapdossier has been inspected by the parents, with a date and their agreement.
  return element(
    'inzage',
    waarheidVeld('voorlopigdossier', false),
    waarheidVeld('inzage', true),
    veld('inzagedatum', datum),
    veld('akkoord', 'Ja'),
  );
}

function adreslijst(adres: Adres): XmlKnoop {
  return element(
    'adreslijst',
    element(
      'adres',
      veld('straatnaam', adres.straatnaam),
      veld('huisnummer', adres.huisnummer),
      veld('postcode', adres.postcode),
      veld('plaatsnaam', adres.plaatsnaam),
    ),
  );
}

interface Communicatie {
  nummer: string;
  soort: 'telefoon' | 'e-mail';
  aanduiding: 'werk' | 'prive' | 'overig';
}

function communicatielijst(communicaties: Communicatie[]): XmlKnoop | undefined {
  if (communicaties.length === 0) return undefined;
  return element(
    'communicatielijst',
    ...communicaties.map((c) =>
      element('communicatie', veld('nummer', c.nummer), veld('soort', c.soort), veld('aanduiding', c.aanduiding)),
    ),
  );
}

function verzorger(v: Verzorger): XmlKnoop {
  const communicaties: Communicatie[] = [];
  if (v.telefoon) communicaties.push({ nummer: v.telefoon, soort: 'telefoon', aanduiding: 'prive' });
  if (v.email) communicaties.push({ nummer: v.email, soort: 'e-mail', aanduiding: 'prive' });
  return element(
    'verzorger',
    veld('achternaam', v.achternaam),
    veld('voorletters-1', v.voorletters),
    optioneelVeld('voorvoegsel', v.voorvoegsel),
    communicatielijst(communicaties),
    veld('relatietotkind', v.relatietotkind),
    waarheidVeld('wettigevertegenwoordiger', v.wettigevertegenwoordiger),
  );
}

function schoolloopbaan(s: Schoolloopbaan, school: PovoDossierInvoer['school']): XmlKnoop {
  return element(
    'schoolloopbaan',
    veld('schooljaar', s.schooljaar),
    veld('groepscode', s.groepscode),
    veld('jaargroep', s.jaargroep),
    veld('brincode', school.brincode),
    veld('vestigingscode', school.vestigingscode),
  );
}

function leerlingElement(l: Leerling, school: PovoDossierInvoer['school']): XmlKnoop {
  return element(
    'leerling',
    veld('achternaam', l.achternaam),
    veld('voornaam', l.voornaam),
    optioneelVeld('voorvoegsel', l.voorvoegsel),
    optioneelVeld('roepnaam', l.roepnaam),
    veld('geboortedatum', l.geboortedatum),
    veld('geslacht', l.geslacht),
    waarheidVeld('adresgeheim', l.adresgeheim),
    // OVa.LL05/LL06: an address unless it is secret, and none at all when it is.
    l.adresgeheim ? undefined : adreslijst(l.adres),
    veld(l.pgn.soort, l.pgn.waarde),
    veld('leerlingid', l.leerlingid),
    veld('datuminschrijving', l.datuminschrijving),
    waarheidVeld('verzorgersaansprakelijk', true),
    ...l.verzorgers.map(verzorger),
    element('overstapadvies', veld('advies', l.advies), waarheidVeld('contactnodig', false)),
    element('schoolloopbaanlijst', ...l.schoolloopbaan.map((s) => schoolloopbaan(s, school))),
  );
}

function huidigeschool(invoer: PovoDossierInvoer): XmlKnoop {
  const { school } = invoer;
  return element(
    'huidigeschool',
    veld('naam', school.naam),
    veld('brincode', school.brincode),
    veld('vestigingscode', school.vestigingscode),
    veld('aanleverpunt', school.aanleverpunt),
    // OVa.SL01/SL02: the school has an address and a way to be reached.
    adreslijst(school.adres),
    communicatielijst([{ nummer: school.telefoon, soort: 'telefoon', aanduiding: 'werk' }]),
    leerlingElement(invoer.leerling, school),
  );
}

/**
 * The XML text of a POVO overstapdossier (gegevensset 2019.1, default namespace) for one pupil. The input is
 * written as given: check digits, dates and code-list values are the caller's (and the validator's) concern.
 */
export function buildPovoDossier(invoer: PovoDossierInvoer): string {
  const dossier = element(
    'dossier',
    metadata(invoer),
    veld('overdrachtsoort', 'overstapdossier'),
    inzage(invoer.datum),
    huidigeschool(invoer),
  );
  dossier[':@'] = { '@_xmlns': gegevensset2019.namespace };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBouwer.build([dossier]).trim()}\n`;
}
