/**
 * Durability under load: residents submit tickets (from another process),
 * the server is killed with SIGKILL mid-run and started again on the same
 * port; then every ticket whose submit was answered 201 must exist with its
 * timeline, and no submit may have produced two tickets.
 */
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { benchSessions, BENCH_DIR, dbUrl, dropDatabase, log, RESULTS_DIR, ROOT, run, seedDatabase, sleep, startServer, token } from './lib.js';
import type { Outcome } from './durability-client.js';

export interface DurabilityResult {
  submits: number;
  answered201: number;
  retriedAfterKill: number;
  missing: number;
  withoutTimeline: number;
  duplicates: number;
  unanswered: number;
}

const DB = 'linli_bench_durability';

export async function runDurability(total = 1500, concurrency = 20): Promise<DurabilityResult> {
  await seedDatabase(DB, 10_000);
  const c = await mysql.createConnection({ uri: dbUrl(DB), timezone: 'Z' });
  let server = await startServer(DB);
  const port = Number(new URL(server.url).port);
  try {
    const creators = (await c.query(
      `SELECT b.userId, h.buildingId FROM household_bindings b JOIN households h ON h.id = b.householdId WHERE b.status = 'approved' ORDER BY b.id LIMIT 200`,
    ))[0] as { userId: number; buildingId: number }[];
    await benchSessions(DB, creators.map((x) => x.userId));
    const runId = String(Date.now());
    const file = path.join(RESULTS_DIR, `durability-${process.pid}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ url: server.url, total, concurrency, maxSeconds: 90, run: runId, categoryId: 1, creators: creators.map((x) => ({ token: token(x.userId), buildingId: x.buildingId })) }),
    );
    const client = run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(BENCH_DIR, 'src', 'durability-client.ts'), file], { cwd: BENCH_DIR }, 120_000);
    // Let the load build up, then pull the plug.
    const [[{ base }]] = (await c.query('SELECT MAX(id) AS base FROM tickets')) as unknown as [{ base: number }[]];
    for (let i = 0; i < 100; i++) {
      await sleep(100);
      const [[{ n }]] = (await c.query('SELECT COUNT(*) AS n FROM tickets WHERE id > ?', [base])) as unknown as [{ n: number }[]];
      if (Number(n) >= total / 3) break;
    }
    log('durability: kill -9 the server under load');
    await server.kill9();
    await sleep(1_000);
    server = await startServer(DB, {}, { port });
    const { outcomes } = JSON.parse((await client).trim().split('\n').pop()!) as { outcomes: Outcome[]; failures: number };
    fs.rmSync(file, { force: true });

    const created = outcomes.filter((o) => o.status === 201 && o.ticketId !== null);
    const [rows] = (await c.query(
      `SELECT t.id, t.description, (SELECT COUNT(*) FROM ticket_events e WHERE e.ticketId = t.id AND e.type = 'submitted') AS submitted
       FROM tickets t WHERE t.id > ? AND t.description LIKE ?`,
      [base, `耐久测试 ${runId} #%`],
    )) as unknown as [{ id: number; description: string; submitted: number }[]];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const perDescription = new Map<string, number>();
    for (const r of rows) perDescription.set(r.description, (perDescription.get(r.description) ?? 0) + 1);
    return {
      submits: outcomes.length,
      answered201: created.length,
      retriedAfterKill: outcomes.filter((o) => o.retried).length,
      missing: created.filter((o) => byId.get(o.ticketId!)?.description !== o.description).length,
      withoutTimeline: created.filter((o) => Number(byId.get(o.ticketId!)?.submitted ?? 0) === 0).length,
      duplicates: [...perDescription.values()].filter((n) => n > 1).length,
      unanswered: outcomes.filter((o) => o.status !== 201).length,
    };
  } finally {
    await c.end();
    await server.stop();
    await dropDatabase(DB);
  }
}
