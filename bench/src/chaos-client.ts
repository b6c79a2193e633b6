/**
 * The chaos run's load, its own process: residents report (each report with its own Idempotency-Key,
 * resent with the same key until answered, as a phone does), grid workers accept and resolve what is
 * theirs, both read their lists, and residents book places of a few small slots (joining the waiting
 * list when one is full) and cancel some of what they booked, and owners cast and change their household's
 * ballot in an open vote (one request at a time per household, so its last answer is its ballot). Requests go to either API process; when
 * one is down the other is tried. Prints what was acknowledged and every answer's code, as JSON.
 */
import fs from 'node:fs';
import type { BallotChoice } from '@linli/shared';

interface Config {
  urls: string[];
  seconds: number;
  concurrency: number;
  run: string;
  categoryId: number;
  residents: { token: string; buildingId: number }[];
  workers: { token: string }[];
  /** Slots of one service item, small enough to fill during the run. */
  slots: number[];
  /** An open community-wide vote and the residents on its roll. */
  vote: { id: number; voters: { token: string; household: number }[] };
}

export interface ChaosLoad {
  reports: { key: string; description: string; ticketId: number; resent: boolean }[];
  /** Reports never answered before the end (a retry was still failing): not acknowledged, so not checked. */
  unanswered: number;
  transitions: { ticketId: number; action: 'accept' | 'resolve' }[];
  reads: number;
  /** Bookings answered 201 (a place or a place on the waiting list), each with its key and holder. */
  bookings: { id: number; slotId: number; key: string; resident: number; status: string }[];
  /** Cancellations answered 200. */
  cancellations: number[];
  /** Ballots answered 200, in the order they were answered (a household's requests never overlap). */
  ballots: { household: number; choice: BallotChoice; receipt: string }[];
  /**
   * Households whose ballot the server may still have been working on when the load moved on: one of their
   * requests timed out (it may commit later) or was never answered. Their last ballot is not checked.
   */
  uncertainHouseholds: number[];
  /** Every answer by status and code (`503 DB_UNAVAILABLE`), and failures to connect (`network`). */
  codes: Record<string, number>;
}

const cfg: Config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const stopAt = Date.now() + cfg.seconds * 1000;
const out: ChaosLoad = { reports: [], unanswered: 0, transitions: [], reads: 0, bookings: [], cancellations: [], ballots: [], uncertainHouseholds: [], codes: {} };
const count = (what: string) => (out.codes[what] = (out.codes[what] ?? 0) + 1);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

/**
 * One request to one of the processes; null when none answered (refused, reset, timed out). `timedOut` is
 * told when a request was abandoned unanswered: unlike a refused or reset connection, the server may still commit it.
 */
async function call(method: string, path: string, token: string, body?: unknown, key?: string, timedOut?: () => void): Promise<{ status: number; body: any } | null> {
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
    } catch (e) {
      const timeout = (e as Error).name === 'TimeoutError';
      count(timeout ? 'timeout' : 'network');
      if (timeout) timedOut?.();
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

let bookings = 0;
/** A resident asks for a place, resent with the same key until answered; a full slot sends them to its waiting list. */
async function book(): Promise<void> {
  const resident = Math.floor(Math.random() * cfg.residents.length);
  const slotId = pick(cfg.slots);
  for (const join of [undefined, 'waitlist'] as const) {
    const key = `chaos-b-${cfg.run}-${bookings++}`;
    for (let attempt = 0; Date.now() < stopAt + 20_000; attempt++) {
      const r = await call('POST', '/bookings', cfg.residents[resident].token, join ? { slotId, join } : { slotId }, key);
      if (r && r.status < 500) {
        if (r.status === 201) out.bookings.push({ id: r.body.id, slotId, key, resident, status: r.body.status });
        if (r.status === 409 && r.body?.code === 'SLOT_FULL' && !join && Math.random() < 0.5) break; // then the waiting list
        return;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    if (Date.now() >= stopAt + 20_000) return;
  }
}

/** A holder gives a place back (the waiting list's first is offered it), resent until answered. */
async function cancel(): Promise<void> {
  const mine = out.bookings.filter((b) => !out.cancellations.includes(b.id));
  if (mine.length === 0) return;
  const b = pick(mine);
  for (let attempt = 0; attempt < 20 && Date.now() < stopAt + 20_000; attempt++) {
    const r = await call('POST', `/bookings/${b.id}/cancel`, cfg.residents[b.resident].token);
    if (r && r.status < 500) {
      if (r.status === 200) out.cancellations.push(b.id);
      return;
    }
    await new Promise((res) => setTimeout(res, 250));
  }
}

const votingHouseholds = new Set<number>();
const uncertain = new Set<number>();
const CHOICES: BallotChoice[] = ['yes', 'no', 'abstain'];
/** An owner casts or changes the household's ballot, resent until answered; the household's next ballot waits for the answer. */
async function ballot(): Promise<void> {
  const free = cfg.vote.voters.filter((v) => !votingHouseholds.has(v.household));
  if (free.length === 0) return;
  const v = pick(free);
  const choice = pick(CHOICES);
  votingHouseholds.add(v.household);
  try {
    for (let attempt = 0; Date.now() < stopAt + 20_000; attempt++) {
      const r = await call('PUT', `/votes/${cfg.vote.id}/ballot`, v.token, { choice, householdId: v.household }, undefined, () => uncertain.add(v.household));
      if (r && r.status < 500) {
        if (r.status === 200) out.ballots.push({ household: v.household, choice, receipt: r.body.receipt });
        return;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    uncertain.add(v.household);
  } finally {
    votingHouseholds.delete(v.household);
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
      await (roll < 0.4 ? report() : roll < 0.6 ? work() : roll < 0.72 ? book() : roll < 0.76 ? cancel() : roll < 0.84 ? ballot() : read());
    }
  }),
);
out.uncertainHouseholds = [...uncertain];
process.stdout.write(JSON.stringify(out) + '\n');
