// 预约's management pages in a real browser, on the H5 test build (dist/h5-test): the committee (黄丽华) creates an item
// on 新建服务, adds a slot for tomorrow on 排班与时段; a resident (王秀英) books it; the committee stops that slot with a
// reason, confirming a dialog that says one booking is cancelled and its holder told; the resident's booking is
// cancelled and the notice with the reason is in her 我的消息. Tomorrow 10:00 local: inside the default 7-day window
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
})
