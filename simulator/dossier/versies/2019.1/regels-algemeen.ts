/*
 * The generic content rules of gegevensset 2019.1 (the official generic validator, run for every dossier): OG.01..OG.05
 * and OS.cat01..OS.cat16. Code lists, which that validator also checks, are part of the structure (schema.ts).
 */
import { regel, type Regel, type RegelContext } from '../../regel.ts';
import type { XmlElement } from '../../xml-reader.ts';
import { categorieen2019, type CategorieDef } from './categorieen.ts';
import { identiteit2019 } from './identiteit.ts';

// OG.01: the e-mail check of the official validator, as DUO states it; the pattern is anchored at the end only, as
// XPath matches() applies it there.
const emailPatroon = /[a-zA-Z0-9!#$%*+=?^_`{|}~.-]+@[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;

const og01 = regel('OG.01', 'algemeen', 'Een e-mailadres (communicatie met soort e-mail) is 4..256 tekens, met een @, in de vorm die DUO voorschrijft.', (ctx) => {
  for (const c of ctx.alle('communicatie')) {
    if (ctx.tekst(c, 'soort') !== 'e-mail') continue;
    const adres = ctx.tekst(c, 'nummer') ?? '';
    const lengte = [...adres].length;
    const problemen: string[] = [];
    if (lengte < 4) problemen.push('korter dan 4 tekens');
    if (lengte > 256) problemen.push('langer dan 256 tekens');
    if (!adres.includes('@')) problemen.push('zonder @');
    if (!emailPatroon.test(adres)) problemen.push('tekens of domeinnaam niet toegestaan');
    if (problemen.length > 0) ctx.fout('OG.01', c, `E-mailadres '${adres}' is ongeldig: ${problemen.join(', ')}.`);
  }
});

const og02 = regel('OG.02', 'algemeen', `metadata/standaardversie is '${identiteit2019.standaardversie}'.`, (ctx) => {
  for (const metadata of ctx.alle('metadata')) {
    for (const v of ctx.kinderen(metadata, 'standaardversie')) {
      if (v.tekst !== identiteit2019.standaardversie) {
        ctx.fout(
          'OG.02',
          v,
          `standaardversie is '${v.tekst}', moet '${identiteit2019.standaardversie}' zijn voor gegevensset ${identiteit2019.versie}.`,
        );
      }
    }
  }
});

const og03 = regel('OG.03', 'algemeen', 'lwoo_einddatum heeft de vorm EEJJ-07-31 (31 juli).', (ctx) => {
  for (const e of ctx.alle('lwoo_einddatum')) {
    if (!/[0-9]{4}-07-31/.test(e.tekst)) ctx.fout('OG.03', e, `lwoo_einddatum is '${e.tekst}', moet 31 juli van een jaar zijn (EEJJ-07-31).`);
  }
});

const og04 = regel('OG.04', 'algemeen', 'Een verzorger heeft alleen een overlijdensdatum als overleden true is.', (ctx) => {
  for (const v of ctx.alle('verzorger')) {
    if (ctx.heeft(v, 'overlijdensdatum') && !ctx.waar(v, 'overleden')) {
      ctx.fout('OG.04', v, `Verzorger heeft een overlijdensdatum, maar overleden is ${ctx.heeft(v, 'overleden') ? `'${ctx.tekst(v, 'overleden')}'` : 'niet opgegeven'}; een overlijdensdatum mag alleen bij overleden = true.`);
    }
  }
});

const og05 = regel('OG.05', 'algemeen', 'De huisarts heeft geen roepnaam, geen geslacht en geen adresgeheim = true.', (ctx) => {
  for (const h of ctx.alle('huisarts')) {
    if (ctx.heeft(h, 'roepnaam')) ctx.fout('OG.05', h, 'De gegevens van de huisarts mogen geen roepnaam bevatten.');
    if (ctx.heeft(h, 'geslacht')) ctx.fout('OG.05', h, 'De gegevens van de huisarts mogen geen geslacht bevatten.');
    if (ctx.waar(h, 'adresgeheim')) ctx.fout('OG.05', h, 'De gegevens van de huisarts mogen niet aangeven dat het adres geheim is.');
  }
});

/** The elements of a category in the dossier, first occurrence per element name. */
function elementenVan(ctx: RegelContext, c: CategorieDef): XmlElement[] {
  let ouder: XmlElement | undefined = ctx.dossier;
  for (const stap of c.ouder) ouder = ctx.kind(ouder, stap);
  if (ouder === undefined) return [];
  return c.elementen.flatMap((naam) => {
    const e = ctx.kind(ouder, naam);
    return e ? [e] : [];
  });
}

function categorieRegel(c: CategorieDef): Regel {
  return regel(c.regel, 'algemeen', `Categorie ${c.label} (${c.naam}): VERPLICHT → minstens één van ${c.elementen.join(', ')}; VERBODEN of OPT-UIT → geen ervan.`, (ctx) => {
    const declaraties = ctx.kinderen(ctx.kind(ctx.metadata, 'categorie_uitlevering'), c.naam);
    const is = (waarde: string) => declaraties.some((d) => d.tekst === waarde);
    const aanwezig = elementenVan(ctx, c);
    if (is('VERPLICHT') && aanwezig.length === 0) {
      ctx.fout(c.regel, declaraties[0]!, `Categorie ${c.label} is VERPLICHT, maar het dossier bevat niets uit deze categorie (${c.elementen.map((n) => `<${n}>`).join(', ')}).`);
    }
    for (const [waarde, uitleg] of [
      ['VERBODEN', 'VERBODEN'],
      ['OPT-UIT', 'uitgezet (OPT-UIT)'],
    ] as const) {
      if (!is(waarde)) continue;
      for (const e of aanwezig) ctx.fout(c.regel, e, `Categorie ${c.label} is ${uitleg}, maar het dossier bevat <${e.naam}>; gegevens uit deze categorie moeten dan ontbreken.`);
    }
  });
}

export const algemeneRegels2019: readonly Regel[] = [og01, og02, og03, og04, og05, ...categorieen2019.map(categorieRegel)];
