/*
 * The element structure of gegevensset 2019.1, written once in the schema language of schema-model.ts.
 *
 * PROVISIONAL SHAPES — the one place that says where the structure comes from. docs/oso-gegevensset-2019.1.md gives the
 * top level, the required fields and the code lists. Everything it leaves open (the children and order of adres,
 * communicatie, document, persoon, instelling, toets, resultaat, toetsscore, cijferlijst, eindtoetsresultaat, the
 * onderwijsondersteuning blocks, the VO→MBO blocks, and the order inside leerling and huidigeschool) follows the public
 * 2019.1 XSD of Edustandaard (OSO_gegevensset.xsd, namespace …/2019/dossier, update release of 2019-04-15 in which the
 * tlv document became optional), read element by element. It must be re-checked against the XSD that accompanies any
 * later release; docs/gegevensset.md lists these choices. The order written here is the order the codec writes and the
 * order XSD.volgorde checks on reading (boomcontrole.ts).
 */
import { eenvoudig, el, keuze, reeks, uitbreiding, type Codelijst, type EenvoudigType, type SamengesteldType } from '../../schema-model.ts';
import { codelijsten2019 as cl } from './codelijsten.ts';

// Simple types (XSD names in comments).
const tekst = eenvoudig('string', { minLengte: 1 }); // nonEmptyStringType
const vrijeTekst = eenvoudig('string'); // xs:string
const datum = eenvoudig('date');
const waarheid = eenvoudig('boolean');
const geheelGetal = eenvoudig('integer');
const int = eenvoudig('int');
const decimaal = eenvoudig('decimal');
const code = (lijst: Codelijst, basis: EenvoudigType = tekst): EenvoudigType => ({ ...basis, codelijst: lijst });
const brincode = eenvoudig('string', { patroon: '[0-9][0-9][A-Z][A-Z]', patroonUitleg: '2 cijfers en 2 hoofdletters, bijvoorbeeld 00YY' });
const vestigingscode = eenvoudig('string', { patroon: '[0-9][0-9]', patroonUitleg: '2 cijfers, bijvoorbeeld 00' });
const schooljaar = eenvoudig('string', { patroon: '[0-9]{4}-[0-9]{4}', patroonUitleg: 'EEJJ-EEJJ, bijvoorbeeld 2019-2020' });
const elementcode = eenvoudig('string', { patroon: '[0-9]{4}', patroonUitleg: '4 cijfers' });
const geboortemaand = eenvoudig('string', { patroon: '\\p{Nd}{4}-\\p{Nd}{2}', patroonUitleg: 'EEJJ-MM' });
const gbaDatum = eenvoudig('string', { patroon: '\\p{Nd}{2}-\\p{Nd}{2}-\\p{Nd}{4}', patroonUitleg: 'DD-MM-EEJJ' });
const einddatum31Juli = eenvoudig('date', { patroon: '[0-9]{4}-07-31', patroonUitleg: 'EEJJ-07-31 (31 juli)' });
const regel35 = eenvoudig('string', { minLengte: 1, maxLengte: 35 });
const jaargroepCode = code(cl.jaargroep, vrijeTekst); // jaargroepType; list 13 is checked on every element named jaargroep
const voAdvies = code(cl.voAdvies, vrijeTekst); // voadviesduoType
const geslacht = code(cl.geslacht, geheelGetal); // geslachtType
const metOmschrijving = (basis: EenvoudigType): EenvoudigType => ({ ...basis, attributen: [{ naam: 'omschrijving', type: tekst, verplicht: false }] });

// Shared blocks.
export const documentType = reeks('document', el('bestandsnaam', tekst), el('omschrijving', tekst, '?'), el('bestandsinhoud', tekst));

const adresType = reeks(
  'adres',
  el('soortadres', code(cl.soortAdres)),
  el('straat', tekst),
  el('nummer', tekst),
  el('toevoeging', tekst, '?'),
  el('aanduiding', code(cl.huisnummerAanduiding), '?'),
  el('locatieomschrijving', regel35, '?'),
  el('postcode', tekst),
  el('plaats', tekst),
  el('gemeente', tekst, '?'),
  el('land', metOmschrijving(tekst), '?'),
);

const communicatieType = reeks(
  'communicatie',
  el('soort', code(cl.communicatieSoort)),
  el('aanduiding', code(cl.communicatieAanduiding), '?'),
  el('nummer', tekst),
  el('geheim', waarheid, '?'),
  el('noodnummer', waarheid, '?'),
);

const adreslijst = reeks('adreslijst', el('adres', adresType, '+'));
const communicatielijst = reeks('communicatielijst', el('communicatie', communicatieType, '+'));

const instellingType = reeks('instelling', el('naam', tekst), el('adreslijst', adreslijst, '?'), el('communicatielijst', communicatielijst, '?'));

const schoolType = uitbreiding(
  instellingType,
  'school',
  el('brincode', brincode),
  el('vestigingscode', vestigingscode),
  el('aanleverpunt', tekst),
  el('soort', tekst, '?'),
  el('type', tekst, '?'),
  el('naamdirecteur', tekst, '?'),
  el('website', tekst, '?'),
);

const persoonType = reeks(
  'persoon',
  el('voornaam', tekst, '*'),
  el('voorletters-1', tekst, '?'),
  el('voorvoegsel', tekst, '?'),
  el('achternaam', tekst),
  el('roepnaam', tekst, '?'),
  el('geslacht', geslacht, '?'),
  el('adresgeheim', waarheid, '?'),
  el('adreslijst', adreslijst, '?'),
  el('communicatielijst', communicatielijst, '?'),
);

const verzorgerType = uitbreiding(
  persoonType,
  'verzorger',
  el('relatietotkind', code(cl.relatieTotKind), '?'),
  el('overleden', waarheid, '?'),
  el('overlijdensdatum', datum, '?'),
  el('wettigevertegenwoordiger', waarheid),
  el('banknummer', tekst, '?'),
  el('iban', tekst, '?'),
);

const categorieUitlevering = reeks(
  'categorie_uitlevering',
  ...[
    'cat_metadata', 'cat_ouderinzage', 'cat_school', 'cat_leerling', 'cat_oudersverzorgers', 'cat_vve', 'cat_schoolloopbaan',
    'cat_overstapadvies', 'cat_onderwijsondersteuning', 'cat_verzuim', 'cat_eindtoetsbo', 'cat_toetsresultaten',
    'cat_handelingsplannen', 'cat_cijferlijsten', 'cat_vombo', 'cat_bijlagedocs',
  ].map((naam) => el(naam, code(cl.categorieUitlevering, vrijeTekst))),
);

const metadata = reeks(
  'metadata',
  el('deeldossier', code(cl.deeldossier)),
  el('pakketnaam', tekst),
  el('pakketversie', tekst),
  el('datum', datum),
  el('standaardversie', tekst),
  el('validatieversie', tekst),
  el('categorie_uitlevering', categorieUitlevering, '?'),
  el('overstap', code(cl.overstap), '?'),
);

const inzage = reeks(
  'inzage',
  el('voorlopigdossier', waarheid),
  el('inzage', waarheid, '?'),
  el('inzagedatum', datum, '?'),
  el('akkoord', code(cl.akkoord), '?'),
  el('redennietakkoord', tekst, '?'),
  el('toestemming', code(cl.akkoord), '?'),
);

const overstapadvies = reeks(
  'overstapadvies',
  el('advies', voAdvies, '?'),
  el('wensouders', voAdvies, '?'),
  el('wensleerling', voAdvies, '?'),
  el('herzienadvies', voAdvies, '?'),
  el('motivatie_herzienadvies', tekst, '?'),
  el('profiel', code(cl.profiel), '?'),
  el('argumentatie', tekst, '?'),
  el('contactnodig', waarheid, '?'),
  el('contactpersoon', tekst, '?'),
  el('contacttelefoon', tekst, '?'),
  el('contactemail', tekst, '?'),
  el('aandachtspunten', eenvoudig('string', { minLengte: 1, maxLengte: 280 }), '?'),
);

const voorschools = reeks(
  'voorschools',
  el('codevoorschoolsehistorie', code(cl.voorschoolseHistorie, geheelGetal), '?'),
  el('codevoorschoolsprogramma', code(cl.vveProgramma, geheelGetal)),
  el('voorschoolsemaanden', eenvoudig('integer', { bereik: [1, 24] })),
  el('codevoorschoolsetoeleider', code(cl.voorschoolseToeleider, geheelGetal), '?'),
  el('codevoorschoolsedeelname', code(cl.voorschoolseDeelname, geheelGetal), '?'),
  el('voorschoolseaanwezigheid', geheelGetal, '?'),
);

const vroegschools = reeks(
  'vroegschools',
  el('codevroegschoolsprogramma', code(cl.vveProgramma, geheelGetal)),
  el('vroegschoolsdatumingang', datum),
  el('vroegschoolseinddatum', datum, '?'),
);

const schoolloopbaan = reeks(
  'schoolloopbaan',
  el('schooljaar', schooljaar),
  el('groepscode', tekst),
  el('groepsnaam', tekst, '?'),
  el('jaargroep', jaargroepCode),
  el('begindatum', datum, '?'),
  el('einddatum', datum, '?'),
  el('brincode', brincode),
  el('vestigingscode', vestigingscode),
  el('schoolsoort', tekst, '?'),
  el('schooltype', tekst, '?'),
  el('voelementcode', elementcode, '?'),
  el('voelementomschrijving', tekst, '?'),
  el('schoolsoortomschrijving', tekst, '?'),
);

const handelingsplan = reeks(
  'handelingsplan',
  el('startdatum', datum),
  el('einddatum', datum, '?'),
  el('isgerichtop', tekst),
  el('document', documentType, '?'),
);

const onderwijsondersteuning = reeks(
  'onderwijsondersteuning',
  el('toelichting_onderwijsbehoeften', reeks(undefined, el('document', documentType)), '?'),
  el(
    'diagnose',
    reeks(
      undefined,
      el('code', code(cl.diagnose), '+'),
      el('naam', tekst, '?'),
      el('datum', datum, '?'),
      el('doorwie', tekst, '?'),
      el('instantie', tekst, '?'),
      el('document', documentType, '*'),
    ),
    '*',
  ),
  el('medicijngebruik', waarheid, '?'),
  el('handelingsplan', handelingsplan, '*'),
  el('opp', reeks(undefined, el('opp_ingangdatum', datum), el('opp_einddatum', datum, '?'), el('document', documentType, '*')), '?'),
  el(
    'tlv',
    reeks(
      undefined,
      el('tlvingangdatum', datum),
      el('tlvswvnummer', tekst),
      el('tlvcategorie', code(cl.tlvCategorie)),
      el('tlvbeschikkingsnummer', tekst),
      el('tlveinddatum', datum, '?'),
      el('document', documentType, '?'),
    ),
    '*',
  ),
  el(
    'arrangement_cluster12',
    reeks(undefined, el('arrangement_datum', datum), el('arrangement_brin', brincode, '?'), el('arrangement_vestigingscode', vestigingscode, '?')),
    '*',
  ),
  el(
    'arrangement_pao',
    reeks(
      undefined,
      el('arrangement_datum', datum),
      el('arrangement_kenmerk', tekst, '?'),
      el('arrangement_beschikkingsnr', tekst, '?'),
      el('arrangement_einddatum', datum, '?'),
    ),
    '*',
  ),
  el(
    'lwoo',
    reeks(
      undefined,
      el('lwoo_ingangdatum', datum),
      el('lwoo_swvnummer', tekst),
      el('lwoo_beschikkingsnummer', tekst),
      el('lwoo_einddatum', einddatum31Juli, '?'),
      el('document', documentType, '?'),
    ),
    '?',
  ),
  el(
    'rvc',
    reeks(
      undefined,
      el('centraleproblematiek', tekst, '?'),
      el('maatregelen', tekst, '?'),
      el('signaleringlwoopro', reeks(undefined, el('deelgenomenaanonderzoek', waarheid), el('leerachterstand', waarheid), el('lagescoreeindtoets', waarheid))),
      el('rvcdatum', datum, '?'),
      el('rvcindicatie', code(cl.rvcIndicatie), '?'),
      el('document', documentType, '*'),
    ),
    '?',
  ),
);

const verzuim = reeks(
  'verzuim',
  el('dagdelengeoorloofd', geheelGetal, '?'),
  el('dagdelenongeoorloofd', geheelGetal, '?'),
  el('urengeoorloofd', geheelGetal, '?'),
  el('urenongeoorloofd', geheelGetal, '?'),
  el('meerdan25percent', waarheid, '?'),
  el('frequentie', geheelGetal, '?'),
  el('contactleerplicht', waarheid, '?'),
  el('rmcmelding', waarheid, '?'),
  el('documentLijst', reeks(undefined, el('document', documentType, '+')), '?'),
);

const eindtoetsresultaat = reeks(
  'eindtoetsresultaat',
  el('toetssoort', code(cl.eindtoetsSoort, vrijeTekst)),
  el('toetsniveau', code(cl.eindtoetsNiveau, vrijeTekst)),
  el('toetsomschrijving', vrijeTekst, '?'),
  el('datum_afname', datum),
  el('wettelijke_ontheffing', code(cl.wettelijkeOntheffing, vrijeTekst), '?'),
  el('standaardscore', eenvoudig('integer', { bereik: [0, 1000] }), '?'),
  el('toets_advies', eenvoudig('string', { maxLengte: 1024 }), '?'),
  el(
    'onderdelen',
    reeks(
      undefined,
      el(
        'onderdeel',
        reeks(
          undefined,
          el('onderdeelcode', code(cl.eindtoetsOnderdeel, vrijeTekst)),
          el('onderdeelomschrijving', vrijeTekst, '?'),
          el('ond_referentieniveau', code(cl.referentieniveau, vrijeTekst), '?'),
          el(
            'domeinen',
            reeks(
              undefined,
              el(
                'domein',
                reeks(
                  undefined,
                  el('domeincode', code(cl.eindtoetsDomein, vrijeTekst)),
                  el('domeinomschrijving', vrijeTekst, '?'),
                  el('dom_referentieniveau', code(cl.referentieniveau, vrijeTekst), '?'),
                ),
                '*',
              ),
            ),
            '?',
          ),
        ),
        '*',
      ),
    ),
  ),
);

const eindtoetsBasisonderwijs = reeks(
  'eindtoets_basisonderwijs',
  el('eindtoetsresultaat', eindtoetsresultaat, '?'),
  el('deelgenomen', waarheid),
  el('document', documentType, '*'),
);

const toetsscore = reeks(
  'toetsscore',
  el('aantalopgaven', int, '?'),
  el('aantalgoed', int, '?'),
  el('aantalfout', int, '?'),
  el('aantalgelezen', int, '?'),
  el('tijd', decimaal, '?'),
  el('vaardigheidsscore', decimaal, '?'),
  el('codevaardigheidsschaal', tekst, '?'),
  el('betrouwbaarheidsinterval', reeks(undefined, el('bivlaag', decimaal), el('bivhoog', decimaal)), '?'),
);

const referentiescore = reeks(
  'referentiescore',
  el('codereferentiescore', code(cl.referentiescore)),
  el('codevergelijkingsgroep', code(cl.vergelijkingsgroep)),
  el('waarde', tekst),
  el('kwalificatie', tekst, '?'),
);

const resultaat = reeks('resultaat', el('toetsscore', toetsscore, '?'), el('referentiescore', referentiescore, '*'), el('document', documentType, '?'));

const toets = reeks(
  'toets',
  el(
    'toetsidentificatie',
    reeks(undefined, el('eldtoetscode', tekst), el('leergebied', tekst, '?'), el('toetsnaam', tekst, '?'), el('toetsversie', tekst, '?')),
  ),
  el(
    'afname',
    reeks(
      undefined,
      el('afnamedatum', datum),
      el('jaargroep', jaargroepCode, '?'),
      el('dl', geheelGetal, '?'),
      el(
        'afgenomendoor',
        reeks(
          undefined,
          el('naammedewerker', tekst),
          el('functie', tekst, '?'),
          el('werktbijinstelling', reeks(undefined, keuze(true, el('instelling', instellingType), el('school', schoolType))), '?'),
        ),
        '?',
      ),
    ),
  ),
  el('resultaat', resultaat),
  el('toetsonderdeel', reeks(undefined, el('eldonderdeelcode', tekst), el('onderdeelnaam', tekst, '?'), el('resultaat', resultaat)), '*'),
  el('opmerking', tekst, '?'),
);

const score = reeks('score', el('waarde', tekst, '?'), el('kwalificatie', tekst, '?'));

const cijferlijst = reeks(
  'cijferlijst',
  el('cijferlijstTypelijst', {
    ...reeks(
      undefined,
      el('naam', tekst),
      el(
        'onderdeel',
        reeks(
          undefined,
          el('naam', tekst),
          el('score', score),
          el('afnamedatum', datum, '?'),
          el('jaargroep', jaargroepCode, '?'),
          el('periode', tekst, '?'),
        ),
        '*',
      ),
      el('score', score, '+'),
    ),
    herhaaldeReeks: true,
  }),
  el('afnamedatum', datum, '?'),
  el('jaargroep', jaargroepCode),
  el('periode', tekst, '?'),
);

const resultaatvakkenvo = reeks(
  'resultaatvakkenvo',
  el('vakcode', tekst),
  el('vakleergebied', tekst, '?'),
  el('afgerond', waarheid),
  el('datumafgerond', datum, '?'),
  el('examenvak', waarheid),
  keuze(
    true,
    el('beoordelingexamenvak', code(cl.beoordelingExamenvak)),
    el('exameneindcijfer', int),
    el('cijferce', decimaal),
    el('eindcijferse', decimaal),
    el('cijferse', decimaal, '+'),
    el('rapportcijfer', decimaal),
    el('werkstuk', reeks(undefined, el('werkstuktitel', tekst), el('werkstukbeoordeling', tekst))),
  ),
);

const leerling = reeks(
  'leerling',
  el('voornaam', tekst, '*'),
  el('voorletters-1', tekst, '?'),
  el('voorvoegsel', tekst, '?'),
  el('achternaam', tekst),
  el('roepnaam', tekst, '?'),
  keuze(false, el('geboortedatum', datum), el('geboortemaand', geboortemaand)),
  el('geslacht', geslacht, '?'),
  el('adresgeheim', waarheid, '?'),
  keuze(false, el('adreslijst', adreslijst), el('postcode4adres', tekst)),
  el('communicatielijst', communicatielijst, '?'),
  el(
    'gba',
    reeks(
      undefined,
      el('gbavoornaam', tekst, '+'),
      el('gbavoorvoegsel', tekst, '?'),
      el('gbaachternaam', tekst),
      el('gbageboortedatum', gbaDatum),
    ),
    '?',
  ),
  el('adresbuitenland', regel35, '*'),
  el('geboorteplaats', tekst, '?'),
  el('nationaliteit', metOmschrijving(vrijeTekst), '*'),
  keuze(false, el('onderwijsnummer', tekst), el('bsn', tekst)),
  el('leerlingid', tekst, '?'),
  el('onderwijssinds', datum, '?'),
  el('startdatumhuidigonderwijs', datum, '?'),
  el('datuminschrijving', datum, '?'),
  el('datumuitschrijving', datum, '?'),
  el('teruggeplaatstnaarbrin', brincode, '?'),
  el('leerlinggewicht', code(cl.gewicht), '?'),
  el('nnca', code(cl.nnca), '?'),
  el('tehuis', waarheid, '?'),
  el('huisarts', persoonType, '?'),
  el('verzorgersaansprakelijk', waarheid, '?'),
  el('aansprakelijkeinstelling', instellingType, '?'),
  el('overstapadvies', overstapadvies, '?'),
  el('vanpeuterspeelzaal', waarheid, '?'),
  el('naampeuterspeelzaal', tekst, '?'),
  el('voorschools', voorschools, '?'),
  el('vroegschools', vroegschools, '*'),
  el('schoolloopbaanlijst', reeks(undefined, el('schoolloopbaan', schoolloopbaan, '+')), '?'),
  el('onderwijsondersteuning', onderwijsondersteuning, '?'),
  el('verzuim', verzuim, '?'),
  el('eindtoets_basisonderwijs', eindtoetsBasisonderwijs, '?'),
  el('toetslijst', reeks(undefined, el('toets', toets, '+')), '?'),
  el('cijferlijstlijst', reeks(undefined, el('cijferlijst', cijferlijst, '+')), '?'),
  el('overigdocumentlijst', reeks(undefined, el('document', documentType, '+')), '?'),
  el('verzorger', verzorgerType, '*'),
  el('bevorderd', reeks(undefined, el('elementcode', elementcode, '?'), el('leerjaar', vrijeTekst, '?')), '?'),
  el(
    'examenresultaat',
    reeks(
      undefined,
      el('soortdiploma', tekst, '?'),
      el('examenjaar', int, '?'),
      el('datumuitslag', datum, '?'),
      el('examenuitslag', code(cl.examenuitslag), '?'),
    ),
    '?',
  ),
  el('resultaatvakkenvo', resultaatvakkenvo, '*'),
  el('certificaat', tekst, '*'),
  el(
    'competenties',
    reeks(
      undefined,
      el('competentiereferentie', tekst, '?'),
      el('competentiecategorie', tekst, '?'),
      el('competentiebeschrijving', tekst, '?'),
      el('competentiestatus', tekst, '?'),
    ),
    '*',
  ),
  el(
    'stage',
    reeks(
      undefined,
      el('begindatum', datum, '?'),
      el('einddatum', datum, '?'),
      el('soortstage', tekst, '?'),
      el('functierol', tekst, '?'),
      el('instelling', instellingType, '?'),
      el('beoordeling', tekst, '?'),
    ),
    '*',
  ),
  el(
    'overigvombo',
    reeks(
      undefined,
      el('keuzevervolgopleiding', tekst, '?'),
      el('beroepskeuzetest', waarheid),
      el('portfolio', waarheid),
      el('pop', waarheid),
      el('motivatiebrief', waarheid),
      el('lobdossier', waarheid),
    ),
    '?',
  ),
);

const huidigeschool = uitbreiding(schoolType, 'huidigeschool', el('leerling', leerling));

/** The root element's type: `dossier`. */
export const dossierType2019: SamengesteldType = reeks(
  'dossier',
  el('metadata', metadata),
  el('overdrachtsoort', code(cl.overdrachtsoort)),
  el('inzage', inzage, '?'),
  el('huidigeschool', huidigeschool),
);
