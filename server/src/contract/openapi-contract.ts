/**
 * Completes the OpenAPI document Nest derives from the controllers with what the shared contract
 * (shared/src/contract.ts) says: every success answer's schema, every error answer with its codes,
 * request headers, and who must log in. Nest's document gives the routes and the request schemas
 * (from the DTOs that validate them); the contract must name exactly the same routes, parameters
 * and body fields, or building the document fails and says where.
 */
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_ERROR_STATUS, type ApiErrorCode } from '@linli/shared';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/decorators.js';
import { RATE_LIMIT_KEY } from '../common/throttle.js';
import committed from './contract-schemas.json' with { type: 'json' };

/** A JSON Schema as ts-json-schema-generator writes it (draft 7, which OpenAPI 3.1 reads as it is). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  description?: string;
  [keyword: string]: unknown;
}

/** The generator's output for the contract's roots (see generate-schemas.ts), committed as contract-schemas.json. */
export interface ContractSchemas {
  definitions: Record<string, JsonSchema>;
}

export const COMMITTED_CONTRACT_SCHEMAS = committed as ContractSchemas;

/** What a route's decorators say about who may call it and how often. */
export interface RouteFacts {
  isPublic: boolean;
  hasRoles: boolean;
  rateLimited: boolean;
}

/** Route facts by Nest's operation id (`Controller_method`), read from the same metadata the guards read. */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        facts.set(`${controller.name}_${method}`, {
          isPublic: meta(PUBLIC_KEY) === true,
          hasRoles: Array.isArray(meta(ROLES_KEY)),
          rateLimited: Reflect.getMetadata(RATE_LIMIT_KEY, handler) !== undefined,
        });
      }
    }
  }
  return facts;
}

const API_PREFIX = '/api';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_SCHEMA = 'ApiError';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}

/** The document with the contract applied; throws, listing every disagreement, when code and contract differ. */
export function applyContract(document: OpenAPIObject, facts: Map<string, RouteFacts>, schemas: ContractSchemas = COMMITTED_CONTRACT_SCHEMAS): OpenAPIObject {
  const doc = structuredClone(document) as OpenAPIObject & { components: { schemas: Record<string, JsonSchema> } };
  const defs = schemas.definitions;
  const endpoints = defs.Endpoints?.properties ?? {};
  const problems: string[] = [];
  const routed = new Set<string>();
  const used = new Set<string>([ERROR_SCHEMA]);

  for (const [fullPath, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${fullPath.slice(API_PREFIX.length)}`;
      routed.add(key);
      const entry = endpoints[key];
      if (!entry) {
        problems.push(`${key}: a route with no entry in Endpoints (shared/src/contract.ts)`);
        continue;
      }
      const fact = facts.get(op.operationId ?? '');
      if (!fact) throw new Error(`${key}: no route metadata for ${op.operationId}`);
      problems.push(...checkRequest(key, op, entry.properties ?? {}, doc.components.schemas, defs));
      describe(key, op, entry, fact, defs, used);
    }
  }
  for (const key of Object.keys(endpoints)) if (!routed.has(key)) problems.push(`${key}: in Endpoints, but no such route`);
  if (problems.length) throw new Error(`The code and shared/src/contract.ts disagree:\n  ${problems.join('\n  ')}`);

  for (const name of reachable(used, defs)) {
    if (doc.components.schemas[name]) throw new Error(`schema name ${name} is taken by a DTO; rename one of them`);
    doc.components.schemas[name] = toComponents(defs[name]);
  }
  return doc;
}

/** Fills in the operation's answers, headers, description and security from its contract entry. */
function describe(key: string, op: Operation, entry: JsonSchema, fact: RouteFacts, defs: Record<string, JsonSchema>, used: Set<string>): void {
  const fields = entry.properties ?? {};
  if (entry.description) op.description = entry.description;

  op.parameters = (op.parameters ?? []).filter((p) => p.in !== 'header');
  const headers = resolve(fields.headers, defs);
  for (const [name, schema] of Object.entries(headers?.properties ?? {})) {
    op.parameters.push({ name, in: 'header', required: headers!.required?.includes(name) ?? false, description: schema.description, schema: { type: 'string' } });
  }

  const [success] = Object.keys(op.responses);
  const answer = { description: op.summary ?? 'OK', content: {} as Record<string, { schema: JsonSchema }> };
  if (fields.response) {
    answer.content['application/json'] = { schema: toComponents(fields.response) };
    refsOf(fields.response).forEach((r) => used.add(r));
  } else {
    for (const type of valuesOf(fields.binary, defs)) answer.content[String(type)] = { schema: { type: 'string', contentMediaType: String(type) } };
  }
  op.responses = { [success]: answer };

  const codes = new Set<ApiErrorCode>(valuesOf(fields.errors, defs) as ApiErrorCode[]);
  codes.add('INTERNAL');
  if (!fact.isPublic) codes.add('UNAUTHENTICATED').add('TOKEN_EXPIRED').add('SESSION_ENDED');
  if (fact.hasRoles) codes.add('FORBIDDEN');
  if (fact.rateLimited) codes.add('RATE_LIMITED');
  // A string path parameter takes anything; a numeric one is parsed (ParseIntPipe) and may be refused.
  const numericPath = Object.values(resolve(fields.params, defs)?.properties ?? {}).some((p) => p.type === 'number');
  if (numericPath || fields.query || fields.body || fields.multipart || fields.headers) codes.add('VALIDATION_FAILED');
  if (fields.body && !fields.multipart) codes.add('INVALID_JSON').add('JSON_TOO_DEEP').add('PAYLOAD_TOO_LARGE');
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) {
    const status = API_ERROR_STATUS[code];
    if (status === undefined) throw new Error(`${key}: unknown error code ${code}`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    op.responses[String(status)] = {
      description: list.sort().join(', '),
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}`, type: 'object', properties: { code: { enum: list } } } } },
    };
  }

  if (fact.isPublic) delete op.security;
  else op.security = [{ bearer: [] }];
}

/** Path, query and body field names (and which are required) must be the same in the DTOs and the contract. */
function checkRequest(key: string, op: Operation, fields: Record<string, JsonSchema>, components: Record<string, JsonSchema>, defs: Record<string, JsonSchema>): string[] {
  const problems: string[] = [];
  const same = (what: string, nest: Shape, contract: Shape) => {
    const a = describeShape(nest);
    const b = describeShape(contract);
    if (a !== b) problems.push(`${key}: ${what} are ${a || 'none'} in the code but ${b || 'none'} in the contract`);
  };
  const params = (where: string): Shape => {
    const list = (op.parameters ?? []).filter((p) => p.in === where);
    return { names: list.map((p) => p.name), required: list.filter((p) => p.required).map((p) => p.name) };
  };
  const fromSchema = (schema: JsonSchema | undefined): Shape => ({ names: Object.keys(schema?.properties ?? {}), required: schema?.required ?? [] });
  const pathShape = params('path');
  same('path parameters', { names: pathShape.names, required: pathShape.names }, fromSchema(resolve(fields.params, defs)));
  same('query parameters', params('query'), fromSchema(resolve(fields.query, defs)));
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const jsonBody = fromSchema(json?.$ref ? components[json.$ref.split('/').pop()!] : json);
  const multipart = content['multipart/form-data']?.schema;
  const files = valuesOf(fields.multipart, defs).map(String);
  if (fields.multipart) {
    // A multipart operation's `body` names its form fields beside the files; it has no JSON body.
    const form = fromSchema(resolve(fields.body, defs));
    same('body fields', jsonBody, { names: [], required: [] });
    same('multipart fields', fromSchema(multipart), { names: [...files, ...form.names], required: [...files, ...form.required] });
  } else {
    same('body fields', jsonBody, fromSchema(resolve(fields.body, defs)));
    same('multipart fields', fromSchema(multipart), { names: files, required: files });
  }
  return problems;
}

interface Shape {
  names: string[];
  required: string[];
}

function describeShape(s: Shape): string {
  return [...s.names].sort().map((n) => (s.required.includes(n) ? n : `${n}?`)).join(', ');
}

/** Follows a `$ref` to its definition; merges `allOf`-free interfaces only, which is all the generator writes. */
function resolve(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return resolve(defs[schema.$ref.replace('#/definitions/', '')], defs);
}

/** The values a string-literal type allows: `'a' | 'b'` is written as an enum, `'a'` alone as a const, a union of aliases as anyOf. */
function valuesOf(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): unknown[] {
  const s = resolve(schema, defs);
  if (!s) return [];
  if (s.const !== undefined) return [s.const];
  if (s.enum) return s.enum;
  return (s.anyOf ?? []).flatMap((member) => valuesOf(member, defs));
}

function refsOf(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap(refsOf);
  return Object.entries(schema).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v.replace('#/definitions/', '')] : refsOf(v)));
}

/** The named schemas the answers use, and those they use in turn. */
function reachable(roots: Set<string>, defs: Record<string, JsonSchema>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    if (!defs[name]) throw new Error(`the contract refers to ${name}, which has no schema`);
    seen.add(name);
    refsOf(defs[name]).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

function toComponents(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/definitions/', '"#/components/schemas/'));
}
