/**
 * The printable dossier: an overstapdossier rendered as a readable Dutch page for parents and schools. Sections follow
 * the delivery categories of the gegevensset in their official order (metadata, ouderinzage, school, leerling, …,
 * bijlagen); every value is printed by what it means: codes by their meaning, dates as dd-mm-jjjj, booleans as ja/nee,
 * attachments by name, type and size. The element types come from the 2019.1 schema; an element the schema does not
 * know (another release, an extension) still prints, as its text. Pure: XML text in, HTML text out; no script, nothing
 * loaded from elsewhere.
 */
import { decodeerBase64, openZip } from './bijlagen.ts';
import { kinderenVanType, type EenvoudigType, type ElementDecl, type Type } from './schema-model.ts';
import { categorieen2019 } from './versies/2019.1/categorieen.ts';
import { codebetekenissen2019 } from './versies/2019.1/codebetekenissen.ts';
import type { CategorieNaam } from './versies/2019.1/model.ts';
import { dossierType2019 } from './versies/2019.1/schema.ts';
import { veldnamen2019 } from './versies/2019.1/veldnamen.ts';
import { parseXml, type XmlElement } from './xml-reader.ts';
import { escapeHtml as escape } from '../../web/html.ts';

const koppen: Record<CategorieNaam, string> = {
  cat_metadata: 'Over dit dossier',
  cat_ouderinzage: 'Inzage door ouders',
  cat_school: 'School',
  cat_leerling: 'Leerling',
  cat_oudersverzorgers: 'Ouders en verzorgers',
  cat_vve: 'Voor- en vroegschoolse educatie',
  cat_schoolloopbaan: 'Schoolloopbaan',
  cat_overstapadvies: 'Advies',
  cat_onderwijsondersteuning: 'Zorg en ondersteuning',
  cat_verzuim: 'Verzuim',
  cat_eindtoetsbo: 'Eindtoets',
  cat_toetsresultaten: 'Toetsen',
  cat_handelingsplannen: 'Handelingsplannen',
  cat_cijferlijsten: 'Cijfers',
  cat_vombo: 'Van vo naar mbo',
  cat_bijlagedocs: 'Bijlagen',
};

/** Paths (from the root, joined by '/') that a category prints, and the containers that hold categories of their own. */
const padVanCategorie = (c: { ouder: readonly string[] }, naam: string) => [...c.ouder, naam].join('/');
const eigenSectie = new Set(categorieen2019.flatMap((c) => c.elementen.map((e) => padVanCategorie(c, e))));
const houder = new Set(categorieen2019.map((c) => c.ouder.join('/')).filter(Boolean));
const overgeslagen = (pad: string) => (eigenSectie.has(pad) || houder.has(pad));

const veldnaam = (naam: string) => escape(veldnamen2019[naam] ?? (koppen as Record<string, string>)[naam] ?? naam.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase()));

const bestandstypen: Record<string, string> = {
  pdf: 'PDF', jpg: 'JPG-afbeelding', jpeg: 'JPG-afbeelding', png: 'PNG-afbeelding', doc: 'Word-document', docx: 'Word-document',
  odt: 'OpenDocument-tekst', ods: 'OpenDocument-rekenblad', odp: 'OpenDocument-presentatie', odf: 'OpenDocument', xls: 'Excel-bestand',
  xlsx: 'Excel-bestand', txt: 'tekstbestand', ppt: 'PowerPoint-bestand', pptx: 'PowerPoint-bestand',
};

function grootte(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('nl-NL')} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** An attachment: its name, what kind of file, and how large the file in its ZIP is — never its content. */
function bijlage(document: XmlElement): string {
  const veld = (naam: string) => document.kinderen.find((k) => k.naam === naam)?.tekst.trim();
  const naam = veld('bestandsnaam') || '(zonder naam)';
  const extensie = naam.includes('.') ? naam.slice(naam.lastIndexOf('.') + 1).toLowerCase() : '';
  const soort = bestandstypen[extensie] ?? (extensie ? `bestand van type .${extensie}` : 'bestand zonder extensie');
  let maat = 'inhoud onleesbaar';
  const bytes = decodeerBase64(veld('bestandsinhoud') ?? '');
  if (bytes) {
    try {
      const bestanden = openZip(bytes).bestanden;
      maat = bestanden.length ? grootte(bestanden.reduce((som, b) => som + b.grootte, 0)) : 'lege ZIP';
    } catch {
      maat = `${grootte(bytes.length)}, geen leesbare ZIP`;
    }
  }
  const omschrijving = veld('omschrijving');
  return `${escape(naam)} (${soort}, ${maat})${omschrijving ? ` — ${escape(omschrijving)}` : ''}`;
}

const isoDatum = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/** A simple value as a reader understands it. Exported for the tests of what each kind of field prints. */
export function leesbareWaarde(type: EenvoudigType | undefined, tekst: string): string {
  const v = tekst.trim();
  if (!type || v === '') return v;
  if (type.codelijst) {
    const lijst = type.codelijst;
    return codebetekenissen2019[lijst.nummer]?.[v] ?? `code ${v} uit codelijst ${lijst.nummer} (${lijst.naam})`;
  }
  if (type.basis === 'date') return v.replace(isoDatum, '$3-$2-$1');
  if (type.basis === 'boolean') return v === 'true' || v === '1' ? 'ja' : v === 'false' || v === '0' ? 'nee' : v;
  if (type.basis === 'decimal') return v.replace('.', ',');
  if (type.patroonUitleg === 'EEJJ-MM') return v.replace(/^(\d{4})-(\d{2})$/, '$2-$1');
  return v;
}

function declVan(type: Type | undefined, naam: string): ElementDecl | undefined {
  return type?.soort === 'samengesteld' ? kinderenVanType(type).get(naam)?.decl : undefined;
}

/** The rows of an element's children, leaving out what another section prints. */
function velden(ouder: XmlElement, type: Type | undefined, pad: string): string {
  const rows: string[] = [];
  for (const e of ouder.kinderen) {
    const epad = pad ? `${pad}/${e.naam}` : e.naam;
    if (overgeslagen(epad)) continue;
    rows.push(`<dt>${veldnaam(e.naam)}</dt><dd>${waarde(e, declVan(type, e.naam)?.type, epad)}</dd>`);
  }
  return rows.length ? `<dl>${rows.join('')}</dl>` : '';
}

function waarde(e: XmlElement, type: Type | undefined, pad: string): string {
  if (e.naam === 'document' && e.kinderen.some((k) => k.naam === 'bestandsinhoud')) return bijlage(e);
  if (e.kinderen.length) return velden(e, type, pad);
  // A GBA code with its description (nationaliteit, land): the description is what a reader understands.
  const omschrijving = e.attributen?.find((a) => a.naam === 'omschrijving')?.waarde;
  if (omschrijving) return escape(omschrijving);
  return escape(leesbareWaarde(type?.soort === 'eenvoudig' ? type : undefined, e.tekst)) || '—';
}

/** The element at a path below the root, with its schema type where the schema knows it. */
function zoek(root: XmlElement, pad: readonly string[]): { element: XmlElement; type: Type | undefined } | undefined {
  let element = root;
  let type: Type | undefined = dossierType2019;
  for (const naam of pad) {
    const kind = element.kinderen.find((k) => k.naam === naam);
    if (!kind) return undefined;
    type = declVan(type, naam)?.type;
    element = kind;
  }
  return { element, type };
}

function sectie(root: XmlElement, categorie: (typeof categorieen2019)[number]): string {
  const ouder = zoek(root, categorie.ouder);
  if (!ouder) return '';
  const blokken: string[] = [];
  for (const e of ouder.element.kinderen.filter((k) => categorie.elementen.includes(k.naam))) {
    const decl = declVan(ouder.type, e.naam);
    const pad = padVanCategorie(categorie, e.naam);
    // The block a category consists of (metadata, the school, the pupil, the advice) is the section itself; the blocks of
    // a category of several (diagnoses, TLVs, parents) are rows within it.
    if (e.kinderen.length && (categorie.elementen.length === 1 || e.naam === 'metadata')) blokken.push(velden(e, decl?.type, pad));
    else blokken.push(`<dl><dt>${veldnaam(e.naam)}</dt><dd>${waarde(e, decl?.type, pad)}</dd></dl>`);
  }
  const inhoud = blokken.filter(Boolean).join('');
  return inhoud ? `<section><h2>${koppen[categorie.naam]}</h2>${inhoud}</section>` : '';
}

/** Throws for XML the strict reader refuses (any DOCTYPE or ENTITY declaration among it, never expanded) or a root other than <dossier>. */
export function renderDossierAfdruk(xml: string, titel = 'Onderwijskundig rapport'): string {
  const root = parseXml(xml).wortel;
  if (root.naam !== 'dossier') throw new Error('Geen dossier: het hoofdelement is niet <dossier>.');
  const leerling = zoek(root, ['huidigeschool', 'leerling'])?.element;
  const veld = (name: string) => leerling?.kinderen.find((c) => c.naam === name)?.tekst || undefined;
  const naam = [veld('roepnaam') ?? veld('voornaam'), veld('voorvoegsel'), veld('achternaam')].filter(Boolean).join(' ');

  const body = categorieen2019.map((c) => sectie(root, c)).join('\n');
  // Whatever the categories do not cover (another release, an extension) is still printed.
  const overig = root.kinderen.filter((e) => !overgeslagen(e.naam));
  const overigHtml = overig.length
    ? `<section><h2>Overige gegevens</h2><dl>${overig.map((e) => `<dt>${veldnaam(e.naam)}</dt><dd>${waarde(e, declVan(dossierType2019, e.naam)?.type, e.naam)}</dd>`).join('')}</dl></section>`
    : '';

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
  dd { margin: 0; } dd dl { grid-template-columns: 11rem 1fr; margin: 0; }
  dt { color: #444; }
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
