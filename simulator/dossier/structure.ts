/*
 * The structure check: a release's typed dossier object against its JSON Schema (json-schema.ts) with ajv, compiled
 * once per release, every violation turned into a finding with the element's path.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Finding } from './finding.ts';
import { jsonSchemaVoor, type JsonSchema, type XsdKeuzeSchema, type XsdLengteSchema, type XsdWaardeSchema } from './json-schema.ts';
import { kinderenVanType, type ElementDecl, type SamengesteldType } from './schema-model.ts';
import { isGeldigeXsdWaarde, leesXsdInteger, xsdBasisUitleg, xsdTrim } from './xsd-waarden.ts';
import { aantal } from '../../web/meervoud.ts';

/** The number of characters (code points) of a string. */
function tekens(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Without Ajv's code optimisation: it halves the compile of the dossier schema (some 365 to 210 ms of CPU, paid once
 * by every process that validates a dossier: each qualification worker, serve, validate), and validation measured no
 * slower in `npm run bench:dossier`.
 */
function maakAjv() {
  const ajv = new Ajv.default({ allErrors: true, verbose: true, strict: true, unicodeRegExp: true, code: { optimize: false } });
  ajv.addKeyword({ keyword: 'patroonUitleg', schemaType: 'string' });
  ajv.addKeyword({
    keyword: 'xsdWaarde',
    type: 'string',
    schemaType: 'object',
    errors: true,
    validate: function xsdWaarde(schema: XsdWaardeSchema, data: string): boolean {
      const zelf = xsdWaarde as unknown as { errors?: Partial<ErrorObject>[] };
      if (!isGeldigeXsdWaarde(schema.basis, data)) {
        zelf.errors = [{ keyword: 'xsdWaarde', params: { soort: 'datatype', basis: schema.basis } }];
        return false;
      }
      if (schema.patroon !== undefined && !new RegExp(`^(?:${schema.patroon})$`, 'u').test(xsdTrim(data))) {
        zelf.errors = [{ keyword: 'xsdWaarde', params: { soort: 'patroon', uitleg: schema.patroonUitleg ?? schema.patroon } }];
        return false;
      }
      if (schema.bereik !== undefined) {
        const n = leesXsdInteger(data);
        if (n !== undefined && (n < BigInt(schema.bereik[0]) || n > BigInt(schema.bereik[1]))) {
          zelf.errors = [{ keyword: 'xsdWaarde', params: { soort: 'bereik', min: schema.bereik[0], max: schema.bereik[1] } }];
          return false;
        }
      }
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'xsdLengte',
    type: 'string',
    schemaType: 'object',
    errors: true,
    validate: function xsdLengte(schema: XsdLengteSchema, data: string): boolean {
      const zelf = xsdLengte as unknown as { errors?: Partial<ErrorObject>[] };
      // .length counts UTF-16 units: never fewer than the characters, at most twice as many. Count only when that matters.
      const n = data.length;
      if (schema.min !== undefined && (n < schema.min || (n < 2 * schema.min && tekens(data) < schema.min))) {
        zelf.errors = [{ keyword: 'xsdLengte', params: { soort: 'min', limit: schema.min } }];
        return false;
      }
      if (schema.max !== undefined && n > schema.max && tekens(data) > schema.max) {
        zelf.errors = [{ keyword: 'xsdLengte', params: { soort: 'max', limit: schema.max, lengte: tekens(data) } }];
        return false;
      }
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'xsdKeuze',
    type: 'object',
    schemaType: 'array',
    errors: true,
    validate: function xsdKeuze(schema: XsdKeuzeSchema[], data: Record<string, unknown>): boolean {
      const fouten: Partial<ErrorObject>[] = [];
      for (const k of schema) {
        const aanwezig = k.opties.filter((o) => data[o] !== undefined);
        if (aanwezig.length > 1) fouten.push({ keyword: 'xsdKeuze', params: { soort: 'meerdere', aanwezig, opties: k.opties } });
        else if (aanwezig.length === 0 && k.verplicht) fouten.push({ keyword: 'xsdKeuze', params: { soort: 'geen', opties: k.opties } });
      }
      (xsdKeuze as unknown as { errors?: Partial<ErrorObject>[] }).errors = fouten;
      return fouten.length === 0;
    },
  });
  return ajv;
}

interface Gecompileerd {
  schema: JsonSchema;
  validate: ValidateFunction;
}

const cache = new WeakMap<SamengesteldType, Gecompileerd>();
let ajvInstantie: ReturnType<typeof maakAjv> | undefined;

/** The JSON Schema of a release's dossier and its compiled validator (compiled on first use, then cached). */
export function structuurValidator(wortelType: SamengesteldType, id: string): Gecompileerd {
  let c = cache.get(wortelType);
  if (c === undefined) {
    const schema = jsonSchemaVoor(wortelType, id);
    ajvInstantie ??= maakAjv();
    c = { schema, validate: ajvInstantie.compile(schema) };
    cache.set(wortelType, c);
  }
  return c;
}

// ---- from JSON pointers to element paths ----

function lokaleNaam(sleutel: string): string {
  return sleutel.startsWith('{') ? sleutel.slice(sleutel.indexOf('}') + 1) : sleutel;
}

function telVoorkomens(waarde: unknown): number {
  return Array.isArray(waarde) ? waarde.length : waarde === undefined ? 0 : 1;
}

/**
 * The element path of a JSON pointer into the typed object: `/huidigeschool/leerling/verzorger/1/achternaam` becomes
 * `/dossier/huidigeschool/leerling/verzorger[2]/achternaam` (a position only where a name repeats). Groups of a
 * repeating sequence are flattened back to the element's position among its siblings.
 */
export function elementPad(pointer: string, data: unknown, wortelNaam: string, wortelType: SamengesteldType): string {
  const segmenten = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const uit = [wortelNaam];
  let huidig: unknown = data;
  let type: SamengesteldType | undefined = wortelType;
  for (let i = 0; i < segmenten.length; ) {
    const sleutel = segmenten[i]!;
    if (sleutel.startsWith('@')) {
      uit.push(`@${lokaleNaam(sleutel.slice(1))}`);
      break;
    }
    if (sleutel === '#text' || huidig === null || typeof huidig !== 'object') break;
    const waarde: unknown = (huidig as Record<string, unknown>)[sleutel];
    const decl: ElementDecl | undefined = type ? kinderenVanType(type).get(sleutel)?.decl : undefined;
    const naam = lokaleNaam(sleutel);
    const volgendeType: SamengesteldType | undefined = decl?.type.soort === 'samengesteld' ? decl.type : undefined;
    if (volgendeType?.herhaaldeReeks && Array.isArray(waarde)) {
      uit.push(naam);
      const groep = Number(segmenten[i + 1]);
      const kind = segmenten[i + 2];
      if (!Number.isInteger(groep) || kind === undefined) break;
      const groepen = waarde as Record<string, unknown>[];
      const ervoor = groepen.slice(0, groep).reduce((n, g) => n + telVoorkomens(g[kind]), 0);
      const totaal = groepen.reduce((n, g) => n + telVoorkomens(g[kind]), 0);
      const kindWaarde = groepen[groep]?.[kind];
      const kindDecl: ElementDecl | undefined = kinderenVanType(volgendeType).get(kind)?.decl;
      let positie = ervoor + 1;
      let volgende = 3;
      let doel: unknown = kindWaarde;
      if (Array.isArray(kindWaarde) && Number.isInteger(Number(segmenten[i + 3]))) {
        positie = ervoor + Number(segmenten[i + 3]) + 1;
        doel = kindWaarde[Number(segmenten[i + 3])];
        volgende = 4;
      }
      uit.push(totaal > 1 ? `${lokaleNaam(kind)}[${positie}]` : lokaleNaam(kind));
      huidig = doel;
      type = kindDecl?.type.soort === 'samengesteld' ? kindDecl.type : undefined;
      i += volgende;
      continue;
    }
    const index = segmenten[i + 1] !== undefined && Array.isArray(waarde) ? Number(segmenten[i + 1]) : NaN;
    if (Number.isInteger(index)) {
      uit.push((waarde as unknown[]).length > 1 ? `${naam}[${index + 1}]` : naam);
      huidig = (waarde as unknown[])[index];
      i += 2;
    } else {
      uit.push(naam);
      huidig = waarde;
      i += 1;
    }
    type = volgendeType;
  }
  return `/${uit.join('/')}`;
}

// ---- from ajv errors to findings ----

function waardeBij(data: unknown, pointer: string): unknown {
  let huidig = data;
  for (const s of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (huidig === null || typeof huidig !== 'object') return undefined;
    huidig = (huidig as Record<string, unknown>)[s.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return huidig;
}

function laatsteNaam(pad: string): string {
  const laatste = pad.slice(pad.lastIndexOf('/') + 1);
  return laatste.replace(/\[\d+\]$/, '');
}

function kort(waarde: unknown): string {
  const s = typeof waarde === 'string' ? waarde : JSON.stringify(waarde);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function naarBevinding(e: ErrorObject, data: unknown, wortelNaam: string, wortelType: SamengesteldType): Finding {
  const pad = elementPad(e.instancePath, data, wortelNaam, wortelType);
  const naam = laatsteNaam(pad);
  const fout = (rule: string, path: string, message: string): Finding => ({ rule, severity: 'error', path, message });
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return fout('XSD.verplicht', pad, `Verplicht element <${String(params.missingProperty)}> ontbreekt in <${naam}>.`);
    case 'additionalProperties': {
      const sleutel = String(params.additionalProperty);
      if (sleutel === '#text') return fout('XSD.tekst', pad, `<${naam}> bevat tekst (${kort(waardeBij(data, `${e.instancePath}/#text`))}) waar alleen elementen horen.`);
      if (sleutel.startsWith('@')) return fout('XSD.attribuut', pad, `Attribuut ${sleutel.slice(1)} is op <${naam}> niet toegestaan.`);
      const waarde = (e.data as Record<string, unknown> | undefined)?.[sleutel];
      const lokaal = lokaleNaam(sleutel);
      const elementpad = `${pad}/${Array.isArray(waarde) && waarde.length > 1 ? `${lokaal}[1]` : lokaal}`;
      const vreemdeNs = sleutel.startsWith('{') ? sleutel.slice(1, sleutel.indexOf('}')) : undefined;
      return fout(
        'XSD.onbekend',
        elementpad,
        vreemdeNs !== undefined
          ? `Element <${lokaal}> in namespace '${vreemdeNs || '(geen)'}' hoort niet in <${naam}>: het schema kent op deze plek alleen elementen uit de namespace van het dossier.`
          : `Element <${lokaal}> is in <${naam}> niet toegestaan (het schema kent het hier niet; spelfout of verkeerde plek?).`,
      );
    }
    case 'type': {
      if (Array.isArray(e.data)) {
        return fout('XSD.te-vaak', `${pad}[2]`, `Element <${naam}> komt ${e.data.length} keer voor in zijn ouder; het schema staat het hoogstens één keer toe.`);
      }
      if (e.data !== null && typeof e.data === 'object') {
        const sleutels = Object.keys(e.data);
        if (sleutels.some((k) => k.startsWith('@'))) {
          return fout('XSD.attribuut', pad, `<${naam}> heeft een attribuut (${sleutels.filter((k) => k.startsWith('@')).map((k) => k.slice(1)).join(', ')}) dat het schema niet kent.`);
        }
        return fout('XSD.datatype', pad, `<${naam}> bevat elementen, maar het schema verwacht hier alleen tekst.`);
      }
      return fout('XSD.datatype', pad, `<${naam}> heeft niet de verwachte vorm.`);
    }
    case 'xsdLengte':
      return params.soort === 'min'
        ? fout('XSD.lengte', pad, `<${naam}> is leeg; het schema vraagt minstens ${aantal(Number(params.limit), 'teken', 'tekens')}.`)
        : fout('XSD.lengte', pad, `<${naam}> is ${String(params.lengte)} tekens lang; het schema staat hoogstens ${String(params.limit)} toe.`);
    case 'minItems':
      return fout('XSD.verplicht', pad, `<${naam}> moet minstens ${String(params.limit)} keer voorkomen.`);
    case 'pattern': {
      const uitleg = (e.parentSchema as JsonSchema | undefined)?.patroonUitleg;
      return fout('XSD.patroon', pad, `<${naam}> heeft waarde '${kort(e.data)}', die niet het voorgeschreven formaat heeft${uitleg ? ` (${String(uitleg)})` : ''}.`);
    }
    case 'xsdWaarde': {
      if (params.soort === 'patroon') return fout('XSD.patroon', pad, `<${naam}> heeft waarde '${kort(e.data)}', verwacht ${String(params.uitleg)}.`);
      if (params.soort === 'bereik') return fout('XSD.bereik', pad, `<${naam}> heeft waarde '${kort(e.data)}', verwacht een getal van ${String(params.min)} tot en met ${String(params.max)}.`);
      return fout('XSD.datatype', pad, `<${naam}> heeft waarde '${kort(e.data)}', verwacht ${xsdBasisUitleg[params.basis as keyof typeof xsdBasisUitleg]}.`);
    }
    case 'xsdKeuze': {
      const opties = (params.opties as string[]).map((o) => `<${o}>`);
      if (params.soort === 'meerdere') {
        const aanwezig = (params.aanwezig as string[]).map((o) => `<${o}>`);
        return fout('XSD.keuze', pad, `<${naam}> bevat zowel ${aanwezig.join(' als ')}; het schema staat één van ${opties.join(', ')} toe.`);
      }
      return fout('XSD.keuze', pad, `<${naam}> moet één van ${opties.join(', ')} bevatten.`);
    }
    default:
      return fout('XSD.datatype', pad, `<${naam}>: ${e.message ?? e.keyword}.`);
  }
}

/** Every structural violation of a typed dossier object, as findings with element paths. */
export function controleerStructuur(object: unknown, wortelNaam: string, wortelType: SamengesteldType, id: string): Finding[] {
  const { validate } = structuurValidator(wortelType, id);
  if (validate(object)) return [];
  const uit: Finding[] = [];
  const gezien = new Set<string>();
  for (const e of validate.errors ?? []) {
    const f = naarBevinding(e, object, wortelNaam, wortelType);
    const sleutel = `${f.rule}\u0000${f.path}\u0000${f.message}`;
    if (gezien.has(sleutel)) continue;
    gezien.add(sleutel);
    uit.push(f);
  }
  return uit;
}

