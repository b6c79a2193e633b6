/** Writes docs/openapi.json from the code: `npm run openapi -w server`. A test fails when the two drift. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-openapi-'));
const app = await createApp(loadConfig({ NODE_ENV: 'test', SQLITE_PATH: path.join(dir, 'db.sqlite'), UPLOAD_DIR: path.join(dir, 'up'), SWEEP_INTERVAL_MS: '0' }));
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.json');
fs.writeFileSync(out, JSON.stringify(buildOpenApi(app), null, 2) + '\n');
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${out}`);
