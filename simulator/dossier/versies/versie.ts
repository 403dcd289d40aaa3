/*
 * What a gegevensset release is to the harness. Every yearly release changes its namespace, `standaardversie` and
 * `validatieversie`, and a dossier only validates against its own release (OG.02, OVa/OVb/PaO.MD02). A release the
 * harness knows only by identity is enough to recognise a dossier of that release and refuse it clearly; a complete
 * release also brings its structure and rules.
 */
import type { Regel } from '../regel.ts';
import type { SamengesteldType } from '../schema-model.ts';

export interface GegevenssetVersie {
  readonly versie: string;
  readonly namespace: string;
  readonly standaardversie: string;
  readonly validatieversie: string;
}

export interface VolledigeVersie extends GegevenssetVersie {
  /** The structure of the root element `dossier`. */
  readonly dossierType: SamengesteldType;
  /** Every content rule, in the order they run. */
  readonly regels: readonly Regel[];
}

export function isVolledig(v: GegevenssetVersie): v is VolledigeVersie {
  return 'dossierType' in v;
}
