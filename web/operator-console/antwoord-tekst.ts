/**
 * An operator's answer in words, as the reports show it (the console page shows the same in HTML): what was asked, in
 * which run, what was answered, by whom and when.
 */
import type { Antwoord } from './vraag.ts';

export function antwoordTekst(a: Antwoord): string {
  switch (a.soort) {
    case 'opdracht':
      return a.uitgevoerd ? 'Uitgevoerd' : 'Niet gelukt';
    case 'janee':
      return a.ja ? 'Ja' : 'Nee';
    case 'keuze':
      return `${a.vraag.opties.find((o) => o.waarde === a.waarde)?.label ?? a.waarde} (${a.waarde})`;
    case 'tekst':
      return a.waarde || '(leeg)';
    case 'bestand': {
      const bestanden = a.bestanden ?? (a.bestand ? [a.bestand] : []);
      return bestanden.length ? bestanden.map((b) => `${b.naam} (SHA-256 ${b.sha256})`).join('; ') : 'geen bestand';
    }
  }
}

export interface OperatorRegel {
  run?: string;
  vraag: string;
  antwoord: string;
  opmerking?: string;
  door: string;
  beantwoordOp: string;
}

export function operatorRegel(a: Antwoord): OperatorRegel {
  return {
    ...(a.vraag.context ? { run: a.vraag.context.run } : {}),
    vraag: a.vraag.kop,
    antwoord: antwoordTekst(a),
    ...(a.opmerking ? { opmerking: a.opmerking } : {}),
    door: a.door,
    beantwoordOp: a.beantwoordOp,
  };
}
