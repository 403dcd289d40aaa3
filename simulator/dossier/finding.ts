/*
 * A finding about a dossier: which rule, how bad, where, and what is wrong (Dutch, for the vendor who reads it).
 * `rule` is the official rule id (OG.*, OS.cat*, OVa.*, OVb.*, PaO.*) or one of the harness ids below for what the
 * official validators express without an id (structure, code lists) or do not check at all (check digits, attachments).
 * A dossier is valid when it has no finding of severity 'error'.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  /** XPath-like location, e.g. `/dossier/huidigeschool/leerling/bsn`; a position only where siblings share a name. */
  path: string;
  message: string;
}

/** The harness's own rule ids, with what each checks. Stable: reports, tests and docs cite them. */
export const harnasRegels = {
  'XML.onleesbaar': 'Het bestand is geen tekst in een ondersteunde tekencodering.',
  'XML.doctype': 'Het bestand bevat een DOCTYPE of ENTITY-declaratie; die wordt geweigerd en nooit uitgevoerd.',
  'XML.welgevormd': 'Het bestand is geen welgevormde XML.',
  'XML.root': 'Het root-element is geen <dossier>.',
  'XML.namespace': 'Het dossier heeft de namespace van geen enkele bekende gegevensset-versie.',
  'VERSIE.vorige': 'Het dossier is van een eerdere gegevensset-release en moet opnieuw klaargezet worden.',
  'XSD.verplicht': 'Een verplicht element ontbreekt.',
  'XSD.onbekend': 'Een element dat het schema op die plek niet kent.',
  'XSD.te-vaak': 'Een element komt vaker voor dan het schema toestaat.',
  'XSD.volgorde': 'Een element staat niet in de volgorde die het schema (xs:sequence) voorschrijft.',
  'XSD.keuze': 'Een keuze uit het schema is niet gerespecteerd (bijvoorbeeld bsn én onderwijsnummer).',
  'XSD.datatype': 'Een waarde past niet bij het datatype (datum, boolean, getal) of een element bevat elementen waar tekst hoort.',
  'XSD.patroon': 'Een waarde past niet bij het voorgeschreven patroon (BRIN, vestigingscode, schooljaar, …).',
  'XSD.lengte': 'Een tekst is leeg of langer dan toegestaan.',
  'XSD.bereik': 'Een getal valt buiten het toegestane bereik.',
  'XSD.tekst': 'Tekst staat op een plek waar alleen elementen horen.',
  'XSD.attribuut': 'Een attribuut dat het schema niet kent of een ongeldige attribuutwaarde.',
  'CODELIJST.n': 'Een waarde komt niet voor in OSO-codelijst n (één id per codelijst, bijvoorbeeld CODELIJST.23).',
  'PGN.bsn': 'Het BSN haalt de elfproef niet.',
  'PGN.onderwijsnummer': 'Het onderwijsnummer haalt de elfproef niet.',
  'BIJLAGE.base64': 'Waarschuwing: de bestandsinhoud van een bijlage is geen geldige Base64.',
  'BIJLAGE.zip': 'Waarschuwing: de bestandsinhoud van een bijlage is geen ZIP-bestand dat te openen is.',
  'BIJLAGE.leeg': 'Waarschuwing: de ZIP van een bijlage bevat geen bestand.',
  'BIJLAGE.bestandstype': 'Waarschuwing: een bijlage heeft een bestandstype buiten de gedocumenteerde lijst.',
} as const;

export function isGeldig(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}
