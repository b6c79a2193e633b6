/**
 * The chaos run's load, its own process: residents report (each report with its own Idempotency-Key,
 * resent with the same key until answered, as a phone does), grid workers accept and resolve what is
 * theirs, and both read their lists. Requests go to either API process; when one is down the other is
 * tried. Prints what was acknowledged and every answer's code, as JSON.
 */
import fs from 'node:fs';

interface Config {
  urls: string[];
  seconds: number;
  concurrency: number;
  run: string;
  categoryId: number;
  residents: { token: string; buildingId: number }[];
  workers: { token: string }[];
}

export interface ChaosLoad {
  reports: { key: string; description: string; ticketId: number; resent: boolean }[];
  /** Reports never answered before the end (a retry was still failing): not acknowledged, so not checked. */
  unanswered: number;
  transitions: { ticketId: number; action: 'accept' | 'resolve' }[];
  reads: number;
  /** Every answer by status and code (`503 DB_UNAVAILABLE`), and failures to connect (`network`). */
  codes: Record<string, number>;
}

const cfg: Config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const stopAt = Date.now() + cfg.seconds * 1000;
const out: ChaosLoad = { reports: [], unanswered: 0, transitions: [], reads: 0, codes: {} };
const count = (what: string) => (out.codes[what] = (out.codes[what] ?? 0) + 1);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** One request to one of the processes; null when none answered (refused, reset, timed out). */
async function call(method: string, path: string, token: string, body?: unknown, key?: string): Promise<{ status: number; body: any } | null> {
  const first = Math.floor(Math.random() * cfg.urls.length);
  for (let i = 0; i < cfg.urls.length; i++) {
    const url = cfg.urls[(first + i) % cfg.urls.length];
    try {
      const r = await fetch(`${url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const parsed = await r.json().catch(() => ({}));
      count(r.status < 400 ? String(r.status) : `${r.status} ${parsed?.code ?? ''}`.trim());
      return { status: r.status, body: parsed };
    } catch {
      count('network');
    }
  }
  return null;
}

let reports = 0;
async function report(): Promise<void> {
  const who = pick(cfg.residents);
  const n = reports++;
  const key = `chaos-${cfg.run}-${n}`;
  const description = `混沌测试 ${cfg.run} #${n}`;
  // A phone keeps its draft and resends it with the same key until the server answers (a little past the run's end).
  for (let attempt = 0; Date.now() < stopAt + 20_000; attempt++) {
    const r = await call('POST', '/tickets', who.token, { categoryId: cfg.categoryId, description, buildingId: who.buildingId }, key);
    if (r && r.status < 500) {
      if (r.status === 201) out.reports.push({ key, description, ticketId: r.body.id, resent: attempt > 0 });
      return;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  out.unanswered += 1;
}

async function work(): Promise<void> {
  const w = pick(cfg.workers);
  const inbox = await call('GET', '/tickets?scope=assigned&pageSize=10', w.token);
  if (!inbox || inbox.status !== 200) return;
  const t = pick(inbox.body.items as { id: number; status: string }[]);
  if (!t) return;
  const action = t.status === 'dispatched' ? 'accept' : t.status === 'accepted' ? 'resolve' : null;
  if (!action) return;
  const body = action === 'resolve' ? { note: '已处理完毕（混沌测试）', photoIds: [] } : undefined;
  // Resent after a failure; a 409 then means the first attempt went through, which the check finds in the timeline.
  for (let attempt = 0; attempt < 20 && Date.now() < stopAt + 20_000; attempt++) {
    const r = await call('POST', `/tickets/${t.id}/${action}`, w.token, body);
    if (r && r.status < 500) {
      if (r.status === 200) out.transitions.push({ ticketId: t.id, action });
      return;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
}

async function read(): Promise<void> {
  const r = Math.random() < 0.5 ? await call('GET', '/tickets?scope=mine&pageSize=20', pick(cfg.residents).token) : await call('GET', '/tickets?scope=assigned&pageSize=20', pick(cfg.workers).token);
  if (r?.status === 200) out.reads += 1;
  else await new Promise((res) => setTimeout(res, 100));
}

await Promise.all(
  Array.from({ length: cfg.concurrency }, async () => {
    while (Date.now() < stopAt) {
      const roll = Math.random();
      await (roll < 0.45 ? report() : roll < 0.7 ? work() : read());
    }
  }),
);
process.stdout.write(JSON.stringify(out) + '\n');
