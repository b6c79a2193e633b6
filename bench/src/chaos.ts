/**
 * The chaos run (`npm run chaos`): a private MariaDB with its own data folder and port, two API
 * processes on it with the sweeper and the delivery worker sending to a fake WeChat, and a mixed load
 * from another process (chaos-client.ts). Meanwhile one API process is killed with SIGKILL ten times
 * (and started again), and MariaDB is killed and restarted once. Afterwards the database is checked:
 * every acknowledged write is there exactly once with its timeline, no ticket skipped or repeated an
 * escalation level, no subscribe message was sent more often than rows allow, no slot holds more
 * places than its capacity or a count that differs from its rows, every household's acknowledged last
 * ballot is the one counted, under its receipt, and nothing changed after the close. Counts are asserted
 * (exit 1 on a loss, a double or a 500); times are reported, never asserted. docs/performance.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { ChaosLoad } from './chaos-client.js';
import { startFakeWechat } from './fake-wechat.js';

/** The ladder as the server stores it in an `escalated` event (shared/src/sla.ts, ESCALATION_LEVELS). */
const LEVELS = ['grid', 'community', 'street', 'district'];

const API_KILLS = Number(process.env.CHAOS_API_KILLS ?? 10);
const LOAD_SECONDS = Number(process.env.CHAOS_SECONDS ?? 75);
const DB = 'linli_bench_chaos';
const SLOT_CAPACITY = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ───────────────────────── a MariaDB of our own ─────────────────────────

class PrivateMariaDb {
  private child: ChildProcess | null = null;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-chaos-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  async install(): Promise<void> {
    await exec('mariadb-install-db', ['--no-defaults', `--datadir=${this.dir}/data`, '--auth-root-authentication-method=normal', `--user=${os.userInfo().username}`, '--skip-test-db']);
  }

  async start(): Promise<number> {
    const started = Date.now();
    this.child = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dir}/data`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${this.dir}/mariadb.sock`,
        `--user=${os.userInfo().username}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=256M',
        '--max-connections=200',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (d) => (err = (err + d).slice(-3000)));
    for (let i = 0; i < 600; i++) {
      if (this.child.exitCode !== null) throw new Error(`mariadbd exited: ${err}`);
      if (await this.ping()) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`mariadbd did not answer within 60 s: ${err}`);
  }

  async ping(): Promise<boolean> {
    try {
      const c = await mysql.createConnection({ uri: this.url, connectTimeout: 1000 });
      await c.end();
      return true;
    } catch {
      return false;
    }
  }

  /** As a crash would: no shutdown, InnoDB recovers from its log on the next start. */
  async kill9(): Promise<void> {
    const exited = new Promise<void>((r) => this.child!.once('exit', () => r()));
    this.child!.kill('SIGKILL');
    await exited;
  }

  async remove(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) await this.kill9();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function exec(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    // Decoded as streams: a Chinese character split across two pipe chunks must not turn into U+FFFD.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${out.slice(-3000)}`))));
  });
}

// ───────────────────────── the run ─────────────────────────

const dbServer = new PrivateMariaDb(await freePort());
// The bench's helpers read their MariaDB from BENCH_MYSQL_URL when first imported.
process.env.BENCH_MYSQL_URL = dbServer.url;
const lib = await import('./lib.js');

interface ChaosResult {
  acknowledged: { reports: number; resentReports: number; transitions: number; reads: number };
  lost: number;
  lostReports: ChaosLoad['reports'];
  duplicated: number;
  withoutTimeline: number;
  transitionsLost: number;
  escalation: { due: number; escalated: number; skippedOrRepeated: number };
  bookings: {
    acknowledged: number;
    cancelled: number;
    lost: number;
    cancellationsLost: number;
    doubled: number;
    overCapacity: number;
    countMismatch: number;
    unpromoted: number;
    slots: { capacity: number; held: number; waiting: number }[];
  };
  ballots: {
    acknowledged: number;
    households: number;
    /** Households whose last request may still have been committed after the load moved on: not checked. */
    uncertain: number;
    lost: number;
    notLastChoice: number;
    receiptChanged: number;
    stray: number;
    tallyMismatch: number;
    afterClose: string;
    roll: number;
  };
  notifications: { received: number; sent: number; unknown: number; sending: number; overSent: number };
  unansweredReports: number;
  codes: Record<string, number>;
  apiKills: number;
  apiRestartMs: number[];
  database: { downMs: number; restartMs: number; recoveryMs: number[]; healthWhileDown: Record<string, number> };
  seconds: number;
}

const started = Date.now();
const wechat = await startFakeWechat();
const servers: (Awaited<ReturnType<typeof lib.startServer>> | null)[] = [null, null];
let failed = false;
try {
  say(`private MariaDB on port ${dbServer.port} (${dbServer.dir})`);
  await dbServer.install();
  await dbServer.start();
  await lib.seedDatabase(DB, 2_000);
  const c = await mysql.createConnection({ uri: lib.dbUrl(DB), timezone: 'Z' });
  // Subscribe messages need an openid; the scale seed makes none.
  await c.query("UPDATE users SET openid = CONCAT('o_chaos_', id)");
  // Dispatched matters whose accept deadline has passed: the sweepers escalate each of them once.
  const now = new Date();
  const past = new Date(now.getTime() - 5 * 60_000);
  await c.query("UPDATE tickets SET acceptDueAt = ?, nextEscalationAt = ?, lastEscalatedAt = NULL WHERE status = 'dispatched' AND escalationLevel < 3 ORDER BY id LIMIT 150", [past, past]);
  await c.query("UPDATE tickets SET resolveDueAt = ?, nextEscalationAt = ?, lastEscalatedAt = NULL WHERE status = 'accepted' AND escalationLevel < 3 ORDER BY id LIMIT 150", [past, past]);
  const [dueRows] = (await c.query("SELECT id, escalationLevel FROM tickets WHERE nextEscalationAt = ? ORDER BY id", [past])) as unknown as [{ id: number; escalationLevel: number }[]];
  const [residents] = (await c.query(
    "SELECT b.userId, h.buildingId FROM household_bindings b JOIN households h ON h.id = b.householdId WHERE b.status = 'approved' ORDER BY b.id LIMIT 200",
  )) as unknown as [{ userId: number; buildingId: number }[]];
  const [workers] = (await c.query(
    "SELECT DISTINCT t.handlerId AS userId FROM tickets t JOIN role_assignments r ON r.userId = t.handlerId AND r.role = 'grid_worker' WHERE t.status IN ('dispatched', 'accepted') LIMIT 60",
  )) as unknown as [{ userId: number }[]];
  // 预约: a small class of the first resident's community, open to everyone, with slots made through the API below.
  const [[{ communityId: bookingCommunity }]] = (await c.query(
    "SELECT communityId FROM household_bindings WHERE userId = ? AND status = 'approved'",
    [residents[0].userId],
  )) as unknown as [{ communityId: number }[]];
  const [[{ districtId: bookingDistrict }]] = (await c.query('SELECT districtId FROM communities WHERE id = ?', [bookingCommunity])) as unknown as [{ districtId: number }[]];
  // 议事: the same community's residents vote in a community-wide vote (simple majority, secret) opened through the API below.
  const [voters] = (await c.query(
    "SELECT userId, MIN(householdId) AS household FROM household_bindings WHERE communityId = ? AND status = 'approved' GROUP BY userId ORDER BY userId LIMIT 120",
    [bookingCommunity],
  )) as unknown as [{ userId: number; household: number }[]];
  const [[committee]] = (await c.query("SELECT userId FROM role_assignments WHERE role = 'committee_member' AND communityId = ? ORDER BY id LIMIT 1", [bookingCommunity])) as unknown as [
    { userId: number }[],
  ];
  const [item] = (await c.query(
    `INSERT INTO service_items (communityId, family, name, organisationId, place, description, documents, duration, eligibility, advanceDays, cancelCutoffMinutes, perPersonLimit, perHouseholdLimit, active, createdAt, updatedAt)
     VALUES (?, 'culture', '混沌测试书法班', NULL, '社区活动室', '', '[]', NULL, '[]', 7, 60, 6, 12, 1, NOW(3), NOW(3))`,
    [bookingCommunity],
  )) as unknown as [mysql.ResultSetHeader];
  const [[{ households: communityHouseholds }]] = (await c.query('SELECT COUNT(*) AS households FROM households h JOIN buildings b ON b.id = h.buildingId WHERE b.communityId = ?', [bookingCommunity])) as unknown as [
    { households: number }[],
  ];
  const { insertTopicOnNotice } = await import('./vote.js');
  const topicId = await insertTopicOnNotice(c, { communityId: bookingCommunity, districtId: bookingDistrict, committee: committee.userId, householdsInScope: Number(communityHouseholds) });
  await lib.benchSessions(DB, [...new Set([...residents.map((r) => r.userId), ...workers.map((w) => w.userId), committee.userId, ...voters.map((v) => v.userId)])]);
  const [[{ base }]] = (await c.query('SELECT MAX(id) AS base FROM tickets')) as unknown as [{ base: number }[]];
  const [[{ baseNotice }]] = (await c.query('SELECT COALESCE(MAX(id), 0) AS baseNotice FROM notifications')) as unknown as [{ baseNotice: number }[]];
  await c.end();

  const env = {
    SWEEP_INTERVAL_MS: '500',
    DELIVERY_INTERVAL_MS: '300',
    ...wechat.env,
    LOG_LEVEL: 'error',
    WECHAT_TEMPLATES: JSON.stringify({ '*': { id: 'tmpl-chaos', fields: { thing1: 'title', phrase2: 'status', time3: 'time' } } }),
    UNCHECKED_TEXT: 'hold',
  };
  const ports = [await freePort(), await freePort()];
  const logFile = path.join(lib.RESULTS_DIR, `chaos-server-${process.pid}.log`);
  fs.mkdirSync(lib.RESULTS_DIR, { recursive: true });
  for (const i of [0, 1]) servers[i] = await lib.startServer(DB, env, { port: ports[i], logFile });
  // Six slots of 8 places tomorrow, an hour apart: far from the cut-off, so every booking may be cancelled.
  const slots: number[] = [];
  const tomorrow = Math.ceil((Date.now() + 86_400_000) / 3_600_000) * 3_600_000;
  for (let i = 0; i < 6; i++) {
    const r = await fetch(`${servers[0]!.url}/api/services/${item.insertId}/slots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lib.token(committee.userId)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: new Date(tomorrow + i * 3_600_000).toISOString(), endsAt: new Date(tomorrow + i * 3_600_000 + 3_000_000).toISOString(), capacity: SLOT_CAPACITY }),
    });
    if (r.status !== 201) throw new Error(`adding a slot answered ${r.status} ${await r.text()}`);
    slots.push(((await r.json()) as { id: number }).id);
  }
  const opened = await fetch(`${servers[0]!.url}/api/topics/${topicId}/votes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lib.token(committee.userId)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rule: 'simple_majority', secret: true, closesAt: new Date(Date.now() + 3_600_000).toISOString() }),
  });
  if (opened.status !== 200) throw new Error(`opening the vote answered ${opened.status} ${await opened.text()}`);
  const vote = (await opened.json()) as { id: number; roll: { households: number } };
  const runId = String(Date.now());
  const file = path.join(lib.RESULTS_DIR, `chaos-${process.pid}.json`);
  fs.mkdirSync(lib.RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({
      urls: servers.map((s) => s!.url),
      seconds: LOAD_SECONDS,
      concurrency: 8,
      run: runId,
      categoryId: 1,
      residents: residents.map((r) => ({ token: lib.token(r.userId), buildingId: r.buildingId })),
      workers: workers.map((w) => ({ token: lib.token(w.userId) })),
      slots,
      vote: { id: vote.id, voters: voters.map((v) => ({ token: lib.token(v.userId), household: Number(v.household) })) },
    }),
  );
  say(`load for ${LOAD_SECONDS} s from another process; ${API_KILLS} kill -9 of an API process; MariaDB killed once`);
  const client = lib.run(path.join(lib.ROOT, 'node_modules', '.bin', 'tsx'), [path.join(lib.BENCH_DIR, 'src', 'chaos-client.ts'), file], { cwd: lib.BENCH_DIR }, (LOAD_SECONDS + 90) * 1000);

  // Kills spread over the run, the database's restart in the middle.
  const apiRestartMs: number[] = [];
  const killOne = async () => {
    const i = Math.floor(Math.random() * 2);
    await servers[i]!.kill9();
    const t0 = Date.now();
    await sleep(300);
    servers[i] = await lib.startServer(DB, env, { port: ports[i], logFile });
    apiRestartMs.push(Date.now() - t0);
  };
  const gap = (LOAD_SECONDS * 1000 * 0.8) / (API_KILLS + 2);
  let kills = 0;
  for (; kills < Math.floor(API_KILLS / 2); kills++) {
    await sleep(gap * (0.5 + Math.random()));
    await killOne();
  }
  await sleep(gap);
  say('MariaDB: kill -9');
  await dbServer.kill9();
  const downAt = Date.now();
  const healthWhileDown: Record<string, number> = {};
  for (let i = 0; i < 10; i++) {
    for (const s of servers) {
      const r = await fetch(`${s!.url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
      const code = r ? `${r.status} ${((await r.json().catch(() => ({}))) as { code?: string }).code ?? ''}`.trim() : 'network';
      healthWhileDown[code] = (healthWhileDown[code] ?? 0) + 1;
    }
    await sleep(150);
  }
  const restartMs = await dbServer.start();
  const upAt = Date.now();
  const recoveryMs = await Promise.all(
    servers.map(async (s) => {
      for (;;) {
        const r = await fetch(`${s!.url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        if (r?.status === 200) return Date.now() - upAt;
        if (Date.now() - upAt > 60_000) return -1;
        await sleep(50);
      }
    }),
  );
  say(`MariaDB back after ${upAt - downAt} ms; API processes serving again ${recoveryMs.join(' and ')} ms later`);
  for (; kills < API_KILLS; kills++) {
    await sleep(gap * (0.5 + Math.random()));
    await killOne();
  }
  const load = JSON.parse((await client).trim().split('\n').pop()!) as ChaosLoad;
  fs.rmSync(file, { force: true });
  // 议事: the vote reaches its closing time and the committee closes it (or a sweeper did first); then one more ballot.
  const closer = await mysql.createConnection({ uri: lib.dbUrl(DB), timezone: 'Z' });
  await closer.query('UPDATE votes SET closesAt = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [vote.id]);
  await closer.end();
  const api = async (method: string, p: string, userToken: string, body?: unknown) => {
    const r = await fetch(`${servers[0]!.url}/api${p}`, { method, headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json().catch(() => ({}))) as { code?: string } };
  };
  const closed = await api('POST', `/votes/${vote.id}/close`, lib.token(committee.userId));
  if (closed.status !== 200 && closed.body.code !== 'VOTE_CLOSED') throw new Error(`closing the vote answered ${closed.status} ${JSON.stringify(closed.body)}`);
  const late = await api('PUT', `/votes/${vote.id}/ballot`, lib.token(voters[0].userId), { choice: 'yes' });
  const afterClose = `${late.status} ${late.body.code ?? ''}`.trim();
  // Let the delivery workers finish what is due, then stop them before counting.
  await sleep(3000);
  for (const s of servers) await s!.stop();

  const d = await mysql.createConnection({ uri: lib.dbUrl(DB), timezone: 'Z' });
  const [rows] = (await d.query(
    `SELECT t.description, COUNT(*) AS copies, MIN((SELECT COUNT(*) FROM ticket_events e WHERE e.ticketId = t.id AND e.type = 'submitted')) AS submitted
     FROM tickets t WHERE t.id > ? AND t.description LIKE ? GROUP BY t.description`,
    [base, `混沌测试 ${runId} #%`],
  )) as unknown as [{ description: string; copies: number; submitted: number }[]];
  const found = new Map(rows.map((r) => [r.description, r]));
  const lostReports = load.reports.filter((r) => !found.has(r.description));
  const lost = lostReports.length;
  const duplicated = rows.filter((r) => Number(r.copies) > 1).length;
  const withoutTimeline = rows.filter((r) => Number(r.submitted) !== 1).length;
  let transitionsLost = 0;
  for (const t of load.transitions) {
    const [[{ n }]] = (await d.query('SELECT COUNT(*) AS n FROM ticket_events WHERE ticketId = ? AND type = ?', [t.ticketId, t.action === 'accept' ? 'accepted' : 'resolved'])) as unknown as [{ n: number }[]];
    if (Number(n) === 0) transitionsLost += 1;
  }
  // Each due ticket: its levels since the run began go up one at a time from where it stood, none twice.
  let escalated = 0;
  let skippedOrRepeated = 0;
  for (const t of dueRows) {
    const [events] = (await d.query("SELECT data FROM ticket_events WHERE ticketId = ? AND type = 'escalated' AND createdAt >= ? ORDER BY id", [t.id, now])) as unknown as [{ data: string | { level: string } }[]];
    const levels = events.map((e) => LEVELS.indexOf((typeof e.data === 'string' ? JSON.parse(e.data) : e.data).level as string));
    const [[after]] = (await d.query('SELECT escalationLevel FROM tickets WHERE id = ?', [t.id])) as unknown as [{ escalationLevel: number }[]];
    if (levels.length) escalated += 1;
    const expected = levels.map((_, i) => t.escalationLevel + i + 1);
    if (JSON.stringify(levels) !== JSON.stringify(expected) || after.escalationLevel !== t.escalationLevel + levels.length) skippedOrRepeated += 1;
  }
  const [[n]] = (await d.query(
    `SELECT SUM(deliveryStatus = 'sent') AS sent, SUM(deliveryStatus = 'unknown') AS unknown, SUM(deliveryStatus = 'sending') AS sending FROM notifications WHERE id > ?`,
    [baseNotice],
  )) as unknown as [{ sent: number | null; unknown: number | null; sending: number | null }[]];
  // 预约: each slot's places held never exceed its capacity and equal its count; every acknowledged booking and
  // cancellation is there, and no key made two bookings.
  const [slotRows] = (await d.query(
    `SELECT s.id, s.capacity, s.taken, (SELECT COUNT(*) FROM bookings b WHERE b.slotId = s.id AND b.status IN ('booked', 'offered', 'attended', 'no_show')) AS held,
            (SELECT COUNT(*) FROM bookings b WHERE b.slotId = s.id AND b.status = 'waiting') AS waiting
     FROM service_slots s WHERE s.id IN (?)`,
    [slots],
  )) as unknown as [{ id: number; capacity: number; taken: number; held: number; waiting: number }[]];
  const overCapacity = slotRows.filter((r) => Number(r.held) > Number(r.capacity)).length;
  const countMismatch = slotRows.filter((r) => Number(r.taken) !== Number(r.held)).length;
  // A free place while someone waits is a promotion that did not happen.
  const unpromoted = slotRows.filter((r) => Number(r.held) < Number(r.capacity) && Number(r.waiting) > 0).length;
  const [bookingRows] = (await d.query('SELECT id, status, idempotencyKey FROM bookings WHERE slotId IN (?)', [slots])) as unknown as [{ id: number; status: string; idempotencyKey: string | null }[]];
  const byId = new Map(bookingRows.map((b) => [Number(b.id), b]));
  const bookingsLost = load.bookings.filter((b) => !byId.has(b.id)).length;
  const cancellationsLost = load.cancellations.filter((id) => byId.get(id)?.status !== 'cancelled').length;
  const keys = new Map<string, number>();
  for (const b of bookingRows) if (b.idempotencyKey) keys.set(b.idempotencyKey, (keys.get(b.idempotencyKey) ?? 0) + 1);
  const bookingsDoubled = [...keys.values()].filter((k) => k > 1).length;
  // 议事: every acknowledged household has its row, with the choice of its last acknowledged ballot and the receipt
  // every answer gave it; no row for a household that never voted; the tally stored at the close counts these rows.
  const [ballotRows] = (await d.query('SELECT householdId, choice, receipt FROM ballots WHERE voteId = ?', [vote.id])) as unknown as [{ householdId: number; choice: string; receipt: string }[]];
  const [[voteRow]] = (await d.query('SELECT status, tally FROM votes WHERE id = ?', [vote.id])) as unknown as [{ status: string; tally: unknown }[]];
  await d.end();
  const stored = new Map(ballotRows.map((b) => [Number(b.householdId), b]));
  const lastAck = new Map<number, { choice: string; receipts: Set<string> }>();
  for (const b of load.ballots) {
    const entry = lastAck.get(b.household) ?? { choice: b.choice, receipts: new Set<string>() };
    entry.choice = b.choice;
    entry.receipts.add(b.receipt);
    lastAck.set(b.household, entry);
  }
  const uncertainHouseholds = new Set(load.uncertainHouseholds);
  const attempted = new Set([...lastAck.keys(), ...uncertainHouseholds]);
  const ballotsLost = [...lastAck.keys()].filter((h) => !stored.has(h)).length;
  const notLastChoice = [...lastAck].filter(([h, a]) => !uncertainHouseholds.has(h) && stored.get(h) && stored.get(h)!.choice !== a.choice).length;
  const receiptChanged = [...lastAck].filter(([h, a]) => stored.get(h) && (a.receipts.size !== 1 || !a.receipts.has(stored.get(h)!.receipt))).length;
  const stray = ballotRows.filter((b) => !attempted.has(Number(b.householdId))).length;
  const tally = (typeof voteRow.tally === 'string' ? JSON.parse(voteRow.tally) : voteRow.tally) as { cast: { households: number }; yes: { households: number }; no: { households: number }; abstain: { households: number } } | null;
  const byChoice = (c: string) => ballotRows.filter((b) => b.choice === c).length;
  const tallyMismatch =
    voteRow.status !== 'closed' || !tally || tally.cast.households !== ballotRows.length || tally.yes.households !== byChoice('yes') || tally.no.households !== byChoice('no') || tally.abstain.households !== byChoice('abstain')
      ? 1
      : 0;
  const sent = Number(n.sent ?? 0);
  const unknown = Number(n.unknown ?? 0);
  const sending = Number(n.sending ?? 0);
  // WeChat may have received a row marked unknown or still sending (its process died mid-call), never more.
  const overSent = Math.max(0, wechat.sent() - (sent + unknown + sending));

  const result: ChaosResult = {
    acknowledged: { reports: load.reports.length, resentReports: load.reports.filter((r) => r.resent).length, transitions: load.transitions.length, reads: load.reads },
    lost,
    // What the phone was answered for each lost report, to look up in idempotency_records and the servers' log.
    lostReports,
    duplicated,
    withoutTimeline,
    transitionsLost,
    escalation: { due: dueRows.length, escalated, skippedOrRepeated },
    bookings: {
      acknowledged: load.bookings.length,
      cancelled: load.cancellations.length,
      lost: bookingsLost,
      cancellationsLost,
      doubled: bookingsDoubled,
      overCapacity,
      countMismatch,
      unpromoted,
      slots: slotRows.map((r) => ({ capacity: Number(r.capacity), held: Number(r.held), waiting: Number(r.waiting) })),
    },
    ballots: {
      acknowledged: load.ballots.length,
      households: lastAck.size,
      uncertain: uncertainHouseholds.size,
      lost: ballotsLost,
      notLastChoice,
      receiptChanged,
      stray,
      tallyMismatch,
      afterClose,
      roll: vote.roll.households,
    },
    notifications: { received: wechat.sent(), sent, unknown, sending, overSent },
    unansweredReports: load.unanswered,
    codes: load.codes,
    apiKills: kills,
    apiRestartMs,
    database: { downMs: upAt - downAt, restartMs, recoveryMs, healthWhileDown },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(path.join(lib.RESULTS_DIR, `chaos-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const problems = [
    lost && `${lost} acknowledged reports lost`,
    duplicated && `${duplicated} reports stored twice`,
    withoutTimeline && `${withoutTimeline} reports without exactly one 'submitted' event`,
    transitionsLost && `${transitionsLost} acknowledged transitions without their timeline event`,
    skippedOrRepeated && `${skippedOrRepeated} tickets skipped or repeated an escalation level`,
    escalated === 0 && 'no due ticket was escalated: the sweepers did not run',
    bookingsLost && `${bookingsLost} acknowledged bookings lost`,
    cancellationsLost && `${cancellationsLost} acknowledged cancellations not cancelled`,
    bookingsDoubled && `${bookingsDoubled} booking keys made two bookings`,
    overCapacity && `${overCapacity} slots hold more places than their capacity`,
    countMismatch && `${countMismatch} slots whose count differs from their rows`,
    unpromoted && `${unpromoted} slots with a free place while someone waits`,
    load.bookings.length === 0 && 'no booking was acknowledged: the booking load did not run',
    ballotsLost && `${ballotsLost} households' acknowledged ballots lost`,
    notLastChoice && `${notLastChoice} households whose stored ballot is not their last acknowledged one`,
    receiptChanged && `${receiptChanged} households whose receipt changed or differs from the stored one`,
    stray && `${stray} ballots of households that never voted`,
    tallyMismatch && 'the tally stored at the close does not count the stored ballots (or the vote is not closed)',
    afterClose !== '409 VOTE_CLOSED' && `a ballot after the close answered ${afterClose}, not 409 VOTE_CLOSED`,
    load.ballots.length === 0 && 'no ballot was acknowledged: the vote load did not run',
    overSent && `WeChat received ${overSent} more messages than rows that may have been sent`,
    load.codes['500 INTERNAL'] && `${load.codes['500 INTERNAL']} answers were 500 INTERNAL`,
    load.reports.length === 0 && 'no report was acknowledged: the load did not run',
    !('503 DB_UNAVAILABLE' in healthWhileDown) && 'the health check never said DB_UNAVAILABLE while MariaDB was down',
    recoveryMs.some((ms) => ms < 0) && 'an API process did not recover within 60 s of the database',
  ].filter(Boolean);
  if (problems.length) {
    failed = true;
    const unexpected = fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.includes('unexpected error'));
    for (const line of unexpected.slice(0, 5)) say(`server log: ${line.slice(0, 1500)}`);
    say(`FAILED: ${problems.join('; ')}`);
  } else
    say(
      `held: ${load.reports.length} reports, ${load.transitions.length} transitions, ${load.bookings.length} bookings (${load.cancellations.length} cancelled) and ${load.ballots.length} ballots of ${lastAck.size} households acknowledged, none lost or doubled, no slot over capacity, each household's last ballot counted`,
    );
} catch (e) {
  failed = true;
  say(`chaos run failed: ${(e as Error).stack ?? e}`);
} finally {
  for (const s of servers) await s?.kill9().catch(() => undefined);
  await wechat.close();
  await dbServer.remove();
}
process.exit(failed ? 1 : 0);
