/**
 * Seeds a database, after migrating it:
 *   npm run seed -w server -- --demo                                  the demo district (as `npm start` does)
 *   npm run seed -w server -- --scale futian [--tickets N] [--residents N] [--seed N]
 * The database is DATABASE_URL (MySQL) or the SQLite file, as for the server.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { createDataSource, dialectOf } from '../database/data-source.js';
import { seedDemoIfEmpty } from './demo-seed.js';
import { seedFutian } from './scale-seed.js';

const usage = 'usage: seed-cli.js --demo | --scale futian [--tickets 100000] [--residents 50000] [--seed 1]';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    scale: { type: 'string' },
    tickets: { type: 'string', default: '100000' },
    residents: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

function count(name: string, value: string, min: number): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer ≥ ${min}, got "${value}"\n${usage}`);
    process.exit(2);
  }
  return n;
}

if (values.help || (!values.demo && !values.scale) || (values.demo && values.scale)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
if (values.scale && values.scale !== 'futian') {
  console.error(`Unknown scale "${values.scale}": the one scale is futian.\n${usage}`);
  process.exit(2);
}
const tickets = count('tickets', values.tickets!, 0);
const residents = count('residents', values.residents!, 1);
const seed = count('seed', values.seed!, 0);

const config = loadConfig();
const ds = createDataSource(config);
await ds.initialize();
let failed = false;
try {
  await ds.runMigrations({ transaction: 'each' });
  const where = dialectOf(config) === 'mysql' ? 'MySQL (DATABASE_URL)' : `SQLite at ${config.sqlitePath}`;
  if (values.demo) {
    const seeded = await seedDemoIfEmpty(ds);
    console.log(seeded ?? `The database (${where}) already has users: nothing seeded.`);
  } else {
    console.log(`Seeding a Futian-sized district into ${where}: ${tickets.toLocaleString('en')} tickets, ${residents.toLocaleString('en')} residents…`);
    const s = await seedFutian(ds, { tickets, residents, seed, now: new Date(), progress: Boolean(process.stdout.isTTY) });
    console.log(
      `Seeded in ${s.seconds.toFixed(1)} s: ${s.grids} grids, ${s.buildings} buildings, ${s.households} households, ${s.users} users (${s.residents} residents), ` +
        `${s.tickets} tickets with ${s.events} timeline events.`,
    );
  }
} catch (e) {
  failed = true;
  console.error(e instanceof Error ? e.message : e);
} finally {
  await ds.destroy();
}
process.exit(failed ? 1 : 0);
