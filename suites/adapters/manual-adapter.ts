/**
 * The manual adapter: a person drives the LAS under test and tells the harness what it showed, through the operator
 * console. Each call of the SUT contract becomes one or more prompts in words a school administrator knows; the answers
 * fill the contract's data shapes, so the scenario checks judge them like any other adapter's. Every answer is evidence
 * (who answered, when) in the console's evidence folder. A prompt left unanswered, or an instruction the operator could
 * not carry out, makes the call fail as an adapter error (a broken run), never as a finding about the LAS.
 */
import { loadFixtureLeerlingen } from '../../fixtures/leerlingen.ts';
import type { KlaarzettenVerzoek, OntvangenDossier, OpvragenAntwoord, OpvragenVerzoek } from '../../simulator/control-api.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import { resultCodes, type ResultCode } from '../../simulator/protocol/result-codes.ts';
import { startOperatorConsole } from '../../web/operator-console/operator-console.ts';
import { VraagVerlopen, type Antwoord, type KeuzeOptie, type Vraag, type VraagContext } from '../../web/operator-console/vraag.ts';
import { AdapterFout, type Aangeboden, type StapInfo, type SutAdapter } from './sut-adapter.ts';

/** As the SUT configuration names them: `manual: { poort, operator }` and `tijdslimieten.handmatigMs`. */
export interface ManualAdapterSettings {
  /** Port of the operator console; an ephemeral one when absent. */
  poort?: number;
  /** The operator's name, when known beforehand. */
  operator?: string;
  /** How long the operator has for each prompt. */
  timeoutMs: number;
  /** Where the answers and uploaded files are kept as evidence. */
  bewijsMap: string;
  /** The LAS's name, shown on the console. */
  naam?: string;
  /** The run this adapter serves, shown with every prompt, e.g. "Zorgdossier met bijlagen (uw LAS als doel)". */
  run?: string;
}

export interface ManualAdapter extends SutAdapter {
  /** Where the operator opens the console. */
  readonly consoleUrl: string;
  /** The answers given for this run, oldest first (for the report). */
  antwoorden(): readonly Antwoord[];
}

/**
 * The results a doel's user can see after opvragen, the usual ones first: a delivered dossier, then what a bron answers
 * most, then what the TC or the network can cause. Codes only the TC and a bron say to each other (a session that is
 * afgemeld, an unknown aanleverpunt …) never reach the school's screen; the bron turns them into SessiecontroleAfgewezen.
 * Whatever else the LAS shows is "Anders", typed in as shown.
 */
const zichtbareResultaten: readonly ResultCode[] = [
  'DossierGeleverd',
  'DossierNietKlaargezet',
  'LeerlingOnbekend',
  'DossierNietVoorDezeSchool',
  'VerstrekkerNietBekend',
  'DossierVersieOnjuist',
  'SessiecontroleAfgewezen',
  'AanleverpuntOnbereikbaar',
  'TrafficCenterOnbereikbaar',
  'GeenActiefAanleverpunt',
  'CertificaatNietVanDoel',
  'SessiecontroleMislukt',
];
const ANDERS = 'Anders';
const resultaatOpties: readonly KeuzeOptie[] = [
  ...zichtbareResultaten.map((code) => ({ waarde: code, label: resultCodes[code].omschrijving })),
  { waarde: ANDERS, label: 'Iets anders (u typt hierna over wat uw LAS toonde)' },
];

const ONTVANGEN_OPTIES: readonly KeuzeOptie[] = [
  { waarde: 'opgeslagen', label: 'Het dossier is binnengekomen en opgeslagen bij de leerling' },
  { waarde: 'geweigerd', label: 'Het dossier is binnengekomen, maar mijn LAS heeft het geweigerd' },
  { waarde: 'niets', label: 'Er is geen dossier binnengekomen' },
];

/** YYYY-MM-DD as a Dutch administrator types it. */
const datum = (iso: string) => iso.split('-').reverse().join('-');

/** The synthetic test pupils the LAS holds, by BSN or onderwijsnummer: the operator looks a pupil up by name. */
const leerlingenOpPgn = new Map<string, Leerling>(loadFixtureLeerlingen().map((l) => [l.pgn.waarde, l]));
const naamVan = (pgn: string): Record<string, string> => {
  const l = leerlingenOpPgn.get(pgn);
  return l ? { Naam: [l.roepnaam ?? l.voornaam, l.voorvoegsel, l.achternaam].filter(Boolean).join(' ') } : {};
};

const leerlingGegevens = (v: OpvragenVerzoek) => ({
  'Uw school (BRIN)': v.brin,
  'Vorige school (BRIN)': v.bronBrin,
  ...naamVan(v.pgn),
  'Leerling (BSN of onderwijsnummer)': v.pgn,
  Geboortedatum: datum(v.geboortedatum),
});

/** One opvragen as the operator reported it, and (once asked) what the LAS did with the dossier. */
interface Opgevraagd {
  verzoek: OpvragenVerzoek;
  op: string;
  ontvangen?: OntvangenDossier | 'niets';
}

export async function manualAdapter(settings: ManualAdapterSettings): Promise<ManualAdapter> {
  const operatorConsole = await startOperatorConsole({
    bewijsMap: settings.bewijsMap,
    ...(settings.poort !== undefined ? { poort: settings.poort } : {}),
    ...(settings.operator ? { operator: settings.operator } : {}),
    ...(settings.naam ? { onderwerp: settings.naam } : {}),
  });

  // What the operator is shown with each prompt: the run, and the step the runner announced last.
  let stap: StapInfo | undefined;
  const context = (): VraagContext | undefined =>
    settings.run ? { run: settings.run, ...(stap ? { stap: stap.titel, stapNummer: stap.nummer, aantalStappen: stap.aantal } : {}) } : undefined;

  async function vraag<V extends Vraag>(v: V): Promise<Antwoord<V['soort']>> {
    const c = context();
    try {
      return await operatorConsole.vraag(c ? { ...v, context: c } : v, { timeoutMs: settings.timeoutMs });
    } catch (e) {
      if (e instanceof VraagVerlopen)
        throw new AdapterFout(`${e.message}\nBeantwoord de vragen in de operatorconsole (${operatorConsole.url}) binnen de tijdslimiet, of verhoog tijdslimieten.handmatigMs.`);
      throw e;
    }
  }

  /** An instruction the operator confirms; "lukt niet" stops the call with the operator's reason. */
  async function opdracht(kop: string, tekst: string, gegevens: Record<string, string>): Promise<Antwoord<'opdracht'>> {
    const a = await vraag({ soort: 'opdracht', kop, tekst, gegevens });
    if (!a.uitgevoerd) throw new AdapterFout(`De operator (${a.door}) kon "${kop}" niet uitvoeren in de LAS: ${a.opmerking ?? '(geen reden gegeven)'}`);
    return a;
  }

  const opgevraagd: Opgevraagd[] = [];

  return {
    soort: 'manual',
    consoleUrl: operatorConsole.url,

    async klaarzetten(verzoek: KlaarzettenVerzoek) {
      await opdracht(
        'Dossier klaarzetten',
        'Zet in uw LAS het overstapdossier van deze leerling klaar voor de nieuwe school. Klik op "Gedaan" zodra uw LAS het dossier als klaargezet toont.',
        { 'Uw school (BRIN)': verzoek.brin, ...naamVan(verzoek.pgn), 'Leerling (BSN of onderwijsnummer)': verzoek.pgn, 'Nieuwe school (BRIN)': verzoek.doelBrin },
      );
    },

    async opvragen(verzoek: OpvragenVerzoek): Promise<OpvragenAntwoord> {
      const gegevens = leerlingGegevens(verzoek);
      const gedaan = await opdracht(
        'Dossier opvragen',
        'Vraag in uw LAS het overstapdossier van deze leerling op bij de vorige school. Wacht tot uw LAS de uitkomst toont en klik dan op "Gedaan".',
        gegevens,
      );
      opgevraagd.push({ verzoek, op: gedaan.beantwoordOp });
      const gekozen = await vraag({ soort: 'keuze', kop: 'Resultaat van het opvragen', tekst: 'Welk resultaat toonde uw LAS?', gegevens, opties: resultaatOpties });
      const resultaat =
        gekozen.waarde === ANDERS
          ? await vraag({ soort: 'tekst', kop: 'Ander resultaat', tekst: 'Neem het resultaat dat uw LAS toonde letterlijk over (de code, of anders de melding).', gegevens })
          : gekozen;
      const fout = await vraag({ soort: 'janee', kop: 'Foutmelding bij het opvragen', tekst: 'Toonde uw LAS bij dit opvragen een foutmelding?', gegevens });
      const melding = fout.ja
        ? (await vraag({ soort: 'tekst', kop: 'Foutmelding overnemen', tekst: 'Neem de foutmelding die uw LAS toonde letterlijk over.', gegevens })).waarde
        : undefined;
      const afgemeld = await vraag({
        soort: 'janee',
        kop: 'Aanvraag afgerond',
        tekst: 'Toont uw LAS deze aanvraag als afgerond (afgemeld bij het Traffic Center, niets staat meer open)?',
        gegevens,
      });
      return { resultaat: resultaat.waarde, afgemeld: afgemeld.ja, ...(melding ? { fout: melding } : {}) };
    },

    // Only the dossiers the operator asked for can have come in (a doel asks, it is never sent one unasked); each is
    // asked about once, since a dossier stored or refused stays so.
    async ontvangen(): Promise<OntvangenDossier[]> {
      for (const o of opgevraagd) {
        if (o.ontvangen) continue;
        const gegevens = leerlingGegevens(o.verzoek);
        const wat = await vraag({ soort: 'keuze', kop: 'Ontvangen dossier', tekst: 'Wat deed uw LAS met het overstapdossier van deze leerling?', gegevens, opties: ONTVANGEN_OPTIES });
        if (wat.waarde === 'niets') {
          o.ontvangen = 'niets';
          continue;
        }
        const reden =
          wat.waarde === 'geweigerd'
            ? (await vraag({ soort: 'tekst', kop: 'Reden van weigeren', tekst: 'Welke reden gaf uw LAS voor het weigeren van het dossier? Neem de melding letterlijk over.', gegevens })).waarde
            : undefined;
        // The attachments as the LAS keeps them, byte for byte: their SHA-256 is what the bijlagen check compares.
        const bijlagen =
          wat.waarde === 'opgeslagen'
            ? await vraag({
                soort: 'bestand',
                kop: 'Bijlagen van het opgeslagen dossier',
                tekst:
                  'Download uit uw LAS alle bijlagen die bij het overstapdossier van deze leerling zijn bewaard, en upload ze hier allemaal tegelijk, zonder ze te openen of te hernoemen. Heeft het dossier in uw LAS geen bijlagen, ga dan verder zonder bestand.',
                gegevens,
                meerdere: true,
                optioneel: true,
              })
            : undefined;
        o.ontvangen = {
          bronBrin: o.verzoek.bronBrin,
          doelBrin: o.verzoek.brin,
          pgn: o.verzoek.pgn,
          status: wat.waarde === 'opgeslagen' ? 'opgeslagen' : 'geweigerd',
          ...(reden ? { reden } : {}),
          ontvangenOp: o.op,
          ...(bijlagen ? { bijlagen: (bijlagen.bestanden ?? []).map((b) => ({ bestandsnaam: b.naam, sha256: b.sha256 })) } : {}),
        };
      }
      return opgevraagd.flatMap((o) => (o.ontvangen && o.ontvangen !== 'niets' ? [o.ontvangen] : []));
    },

    async laatsteFout() {
      const a = await vraag({
        soort: 'tekst',
        kop: 'Laatste foutmelding',
        tekst: 'Welke foutmelding toonde uw LAS als laatste? Neem de tekst letterlijk over. Laat het veld leeg als uw LAS geen foutmelding toonde.',
        optioneel: true,
      });
      return a.waarde || undefined;
    },

    async wisselRelease(gegevensset: string) {
      await opdracht(
        'Gegevensset-release wisselen',
        'Zet uw LAS over op deze release van de gegevensset (zoals na de zomerrelease): nieuwe dossiers worden daarin klaargezet, ontvangen dossiers daarmee beoordeeld. Klik op "Gedaan" als dat is gebeurd.',
        { Gegevensset: gegevensset },
      );
    },

    bijStap(info: StapInfo) {
      stap = info;
    },

    antwoorden: () => operatorConsole.antwoorden(),

    // Optional calls: an operator who cannot do them says so ("lukt niet"), and the harness does without.
    async reset(): Promise<Aangeboden> {
      const a = await vraag({
        soort: 'opdracht',
        kop: 'Testgegevens wissen',
        tekst: 'Wis in uw LAS de overstapdossiers van de testleerlingen: niets klaargezet, niets ontvangen, geen notificaties of meldingen. Klik op "Gedaan" als dat is gebeurd, of op "Lukt niet" als uw LAS dat niet kan; de testbank beoordeelt dan alleen wat in deze run binnenkomt.',
        gegevens: {},
      });
      return a.uitgevoerd ? 'gedaan' : 'niet-aangeboden';
    },

    async zetKlok(datum: string): Promise<Aangeboden> {
      const a = await vraag({
        soort: 'opdracht',
        kop: 'Datum instellen',
        tekst: 'Zet de datum van uw LAS (testomgeving) op deze datum. Klik op "Gedaan" als dat is gebeurd, of op "Lukt niet" als uw LAS dat niet kan; de testbank werkt dan met de datum van uw LAS.',
        gegevens: { Datum: datum },
      });
      return a.uitgevoerd ? 'gedaan' : 'niet-aangeboden';
    },

    close: () => operatorConsole.close(),
  };
}
