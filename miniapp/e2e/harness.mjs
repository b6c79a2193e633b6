// Starts the real server (embedded SQLite, demo data) serving the H5 build, and a headless Chromium at phone size.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat } from './fake-wechat.mjs'

const MINIAPP = fileURLToPath(new URL('..', import.meta.url))
const ROOT = join(MINIAPP, '..')
export const SERVER_MAIN = join(ROOT, 'server', 'dist', 'main.js')
export const H5_DIR = join(MINIAPP, 'dist', 'h5')
/** The H5 test build (`build:h5:test`): WeChat login and phone codes in the fake WeChat's format. */
export const H5_TEST_DIR = join(MINIAPP, 'dist', 'h5-test')
export const RESULTS_DIR = join(MINIAPP, 'test-results')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHealth(base, child, ms = 60_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error('server did not become healthy in time')
}

/**
 * `h5Dir` and `env` for a server in another set-up (e.g. the H5 test build and a fake WeChat). `dataDir`: the
 * database and uploads of a server stopped with `keepData`, for a restart (e.g. with its clock moved).
 */
export async function startServer({ h5Dir = H5_DIR, env: extraEnv = {}, dataDir: reuse } = {}) {
  for (const [what, path] of [['server build', SERVER_MAIN], ['H5 build', join(h5Dir, 'index.html')]]) {
    if (!existsSync(path)) throw new Error(`${what} missing at ${path}: run "npm run build" and "npm run build:h5 -w miniapp" (or build:h5:test) first`)
  }
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'linli-e2e-'))
  const port = await freePort()
  const env = { ...process.env, PORT: String(port), SQLITE_PATH: join(dataDir, 'linli.sqlite'), UPLOAD_DIR: join(dataDir, 'uploads'), H5_DIR: h5Dir, NODE_ENV: 'development', LOG_LEVEL: 'warn' }
  delete env.DATABASE_URL
  delete env.WECHAT_APPID
  Object.assign(env, extraEnv)
  const child = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(base, child)
  } catch (err) {
    child.kill()
    throw new Error(`${err.message}\n${log.slice(-3000)}`)
  }
  return {
    base,
    dataDir,
    log: () => log,
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A phone 375 px wide, the narrowest the app is drawn for (the accessibility rules measure there). */
export const PHONE_375 = { width: 375, height: 812 }

/**
 * The H5 test build served by a server whose WeChat calls go to a fake WeChat; the dev login stays for tests.
 * `env` adds settings (e.g. NODE_ENV=test with the test-only CLOCK_OFFSET_MS); `dataDir` restarts on a kept database.
 */
export async function startTestBuildServer({ env = {}, dataDir } = {}) {
  const wechat = await startFakeWechat()
  const server = await startServer({
    h5Dir: H5_TEST_DIR,
    env: { WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_BASE_URL: wechat.baseUrl, DEV_LOGIN: 'true', ...env },
    dataDir,
  })
  return {
    ...server,
    async stop(options) {
      await server.stop(options)
      await wechat.close()
    },
  }
}

export async function startBrowser({ viewport = { width: 390, height: 844 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  return { browser, context }
}

/** A small real PNG (a 64×48 gradient) to upload as the photo of a matter. */
export function writeTestPhoto(dir) {
  const width = 64
  const height = 48
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3
      raw[i] = 40 + x * 3
      raw[i + 1] = 120 + y * 2
      raw[i + 2] = 200
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'photo.png')
  writeFileSync(file, png)
  return file
}

/** The API, as a given user (for reading what the test must know, never for doing what the UI should do). */
export async function apiAs(base, userId) {
  const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
  const { token } = await res.json()
  return async (path, { method = 'GET', body, headers = {} } = {}) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
}

/** A page at the size of a common phone (375×812), with the app's own errors printed. */
export async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.log(`# page error: ${err.message}`))
  return page
}

/**
 * A demo user's session (from the dev login) put where the app keeps it: the H5 test build logs in through WeChat
 * only, so staff of the demo seed enter this way. The page must already be on the app's origin.
 */
export async function enterAs(page, base, name) {
  const users = await (await fetch(`${base}/api/auth/dev-users`)).json()
  const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: users.find((u) => u.name === name).id }) })
  const login = await res.json()
  await page.evaluate((session) => {
    localStorage.setItem('linli.session', JSON.stringify({ data: session }))
  }, { token: login.token, expiresAt: login.expiresAt, receivedAt: new Date().toISOString(), user: login.user })
}


/** A demo person's id by name (the dev login's list). */
export async function devUserId(base, name) {
  const users = await (await fetch(`${base}/api/auth/dev-users`)).json()
  const user = users.find((u) => u.name === name)
  if (!user) throw new Error(`no demo user ${name}`)
  return user.id
}

/**
 * 预约 for the pages that show a booking: the demo seed's bookings are other residents', so unless the resident has one,
 * she books the first slot with a place of an item she may book, through the API as the app would.
 */
export async function ensureBookingDemo(base, { resident = '王秀英' } = {}) {
  const me = await apiAs(base, await devUserId(base, resident))
  if ((await me('/api/bookings?scope=mine&page=1&pageSize=1')).total > 0) return
  for (const item of await me('/api/services')) {
    if (!(await me(`/api/services/${item.id}`)).canBook) continue // e.g. 60 and over: the seed has no birth year for her
    const slot = (await me(`/api/services/${item.id}/slots`)).find((s) => s.open && s.placesLeft > 0 && !s.myBooking)
    if (!slot) continue
    await me('/api/bookings', { method: 'POST', body: { slotId: slot.id }, headers: { 'Idempotency-Key': `a11y-demo-${slot.id}` } })
    return
  }
  throw new Error(`no open slot with a place in ${resident}'s community`)
}
