/**
 * An open-loop load generator, run as its own process: requests leave at fixed times (a given rate),
 * whether or not the earlier ones have been answered, as a crowd of phones does at 08:00. Each answer's
 * time is measured from when its request was due to leave, so a server that falls behind shows it in
 * the tail instead of slowing the load down (closed-loop tools such as autocannon hide that).
 * Reads an OpenLoopPlan (JSON file), prints an OpenLoopResult.
 */
import fs from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { percentile, type PlannedRequest } from './lib.js';

export interface OpenLoopPlan {
  url: string;
  /** Sent in this order, `ratePerSecond` of them each second, evenly spaced. */
  requests: PlannedRequest[];
  ratePerSecond: number;
  /** Give every request its own Idempotency-Key. */
  idempotencyKeys?: boolean;
  /** Hard stop for the whole run, seconds. */
  maxSeconds: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Answers by HTTP status (0: no answer: a dropped connection or the hard stop). */
  statuses: Record<string, number>;
  /** Error codes of the 4xx/5xx answers. */
  codes: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** From the first request due to the last answer. */
  seconds: number;
  /** How late the generator itself sent, at worst (ms): above a few ms the figures measure the client. */
  sendLagMs: number;
}

export async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  const target = new URL(plan.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  let sendLagMs = 0;
  const run = `${process.pid}-${Date.now()}`;
  const start = performance.now() + 50;
  const interval = 1000 / plan.ratePerSecond;
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  let lastAnswer = start;

  const send = (r: PlannedRequest, n: number, due: number) =>
    new Promise<void>((resolve) => {
      sendLagMs = Math.max(sendLagMs, performance.now() - due);
      const body = r.body === undefined ? undefined : JSON.stringify(r.body);
      const headers: Record<string, string> = { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' };
      if (body) headers['content-length'] = String(Buffer.byteLength(body));
      if (plan.idempotencyKeys) headers['idempotency-key'] = `open-${run}-${n}`;
      const req = http.request({ host: target.hostname, port: target.port, path: r.path, method: r.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const now = performance.now();
          lastAnswer = Math.max(lastAnswer, now);
          latencies.push(now - due);
          count(statuses, String(res.statusCode));
          if ((res.statusCode ?? 0) >= 400) {
            try {
              count(codes, (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: string }).code ?? 'none');
            } catch {
              count(codes, 'unreadable');
            }
          }
          resolve();
        });
      });
      req.setTimeout(plan.maxSeconds * 1000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        count(statuses, '0');
        resolve();
      });
      req.end(body);
    });

  const inFlight: Promise<void>[] = [];
  // Send what is due, then yield to the event loop until the next is due (answers are read meanwhile).
  for (let n = 0; n < plan.requests.length; ) {
    const now = performance.now();
    for (; n < plan.requests.length && start + n * interval <= now; n++) inFlight.push(send(plan.requests[n], n, start + n * interval));
    if (n < plan.requests.length) await new Promise((res) => setTimeout(res, Math.max(0, start + n * interval - performance.now())));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return {
    sent: plan.requests.length,
    statuses,
    codes,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    seconds: (lastAnswer - start) / 1000,
    sendLagMs,
  };
}

if (process.argv[2] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const plan: OpenLoopPlan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  process.stdout.write(JSON.stringify(await runOpenLoop(plan)) + '\n');
}
