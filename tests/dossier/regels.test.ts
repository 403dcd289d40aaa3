/*
 * Every content rule id of gegevensset 2019.1 (docs/oso-gegevensset-2019.1.md), each with a case that makes it fire —
 * a clean generated dossier with one small mutation, expecting that rule at that path and nothing unexpected — and a
 * case where it stays silent (the clean dossier of every profile, plus near misses for the conditional rules).
 */
import { test, expect } from '@playwright/test';
import { profielen, type Profiel } from '../../simulator/dossier/profile.ts';
import { huidigeVersie } from '../../simulator/dossier/versies/index.ts';
import type * as M from '../../simulator/dossier/versies/2019.1/model.ts';
import { basisDossier, kort, leerlingVan as ll, regelsVan, toets, valideer, verzorger } from './dossier-helpers.ts';

const L = '/dossier/huidigeschool/leerling';

interface Geval {
  rule: string;
  profiel: Profiel;
  /** What makes it fire. */
  wat: string;
  mutatie: (d: M.Dossier) => void;
  pad: string;
  /** Other rules the same mutation necessarily triggers. */
  ook?: string[];
}

interface Stil {
  rule: string;
  profiel: Profiel;
  wat: string;
  mutatie: (d: M.Dossier) => void;
}

const cat = (d: M.Dossier) => d.metadata.categorie_uitlevering!;
const zonder = <T extends object>(o: T, ...sleutels: (keyof T)[]) => {
  for (const s of sleutels) delete o[s];
};
const alleenVerzorger = (d: M.Dossier, v: M.Verzorger) => {
  ll(d).verzorgersaansprakelijk = 'true';
  ll(d).verzorger = [v];
};
const geheimAdres = (d: M.Dossier) => {
  ll(d).adresgeheim = 'true';
  zonder(ll(d), 'adreslijst', 'communicatielijst');
};

const vuren: Geval[] = [
  // ---- generic: OG ----
  {
    rule: 'OG.01',
    profiel: 'POVO',
    wat: 'e-mailadres zonder @',
    mutatie: (d) => (d.huidigeschool.communicatielijst = { communicatie: [{ soort: 'e-mail', nummer: 'administratie.school.invalid' }] }),
    pad: '/dossier/huidigeschool/communicatielijst/communicatie',
  },
  { rule: 'OG.02', profiel: 'POVO', wat: 'standaardversie 2018.1', mutatie: (d) => (d.metadata.standaardversie = '2018.1'), pad: '/dossier/metadata/standaardversie' },
  {
    rule: 'OG.03',
    profiel: 'VOVO',
    wat: 'lwoo_einddatum niet op 31 juli',
    mutatie: (d) => (ll(d).onderwijsondersteuning!.lwoo = { lwoo_ingangdatum: '2019-08-01', lwoo_swvnummer: 'VO 1', lwoo_beschikkingsnummer: 'L1', lwoo_einddatum: '2021-06-30' }),
    pad: `${L}/onderwijsondersteuning/lwoo/lwoo_einddatum`,
    ook: ['XSD.patroon'],
  },
  {
    rule: 'OG.04',
    profiel: 'POVO',
    wat: 'overlijdensdatum zonder overleden',
    mutatie: (d) => alleenVerzorger(d, verzorger({ overlijdensdatum: '2019-01-01' })),
    pad: `${L}/verzorger`,
  },
  { rule: 'OG.05', profiel: 'POVO', wat: 'huisarts met roepnaam', mutatie: (d) => (ll(d).huisarts = { achternaam: 'Arts', roepnaam: 'Doc' }), pad: `${L}/huisarts` },
  { rule: 'OG.05', profiel: 'POVO', wat: 'huisarts met geslacht', mutatie: (d) => (ll(d).huisarts = { achternaam: 'Arts', geslacht: '1' }), pad: `${L}/huisarts` },
  { rule: 'OG.05', profiel: 'POVO', wat: 'huisarts met geheim adres', mutatie: (d) => (ll(d).huisarts = { achternaam: 'Arts', adresgeheim: 'true' }), pad: `${L}/huisarts` },

  // ---- generic: OS.cat (delivery categories) ----
  { rule: 'OS.cat01', profiel: 'POVO', wat: 'metadata VERBODEN', mutatie: (d) => (cat(d).cat_metadata = 'VERBODEN'), pad: '/dossier/metadata' },
  { rule: 'OS.cat02', profiel: 'binnen-BRIN', wat: 'ouderinzage VERPLICHT zonder inzage', mutatie: (d) => (zonder(d, 'inzage'), (cat(d).cat_ouderinzage = 'VERPLICHT')), pad: '/dossier/metadata/categorie_uitlevering/cat_ouderinzage' },
  { rule: 'OS.cat02', profiel: 'POVO', wat: 'ouderinzage OPT-UIT met inzage', mutatie: (d) => (cat(d).cat_ouderinzage = 'OPT-UIT'), pad: '/dossier/inzage' },
  { rule: 'OS.cat03', profiel: 'POVO', wat: 'school VERBODEN', mutatie: (d) => (cat(d).cat_school = 'VERBODEN'), pad: '/dossier/huidigeschool' },
  { rule: 'OS.cat04', profiel: 'POVO', wat: 'leerling OPT-UIT', mutatie: (d) => (cat(d).cat_leerling = 'OPT-UIT'), pad: L },
  { rule: 'OS.cat05', profiel: 'POVO', wat: 'ouders/verzorgers OPT-UIT met gegevens', mutatie: (d) => (cat(d).cat_oudersverzorgers = 'OPT-UIT'), pad: `${L}/verzorgersaansprakelijk` },
  { rule: 'OS.cat06', profiel: 'POPO', wat: 'vve VERBODEN met voorschoolse gegevens', mutatie: (d) => (cat(d).cat_vve = 'VERBODEN'), pad: `${L}/vanpeuterspeelzaal` },
  { rule: 'OS.cat07', profiel: 'binnen-BRIN', wat: 'schoolloopbaan VERPLICHT zonder schoolloopbaan', mutatie: (d) => (zonder(ll(d), 'schoolloopbaanlijst'), (cat(d).cat_schoolloopbaan = 'VERPLICHT')), pad: '/dossier/metadata/categorie_uitlevering/cat_schoolloopbaan' },
  { rule: 'OS.cat08', profiel: 'POVO', wat: 'overstapadvies OPT-UIT met advies', mutatie: (d) => (cat(d).cat_overstapadvies = 'OPT-UIT'), pad: `${L}/overstapadvies` },
  {
    rule: 'OS.cat09',
    profiel: 'POVO',
    wat: 'onderwijsondersteuning OPT-UIT met alleen een toelichting (officieel defect: nooit gemeld)',
    mutatie: (d) => {
      cat(d).cat_onderwijsondersteuning = 'OPT-UIT';
      ll(d).onderwijsondersteuning = { toelichting_onderwijsbehoeften: ll(d).onderwijsondersteuning!.toelichting_onderwijsbehoeften! };
    },
    pad: `${L}/onderwijsondersteuning/toelichting_onderwijsbehoeften`,
  },
  {
    rule: 'OS.cat09',
    profiel: 'POSWV',
    wat: 'onderwijsondersteuning VERPLICHT met alleen handelingsplannen',
    mutatie: (d) => (ll(d).onderwijsondersteuning = { handelingsplan: ll(d).onderwijsondersteuning!.handelingsplan! }),
    pad: '/dossier/metadata/categorie_uitlevering/cat_onderwijsondersteuning',
  },
  { rule: 'OS.cat10', profiel: 'POVO', wat: 'verzuim VERBODEN met verzuim', mutatie: (d) => (cat(d).cat_verzuim = 'VERBODEN'), pad: `${L}/verzuim` },
  { rule: 'OS.cat11', profiel: 'POVO', wat: 'eindtoets OPT-UIT met eindtoets', mutatie: (d) => (cat(d).cat_eindtoetsbo = 'OPT-UIT'), pad: `${L}/eindtoets_basisonderwijs` },
  { rule: 'OS.cat12', profiel: 'POVO', wat: 'toetsresultaten OPT-UIT met toetsen', mutatie: (d) => (cat(d).cat_toetsresultaten = 'OPT-UIT'), pad: `${L}/toetslijst` },
  { rule: 'OS.cat13', profiel: 'POVO', wat: 'handelingsplannen VERBODEN met handelingsplan', mutatie: (d) => (cat(d).cat_handelingsplannen = 'VERBODEN'), pad: `${L}/onderwijsondersteuning/handelingsplan` },
  { rule: 'OS.cat14', profiel: 'POVO', wat: 'cijferlijsten OPT-UIT met cijfers', mutatie: (d) => (cat(d).cat_cijferlijsten = 'OPT-UIT'), pad: `${L}/cijferlijstlijst` },
  { rule: 'OS.cat15', profiel: 'VOVO', wat: 'VO-MBO VERBODEN met VO-MBO-gegevens', mutatie: (d) => (cat(d).cat_vombo = 'VERBODEN'), pad: `${L}/bevorderd` },
  { rule: 'OS.cat16', profiel: 'POVO', wat: 'bijlagedocs OPT-UIT met bijlagen', mutatie: (d) => (cat(d).cat_bijlagedocs = 'OPT-UIT'), pad: `${L}/overigdocumentlijst` },

  // ---- transfer profiles: OVa ----
  { rule: 'OVa.MD01', profiel: 'POVO', wat: 'alleen een LVS-deel', mutatie: (d) => (d.metadata.deeldossier = 'LVS'), pad: '/dossier/metadata' },
  { rule: 'OVa.MD02', profiel: 'POVO', wat: 'validatieversie 2018.1.1', mutatie: (d) => (d.metadata.validatieversie = '2018.1.1'), pad: '/dossier/metadata' },
  { rule: 'OVa.MD03', profiel: 'POVO', wat: 'geen categorie_uitlevering', mutatie: (d) => zonder(d.metadata, 'categorie_uitlevering'), pad: '/dossier/metadata' },
  { rule: 'OVa.OS01', profiel: 'POVO', wat: 'geen overstap', mutatie: (d) => zonder(d.metadata, 'overstap'), pad: '/dossier/metadata', ook: ['OVa.OS02'] },
  { rule: 'OVa.OS02', profiel: 'POVO', wat: 'overstap VOMBO', mutatie: (d) => (d.metadata.overstap = 'VOMBO'), pad: '/dossier/metadata' },
  { rule: 'OVa.OS03', profiel: 'POVO', wat: 'overdrachtsoort onbekend', mutatie: (d) => (d.overdrachtsoort = 'overstap'), pad: '/dossier/metadata', ook: ['CODELIJST.29'] },
  { rule: 'OVa.IZ01', profiel: 'POVO', wat: 'geen inzage', mutatie: (d) => (zonder(d, 'inzage'), (cat(d).cat_ouderinzage = 'OPTIONEEL')), pad: '/dossier' },
  { rule: 'OVa.IZ02', profiel: 'POVO', wat: 'niet ingezien', mutatie: (d) => (d.inzage!.inzage = 'false'), pad: '/dossier/inzage' },
  { rule: 'OVa.IZ03', profiel: 'POVO', wat: 'ingezien zonder datum', mutatie: (d) => zonder(d.inzage!, 'inzagedatum'), pad: '/dossier/inzage' },
  { rule: 'OVa.IZ04', profiel: 'POVO', wat: 'ingezien zonder akkoord', mutatie: (d) => zonder(d.inzage!, 'akkoord', 'redennietakkoord'), pad: '/dossier/inzage' },
  { rule: 'OVa.IZ05', profiel: 'VOVO', wat: 'VOVO zonder toestemming', mutatie: (d) => zonder(d.inzage!, 'toestemming'), pad: '/dossier/inzage' },
  { rule: 'OVa.SL01', profiel: 'POVO', wat: 'school zonder adres', mutatie: (d) => zonder(d.huidigeschool, 'adreslijst'), pad: '/dossier/huidigeschool' },
  { rule: 'OVa.SL01', profiel: 'POVO', wat: 'leerling zonder schoolloopbaan', mutatie: (d) => (zonder(ll(d), 'schoolloopbaanlijst'), (cat(d).cat_schoolloopbaan = 'OPTIONEEL')), pad: L },
  { rule: 'OVa.SL02', profiel: 'POVO', wat: 'school zonder communicatie', mutatie: (d) => zonder(d.huidigeschool, 'communicatielijst'), pad: '/dossier/huidigeschool' },
  { rule: 'OVa.LL01', profiel: 'POVO', wat: 'geen voornaam', mutatie: (d) => zonder(ll(d), 'voornaam'), pad: L },
  { rule: 'OVa.LL02', profiel: 'POVO', wat: 'geen geboortedatum', mutatie: (d) => zonder(ll(d), 'geboortedatum'), pad: L },
  { rule: 'OVa.LL03', profiel: 'POVO', wat: 'geboortemaand in plaats van geboortedatum', mutatie: (d) => (zonder(ll(d), 'geboortedatum'), (ll(d).geboortemaand = '2008-03')), pad: L, ook: ['OVa.LL02'] },
  { rule: 'OVa.LL04', profiel: 'POVO', wat: 'geen adresgeheim', mutatie: (d) => zonder(ll(d), 'adresgeheim'), pad: L },
  { rule: 'OVa.LL05', profiel: 'POVO', wat: 'open adres maar geen adres', mutatie: (d) => zonder(ll(d), 'adreslijst'), pad: L },
  { rule: 'OVa.LL06', profiel: 'POVO', wat: 'geheim adres met adres', mutatie: (d) => (ll(d).adresgeheim = 'true'), pad: L },
  { rule: 'OVa.LL07', profiel: 'POVO', wat: 'postcode4adres', mutatie: (d) => (geheimAdres(d), (ll(d).postcode4adres = '9999')), pad: L },
  {
    rule: 'OVa.LL08',
    profiel: 'POVO',
    wat: 'geheim telefoonnummer van de leerling niet als 9999999999',
    mutatie: (d) => (ll(d).communicatielijst = { communicatie: [{ soort: 'telefoon', nummer: '0612345678', geheim: 'true' }] }),
    pad: `${L}/communicatielijst/communicatie`,
  },
  {
    rule: 'OVa.LL08',
    profiel: 'POVO',
    wat: 'geheim e-mailadres van de school niet als geheim@geheim.geheim',
    mutatie: (d) => (d.huidigeschool.communicatielijst = { communicatie: [{ soort: 'e-mail', nummer: 'school@voorbeeld.invalid', geheim: '1' }] }),
    pad: '/dossier/huidigeschool/communicatielijst/communicatie',
  },
  { rule: 'OVa.LL09', profiel: 'POVO', wat: 'geheim adres met buitenlands adres', mutatie: (d) => (geheimAdres(d), (ll(d).adresbuitenland = ['1 Test Street'])), pad: L },
  { rule: 'OVa.LL10', profiel: 'POVO', wat: 'geboorteplaats', mutatie: (d) => (ll(d).geboorteplaats = 'Teststad'), pad: L },
  { rule: 'OVa.LL11', profiel: 'POVO', wat: 'nationaliteit', mutatie: (d) => (ll(d).nationaliteit = [{ '#text': '0001', '@omschrijving': 'Nederlandse' }]), pad: L },
  { rule: 'OVa.LL12', profiel: 'POVO', wat: 'geen BSN of onderwijsnummer', mutatie: (d) => zonder(ll(d), 'bsn', 'onderwijsnummer'), pad: L },
  { rule: 'OVa.LL13', profiel: 'POVO', wat: 'POVO zonder leerlingid', mutatie: (d) => zonder(ll(d), 'leerlingid'), pad: L },
  { rule: 'OVa.LL14', profiel: 'POVO', wat: 'geen datuminschrijving', mutatie: (d) => zonder(ll(d), 'datuminschrijving'), pad: L },
  { rule: 'OVa.LL15', profiel: 'VOVO', wat: 'geen verzorgersaansprakelijk', mutatie: (d) => zonder(ll(d), 'verzorgersaansprakelijk'), pad: L },
  { rule: 'OVa.AI01', profiel: 'POVO', wat: 'niet aansprakelijk zonder instelling', mutatie: (d) => (zonder(ll(d), 'aansprakelijkeinstelling'), (ll(d).verzorgersaansprakelijk = 'false')), pad: L },
  { rule: 'OVa.VV01', profiel: 'POVO', wat: 'voorschools bij POVO', mutatie: (d) => ((ll(d).voorschools = { codevoorschoolsprogramma: '1', voorschoolsemaanden: '12' }), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'OVa.VV02', profiel: 'VOVO', wat: 'vroegschools bij VOVO', mutatie: (d) => ((ll(d).vroegschools = [{ codevroegschoolsprogramma: '2', vroegschoolsdatumingang: '2010-09-01' }]), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'OVa.OA01', profiel: 'POVO', wat: 'geen overstapadvies', mutatie: (d) => (zonder(ll(d), 'overstapadvies'), (cat(d).cat_overstapadvies = 'OPTIONEEL')), pad: L },
  { rule: 'OVa.OV01', profiel: 'POVO', wat: 'aansprakelijk zonder verzorger', mutatie: (d) => ((ll(d).verzorgersaansprakelijk = 'true'), zonder(ll(d), 'verzorger')), pad: L },
  {
    rule: 'OVa.OV03',
    profiel: 'POVO',
    wat: 'verzorger met geheim adres en adres (officieel defect: nooit gemeld)',
    mutatie: (d) => alleenVerzorger(d, verzorger({ adresgeheim: 'true', adreslijst: { adres: [{ soortadres: 'gba', straat: 'Straat', nummer: '1', postcode: '9999 XX', plaats: 'Teststad' }] } })),
    pad: `${L}/verzorger`,
  },
  {
    rule: 'OVa.OV04',
    profiel: 'POVO',
    wat: 'geheim telefoonnummer van een verzorger niet als 9999999999 (officieel: onder LL08)',
    mutatie: (d) => alleenVerzorger(d, verzorger({ communicatielijst: { communicatie: [{ soort: 'telefoon', nummer: '0611111111', geheim: 'true' }] } })),
    pad: `${L}/verzorger/communicatielijst/communicatie`,
  },
  { rule: 'OVa.OA02', profiel: 'POVO', wat: 'POVO zonder advies', mutatie: (d) => zonder(ll(d).overstapadvies!, 'advies'), pad: `${L}/overstapadvies` },
  { rule: 'OVa.OA03', profiel: 'POVO', wat: 'geen contactnodig', mutatie: (d) => zonder(ll(d).overstapadvies!, 'contactnodig', 'contactpersoon', 'contacttelefoon'), pad: `${L}/overstapadvies` },
  {
    rule: 'OVa.OA04',
    profiel: 'POVO',
    wat: 'contact nodig zonder contactpersoon',
    mutatie: (d) => Object.assign(ll(d).overstapadvies!, { contactnodig: 'true', contactpersoon: undefined, contacttelefoon: '0101234567' }),
    pad: `${L}/overstapadvies`,
  },
  {
    rule: 'OVa.OA05',
    profiel: 'POVO',
    wat: 'contact nodig zonder telefoon',
    mutatie: (d) => Object.assign(ll(d).overstapadvies!, { contactnodig: 'true', contactpersoon: 'Mevr. Proef', contacttelefoon: undefined }),
    pad: `${L}/overstapadvies`,
  },
  {
    rule: 'OVa.EB02',
    profiel: 'POVO',
    wat: 'deelgenomen zonder resultaat',
    mutatie: (d) => (ll(d).eindtoets_basisonderwijs = { deelgenomen: 'true' }),
    pad: `${L}/eindtoets_basisonderwijs`,
    ook: ['OVa.EB04'],
  },
  {
    rule: 'OVa.EB03',
    profiel: 'POVO',
    wat: 'niet deelgenomen zonder soort eindtoets',
    mutatie: (d) => (ll(d).eindtoets_basisonderwijs = { deelgenomen: 'false' }),
    pad: `${L}/eindtoets_basisonderwijs`,
  },
  {
    rule: 'OVa.EB03',
    profiel: 'POVO',
    wat: 'ontheffing zonder soort eindtoets (officieel defect: zoekt op de verkeerde plek)',
    mutatie: (d) => {
      const r = { toetsniveau: 'G', datum_afname: '2019-04-16', wettelijke_ontheffing: 'J', toets_advies: 'havo', onderdelen: {} } as unknown as M.Eindtoetsresultaat;
      ll(d).eindtoets_basisonderwijs = { eindtoetsresultaat: r, deelgenomen: 'true' };
    },
    pad: `${L}/eindtoets_basisonderwijs`,
    ook: ['XSD.verplicht'],
  },
  { rule: 'OVa.EB04', profiel: 'POVO', wat: 'deelgenomen zonder toetsadvies', mutatie: (d) => ((ll(d).eindtoets_basisonderwijs!.deelgenomen = 'true'), zonder(ll(d).eindtoets_basisonderwijs!.eindtoetsresultaat!, 'toets_advies')), pad: `${L}/eindtoets_basisonderwijs` },
  { rule: 'OVa.TR04', profiel: 'POVO', wat: 'toets van vier schooljaren terug', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ afname: { afnamedatum: '2016-06-01' } })] }), pad: `${L}/toetslijst/toets` },
  { rule: 'OVa.TR05', profiel: 'POVO', wat: 'leeg toetsresultaat', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ resultaat: {} })] }), pad: `${L}/toetslijst/toets/resultaat` },
  { rule: 'OVa.TR06', profiel: 'POVO', wat: 'lege toetsscore', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ resultaat: { toetsscore: {} } })] }), pad: `${L}/toetslijst/toets/resultaat/toetsscore` },
  {
    rule: 'OVa.CL01',
    profiel: 'POVO',
    wat: 'cijfer zonder waarde of kwalificatie',
    mutatie: (d) => (ll(d).cijferlijstlijst = { cijferlijst: [{ cijferlijstTypelijst: [{ naam: 'Rapport', score: [{}] }], jaargroep: '8' }] }),
    pad: `${L}/cijferlijstlijst/cijferlijst/cijferlijstTypelijst/score`,
  },

  // ---- transfer profiles: OVb (binnen-BRIN) ----
  { rule: 'OVb.MD01', profiel: 'binnen-BRIN', wat: 'alleen een TIB-deel', mutatie: (d) => (d.metadata.deeldossier = 'TIB'), pad: '/dossier/metadata' },
  { rule: 'OVb.MD02', profiel: 'binnen-BRIN', wat: 'validatieversie 2019.1', mutatie: (d) => (d.metadata.validatieversie = '2019.1'), pad: '/dossier/metadata' },
  { rule: 'OVb.MD03', profiel: 'binnen-BRIN', wat: 'geen categorie_uitlevering', mutatie: (d) => zonder(d.metadata, 'categorie_uitlevering'), pad: '/dossier/metadata' },
  { rule: 'OVb.OS01', profiel: 'binnen-BRIN', wat: 'overdrachtsoort onbekend', mutatie: (d) => (d.overdrachtsoort = 'binnenbrin'), pad: '/dossier/metadata', ook: ['CODELIJST.29'] },
  { rule: 'OVb.LL01', profiel: 'binnen-BRIN', wat: 'geboortemaand', mutatie: (d) => (zonder(ll(d), 'geboortedatum'), (ll(d).geboortemaand = '2012-05')), pad: L },
  { rule: 'OVb.LL02', profiel: 'binnen-BRIN', wat: 'geheim adres met adres', mutatie: (d) => (ll(d).adresgeheim = 'true', zonder(ll(d), 'communicatielijst')), pad: L },
  { rule: 'OVb.LL03', profiel: 'binnen-BRIN', wat: 'postcode4adres', mutatie: (d) => (geheimAdres(d), (ll(d).postcode4adres = '9999')), pad: L },
  {
    rule: 'OVb.LL04',
    profiel: 'binnen-BRIN',
    wat: 'geheim e-mailadres van de leerling niet als geheim@geheim.geheim',
    mutatie: (d) => (ll(d).communicatielijst = { communicatie: [{ soort: 'e-mail', nummer: 'kind@voorbeeld.invalid', geheim: 'true' }] }),
    pad: `${L}/communicatielijst/communicatie`,
  },
  { rule: 'OVb.LL05', profiel: 'binnen-BRIN', wat: 'geheim adres met buitenlands adres', mutatie: (d) => (geheimAdres(d), (ll(d).adresbuitenland = ['1 Test Street'])), pad: L },
  { rule: 'OVb.LL06', profiel: 'binnen-BRIN', wat: 'geboorteplaats', mutatie: (d) => (ll(d).geboorteplaats = 'Teststad'), pad: L },
  { rule: 'OVb.LL07', profiel: 'binnen-BRIN', wat: 'nationaliteit', mutatie: (d) => (ll(d).nationaliteit = [{ '#text': '0001' }]), pad: L },
  {
    rule: 'OVb.OV01',
    profiel: 'binnen-BRIN',
    wat: 'verzorger met geheim adres en adres',
    mutatie: (d) => alleenVerzorger(d, verzorger({ adresgeheim: 'true', adreslijst: { adres: [{ soortadres: 'gba', straat: 'Straat', nummer: '1', postcode: '9999 XX', plaats: 'Teststad' }] } })),
    pad: `${L}/verzorger`,
  },
  {
    rule: 'OVb.OV02',
    profiel: 'binnen-BRIN',
    wat: 'geheim telefoonnummer van een verzorger niet als 9999999999',
    mutatie: (d) => alleenVerzorger(d, verzorger({ communicatielijst: { communicatie: [{ soort: 'telefoon', nummer: '0611111111', geheim: 'true' }] } })),
    pad: `${L}/verzorger/communicatielijst/communicatie`,
  },

  // ---- samenwerkingsverband: PaO ----
  { rule: 'PaO.MD01', profiel: 'POSWV', wat: 'alleen een LVS-deel', mutatie: (d) => (d.metadata.deeldossier = 'LVS'), pad: '/dossier/metadata' },
  { rule: 'PaO.MD02', profiel: 'POSWV', wat: 'validatieversie 2019.1.2', mutatie: (d) => (d.metadata.validatieversie = '2019.1.2'), pad: '/dossier/metadata' },
  { rule: 'PaO.MD03', profiel: 'VOSWV', wat: 'geen categorie_uitlevering', mutatie: (d) => zonder(d.metadata, 'categorie_uitlevering'), pad: '/dossier/metadata' },
  { rule: 'PaO.SO01', profiel: 'POSWV', wat: 'geen overstap', mutatie: (d) => zonder(d.metadata, 'overstap'), pad: '/dossier/metadata', ook: ['PaO.SO02'] },
  // An overstap that names no profile leaves the choice to overdrachtsoort (swv-dossier): the PaO validator reports it.
  { rule: 'PaO.SO02', profiel: 'POSWV', wat: 'overstap VOMBO', mutatie: (d) => (d.metadata.overstap = 'VOMBO'), pad: '/dossier/metadata' },
  { rule: 'PaO.SO03', profiel: 'POSWV', wat: 'overdrachtsoort onbekend', mutatie: (d) => (d.overdrachtsoort = 'swv'), pad: '/dossier/metadata', ook: ['CODELIJST.29'] },
  { rule: 'PaO.SL01', profiel: 'POSWV', wat: 'school zonder adres', mutatie: (d) => zonder(d.huidigeschool, 'adreslijst'), pad: '/dossier/huidigeschool' },
  { rule: 'PaO.SL01', profiel: 'VOSWV', wat: 'leerling zonder schoolloopbaan', mutatie: (d) => (zonder(ll(d), 'schoolloopbaanlijst'), (cat(d).cat_schoolloopbaan = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.SL02', profiel: 'POSWV', wat: 'school zonder communicatie', mutatie: (d) => zonder(d.huidigeschool, 'communicatielijst'), pad: '/dossier/huidigeschool' },
  { rule: 'PaO.LL01', profiel: 'POSWV', wat: 'geen voornaam', mutatie: (d) => zonder(ll(d), 'voornaam'), pad: L },
  { rule: 'PaO.LL02', profiel: 'POSWV', wat: 'geen geboortedatum', mutatie: (d) => zonder(ll(d), 'geboortedatum'), pad: L },
  { rule: 'PaO.LL03', profiel: 'POSWV', wat: 'geboortemaand', mutatie: (d) => (zonder(ll(d), 'geboortedatum'), (ll(d).geboortemaand = '2012-05')), pad: L, ook: ['PaO.LL02'] },
  { rule: 'PaO.LL04', profiel: 'POSWV', wat: 'geen adresgeheim', mutatie: (d) => zonder(ll(d), 'adresgeheim'), pad: L },
  { rule: 'PaO.LL05', profiel: 'POSWV', wat: 'open adres maar geen adres', mutatie: (d) => zonder(ll(d), 'adreslijst'), pad: L },
  { rule: 'PaO.LL06', profiel: 'POSWV', wat: 'geheim adres met adres', mutatie: (d) => (ll(d).adresgeheim = 'true', zonder(ll(d), 'communicatielijst')), pad: L },
  { rule: 'PaO.LL07', profiel: 'POSWV', wat: 'postcode4adres', mutatie: (d) => (geheimAdres(d), (ll(d).postcode4adres = '9999')), pad: L },
  {
    rule: 'PaO.LL08',
    profiel: 'POSWV',
    wat: 'geheim telefoonnummer van de leerling niet als 9999999999',
    mutatie: (d) => (ll(d).communicatielijst = { communicatie: [{ soort: 'telefoon', nummer: '0612345678', geheim: 'true' }] }),
    pad: `${L}/communicatielijst/communicatie`,
  },
  { rule: 'PaO.LL09', profiel: 'POSWV', wat: 'geheim adres met buitenlands adres', mutatie: (d) => (geheimAdres(d), (ll(d).adresbuitenland = ['1 Test Street'])), pad: L },
  { rule: 'PaO.LL10', profiel: 'POSWV', wat: 'geboorteplaats', mutatie: (d) => (ll(d).geboorteplaats = 'Teststad'), pad: L },
  { rule: 'PaO.LL11', profiel: 'POSWV', wat: 'nationaliteit', mutatie: (d) => (ll(d).nationaliteit = [{ '#text': '0001' }]), pad: L },
  { rule: 'PaO.LL12', profiel: 'POSWV', wat: 'een BSN', mutatie: (d) => (ll(d).bsn = '999900018'), pad: L },
  { rule: 'PaO.LL12', profiel: 'VOSWV', wat: 'een onderwijsnummer', mutatie: (d) => (ll(d).onderwijsnummer = '109990001'), pad: L },
  { rule: 'PaO.VV01', profiel: 'VOSWV', wat: 'vanpeuterspeelzaal bij VOSWV', mutatie: (d) => ((ll(d).vanpeuterspeelzaal = 'true'), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.VV02', profiel: 'VOSWV', wat: 'naampeuterspeelzaal bij VOSWV', mutatie: (d) => ((ll(d).naampeuterspeelzaal = 'Het Proefje'), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.VV03', profiel: 'VOSWV', wat: 'voorschools bij VOSWV', mutatie: (d) => ((ll(d).voorschools = { codevoorschoolsprogramma: '1', voorschoolsemaanden: '12' }), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.VV04', profiel: 'VOSWV', wat: 'vroegschools bij VOSWV', mutatie: (d) => ((ll(d).vroegschools = [{ codevroegschoolsprogramma: '2', vroegschoolsdatumingang: '2010-09-01' }]), (cat(d).cat_vve = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.EB01', profiel: 'POSWV', wat: 'eindtoets bij POSWV', mutatie: (d) => ((ll(d).eindtoets_basisonderwijs = { deelgenomen: 'false' }), (cat(d).cat_eindtoetsbo = 'OPTIONEEL')), pad: L },
  { rule: 'PaO.OV01', profiel: 'POSWV', wat: 'aansprakelijk zonder verzorger', mutatie: (d) => ((ll(d).verzorgersaansprakelijk = 'true'), zonder(ll(d), 'verzorger')), pad: L },
  {
    rule: 'PaO.OV03',
    profiel: 'POSWV',
    wat: 'verzorger met geheim adres en adres',
    mutatie: (d) => alleenVerzorger(d, verzorger({ adresgeheim: 'true', adreslijst: { adres: [{ soortadres: 'gba', straat: 'Straat', nummer: '1', postcode: '9999 XX', plaats: 'Teststad' }] } })),
    pad: `${L}/verzorger`,
  },
  {
    rule: 'PaO.OV04',
    profiel: 'VOSWV',
    wat: 'geheim e-mailadres van een verzorger niet als geheim@geheim.geheim',
    mutatie: (d) => alleenVerzorger(d, verzorger({ communicatielijst: { communicatie: [{ soort: 'e-mail', nummer: 'ouder@voorbeeld.invalid', geheim: 'true' }] } })),
    pad: `${L}/verzorger/communicatielijst/communicatie`,
  },
  { rule: 'PaO.OV05', profiel: 'POSWV', wat: 'banknummer van een verzorger', mutatie: (d) => alleenVerzorger(d, verzorger({ banknummer: '123456789' })), pad: `${L}/verzorger` },
  ...(
    [
      ['PaO.VM01', 'bevorderd', { elementcode: '0400' }],
      ['PaO.VM02', 'examenresultaat', { examenuitslag: 'geslaagd' }],
      ['PaO.VM03', 'resultaatvakkenvo', [{ vakcode: '0111', afgerond: 'true', examenvak: 'false', rapportcijfer: '7' }]],
      ['PaO.VM04', 'certificaat', ['Certificaat']],
      ['PaO.VM05', 'competenties', [{ competentiestatus: 'Goed' }]],
      ['PaO.VM06', 'stage', [{ soortstage: 'Snuffelstage' }]],
      ['PaO.VM07', 'overigvombo', { beroepskeuzetest: 'true', portfolio: 'false', pop: 'false', motivatiebrief: 'false', lobdossier: 'false' }],
    ] as const
  ).map(
    ([rule, blok, waarde]): Geval => ({
      rule,
      profiel: 'POSWV',
      wat: `${blok} bij POSWV`,
      mutatie: (d) => {
        (ll(d) as unknown as Record<string, unknown>)[blok] = structuredClone(waarde);
        cat(d).cat_vombo = 'OPTIONEEL';
      },
      pad: L,
    }),
  ),
  { rule: 'PaO.TR01', profiel: 'POSWV', wat: 'leeg toetsresultaat', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ resultaat: {} })] }), pad: `${L}/toetslijst/toets/resultaat` },
  { rule: 'PaO.TR02', profiel: 'VOSWV', wat: 'lege toetsscore', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ resultaat: { toetsscore: {} } })] }), pad: `${L}/toetslijst/toets/resultaat/toetsscore` },
  {
    rule: 'PaO.CL01',
    profiel: 'POSWV',
    wat: 'cijfer zonder waarde of kwalificatie',
    mutatie: (d) => (ll(d).cijferlijstlijst = { cijferlijst: [{ cijferlijstTypelijst: [{ naam: 'Rapport', onderdeel: [{ naam: 'Rekenen', score: {} }], score: [{ waarde: '7' }] }], jaargroep: '6' }] }),
    pad: `${L}/cijferlijstlijst/cijferlijst/cijferlijstTypelijst/onderdeel/score`,
  },

  // ---- harness: check digits ----
  { rule: 'PGN.bsn', profiel: 'POVO', wat: 'BSN met verkeerd controlecijfer', mutatie: (d) => (ll(d).bsn = '999900019'), pad: `${L}/bsn` },
  { rule: 'PGN.bsn', profiel: 'POVO', wat: 'BSN zonder voorloopnul', mutatie: (d) => (ll(d).bsn = '3389261'), pad: `${L}/bsn` },
  { rule: 'PGN.onderwijsnummer', profiel: 'POVO', wat: 'onderwijsnummer met verkeerd controlecijfer', mutatie: (d) => (zonder(ll(d), 'bsn'), (ll(d).onderwijsnummer = '109990002')), pad: `${L}/onderwijsnummer` },
];

/** Near misses: the condition of a rule is almost met, and it must stay silent. */
const stil: Stil[] = [
  { rule: 'OG.01', profiel: 'POVO', wat: 'geldig e-mailadres met plus', mutatie: (d) => (d.huidigeschool.communicatielijst = { communicatie: [{ soort: 'e-mail', nummer: 'a+b@school.voorbeeld.nl' }] }) },
  { rule: 'OG.04', profiel: 'POVO', wat: 'overlijdensdatum met overleden 1', mutatie: (d) => alleenVerzorger(d, verzorger({ overleden: '1', overlijdensdatum: '2019-01-01' })) },
  { rule: 'OG.05', profiel: 'POVO', wat: 'huisarts met adresgeheim false', mutatie: (d) => (ll(d).huisarts = { achternaam: 'Arts', adresgeheim: 'false' }) },
  { rule: 'OS.cat06', profiel: 'POVO', wat: 'vve VERBODEN zonder vve-gegevens', mutatie: (d) => (cat(d).cat_vve = 'VERBODEN') },
  { rule: 'OS.cat09', profiel: 'POVO', wat: 'onderwijsondersteuning OPT-UIT met alleen handelingsplannen', mutatie: (d) => ((cat(d).cat_onderwijsondersteuning = 'OPT-UIT'), (ll(d).onderwijsondersteuning = { handelingsplan: ll(d).onderwijsondersteuning!.handelingsplan! })) },
  { rule: 'OS.cat02', profiel: 'binnen-BRIN', wat: 'ouderinzage OPTIONEEL zonder inzage', mutatie: (d) => zonder(d, 'inzage') },
  { rule: 'OVa.MD01', profiel: 'POVO', wat: 'deeldossier LASLVS', mutatie: (d) => (d.metadata.deeldossier = 'LASLVS') },
  { rule: 'OVa.IZ05', profiel: 'POVO', wat: 'POVO zonder toestemming', mutatie: (d) => zonder(d.inzage!, 'toestemming') },
  { rule: 'OVa.IZ03', profiel: 'binnen-BRIN', wat: 'binnen-BRIN: ingezien zonder datum', mutatie: (d) => zonder(d.inzage!, 'inzagedatum') },
  { rule: 'OVa.LL05', profiel: 'POVO', wat: 'alleen een buitenlands adres', mutatie: (d) => (zonder(ll(d), 'adreslijst'), (ll(d).adresbuitenland = ['1 Test Street'])) },
  { rule: 'OVa.LL08', profiel: 'POVO', wat: 'geheim nummer als 9999999999', mutatie: (d) => (ll(d).communicatielijst = { communicatie: [{ soort: 'telefoon', nummer: '9999999999', geheim: 'true' }] }) },
  { rule: 'OVa.LL13', profiel: 'VOVO', wat: 'VOVO zonder leerlingid', mutatie: (d) => zonder(ll(d), 'leerlingid') },
  { rule: 'OVa.AI01', profiel: 'VOVO', wat: 'VOVO, niet aansprakelijk, geen instelling', mutatie: (d) => (zonder(ll(d), 'aansprakelijkeinstelling'), (ll(d).verzorgersaansprakelijk = 'false')) },
  { rule: 'OVa.VV01', profiel: 'POPO', wat: 'voorschools bij POPO', mutatie: (d) => (ll(d).voorschools = { codevoorschoolsprogramma: '3', voorschoolsemaanden: '6' }) },
  { rule: 'OVa.OA02', profiel: 'POVO', wat: 'SO-school zonder advies', mutatie: (d) => ((d.huidigeschool.soort = 'SO'), zonder(ll(d).overstapadvies!, 'advies')) },
  { rule: 'OVa.OA04', profiel: 'POVO', wat: 'geen contact nodig, geen contactpersoon', mutatie: (d) => Object.assign(ll(d).overstapadvies!, { contactnodig: 'false', contactpersoon: undefined, contacttelefoon: undefined }) },
  { rule: 'OVa.TR04', profiel: 'VOVO', wat: 'oude toets bij VOVO', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ afname: { afnamedatum: '2016-06-01' } })] }) },
  { rule: 'OVa.TR04', profiel: 'POVO', wat: 'toets op 1 augustus drie schooljaren terug', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ afname: { afnamedatum: '2017-08-01' } })] }) },
  { rule: 'OVa.TR05', profiel: 'POVO', wat: 'resultaat met alleen een bijlage', mutatie: (d) => (ll(d).toetslijst = { toets: [toets({ resultaat: { document: ll(d).overigdocumentlijst!.document[0]! } })] }) },
  { rule: 'OVa.LL12', profiel: 'binnen-BRIN', wat: 'binnen-BRIN zonder BSN', mutatie: (d) => zonder(ll(d), 'bsn', 'onderwijsnummer') },
  { rule: 'PaO.VV03', profiel: 'POSWV', wat: 'voorschools bij POSWV', mutatie: (d) => (ll(d).voorschools = { codevoorschoolsprogramma: '3', voorschoolsemaanden: '6' }) },
  { rule: 'PaO.OV05', profiel: 'POSWV', wat: 'iban van een verzorger', mutatie: (d) => alleenVerzorger(d, verzorger({ iban: 'NL00TEST0123456789' })) },
  { rule: 'PGN.bsn', profiel: 'POVO', wat: 'BSN met voorloopnullen', mutatie: (d) => (ll(d).bsn = '003389261') },
];

test.describe('the clean dossier of every profile fires no rule at all', () => {
  for (const profiel of profielen) {
    test(profiel, () => {
      const r = valideer(basisDossier(profiel));
      expect(kort(r.findings)).toEqual([]);
      expect(r.profile).toBe(profiel);
    });
  }
});

test.describe('each rule fires on its mutation, at the official location', () => {
  for (const g of vuren) {
    test(`${g.rule} (${g.profiel}): ${g.wat}`, () => {
      const d = basisDossier(g.profiel);
      g.mutatie(d);
      const r = valideer(d);
      const eigen = r.findings.filter((f) => f.rule === g.rule);
      expect(eigen.map((f) => f.path), kort(r.findings).join('\n')).toContain(g.pad);
      expect(eigen.every((f) => f.severity === 'error' && f.message.length > 20)).toBe(true);
      expect(regelsVan(r.findings)).toEqual([g.rule, ...(g.ook ?? [])].sort());
      expect(r.valid).toBe(false);
    });
  }
});

test.describe('each conditional rule stays silent on a near miss', () => {
  for (const s of stil) {
    test(`${s.rule} (${s.profiel}): ${s.wat}`, () => {
      const d = basisDossier(s.profiel);
      s.mutatie(d);
      const r = valideer(d);
      expect(kort(r.findings)).toEqual([]);
    });
  }
});

// The rule ids of docs/oso-gegevensset-2019.1.md, written out here independently of the implementation.
const reeks = (prefix: string, van: number, tot: number) => Array.from({ length: tot - van + 1 }, (_, i) => `${prefix}${String(van + i).padStart(2, '0')}`);
const documentRegels = [
  ...reeks('OG.', 1, 5),
  ...reeks('OS.cat', 1, 16),
  ...['OVa.', 'OVb.', 'PaO.'].flatMap((p) => reeks(`${p}MD`, 1, 3)),
  'OVa.OS01', 'OVa.OS02', 'OVa.OS03', 'OVb.OS01',
  ...reeks('OVa.IZ', 1, 5),
  'OVa.SL01', 'OVa.SL02',
  ...reeks('OVa.LL', 1, 15),
  'OVa.AI01', 'OVa.OV01', 'OVa.OV03', 'OVa.OV04', 'OVa.VV01', 'OVa.VV02',
  ...reeks('OVa.OA', 1, 5),
  ...reeks('OVa.EB', 2, 4),
  ...reeks('OVa.TR', 4, 6),
  'OVa.CL01',
  ...reeks('PaO.SO', 1, 3),
  'PaO.SL01', 'PaO.SL02',
  ...reeks('PaO.LL', 1, 12),
  ...reeks('PaO.VV', 1, 4),
  'PaO.EB01',
  ...reeks('PaO.VM', 1, 7),
  'PaO.OV01', 'PaO.OV03', 'PaO.OV04', 'PaO.OV05', 'PaO.TR01', 'PaO.TR02', 'PaO.CL01',
];

test('every rule id of the gegevensset document has a check, and every check has a firing case', () => {
  const geregistreerd = new Set(huidigeVersie.regels.flatMap((r) => r.ids));
  expect(documentRegels.filter((id) => !geregistreerd.has(id))).toEqual([]);
  const gedekt = new Set(vuren.map((g) => g.rule));
  expect([...geregistreerd].filter((id) => !gedekt.has(id)).sort()).toEqual([]);
  expect(['PGN.bsn', 'PGN.onderwijsnummer'].filter((id) => !gedekt.has(id))).toEqual([]);
});
