// Persoonsgebonden nummer (PGN): the pupil's BSN or, for a pupil without one, a temporary onderwijsnummer.
// Both carry the public "elfproef" check digit. The official OSO validators never check it (the schema has plain
// strings), so the harness does: a dossier with a mistyped number reaches the wrong pupil's file.

export type Pgn = { soort: 'bsn' | 'onderwijsnummer'; waarde: string };

const gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** The weighted sum of a nine-digit string, or undefined when it is not exactly nine ASCII digits. */
function gewogenSom(s: string): number | undefined {
  if (typeof s !== 'string' || !/^[0-9]{9}$/.test(s)) return undefined;
  let som = 0;
  for (let i = 0; i < gewichten.length; i++) som += gewichten[i]! * Number(s[i]);
  return som;
}

function modulo11(n: number): number {
  return ((n % 11) + 11) % 11;
}

/** BSN: nine digits (leading zeros allowed) whose weighted sum is divisible by 11. */
export function isValidBsn(s: string): boolean {
  const som = gewogenSom(s);
  return som !== undefined && modulo11(som) === 0;
}

/** Onderwijsnummer: nine digits starting with "10" whose weighted sum is 5 modulo 11 — so it can never pass as a BSN. */
export function isValidOnderwijsnummer(s: string): boolean {
  const som = gewogenSom(s);
  return som !== undefined && s.startsWith('10') && modulo11(som) === 5;
}

export function isValidPgn(p: Pgn): boolean {
  switch (p.soort) {
    case 'bsn':
      return isValidBsn(p.waarde);
    case 'onderwijsnummer':
      return isValidOnderwijsnummer(p.waarde);
    default:
      return false;
  }
}

/** The check digit a BSN-like number needs: the ninth digit that makes the weighted sum ≡ `rest` (mod 11), if any. */
export function controlecijfer(eersteAcht: string, rest: 0 | 5): string | undefined {
  // The ninth weight is −1, so a ninth digit 0 adds nothing: this is the weighted sum of the first eight digits.
  const som = typeof eersteAcht === 'string' ? gewogenSom(`${eersteAcht}0`) : undefined;
  if (som === undefined) return undefined;
  for (let c = 0; c <= 9; c++) if (modulo11(som - c) === rest) return String(c);
  return undefined;
}
