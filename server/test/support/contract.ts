/**
 * Every answer the end-to-end tests receive is checked against the committed docs/openapi.json:
 * its status must be one the operation documents, and its body must match that status's schema
 * (objects allow no undocumented field). So the document cannot drift from the code either way.
 * The operations each answer belonged to are logged for the suite's closing check (contract-coverage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OPENAPI_FILE = path.join(ROOT, 'docs/openapi.json');
/** Set by contract-run.mjs (jest's global setup): where every file of this run logs the operations it exercised. */
export const COVERAGE_LOG_ENV = 'LINLI_CONTRACT_LOG';

interface Answer {
  content?: Record<string, { schema: object }>;
}
interface DocOperation {
  responses: Record<string, Answer>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, object> };
}

export interface Operation {
  /** `METHOD /path` as in shared/src/contract.ts */
  key: string;
  method: string;
  segments: string[];
  responses: Record<string, Answer>;
}

const doc = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument;

export const OPERATIONS: Operation[] = Object.entries(doc.paths).flatMap(([fullPath, item]) =>
  Object.entries(item).map(([method, op]) => {
    const p = fullPath.replace(/^\/api/, '');
    return { key: `${method.toUpperCase()} ${p}`, method: method.toUpperCase(), segments: p.split('/'), responses: op.responses };
  }),
);

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const SCHEMAS_ID = 'linli-openapi';
const local = (schema: object): object => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`));
ajv.addSchema({ $id: SCHEMAS_ID, $defs: local(doc.components.schemas) });
const validators = new Map<string, ValidateFunction>();

function validatorFor(op: Operation, status: string, schema: object): ValidateFunction {
  const id = `${op.key} ${status}`;
  let v = validators.get(id);
  if (!v) validators.set(id, (v = ajv.compile(local(schema))));
  return v;
}

/** The documented operation a request went to: the template with most literal segments wins (/tickets/nearby over /tickets/{id}). */
export function operationFor(method: string, pathname: string): Operation | undefined {
  const segments = pathname.split('/');
  let best: { op: Operation; literal: number } | undefined;
  for (const op of OPERATIONS) {
    if (op.method !== method || op.segments.length !== segments.length) continue;
    const fits = op.segments.every((s, i) => (s.startsWith('{') ? segments[i] !== '' : s === segments[i]));
    const literal = op.segments.filter((s) => !s.startsWith('{')).length;
    if (fits && (!best || literal > best.literal)) best = { op, literal };
  }
  return best?.op;
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

function explain(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((e) => `body${e.instancePath} ${e.message}${e.keyword === 'additionalProperties' ? ` (${e.params.additionalProperty})` : ''}`)
    .join('; ');
}

const ROUTE_NOT_FOUND = { type: 'object', required: ['code'], properties: { code: { const: 'NOT_FOUND_ROUTE' } } };

/**
 * Throws unless the answer is one docs/openapi.json describes for this request; returns the operation.
 * `body` is the parsed JSON, the text, or the bytes, as the content type says.
 */
export function checkAnswer(method: string, url: string, status: number, contentType: string, body: unknown): Operation | null {
  const pathname = url.split('?')[0];
  const where = `${method} ${pathname} → ${status}`;
  const fail = (why: string): never => {
    const shown = Buffer.isBuffer(body) ? `<${body.length} bytes>` : JSON.stringify(body)?.slice(0, 600);
    throw new ContractViolation(`${where}: ${why} (docs/openapi.json)\n  answer: ${shown}`);
  };
  if (status >= 500 && (body as { code?: string })?.code === 'INTERNAL') fail('an unexpected server error: a bug, see the server log for its requestId');
  const op = operationFor(method, pathname);
  if (!op) {
    // Not an operation at all: the API's one answer for that is 404 NOT_FOUND_ROUTE in the error shape.
    const valid = status === 404 && validatorFor({ key: 'no route', method, segments: [], responses: {} }, '404', { allOf: [{ $ref: '#/components/schemas/ApiError' }, ROUTE_NOT_FOUND] })(body);
    if (!valid) fail('no documented operation has this path, and the answer is not 404 NOT_FOUND_ROUTE');
    return null;
  }
  const answer = op.responses[String(status)];
  if (!answer) fail(`status ${status} is not documented for ${op.key} (documented: ${Object.keys(op.responses).join(', ')})`);
  const media = Object.keys(answer.content ?? {});
  const type = contentType.split(';')[0].trim();
  if (!media.includes(type)) fail(`content type "${type}" is not documented for ${op.key} ${status} (documented: ${media.join(', ') || 'no body'})`);
  if (type === 'application/json') {
    const validate = validatorFor(op, String(status), answer.content![type].schema);
    if (!validate(body)) fail(`the body does not match its schema: ${explain(validate)}`);
  }
  const log = process.env[COVERAGE_LOG_ENV];
  if (log) fs.appendFileSync(log, `${op.key}\t${status}\n`);
  return op;
}
