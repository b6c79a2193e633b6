/**
 * npm run bench: Linli measured against its own floors (docs/performance.md).
 *
 *   BENCH_SIZES=10000,100000,1000000   ticket counts of the seeded databases (seeded once, then reused)
 *   BENCH_ONLY=api,grid,escalation,durability,miniapp,export,rush,ledger,vote   (export: the largest size only; rush, ledger, vote: their own databases)
 *   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306
 *
 * Prints the table and writes it, with every raw figure, to bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runApiScenarios, type ApiRow } from './api.js';
import { runDurability, type DurabilityResult } from './durability.js';
import { runEscalation, type EscalationResult } from './escalation.js';
import { runExport, type ExportResult } from './export.js';
import { runGridLookup, type GridResult } from './grid.js';
import { runLedgerImport, type LedgerResult } from './ledger.js';
import { runVoteBench, type VoteBenchResult } from './vote.js';
import { label, log, RESULTS_DIR, seededDatabase } from './lib.js';
import { h5FirstScreen, weappPackages } from './miniapp.js';
import { runRushOnItsOwn, type RushResult } from './rush.js';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map((s) => Number(s.replaceAll('_', '')));
const only = new Set((process.env.BENCH_ONLY ?? 'api,grid,escalation,durability,miniapp,export,rush,vote').split(','));
const amounts = { create: Number(process.env.BENCH_CREATES ?? 3000), read: Number(process.env.BENCH_READS ?? 5000), stats: Number(process.env.BENCH_STATS ?? 30) };
const largest = Math.max(...sizes);
const smallest = Math.min(...sizes);
fs.mkdirSync(RESULTS_DIR, { recursive: true });

const started = new Date();
const apiRows: ApiRow[] = [];
const rss: { size: number; idleMb: number; peakMb: number }[] = [];
const seeds: { size: number; seconds: number }[] = [];
let grid: GridResult | null = null;
let escalation: EscalationResult | null = null;
let durability: DurabilityResult | null = null;
let exported: ExportResult | null = null;
let ledger: LedgerResult | null = null;
let vote: VoteBenchResult | null = null;
let rush: (RushResult & { seedSeconds: number }) | null = null;
let packages: Awaited<ReturnType<typeof weappPackages>> = null;
let h5: Awaited<ReturnType<typeof h5FirstScreen>> = null;

const failures: string[] = [];
/** A scenario that fails is reported in the table; the others still run. */
async function attempt<T>(what: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (e) {
    log(`${what} failed: ${(e as Error).stack ?? e}`);
    failures.push(`${what}: ${(e as Error).message.split('\n')[0].slice(0, 300)}`);
    return null;
  }
}

for (const size of sizes) {
  if (!only.has('api') && !(only.has('grid') && size === smallest) && !(only.has('miniapp') && size === smallest) && !(only.has('export') && size === largest)) continue;
  const seeded = await attempt(`seeding ${label(size)}`, () => seededDatabase(size));
  if (!seeded) continue;
  const { db, seedSeconds } = seeded;
  if (seedSeconds !== null) seeds.push({ size, seconds: seedSeconds });
  if (only.has('grid') && size === smallest) grid = await attempt('grid lookup', () => runGridLookup(db));
  if (only.has('miniapp') && size === smallest) {
    packages = await attempt('WeChat package', () => weappPackages());
    h5 = await attempt('H5 first screen', () => h5FirstScreen(db));
  }
  if (only.has('api')) {
    const r = await attempt(`API scenarios at ${label(size)}`, () => runApiScenarios(db, size, amounts));
    if (r) {
      apiRows.push(...r.rows);
      rss.push({ size, idleMb: r.idleRssMb, peakMb: r.peakRssMb });
    }
  }
  if (only.has('export') && size === largest) exported = await attempt(`export at ${label(size)}`, () => runExport(db));
}
if (only.has('escalation')) escalation = await attempt('escalation', () => runEscalation());
if (only.has('durability')) durability = await attempt('durability', () => runDurability());
if (only.has('rush')) rush = await attempt('08:00 booking rush', () => runRushOnItsOwn());
if (only.has('ledger')) ledger = await attempt('ledger import', () => runLedgerImport());
if (only.has('vote')) vote = await attempt('vote', () => runVoteBench());

// ───────────────────────────── the table ─────────────────────────────

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const lines: string[] = [];
const row = (...cells: string[]) => {
  if (cells.length === 9) cells.splice(7, 0, ''); // rows other than the API scenarios have no CPU split
  lines.push(`| ${cells.join(' | ')} |`);
};

lines.push('| scenario | tickets | clients | Linli: req/s · p50 · p99 (ms) · errors | floor: req/s · p50 · p99 (ms) | Linli / floor | SQL per request | CPU ms per request: Linli (API · MariaDB · load) / floor (MariaDB · client) | target | met |');
lines.push('| --- | --: | --: | --- | --- | --- | --: | --- | --- | --- |');
const p50At = (scenario: string, size: number) => apiRows.find((r) => r.scenario === scenario && r.size === size)?.api.p50 ?? NaN;
for (const r of apiRows) {
  const ours = `${f0(r.api.rps)} · ${f1(r.api.p50)} · ${f1(r.api.p99)} · ${r.api.errors + r.api.non2xx}`;
  const fl = `${f0(r.floor.rps)} · ${f1(r.floor.p50)} · ${f1(r.floor.p99)}`;
  let ratio = '';
  let target = '';
  let met = '';
  if (r.scenario.startsWith('create')) {
    const q = r.api.rps / r.floor.rps;
    ratio = `throughput ${f2(q)}`;
    target = '≥ 0.60 of the floor, 0 errors';
    met = q >= 0.6 && r.api.errors + r.api.non2xx === 0 ? 'yes' : 'NO';
  } else if (r.scenario.startsWith('stats')) {
    ratio = `p50 ${f1(r.api.p50 / r.floor.p50)}×`;
    const first = apiRows.find((x) => x.scenario === r.scenario && x.size === smallest);
    const growth = first && r.size !== smallest ? `; ${f1(r.api.p50 / first.api.p50)}× the time for ${f1(ticketsOf(r) / ticketsOf(first))}× the tickets` : '';
    ratio += growth;
    target = r.size === largest ? '< 200 ms at 1 M; grows ≤ the community’s tickets' : '';
    met = r.size === largest ? (r.api.p50 < 200 && (!first || r.api.p50 / first.api.p50 <= Math.max(1.5, ticketsOf(r) / ticketsOf(first))) ? 'yes' : 'NO') : '';
  } else {
    const q = r.api.rps / r.floor.rps;
    ratio = `p50 ${f1(r.api.p50 / r.floor.p50)}×, throughput ${f2(q)}`;
    target = 'throughput ≥ 0.50 of the floor, 0 errors';
    met = q >= 0.5 && r.api.errors + r.api.non2xx === 0 ? 'yes' : 'NO';
    if (r.size === largest && largest !== smallest) ratio += `; p50 ${label(largest)}/${label(smallest)} = ${f2(p50At(r.scenario, largest) / p50At(r.scenario, smallest))}`;
  }
  const cpu = `${f1(r.api.cpu?.server ?? NaN)} · ${f1(r.api.cpu?.db ?? NaN)} · ${f1(r.api.cpu?.client ?? NaN)} / ${f1(r.floor.cpu?.db ?? NaN)} · ${f1(r.floor.cpu?.client ?? NaN)}`;
  row(r.scenario + (r.note ? ` (${r.note})` : ''), label(r.size), String(r.connections), ours, fl, ratio, f1(r.statements), cpu, target, met);
  if (r.openLoop) {
    const o = r.openLoop;
    const q = o.api.p99 / o.floor.p99;
    row(
      `${r.scenario}, open loop at ${o.ratePerSecond} req/s (0.7 of the floor's saturation), ${o.requests} requests`,
      label(r.size),
      'open',
      `p50 ${f1(o.api.p50)} · p99 ${f1(o.api.p99)} · max ${f0(o.api.max)} · failed ${o.api.failed} (client lag ≤ ${f1(o.api.sendLagMs)} ms)`,
      `p50 ${f1(o.floor.p50)} · p99 ${f1(o.floor.p99)} · max ${f0(o.floor.max)}`,
      `p99 ${f1(q)}×`,
      '',
      'p99 within 1.5× of the floor’s, 0 failed',
      q <= 1.5 && o.api.failed === 0 ? 'yes' : 'NO',
    );
  }
}
function ticketsOf(r: ApiRow): number {
  return Number(/([\d,]+) tickets/.exec(r.note ?? '')?.[1].replaceAll(',', '') ?? NaN);
}
if (grid) {
  row(
    `grid lookup, ${grid.grids} grids (GridLocator.locateLoaded)`,
    '',
    '1',
    `${f2(grid.indexUs)} µs per lookup (${grid.lookups.toLocaleString('en')} lookups)`,
    `linear scan: ${f1(grid.scanUs)} µs per lookup`,
    `${f0(grid.scanUs / grid.indexUs)}× faster than the scan; ${grid.mismatches} disagreements`,
    '',
    '< 100 µs per lookup',
    grid.indexUs < 100 && grid.mismatches === 0 ? 'yes' : 'NO',
  );
}
if (escalation) {
  const e = escalation;
  row(
    `escalation sweeper, ${e.due.toLocaleString('en')} due at once, ${e.processes} processes sweeping every ${e.sweepIntervalMs / 1000} s`,
    '10k + due',
    '',
    `${e.escalated.toLocaleString('en')} escalated; lag after deadline p50 ${f1(e.p50LagS)} s, max ${f1(e.maxLagS)} s; ${e.twice} twice`,
    '',
    '',
    '',
    'all within 60 s, each exactly once',
    e.escalated === e.due && e.twice === 0 && e.maxLagS <= 60 ? 'yes' : 'NO',
  );
}
if (durability) {
  const d = durability;
  row(
    'durability: kill -9 under create load, restart',
    '10k',
    '20',
    `${d.answered201} answered 201 of ${d.submits} submits (${d.retriedAfterKill} retried with their key after the kill)`,
    '',
    `missing ${d.missing}, without timeline ${d.withoutTimeline}, created twice ${d.duplicates}, never answered ${d.unanswered}`,
    '',
    'every 201 exists with its timeline; none twice',
    d.missing === 0 && d.withoutTimeline === 0 && d.duplicates === 0 ? 'yes' : 'NO',
  );
}
if (only.has('miniapp')) {
  if (packages) {
    const { main, ...subs } = packages.sizes;
    row(
      'WeChat package',
      '',
      '',
      `main ${mb(main)}; ${Object.entries(subs).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`,
      'WeChat limit 2 MB',
      `main = ${f2(main / (2 * 1024 * 1024))} of the limit`,
      '',
      'main < 1.5 MB',
      main < 1.5 * 1024 * 1024 ? 'yes' : 'NO',
    );
  } else row('WeChat package', '', '', 'not measured: no miniapp/dist/weapp build', '', '', '', 'main < 1.5 MB', '–');
  if (h5 && typeof h5 === 'object') {
    row(
      'H5 first screen, Fast 3G + 4× CPU',
      '',
      '1',
      `interactive ${f0(h5.interactiveMs)} ms (load event ${f0(h5.loadEventMs)} ms); ${h5.requests} requests, ${mb(h5.bytes)} transferred, ${h5.files.filter((x) => !x.encoding).length} of ${h5.files.length} responses uncompressed; largest ${h5.files.slice(0, 3).map((x) => `${x.path} ${(x.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
      `unthrottled: ${f0(h5.unthrottledMs)} ms`,
      `${f1(h5.interactiveMs / h5.unthrottledMs)}× the unthrottled time`,
      '',
      'interactive < 2.5 s',
      h5.interactiveMs < 2500 ? 'yes' : 'NO',
    );
  } else row('H5 first screen', '', '', `not measured: ${h5 ?? 'no miniapp/dist/h5 build'}`, '', '', '', 'interactive < 2.5 s', '–');
}
if (ledger) {
  const l = ledger;
  const all = l.dryRunSeconds + l.confirmSeconds;
  row(
    `ledger import (台账), CSV of ${l.households.toLocaleString('en')} households`,
    `${l.rows.toLocaleString('en')} rows`,
    '1',
    `dry run ${f1(l.dryRunSeconds)} s, confirm ${f1(l.confirmSeconds)} s (${l.added.toLocaleString('en')} added), the same file again ${f1(l.againSeconds)} s (${l.againUnchanged.toLocaleString('en')} unchanged); ${mb(l.bytes)}`,
    `the rows split and INSERTed once: ${f1(l.floorSeconds)} s`,
    `dry run + confirm = ${f1(all / l.floorSeconds)}× the floor`,
    '',
    `server: idle ${f0(l.idleRssMb)} MB, peak ${f0(l.peakRssMb)} MB; target dry run < 10 s, confirm < 60 s, peak < 600 MB`,
    l.dryRunSeconds < 10 && l.confirmSeconds < 60 && l.peakRssMb < 600 && l.added === l.rows && l.againUnchanged === l.rows ? 'yes' : 'NO',
  );
}
if (rush) {
  const r = rush;
  const other = Object.entries(r.api.other).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  row(
    `预约 08:00 rush: ${r.residents.toLocaleString('en')} residents for ${r.capacity} places within 1 s (open loop)`,
    '',
    'open',
    `p50 ${f1(r.api.p50)} · p99 ${f1(r.api.p99)} · max ${f0(r.api.max)}; ${r.api.booked} booked, ${r.api.full} SLOT_FULL, other ${other} (client lag ≤ ${f1(r.api.sendLagMs)} ms)`,
    `mysql2, UPDATE … taken < capacity + INSERT: p50 ${f1(r.floor.p50)} · p99 ${f1(r.floor.p99)} · ${r.floor.booked} booked`,
    `p99 ${f1(r.api.p99 / r.floor.p99)}×; overbooked ${r.overbooked} (floor ${r.floor.overbooked})`,
    '',
    'overbooked 0; exactly the capacity booked, the rest SLOT_FULL',
    r.overbooked === 0 && r.api.booked === r.capacity && r.api.full === r.residents - r.capacity ? 'yes' : 'NO',
  );
}
if (vote) {
  const v = vote;
  const ok = v.statuses['200'] === v.ballots;
  row(
    `居民表决: ballots of a community-wide vote (${v.roll.toLocaleString('en')} households on the roll)`,
    `${v.ballots.toLocaleString('en')} ballots`,
    `${v.rate}/s open loop`,
    `p50 ${f0(v.p50)} ms, p99 ${f0(v.p99)} ms (${v.statuses['200'] ?? 0} answered 200${Object.keys(v.codes).length ? `, refused: ${JSON.stringify(v.codes)}` : ''}; sender lag ${f0(v.sendLagMs)} ms); the vote opened with its roll in ${f1(v.openSeconds)} s`,
    `mysql2, the ballot's transaction at the same rate: p50 ${f0(v.floorP50)} ms, p99 ${f0(v.floorP99)} ms`,
    `p99 ${f1(v.p99 / v.floorP99)}× the floor`,
    '',
    'p99 < 200 ms, every ballot 200',
    v.p99 < 200 && ok ? 'yes' : 'NO',
  );
  row(
    '居民表决: the close (tallyVote over the roll and the ballots)',
    `${v.roll.toLocaleString('en')} roll, ${v.turnout.toLocaleString('en')} cast`,
    '1',
    `${f2(v.closeSeconds)} s (${v.passed ? 'passed' : 'not passed'})`,
    `read roll and ballots with mysql2 and tally in process: ${f2(v.tallyFloorSeconds)} s`,
    `${f1(v.closeSeconds / v.tallyFloorSeconds)}× the floor`,
    '',
    'close < 2 s',
    v.closeSeconds < 2 ? 'yes' : 'NO',
  );
}
for (const m of rss) {
  row(`server memory`, label(m.size), '', `idle ${f0(m.idleMb)} MB, peak ${f0(m.peakMb)} MB under the load above`, '', '', '', 'peak < 400 MB', m.peakMb < 400 ? 'yes' : 'NO');
}
if (exported) {
  const e = exported;
  for (const f of e.formats) {
    row(
      `export tickets.${f.format} (district officer, every ticket)`,
      label(e.tickets),
      '1',
      `${f1(f.seconds)} s, ${mb(f.bytes)}${f.rows !== null ? `, ${f.rows.toLocaleString('en')} rows` : ''}`,
      `one streamed SELECT: ${f1(e.floorSeconds)} s`,
      `${f1(f.seconds / e.floorSeconds)}× the floor`,
      '',
      'streams: peak < 400 MB',
      e.peakRssMb < 400 ? 'yes' : 'NO',
    );
  }
  row('server memory (exports)', label(e.tickets), '', `idle ${f0(e.idleRssMb)} MB, peak ${f0(e.peakRssMb)} MB over both exports`, '', '', '', 'peak < 400 MB', e.peakRssMb < 400 ? 'yes' : 'NO');
}
if (escalation) row('server memory (sweeper)', '', '', `peak ${f0(escalation.peakRssMb)} MB`, '', '', '', 'peak < 400 MB', escalation.peakRssMb < 400 ? 'yes' : 'NO');

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
const header = [
  `Linli bench, ${started.toISOString()} (${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min)`,
  `machine: ${machine}`,
  `sizes: ${sizes.map(label).join(', ')} tickets; requests per scenario: create ${amounts.create}, reads ${amounts.read}, stats ${amounts.stats}`,
  ...seeds.map((s) => `seeded ${label(s.size)} tickets in ${f0(s.seconds)} s`),
  '',
];
const table = [...header, ...lines, ...(failures.length ? ['', 'FAILED:', ...failures.map((f) => `- ${f}`)] : [])].join('\n');
console.log(table);
const stamp = started.toISOString().replace(/[:.]/g, '-');
fs.writeFileSync(path.join(RESULTS_DIR, `bench-${stamp}.md`), table + '\n');
fs.writeFileSync(path.join(RESULTS_DIR, `bench-${stamp}.json`), JSON.stringify({ started, machine, sizes, amounts, seeds, apiRows, rss, grid, escalation, durability, exported, ledger, vote, packages, h5, rush }, null, 2));
log(`written to ${path.relative(process.cwd(), RESULTS_DIR)}/bench-${stamp}.{md,json}`);
process.exit(failures.length ? 1 : 0);
