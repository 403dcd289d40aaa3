import { createHash } from 'node:crypto';

/**
 * The zoeksleutel and pgnfrag by which a doel asks for a pupil. Public pages show the zoeksleutel only as an opaque
 * base64 value and the pgnfrag as 4 digits; this derivation is the harness's own [ours]:
 * zoeksleutel = base64(SHA-256(PGN + "|" + birth date as YYYY-MM-DD)), pgnfrag = the last 4 digits of the PGN.
 */
export function zoeksleutelVoor(pgn: string, geboortedatum: string): { zoeksleutel: string; pgnfrag: string } {
  return {
    zoeksleutel: createHash('sha256').update(`${pgn}|${geboortedatum}`, 'utf8').digest('base64'),
    pgnfrag: pgn.slice(-4),
  };
}
