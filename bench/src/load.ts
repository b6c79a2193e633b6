/**
 * The load generator, run as its own process so it does not share a CPU
 * queue with the bench's bookkeeping: autocannon over loopback, bounded by a
 * request count and a time limit. Reads a LoadPlan (JSON file), prints a LoadResult.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult } from './lib.js';

const plan: LoadPlan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let i = 0;
const cpu0 = process.cpuUsage();
const run = `${process.pid}-${Date.now()}`;

const instance = autocannon({
  url: plan.url,
  connections: plan.connections,
  amount: plan.amount,
  timeout: 20,
  requests: [
    {
      setupRequest: (req: autocannon.Request) => {
        const n = i++;
        const r = plan.requests[n % plan.requests.length];
        const headers: Record<string, string> = { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' };
        if (plan.idempotencyKeys) headers['idempotency-key'] = `bench-${run}-${n}`;
        return { ...req, method: r.method, path: r.path, headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) } as autocannon.Request;
      },
    },
  ],
});

// Without a callback autocannon returns its running instance, which is also a promise of the result.
const stop = setTimeout(() => (instance as unknown as { stop(): void }).stop(), plan.maxSeconds * 1000);

instance.then((result) => {
  clearTimeout(stop);
  const out: LoadResult = {
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
    cpu: { client: ((u) => (u.user + u.system) / 1000 / Math.max(1, result.requests.total))(process.cpuUsage(cpu0)) },
  };
  process.stdout.write(JSON.stringify(out) + '\n');
});
