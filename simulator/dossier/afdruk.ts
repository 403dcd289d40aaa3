/**
 * The printable dossier: an overstapdossier rendered as a readable Dutch page, laid out like an onderwijskundig rapport
 * (school, pupil, parents, advice, school career, care, absence, tests, grades, attachments), for parents' inspection.
 * Pure: XML text in, HTML text out; no script, nothing loaded from elsewhere. It reads any well-formed dossier in
 * document order with the dossier model's strict XML reader, so a dossier with elements the harness does not model still
 * prints completely.
 */
import { parseXml, type XmlElement } from './xml-reader.ts';

/** Sections in the order of an onderwijskundig rapport, by the element that holds them. */
const secties: { element: string; kop: string }[] = [
  { element: 'huidigeschool', kop: 'School' },
  { element: 'leerling', kop: 'Leerling' },
  { element: 'verzorger', kop: 'Ouders en verzorgers' },
  { element: 'overstapadvies', kop: 'Advies' },
  { element: 'schoolloopbaanlijst', kop: 'Schoolloopbaan' },
  { element: 'onderwijsondersteuning', kop: 'Zorg en ondersteuning' },
  { element: 'verzuim', kop: 'Verzuim' },
  { element: 'eindtoets_basisonderwijs', kop: 'Eindtoets' },
  { element: 'toetslijst', kop: 'Toetsen' },
  { element: 'cijferlijstlijst', kop: 'Cijfers' },
  { element: 'overigdocumentlijst', kop: 'Bijlagen' },
  { element: 'inzage', kop: 'Inzage door ouders' },
  { element: 'metadata', kop: 'Over dit dossier' },
];
/** Elements printed in a section of their own rather than inside their parent. */
const eigenSectie = new Set(secties.map((s) => s.element));
/** Base64 content is not for reading; its file name and size are. */
const NIET_AFDRUKKEN = new Set(['bestandsinhoud']);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const label = (name: string) => escape(name.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase()));

/** An element's text when it holds no elements, otherwise nothing. */
const textOf = (e: XmlElement): string | undefined => (e.kinderen.length === 0 ? e.tekst : undefined);

/** All elements with the given name, in document order, not descending into sections printed on their own. */
function collect(elements: readonly XmlElement[], name: string, out: XmlElement[] = []): XmlElement[] {
  for (const e of elements) {
    if (e.naam === name) out.push(e);
    else collect(e.kinderen, name, out);
  }
  return out;
}

function renderFields(elements: readonly XmlElement[]): string {
  const rows: string[] = [];
  for (const e of elements) {
    const tag = e.naam;
    if (eigenSectie.has(tag)) continue;
    const omschrijving = e.attributen?.find((a) => a.naam === 'omschrijving')?.waarde;
    const extra = omschrijving ? ` (${escape(omschrijving)})` : '';
    if (NIET_AFDRUKKEN.has(tag)) {
      const size = Math.floor((e.tekst.replace(/\s/g, '').length * 3) / 4);
      rows.push(`<dt>${label(tag)}</dt><dd>bijlage van ${size.toLocaleString('nl-NL')} bytes (niet afgedrukt)</dd>`);
      continue;
    }
    const text = textOf(e);
    if (text !== undefined) rows.push(`<dt>${label(tag)}</dt><dd>${escape(text) || '—'}${extra}</dd>`);
    else rows.push(`<dt>${label(tag)}</dt><dd>${renderFields(e.kinderen)}</dd>`);
  }
  return rows.length ? `<dl>${rows.join('')}</dl>` : '';
}

/** Throws for XML the strict reader refuses (any DOCTYPE or ENTITY declaration among it, never expanded) or a root other than <dossier>. */
export function renderDossierAfdruk(xml: string, titel = 'Onderwijskundig rapport'): string {
  const root = parseXml(xml).wortel;
  if (root.naam !== 'dossier') throw new Error('Geen dossier: het hoofdelement is niet <dossier>.');
  const top = root.kinderen;
  const leerling = collect(top, 'leerling')[0];
  const veld = (e: XmlElement | undefined, name: string) => e?.kinderen.find((c) => c.naam === name)?.tekst || undefined;
  const naam = [veld(leerling, 'roepnaam') ?? veld(leerling, 'voornaam'), veld(leerling, 'voorvoegsel'), veld(leerling, 'achternaam')].filter(Boolean).join(' ');

  const body = secties
    .map(({ element, kop }) => {
      const found = collect(top, element);
      if (!found.length) return '';
      const blocks = found.map((e) => renderFields(e.kinderen)).join('<hr>');
      return `<section><h2>${kop}</h2>${blocks || '<p>—</p>'}</section>`;
    })
    .join('\n');
  const overig = top.filter((e) => !eigenSectie.has(e.naam));
  const overigHtml = overig.length ? `<section><h2>Overige gegevens</h2>${renderFields(overig)}</section>` : '';

  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escape(titel)}${naam ? ` — ${escape(naam)}` : ''}</title>
<style>
  body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; color: #111; line-height: 1.4; }
  h1 { font-size: 1.5rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
  h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #bbb; }
  dl { display: grid; grid-template-columns: 14rem 1fr; gap: .15rem 1rem; margin: .4rem 0; }
  dd { margin: 0; } dd dl { grid-template-columns: 11rem 1fr; }
  dt { color: #444; }
  hr { border: 0; border-top: 1px dashed #ccc; }
  .let-op { font-size: .85rem; color: #555; }
  @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } }
</style>
</head>
<body>
<h1>${escape(titel)}${naam ? `: ${escape(naam)}` : ''}</h1>
<p class="let-op">Afdruk van het overstapdossier zoals het tussen de scholen is uitgewisseld (synthetische testgegevens).</p>
${body}
${overigHtml}
</body>
</html>
`;
}
