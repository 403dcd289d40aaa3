/**
 * Dates as scenarios state them: relative to the school year ("16 maart", "na de zomerrelease") rather than a fixed day,
 * so a scenario means the same thing in every year it is run, and against a LAS whose clock the harness cannot set. Pure:
 * the reference date comes from the caller (the harness's clock, or the date the LAS says it works with).
 *
 * The school year runs from 1 August to 31 July (WPO art. 1, WVO 2020 art. 1.1: "schooljaar"). The summer release of
 * the gegevensset takes effect with the new school year, on 1 August [ours: the public record names the summer, not a day].
 */

export const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

/** What a scenario may write as a date: a fixed day, a day of the school year, or the day the summer release takes effect. */
export const DATUM_UITDRUKKING = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}|[1-9]\\d? (${MAANDEN.join('|')})|na de zomerrelease)$`);

const SCHOOLJAAR_BEGIN_MAAND = 8;

/** The school year a date (YYYY-MM-DD) falls in, as its first and last day. */
export function schooljaarVan(datum: string): { begin: string; eind: string } {
  const [jaar, maand] = deel(datum);
  const beginJaar = maand >= SCHOOLJAAR_BEGIN_MAAND ? jaar : jaar - 1;
  return { begin: `${beginJaar}-08-01`, eind: `${beginJaar + 1}-07-31` };
}

/**
 * The day (YYYY-MM-DD) an expression means in the school year of `referentie`: a fixed day stays itself; "16 maart" is
 * the 16th of March of that school year; "na de zomerrelease" is the first day of the next school year, when the new
 * release is in force. Throws a Dutch message for an expression or a day that does not exist ("31 april").
 */
export function datumInSchooljaar(uitdrukking: string, referentie: string): string {
  if (!DATUM_UITDRUKKING.test(uitdrukking))
    throw new Error(`Datum '${uitdrukking}' is geen datum die de testbank kent: schrijf JJJJ-MM-DD, een dag van het schooljaar ("16 maart") of "na de zomerrelease".`);
  if (/^\d{4}-/.test(uitdrukking)) return bestaand(uitdrukking, uitdrukking);
  const { begin, eind } = schooljaarVan(referentie);
  if (uitdrukking === 'na de zomerrelease') return `${deel(eind)[0]}-08-01`;
  const [dagTekst, maandNaam] = uitdrukking.split(' ') as [string, (typeof MAANDEN)[number]];
  const maand = MAANDEN.indexOf(maandNaam) + 1;
  const jaar = maand >= SCHOOLJAAR_BEGIN_MAAND ? deel(begin)[0] : deel(eind)[0];
  return bestaand(`${jaar}-${twee(maand)}-${twee(Number(dagTekst))}`, uitdrukking);
}

/** How a date reads in a report: "16 maart 2026". */
export function leesbareDatum(datum: string): string {
  const [jaar, maand, dag] = deel(datum);
  return `${dag} ${MAANDEN[maand - 1]} ${jaar}`;
}

function deel(datum: string): [number, number, number] {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  return [j, m, d];
}

function twee(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date itself when the calendar has it; "2026-02-30" or "31 april" is an error, never silently the next month. */
function bestaand(datum: string, uitdrukking: string): string {
  const d = new Date(`${datum}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== datum) throw new Error(`Datum '${uitdrukking}' bestaat niet in de kalender.`);
  return datum;
}
