/**
 * Where a scenario's time goes inside the server: runs its load against a
 * server started with --cpu-prof and prints the functions with the most self
 * time, grouped by package.
 *   npm run profile -w @linli/bench -- "grid worker inbox" [tickets]
 */
import fs from 'node:fs';
import path from 'node:path';
import { actors, actorSessions, scenarios } from './api.js';
import { load, RESULTS_DIR, seededDatabase, startServer } from './lib.js';

const name = process.argv[2] ?? 'grid worker inbox';
const size = Number(process.argv[3] ?? 10_000);
const { db } = await seededDatabase(size);
const now = new Date();
const a = await actors(db, size, now);
await actorSessions(db, a);
const all = scenarios(a, now, { create: 2000, read: 3000, stats: 100 });
const s = all.find((x) => x.name === name);
if (!s) throw new Error(`no scenario "${name}"; the scenarios: ${all.map((x) => `"${x.name}"`).join(', ')}`);
const dir = path.join(RESULTS_DIR, `profile-${Date.now()}`);
fs.mkdirSync(dir, { recursive: true });
const server = await startServer(db, {}, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
const plan = { url: server.url, connections: s.connections, requests: s.requests, idempotencyKeys: s.idempotencyKeys, maxSeconds: 120 };
await load({ ...plan, amount: 300 });
const result = await load({ ...plan, amount: s.amount });
await server.stop();
console.log(`${name} @ ${size}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, ${result.non2xx} answers not 2xx, ${result.errors} errors`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { nodes: Node[] };
const total = prof.nodes.reduce((a, n) => a + n.hitCount, 0);
const where = (url: string) => {
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  return m ? m[1] : url.includes('/server/dist/') ? 'server (ours)' : url.startsWith('node:') ? 'node' : url || '(native/gc/idle)';
};
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const n of prof.nodes) {
  byPackage.set(where(n.callFrame.url), (byPackage.get(where(n.callFrame.url)) ?? 0) + n.hitCount);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'server/')}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + n.hitCount);
}
const top = (m: Map<string, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${n}`);
console.log('self time by package:\n' + top(byPackage, 15).join('\n'));
console.log('\nself time by function:\n' + top(byFunction, 30).join('\n'));
console.log(`\nprofile: ${path.join(dir, file)}`);
