// The 报事 loop in a real browser, against the real server on the embedded database with demo data:
// a resident reports a matter with a photo → the dispatched grid worker accepts and resolves it with a note →
// the resident sees the whole timeline and rates 不满意 → the matter is reopened and back in the worker's inbox →
// the committee sees it in the dashboard figures. Screenshots of each step land in miniapp/test-results/.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { lastLocalDays } from '@linli/shared'
import { apiAs, RESULTS_DIR, startBrowser, startServer, writeTestPhoto } from './harness.mjs'

const RESIDENT = '王秀英'
const COMMITTEE = '黄丽华'
const CATEGORY = '环境卫生' // routed to the grid worker of the reporter's grid
const DESCRIPTION = `1栋东侧垃圾桶满溢三天没人清运，气味很大（e2e ${Date.now()}）`
const RESOLUTION_NOTE = '已联系保洁清运，垃圾桶已清洗消毒'

describe('报事 loop in the H5 build', { timeout: 180_000 }, () => {
  let server
  let browser
  let context
  let page
  let users
  let ticket
  let handlerName
  let shot = 0

  const screenshot = async (name) => {
    await page.waitForTimeout(500) // let the page slide in
    shot += 1
    await page.screenshot({ path: join(RESULTS_DIR, `${String(shot).padStart(2, '0')}-${name}.png`) })
  }

  const open = async (route) => {
    await page.goto(`${server.base}/#/${route}`)
    await page.waitForLoadState('networkidle')
  }

  const loginAs = async (name) => {
    await page.goto(`${server.base}/`)
    await page.evaluate(() => localStorage.clear())
    await open('pages/login/index')
    await page.locator('.login__user', { has: page.getByText(name, { exact: true }) }).click()
    await page.waitForURL(/pages\/index\/index/)
    await page.getByText(`${name}，您好`).waitFor()
  }

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startServer()
    ;({ browser, context } = await startBrowser())
    page = await context.newPage()
    page.on('pageerror', (err) => console.log(`# page error: ${err.message}`))
    users = await (await fetch(`${server.base}/api/auth/dev-users`)).json()
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a resident reports a matter with a photo, and it is dispatched to the grid worker', async () => {
    await loginAs(RESIDENT)
    await screenshot('resident-home')
    await page.locator('.taro-tabbar__tabbar').getByText('报事').click()
    await page.getByText(CATEGORY, { exact: true }).click()
    await page.locator('.report__description textarea').fill(DESCRIPTION)

    const chooser = page.waitForEvent('filechooser')
    await page.locator('.photo-picker__add').click()
    await (await chooser).setFiles(writeTestPhoto(RESULTS_DIR))
    await page.locator('.photo-picker__item[data-status="done"]').waitFor({ timeout: 15_000 })
    await page.locator('.report__building', { hasText: '青和居1栋' }).waitFor() // the resident's own building, filled in
    await page.locator('.report__categories').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await screenshot('resident-report-form')

    await page.locator('.report__submit').click()
    await page.getByText('报事成功').waitFor()
    await screenshot('resident-report-submitted')

    const mine = await (await apiAs(server.base, users.find((u) => u.name === RESIDENT).id))('/api/tickets?scope=mine&page=1&pageSize=5')
    ticket = mine.items.find((t) => t.description === DESCRIPTION)
    assert.ok(ticket, 'the matter is in the resident\'s list')
    assert.equal(ticket.status, 'dispatched')
    assert.ok(ticket.handler, 'dispatched to a handler')
    handlerName = ticket.handler.name

    await page.locator('.nut-dialog-footer-ok').click()
    await page.getByText(`经办人 ${handlerName}`).waitFor()
    assert.equal(await page.locator('.ticket-header .photo-grid__item').count(), 1, 'the photo is on the matter')
  })

  it('the dispatched grid worker accepts it and resolves it with a note', async () => {
    await loginAs(handlerName)
    await open('worker/inbox/index')
    await page.getByText(DESCRIPTION).click()
    await page.waitForURL(/worker\/ticket\/index/)
    await screenshot('worker-ticket')
    await page.locator('.worker-ticket__accept').click()
    await page.locator('.resolve-form__note textarea').fill(RESOLUTION_NOTE)
    await screenshot('worker-accepted')
    await page.locator('.resolve-form__submit').click()
    await page.locator('.ticket-header').getByText('已办结').first().waitFor()
    await page.getByText(RESOLUTION_NOTE).first().waitFor()
    await screenshot('worker-resolved')
  })

  it('the resident sees the whole timeline and rates 不满意: the matter is reopened', async () => {
    await loginAs(RESIDENT)
    await page.locator('.home__entry--messages').click()
    const message = page.locator('.message', { hasText: RESOLUTION_NOTE })
    assert.match(await message.innerText(), /您的报事已办结，请评价/)
    await screenshot('resident-messages')
    await message.click()
    await page.waitForURL(new RegExp(`pages/ticket/index\\?id=${ticket.id}`))
    const timeline = page.locator('.ticket-timeline')
    for (const step of ['居民报事', '派单', '接单处理', '办结']) await timeline.getByText(step, { exact: true }).first().waitFor()
    await timeline.getByText(RESOLUTION_NOTE).waitFor()
    await screenshot('resident-timeline')

    await page.locator('.rate-form__choices [data-rating="unsatisfied"]').click()
    await page.locator('.rate-form textarea').fill('垃圾桶还是满的')
    await screenshot('resident-rating')
    await page.locator('.rate-form__submit').click()
    const notice = page.locator('[data-testid="rate-notice"]')
    await notice.waitFor()
    assert.match(await notice.innerText(), /重办/)
    await page.locator('.ticket-timeline').getByText('不满意，重办').waitFor()
    await screenshot('resident-reopened')

    // 适老化: larger text everywhere, switched on in 我的. Back out as a person would (ticket → messages → home).
    await page.waitForTimeout(500)
    await page.goBack()
    await page.waitForURL(/pages\/messages\/index/)
    await page.waitForTimeout(500)
    await page.goBack()
    await page.waitForURL(/pages\/index\/index/)
    await page.waitForTimeout(500)
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.locator('.mine__name').waitFor()
    const before = await page.locator('.mine__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await page.locator('.mine__elder-switch').click()
    const after = await page.locator('.mine__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(after >= before * 1.25, `elder mode text ${after}px vs ${before}px`)
    await page.locator('.mine .nut-cell', { hasText: '我的报事' }).click()
    // Pages below in the stack stay in the DOM (hidden): look inside this one.
    await page.locator('.my-tickets .ticket-card', { hasText: DESCRIPTION }).waitFor()
    await screenshot('resident-elder-mode') // the next login clears storage, 适老化 included
  })

  it('the reopened matter is back in the grid worker\'s inbox', async () => {
    await loginAs(handlerName)
    await open('worker/inbox/index')
    const card = page.locator('.ticket-card', { hasText: DESCRIPTION })
    await card.waitFor()
    assert.match(await card.innerText(), /重办1次/)
    await screenshot('worker-inbox-reopened')
  })

  it('the committee sees it in the dashboard figures', async () => {
    await loginAs(COMMITTEE)
    await page.getByText('数据看板').click()
    await page.waitForURL(/committee\/dashboard/)
    const total = page.locator('[data-testid="stats-total"]')
    await total.waitFor()
    const shown = Number((await total.innerText()).match(/共(\d+)件/)[1])
    // The page shows the server's figures for the community's last 30 local days (committee/range.ts), this matter included.
    const { from, to } = lastLocalDays(30, new Date())
    const api = await apiAs(server.base, users.find((u) => u.name === COMMITTEE).id)
    const stats = await api(`/api/stats/overview?communityId=${ticket.communityId}&from=${from}&to=${to}`)
    assert.equal(shown, stats.total)
    assert.ok(stats.byStatus.dispatched >= 1, 'the reopened matter counts as dispatched again')
    const percent = (r) => (r === null ? '—' : `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`)
    for (const key of ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate']) {
      assert.match(await page.locator(`[data-rate="${key}"]`).innerText(), new RegExp(percent(stats[key]).replace('.', '\\.')))
    }
    await page.locator('.trend-chart canvas').waitFor()
    await screenshot('committee-dashboard')

    await open('committee/tickets/index')
    await page.locator('[data-status="all"]').click()
    await page.locator('.ticket-card', { hasText: DESCRIPTION }).waitFor()
    await screenshot('committee-tickets')
  })

  it('under faults a report is made once: a 503, then an answer lost with the connection, then the app closed; the draft comes back and goes under the same key', async () => {
    await loginAs(RESIDENT)
    await page.locator('.taro-tabbar__tabbar').getByText('报事').click()
    const description = `单元门禁坏了，门一直关不上（e2e 断网 ${Date.now()}）`
    await page.getByText(CATEGORY, { exact: true }).click()
    await page.locator('.report__description textarea').fill(description)
    await page.locator('.report__building', { hasText: '青和居1栋' }).waitFor()

    const keys = []
    let fault = 'db_down'
    await page.route('**/api/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      keys.push(route.request().headers()['idempotency-key'])
      if (fault === 'db_down') {
        // What every process answers while MariaDB is away (the chaos run checks the servers do).
        return route.fulfill({ status: 503, headers: { 'retry-after': '5' }, contentType: 'application/json', body: JSON.stringify({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '服务暂时连接不上数据库，请稍后再试' }) })
      }
      if (fault === 'answer_lost') {
        await route.fetch() // the server makes the matter…
        return route.abort('connectionreset') // …and the phone never hears of it
      }
      return route.continue()
    })
    await page.locator('.report__submit').click()
    await page.getByText('服务暂时连接不上数据库，请稍后再试').waitFor()
    fault = 'answer_lost'
    await page.locator('.report__submit').click()
    for (let i = 0; keys.length < 2 && i < 100; i++) await page.waitForTimeout(100)
    assert.equal(keys.length, 2, 'the second tap was sent')
    await page.waitForTimeout(1000) // the server has made the matter; the page has told the resident it is not confirmed

    // WeChat closes the mini-program; the resident opens it again later.
    fault = 'none'
    await page.reload()
    await page.waitForLoadState('networkidle')
    await page.locator('.taro-tabbar__tabbar').getByText('报事').click()
    await page.getByText('已恢复上次没有提交成功的报事').waitFor()
    assert.equal(await page.locator('.report__description textarea').inputValue(), description)
    await screenshot('resident-report-draft-restored')
    await page.locator('.report__submit').click()
    await page.getByText('报事成功').waitFor()
    await page.unroute('**/api/tickets')
    await page.locator('.nut-dialog-footer-ok').click()

    assert.equal(keys.length, 3)
    assert.equal(new Set(keys).size, 1, `one Idempotency-Key for the three submits: ${keys.join(', ')}`)
    const mine = await (await apiAs(server.base, users.find((u) => u.name === RESIDENT).id))('/api/tickets?scope=mine&page=1&pageSize=20')
    assert.equal(mine.items.filter((t) => t.description === description).length, 1, 'the matter exists once')
  })

  it('the committee dispatches a matter from the queue (派单) by hand', async () => {
    // A matter of a kind the community dispatches itself lands in the queue (reported through the API: the UI part was tested above).
    const resident = await apiAs(server.base, users.find((u) => u.name === RESIDENT).id)
    const categories = await resident('/api/categories')
    const byHand = categories.find((c) => c.routing === 'community')
    const queued = await resident('/api/tickets', {
      method: 'POST',
      headers: { 'idempotency-key': `e2e-${Date.now()}` },
      body: { categoryId: byHand.id, description: `楼道里堆了很多杂物，想请社区协调清理（e2e ${Date.now()}）`, buildingId: 1 },
    })
    assert.equal(queued.status, 'submitted')

    await loginAs(COMMITTEE)
    await open('committee/tickets/index')
    await page.getByText(queued.description).click()
    await page.waitForURL(/committee\/ticket\/index/)
    await page.locator('.committee-ticket__dispatch').click()
    await page.locator('.sheet__option', { hasText: handlerName }).click()
    await screenshot('committee-dispatch')
    await page.locator('.sheet__confirm').click()
    await page.locator('.ticket-header').getByText(`经办人 ${handlerName}`).waitFor()
    await page.locator('.ticket-header').getByText('已派单').first().waitFor()
    await screenshot('committee-dispatched')
  })

  it('lists load the next page at the end and refresh when pulled down', async () => {
    // Enough matters for a second page (20 a page): two residents, under the per-minute report limit each.
    const residents = users.filter((u) => u.summary === users.find((r) => r.name === RESIDENT).summary).slice(0, 2)
    for (const r of residents) {
      const api = await apiAs(server.base, r.id)
      for (let i = 0; i < 7; i++) {
        await api('/api/tickets', { method: 'POST', headers: { 'idempotency-key': `page-${r.id}-${i}-${Date.now()}` }, body: { categoryId: 14, description: `分页测试：第${r.id}-${i}件（e2e）`, buildingId: 1 } })
      }
    }
    await open('committee/tickets/index') // still the committee member
    await page.locator('[data-status="all"]').click()
    const cards = page.locator('.ticket-card')
    await cards.nth(19).waitFor()
    const firstPage = await cards.count()
    const scroller = page.locator('.paged-list__scroller').last()
    const nextPage = page.waitForResponse((r) => r.url().includes('/api/tickets?') && r.url().includes('page=2'))
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await nextPage
    await cards.nth(firstPage).waitFor()

    await scroller.evaluate((el) => (el.scrollTop = 0))
    const refreshed = page.waitForResponse((r) => r.url().includes('/api/tickets?') && r.url().includes('page=1'))
    const box = await scroller.boundingBox()
    const touch = await context.newCDPSession(page)
    const x = box.x + 100
    const y = box.y + 40
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
    for (let d = 20; d <= 160; d += 20) await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + d }] })
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await refreshed
    await screenshot('committee-list-refreshed')
  })
})
