/** What every scenario needs: databases, a server child process, tokens, the load process, statistics. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH_DIR, '..');
export const SERVER_DIR = path.join(ROOT, 'server');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
/** The MariaDB/MySQL server (no database in it): only ever on this machine. */
export const MYSQL_SERVER = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
export const JWT_SECRET = 'linli-bench-secret-for-a-private-database-only';

if (!/^mysql:\/\/[^@]*@?(127\.0\.0\.1|localhost)(:\d+)?$/.test(MYSQL_SERVER)) {
  throw new Error(`BENCH_MYSQL_URL must point at this machine (127.0.0.1), got ${MYSQL_SERVER}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

// ───────────────────────────── databases ─────────────────────────────

export async function admin<T>(work: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const c = await mysql.createConnection(`${MYSQL_SERVER}/mysql`);
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export function dbUrl(db: string): string {
  return `${MYSQL_SERVER}/${db}`;
}

export async function createDatabase(db: string): Promise<void> {
  assertBenchDb(db);
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await c.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  });
}

export async function dropDatabase(db: string): Promise<void> {
  assertBenchDb(db);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS \`${db}\``));
}

function assertBenchDb(db: string): void {
  if (!/^linli_bench_\w+$/.test(db)) throw new Error(`The bench only creates and drops its own databases (linli_bench_*), not "${db}"`);
}

/** Runs the Futian seed into a fresh database; returns the seconds it took. */
export async function seedDatabase(db: string, tickets: number): Promise<number> {
  await createDatabase(db);
  const started = Date.now();
  await run('node', ['dist/seed/seed-cli.js', '--scale', 'futian', '--tickets', String(tickets)], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: dbUrl(db), JWT_SECRET } }, 60 * 60_000);
  return (Date.now() - started) / 1000;
}

/**
 * The seeded database for a size, seeding it only when it is missing or
 * incomplete (seeding a million tickets takes minutes). Rows a previous run's
 * scenarios added are removed, so every run starts from the same data.
 */
export async function seededDatabase(tickets: number): Promise<{ db: string; seedSeconds: number | null }> {
  const db = `linli_bench_${label(tickets)}`;
  const seeded = await admin(async (c) => {
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [db, 'tickets']);
    if (Number(rows[0].n) === 0) return false;
    const [t] = await c.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${db}\`.tickets WHERE id <= ?`, [tickets]);
    // A migration this build does not know (the schema's history was rewritten): the copy is stale.
    const [m] = await c.query<mysql.RowDataPacket[]>(`SELECT name FROM \`${db}\`.migrations`);
    const known = await knownMigrations();
    return Number(t[0].n) === tickets && m.every((r) => known.has(r.name));
  });
  if (seeded) {
    await resetToSeed(db, tickets);
    return { db, seedSeconds: null };
  }
  log(`seeding ${db} with ${tickets.toLocaleString('en')} tickets…`);
  return { db, seedSeconds: await seedDatabase(db, tickets) };
}

async function knownMigrations(): Promise<Set<string>> {
  const index = path.join(SERVER_DIR, 'dist', 'database', 'migrations', 'mysql', 'index.js');
  const { MYSQL_MIGRATIONS } = (await import(pathToFileURL(index).href)) as { MYSQL_MIGRATIONS: (new () => { name?: string })[] };
  return new Set(MYSQL_MIGRATIONS.map((m) => new m().name ?? m.name));
}

async function resetToSeed(db: string, tickets: number): Promise<void> {
  const c = await mysql.createConnection(dbUrl(db));
  try {
    await c.query('DELETE FROM ticket_events WHERE ticketId > ?', [tickets]);
    await c.query('DELETE FROM tickets WHERE id > ?', [tickets]);
    await c.query('DELETE FROM notifications');
    await c.query('DELETE FROM idempotency_records');
  } finally {
    await c.end();
  }
}

export function label(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

// ───────────────────────────── processes ─────────────────────────────

/** Runs a command to its end (bounded in time); rejects on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv }, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // Decoded as streams: a Chinese character split across two pipe chunks must not turn into U+FFFD.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} ended with ${code ?? signal}: ${(err || out).slice(-2000)}`));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set now and its peak (VmHWM) since start, in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

let nextPort = 39_100 + (process.pid % 500);

/**
 * The API as it runs in production (node server/dist/main.js) on a bench
 * database, bound to this machine, with the sweeper off unless asked for.
 */
export async function startServer(db: string, env: Record<string, string> = {}, opts: { traceFile?: string; port?: number; nodeArgs?: string[]; logFile?: string } = {}): Promise<ServerProcess> {
  const port = opts.port ?? nextPort++;
  const args = [...(opts.nodeArgs ?? []), ...(opts.traceFile ? ['--import', path.join(BENCH_DIR, 'src', 'sql-trace.mjs')] : []), 'dist/main.js'];
  const child = spawn('node', args, {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development', // dev users exist only outside production; nothing else differs
      PORT: String(port),
      DATABASE_URL: dbUrl(db),
      JWT_SECRET,
      SEED_DEMO: 'false',
      SWEEP_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
      // Per-user limits stay on the request path, high enough not to refuse a load test.
      RATE_LIMIT_TICKETS_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      UPLOAD_DIR: path.join(RESULTS_DIR, 'uploads'),
      ...(opts.traceFile ? { BENCH_SQL_TRACE: opts.traceFile } : {}),
      ...env,
    },
    stdio: ['ignore', opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 60 s: ${stderr}`);
    }
    await sleep(200);
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    pid: child.pid!,
    child,
    memory: () => memoryOf(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** The device session a bench token names (one per user, made by `benchSessions`). */
const benchSid = (userId: number) => `bench${String(userId).padStart(27, '0')}`;

/** Device sessions for the users the bench acts as, so that tokens need no login on the measured path. */
export async function benchSessions(db: string, userIds: number[]): Promise<void> {
  const c = await mysql.createConnection({ uri: dbUrl(db), timezone: 'Z' });
  try {
    const now = new Date();
    const rows = [...new Set(userIds)].map((id) => [benchSid(id), id, 1, now, new Date(now.getTime() + 6 * 3_600_000)]);
    if (rows.length) await c.query('INSERT IGNORE INTO auth_sessions (id, userId, generation, createdAt, expiresAt) VALUES ?', [rows]);
  } finally {
    await c.end();
  }
}

/** A token as the server signs it (HS256, {sub, sid, gen}), so no login endpoint is on the measured path. */
export function token(userId: number): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, sid: benchSid(userId), gen: 1, iat: now, exp: now + 6 * 3600 })}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}

// ───────────────────────────── load ─────────────────────────────

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token: string;
  body?: unknown;
}

export interface LoadPlan {
  url: string;
  connections: number;
  amount: number;
  /** Hard stop, seconds. */
  maxSeconds: number;
  requests: PlannedRequest[];
  /** Give every request its own Idempotency-Key. */
  idempotencyKeys?: boolean;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  seconds: number;
  /** CPU milliseconds per request: the load generator's (autocannon, or the floor's own client), and filled in by the caller: the API's and MariaDB's. */
  cpu?: { client: number; server?: number; db?: number };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/**
 * The database server's process on this machine, to count its CPU: the mariadbd/mysqld serving the bench's
 * port. Another MariaDB may run beside it (the chaos run starts its own on a free port and kills it), so the
 * first mariadbd found is not necessarily ours: one started with `--port=N` serves N, one without serves 3306.
 */
export function databasePid(): number | null {
  const port = Number(new URL(MYSQL_SERVER).port || 3306);
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!/^(mariadbd|mysqld)$/.test(fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim())) continue;
      const args = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      const given = args.find((a) => a.startsWith('--port='));
      if ((given ? Number(given.slice(7)) : 3306) === port) return Number(d);
    } catch {
      // gone
    }
  }
  return null;
}

/** Runs the load from a second process (autocannon over loopback). */
export async function load(plan: LoadPlan): Promise<LoadResult> {
  if (!plan.url.startsWith('http://127.0.0.1:')) throw new Error('load goes to 127.0.0.1 only');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `plan-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const out = await run(tsx, [path.join(BENCH_DIR, 'src', 'load.ts'), file], { cwd: BENCH_DIR }, (plan.maxSeconds + 30) * 1000);
  fs.rmSync(file, { force: true });
  return JSON.parse(out.trim().split('\n').pop()!);
}

// ───────────────────────────── floors ─────────────────────────────

export type Work = (conn: mysql.PoolConnection, i: number) => Promise<void>;

/**
 * The floor: the same statements issued with mysql2 directly, `concurrency`
 * at a time over a pool as large as the server's (20), `amount` times in all.
 */
export async function floor(db: string, concurrency: number, amount: number, work: Work, maxSeconds = 120): Promise<LoadResult> {
  const pool = mysql.createPool({ uri: dbUrl(db), connectionLimit: 20, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const stopAt = Date.now() + maxSeconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < amount && Date.now() < stopAt) {
          const i = next++;
          const t0 = performance.now();
          const conn = await pool.getConnection();
          try {
            await work(conn, i);
            latencies.push(performance.now() - t0);
          } catch (e) {
            errors += 1;
            if (errors === 1) log(`floor error: ${(e as Error).message}`);
          } finally {
            conn.release();
          }
        }
      }),
    );
  } finally {
    await pool.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  const client = (used.user + used.system) / 1000 / Math.max(1, latencies.length);
  return { requests: latencies.length, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, non2xx: 0, seconds, cpu: { client } };
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ───────────────────────────── SQL traces ─────────────────────────────

export interface Statement {
  sql: string;
  values: unknown[];
}

/**
 * The statements each request makes, read from a server started with a trace
 * file: one request at a time, so each trace is that request's alone. The
 * floors replay these very statements.
 */
export async function traceRequests(server: ServerProcess, traceFile: string, reqs: PlannedRequest[]): Promise<{ statuses: number[]; traces: Statement[][] }> {
  const statuses: number[] = [];
  const traces: Statement[][] = [];
  // Keys of their own for every call: a warming call's requests traced again with its keys would trace replays.
  const call = traceCalls++;
  for (const [n, req] of reqs.entries()) {
    fs.writeFileSync(traceFile, '');
    const r = await fetch(server.url + req.path, {
      method: req.method,
      headers: { authorization: `Bearer ${req.token}`, 'content-type': 'application/json', 'idempotency-key': `${TRACE_KEY}${call}-${n}` },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    await r.arrayBuffer();
    statuses.push(r.status);
    traces.push(
      fs
        .readFileSync(traceFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Statement)
        .filter((s) => s.sql !== 'SELECT 1'),
    );
  }
  return { statuses, traces };
}

const TRACE_KEY = `trace-${Date.now()}-`;
let traceCalls = 0;
let replays = 0;

/** Replays traced requests through mysql2 (the floor): request i runs trace i mod n on one connection, in order. */
export function replay(db: string, concurrency: number, amount: number, traces: Statement[][], maxSeconds = 120): Promise<LoadResult> {
  return floor(db, concurrency, amount, replayWork(traces), maxSeconds);
}

/** The work of replaying request i: trace i mod n, statement by statement. */
export function replayWork(traces: Statement[][]): Work {
  const run = ++replays;
  const revived = traces.map((t) => t.map((s) => ({ sql: s.sql, values: s.values.map((v) => (v && typeof v === 'object' && '$date' in v ? new Date((v as { $date: string }).$date) : v)) })));
  return async (conn, i) => {
    for (const s of revived[i % revived.length]) {
      // An Idempotency-Key is unique per user: each replay gets its own, as each HTTP request does.
      const values = s.values.map((v) => (typeof v === 'string' && v.startsWith(TRACE_KEY) ? `${v}-${run}-${i}` : v));
      await conn.query(s.sql, values);
    }
  };
}

export function statementsPerRequest(traces: Statement[][]): number {
  const counted = traces.map((t) => t.filter((s) => !/^(START TRANSACTION|COMMIT|ROLLBACK)/.test(s.sql)).length);
  return counted.reduce((a, b) => a + b, 0) / Math.max(1, counted.length);
}

/**
 * The floor under an open-loop load: `amount` units of work leave at `ratePerSecond`, evenly spaced,
 * over a pool as large as the server's (20), each timed from when it was due (see open-loop.ts).
 */
export async function openLoopFloor(db: string, ratePerSecond: number, amount: number, work: Work): Promise<{ p50: number; p99: number; max: number; errors: number; seconds: number }> {
  const pool = mysql.createPool({ uri: dbUrl(db), connectionLimit: 20, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const interval = 1000 / ratePerSecond;
  let last = start;
  const one = async (i: number, due: number) => {
    const conn = await pool.getConnection();
    try {
      await work(conn, i);
      const now = performance.now();
      last = Math.max(last, now);
      latencies.push(now - due);
    } catch (e) {
      errors += 1;
      if (errors === 1) log(`floor error: ${(e as Error).message}`);
    } finally {
      conn.release();
    }
  };
  try {
    const all: Promise<void>[] = [];
    // Start what is due, then yield to the event loop until the next is due (as open-loop.ts does).
    for (let i = 0; i < amount; ) {
      const now = performance.now();
      for (; i < amount && start + i * interval <= now; i++) all.push(one(i, start + i * interval));
      if (i < amount) await sleep(Math.max(0, start + i * interval - performance.now()));
    }
    await Promise.all(all);
  } finally {
    await pool.end();
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.length ? Math.max(...latencies) : NaN, errors, seconds: (last - start) / 1000 };
}

/** Runs an open-loop plan from a second process (open-loop.ts). */
export async function openLoop(plan: import('./open-loop.js').OpenLoopPlan): Promise<import('./open-loop.js').OpenLoopResult> {
  if (!plan.url.startsWith('http://127.0.0.1:')) throw new Error('load goes to 127.0.0.1 only');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `open-plan-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const out = await run(tsx, [path.join(BENCH_DIR, 'src', 'open-loop.ts'), file], { cwd: BENCH_DIR }, (plan.maxSeconds + 30) * 1000);
  fs.rmSync(file, { force: true });
  return JSON.parse(out.trim().split('\n').pop()!);
}
