/*
 * The check digits of the pupil's number (harness rules PGN.bsn and PGN.onderwijsnummer). The official validators never
 * check them — the schema has plain strings — but a mistyped number files the dossier with the wrong pupil, so the
 * harness does, as an error. Surrounding whitespace is tolerated (receivers trim it); anything else must be exact.
 */
import { isValidBsn, isValidOnderwijsnummer } from './pgn.ts';
import { regel } from './regel.ts';
import { xsdTrim } from './xsd-waarden.ts';

export const pgnRegel = regel(['PGN.bsn', 'PGN.onderwijsnummer'], 'harnas', 'BSN en onderwijsnummer halen de elfproef.', (ctx) => {
  for (const e of ctx.alle('bsn')) {
    const waarde = xsdTrim(e.tekst);
    if (!isValidBsn(waarde)) {
      ctx.fout(
        'PGN.bsn',
        e,
        /^[0-9]{9}$/.test(waarde)
          ? `BSN ${waarde} haalt de elfproef niet (het controlecijfer klopt niet): vermoedelijk een tikfout, en dan komt het dossier bij de verkeerde leerling.`
          : `BSN '${waarde}' bestaat niet uit precies negen cijfers (voorloopnullen horen erbij, bijvoorbeeld 003389261).`,
      );
    }
  }
  for (const e of ctx.alle('onderwijsnummer')) {
    const waarde = xsdTrim(e.tekst);
    if (!isValidOnderwijsnummer(waarde)) {
      ctx.fout(
        'PGN.onderwijsnummer',
        e,
        /^[0-9]{9}$/.test(waarde)
          ? `Onderwijsnummer ${waarde} haalt de elfproef niet: het moet met 10 beginnen en een gewogen som hebben die 5 is modulo 11.`
          : `Onderwijsnummer '${waarde}' bestaat niet uit precies negen cijfers.`,
      );
    }
  }
});
