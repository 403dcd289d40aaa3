/*
 * The transfer profiles of the OSO gegevensset and how a dossier shows which one it is: `overdrachtsoort` (list 29)
 * picks the family and the official validator (overstapdossier and overdrachtbinnenbrin: the OV validator; swv-dossier:
 * the PaO validator), `metadata/overstap` (list 16) the profile within it.
 */

export const profielen = ['POPO', 'POVO', 'VOVO', 'binnen-BRIN', 'POSWV', 'VOSWV'] as const;
export type Profiel = (typeof profielen)[number];

/** The validator family: transfer profiles (OVa/OVb rules) or samenwerkingsverband profiles (PaO rules). */
export type Familie = 'OV' | 'PaO';

export interface ProfielKenmerken {
  overdrachtsoort: 'overstapdossier' | 'overdrachtbinnenbrin' | 'swv-dossier';
  /** `metadata/overstap`; absent for binnen-BRIN, where the agreement makes it optional. */
  overstap?: 'POPO' | 'POVO' | 'VOVO' | 'POSWV' | 'VOSWV';
  /** Sector of the school that sends the dossier. */
  bronSector: 'PO' | 'VO';
  familie: Familie;
}

export const profielKenmerken: Record<Profiel, ProfielKenmerken> = {
  POPO: { overdrachtsoort: 'overstapdossier', overstap: 'POPO', bronSector: 'PO', familie: 'OV' },
  POVO: { overdrachtsoort: 'overstapdossier', overstap: 'POVO', bronSector: 'PO', familie: 'OV' },
  VOVO: { overdrachtsoort: 'overstapdossier', overstap: 'VOVO', bronSector: 'VO', familie: 'OV' },
  'binnen-BRIN': { overdrachtsoort: 'overdrachtbinnenbrin', bronSector: 'PO', familie: 'OV' },
  POSWV: { overdrachtsoort: 'swv-dossier', overstap: 'POSWV', bronSector: 'PO', familie: 'PaO' },
  VOSWV: { overdrachtsoort: 'swv-dossier', overstap: 'VOSWV', bronSector: 'VO', familie: 'PaO' },
};

export interface HerkendProfiel {
  familie: Familie;
  /** Undefined when the dossier does not say clearly enough (e.g. an overstapdossier without overstap). */
  profiel: Profiel | undefined;
}

/** The profile a dossier declares, from the exact texts of `overdrachtsoort` and `metadata/overstap`. */
export function herkenProfiel(overdrachtsoort: string | undefined, overstap: string | undefined): HerkendProfiel {
  const ovOverstap = overstap === 'POPO' || overstap === 'POVO' || overstap === 'VOVO' ? overstap : undefined;
  const swvOverstap = overstap === 'POSWV' || overstap === 'VOSWV' ? overstap : undefined;
  switch (overdrachtsoort) {
    case 'swv-dossier':
      return { familie: 'PaO', profiel: swvOverstap };
    case 'overdrachtbinnenbrin':
      return { familie: 'OV', profiel: 'binnen-BRIN' };
    case 'overstapdossier':
      return { familie: 'OV', profiel: ovOverstap };
    default:
      // An unknown overdrachtsoort: the overstap still tells which validator the sender meant.
      return swvOverstap ? { familie: 'PaO', profiel: swvOverstap } : { familie: 'OV', profiel: ovOverstap };
  }
}
