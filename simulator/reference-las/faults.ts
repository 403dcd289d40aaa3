/**
 * The named faults of the reference LAS: deliberate misbehaviours that prove each check of the harness catches what it
 * claims to catch. A qualification against the reference LAS with a fault switched on must fail.
 */
import type { BronGedrag } from '../las/bron.ts';

export const referenceLasFaults = {
  'skip-sessiecontrole': {
    omschrijving: 'Geeft het dossier vrij zonder eerst sessiecontrole te doen bij het Traffic Center.',
    gedrag: { sessiecontroleOverslaan: true },
  },
} as const satisfies Record<string, { omschrijving: string; gedrag: BronGedrag }>;

export type ReferenceLasFault = keyof typeof referenceLasFaults;

export function isReferenceLasFault(name: string): name is ReferenceLasFault {
  return Object.hasOwn(referenceLasFaults, name);
}

export function gedragVoor(faults: readonly ReferenceLasFault[]): BronGedrag {
  return Object.assign({}, ...faults.map((f) => referenceLasFaults[f].gedrag)) as BronGedrag;
}
