/*
 * From a release's structure (schema-model.ts) to the JSON Schema of its typed object. Presence is checked without
 * regard to order; datatypes, ranges and XSD choices use three small keywords registered with ajv (structure.ts):
 * `xsdWaarde` (xs:date, xs:boolean, xs:integer, xs:int, xs:decimal, ranges), `xsdKeuze` (xs:choice) and the
 * `xsdLengte` (lengths in characters) and the annotation `patroonUitleg`, which the findings use to say which format was
 * meant. Code lists and element order are not in it: the official toolchain judges them on the element tree (text nodes,
 * sequence), and so does boomcontrole.ts.
 */
import {
  isHerhaalbaar,
  isVerplicht,
  type EenvoudigType,
  type SamengesteldType,
  type Type,
} from './schema-model.ts';

export type JsonSchema = Record<string, unknown>;

export interface XsdWaardeSchema {
  basis: 'date' | 'boolean' | 'integer' | 'int' | 'decimal';
  patroon?: string;
  patroonUitleg?: string;
  bereik?: readonly [number, number];
}

export interface XsdLengteSchema {
  min?: number;
  max?: number;
}

export interface XsdKeuzeSchema {
  opties: string[];
  verplicht: boolean;
}

function eenvoudigSchema(t: EenvoudigType): JsonSchema {
  const s: JsonSchema = { type: 'string' };
  // Lengths count characters (code points), as XSD does; `xsdLengte` does that without walking every long string.
  if (t.minLengte !== undefined || t.maxLengte !== undefined) {
    s.xsdLengte = { ...(t.minLengte !== undefined ? { min: t.minLengte } : {}), ...(t.maxLengte !== undefined ? { max: t.maxLengte } : {}) };
  }
  if (t.basis === 'string') {
    if (t.patroon !== undefined) {
      s.pattern = `^(?:${t.patroon})$`;
      if (t.patroonUitleg) s.patroonUitleg = t.patroonUitleg;
    }
  } else {
    const w: XsdWaardeSchema = { basis: t.basis };
    if (t.patroon !== undefined) w.patroon = t.patroon;
    if (t.patroonUitleg !== undefined) w.patroonUitleg = t.patroonUitleg;
    if (t.bereik !== undefined) w.bereik = t.bereik;
    s.xsdWaarde = w;
  }
  if (!t.attributen) return s;
  const properties: Record<string, JsonSchema> = { '#text': s };
  const required = ['#text'];
  for (const a of t.attributen) {
    properties[`@${a.naam}`] = eenvoudigSchema(a.type);
    if (a.verplicht) required.push(`@${a.naam}`);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The JSON Schema of a release's typed dossier object; named types become `$defs`. */
export function jsonSchemaVoor(wortel: SamengesteldType, id: string): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const defNamen = new Map<SamengesteldType, string>();

  const objectSchema = (t: SamengesteldType): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const keuzes: XsdKeuzeSchema[] = [];
    for (const d of t.deeltjes) {
      const decls = d.soort === 'element' ? [d] : d.opties;
      if (d.soort === 'keuze') keuzes.push({ opties: d.opties.map((o) => o.naam), verplicht: d.verplicht });
      for (const decl of decls) {
        const waarde = typeSchema(decl.type);
        properties[decl.naam] = isHerhaalbaar(decl.aantal)
          ? { type: 'array', minItems: decl.aantal === '+' ? 1 : 0, items: waarde }
          : waarde;
        if (d.soort === 'element' && isVerplicht(decl.aantal)) required.push(decl.naam);
      }
    }
    const s: JsonSchema = { type: 'object', properties, additionalProperties: false };
    if (required.length) s.required = required;
    if (keuzes.length) s.xsdKeuze = keuzes;
    return s;
  };

  const samengesteldSchema = (t: SamengesteldType): JsonSchema => {
    const maak = () => (t.herhaaldeReeks ? { type: 'array', minItems: 1, items: objectSchema(t) } : objectSchema(t));
    if (t.naam === undefined) return maak();
    let naam = defNamen.get(t);
    if (naam === undefined) {
      naam = t.naam;
      for (let i = 2; naam in defs; i++) naam = `${t.naam}${i}`;
      defNamen.set(t, naam);
      defs[naam] = {}; // reserve before recursing
      defs[naam] = maak();
    }
    return { $ref: `#/$defs/${naam}` };
  };

  const typeSchema = (t: Type): JsonSchema => (t.soort === 'eenvoudig' ? eenvoudigSchema(t) : samengesteldSchema(t));

  const root = objectSchema(wortel);
  return { $id: id, ...root, $defs: defs };
}
