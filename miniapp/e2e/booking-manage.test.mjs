// 预约's management pages in a real browser, on the H5 test build (dist/h5-test): the committee (黄丽华) creates an item
// on 新建服务, adds a slot for tomorrow on 排班与时段; a resident (王秀英) books it; the committee stops that slot with a
// reason, confirming a dialog that says one booking is cancelled and its holder told; the resident's booking is
// cancelled and the notice with the reason is in her 我的消息. On 编辑服务 the committee takes volunteer hours (30 minutes) and
// switches the item off and on; on 排班与时段 it moves a slot to the next day, and the resident's booking follows. Tomorrow 10:00 local: inside the default 7-day window
// whenever the test runs, and never in the past.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { apiAs, devUserId, enterAs, phonePage, RESULTS_DIR, startBrowser, startTestBuildServer } from './harness.mjs'

const COMMITTEE = '黄丽华'
const RESIDENT = '王秀英'
const ITEM = '书画体验课'
const REASON = '老师身体不适，改期另行通知'
const BEIJING = 480 * 60_000

/** Tomorrow in the community (UTC+8), as the date strip names it. */
async function waitUntil(check, ms = 5000) {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

function tomorrowLocal(now = Date.now()) {
  return new Date(now + BEIJING + 86_400_000).toISOString().slice(0, 10)
}

describe('预约 management: the committee creates an item in the app, adds a slot, stops it with a booking on it; the resident is told (H5 test build)', { timeout: 300_000 }, () => {
  let server
  let browser
  let page
  let serviceId
  let slotId
  let resident

  const front = () => page.locator('.taro_page:visible').last()
  const shot = async (name) => {
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(RESULTS_DIR, `booking-manage-${name}.png`), fullPage: true })
  }
  const open = async (route) => {
    await page.goto(`${server.base}/#/${route}`)
    await page.waitForLoadState('networkidle')
  }

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startTestBuildServer()
    browser = (await startBrowser()).browser
    page = await phonePage(browser)
    await page.goto(`${server.base}/`)
    await enterAs(page, server.base, COMMITTEE)
    resident = await apiAs(server.base, await devUserId(server.base, RESIDENT))
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it(`${COMMITTEE} creates ${ITEM} from 预约管理 → 新建服务项目 and lands on its schedule`, async () => {
    await open('provider/slots/index')
    await front().locator('.provider__new').click()
    await page.waitForURL(/provider\/service\/index/)
    await front().locator('.chip', { hasText: '文体' }).click()
    await front().locator('.provider-form__name input').fill(ITEM)
    await front().locator('.provider-form__place input').fill('社区活动室（二楼）')
    await front().locator('.provider-form__description textarea').fill('社区书画老师带大家体验毛笔字')
    await shot('01-new-item')
    await front().locator('.provider-form__save').click()
    await page.waitForURL(/provider\/schedule\/index\?serviceId=\d+/)
    serviceId = Number(new URL(page.url().replace('#/', '')).searchParams.get('serviceId'))
    const item = await resident(`/api/services/${serviceId}`)
    assert.equal(item.name, ITEM)
    assert.equal(item.family, 'culture')
    assert.equal(item.provider.kind, 'community')
  })

  it('adds a slot tomorrow 10:00–11:00 with 5 places; the resident books it', async () => {
    const day = tomorrowLocal()
    await front().locator(`.date-strip__day[data-date="${day}"]`).click()
    await front().getByText('这一天没有时段').waitFor()
    await front().locator('.new-slot__start input').fill('10:00')
    await front().locator('.new-slot__end input').fill('11:00')
    await front().locator('.new-slot__capacity input').fill('5')
    await front().locator('.new-slot__add').click()
    await front().getByTestId('schedule-message').getByText('已添加时段', { exact: false }).waitFor()
    const slots = await resident(`/api/services/${serviceId}/slots?from=${day}&to=${day}`)
    assert.equal(slots.length, 1)
    assert.equal(slots[0].startsAt, new Date(Date.parse(`${day}T10:00:00Z`) - BEIJING).toISOString(), '10:00 in the community is 02:00 UTC')
    assert.equal(slots[0].capacity, 5)
    slotId = slots[0].id
    await resident('/api/bookings', { method: 'POST', body: { slotId }, headers: { 'Idempotency-Key': `manage-e2e-${slotId}` } })
    // the page shows the booking once read again (the provider pulls to refresh or reopens the day)
    await front().locator(`.date-strip__day[data-date="${tomorrowLocal(Date.now() - 86_400_000)}"]`).click()
    await front().locator(`.date-strip__day[data-date="${day}"]`).click()
    await front().locator(`[data-slot="${slotId}"]`).getByText('已约1/5').waitFor()
  })

  it('编辑服务: the committee accepts volunteer hours at 30 minutes, switches the item off (the resident no longer finds it) and on again', async () => {
    await open(`provider/service/index?id=${serviceId}`)
    await front().locator('.provider-form__name input').waitFor()
    await front().locator('.chip', { hasText: '接受兑换' }).click()
    await front().locator('.provider-form__hoursPrice input').fill('30')
    await front().locator('.provider-form__save').click()
    await waitUntil(async () => (await resident(`/api/services/${serviceId}`)).hoursPrice === 30)
    await front().locator('.provider-form__toggle-active').click()
    await page.locator('.nut-dialog').getByText('已有的预约不受影响', { exact: false }).waitFor()
    await page.locator('.nut-dialog-footer-ok').click()
    await front().getByTestId('active-message').getByText('已停用', { exact: false }).waitFor()
    await shot('05-item-off')
    await assert.rejects(resident(`/api/services/${serviceId}`), /404/)
    await front().locator('.provider-form__toggle-active', { hasText: '重新启用' }).click()
    await page.locator('.nut-dialog-footer-ok').click()
    await front().getByTestId('active-message').getByText('已重新启用', { exact: false }).waitFor()
    assert.equal((await resident(`/api/services/${serviceId}`)).active, true)
    // back to 排班与时段 on tomorrow, where the next case stops the slot
    await open(`provider/schedule/index?serviceId=${serviceId}`)
    await front().locator(`.date-strip__day[data-date="${tomorrowLocal()}"]`).click()
    await front().locator(`[data-slot="${slotId}"]`).getByText('已约1/5').waitFor()
  })

  it('stops the slot: the dialog says one booking is cancelled and told; the resident\'s booking is cancelled and the notice is in 我的消息', async () => {
    const card = front().locator(`[data-slot="${slotId}"]`)
    await card.locator('.slot__close').click()
    await card.getByText('将取消本时段的1个预约（含候补），每位预约人都会收到通知。').waitFor()
    await card.locator('.slot__reason input').fill(REASON)
    await card.locator('.slot__close-save').click()
    const dialog = page.locator('.nut-dialog')
    await dialog.getByText('取消1个预约（含候补）。每位预约人都会收到通知和原因。', { exact: false }).waitFor()
    await shot('02-close-confirm')
    await page.locator('.nut-dialog-footer-ok').click()
    await front().getByTestId('schedule-message').getByText('已停止服务，已通知每位预约人', { exact: false }).waitFor()
    await front().locator(`[data-slot="${slotId}"]`).getByText(`已停止：${REASON}`).waitFor()
    await shot('03-closed')

    const { items } = await resident('/api/bookings?scope=mine&page=1&pageSize=20')
    const mine = items.find((b) => b.slot.id === slotId)
    assert.ok(mine, 'her booking of the slot')
    assert.equal(mine.status, 'cancelled')

    await enterAs(page, server.base, RESIDENT)
    await open('pages/messages/index')
    await front().locator('.message', { hasText: REASON }).first().waitFor()
    await shot('04-resident-notice')
  })

  it('调整时间 to another day: a slot the day after tomorrow moves a day later; the resident\'s booking follows and she is told', async () => {
    const from = tomorrowLocal(Date.now() + 86_400_000)
    const to = tomorrowLocal(Date.now() + 2 * 86_400_000)
    const committee = await apiAs(server.base, await devUserId(server.base, COMMITTEE))
    const made = await committee(`/api/services/${serviceId}/slots`, { method: 'POST', body: { startsAt: new Date(Date.parse(`${from}T09:00:00Z`) - BEIJING).toISOString(), endsAt: new Date(Date.parse(`${from}T10:00:00Z`) - BEIJING).toISOString(), capacity: 5 } })
    const booking = await resident('/api/bookings', { method: 'POST', body: { slotId: made.id }, headers: { 'Idempotency-Key': `manage-e2e-${made.id}` } })
    await enterAs(page, server.base, COMMITTEE)
    await open(`provider/schedule/index?serviceId=${serviceId}`)
    await front().locator(`.date-strip__day[data-date="${from}"]`).click()
    const card = front().locator(`[data-slot="${made.id}"]`)
    await card.locator('.slot__move').click()
    await card.locator('.slot__move-date input').fill(to)
    await card.locator('.slot__move-start input').fill('15:00')
    await card.locator('.slot__move-end input').fill('16:00')
    await card.locator('.slot__reason input').fill('讲师改期到后一天')
    await card.locator('.slot__move-save').click()
    await page.locator('.nut-dialog').getByText(`调整到 ${to} 15:00–16:00`, { exact: false }).waitFor()
    await shot('06-move-another-day')
    await page.locator('.nut-dialog-footer-ok').click()
    await front().getByTestId('schedule-message').getByText('已通知每位预约人', { exact: false }).waitFor()
    const moved = await resident(`/api/bookings/${booking.id}`)
    assert.equal(moved.slot.date, to)
    assert.equal(moved.slot.startsAt, new Date(Date.parse(`${to}T15:00:00Z`) - BEIJING).toISOString())
    const { items } = await resident('/api/notifications?pageSize=50')
    assert.ok(items.some((n) => n.type === 'booking_moved' && n.bookingId === booking.id && n.body.includes('讲师改期到后一天')), 'she is told of the move')
  })
})
