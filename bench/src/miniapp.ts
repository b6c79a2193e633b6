/**
 * The mini-program's two figures: the WeChat package sizes (from the weapp
 * build, as miniapp/scripts/weapp-package.mjs counts them) and the H5 app's
 * first screen in Chromium over an emulated Fast 3G link with a 4× slower CPU,
 * served by the API process as in production. Either is skipped when its
 * build is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';
import { benchSessions, dbUrl, ROOT, startServer, token } from './lib.js';

const WEAPP = path.join(ROOT, 'miniapp', 'dist', 'weapp');
const H5 = path.join(ROOT, 'miniapp', 'dist', 'h5');
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

export interface PackageResult {
  sizes: Record<string, number>;
}

export async function weappPackages(): Promise<PackageResult | null> {
  if (!fs.existsSync(path.join(WEAPP, 'app.json'))) return null;
  const { packageSizes } = await import(pathToFileURL(path.join(ROOT, 'miniapp', 'scripts', 'weapp-package.mjs')).href);
  return { sizes: packageSizes(WEAPP) };
}

export interface H5Result {
  /** ms from navigation start until the first screen has rendered and the main thread is free. */
  interactiveMs: number;
  loadEventMs: number;
  bytes: number;
  requests: number;
  /** The same page with no throttling: what the link and CPU profile cost. */
  unthrottledMs: number;
  /** What was fetched, largest first: path, bytes on the wire, whether it came compressed. */
  files: { path: string; bytes: number; encoding: string | null }[];
}

// Chrome DevTools' "Fast 3G" preset.
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };

/** A bound resident's session as the app stores it (Taro keeps `{data}` in localStorage), and their community's name. */
async function residentSession(db: string, url: string): Promise<{ 'linli.session': object; community: string }> {
  const c = await mysql.createConnection({ uri: dbUrl(db) });
  let userId: number;
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>("SELECT userId FROM household_bindings WHERE status = 'approved' ORDER BY id LIMIT 1");
    userId = rows[0].userId;
  } finally {
    await c.end();
  }
  await benchSessions(db, [userId]);
  const bearer = token(userId);
  const me = await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${bearer}` } })).json();
  return {
    'linli.session': { token: bearer, expiresAt: new Date(Date.now() + 6 * 3_600_000).toISOString(), receivedAt: new Date().toISOString(), user: { id: me.id, name: me.name, phone: me.phone, roles: me.roles } },
    community: me.community.name,
  };
}

/** What one load of 首页 took, with the resource timings and long tasks behind it (for the probe). */
export interface H5Load {
  interactive: number;
  load: number;
  bytes: number;
  requests: number;
  files: H5Result['files'];
  /** Paint and resource timings (ms from navigation start), and the main thread's long tasks before the end. */
  detail: { fcp: number | null; html: { responseEnd: number; domInteractive: number; domContentLoaded: number }; resources: { path: string; start: number; end: number }[]; longTasks: { start: number; ms: number }[] };
}

type Browser = import('playwright-core').Browser;
type Session = Awaited<ReturnType<typeof residentSession>>;

export async function launchChromium(): Promise<Browser | string> {
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return 'playwright-core is not installed';
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export { residentSession };

/**
 * Opens 首页 once in a fresh context (cold cache) as the logged-in resident, and waits until the
 * resident's community is on the screen and the main thread is free. `inspect`, when given, runs
 * with the page's DevTools session before navigation and after the first screen (CPU profile, coverage).
 */
export async function loadFirstScreen(
  browser: Browser,
  url: string,
  session: Session,
  throttled: boolean,
  inspect?: { before(cdp: import('playwright-core').CDPSession, page: import('playwright-core').Page): Promise<void>; after(cdp: import('playwright-core').CDPSession, page: import('playwright-core').Page): Promise<void> },
): Promise<H5Load> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, deviceScaleFactor: 2 });
  try {
    // Logged in, as a resident who opens the app again: the session and the privacy consent are in storage.
    await context.addInitScript((stored) => {
      for (const [key, data] of Object.entries(stored)) localStorage.setItem(key, JSON.stringify({ data }));
      const tasks: { start: number; ms: number }[] = [];
      (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no long task timing in this browser
      }
    }, { 'linli.session': session['linli.session'] });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) {
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    let bytes = 0;
    let requests = 0;
    const urls = new Map<string, { path: string; encoding: string | null }>();
    const files: H5Result['files'] = [];
    cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string; headers: Record<string, string> } }) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (e.response.url.startsWith('http')) urls.set(e.requestId, { path: new URL(e.response.url).pathname, encoding: h['content-encoding'] ?? null });
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests += 1;
      const u = urls.get(e.requestId);
      if (u && e.encodedDataLength > 0) files.push({ ...u, bytes: e.encodedDataLength }); // data: URLs cost nothing on the wire
    });
    if (inspect) await inspect.before(cdp, page);
    await page.goto(url + '/', { waitUntil: 'load', timeout: 60_000 });
    // The first screen: 首页 has mounted with the resident's own community on it (from /api/me).
    await page.waitForFunction((community) => !!document.querySelector('.taro_page') && document.body.innerText.includes(community), session.community, { timeout: 60_000, polling: 50 });
    // Interactive: the main thread answers (a task queued now runs at once).
    const timing = await page.evaluate(
      () =>
        new Promise<{ interactive: number; load: number; detail: H5Load['detail'] }>((resolve) =>
          setTimeout(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ path: new URL(r.name).pathname, start: Math.round(r.startTime), end: Math.round(r.responseEnd) }));
            const longTasks = (window as unknown as { __benchLongTasks: H5Load['detail']['longTasks'] }).__benchLongTasks;
            const html = { responseEnd: Math.round(nav.responseEnd), domInteractive: Math.round(nav.domInteractive), domContentLoaded: Math.round(nav.domContentLoadedEventEnd) };
            resolve({ interactive: performance.now(), load: nav.loadEventEnd, detail: { fcp: fcp ? Math.round(fcp.startTime) : null, html, resources, longTasks } });
          }, 0),
        ),
    );
    if (inspect) await inspect.after(cdp, page);
    return { ...timing, bytes, requests, files: files.sort((a, b) => b.bytes - a.bytes) };
  } finally {
    await context.close();
  }
}

export async function h5FirstScreen(db: string, dir = H5): Promise<H5Result | null | string> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return null;
  const browser = await launchChromium();
  if (typeof browser === 'string') return browser;
  const server = await startServer(db, { H5_DIR: dir });
  try {
    const session = await residentSession(db, server.url);
    const fast = await loadFirstScreen(browser, server.url, session, false);
    const slow = await loadFirstScreen(browser, server.url, session, true);
    return { interactiveMs: slow.interactive, loadEventMs: slow.load, bytes: slow.bytes, requests: slow.requests, unthrottledMs: fast.interactive, files: slow.files };
  } finally {
    await browser.close();
    await server.stop();
  }
}
