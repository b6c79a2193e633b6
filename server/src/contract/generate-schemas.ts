/**
 * JSON Schemas of the shared contract's types, from their TypeScript (ts-json-schema-generator, which runs
 * the TypeScript compiler: seconds, and a devDependency). `npm run openapi -w server` writes the result to
 * contract-schemas.json so that the API builds its document without either; the schema test regenerates
 * it and fails when the committed file is stale.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import type { ContractSchemas } from './openapi-contract.js';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** The roots: the operations, and the one error shape they all answer with. */
const ROOTS = ['Endpoints', 'ApiError'];

export function generateContractSchemas(): ContractSchemas {
  const generator = createGenerator({
    path: path.join(SHARED, 'src/index.ts'),
    tsconfig: path.join(SHARED, 'tsconfig.build.json'),
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true, // `npm run build -w shared` type-checks; this only reads the types
  });
  const definitions: ContractSchemas['definitions'] = {};
  for (const root of ROOTS) Object.assign(definitions, generator.createSchema(root).definitions);
  return { definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))) as ContractSchemas['definitions'] };
}
