/** The requirement catalogue (scenarios/requirements.yaml) as typed data. */
import Ajv from 'ajv';
import { fileURLToPath } from 'node:url';
import { readYamlSource, SourceError } from './yaml-source.ts';

/**
 * Where an obligation comes from: the public OSO record (`officieel`), the record with a detail the harness chose where
 * the record is open (`deels-eigen`), or the harness alone (`eigen`). Reports mark the last two so a reviewer never
 * reads a harness choice as an official requirement.
 */
export type Herkomst = 'officieel' | 'deels-eigen' | 'eigen';
export const HERKOMSTEN: readonly Herkomst[] = ['officieel', 'deels-eigen', 'eigen'];

export interface Requirement {
  id: string;
  tekst: string;
  bron: string;
  herkomst: Herkomst;
  /** What the vendor changes when the requirement fails, in a sentence or two (printed under the finding). */
  oplossing: string;
}

export const requirementsFile = fileURLToPath(new URL('../scenarios/requirements.yaml', import.meta.url));

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['eisen'],
  properties: {
    eisen: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'tekst', 'bron', 'herkomst', 'oplossing'],
        properties: {
          id: { type: 'string', pattern: '^[A-Z]+-[0-9]{2}$' },
          tekst: { type: 'string', minLength: 1 },
          bron: { type: 'string', minLength: 1 },
          herkomst: { enum: HERKOMSTEN },
          oplossing: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;

const validate = new Ajv.default({ allErrors: false }).compile<{ eisen: Requirement[] }>(schema);

/** The requirement with this id; a missing one is an error in the harness's own catalogue, not in the SUT. */
export function requireEis(requirements: ReadonlyMap<string, Requirement>, id: string): Requirement {
  const eis = requirements.get(id);
  if (!eis) throw new Error(`Eis ${id} ontbreekt in scenarios/requirements.yaml.`);
  return eis;
}

export function loadRequirements(file = requirementsFile): Map<string, Requirement> {
  const source = readYamlSource(file);
  if (!validate(source.data)) {
    const err = validate.errors![0]!;
    const at = source.position(err.instancePath);
    throw new SourceError(file, at.line, at.column, `${err.instancePath || '/'} ${err.message ?? 'ongeldig'}`);
  }
  const map = new Map<string, Requirement>();
  source.data.eisen.forEach((eis, i) => {
    if (map.has(eis.id)) {
      const at = source.position(`/eisen/${i}/id`);
      throw new SourceError(file, at.line, at.column, `eis ${eis.id} staat er twee keer in`);
    }
    map.set(eis.id, eis);
  });
  return map;
}
