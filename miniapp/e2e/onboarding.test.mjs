// Finding one's home in a real browser at 375 px, on the release H5 build with demo users (the server on this
// branch has the binding endpoints; consent, WeChat login and the phone need issue 9's server and the H5 test build):
// a resident waiting for approval sees the missing step → the committee approves in 住户审核 → the resident is bound
// → another resident walks community → building → household and asks. The privacy policy reads at 375 px.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { apiAs, RESULTS_DIR, startBrowser, startServer } from './harness.mjs'

const WAITING = '陈小明' // the demo seed leaves his binding request pending
const COMMITTEE = '黄丽华'
const MOVER = '王秀英'

describe('finding one\'s home in the H5 build (375 px)', { timeout: 180_000 }, () => {
  let server
  let browser
  let page
  let users

  const screenshot = async (name) => {
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(RESULTS_DIR, `onboarding-${name}.png`) })
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
  /** Nothing wider than the phone: no element of the page in front reaches past 375 px (Taro's page clips, so scrollWidth would not tell). */
  const fitsWidth = async () => {
    const over = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect()
          return r.width > 0 && r.height > 0 && r.right > 375.5
        })
        .map((el) => el.className || el.tagName)
        .slice(0, 5),
    )
    assert.deepEqual(over, [], 'nothing reaches past 375 px')
  }
  const idOf = (name) => users.find((u) => u.name === name).id

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startServer()
    const started = await startBrowser()
    browser = started.browser
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    page = await context.newPage()
    page.on('pageerror', (err) => console.log(`# page error: ${err.message}`))
    users = await (await fetch(`${server.base}/api/auth/dev-users`)).json()
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the privacy policy lists each piece of data with how long it is kept, readable at 375 px', async () => {
    await open('pages/legal/index?doc=policy')
    await page.getByText('邻里隐私政策').first().waitFor()
    await page.getByText('保存期限：24 小时后自动删除。').waitFor()
    await fitsWidth()
    await screenshot('01-privacy-policy')
  })

  it('a resident waiting for approval sees the step on 首页 and the status on 我的, and no error', async () => {
    await loginAs(WAITING)
    await page.locator('.home__step').getByText('住址审核中').waitFor()
    await fitsWidth()
    await screenshot('02-home-waiting')
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.locator('.mine__home-status').getByText(/审核中，居委会通过后会通知您/).waitFor()
    await fitsWidth()
    await screenshot('03-mine-waiting')
  })

  it('the committee approves the request in 住户审核, and the resident is bound', async () => {
    await loginAs(COMMITTEE)
    await open('committee/bindings/index')
    const card = page.locator('.review__item', { hasText: `申请人：${WAITING}` })
    await card.waitFor()
    await fitsWidth()
    await screenshot('04-committee-bindings')
    await card.locator('.review__approve').click()
    await page.getByText('没有待审核的绑定申请').waitFor()

    const me = await (await apiAs(server.base, idOf(WAITING)))('/api/me')
    assert.equal(me.household.bindingStatus, 'approved')
    await loginAs(WAITING)
    assert.equal(await page.locator('.home__step').count(), 0, 'no missing step once bound')
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.getByText('搬离（解除住址绑定）').waitFor()
  })

  it('a resident finds a home: community by name → building → household → the request waits for the committee', async () => {
    await loginAs(MOVER)
    await open('pages/bind/index')
    await page.locator('.bind__search input').fill('青和')
    await page.locator('.bind__choice').first().waitFor()
    await fitsWidth()
    await screenshot('05-bind-community')
    await page.locator('.bind__choice').first().click()
    await page.getByText('2. 哪一栋楼').waitFor()
    await page.locator('.bind__choice', { hasText: '青和居2栋' }).click()
    await page.getByText('3. 哪一户').waitFor()
    const household = (await page.locator('.bind__choice').first().innerText()).split('\n')[0].trim()
    await page.locator('.bind__choice').first().click()
    await page.locator('.bind__submit').waitFor()
    await fitsWidth()
    await screenshot('06-bind-submit')
    const committee = await apiAs(server.base, idOf(COMMITTEE))
    const asked = async () => (await committee('/api/bindings?status=pending')).filter((b) => b.userId === idOf(MOVER))
    assert.equal((await asked()).length, 0)
    await page.locator('.bind__submit').click()
    for (let i = 0; i < 50 && (await asked()).length === 0; i++) await page.waitForTimeout(200)
    const mine = await asked()
    assert.equal(mine.length, 1, 'one request from the resident')
    const households = await committee(`/api/places/households?buildingId=${(await committee('/api/places/buildings?communityId=' + mine[0].communityId)).find((b) => b.name === '青和居2栋').id}`)
    assert.equal(households.find((h) => h.id === mine[0].householdId)?.label, household, 'for the household picked')
  })
})
