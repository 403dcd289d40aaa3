/*
 * The gegevensset dossier model (pure: no file system, no network, no clock, no randomness but a seeded one).
 *
 *   validateDossier(xml | bytes, { gegevensset?, bijlagen? }) → { valid, gegevensset, profile, findings, … }
 *   dossierToXml(dossier) / dossierFromXml(xml)      typed object <-> XML (schema order, nothing lost)
 *   generateDossier({ profiel, variant, seed, zorg, leerling, school, … }) / generateDossierXml(…)
 *   readDossier(xml)                                  the identity facts a doel checks on receipt
 *   parseXml(xml)                                     the strict, DTD-refusing XML reader underneath
 *   isValidBsn / isValidOnderwijsnummer               check digits
 * Releases live in versies/<release>/ (identity, code lists, structure, categories, rules); docs/gegevensset.md
 * describes them, their rule ids and where the harness deliberately differs from the official validators.
 */
export { validateDossier, resolveVersie, OnbekendeGegevenssetFout, type ValidationOptions, type ValidationResult } from './validator.ts';
export { harnasRegels, isGeldig, type Finding, type Severity } from './finding.ts';
export { dossierFromXml, dossierToXml, type SchrijfOpties } from './dossier-xml.ts';
export {
  generateDossier,
  generateDossierXml,
  generateDossierXmlVanGrootte,
  maakPgn,
  type GeneratorOptions,
  type SchoolInvoer,
  type Variant,
} from './generator/generator.ts';
export { readDossier, type DossierKern } from './dossier-reader.ts';
export { DossierLeesfout, type DossierLeesfoutReden } from './leesfout.ts';
export { parseXml, padVan, type XmlDocument, type XmlElement } from './xml-reader.ts';
export { decodeerXmlBytes } from './xml-bytes.ts';
export { controlecijfer, isValidBsn, isValidOnderwijsnummer, isValidPgn, type Pgn } from './pgn.ts';
export { herkenProfiel, profielen, profielKenmerken, type Familie, type Profiel } from './profile.ts';
export { bekendeVersies, huidigeVersie, versieOpNaam, versieOpNamespace, volledigeVersie, type GegevenssetVersie, type VolledigeVersie } from './versies/index.ts';
export { gegevensset2018, gegevensset2019 } from './gegevensset.ts';
export type { Regel, Validator } from './regel.ts';
export type * as Model2019 from './versies/2019.1/model.ts';
