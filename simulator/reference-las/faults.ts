/**
 * The named faults of the reference LAS: deliberate misbehaviours that prove each check of the harness catches what it
 * claims to catch. A qualification against the reference LAS with a fault switched on must fail, in exactly the runs
 * listed in `vangtIn` (scenario id/role): no collateral failures that would hide a weak check.
 */
import type { LasGedrag } from '../las/las-system.ts';

export const referenceLasFaults = {
  'skip-sessiecontrole': {
    omschrijving: 'Geeft het dossier vrij zonder eerst sessiecontrole te doen bij het Traffic Center.',
    gedrag: { sessiecontroleOverslaan: true },
    // Without sessiecontrole the bron never learns which system opened the session, so the OIN check falls with it.
    vangtIn: ['regulier-povo/bron', 'oin-van-ander-systeem/bron'],
  },
  'ignore-oin': {
    omschrijving: 'Geeft het dossier vrij aan elk systeem met een geldig certificaat, ook als dat niet de doel van de sessie is.',
    gedrag: { oinNegeren: true },
    vangtIn: ['oin-van-ander-systeem/bron'],
  },
  'accept-tls10': {
    omschrijving: 'Het aanleverpunt accepteert nog TLS 1.0 en 1.1.',
    gedrag: { minTlsVersie: 'TLSv1' },
    vangtIn: ['tls-versie-te-oud/bron'],
  },
} as const satisfies Record<string, { omschrijving: string; gedrag: LasGedrag; vangtIn: readonly string[] }>;

export type ReferenceLasFault = keyof typeof referenceLasFaults;

export function isReferenceLasFault(name: string): name is ReferenceLasFault {
  return Object.hasOwn(referenceLasFaults, name);
}

/** The combined behaviour of several faults; tolerated certificate problems add up. */
export function gedragVoor(faults: readonly ReferenceLasFault[]): LasGedrag {
  const gedrag: LasGedrag = {};
  for (const f of faults) {
    const g: LasGedrag = referenceLasFaults[f].gedrag;
    Object.assign(gedrag, g, g.tolereer ? { tolereer: [...(gedrag.tolereer ?? []), ...g.tolereer] } : {});
  }
  return gedrag;
}
