import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { Clock } from './common/clock.js';
import { loadConfig } from './config/app-config.js';
import { dialectOf } from './database/data-source.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';
import { DataSource } from 'typeorm';

const config = loadConfig();
const app = await createApp(config);
if (config.seedDemo) {
  const seeded = await seedDemoIfEmpty(app.get(DataSource), app.get(Clock).now());
  if (seeded) console.log(seeded);
}
await app.listen(config.port);
const where = dialectOf(config) === 'sqlite' ? `embedded SQLite at ${config.sqlitePath}` : 'MySQL (DATABASE_URL)';
console.log(`Linli on http://localhost:${config.port}/ (API /api, docs /api/docs), database: ${where}`);
if (!config.wechat.appId && config.env !== 'production') {
  console.log(`Dev login is on: pick a role at http://localhost:${config.port}/, or list users with GET /api/auth/dev-users.`);
}
