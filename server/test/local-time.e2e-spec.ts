import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, IsNull } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { MYSQL_MIGRATIONS } from '../src/database/migrations/mysql/index.js';
import { LocalTimeAndTicketCodes1795459800378 as MysqlLocalTime } from '../src/database/migrations/mysql/1795459800378-LocalTimeAndTicketCodes.js';
import { SQLITE_MIGRATIONS } from '../src/database/migrations/sqlite/index.js';
import { LocalTimeAndTicketCodes1795459800378 as SqliteLocalTime } from '../src/database/migrations/sqlite/1795459800378-LocalTimeAndTicketCodes.js';
import { District } from '../src/places/entities/places.entities.js';
import { Ticket } from '../src/tickets/entities/ticket.entity.js';
import { createTestDatabase, startSeededApp } from './support/test-app.js';

/**
 * Days are the community's local days. The demo district keeps Beijing time (UTC+8):
 *   2026-12-01T15:30Z is 12月1日 23:30 → the 1st
 *   2026-12-01T16:30Z is 12月2日 00:30 → the 2nd, though still the 1st in UTC
 *   2026-12-01T23:30Z is 12月2日 07:30 → the 2nd (the report that used to land on the day before)
 * 张桂兰 reports in 钢花村社区 (community 2), whose committee member is 何志刚 and grid worker 郑芳.
 */
const padded = (id: number) => String(id).padStart(6, '0');

for (const dialect of ['mysql', 'sqlite'] as const) {
  describe(`local time on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const reportAt = async (iso: string) => {
      ctx.clock.set(new Date(iso));
      const r = await ctx.api.as('张桂兰', 'POST', '/tickets', { categoryId: 1, description: '楼下垃圾桶满了', buildingId: 7 });
      expect(r.status).toBe(201);
      return r.body as { id: number; code: string };
    };
    const stats = (path: string) => ctx.api.as('何志刚', 'GET', `/stats/${path}`);

    let late: { id: number; code: string };
    let pastMidnight: { id: number; code: string };
    let morning: { id: number; code: string };

    it('codes a report with the local day it was made, at 23:30 and at 00:30', async () => {
      late = await reportAt('2026-12-01T15:30:00.000Z');
      pastMidnight = await reportAt('2026-12-01T16:30:00.000Z');
      morning = await reportAt('2026-12-01T23:30:00.000Z');
      expect(late.code).toBe(`20261201-${padded(late.id)}`);
      expect(pastMidnight.code).toBe(`20261202-${padded(pastMidnight.id)}`);
      expect(morning.code).toBe(`20261202-${padded(morning.id)}`);
    });

    it('stores the code with the ticket, and every view and message reads it', async () => {
      const row = await ctx.ds.getRepository(Ticket).findOneByOrFail({ id: pastMidnight.id });
      expect(row).toMatchObject({ code: pastMidnight.code, version: 1 });
      const mine = await ctx.api.as('张桂兰', 'GET', '/tickets?scope=mine');
      expect(mine.body.items.find((t: { id: number }) => t.id === pastMidnight.id).code).toBe(pastMidnight.code);
      const inbox = await ctx.api.as('郑芳', 'GET', '/notifications?pageSize=100');
      const dispatched = inbox.body.items.find((n: { ticketId: number }) => n.ticketId === pastMidnight.id);
      expect(dispatched.body.startsWith(`${pastMidnight.code} `)).toBe(true);
      expect(await ctx.ds.getRepository(Ticket).countBy({ code: IsNull() })).toBe(0);
      // The demo seed codes its history too: ticket 1 was reported 90 days before 2026-11-23T02:00Z, at 10:00 Beijing time.
      expect((await ctx.ds.getRepository(Ticket).findOneByOrFail({ id: 1 })).code).toBe('20260825-000001');
    });

    it('counts each report on its local day', async () => {
      const first = await stats('overview?communityId=2&from=2026-12-01&to=2026-12-01');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ from: '2026-12-01', to: '2026-12-01', utcOffsetMinutes: 480, total: 1 });
      const second = await stats('overview?communityId=2&from=2026-12-02&to=2026-12-02');
      expect(second.body).toMatchObject({ from: '2026-12-02', to: '2026-12-02', total: 2 });
      expect((await stats('overview?communityId=2&from=2026-12-01&to=2026-12-02')).body.total).toBe(3);
    });

    it('buckets the trend by local day, by week from Monday and by month', async () => {
      const range = 'communityId=2&from=2026-12-01&to=2026-12-02';
      const byDay = await stats(`trend?${range}&bucket=day`);
      expect(byDay.status).toBe(200);
      expect(byDay.body.utcOffsetMinutes).toBe(480);
      expect(byDay.body.points.map((p: { start: string; total: number }) => [p.start, p.total])).toEqual([
        ['2026-12-01', 1],
        ['2026-12-02', 2],
      ]);
      // 1 and 2 December 2026 are a Tuesday and a Wednesday: their week began on Monday 30 November.
      expect((await stats(`trend?${range}&bucket=week`)).body.points.map((p: { start: string; total: number }) => [p.start, p.total])).toEqual([['2026-11-30', 3]]);
      expect((await stats(`trend?${range}&bucket=month`)).body.points.map((p: { start: string; total: number }) => [p.start, p.total])).toEqual([['2026-12-01', 3]]);
    });

    it('takes "today" in local time: at 00:30 on the 2nd the last 30 days end on the 2nd', async () => {
      ctx.clock.set(new Date('2026-12-01T16:30:00.000Z'));
      const r = await stats('overview?communityId=2');
      expect(r.body).toMatchObject({ from: '2026-11-03', to: '2026-12-02' });
      ctx.clock.set(new Date('2026-12-01T15:30:00.000Z'));
      expect((await stats('overview?communityId=2')).body).toMatchObject({ from: '2026-11-02', to: '2026-12-01' });
    });

    it('refuses instants and reversed ranges with 400', async () => {
      for (const q of ['from=2026-12-01T00:00:00.000Z', 'to=2026-12-32', 'from=2026-12-02&to=2026-12-01']) {
        const r = await stats(`overview?communityId=2&${q}`);
        expect({ q, status: r.status, code: r.body.code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it("tells the app the community's offset", async () => {
      const me = await ctx.api.as('张桂兰', 'GET', '/me');
      expect(me.body.community).toEqual({ id: 2, name: '钢花村社区', utcOffsetMinutes: 480 });
    });
  });

  describe(`a district on another offset, on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
      // UTC+7, set before anything reads the district (each process caches places for a minute).
      await ctx.ds.getRepository(District).updateAll({ utcOffsetMinutes: 420 });
    });
    afterAll(async () => {
      await ctx?.close();
    });

    it("codes, counts and tells its own local day", async () => {
      // 2026-12-01T16:30Z is 23:30 on the 1st at UTC+7 (00:30 on the 2nd in Beijing).
      ctx.clock.set(new Date('2026-12-01T16:30:00.000Z'));
      const t = (await ctx.api.as('张桂兰', 'POST', '/tickets', { categoryId: 1, description: '楼下垃圾桶满了', buildingId: 7 })).body;
      expect(t.code).toBe(`20261201-${padded(t.id)}`);
      const day = await ctx.api.as('何志刚', 'GET', '/stats/trend?communityId=2&from=2026-12-01&to=2026-12-02&bucket=day');
      expect(day.body).toMatchObject({ utcOffsetMinutes: 420, points: [{ start: '2026-12-01', total: 1 }] });
      expect((await ctx.api.as('张桂兰', 'GET', '/me')).body.community.utcOffsetMinutes).toBe(420);
    });

    it('never renames a ticket issued before the offset changed', async () => {
      // Seeded at Beijing time: 2026-09-03T16:24Z was 00:24 on 4 September there (23:24 on the 3rd at UTC+7).
      const r = await ctx.api.as('高明', 'GET', '/tickets/5');
      expect(r.body.code).toBe('20260904-000005');
    });
  });

  it(`${dialect}: the migration gives tickets reported before it the Beijing day's code`, async () => {
    const db = await createTestDatabase(dialect);
    const options = dataSourceOptions({ databaseUrl: db.env.DATABASE_URL ?? null, sqlitePath: db.env.SQLITE_PATH ?? '' });
    const all: Function[] = dialect === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS;
    const upTo = all.indexOf(dialect === 'mysql' ? MysqlLocalTime : SqliteLocalTime);
    const before = new DataSource({ ...options, migrations: all.slice(0, upTo) } as typeof options);
    const withCodes = new DataSource({ ...options, migrations: all.slice(0, upTo + 1) } as typeof options);
    try {
      await before.initialize();
      await before.runMigrations();
      const insert = (id: number, createdAt: string) =>
        before.query(
          'INSERT INTO tickets (id, reporterId, categoryId, description, anonymous, photoKeys, communityId, streetId, districtId, status, respondDueAt, acceptDueAt, resolveDueAt, escalationLevel, reopenCount, followerCount, version, createdAt, updatedAt) VALUES (?, 1, 1, ?, 0, ?, 1, 1, 1, ?, ?, ?, ?, 0, 0, 0, 1, ?, ?)',
          [id, 'x', '[]', 'submitted', createdAt, createdAt, createdAt, createdAt, createdAt],
        );
      await insert(7, '2026-11-22 23:30:00.000'); // 07:30 on the 23rd in Beijing
      await insert(8, '2026-11-23 16:30:00.000'); // 00:30 on the 24th
      await insert(1234567, '2026-11-23 15:30:00.000'); // 23:30 on the 23rd; seven digits stay whole
      await before.destroy();
      await withCodes.initialize();
      await withCodes.runMigrations();
      const rows: { id: number; code: string }[] = await withCodes.query('SELECT id, code FROM tickets ORDER BY id');
      expect(rows.map((r) => [Number(r.id), r.code])).toEqual([
        [7, '20261123-000007'],
        [8, '20261124-000008'],
        [1234567, '20261123-1234567'],
      ]);
    } finally {
      if (before.isInitialized) await before.destroy();
      if (withCodes.isInitialized) await withCodes.destroy();
      await db.drop();
    }
  });
}
