// The OSO code lists as they stand in gegevensset 2019.1 (docs/oso-gegevensset-2019.1.md, "Code lists"). The official
// validators compare exact text (`text()='01'`), so do we: no trimming, no case folding.
import type { Codelijst } from '../../schema-model.ts';

const lijst = (nummer: number, naam: string, waarden: readonly string[]): Codelijst => ({ nummer, naam, waarden });
const reeks = (van: number, tot: number) => Array.from({ length: tot - van + 1 }, (_, i) => String(van + i));

export const codelijsten2019 = {
  voAdvies: lijst(2, 'Advies VO', ['01', '10', '20', '21', '22', '23', '30', '31', '32', '33', '34', '35', '40', '41', '42', '43', '44', '50', '51', '52', '60', '61', '70', '80']),
  communicatieSoort: lijst(4, 'Communicatie soort', ['telefoon', 'e-mail']),
  communicatieAanduiding: lijst(5, 'Communicatie aanduiding', ['werk', 'prive', 'overig']),
  voorschoolseToeleider: lijst(6, 'Voorschoolse toeleider', reeks(1, 9)),
  voorschoolseHistorie: lijst(7, 'Voorschoolse historie', reeks(1, 5)),
  voorschoolseDeelname: lijst(8, 'Voorschoolse deelname', reeks(1, 5)),
  vveProgramma: lijst(9, 'VVE programma', reeks(1, 15)),
  nnca: lijst(10, 'NNCA', ['0', '1', '2']),
  referentiescore: lijst(11, 'Referentiescore', [
    'AE', 'CAE', 'IV', 'CIV', 'FN', 'ON', 'DLE', 'Percentiel', 'Percentage', 'T-score', 'Stanine', 'DQ', 'IQ', 'ERK', 'C-score',
    'Norm', 'RNTRM', 'ZML', 'LGH', 'AVI', 'NAZ', 'LM', 'Standaardscore', 'LA',
  ]),
  jaargroep: lijst(13, 'Jaargroepen', [...reeks(0, 8), ...reeks(11, 16), 'S', 'P']),
  geslacht: lijst(14, 'Geslacht', ['0', '1', '2']),
  gewicht: lijst(15, 'Gewicht', ['0.00', '0.30', '1.20']),
  overstap: lijst(16, 'Soort overstap/dossier', [
    'VSPO', 'VSWEC', 'POPO', 'POWEC', 'POVO', 'VOVO', 'VOMBO', 'VOHBO', 'VOWO', 'WECWEC', 'WECVO', 'WECMBO', 'POSWV', 'VOSWV', 'WECHBO', 'WECWO', 'OVERIG',
  ]),
  rvcIndicatie: lijst(17, 'RVC indicatie', ['LWOO', 'PRO']),
  huisnummerAanduiding: lijst(18, 'Huisnummer aanduiding', ['TO', 'BY']),
  soortAdres: lijst(19, 'Soort adres', ['bezoek', 'post', 'gba']),
  profiel: lijst(21, 'Profiel', ['basis', 'plus', 'bespreek', 'disharmonisch', 'ondersteuning']),
  vergelijkingsgroep: lijst(22, 'Vergelijkingsgroep', ['BB+', 'BB', 'KB', 'GT', 'HAVO', 'VWO', 'Landelijk']),
  diagnose: lijst(23, 'Diagnosecode', [
    'F79.VB', 'F79.ZB', 'HB', 'F80', 'F81.0', 'F81.1', 'F81.2', 'F81.9', 'F82', 'F84', 'F84.0', 'F84.2', 'F84.5', 'F84.nld', 'F84.mcdd',
    'F90', 'F90.0', 'F90.0+', 'F90.0-', 'F91', 'F91.3', 'F95', 'F95.2', 'F41.0', 'F43.1', 'F43.2', 'F50', 'F92.0', 'F93.1', 'F94', 'Fspd',
    'G40', 'H54.0', 'H54.2', 'H91.9.d', 'H91.9.s', 'Z62',
  ]),
  overdrachtsoort: lijst(29, 'Soort overdracht', ['overstapdossier', 'overdrachtbinnenbrin', 'swv-dossier']),
  tlvCategorie: lijst(31, 'TLV bekostigingscategorie', ['H', 'M', 'L', 'Nvt']),
  deeldossier: lijst(33, 'Deeldossier type', ['LAS', 'LVS', 'LASLVS', 'TIB']),
  examenuitslag: lijst(35, 'Examenuitslag', ['geslaagd', 'afgewezen', 'herexamen']),
  beoordelingExamenvak: lijst(36, 'Beoordeling examenvak', ['voldoende', 'onvoldoende']),
  akkoord: lijst(37, 'Akkoord', ['Ja', 'Nee', 'Onbekend']),
  relatieTotKind: lijst(41, 'Relatie tot kind', reeks(1, 9)),
  eindtoetsSoort: lijst(42, 'Soort eindtoets', ['0011', '0012', '0013', '0014', '0016']),
  eindtoetsNiveau: lijst(43, 'Niveau eindtoets', ['G']),
  wettelijkeOntheffing: lijst(44, 'Wettelijke ontheffing eindtoets', ['J', 'N']),
  referentieniveau: lijst(45, 'Eindtoets referentieniveau', ['01', '02', '03', '04']),
  eindtoetsOnderdeel: lijst(46, 'Eindtoets onderdeelcode', ['8000', '8001']),
  eindtoetsDomein: lijst(47, 'Eindtoets domeincode', ['8050', '8051']),
  categorieUitlevering: lijst(48, 'Categorie uitlevering', ['VERPLICHT', 'OPTIONEEL', 'VERBODEN', 'OPT-UIT']),
} as const satisfies Record<string, Codelijst>;
