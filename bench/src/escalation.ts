/**
 * The sweeper with 10,000 tickets falling due at the same instant and two
 * server processes on one database, each sweeping at the production interval.
 * Measures how long after its deadline each ticket was escalated, and that
 * each was escalated exactly once.
 */
import mysql from 'mysql2/promise';
import { dbUrl, dropDatabase, log, percentile, seedDatabase, sleep, startServer, type ServerProcess } from './lib.js';

export interface EscalationResult {
  due: number;
  processes: number;
  sweepIntervalMs: number;
  escalated: number;
  twice: number;
  p50LagS: number;
  maxLagS: number;
  peakRssMb: number;
}

const DB = 'linli_bench_escalation';

export async function runEscalation(due = 10_000, sweepIntervalMs = 30_000): Promise<EscalationResult> {
  await seedDatabase(DB, 10_000);
  const servers: ServerProcess[] = [];
  const c = await mysql.createConnection({ uri: dbUrl(DB), timezone: 'Z' });
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer(DB, { SWEEP_INTERVAL_MS: String(sweepIntervalMs) }));
    const [[{ base }]] = (await c.query('SELECT MAX(id) AS base FROM tickets')) as unknown as [{ base: number }[]];
    // 10,000 dispatched tickets, all due at one instant a few seconds from now.
    const deadline = new Date(Date.now() + 5_000);
    const reported = new Date(deadline.getTime() - 30 * 60_000);
    await c.query(
      `INSERT INTO tickets (reporterId, categoryId, description, anonymous, photoKeys, lat, lng, buildingId, gridId, communityId, streetId, districtId,
         status, handlerId, respondDueAt, acceptDueAt, resolveDueAt, escalationLevel, lastEscalatedAt, nextEscalationAt, autoCloseAt,
         firstAcceptedAt, firstResolvedAt, resolvedAt, closedAt, resolutionNote, resolutionPhotoKeys, rating, ratingComment, reopenCount,
         rejectReason, duplicateOfId, followerCount, version, createdAt, updatedAt)
       SELECT t.reporterId, t.categoryId, t.description, 0, '[]', t.lat, t.lng, t.buildingId, t.gridId, t.communityId, t.streetId, t.districtId,
         'dispatched', (SELECT MIN(r.userId) FROM role_assignments r WHERE r.role = 'grid_worker' AND r.gridId = t.gridId), ?, ?, ?, 0, NULL, ?, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 1, ?, ?
       FROM tickets t ORDER BY t.id LIMIT ?`,
      [deadline, deadline, new Date(deadline.getTime() + 86_400_000), deadline, reported, reported, due],
    );
    await c.query(
      `INSERT INTO ticket_events (ticketId, type, actorId, actorRole, note, photoKeys, data, createdAt)
       SELECT id, 'submitted', reporterId, 'resident', NULL, '[]', NULL, createdAt FROM tickets WHERE id > ?`,
      [base],
    );
    log(`escalation: ${due} tickets due at ${deadline.toISOString()}, two servers sweeping every ${sweepIntervalMs / 1000} s`);
    // Wait (bounded) until every one has been escalated once.
    const giveUp = deadline.getTime() + 3 * 60_000;
    let done = 0;
    while (Date.now() < giveUp) {
      await sleep(2_000);
      const [[row]] = (await c.query('SELECT COUNT(*) AS n FROM tickets WHERE id > ? AND escalationLevel >= 1', [base])) as unknown as [{ n: number }[]];
      done = Number(row.n);
      if (done >= due) break;
    }
    await sleep(sweepIntervalMs + 2_000); // one more sweep of each process: anything escalated twice would show now
    const [events] = (await c.query(
      `SELECT e.ticketId, COUNT(*) AS n, MIN(e.createdAt) AS first FROM ticket_events e WHERE e.ticketId > ? AND e.type = 'escalated' GROUP BY e.ticketId`,
      [base],
    )) as unknown as [{ ticketId: number; n: number; first: Date }[]];
    const lags = events.map((e) => (new Date(e.first).getTime() - deadline.getTime()) / 1000);
    const peakRssMb = Math.max(...servers.map((s) => s.memory().peakMb));
    return {
      due,
      processes: servers.length,
      sweepIntervalMs,
      escalated: events.length,
      twice: events.filter((e) => Number(e.n) !== 1).length,
      p50LagS: percentile(lags, 50),
      maxLagS: lags.length ? Math.max(...lags) : NaN,
      peakRssMb,
    };
  } finally {
    await c.end();
    for (const s of servers) await s.stop();
    await dropDatabase(DB);
  }
}
