// What the codes of gegevensset 2019.1 mean, in the words a parent reads on the printed dossier. Only meanings the
// public record states (docs/oso-gegevensset-2019.1.md, "Code lists") or that the value itself spells out are listed;
// a code without a meaning here prints as "code X uit codelijst N (naam)", never as a bare value.
import { codelijsten2019 as cl } from './codelijsten.ts';

const jaargroepen: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 9 }, (_, n) => [String(n), `groep ${n}`])),
  // 11..16: the years of secondary education.
  ...Object.fromEntries(Array.from({ length: 6 }, (_, n) => [String(11 + n), `leerjaar ${n + 1} (voortgezet onderwijs)`])),
};

const overstappen: Record<string, string> = {
  POPO: 'van basisschool naar basisschool',
  POVO: 'van primair naar voortgezet onderwijs',
  VOVO: 'van school naar school in het voortgezet onderwijs',
  VOMBO: 'van voortgezet onderwijs naar mbo',
  VOHBO: 'van voortgezet onderwijs naar hbo',
  VOWO: 'van voortgezet onderwijs naar universiteit',
  POWEC: 'van primair naar speciaal onderwijs',
  WECWEC: 'binnen het speciaal onderwijs',
  WECVO: 'van speciaal naar voortgezet onderwijs',
  WECMBO: 'van speciaal onderwijs naar mbo',
  WECHBO: 'van speciaal onderwijs naar hbo',
  WECWO: 'van speciaal onderwijs naar universiteit',
  POSWV: 'van primair onderwijs naar het samenwerkingsverband',
  VOSWV: 'van voortgezet onderwijs naar het samenwerkingsverband',
  OVERIG: 'overig',
};

// List 23 holds ICD-10 codes (their public meaning) and a few OSO additions; the additions whose meaning the record does
// not state are left to the fallback.
const diagnoses: Record<string, string> = {
  HB: 'hoogbegaafdheid',
  F80: 'spraak- en taalontwikkelingsstoornis',
  'F81.0': 'specifieke leesstoornis (dyslexie)',
  'F81.1': 'specifieke spellingstoornis',
  'F81.2': 'specifieke rekenstoornis (dyscalculie)',
  'F81.9': 'leerstoornis, niet nader omschreven',
  F82: 'specifieke ontwikkelingsstoornis van de motoriek',
  F84: 'pervasieve ontwikkelingsstoornis (autismespectrum)',
  'F84.0': 'autisme',
  'F84.2': 'syndroom van Rett',
  'F84.5': 'syndroom van Asperger',
  'F84.mcdd': 'multiple complex developmental disorder (MCDD)',
  F90: 'hyperkinetische stoornis (ADHD)',
  'F90.0': 'stoornis van activiteit en aandacht (ADHD)',
  F91: 'gedragsstoornis',
  'F91.3': 'oppositioneel-opstandige gedragsstoornis',
  F95: 'ticstoornis',
  'F95.2': 'syndroom van Gilles de la Tourette',
  'F41.0': 'paniekstoornis',
  'F43.1': 'posttraumatische stressstoornis',
  'F43.2': 'aanpassingsstoornis',
  F50: 'eetstoornis',
  'F92.0': 'depressieve gedragsstoornis',
  'F93.1': 'fobische angststoornis op de kinderleeftijd',
  F94: 'stoornis in het sociaal functioneren',
  G40: 'epilepsie',
  'H54.0': 'blindheid',
  'H54.2': 'slechtziendheid',
  'H91.9.d': 'doofheid',
  'H91.9.s': 'slechthorendheid',
  Z62: 'problemen in verband met de opvoeding',
};

/** Meanings by code-list number. */
export const codebetekenissen2019: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  [cl.communicatieSoort.nummer]: { telefoon: 'telefoon', 'e-mail': 'e-mail' },
  [cl.communicatieAanduiding.nummer]: { werk: 'werk', prive: 'privé', overig: 'overig' },
  [cl.jaargroep.nummer]: jaargroepen,
  [cl.geslacht.nummer]: { '0': 'onbekend', '1': 'vrouw', '2': 'man' },
  [cl.gewicht.nummer]: { '0.00': 'geen extra gewicht', '0.30': '0,3', '1.20': '1,2' },
  [cl.overstap.nummer]: overstappen,
  [cl.rvcIndicatie.nummer]: { LWOO: 'leerwegondersteunend onderwijs', PRO: 'praktijkonderwijs' },
  [cl.huisnummerAanduiding.nummer]: { TO: 'tegenover', BY: 'bij' },
  [cl.soortAdres.nummer]: { bezoek: 'bezoekadres', post: 'postadres', gba: 'woonadres (basisregistratie personen)' },
  [cl.profiel.nummer]: { basis: 'basis', plus: 'plus', bespreek: 'bespreek', disharmonisch: 'disharmonisch', ondersteuning: 'ondersteuning' },
  [cl.overdrachtsoort.nummer]: {
    overstapdossier: 'overstapdossier naar een andere school',
    overdrachtbinnenbrin: 'overdracht binnen dezelfde school (BRIN)',
    'swv-dossier': 'dossier voor het samenwerkingsverband',
  },
  [cl.diagnose.nummer]: diagnoses,
  [cl.tlvCategorie.nummer]: { H: 'hoog', M: 'midden', L: 'laag', Nvt: 'niet van toepassing' },
  [cl.deeldossier.nummer]: { LAS: 'leerlingadministratie', LVS: 'leerlingvolgsysteem', LASLVS: 'leerlingadministratie en leerlingvolgsysteem' },
  [cl.examenuitslag.nummer]: { geslaagd: 'geslaagd', afgewezen: 'afgewezen', herexamen: 'herexamen' },
  [cl.beoordelingExamenvak.nummer]: { voldoende: 'voldoende', onvoldoende: 'onvoldoende' },
  [cl.akkoord.nummer]: { Ja: 'ja', Nee: 'nee', Onbekend: 'onbekend' },
  [cl.relatieTotKind.nummer]: { '1': 'vader', '2': 'moeder', '3': 'voogd' },
  [cl.wettelijkeOntheffing.nummer]: { J: 'ja', N: 'nee' },
  [cl.eindtoetsOnderdeel.nummer]: { '8000': 'taal', '8001': 'rekenen' },
  [cl.eindtoetsDomein.nummer]: { '8050': 'lezen', '8051': 'taalverzorging' },
  [cl.categorieUitlevering.nummer]: { VERPLICHT: 'verplicht', OPTIONEEL: 'optioneel', VERBODEN: 'verboden', 'OPT-UIT': 'niet meegegeven (opt-out)' },
};
