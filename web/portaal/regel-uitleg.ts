/**
 * Every finding of the validator explained to a school administrator: what the rule asks (the rule's own title from the
 * rule catalogue, or the harness's description of its own ids), the likely cause, and what to do in the LAS. Data, not
 * code: one entry per rule or family of rules, most specific first. Two kinds of cause: something filled in (or left
 * empty) in the pupil's record, which the administrator can correct and then klaarzetten again; or the way the LAS
 * builds the dossier, which only the LAS's supplier can change.
 */
import { harnasRegels } from '../../simulator/dossier/finding.ts';
import { gegevensset2019Volledig } from '../../simulator/dossier/versies/2019.1/index.ts';
import { veldnamen2019 } from '../../simulator/dossier/versies/2019.1/veldnamen.ts';

export interface RegelUitleg {
  /** What the rule requires, in the catalogue's words. */
  eis: string;
  oorzaak: string;
  doen: string;
  /** Who can fix it: the administrator in the pupil's record, or the LAS's supplier. */
  herstel: 'school' | 'leverancier';
}

type Advies = Omit<RegelUitleg, 'eis'>;

const OPNIEUW = 'Zet het dossier daarna opnieuw klaar en laat de testschool het nog eens opvragen.';
const LEVERANCIER =
  'Dit kunt u niet zelf in de leerlinggegevens oplossen: het zit in de manier waarop uw LAS het dossier opbouwt. Geef de regelcode en de melding door aan de leverancier van uw LAS.';

const school = (oorzaak: string, doen: string): Advies => ({ herstel: 'school', oorzaak, doen: `${doen} ${OPNIEUW}` });
const leverancier = (oorzaak: string): Advies => ({ herstel: 'leverancier', oorzaak, doen: LEVERANCIER });

/** Most specific first: an exact id, then a family (a prefix ending in '.' or a rule group such as 'OVa.LL'). */
const ADVIES: readonly [string | RegExp, Advies][] = [
  ['OG.01', school('Bij de leerling, een ouder of verzorger, of de school staat een e-mailadres dat niet klopt: een tikfout, een spatie, of geen @.', 'Zoek met de plaats in het dossier op bij wie het e-mailadres hoort, en verbeter het in uw LAS.')],
  ['OG.03', school('De einddatum van het leerwegondersteunend onderwijs (lwoo) is niet 31 juli.', 'Zet in de ondersteuningsgegevens van de leerling de einddatum van lwoo op 31 juli van het juiste jaar.')],
  ['OG.04', school('Bij een verzorger staat een overlijdensdatum, maar de verzorger is niet als overleden aangemerkt.', 'Controleer bij de verzorger of "overleden" aangevinkt moet zijn, of verwijder de overlijdensdatum.')],
  ['OG.05', school('Bij de huisarts staan gegevens die voor een huisarts niet horen (roepnaam, geslacht of adres geheim).', 'Verwijder bij de huisarts de roepnaam, het geslacht en de indicatie "adres geheim".')],
  [/^OVa\.IZ0[1-4]$/, school('De inzage door de ouders is niet (volledig) vastgelegd: wie heeft ingezien, wanneer, en of zij akkoord zijn.', 'Leg in uw LAS bij het overstapdossier vast dat de ouders het dossier hebben ingezien, met de datum en of zij akkoord gaan.')],
  ['OVa.IZ05', school('Bij een overstap van vo naar vo is de toestemming van de ouders niet vastgelegd.', 'Leg in uw LAS bij het overstapdossier vast of de ouders toestemming hebben gegeven.')],
  [/^(OVa\.LL01|PaO\.LL01)$/, school('De leerling heeft geen voornaam in het dossier.', 'Vul de voornaam (of voornamen) van de leerling in.')],
  [/^(OVa\.LL02|PaO\.LL02)$/, school('De geboortedatum van de leerling ontbreekt.', 'Vul de geboortedatum van de leerling in.')],
  [/^(OVa\.LL04|PaO\.LL04)$/, school('Er staat niet vastgelegd of het adres van de leerling geheim is.', 'Geef in de leerlinggegevens aan of het adres geheim is (ja of nee).')],
  [/^(OVa\.LL05|PaO\.LL05)$/, school('Het adres van de leerling is niet geheim, maar er staat geen adres in het dossier.', 'Vul het adres van de leerling in, of geef aan dat het adres geheim is als dat zo is.')],
  ['OVa.LL12', school('De leerling heeft geen BSN en geen onderwijsnummer in het dossier.', 'Vul het BSN van de leerling in, of het onderwijsnummer als de leerling (nog) geen BSN heeft.')],
  ['OVa.LL13', school('De leerling heeft geen leerlingnummer (leerlingid).', 'Controleer of de leerling in uw LAS een leerlingnummer heeft.')],
  ['OVa.LL14', school('De datum van inschrijving van de leerling ontbreekt.', 'Vul de datum van inschrijving op uw school in.')],
  ['OVa.LL15', school('Er staat niet vastgelegd of de ouders/verzorgers aansprakelijk zijn.', 'Geef bij de ouders/verzorgers aan of zij aansprakelijk zijn.')],
  ['OVa.AI01', school('De ouders/verzorgers zijn niet aansprakelijk, maar er is geen aansprakelijke instelling vastgelegd.', 'Vul de aansprakelijke instelling in (bijvoorbeeld de jeugdzorginstelling), of geef aan dat de ouders wel aansprakelijk zijn.')],
  [/^(OVa\.OV01|PaO\.OV01)$/, school('De verzorgers zijn aansprakelijk, maar er staat geen enkele verzorger in het dossier.', 'Vul ten minste één ouder of verzorger in.')],
  [/^OVa\.SL01$|^PaO\.SL01$/, school('Er ontbreekt een adres of communicatiegegeven van de school, of de leerling heeft geen schoolloopbaan in het dossier.', 'Controleer de schoolgegevens (adres, telefoon of e-mail) en de schoolloopbaan van de leerling (schooljaren en groepen).')],
  [/^(OVa\.SL02|PaO\.SL02)$/, school('De school heeft geen telefoonnummer of e-mailadres in het dossier.', 'Vul in de schoolgegevens van uw LAS een telefoonnummer of e-mailadres van de school in.')],
  ['OVa.OA01', school('Het overstapadvies ontbreekt.', 'Vul het overstapadvies van de leerling in.')],
  ['OVa.OA02', school('Bij een overstap van po naar vo ontbreekt het schooladvies voor het voortgezet onderwijs.', 'Vul het vo-advies van de leerling in.')],
  ['OVa.OA03', school('Er staat niet vastgelegd of de nieuwe school contact moet opnemen.', 'Geef bij het overstapadvies aan of contact nodig is (ja of nee).')],
  [/^OVa\.OA0[45]$/, school('Er is aangegeven dat contact nodig is, maar de contactpersoon of het telefoonnummer ontbreekt.', 'Vul bij het overstapadvies de contactpersoon en het telefoonnummer in.')],
  [/^OVa\.EB0[234]$/, school('De gegevens van de eindtoets zijn onvolledig: de uitslag, het toetsadvies of de soort toets ontbreekt.', 'Vul bij de eindtoets de uitslag en het toetsadvies in, of de soort toets als de leerling niet heeft deelgenomen.')],
  [/^(OVa\.TR0[56]|PaO\.TR0[12])$/, school('Bij een toetsresultaat ontbreekt de score.', 'Vul bij het toetsresultaat een score, een referentiescore of een bijlage in, of verwijder het lege resultaat.')],
  ['OVa.TR04', school('Er staan toetsen in het dossier die ouder zijn dan de twee vorige schooljaren.', 'Laat de oudere toetsen weg bij het klaarzetten van het overstapdossier.')],
  [/^(OVa\.CL01|PaO\.CL01)$/, school('Bij een cijfer ontbreekt de waarde.', 'Vul bij het cijfer een waarde of een beoordeling in, of verwijder het lege cijfer.')],
  [/^(OVa|OVb|PaO)\.(LL|OV)0?[0-9]+$/, leverancier('Het dossier bevat een gegeven dat in dit soort dossier niet mag staan (bijvoorbeeld de geboorteplaats, de nationaliteit of het adres bij een geheim adres), of geheime gegevens staan er niet in de voorgeschreven vorm.')],
  [/^OS\.cat/, leverancier('Een categorie gegevens staat in het dossier terwijl die niet mag (of als "opt-uit" is gemarkeerd), of een verplichte categorie ontbreekt. Welke categorieën meegaan, bepaalt de LAS aan de hand van het soort overstap.')],
  [/^(OG\.02|OVa\.MD|OVb\.MD|PaO\.MD|OVa\.OS|OVb\.OS|PaO\.SO)/, leverancier('De gegevens over het dossier zelf (versie, soort overdracht of soort overstap) kloppen niet met de gegevensset.')],
  ['VERSIE.vorige', school('Het dossier is klaargezet in de gegevensset van vorig jaar.', 'Controleer of uw LAS op de huidige gegevensset werkt (na de zomerrelease) en zet het dossier opnieuw klaar; een oud klaargezet dossier wordt niet omgezet.')],
  ['PGN.bsn', school('Het BSN van de leerling klopt niet: het haalt de elfproef niet. Meestal is het een tikfout.', 'Controleer het BSN van de leerling in uw LAS tegen een officieel document en verbeter het.')],
  ['PGN.onderwijsnummer', school('Het onderwijsnummer van de leerling klopt niet: het haalt de elfproef niet. Meestal is het een tikfout.', 'Controleer het onderwijsnummer van de leerling in uw LAS en verbeter het.')],
  [/^CODELIJST\./, school('Een veld heeft een waarde die niet in de vaste keuzelijst van OSO staat.', 'Kies in uw LAS bij dit veld een waarde uit de keuzelijst. Biedt uw LAS geen keuzelijst of alleen deze waarde, geef dan de melding door aan de leverancier.')],
  [/^XSD\.(verplicht|lengte|patroon|datatype|bereik)$/, school('Een veld is leeg terwijl het verplicht is, of de waarde heeft niet de juiste vorm (een datum, een BRIN, een te lange tekst).', 'Zoek het veld op met de plaats die bij de melding staat en vul het aan of verbeter het in uw LAS. Kunt u het veld niet vinden of is het in uw LAS goed ingevuld, geef de melding dan door aan de leverancier.')],
  [/^BIJLAGE\./, school('Een bijlage is niet goed meegekomen: het bestand is leeg, beschadigd of van een soort die OSO niet kent.', 'Voeg de bijlage opnieuw toe als PDF (of een ander gangbaar bestandstype).')],
  [/^(XML|XSD)\./, leverancier('Het bestand is geen goed opgebouwd OSO-dossier: de opbouw wijkt af van het voorgeschreven schema.')],
];

/** A rule id's requirement; an id the official validator gives to two checks (OVa.SL01) carries both texts. */
const titels = new Map<string, string>();
for (const r of gegevensset2019Volledig.regels) for (const id of r.ids) titels.set(id, titels.has(id) ? `${titels.get(id)} Of: ${r.titel}` : r.titel);

function eisVan(regel: string): string {
  if (titels.has(regel)) return titels.get(regel)!;
  if (Object.hasOwn(harnasRegels, regel)) return harnasRegels[regel as keyof typeof harnasRegels];
  if (regel.startsWith('CODELIJST.')) return harnasRegels['CODELIJST.n'].replace('codelijst n', `codelijst ${regel.slice('CODELIJST.'.length)}`);
  return 'Een regel van de gegevensset.';
}

export function regelUitleg(regel: string): RegelUitleg {
  const gevonden = ADVIES.find(([m]) => (typeof m === 'string' ? m === regel : m.test(regel)))?.[1];
  return {
    eis: eisVan(regel),
    ...(gevonden ?? leverancier('Het dossier voldoet niet aan een regel van de gegevensset.')),
  };
}

/**
 * Where in the dossier, in the words of the printed dossier: `/dossier/huidigeschool/leerling/communicatielijst/communicatie[2]`
 * becomes "Leerling › Contact › Communicatie (2e)". The list containers and the root say nothing to a reader and are left out.
 */
export function plaatsInWoorden(pad: string): string {
  const overslaan = new Set(['dossier', 'huidigeschool']);
  return pad
    .split('/')
    .filter((deel) => deel && !overslaan.has(deel.replace(/\[\d+\]$/, '')))
    .map((deel) => {
      const [, naam = deel, nummer] = /^([^[]+)(?:\[(\d+)\])?$/.exec(deel) ?? [];
      const woord = veldnamen2019[naam] ?? naam.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
      return nummer ? `${woord} (${nummer}e)` : woord;
    })
    .join(' › ');
}
