/**
 * The test-control API as a machine-checked contract: docs/control-api.openapi.json (OpenAPI 3.1, its schemas JSON
 * Schema 2020-12), compiled once with ajv. The reference LAS checks every request body against it, the http adapter
 * every answer; both say in Dutch which field is wrong and what was expected. The types in control-api.ts describe
 * the same shapes; tests/control-api/contract.test.ts keeps the two in line.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { controlPaths } from './control-api.ts';
import { aantal } from '../web/meervoud.ts';

/** Where the contract lives, as messages and docs name it. */
export const CONTRACT_FILE = 'docs/control-api.openapi.json';

export type ControlPath = (typeof controlPaths)[keyof typeof controlPaths];

/** One way a body does not fit the contract. */
export interface ContractAfwijking {
  /** The field, as a vendor reads it: `afgemeld`, `ontvangen[0].status`; empty for the body as a whole. */
  veld: string;
  /** What the contract expects there, in Dutch, with what came. */
  melding: string;
}

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref: string } }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
  components: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
}

const JSON_TYPE = 'application/json';
const CONTRACT_ID = 'control-api';

const document = JSON.parse(readFileSync(fileURLToPath(new URL(`../${CONTRACT_FILE}`, import.meta.url)), 'utf8')) as OpenApiDocument;

const ajv = new Ajv2020.default({ allErrors: true, verbose: true, strict: true });
// The OpenAPI document around the schemas, and the Dutch explanation a pattern carries for messages.
ajv.addVocabulary(['openapi', 'jsonSchemaDialect', 'info', 'paths', 'components', 'x-uitleg']);
ajv.addSchema(document as object, CONTRACT_ID);

const SCHEMA_REF = '#/components/schemas/';

/** The names of the contract's schemas. */
const schemaNamen = new Set(Object.keys((document as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas));

/**
 * A schema of the contract, compiled on first use and kept: compiling all of them costs every process that loads this
 * module (each qualification worker) about half a second, and a run needs only a few.
 */
const gecompileerd = new Map<string, ValidateFunction>();
function schemaValidator(naam: string): ValidateFunction | undefined {
  if (!schemaNamen.has(naam)) return undefined;
  let validate = gecompileerd.get(naam);
  if (!validate) {
    validate = ajv.compile({ $ref: `${CONTRACT_ID}${SCHEMA_REF}${naam}` });
    gecompileerd.set(naam, validate);
  }
  return validate;
}

function schemaNaam(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  if (!ref.startsWith(SCHEMA_REF) || !schemaNamen.has(ref.slice(SCHEMA_REF.length))) throw new Error(`${CONTRACT_FILE}: ${ref} is geen schema onder ${SCHEMA_REF}.`);
  return ref.slice(SCHEMA_REF.length);
}

function operation(path: ControlPath): { method: 'get' | 'post'; op: Operation } {
  const item = document.paths[path];
  const method = item?.post ? 'post' : 'get';
  const op = item?.[method];
  if (!op) throw new Error(`${CONTRACT_FILE} beschrijft ${path} niet.`);
  return { method, op };
}

/** Per path of controlPaths: the schema its request body must fit (if it takes one), its 200 answer, its refusals. */
const requests = new Map<ControlPath, string | undefined>();
const answers = new Map<ControlPath, { ok: string; fout: string }>();
for (const path of Object.values(controlPaths)) {
  const { op } = operation(path);
  requests.set(path, schemaNaam(op.requestBody?.content[JSON_TYPE]?.schema.$ref));
  const ok = schemaNaam(op.responses['200']?.content?.[JSON_TYPE]?.schema.$ref);
  const foutRef = op.responses.default?.$ref;
  const fout = schemaNaam(foutRef ? document.components.responses[foutRef.split('/').at(-1)!]?.content[JSON_TYPE]?.schema.$ref : undefined);
  if (!ok || !fout) throw new Error(`${CONTRACT_FILE}: ${path} mist een 200- of default-antwoord met ${JSON_TYPE}.`);
  answers.set(path, { ok, fout });
}

/** The HTTP method the contract gives a path. */
export function methodOf(path: ControlPath): 'GET' | 'POST' {
  return operation(path).method === 'post' ? 'POST' : 'GET';
}

/** How a request body for this path breaks the contract; empty when it fits (or the path takes no body). */
export function verzoekAfwijkingen(path: ControlPath, body: unknown): ContractAfwijking[] {
  const schema = requests.get(path);
  return schema ? schemaAfwijkingen(schema, body) : [];
}

/** How an answer with this HTTP status breaks the contract: 200 carries the path's answer, any other status {fout}. */
export function antwoordAfwijkingen(path: ControlPath, status: number, body: unknown): ContractAfwijking[] {
  return schemaAfwijkingen(antwoordSchema(path, status), body);
}

/** The name of the schema an answer with this status must fit. */
export function antwoordSchema(path: ControlPath, status: number): string {
  const schema = answers.get(path)!;
  return status === 200 ? schema.ok : schema.fout;
}

/** The name of the schema a request body must fit. */
export function verzoekSchema(path: ControlPath): string | undefined {
  return requests.get(path);
}

/** How a value breaks the named schema of the contract (components/schemas); empty when it fits. */
export function schemaAfwijkingen(schema: string, value: unknown): ContractAfwijking[] {
  const validate = schemaValidator(schema);
  if (!validate) throw new Error(`${CONTRACT_FILE} heeft geen schema ${schema}.`);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A value that fits no type also fails its pattern or enum: say only the more basic thing per field.
  const typeFields = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !typeFields.has(e.instancePath)).map(afwijking);
}

/** One line for a message: "veld 'pgn' ontbreekt; veld 'brin' moet … zijn". */
export function beschrijfAfwijkingen(afwijkingen: readonly ContractAfwijking[]): string {
  const shown = afwijkingen.slice(0, 3).map((a) => a.melding);
  return shown.join('; ') + (afwijkingen.length > 3 ? `; en nog ${aantal(afwijkingen.length - 3, 'afwijking', 'afwijkingen')}` : '');
}

function veldnaam(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((naam, part) => (/^\d+$/.test(part) ? `${naam}[${part}]` : naam ? `${naam}.${part}` : part), '');
}

const typeNamen: Record<string, string> = {
  string: 'tekst (string)',
  boolean: 'true of false (boolean)',
  object: 'een object',
  array: 'een lijst (array)',
  number: 'een getal',
  integer: 'een geheel getal',
  null: 'null',
};

function getoond(data: unknown): string {
  const json = JSON.stringify(data) ?? String(data);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function afwijking(e: ErrorObject): ContractAfwijking {
  const veld = veldnaam(e.instancePath);
  const waar = veld ? `veld '${veld}'` : 'het bericht';
  const params = e.params as Record<string, unknown>;
  // Only where the message shows it: for an unknown or missing field e.data is the whole object, and serialising it
  // once per unknown field made a body of 3,500 keys cost 3 s of CPU (found by the fuzz suite).
  const ontvangen = () => `ontvangen ${getoond(e.data)}`;
  switch (e.keyword) {
    case 'required': {
      const missing = veldnaam(`${e.instancePath}/${String(params.missingProperty)}`);
      return { veld: missing, melding: `veld '${missing}' ontbreekt` };
    }
    case 'additionalProperties': {
      const extra = veldnaam(`${e.instancePath}/${String(params.additionalProperty)}`);
      return { veld: extra, melding: `onbekend veld '${extra}'` };
    }
    case 'type':
      return { veld, melding: `${waar} moet ${typeNamen[String(params.type)] ?? String(params.type)} zijn, ${ontvangen()}` };
    case 'pattern': {
      const uitleg = (e.parentSchema as { 'x-uitleg'?: string } | undefined)?.['x-uitleg'] ?? `het patroon ${String(params.pattern)}`;
      return { veld, melding: `${waar} moet ${uitleg} zijn, ${ontvangen()}` };
    }
    case 'enum':
      return { veld, melding: `${waar} moet een van ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} zijn, ${ontvangen()}` };
    case 'const':
      return { veld, melding: `${waar} moet ${JSON.stringify(params.allowedValue)} zijn, ${ontvangen()}` };
    case 'minLength':
      return { veld, melding: `${waar} mag niet leeg zijn` };
    default:
      return { veld, melding: `${waar}: ${e.message ?? e.keyword}, ${ontvangen()}` };
  }
}
