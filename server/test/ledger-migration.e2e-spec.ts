import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source.js';
import { fillHouseholdUnits } from '../src/database/migrations/household-units.js';
import { createTestDatabase, type Dialect } from './support/test-app.js';

/** The LedgerMembers migration split the labels households already had into unit and door, on both dialects. */
for (const dialect of ['mysql', 'sqlite'] as Dialect[]) {
  describe(`household labels into unit and door on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let ds: DataSource;
    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      ds = createDataSource({ databaseUrl: db.env.DATABASE_URL ?? null, sqlitePath: db.env.SQLITE_PATH ?? '' });
      await ds.initialize();
      await ds.runMigrations();
    });
    afterAll(async () => {
      await ds?.destroy();
      await db?.drop();
    });

    it('splits 2单元301, A座1201 and a bare door, in batches past the first thousand', async () => {
      const labels = ['2单元301', 'A座1201', '301', '10单元1502', ...Array.from({ length: 1200 }, (_, i) => `1单元${i + 1}`)];
      for (let i = 0; i < labels.length; i += 400) {
        const chunk = labels.slice(i, i + 400);
        await ds.query(`INSERT INTO households (buildingId, label) VALUES ${chunk.map(() => '(1, ?)').join(', ')}`, chunk);
      }
      const runner = ds.createQueryRunner();
      try {
        await fillHouseholdUnits(runner);
      } finally {
        await runner.release();
      }
      const rows: { label: string; unit: string; door: string }[] = await ds.query('SELECT label, unit, door FROM households ORDER BY id');
      expect(rows.slice(0, 4)).toEqual([
        { label: '2单元301', unit: '2单元', door: '301' },
        { label: 'A座1201', unit: 'A座', door: '1201' },
        { label: '301', unit: '', door: '301' },
        { label: '10单元1502', unit: '10单元', door: '1502' },
      ]);
      expect(rows.at(-1)).toEqual({ label: '1单元1200', unit: '1单元', door: '1200' });
      expect(rows.filter((r) => r.door === '').length).toBe(0);
    });
  });
}
