/**
 * The durability test's client, its own process: residents submit tickets,
 * each with its own Idempotency-Key and a description no other has, as a
 * phone would; when a submit fails (the server died under it) the same
 * submit is retried with the same key until it is answered or time is up.
 * Prints every answer as JSON.
 */
import fs from 'node:fs';

interface Config {
  url: string;
  total: number;
  concurrency: number;
  maxSeconds: number;
  run: string;
  creators: { token: string; buildingId: number }[];
  categoryId: number;
}

export interface Outcome {
  key: string;
  description: string;
  status: number;
  ticketId: number | null;
  attempts: number;
  /** The first attempt failed (connection refused or reset, 5xx): the answer came from a retry. */
  retried: boolean;
}

const cfg: Config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const stopAt = Date.now() + cfg.maxSeconds * 1000;
const outcomes: Outcome[] = [];
let next = 0;
let failures = 0;

async function submit(n: number): Promise<void> {
  const who = cfg.creators[n % cfg.creators.length];
  const key = `durability-${cfg.run}-${n}`;
  const description = `耐久测试 ${cfg.run} #${n}`;
  for (let attempt = 1; Date.now() < stopAt; attempt++) {
    try {
      const r = await fetch(`${cfg.url}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ categoryId: cfg.categoryId, description, buildingId: who.buildingId }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await r.json().catch(() => ({}))) as { id?: number };
      if (r.status < 500) {
        outcomes.push({ key, description, status: r.status, ticketId: body.id ?? null, attempts: attempt, retried: attempt > 1 });
        return;
      }
    } catch {
      // the server is down: try again shortly, with the same key
    }
    failures += 1;
    await new Promise((r) => setTimeout(r, 200));
  }
  outcomes.push({ key, description, status: 0, ticketId: null, attempts: -1, retried: true });
}

await Promise.all(
  Array.from({ length: cfg.concurrency }, async () => {
    while (next < cfg.total && Date.now() < stopAt) await submit(next++);
  }),
);
process.stdout.write(JSON.stringify({ outcomes, failures }) + '\n');
