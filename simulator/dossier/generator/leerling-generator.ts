/*
 * Synthetic pupils (Leerling, as the fixture pupils of fixtures/leerlingen.yaml are), deterministic for a seed: for a
 * capacity run that needs many more distinct pupils than the fixture file holds. Each is a pupil in group 8 of a PO
 * school, as the fixture pupils are, so the dossier a LAS builds for it (generator.ts, with the pupil passed in)
 * validates like theirs. BSN or onderwijsnummer pass the check digit and look obviously synthetic (999… / 109…).
 * Pure: no clock, no Math.random.
 */
import type { Leerling, Verzorger } from '../leerling.ts';
import { codelijsten2019 } from '../versies/2019.1/codelijsten.ts';
import { maakPgn } from './generator.ts';
import { achternamen, jongensnamen, meisjesnamen, plaatsen, straten } from './namen.ts';
import { Prng } from './prng.ts';

export interface LeerlingOpties {
  /** The harness's handle for the pupil (never in a dossier). */
  id: string;
  /** Same seed (and id), same pupil. */
  seed: string;
  zorg?: boolean;
  /** Extra attachments with the diagnosis of a zorg pupil. */
  extraBijlagen?: number;
  /** PGNs already taken (the fixture pupils', earlier generated ones'): the new pupil gets another. */
  bezet?: ReadonlySet<string>;
}

const twee = (n: number) => String(n).padStart(2, '0');

export function genereerLeerling(o: LeerlingOpties): Leerling {
  const prng = new Prng(`leerling|${o.seed}|${o.id}`);
  let pgn = maakPgn(prng, prng.kans(0.2) ? 'onderwijsnummer' : 'bsn');
  while (o.bezet?.has(pgn.waarde)) pgn = maakPgn(prng, pgn.soort);
  const geslacht = prng.kans(0.05) ? '0' : prng.kies(['1', '2'] as const);
  const voornaam = prng.kies(geslacht === '1' ? meisjesnamen : geslacht === '2' ? jongensnamen : [...meisjesnamen, ...jongensnamen]);
  const naam = prng.kies(achternamen);
  // Born in 2008 like the fixture pupils: in group 8 in 2019-2020, the school year the generated dossiers describe.
  const geboortemaand = prng.getal(1, 12);
  const verzorgers: Verzorger[] = Array.from({ length: prng.kies([1, 2, 2]) }, (_, i) => {
    const ouder = i === 0 ? naam : prng.kies(achternamen);
    return {
      achternaam: ouder.achternaam,
      ...(ouder.voorvoegsel ? { voorvoegsel: ouder.voorvoegsel } : {}),
      voorletters: `${prng.kies(['A', 'J', 'M', 'S', 'R', 'K'])}.`,
      relatietotkind: i === 0 ? prng.kies(['1', '2']) : prng.kies(['1', '2', '3']),
      wettigevertegenwoordiger: true,
      telefoon: `06${prng.cijfers(8)}`,
    };
  });
  const groep = prng.kies(['A', 'B', 'C']);
  const plaats = prng.kies(plaatsen);
  return {
    id: o.id,
    pgn,
    achternaam: naam.achternaam,
    ...(naam.voorvoegsel ? { voorvoegsel: naam.voorvoegsel } : {}),
    voornaam,
    geboortedatum: `2008-${twee(geboortemaand)}-${twee(prng.getal(1, 28))}`,
    geslacht,
    adresgeheim: prng.kans(1 / 6),
    adres: { straatnaam: prng.kies(straten), huisnummer: String(prng.getal(1, 250)), postcode: `9${prng.cijfers(3)} ${prng.kies(['XA', 'XB', 'ZZ', 'QT'])}`, plaatsnaam: plaats.plaats },
    leerlingid: `LL-G${prng.cijfers(6)}`,
    datuminschrijving: `2012-08-${twee(prng.getal(15, 31))}`,
    verzorgers,
    schoolloopbaan: [
      { schooljaar: '2018-2019', groepscode: `7${groep}`, jaargroep: '7' },
      { schooljaar: '2019-2020', groepscode: `8${groep}`, jaargroep: '8' },
    ],
    advies: prng.kies(codelijsten2019.voAdvies.waarden),
    ...(o.zorg ? { zorg: true } : {}),
    ...(o.zorg && o.extraBijlagen ? { extraBijlagen: o.extraBijlagen } : {}),
  };
}
