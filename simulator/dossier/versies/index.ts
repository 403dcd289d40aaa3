/*
 * The releases the harness knows. The newest complete one is the default for validation and for the dossiers the
 * simulated LAS systems build; older ones are known by identity, so their dossiers are recognised and refused clearly.
 */
import { identiteit2018 } from './2018.1/index.ts';
import { gegevensset2019Volledig } from './2019.1/index.ts';
import { isVolledig, type GegevenssetVersie, type VolledigeVersie } from './versie.ts';

export const bekendeVersies: readonly GegevenssetVersie[] = [gegevensset2019Volledig, identiteit2018];

export const huidigeVersie: VolledigeVersie = gegevensset2019Volledig;

export function versieOpNaam(versie: string): GegevenssetVersie | undefined {
  return bekendeVersies.find((v) => v.versie === versie);
}

export function versieOpNamespace(namespace: string): GegevenssetVersie | undefined {
  return bekendeVersies.find((v) => v.namespace === namespace);
}

/** The complete release with this name (for validation); undefined for an unknown or identity-only release. */
export function volledigeVersie(versie: string): VolledigeVersie | undefined {
  const v = versieOpNaam(versie);
  return v !== undefined && isVolledig(v) ? v : undefined;
}

export { isVolledig, type GegevenssetVersie, type VolledigeVersie } from './versie.ts';
