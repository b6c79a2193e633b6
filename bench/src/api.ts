/**
 * The HTTP scenarios at one data size: a resident reports (50 clients), the
 * grid worker's inbox, the resident's list, a ticket's detail and a community's
 * public board (100 clients each), a community's figures over a year. Each runs twice side by side:
 * through the API (autocannon from another process), and as its floor, the
 * very statements the API issued for the same requests replayed through mysql2.
 */
import path from 'node:path';
import mysql from 'mysql2/promise';
import { startFakeWechat } from './fake-wechat.js';
import { benchSessions, cpuSeconds, databasePid, dbUrl, load, log, openLoop, openLoopFloor, replay, replayWork, RESULTS_DIR, startServer, statementsPerRequest, token, traceRequests, type LoadResult, type PlannedRequest } from './lib.js';

export interface ApiRow {
  scenario: string;
  size: number;
  connections: number;
  api: LoadResult;
  floor: LoadResult;
  statements: number;
  /** Extra facts for the report (e.g. the community's ticket count). */
  note?: string;
  /** Reads: both under a fixed-rate (open-loop) load at 70% of the floor's saturation throughput. */
  openLoop?: OpenLoopRow;
}

export interface OpenLoopRow {
  ratePerSecond: number;
  requests: number;
  api: { p50: number; p99: number; max: number; failed: number; sendLagMs: number };
  floor: { p50: number; p99: number; max: number; failed: number };
}

/** The share of the floor's saturation throughput the open-loop comparison runs at, and for how long. */
const OPEN_LOOP_SHARE = 0.7;
const OPEN_LOOP_SECONDS = 5;

export interface SizeResult {
  rows: ApiRow[];
  idleRssMb: number;
  peakRssMb: number;
}

export interface Actors {
  workers: number[];
  reporters: number[];
  details: { id: number; reporterId: number }[];
  stats: { userId: number; communityId: number; tickets: number };
  creators: { userId: number; buildingId: number }[];
  categories: number[];
  /** Communities with the most closed matters, for the public board (公示). */
  boards: number[];
}

const DISTINCT = 200;

export async function actors(db: string, size: number, now: Date): Promise<Actors> {
  const c = await mysql.createConnection(dbUrl(db));
  try {
    const q = async <T>(sql: string, values: unknown[] = []) => (await c.query(sql, values))[0] as T[];
    // The busiest inboxes and the longest lists: the requests that grow with the data.
    const workers = await q<{ id: number }>(
      `SELECT t.handlerId AS id FROM tickets t JOIN role_assignments r ON r.userId = t.handlerId AND r.role = 'grid_worker'
       WHERE t.status IN ('dispatched', 'accepted') GROUP BY t.handlerId ORDER BY COUNT(*) DESC, t.handlerId LIMIT ${DISTINCT}`,
    );
    const reporters = await q<{ id: number }>(`SELECT reporterId AS id FROM tickets GROUP BY reporterId ORDER BY COUNT(*) DESC, reporterId LIMIT ${DISTINCT}`);
    const step = Math.max(1, Math.floor(size / DISTINCT));
    const details = await q<{ id: number; reporterId: number }>(`SELECT id, reporterId FROM tickets WHERE id <= ? AND MOD(id, ?) = 1 LIMIT ${DISTINCT}`, [size, step]);
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    const [busiest] = await q<{ communityId: number; n: number }>(
      'SELECT communityId, COUNT(*) AS n FROM tickets WHERE createdAt >= ? GROUP BY communityId ORDER BY n DESC LIMIT 1',
      [yearAgo],
    );
    const [member] = await q<{ userId: number }>("SELECT userId FROM role_assignments WHERE role = 'committee_member' AND communityId = ? ORDER BY id LIMIT 1", [busiest.communityId]);
    const creators = await q<{ userId: number; buildingId: number }>(
      `SELECT b.userId, h.buildingId FROM household_bindings b JOIN households h ON h.id = b.householdId WHERE b.status = 'approved' ORDER BY b.id LIMIT ${DISTINCT}`,
    );
    const categories = (await q<{ id: number }>("SELECT id FROM categories WHERE routing IN ('grid_worker', 'partner') ORDER BY id")).map((r) => r.id);
    const boards = (await q<{ id: number }>(`SELECT communityId AS id FROM tickets WHERE status = 'closed' GROUP BY communityId ORDER BY COUNT(*) DESC, communityId LIMIT ${DISTINCT}`)).map((r) => r.id);
    return {
      workers: workers.map((w) => w.id),
      reporters: reporters.map((r) => r.id),
      details,
      stats: { userId: member.userId, communityId: busiest.communityId, tickets: Number(busiest.n) },
      creators,
      categories,
      boards,
    };
  } finally {
    await c.end();
  }
}

export interface Scenario {
  name: string;
  connections: number;
  amount: number;
  requests: PlannedRequest[];
  idempotencyKeys?: boolean;
  note?: string;
}

export function scenarios(a: Actors, now: Date, amounts: { create: number; read: number; stats: number }): Scenario[] {
  // The API takes local days: the seeded district's (Beijing, UTC+8) last 365 days, today included.
  const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = beijingDay(now.getTime() - 364 * 86_400_000);
  const to = beijingDay(now.getTime());
  return [
    {
      name: 'create ticket (报事)',
      connections: 50,
      amount: amounts.create,
      idempotencyKeys: true,
      requests: a.creators.map((c, i) => ({
        method: 'POST',
        path: '/api/tickets',
        token: token(c.userId),
        body: { categoryId: a.categories[i % a.categories.length], description: `压测报事：楼下路灯不亮 #${i}`, buildingId: c.buildingId },
      })),
    },
    { name: 'grid worker inbox', connections: 100, amount: amounts.read, requests: a.workers.map((id) => ({ method: 'GET', path: '/api/tickets?scope=assigned', token: token(id) })) },
    { name: "resident's list", connections: 100, amount: amounts.read, requests: a.reporters.map((id) => ({ method: 'GET', path: '/api/tickets?scope=mine', token: token(id) })) },
    { name: 'ticket detail', connections: 100, amount: amounts.read, requests: a.details.map((d) => ({ method: 'GET', path: `/api/tickets/${d.id}`, token: token(d.reporterId) })) },
    // 公示 is public: the token (a resident browsing while logged in) is not read.
    { name: 'public board', connections: 100, amount: amounts.read, requests: a.boards.map((c, i) => ({ method: 'GET', path: `/api/public/tickets?communityId=${c}`, token: token(a.reporters[i % a.reporters.length]) })) },
    {
      name: 'stats overview, 1 year',
      connections: 1,
      amount: amounts.stats,
      note: `community ${a.stats.communityId}: ${a.stats.tickets.toLocaleString('en')} tickets in the year`,
      requests: [{ method: 'GET', path: `/api/stats/overview?communityId=${a.stats.communityId}&from=${from}&to=${to}`, token: token(a.stats.userId) }],
    },
  ];
}

/** The device sessions every scenario's tokens name. */
export function actorSessions(db: string, a: Actors): Promise<void> {
  return benchSessions(db, [...a.creators.map((c) => c.userId), ...a.workers, ...a.reporters, ...a.details.map((d) => d.reporterId), a.stats.userId]);
}

export async function runApiScenarios(db: string, size: number, amounts: { create: number; read: number; stats: number }): Promise<SizeResult> {
  const now = new Date();
  const a = await actors(db, size, now);
  await actorSessions(db, a);
  const list = scenarios(a, now, amounts);

  // 1. Trace: what SQL each planned request issues (one at a time, on a traced server).
  const traceFile = path.join(RESULTS_DIR, `trace-${process.pid}.jsonl`);
  const traced = await startServer(db, {}, { traceFile });
  const traces = new Map<string, Awaited<ReturnType<typeof traceRequests>>>();
  try {
    for (const s of list) {
      // Each planned request once before tracing: the server's caches (a device session, a community) hold what
      // they hold under load, so a trace is a steady-state request, not a first one.
      await traceRequests(traced, traceFile, s.requests);
      const t = await traceRequests(traced, traceFile, s.requests);
      const bad = t.statuses.filter((x) => x >= 400);
      if (bad.length) throw new Error(`${s.name}: ${bad.length} traced requests failed (${bad[0]})`);
      traces.set(s.name, t);
    }
  } finally {
    await traced.stop();
  }

  // 2. Load each scenario through the API, then its floor, side by side.
  const server = await startServer(db);
  const rows: ApiRow[] = [];
  let idleRssMb = 0;
  let peakRssMb = 0;
  try {
    idleRssMb = server.memory().rssMb;
    for (const s of list) rows.push(await measure(server, db, size, s, traces.get(s.name)!));
    peakRssMb = server.memory().peakMb;
  } finally {
    await server.stop();
  }

  // 3. The report again with content security on: every description goes to msgSecCheck on a fake WeChat that answers at once.
  const create = list.find((s) => s.idempotencyKeys);
  if (create) rows.push(await withContentSecurity(db, size, a, create));
  return { rows, idleRssMb, peakRssMb };
}

/** One scenario through the API (autocannon from another process), then its floor (the traced statements through mysql2), side by side. */
async function measure(server: Awaited<ReturnType<typeof startServer>>, db: string, size: number, s: Scenario, t: Awaited<ReturnType<typeof traceRequests>>): Promise<ApiRow> {
  log(`${s.name} @ ${size.toLocaleString('en')}: ${s.amount} requests, ${s.connections} clients`);
  const plan = { url: server.url, connections: s.connections, requests: s.requests, idempotencyKeys: s.idempotencyKeys, maxSeconds: 120 };
  await load({ ...plan, amount: Math.min(200, s.amount) }); // warm-up
  await replay(db, s.connections, Math.min(200, s.amount), t.traces);
  const dbPid = databasePid();
  const before = { server: cpuSeconds(server.pid), db: dbPid ? cpuSeconds(dbPid) : NaN };
  const api = await load({ ...plan, amount: s.amount });
  const mid = { server: cpuSeconds(server.pid), db: dbPid ? cpuSeconds(dbPid) : NaN };
  const fl = await replay(db, s.connections, s.amount, t.traces);
  const after = { db: dbPid ? cpuSeconds(dbPid) : NaN };
  api.cpu = { client: api.cpu?.client ?? NaN, server: ((mid.server - before.server) * 1000) / api.requests, db: ((mid.db - before.db) * 1000) / api.requests };
  fl.cpu = { client: fl.cpu?.client ?? NaN, db: ((after.db - mid.db) * 1000) / fl.requests };
  const reads = !s.idempotencyKeys && s.connections > 1;
  const open = reads ? await openLoopComparison(server.url, db, s, t.traces, fl.rps) : undefined;
  return { scenario: s.name, size, connections: s.connections, api, floor: fl, statements: statementsPerRequest(t.traces), note: s.note, openLoop: open };
}

/**
 * The create scenario on servers that check every description with WeChat's msgSecCheck (docs/security.md), against a
 * fake WeChat answering `pass` at once: the reporters get an openid and a visit within msgSecCheck's two hours, as a
 * WeChat login gives them. Its floor replays its own traced statements, so the line's ratio and its API CPU against
 * the plain create's show what content security costs: the extra statements and the HTTP call.
 */
async function withContentSecurity(db: string, size: number, a: Actors, create: Scenario): Promise<ApiRow> {
  const wechat = await startFakeWechat();
  const c = await mysql.createConnection({ uri: dbUrl(db), timezone: 'Z' });
  try {
    const ids = [...new Set(a.creators.map((x) => x.userId))];
    await c.query("UPDATE users SET openid = CONCAT('bench-openid-', id) WHERE id IN (?) AND openid IS NULL", [ids]);
    const [users] = await c.query<mysql.RowDataPacket[]>('SELECT openid FROM users WHERE id IN (?)', [ids]);
    await c.query('INSERT INTO wechat_visits (openid, seenAt) VALUES ? ON DUPLICATE KEY UPDATE seenAt = VALUES(seenAt)', [users.map((u) => [u.openid, new Date()])]);
  } finally {
    await c.end();
  }
  const s: Scenario = { ...create, name: `${create.name} with content security`, note: 'msgSecCheck on a fake WeChat answering at once' };
  const env = { ...wechat.env, DELIVERY_INTERVAL_MS: '0' }; // no subscribe messages: only the check differs from the plain create
  try {
    const traceFile = path.join(RESULTS_DIR, `trace-cs-${process.pid}.jsonl`);
    const traced = await startServer(db, env, { traceFile });
    let t: Awaited<ReturnType<typeof traceRequests>>;
    try {
      await traceRequests(traced, traceFile, s.requests);
      t = await traceRequests(traced, traceFile, s.requests);
      const bad = t.statuses.filter((x) => x >= 400);
      if (bad.length) throw new Error(`${s.name}: ${bad.length} traced requests failed (${bad[0]})`);
    } finally {
      await traced.stop();
    }
    const server = await startServer(db, env);
    const checkedBefore = wechat.checked();
    try {
      const row = await measure(server, db, size, s, t);
      const checks = wechat.checked() - checkedBefore;
      if (checks < row.api.requests) throw new Error(`${s.name}: ${checks} msgSecCheck calls for ${row.api.requests} reports`);
      return row;
    } finally {
      await server.stop();
    }
  } finally {
    await wechat.close();
  }
}

/**
 * A read's tail where it matters: both sides get the same fixed rate, 70% of what the floor sustains
 * at saturation, for five seconds, and each answer is timed from when it was due. At saturation a p99
 * ratio would only repeat the throughput ratio; below it, it shows how each side queues.
 */
async function openLoopComparison(url: string, db: string, s: Scenario, traces: Awaited<ReturnType<typeof traceRequests>>['traces'], floorRps: number): Promise<OpenLoopRow> {
  const ratePerSecond = Math.max(10, Math.round(floorRps * OPEN_LOOP_SHARE));
  const amount = ratePerSecond * OPEN_LOOP_SECONDS;
  log(`${s.name}: open loop at ${ratePerSecond} req/s (${OPEN_LOOP_SHARE} of the floor's ${Math.round(floorRps)}) for ${OPEN_LOOP_SECONDS} s`);
  const requests = Array.from({ length: amount }, (_, i) => s.requests[i % s.requests.length]);
  const api = await openLoop({ url, requests, ratePerSecond, maxSeconds: 60 });
  const fl = await openLoopFloor(db, ratePerSecond, amount, replayWork(traces));
  const ok = Object.entries(api.statuses).filter(([code]) => code.startsWith('2')).reduce((n, [, c]) => n + c, 0);
  return {
    ratePerSecond,
    requests: amount,
    api: { p50: api.p50, p99: api.p99, max: api.max, failed: amount - ok, sendLagMs: api.sendLagMs },
    floor: { p50: fl.p50, p99: fl.p99, max: fl.max, failed: fl.errors },
  };
}
