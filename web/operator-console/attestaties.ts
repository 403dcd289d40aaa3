/**
 * What a qualification cannot observe on the wire and a school or vendor therefore attests: a short security checklist
 * and the signed self-declaration (eigen verklaring) [seed documents: a school's qualification used to include both].
 * The wording is the harness's own. Each item is asked through the operator console; the answers come back typed and are
 * also written to the evidence folder as `attestaties.json`, next to the console's log of every answer.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OperatorConsole } from './operator-console.ts';
import type { BewaardBestand } from './vraag.ts';

export interface ChecklistItem {
  /** Stable, so reports and later qualifications can cite the item. */
  id: string;
  tekst: string;
}

export const beveiligingsChecklist: readonly ChecklistItem[] = [
  {
    id: 'ATT-CERTIFICAAT',
    tekst: 'Het certificaat voor OSO en de private sleutel staan alleen op de systemen die OSO-berichten versturen en ontvangen, afgeschermd zodat alleen aangewezen beheerders erbij kunnen.',
  },
  { id: 'ATT-SLEUTEL', tekst: 'De private sleutel is met niemand gedeeld: niet per e-mail, niet in tickets of broncode, niet met een andere organisatie.' },
  { id: 'ATT-TLS', tekst: 'OSO-verbindingen, inkomend en uitgaand, gebruiken alleen TLS 1.2 of hoger.' },
  { id: 'ATT-LOGBOEK', tekst: 'Er wordt vastgelegd welke medewerker een overstapdossier klaarzette, vrijgaf of opvroeg, met datum en tijd, en dat logboek wordt bewaard.' },
  { id: 'ATT-TOEGANG', tekst: 'Alleen medewerkers die daartoe bevoegd zijn kunnen een overstapdossier klaarzetten, opvragen of inzien.' },
  {
    id: 'ATT-VERNIEUWING',
    tekst: 'Iemand is verantwoordelijk voor het op tijd vernieuwen van het certificaat vóór het verloopt, en voor het laten intrekken als de sleutel mogelijk is uitgelekt.',
  },
];

export interface ChecklistAntwoord {
  id: string;
  tekst: string;
  voldaan: boolean;
  opmerking?: string;
  door: string;
  beantwoordOp: string;
}

export interface EigenVerklaring {
  /** False when the operator declined to make the declaration. */
  afgegeven: boolean;
  /** The signatory, as the operator typed it (may differ from who operated the console). */
  naam: string;
  organisatie: string;
  /** The declaration as it was shown. */
  tekst: string;
  opmerking?: string;
  /** The signed declaration, when uploaded. */
  ondertekend?: BewaardBestand;
  door: string;
  beantwoordOp: string;
}

export interface Attestaties {
  voor: 'school' | 'leverancier';
  checklist: ChecklistAntwoord[];
  verklaring: EigenVerklaring;
}

export const ATTESTATIES_BESTAND = 'attestaties.json';

export async function vraagAttestaties(
  operatorConsole: OperatorConsole,
  opties: { voor: 'school' | 'leverancier'; timeoutMs: number },
): Promise<Attestaties> {
  const { timeoutMs, voor } = opties;
  const wat = voor === 'school' ? 'uw school' : 'uw LAS';
  const checklist: ChecklistAntwoord[] = [];
  for (const [i, item] of beveiligingsChecklist.entries()) {
    const a = await operatorConsole.vraag(
      {
        soort: 'janee',
        kop: `Beveiliging ${i + 1} van ${beveiligingsChecklist.length}`,
        tekst: `${item.tekst}\n\nGeldt dit voor ${wat}? Licht uw antwoord toe in de opmerking als dat helpt.`,
        gegevens: { Onderdeel: item.id },
      },
      { timeoutMs },
    );
    checklist.push({ id: item.id, tekst: item.tekst, voldaan: a.ja, ...(a.opmerking ? { opmerking: a.opmerking } : {}), door: a.door, beantwoordOp: a.beantwoordOp });
  }

  const naam = await operatorConsole.vraag({ soort: 'tekst', kop: 'Eigen verklaring: ondertekenaar', tekst: 'Wie ondertekent de eigen verklaring? Vul de volledige naam in.' }, { timeoutMs });
  const organisatie = await operatorConsole.vraag(
    {
      soort: 'tekst',
      kop: 'Eigen verklaring: organisatie',
      tekst: voor === 'school' ? 'Namens welke school (naam en BRIN)?' : 'Namens welke leverancier, en voor welk LAS (naam en versie)?',
    },
    { timeoutMs },
  );
  const tekst =
    voor === 'school'
      ? `Ik verklaar namens ${organisatie.waarde} dat de antwoorden op de beveiligingsvragen naar waarheid zijn gegeven, en dat de school overstapdossiers alleen via OSO uitwisselt op de manier die in deze kwalificatie is getest.`
      : `Ik verklaar namens ${organisatie.waarde} dat de antwoorden op de beveiligingsvragen naar waarheid zijn gegeven, en dat de versie van het LAS die scholen gebruiken zich bij OSO gedraagt zoals in deze kwalificatie is getest.`;
  const verklaard = await operatorConsole.vraag(
    { soort: 'janee', kop: 'Eigen verklaring', tekst: `${tekst}\n\nGeeft u deze verklaring af?`, gegevens: { Ondertekenaar: naam.waarde, Organisatie: organisatie.waarde } },
    { timeoutMs },
  );
  const ondertekend = verklaard.ja
    ? await operatorConsole.vraag(
        {
          soort: 'bestand',
          kop: 'Eigen verklaring: ondertekend exemplaar',
          tekst: 'Upload de ondertekende verklaring (bij voorkeur als PDF). Heeft u die niet bij de hand, ga dan verder zonder bestand.',
          optioneel: true,
        },
        { timeoutMs },
      )
    : undefined;

  const attestaties: Attestaties = {
    voor,
    checklist,
    verklaring: {
      afgegeven: verklaard.ja,
      naam: naam.waarde,
      organisatie: organisatie.waarde,
      tekst,
      ...(verklaard.opmerking ? { opmerking: verklaard.opmerking } : {}),
      ...(ondertekend?.bestand ? { ondertekend: ondertekend.bestand } : {}),
      door: verklaard.door,
      beantwoordOp: (ondertekend ?? verklaard).beantwoordOp,
    },
  };
  await writeFile(join(operatorConsole.bewijsMap, ATTESTATIES_BESTAND), `${JSON.stringify(attestaties, null, 2)}\n`);
  return attestaties;
}
