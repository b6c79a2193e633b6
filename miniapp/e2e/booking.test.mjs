// 预约 in a real browser, on the H5 test build (dist/h5-test) and a server whose WeChat calls go to a fake WeChat:
// 李建国 books the last place of a slot; 王秀英 is told it is full and joins the waiting list; 李建国 cancels; 王秀英 is
// promoted, finds the notice in 我的消息 and confirms; the committee (the provider of a community-office item) checks her
// in by typing her code (H5 has no scanCode); she rates the service; then she asks for help with one tap and her grid
// worker 赵敏 books an item for residents of 60 and over for her from his 代办 list, and for 赵德海 (born 1941, 独居老人,
// no WeChat account) from the grid's special-care list.
// The committee adds two items of its own with slots timed for the test through the API first (the app has no page to
// create items; the demo seed's catalogue has no one-place slot starting in minutes), and imports the demo ledger (server/src/seed/demo-ledger.csv: birth years, 赵德海) as the
// ledger test does through its pages. The first slot starts 25 minutes from now: check-in is already open (30 minutes before), the
// 10-minute cancellation cut-off is 15 minutes away. Near local midnight the server's test-only clock (CLOCK_OFFSET_MS)
// is moved to 10:00 of the next day so that no slot crosses days.
// Needs the booking server (GET /api/services): without it every step is skipped and says why.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apiAs, devUserId, enterAs, phonePage, RESULTS_DIR, startBrowser, startTestBuildServer } from './harness.mjs'

const COMMITTEE = '黄丽华'
const FIRST = '李建国'
const SECOND = '王秀英'
const WORKER = '赵敏'
const ITEM = '长者健康讲座'
const SECOND_ITEM = '长者助餐点订餐'
/** In the demo ledger: born 1941, 独居老人, in 青和居1栋 (赵敏's grid), never logged in. */
const ELDER = '赵德海'
const DEMO_LEDGER = fileURLToPath(new URL('../../server/src/seed/demo-ledger.csv', import.meta.url))
const BEIJING = 480 * 60_000
const MINUTE = 60_000

/** The server's clock offset: none, unless the slots (up to 2 hours ahead) would cross local midnight. */
function clockOffset(now = Date.now()) {
  const local = new Date(now + BEIJING)
  const minutesToMidnight = 24 * 60 - (local.getUTCHours() * 60 + local.getUTCMinutes())
  if (minutesToMidnight > 130) return 0
  const tomorrowTen = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 10) - BEIJING
  return tomorrowTen - now
}

describe('预约: book the last place, the waiting list, cancel and promote, check in by code, rate, 代办 for an elder without WeChat (H5 test build)', { timeout: 300_000 }, () => {
  let server
  let browser
  let offset = 0
  let served = false
  let slot
  let laterSlot
  let code
  const pages = {}

  const shot = async (page, name) => {
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(RESULTS_DIR, `booking-${name}.png`), fullPage: true })
  }
  /** Taro keeps the pages below in the DOM: look only at the one in front. */
  const front = (page) => page.locator('.taro_page:visible').last()
  const open = async (page, route) => {
    await page.goto(`${server.base}/#/${route}`)
    await page.waitForLoadState('networkidle')
  }
  const person = async (name) => {
    const page = await phonePage(browser)
    await page.goto(`${server.base}/`)
    await enterAs(page, server.base, name)
    pages[name] = page
    return page
  }
  /** The committee's import of the demo ledger, dry run then confirm (the ledger test does it through its pages). */
  const importLedger = async (token) => {
    const send = async (fields) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.append(k, String(v))
      form.append('file', new Blob([readFileSync(DEMO_LEDGER)], { type: 'text/csv' }), 'demo-ledger.csv')
      const res = await fetch(`${server.base}/api/ledger/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
      if (!res.ok) throw new Error(`ledger import: ${res.status} ${await res.text()}`)
      return res.json()
    }
    const plan = await send({ communityId: 1, dryRun: true })
    await send({ communityId: 1, dryRun: false, planHash: plan.planHash })
  }
  const needsServer = (t) => {
    if (!served) t.skip('the server does not serve GET /api/services yet (issue 12 server)')
    return !served
  }

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    offset = clockOffset()
    server = await startTestBuildServer({ env: offset ? { NODE_ENV: 'test', CLOCK_OFFSET_MS: String(offset) } : {} })
    // Unauthenticated: 401 where the route exists, 404 where it does not.
    served = (await fetch(`${server.base}/api/services`)).status !== 404
    if (served) {
      // What the provider's back office sets up (no page for it in the app): an item of 关爱 with two slots.
      const committeeId = await devUserId(server.base, COMMITTEE)
      const staff = await apiAs(server.base, committeeId)
      const login = await (await fetch(`${server.base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: committeeId }) })).json()
      await importLedger(login.token)
      const body = { communityId: 1, family: 'care', place: '社区活动室', eligibility: ['residents'], advanceDays: 7, cancelCutoffMinutes: 10, perPersonLimit: 2, perHouseholdLimit: 4 }
      const item = await staff('/api/services', { method: 'POST', body: { ...body, name: ITEM, description: '社区医生讲冬季慢病防护', duration: '约30分钟' } })
      const now = Date.now() + offset
      const at = (minutes) => new Date(Math.ceil((now + minutes * MINUTE) / MINUTE) * MINUTE).toISOString()
      slot = await staff(`/api/services/${item.id}/slots`, { method: 'POST', body: { startsAt: at(25), endsAt: at(55), capacity: 1 } })
      const second = await staff('/api/services', { method: 'POST', body: { ...body, eligibility: ['residents', 'age_60_plus'], name: SECOND_ITEM, place: '社区长者食堂', description: '午餐11:30开餐' } })
      laterSlot = await staff(`/api/services/${second.id}/slots`, { method: 'POST', body: { startsAt: at(90), endsAt: at(120), capacity: 10 } })
    }
    browser = (await startBrowser()).browser
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it(`${FIRST} opens 预约服务 from 首页 and books the last place of the slot`, async (t) => {
    if (needsServer(t)) return
    const page = await person(FIRST)
    await open(page, 'pages/index/index')
    await front(page).locator('.home__entry--services').click()
    await page.waitForURL(/pages\/services\/index/)
    await front(page).locator('.chip', { hasText: '关爱' }).click()
    await front(page).locator('.service-card', { hasText: ITEM }).click()
    await page.waitForURL(/pages\/service\/index/)
    const row = front(page).locator(`.slot[data-slot="${slot.id}"]`)
    assert.match(await row.innerText(), /剩余1个（共1个）/)
    await shot(page, '01-resident-slots')
    await row.locator('.slot__book').click()
    await page.locator('.nut-dialog').getByText('开始前10分钟之前可以取消').waitFor()
    await page.locator('.nut-dialog-footer-ok').click()
    await front(page).getByTestId('booked').waitFor()
    assert.match(await front(page).getByTestId('booked').innerText(), /预约成功/)
    await front(page).locator(`.slot[data-slot="${slot.id}"]`).getByText('已约满，可候补').waitFor()
    await shot(page, '02-resident-booked')
  })

  it(`${SECOND} is told the slot is full and joins the waiting list`, async (t) => {
    if (needsServer(t)) return
    const page = await person(SECOND)
    await open(page, 'pages/services/index')
    await front(page).locator('.service-card', { hasText: ITEM }).click()
    await page.waitForURL(/pages\/service\/index/)
    const row = front(page).locator(`.slot[data-slot="${slot.id}"]`)
    await row.getByText('已约满，可候补').waitFor()
    await row.locator('.slot__book', { hasText: '候补' }).click()
    await page.locator('.nut-dialog').getByText('这个时段已约满').waitFor()
    await shot(page, '03-resident-full')
    await page.locator('.nut-dialog-footer-ok').click()
    await front(page).getByTestId('booked').waitFor()
    assert.match(await front(page).getByTestId('booked').innerText(), /已加入候补，排第1位/)
    await front(page).locator(`.slot[data-slot="${slot.id}"]`).getByText('候补第1位').waitFor()
  })

  it(`${FIRST} cancels before the cut-off in 我的预约`, async (t) => {
    if (needsServer(t)) return
    const page = pages[FIRST]
    await open(page, 'pages/mine/index')
    await front(page).locator('.mine__bookings').click()
    await page.waitForURL(/pages\/bookings\/index/)
    await front(page).locator('.booking-card', { hasText: ITEM }).click()
    await page.waitForURL(/pages\/booking\/index/)
    await front(page).getByTestId('check-in-code').waitFor()
    assert.match(await front(page).locator('.booking__cancel-rule').innerText(), /前可以取消/)
    await shot(page, '04-resident-booking-code')
    await front(page).locator('.booking__cancel').click()
    await page.locator('.nut-dialog-footer-ok').click()
    await front(page).getByTestId('booking-notice').getByText('已取消。').waitFor()
  })

  it(`${SECOND} is promoted: the notice is in 我的消息, and she confirms the place`, async (t) => {
    if (needsServer(t)) return
    const page = pages[SECOND]
    await open(page, 'pages/index/index')
    await front(page).locator('.home__entry--messages').click()
    await page.waitForURL(/pages\/messages\/index/)
    const message = front(page).locator('.message', { hasText: '候补' }).first()
    await message.waitFor()
    await shot(page, '05-resident-offer-message')
    await message.click()
    await page.waitForURL(/pages\/booking\/index/)
    await front(page).getByText('候补到位！', { exact: false }).waitFor()
    await front(page).locator('.booking__confirm').click()
    await front(page).getByTestId('booking-notice').waitFor()
    const shown = await front(page).getByTestId('check-in-code').innerText()
    code = shown.replace(/\s/g, '')
    assert.match(code, /^\d{6}$/)
    await shot(page, '06-resident-confirmed-code')
  })

  it('the provider opens the slot from 预约管理 and checks her in by typing the code; a wrong code is refused in words', async (t) => {
    if (needsServer(t)) return
    const page = await person(COMMITTEE)
    await open(page, 'pages/index/index')
    await front(page).locator('.home__entry--provider').click()
    await page.waitForURL(/provider\/slots\/index/)
    await front(page).locator('.chip', { hasText: ITEM }).click()
    await front(page).locator(`.date-strip__day[data-date="${slot.date}"]`).click()
    await front(page).locator(`.provider__slot[data-slot="${slot.id}"]`).click()
    await page.waitForURL(/provider\/roster\/index/)
    const input = front(page).locator('.roster__code-input input, input.roster__code-input').first()
    const wrong = code === '000000' ? '111111' : '000000'
    await input.fill(wrong)
    await front(page).locator('.roster__code-submit').click()
    await front(page).getByTestId('check-in-result').waitFor()
    assert.doesNotMatch(await front(page).getByTestId('check-in-result').innerText(), /签到成功/)
    await input.fill(code)
    await front(page).locator('.roster__code-submit').click()
    await front(page).getByTestId('check-in-result').getByText(`${SECOND} 签到成功`).waitFor()
    await front(page).getByTestId('roster-counts').getByText('已签到 1').waitFor()
    await shot(page, '07-provider-roster-checked-in')
  })

  it(`${SECOND} rates the service`, async (t) => {
    if (needsServer(t)) return
    const page = pages[SECOND]
    await page.reload()
    await page.waitForLoadState('networkidle')
    await front(page).locator('.rate-form__choices [data-rating="satisfied"]').click()
    await front(page).locator('.rate-form textarea').fill('医生讲得很清楚')
    await front(page).locator('.rate-form__submit').click()
    await front(page).getByTestId('booking-notice').getByText('感谢您的评价：满意').waitFor()
    await shot(page, '08-resident-rated')
  })

  it(`${SECOND} asks for help with one tap, and ${WORKER} books ${SECOND_ITEM} for her from 代办预约`, async (t) => {
    if (needsServer(t)) return
    const resident = pages[SECOND]
    await open(resident, 'pages/bookings/index')
    await front(resident).locator('.bookings__help-ask').click()
    await front(resident).getByText('已请网格员帮您预约').waitFor()

    const page = await person(WORKER)
    await open(page, 'pages/index/index')
    await front(page).locator('.home__entry--book-for').click()
    await page.waitForURL(/worker\/book-for\/index/)
    const request = front(page).locator('.book-for__person', { hasText: SECOND }).first()
    await request.waitFor()
    await shot(page, '09-worker-help-requests')
    await request.locator('.book-for__pick').click()
    await front(page).getByText(`为${SECOND}预约`).waitFor()
    await front(page).locator('.chip', { hasText: SECOND_ITEM }).click()
    const date = new Date(new Date(laterSlot.startsAt).getTime() + BEIJING).toISOString().slice(0, 10)
    await front(page).locator(`.date-strip__day[data-date="${date}"]`).click()
    await front(page).locator(`.book-for__slot[data-slot="${laterSlot.id}"] .book-for__book`).click()
    await page.locator('.nut-dialog-footer-ok').click()
    await front(page).getByTestId('book-for-done').waitFor()
    assert.match(await front(page).getByTestId('book-for-done').innerText(), new RegExp(`已为${SECOND}预约：${SECOND_ITEM}`))
    await shot(page, '10-worker-booked-for')

    // She sees it in 我的预约, booked by her grid worker.
    await open(resident, 'pages/bookings/index')
    const card = front(resident).locator('.booking-card', { hasText: SECOND_ITEM })
    await card.waitFor()
    assert.match(await card.innerText(), new RegExp(`网格员${WORKER}代您预约`))
    await shot(resident, '11-resident-booked-by-worker')
  })

  it(`${WORKER} books ${SECOND_ITEM} for ${ELDER}, who lives alone and has no WeChat, from the grid's special-care list`, async (t) => {
    if (needsServer(t)) return
    const page = pages[WORKER]
    await open(page, 'worker/book-for/index')
    const elder = front(page).locator('.book-for__person', { hasText: ELDER })
    await elder.waitFor()
    assert.match(await elder.innerText(), /独居老人/)
    await elder.locator('.book-for__pick').click()
    await front(page).getByText(`为${ELDER}预约`).waitFor()
    await front(page).locator('.chip', { hasText: SECOND_ITEM }).click()
    const date = new Date(new Date(laterSlot.startsAt).getTime() + BEIJING).toISOString().slice(0, 10)
    await front(page).locator(`.date-strip__day[data-date="${date}"]`).click()
    await front(page).locator(`.book-for__slot[data-slot="${laterSlot.id}"] .book-for__book`).click()
    await page.locator('.nut-dialog-footer-ok').click()
    await front(page).getByTestId('book-for-done').waitFor()
    assert.match(await front(page).getByTestId('book-for-done').innerText(), new RegExp(`已为${ELDER}预约：${SECOND_ITEM}`))
    // The slot's roster names him, booked by his grid worker.
    const staff = await apiAs(server.base, await devUserId(server.base, COMMITTEE))
    const roster = await staff(`/api/slots/${laterSlot.id}/roster`)
    assert.ok(roster.entries.some((e) => e.name === ELDER && e.bookedBy?.name === WORKER && e.status === 'booked'))
    await shot(page, '12-worker-booked-for-elder')
  })
})
