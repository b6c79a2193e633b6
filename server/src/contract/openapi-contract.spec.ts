import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { applyContract, type ContractSchemas, type JsonSchema, type RouteFacts } from './openapi-contract.js';

/** A document as Nest writes it: routes and request schemas, answers without bodies. */
function nestDocument(): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/things/{id}': {
        get: {
          operationId: 'ThingsController_get',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }],
          responses: { '200': { description: '' } },
        },
      },
      '/api/things': {
        post: {
          operationId: 'ThingsController_create',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } } },
          responses: { '201': { description: '' } },
        },
      },
    },
    components: { schemas: { CreateThingDto: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } },
  };
}

const FACTS = new Map<string, RouteFacts>([
  ['ThingsController_get', { isPublic: false, hasRoles: false, rateLimited: false }],
  ['ThingsController_create', { isPublic: true, hasRoles: false, rateLimited: true }],
]);

function contract(endpoints: Record<string, JsonSchema>): ContractSchemas {
  return {
    definitions: {
      Endpoints: { type: 'object', properties: endpoints },
      Thing: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'], additionalProperties: false },
      ApiError: { type: 'object', properties: { code: { type: 'string' } } },
    },
  };
}

const getThing = {
  type: 'object',
  properties: {
    params: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] },
    response: { $ref: '#/definitions/Thing' },
    errors: { type: 'string', const: 'NOT_FOUND' },
  },
};
const createThing = {
  type: 'object',
  properties: {
    body: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    response: { $ref: '#/definitions/Thing' },
  },
};

describe('applyContract', () => {
  it('gives each operation its answer schema and its error statuses', () => {
    const doc = applyContract(nestDocument(), FACTS, contract({ 'GET /things/{id}': getThing, 'POST /things': createThing }));
    const get = doc.paths['/api/things/{id}'].get!;
    // numeric path parameter → 400; logged in → 401 (two codes); declared → 404; always → 500 and 503 (the database away)
    expect(Object.keys(get.responses)).toEqual(['200', '400', '401', '404', '500', '503']);
    expect(get.responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } });
    expect(get.responses['401']).toMatchObject({ content: { 'application/json': { schema: { properties: { code: { enum: ['SESSION_ENDED', 'TOKEN_EXPIRED', 'UNAUTHENTICATED'] } } } } } });
    expect(get.security).toEqual([{ bearer: [] }]);
    const create = doc.paths['/api/things'].post!;
    // JSON body → 400 (two codes) and 413; public, so no 401; rate-limited → 429
    expect(Object.keys(create.responses)).toEqual(['201', '400', '413', '429', '500', '503']);
    expect(create.security).toBeUndefined();
    expect(doc.components!.schemas!.Thing).toEqual({ type: 'object', properties: { id: { type: 'number' } }, required: ['id'], additionalProperties: false });
  });

  it('refuses a route the contract lacks, an entry with no route, and fields that differ', () => {
    const renamed = { ...createThing, properties: { ...createThing.properties, body: { type: 'object', properties: { title: { type: 'string' } }, required: [] } } };
    expect(() => applyContract(nestDocument(), FACTS, contract({ 'POST /things': renamed, 'GET /others': getThing }))).toThrow(
      [
        'The code and shared/src/contract.ts disagree:',
        '  GET /things/{id}: a route with no entry in Endpoints (shared/src/contract.ts)',
        '  POST /things: body fields are name in the code but title? in the contract',
        '  GET /others: in Endpoints, but no such route',
      ].join('\n'),
    );
  });
  it('checks a multipart operation\'s form fields beside its file, and gives it no JSON errors', () => {
    const doc = nestDocument();
    doc.paths['/api/things'].post!.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, dryRun: { type: 'boolean' }, note: { type: 'string' } }, required: ['file', 'dryRun'] },
        },
      },
    };
    const upload = (body: JsonSchema) => ({ type: 'object', properties: { multipart: { type: 'string', const: 'file' }, body, response: { $ref: '#/definitions/Thing' } } });
    const form = { type: 'object', properties: { dryRun: { type: 'boolean' }, note: { type: 'string' } }, required: ['dryRun'] };
    const create = applyContract(doc, FACTS, contract({ 'GET /things/{id}': getThing, 'POST /things': upload(form) })).paths['/api/things'].post!;
    // multipart → 400 VALIDATION_FAILED only: no INVALID_JSON, no 413 PAYLOAD_TOO_LARGE
    expect(Object.keys(create.responses)).toEqual(['201', '400', '429', '500', '503']);
    expect(create.responses['400']).toMatchObject({ content: { 'application/json': { schema: { properties: { code: { enum: ['VALIDATION_FAILED'] } } } } } });
    const optional = { ...form, required: [] };
    expect(() => applyContract(doc, FACTS, contract({ 'GET /things/{id}': getThing, 'POST /things': upload(optional) }))).toThrow(
      'POST /things: multipart fields are dryRun, file, note? in the code but dryRun?, file, note? in the contract',
    );
  });
});
