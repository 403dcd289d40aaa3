/*
 * A dossier of the current release as XML and back: the codec (codec.ts) bound to gegevensset 2019.1's structure.
 */
import { elementNaarObject, objectNaarXml, type TypedObject } from './codec.ts';
import { dossierWortel } from './dossier-reader.ts';
import { DossierLeesfout } from './leesfout.ts';
import { huidigeVersie, type GegevenssetVersie, type VolledigeVersie } from './versies/index.ts';
import type { Dossier } from './versies/2019.1/model.ts';
import { leesXml } from './xml-bytes.ts';

export interface SchrijfOpties {
  /** The release identity whose namespace is written (default: the current release). */
  versie?: GegevenssetVersie;
  /** Indent nested elements (default true). */
  inspringen?: boolean;
}

/**
 * The XML text of a typed dossier: elements in the order of the release's schema, values escaped, the release's
 * namespace as the default namespace. Throws for a value XML 1.0 cannot carry.
 */
export function dossierToXml(dossier: Dossier, opties: SchrijfOpties = {}): string {
  const structuur: VolledigeVersie = huidigeVersie;
  return objectNaarXml(dossier as unknown as TypedObject, 'dossier', structuur.dossierType, (opties.versie ?? structuur).namespace, {
    inspringen: opties.inspringen ?? true,
  });
}

/**
 * The typed object of a dossier of the current release, read without validation (use validateDossier to judge it).
 * Throws DossierLeesfout when the input is not readable XML, not a `dossier`, or not in the release's namespace.
 */
export function dossierFromXml(invoer: string | Uint8Array, versie: VolledigeVersie = huidigeVersie): Dossier {
  const wortel = dossierWortel(leesXml(invoer));
  if (wortel.ns !== versie.namespace) {
    throw new DossierLeesfout('niet-welgevormd', `Dossier heeft namespace ${wortel.ns || '(geen)'}; verwacht ${versie.namespace} (gegevensset ${versie.versie})`);
  }
  return elementNaarObject(wortel, versie.dossierType, versie.namespace) as Dossier;
}
