import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { FakeClock } from '../src/common/clock.js';
import { EscalationService } from '../src/escalation/escalation.service.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { assertServerBuilt, runServerProcess, startServerProcess, type ServerProcess } from './support/server-process.js';
import { Api, createTestDatabase, startApp } from './support/test-app.js';

const TICKETS = 300;
const MINUTE = 60_000;

/** How many tickets a server process reports having escalated ("swept" log lines). */
const escalatedBy = (p: ServerProcess) =>
  p
    .logLines()
    .filter((l) => l.context === 'Sweeper' && l.msg === 'swept')
    .reduce((n, l) => n + Number(l.escalated), 0);

/**
 * Two real server processes (`node dist/main.js`), each with its own pool, sweeping one
 * MariaDB database at the same time: every due ticket escalates exactly once.
 *
 * The tickets are reported a day ahead of the real time (F), so only a server whose
 * clock is moved by CLOCK_OFFSET_MS sees them due: 噪音扰民 must be accepted within 30
 * minutes, and both processes run at F + 31 minutes.
 */
describe('escalation sweeper in two server processes on one MariaDB', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let conn: mysql.Connection;
  const ids: number[] = [];
  const F = new Date(Math.ceil((Date.now() + 24 * 60 * MINUTE) / MINUTE) * MINUTE);

  beforeAll(async () => {
    assertServerBuilt();
    db = await createTestDatabase('mysql');
    // Prepared in this process, then closed: the servers under test are only the two below.
    const prep = await startApp(db.env, new FakeClock(F));
    try {
      await seedDemoIfEmpty(prep.ds, F);
      // The seed's own overdue matters escalate now, at F; their next step is an hour later, after the test.
      await prep.app.get(EscalationService).sweep();
      const api = new Api(prep.url);
      await api.loadUsers();
      for (let i = 0; i < TICKETS; i++) {
        const r = await api.as('王秀英', 'POST', '/tickets', { categoryId: 3, description: `晚上楼上噪音 ${i}`, buildingId: 1 + (i % 6) });
        expect(r.status).toBe(201);
        ids.push(r.body.id);
      }
    } finally {
      await prep.close();
    }
    conn = await mysql.createConnection(db.env.DATABASE_URL);
  }, 120_000);

  afterAll(async () => {
    await conn?.end();
    await db?.drop();
  });

  it(`escalates each of ${TICKETS} due tickets exactly once, and both processes take part`, async () => {
    // Hold the tickets until both processes answer, so neither can sweep them all before the other has started.
    const gate = await mysql.createConnection(db.env.DATABASE_URL);
    await gate.beginTransaction();
    await gate.query('SELECT id FROM tickets WHERE id IN (?) FOR UPDATE', [ids]);

    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.env.DATABASE_URL,
      UPLOAD_DIR: db.env.UPLOAD_DIR,
      SEED_DEMO: 'false',
      SWEEP_INTERVAL_MS: '50',
      // Five tickets a transaction: one pass over the 300 is 60 transactions, far longer than the other
      // process's 50 ms tick, so both claim batches however the two are scheduled (with 200 a busy
      // machine once let one process sweep everything before the other's first tick).
      SWEEP_BATCH: '5',
      LOG_LEVEL: 'info',
      CLOCK_OFFSET_MS: String(F.getTime() + 31 * MINUTE - Date.now()),
    };
    const servers: ServerProcess[] = [];
    try {
      servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
      expect(new Set(servers.map((s) => s.child.pid)).size).toBe(2);
      await gate.commit();

      const escalatedEvents = async () =>
        (await conn.query<mysql.RowDataPacket[]>("SELECT ticketId, COUNT(*) AS n FROM ticket_events WHERE type = 'escalated' AND ticketId IN (?) GROUP BY ticketId", [ids]))[0];
      const until = Date.now() + 60_000;
      while ((await escalatedEvents()).length < TICKETS || servers.reduce((n, s) => n + escalatedBy(s), 0) < TICKETS) {
        if (Date.now() > until) throw new Error(`not all escalated within 60 s:\n${servers.map((s) => s.output()).join('\n---\n')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await gate.end().catch(() => undefined);
      await Promise.all(servers.map((s) => s.stop()));
    }

    const events = await conn.query<mysql.RowDataPacket[]>("SELECT ticketId, COUNT(*) AS n FROM ticket_events WHERE type = 'escalated' AND ticketId IN (?) GROUP BY ticketId", [ids]);
    expect(events[0]).toHaveLength(TICKETS);
    expect(events[0].filter((r) => Number(r.n) !== 1)).toEqual([]);
    const [levels] = await conn.query<mysql.RowDataPacket[]>('SELECT escalationLevel, COUNT(*) AS n FROM tickets WHERE id IN (?) GROUP BY escalationLevel', [ids]);
    expect(levels.map((r) => [r.escalationLevel, Number(r.n)])).toEqual([[1, TICKETS]]);
    // Nothing else was due (the seed's matters were swept at F), so the two processes' own counts add up to exactly these.
    const [a, b] = servers.map(escalatedBy);
    expect(a + b).toBe(TICKETS);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
  }, 120_000);

  it('a production server refuses to start with CLOCK_OFFSET_MS', async () => {
    const r = await runServerProcess({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret', DATABASE_URL: db.env.DATABASE_URL, CLOCK_OFFSET_MS: '60000' });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('CLOCK_OFFSET_MS is a test-only setting and is refused with NODE_ENV=production');
  });
});
