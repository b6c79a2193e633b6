/**
 * Regenerates the contract from the code: `npm run openapi -w server` writes the shared types' schemas
 * (src/contract/contract-schemas.json) and docs/openapi.json. A test fails when either is stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { generateContractSchemas } from './contract/generate-schemas.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemas = generateContractSchemas();
const schemasFile = path.join(root, 'server/src/contract/contract-schemas.json');
const text = JSON.stringify(schemas, null, 2) + '\n';
// Unchanged, it is left alone: a newer file in src/ would mark dist/ stale (test/support/server-process.ts).
if (!fs.existsSync(schemasFile) || fs.readFileSync(schemasFile, 'utf8') !== text) fs.writeFileSync(schemasFile, text);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-openapi-'));
const app = await createApp(loadConfig({ NODE_ENV: 'test', SQLITE_PATH: path.join(dir, 'db.sqlite'), UPLOAD_DIR: path.join(dir, 'up'), SWEEP_INTERVAL_MS: '0' }));
const out = path.join(root, 'docs/openapi.json');
try {
  fs.writeFileSync(out, JSON.stringify(buildOpenApi(app, schemas), null, 2) + '\n');
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`${path.relative(root, schemasFile)} and ${path.relative(root, out)} now match the code`);
