import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApi } from '../src/app.factory.js';
import { generateContractSchemas } from '../src/contract/generate-schemas.js';
import { COMMITTED_CONTRACT_SCHEMAS } from '../src/contract/openapi-contract.js';
import { createDataSource } from '../src/database/data-source.js';
import mysql from 'mysql2/promise';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { createTestDatabase, MYSQL_SERVER, startApp } from './support/test-app.js';

describe('schema and contract', () => {
  for (const dialect of ['mysql', 'sqlite'] as const) {
    it(`${dialect}: the migrations build exactly the schema the entities describe`, async () => {
      const db = await createTestDatabase(dialect);
      const ds = createDataSource({ databaseUrl: db.env.DATABASE_URL ?? null, sqlitePath: db.env.SQLITE_PATH ?? '' });
      try {
        await ds.initialize();
        await ds.runMigrations();
        const pending = await ds.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      } finally {
        await ds.destroy();
        await db.drop();
      }
    });
  }

  it('mysql: on a database whose default is latin1 (MariaDB upstream, MySQL 5.7), every table ends utf8mb4 and Chinese fits', async () => {
    const name = `linli_test_latin1_${process.pid}`;
    const conn = await mysql.createConnection(`${MYSQL_SERVER}/mysql`);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`);
    const ds = createDataSource({ databaseUrl: `${MYSQL_SERVER}/${name}`, sqlitePath: '' });
    try {
      await ds.initialize();
      await ds.runMigrations();
      await seedDemoIfEmpty(ds, new Date('2026-11-23T02:00:00Z'));
      const [district] = await ds.query('SELECT name FROM districts ORDER BY id LIMIT 1');
      expect(district.name).toBe('青山区');
      const latin = await ds.query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'", [name]);
      expect(latin).toEqual([]);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    }
  });

  describe('OpenAPI', () => {
    let app: Awaited<ReturnType<typeof startApp>>;
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      db = await createTestDatabase('sqlite');
      app = await startApp(db.env);
    });
    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    it('the committed schemas of the shared types match shared/src (regenerate: npm run openapi -w server)', () => {
      expect(generateContractSchemas()).toEqual(COMMITTED_CONTRACT_SCHEMAS);
    });

    it('docs/openapi.json matches the code (regenerate: npm run openapi -w server)', () => {
      const committed = JSON.parse(fs.readFileSync(path.resolve('..', 'docs', 'openapi.json'), 'utf8'));
      expect(buildOpenApi(app.app)).toEqual(committed);
    });

    it('serves Swagger UI at /api/docs', async () => {
      const r = await fetch(app.url + '/docs');
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('swagger');
    });
  });
});
