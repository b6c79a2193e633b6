/**
 * npm run h5-probe -w @linli/bench: the H5 first screen of one or more builds, measured in turns
 * (A, B, A, B, …) on the same server process each, so that a busy machine slows both alike
 * (docs/performance.md, "H5 first screen").
 *
 *   BENCH_H5_DIRS=/tmp/h5-before,../miniapp/dist/h5   builds to compare (default: miniapp/dist/h5)
 *   BENCH_ROUNDS=5                                    throttled loads per build
 *   BENCH_H5_PROFILE=/tmp/h5-profile                  also one profiled load of the first build: a CPU
 *                                                     profile (.cpuprofile, for DevTools) and the JS/CSS
 *                                                     coverage at the first screen, summarised here
 *
 * Uses the 10k bench database (seeded by `BENCH_ONLY=miniapp BENCH_SIZES=10000 npm run bench`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CDPSession } from 'playwright-core';
import { ROOT, seededDatabase, startServer, type ServerProcess } from './lib.js';
import { launchChromium, loadFirstScreen, residentSession, type H5Load } from './miniapp.js';

const dirs = (process.env.BENCH_H5_DIRS ?? path.join(ROOT, 'miniapp', 'dist', 'h5')).split(',').map((d) => path.resolve(d));
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const profileDir = process.env.BENCH_H5_PROFILE;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => os.loadavg()[0].toFixed(1);

const { db } = await seededDatabase(10_000);
const browser = await launchChromium();
if (typeof browser === 'string') throw new Error(browser);
const servers: ServerProcess[] = [];
try {
  for (const dir of dirs) servers.push(await startServer(db, { H5_DIR: dir }));
  const session = await residentSession(db, servers[0].url);
  // One unthrottled load each first: the server's own first answers (file reads, compression) out of the way.
  for (const s of servers) await loadFirstScreen(browser, s.url, session, false);

  if (profileDir) {
    await profile(servers[0], session);
    await trace(servers[0], session);
  }

  const results: H5Load[][] = dirs.map(() => []);
  const fast: number[][] = dirs.map(() => []);
  console.log(`load average before: ${load()}`);
  for (let r = 0; r < rounds; r++) {
    const line: string[] = [];
    for (let i = 0; i < dirs.length; i++) {
      const one = await loadFirstScreen(browser, servers[i].url, session, true);
      results[i].push(one);
      // Unthrottled too: four times less exposed to the other processes' noise, the same work.
      fast[i].push((await loadFirstScreen(browser, servers[i].url, session, false)).interactive);
      line.push(`${path.basename(dirs[i])} ${Math.round(one.interactive)} ms (unthrottled ${Math.round(fast[i][r])} ms)`);
    }
    console.log(`round ${r + 1} (load ${load()}): ${line.join(' · ')}`);
  }
  for (let i = 0; i < dirs.length; i++) {
    const xs = results[i].map((x) => x.interactive);
    const last = results[i][results[i].length - 1];
    const entry = last.detail.resources.filter((x) => /\/(js|css)\//.test(x.path));
    const lastByte = Math.max(...entry.map((x) => x.end));
    const longest = [...last.detail.longTasks].sort((a, b) => b.ms - a.ms).slice(0, 4);
    console.log(
      `\n${dirs[i]}\n  html ${JSON.stringify(last.detail.html)}\n  interactive median ${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))}); ` +
        `unthrottled median ${Math.round(median(fast[i]))} ms (min ${Math.round(Math.min(...fast[i]))}); ${last.requests} requests, ${(last.bytes / 1024).toFixed(0)} KB; first contentful paint ${last.detail.fcp} ms; last JS/CSS byte ${lastByte} ms`,
    );
    for (const x of last.detail.resources) console.log(`    ${x.path.padEnd(48)} ${String(x.start).padStart(5)} → ${String(x.end).padStart(5)} ms`);
    console.log(`  long tasks (largest): ${longest.map((t) => `${t.ms} ms at ${t.start}`).join(', ')}`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}

/** One throttled load with the CPU profiler and JS/CSS coverage on, stopped at the first screen. */
async function profile(server: ServerProcess, session: Awaited<ReturnType<typeof residentSession>>): Promise<void> {
  fs.mkdirSync(profileDir!, { recursive: true });
  let cpu: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } | null = null;
  let js: { url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[] = [];
  let css: { styleSheetId: string; startOffset: number; endOffset: number; used: boolean }[] = [];
  const sheets = new Map<string, string>();
  const inspect = {
    async before(cdp: CDPSession) {
      cdp.on('CSS.styleSheetAdded', (e: { header: { styleSheetId: string; sourceURL: string } }) => sheets.set(e.header.styleSheetId, e.header.sourceURL));
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      await cdp.send('CSS.startRuleUsageTracking');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
      await cdp.send('Profiler.start');
    },
    async after(cdp: CDPSession) {
      cpu = (await cdp.send('Profiler.stop')).profile as unknown as typeof cpu;
      js = (await cdp.send('Profiler.takePreciseCoverage')).result as unknown as typeof js;
      css = (await cdp.send('CSS.stopRuleUsageTracking')).ruleUsage as typeof css;
    },
  };
  const one = await loadFirstScreen(browser as Exclude<typeof browser, string>, server.url, session, true, inspect);
  fs.writeFileSync(path.join(profileDir!, 'first-screen.cpuprofile'), JSON.stringify(cpu));
  console.log(`profiled load: interactive ${Math.round(one.interactive)} ms (the profiler slows it)`);
  summariseProfile(cpu!);

  // JS coverage: bytes of each script that ran before the first screen (block granularity).
  console.log('\nJavaScript run before the first screen (bytes used / size):');
  for (const script of js.filter((s) => /\/js\//.test(s.url))) {
    const text = await (await fetch(script.url)).text();
    const used = usedBytes(text.length, script.functions.flatMap((f) => f.ranges));
    console.log(`  ${new URL(script.url).pathname.padEnd(32)} ${(used / 1024).toFixed(0).padStart(4)} / ${(text.length / 1024).toFixed(0)} KB`);
  }
  console.log('\nCSS rules used by the first screen (bytes of used rules / size):');
  const bySheet = new Map<string, { used: number }>();
  for (const r of css) {
    const e = bySheet.get(r.styleSheetId) ?? { used: 0 };
    if (r.used) e.used += r.endOffset - r.startOffset;
    bySheet.set(r.styleSheetId, e);
  }
  for (const [id, e] of bySheet) {
    const url = sheets.get(id) ?? '(inline)';
    const size = url.startsWith('http') ? (await (await fetch(url)).text()).length : 0;
    console.log(`  ${(url.startsWith('http') ? new URL(url).pathname : url).padEnd(40)} ${(e.used / 1024).toFixed(1).padStart(5)} / ${(size / 1024).toFixed(0)} KB`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Self time by script and the heaviest functions; the browser's own work shows as (program) and (garbage collector). */
function summariseProfile(p: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): void {
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms) continue;
    const url = n.callFrame.url ? new URL(n.callFrame.url).pathname : `(${n.callFrame.functionName || 'native'})`;
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log('\nCPU self time by script (ms, 4× throttled):');
  for (const [u, ms] of top(byUrl, 12)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${u}`);
  console.log('heaviest functions:');
  for (const [f, ms] of top(byFn, 25)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${f}`);
}

function usedBytes(size: number, ranges: { startOffset: number; endOffset: number; count: number }[]): number {
  // Ranges nest: later (inner) ranges override outer ones.
  const used = new Uint8Array(size);
  for (const r of ranges) used.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, size));
  let n = 0;
  for (const b of used) n += b;
  return n;
}

/**
 * One throttled load with a DevTools timeline trace: the main thread's time until the first screen by
 * kind of work (parse HTML, compile and run scripts, style, layout, paint), and its longest tasks.
 */
async function trace(server: ServerProcess, session: Awaited<ReturnType<typeof residentSession>>): Promise<void> {
  const b = browser as Exclude<typeof browser, string>;
  let events: TraceEvent[] = [];
  const file = path.join(profileDir!, 'first-screen.trace.json');
  const one = await loadFirstScreen(b, server.url, session, true, {
    async before(_cdp, page) {
      await b.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8'] });
    },
    async after() {
      events = (JSON.parse((await b.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    },
  });
  console.log(`\ntraced load: interactive ${Math.round(one.interactive)} ms`);
  const main = mainThread(events);
  const tasks = events.filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid && e.name === 'RunTask' && e.dur);
  const t0 = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
  // Self time per event name among the main thread's complete events (nested events subtract from their parent).
  const xs = events.filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid && e.dur).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push(e);
  }
  console.log('main thread self time by kind (ms):');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
  console.log('longest tasks (start ms from navigation: duration, what is in them):');
  for (const t of [...tasks].sort((a, b) => b.dur! - a.dur!).slice(0, 5)) {
    const inside = new Map<string, number>();
    for (const e of xs) if (e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && stackDepthOne(e, t, xs)) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur! / 1000);
    const what = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ');
    console.log(`  ${((t.ts - t0) / 1000).toFixed(0).padStart(6)}: ${(t.dur! / 1000).toFixed(0)} ms (${what})`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of a complete event, µs */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The renderer whose main thread ran the most: the page's.
  let best = named[0];
  let most = -1;
  for (const n of named) {
    const busy = events.filter((e) => e.pid === n.pid && e.tid === n.tid && e.ph === 'X').reduce((a, e) => a + (e.dur ?? 0), 0);
    if (busy > most) [best, most] = [n, busy];
  }
  return { pid: best.pid, tid: best.tid };
}

/** Whether e is a direct child of the task t (no event between them). */
function stackDepthOne(e: TraceEvent, t: TraceEvent, xs: TraceEvent[]): boolean {
  return !xs.some((p) => p !== e && p !== t && p.dur! > e.dur! && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.ts >= t.ts && p.ts + p.dur! <= t.ts + t.dur!);
}
