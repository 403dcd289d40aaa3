/*
 * The transfer profiles of the OSO gegevensset and how a dossier shows which one it is: `metadata/overstap` (list 16)
 * and `overdrachtsoort` (list 29); `herkenProfiel` says which of the two picks the official validator.
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
  /** Which element chose the validator: `overstap` when it names a profile, else `overdrachtsoort`. */
  gekozenDoor: 'overstap' | 'overdrachtsoort';
}

type Waarde = string | readonly string[] | undefined;

const alsKnopen = (w: Waarde): readonly string[] => (w === undefined ? [] : typeof w === 'string' ? [w] : w);

/**
 * Which official validator judges a dossier, and the profile it declares — from the text nodes of `metadata/overstap`
 * and `overdrachtsoort` (or their exact texts), as the official 2019.1 validators compare them.
 *
 * The two official stylesheets are separate: the SWV (PaO) one checks `overdrachtsoort` = swv-dossier as PaO.SO03,
 * the OV one checks `overdrachtsoort` ∈ {overstapdossier, overdrachtbinnenbrin} as OVa.OS03/OVb.OS01. Those checks
 * can only fire when the stylesheet is chosen by the other field, `overstap`: an overstap POSWV/VOSWV goes to the PaO
 * validator, POPO/POVO/VOVO to the OV validator, whatever `overdrachtsoort` says — so a disagreement between the two
 * is that validator's SO03/OS03 finding, not another profile's errors. Where `overstap` names no profile (absent, as
 * binnen-BRIN allows, or another value) `overdrachtsoort` decides: swv-dossier → PaO (which then reports SO01/SO02),
 * anything else → OV. Within the OV validator `overdrachtsoort` picks the OVa or the OVb rules. [ours] The public
 * record does not describe the caller that picks the stylesheet; this rule is the one under which every official
 * check of both stylesheets can fire (docs/gegevensset.md, "Profiles and dispatch").
 */
export function herkenProfiel(overdrachtsoort: Waarde, overstap: Waarde): HerkendProfiel {
  const soort = alsKnopen(overdrachtsoort);
  const o = alsKnopen(overstap);
  const swvOverstap = o.find((w): w is 'POSWV' | 'VOSWV' => w === 'POSWV' || w === 'VOSWV');
  const ovOverstap = o.find((w): w is 'POPO' | 'POVO' | 'VOVO' => w === 'POPO' || w === 'POVO' || w === 'VOVO');
  const binnenBrin = soort.includes('overdrachtbinnenbrin');
  if (swvOverstap) return { familie: 'PaO', profiel: swvOverstap, gekozenDoor: 'overstap' };
  if (ovOverstap) return { familie: 'OV', profiel: binnenBrin ? 'binnen-BRIN' : ovOverstap, gekozenDoor: 'overstap' };
  if (soort.includes('swv-dossier')) return { familie: 'PaO', profiel: undefined, gekozenDoor: 'overdrachtsoort' };
  return { familie: 'OV', profiel: binnenBrin ? 'binnen-BRIN' : undefined, gekozenDoor: 'overdrachtsoort' };
}
