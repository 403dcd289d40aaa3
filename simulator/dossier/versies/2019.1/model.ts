/*
 * The typed object of a gegevensset 2019.1 dossier, as the codec reads and writes it (schema.ts is the source of the
 * structure; these types mirror it). Every value is the exact text of the element — `'003389261'`, `'true'`,
 * `'2020-03-01'` — so nothing is lost: leading zeros stay, and `'1'` and `'true'` stay what the sender wrote. An element
 * that may repeat is an array (in document order), one that may not is a single value. An element with an attribute is
 * `{ '#text': …, '@omschrijving': … }`.
 */

export interface MetOmschrijving {
  '#text': string;
  '@omschrijving'?: string;
}

export type CategorieNaam =
  | 'cat_metadata'
  | 'cat_ouderinzage'
  | 'cat_school'
  | 'cat_leerling'
  | 'cat_oudersverzorgers'
  | 'cat_vve'
  | 'cat_schoolloopbaan'
  | 'cat_overstapadvies'
  | 'cat_onderwijsondersteuning'
  | 'cat_verzuim'
  | 'cat_eindtoetsbo'
  | 'cat_toetsresultaten'
  | 'cat_handelingsplannen'
  | 'cat_cijferlijsten'
  | 'cat_vombo'
  | 'cat_bijlagedocs';

export type CategorieUitlevering = Record<CategorieNaam, string>;

export interface Metadata {
  deeldossier: string;
  pakketnaam: string;
  pakketversie: string;
  datum: string;
  standaardversie: string;
  validatieversie: string;
  categorie_uitlevering?: CategorieUitlevering;
  overstap?: string;
}

export interface Inzage {
  voorlopigdossier: string;
  inzage?: string;
  inzagedatum?: string;
  akkoord?: string;
  redennietakkoord?: string;
  toestemming?: string;
}

export interface Adres {
  soortadres: string;
  straat: string;
  nummer: string;
  toevoeging?: string;
  aanduiding?: string;
  locatieomschrijving?: string;
  postcode: string;
  plaats: string;
  gemeente?: string;
  land?: MetOmschrijving;
}

export interface Communicatie {
  soort: string;
  aanduiding?: string;
  nummer: string;
  geheim?: string;
  noodnummer?: string;
}

export interface Adreslijst {
  adres: Adres[];
}

export interface Communicatielijst {
  communicatie: Communicatie[];
}

export interface Document {
  bestandsnaam: string;
  omschrijving?: string;
  /** Base64 of a ZIP file holding the attachment. */
  bestandsinhoud: string;
}

export interface Instelling {
  naam: string;
  adreslijst?: Adreslijst;
  communicatielijst?: Communicatielijst;
}

export interface School extends Instelling {
  brincode: string;
  vestigingscode: string;
  aanleverpunt: string;
  soort?: string;
  type?: string;
  naamdirecteur?: string;
  website?: string;
}

export interface Persoon {
  voornaam?: string[];
  'voorletters-1'?: string;
  voorvoegsel?: string;
  achternaam: string;
  roepnaam?: string;
  geslacht?: string;
  adresgeheim?: string;
  adreslijst?: Adreslijst;
  communicatielijst?: Communicatielijst;
}

export interface Verzorger extends Persoon {
  relatietotkind?: string;
  overleden?: string;
  overlijdensdatum?: string;
  wettigevertegenwoordiger: string;
  banknummer?: string;
  iban?: string;
}

export interface Overstapadvies {
  advies?: string;
  wensouders?: string;
  wensleerling?: string;
  herzienadvies?: string;
  motivatie_herzienadvies?: string;
  profiel?: string;
  argumentatie?: string;
  contactnodig?: string;
  contactpersoon?: string;
  contacttelefoon?: string;
  contactemail?: string;
  aandachtspunten?: string;
}

export interface Voorschools {
  codevoorschoolsehistorie?: string;
  codevoorschoolsprogramma: string;
  voorschoolsemaanden: string;
  codevoorschoolsetoeleider?: string;
  codevoorschoolsedeelname?: string;
  voorschoolseaanwezigheid?: string;
}

export interface Vroegschools {
  codevroegschoolsprogramma: string;
  vroegschoolsdatumingang: string;
  vroegschoolseinddatum?: string;
}

export interface Schoolloopbaan {
  schooljaar: string;
  groepscode: string;
  groepsnaam?: string;
  jaargroep: string;
  begindatum?: string;
  einddatum?: string;
  brincode: string;
  vestigingscode: string;
  schoolsoort?: string;
  schooltype?: string;
  voelementcode?: string;
  voelementomschrijving?: string;
  schoolsoortomschrijving?: string;
}

export interface Diagnose {
  code: string[];
  naam?: string;
  datum?: string;
  doorwie?: string;
  instantie?: string;
  document?: Document[];
}

export interface Handelingsplan {
  startdatum: string;
  einddatum?: string;
  isgerichtop: string;
  document?: Document;
}

export interface Opp {
  opp_ingangdatum: string;
  opp_einddatum?: string;
  document?: Document[];
}

export interface Tlv {
  tlvingangdatum: string;
  tlvswvnummer: string;
  tlvcategorie: string;
  tlvbeschikkingsnummer: string;
  tlveinddatum?: string;
  document?: Document;
}

export interface ArrangementCluster12 {
  arrangement_datum: string;
  arrangement_brin?: string;
  arrangement_vestigingscode?: string;
}

export interface ArrangementPao {
  arrangement_datum: string;
  arrangement_kenmerk?: string;
  arrangement_beschikkingsnr?: string;
  arrangement_einddatum?: string;
}

export interface Lwoo {
  lwoo_ingangdatum: string;
  lwoo_swvnummer: string;
  lwoo_beschikkingsnummer: string;
  lwoo_einddatum?: string;
  document?: Document;
}

export interface Rvc {
  centraleproblematiek?: string;
  maatregelen?: string;
  signaleringlwoopro: { deelgenomenaanonderzoek: string; leerachterstand: string; lagescoreeindtoets: string };
  rvcdatum?: string;
  rvcindicatie?: string;
  document?: Document[];
}

export interface Onderwijsondersteuning {
  toelichting_onderwijsbehoeften?: { document: Document };
  diagnose?: Diagnose[];
  medicijngebruik?: string;
  handelingsplan?: Handelingsplan[];
  opp?: Opp;
  tlv?: Tlv[];
  arrangement_cluster12?: ArrangementCluster12[];
  arrangement_pao?: ArrangementPao[];
  lwoo?: Lwoo;
  rvc?: Rvc;
}

export interface Verzuim {
  dagdelengeoorloofd?: string;
  dagdelenongeoorloofd?: string;
  urengeoorloofd?: string;
  urenongeoorloofd?: string;
  meerdan25percent?: string;
  frequentie?: string;
  contactleerplicht?: string;
  rmcmelding?: string;
  documentLijst?: { document: Document[] };
}

export interface EindtoetsDomein {
  domeincode: string;
  domeinomschrijving?: string;
  dom_referentieniveau?: string;
}

export interface EindtoetsOnderdeel {
  onderdeelcode: string;
  onderdeelomschrijving?: string;
  ond_referentieniveau?: string;
  domeinen?: { domein?: EindtoetsDomein[] };
}

export interface Eindtoetsresultaat {
  toetssoort: string;
  toetsniveau: string;
  toetsomschrijving?: string;
  datum_afname: string;
  wettelijke_ontheffing?: string;
  standaardscore?: string;
  toets_advies?: string;
  onderdelen: { onderdeel?: EindtoetsOnderdeel[] };
}

export interface EindtoetsBasisonderwijs {
  eindtoetsresultaat?: Eindtoetsresultaat;
  deelgenomen: string;
  document?: Document[];
}

export interface Toetsscore {
  aantalopgaven?: string;
  aantalgoed?: string;
  aantalfout?: string;
  aantalgelezen?: string;
  tijd?: string;
  vaardigheidsscore?: string;
  codevaardigheidsschaal?: string;
  betrouwbaarheidsinterval?: { bivlaag: string; bivhoog: string };
}

export interface Referentiescore {
  codereferentiescore: string;
  codevergelijkingsgroep: string;
  waarde: string;
  kwalificatie?: string;
}

export interface Resultaat {
  toetsscore?: Toetsscore;
  referentiescore?: Referentiescore[];
  document?: Document;
}

export interface Toets {
  toetsidentificatie: { eldtoetscode: string; leergebied?: string; toetsnaam?: string; toetsversie?: string };
  afname: {
    afnamedatum: string;
    jaargroep?: string;
    dl?: string;
    afgenomendoor?: { naammedewerker: string; functie?: string; werktbijinstelling?: { instelling?: Instelling; school?: School } };
  };
  resultaat: Resultaat;
  toetsonderdeel?: { eldonderdeelcode: string; onderdeelnaam?: string; resultaat: Resultaat }[];
  opmerking?: string;
}

export interface Score {
  waarde?: string;
  kwalificatie?: string;
}

/** One group of the repeating sequence inside `cijferlijstTypelijst`: a name, its parts and its total scores. */
export interface CijferlijstGroep {
  naam: string;
  onderdeel?: { naam: string; score: Score; afnamedatum?: string; jaargroep?: string; periode?: string }[];
  score: Score[];
}

export interface Cijferlijst {
  cijferlijstTypelijst: CijferlijstGroep[];
  afnamedatum?: string;
  jaargroep: string;
  periode?: string;
}

export interface Resultaatvakkenvo {
  vakcode: string;
  vakleergebied?: string;
  afgerond: string;
  datumafgerond?: string;
  examenvak: string;
  beoordelingexamenvak?: string;
  exameneindcijfer?: string;
  cijferce?: string;
  eindcijferse?: string;
  cijferse?: string[];
  rapportcijfer?: string;
  werkstuk?: { werkstuktitel: string; werkstukbeoordeling: string };
}

export interface Leerling {
  voornaam?: string[];
  'voorletters-1'?: string;
  voorvoegsel?: string;
  achternaam: string;
  roepnaam?: string;
  geboortedatum?: string;
  geboortemaand?: string;
  geslacht?: string;
  adresgeheim?: string;
  adreslijst?: Adreslijst;
  postcode4adres?: string;
  communicatielijst?: Communicatielijst;
  gba?: { gbavoornaam: string[]; gbavoorvoegsel?: string; gbaachternaam: string; gbageboortedatum: string };
  adresbuitenland?: string[];
  geboorteplaats?: string;
  nationaliteit?: MetOmschrijving[];
  onderwijsnummer?: string;
  bsn?: string;
  leerlingid?: string;
  onderwijssinds?: string;
  startdatumhuidigonderwijs?: string;
  datuminschrijving?: string;
  datumuitschrijving?: string;
  teruggeplaatstnaarbrin?: string;
  leerlinggewicht?: string;
  nnca?: string;
  tehuis?: string;
  huisarts?: Persoon;
  verzorgersaansprakelijk?: string;
  aansprakelijkeinstelling?: Instelling;
  overstapadvies?: Overstapadvies;
  vanpeuterspeelzaal?: string;
  naampeuterspeelzaal?: string;
  voorschools?: Voorschools;
  vroegschools?: Vroegschools[];
  schoolloopbaanlijst?: { schoolloopbaan: Schoolloopbaan[] };
  onderwijsondersteuning?: Onderwijsondersteuning;
  verzuim?: Verzuim;
  eindtoets_basisonderwijs?: EindtoetsBasisonderwijs;
  toetslijst?: { toets: Toets[] };
  cijferlijstlijst?: { cijferlijst: Cijferlijst[] };
  overigdocumentlijst?: { document: Document[] };
  verzorger?: Verzorger[];
  bevorderd?: { elementcode?: string; leerjaar?: string };
  examenresultaat?: { soortdiploma?: string; examenjaar?: string; datumuitslag?: string; examenuitslag?: string };
  resultaatvakkenvo?: Resultaatvakkenvo[];
  certificaat?: string[];
  competenties?: { competentiereferentie?: string; competentiecategorie?: string; competentiebeschrijving?: string; competentiestatus?: string }[];
  stage?: { begindatum?: string; einddatum?: string; soortstage?: string; functierol?: string; instelling?: Instelling; beoordeling?: string }[];
  overigvombo?: { keuzevervolgopleiding?: string; beroepskeuzetest: string; portfolio: string; pop: string; motivatiebrief: string; lobdossier: string };
}

export interface Huidigeschool extends School {
  leerling: Leerling;
}

export interface Dossier {
  metadata: Metadata;
  overdrachtsoort: string;
  inzage?: Inzage;
  huidigeschool: Huidigeschool;
}
