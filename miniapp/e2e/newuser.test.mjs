// The new-user path in a real browser, on the H5 test build (dist/h5-test: WeChat codes in the fake's format) and a
// server whose WeChat calls go to a fake WeChat: consent (the box starts unticked) → WeChat login → 第一步：绑定住址 →
// community → building → household → waiting for approval → a committee member approves in 住户审核 → the resident
// logs in again (the same WeChat user), is bound, proves a phone, and reports a first matter; a second one WeChat's
// content check doubts is held, and the committee member releases it in 内容审核.
// Needs the issue-9 server (consent at login, the phone): without it every step is skipped and says why.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { enterAs, phonePage, RESULTS_DIR, startBrowser, startTestBuildServer } from './harness.mjs'

const COMMITTEE = '黄丽华'
const PHONE = '13800001111'

describe('a new WeChat user, from consent to the first report (H5 test build)', { timeout: 240_000 }, () => {
  let server
  let browser
  let page
  let issue9 = false

  const screenshot = async (name) => {
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(RESULTS_DIR, `newuser-${name}.png`) })
  }
  const open = async (route) => {
    await page.goto(`${server.base}/#/${route}`)
    await page.waitForLoadState('networkidle')
  }
  const needsIssue9 = (t) => {
    if (!issue9) t.skip('the server has no consent at login yet (issue 9 accounts work)')
    return !issue9
  }
  const wechatLogin = async () => {
    await open('pages/login/index')
    await page.locator('.login .actions taro-button-core', { hasText: /微信一键登录|重试/ }).click()
  }

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startTestBuildServer()
    const probe = await fetch(`${server.base}/api/auth/wechat-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'probe' }) })
    issue9 = (await probe.json()).code === 'CONSENT_REQUIRED'
    const started = await startBrowser()
    browser = started.browser
    page = await phonePage(browser)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('consent first: unticked, nothing happens; ticked and agreed, the WeChat login makes a new resident who sees 第一步：绑定住址', async (t) => {
    if (needsIssue9(t)) return
    await wechatLogin()
    const sheet = page.locator('.privacy-sheet')
    await sheet.waitFor()
    await screenshot('01-consent')
    await page.locator('#privacy-agree').click()
    await page.getByText('请先阅读并勾选同意').waitFor()
    assert.match(page.url(), /pages\/login\/index/, 'still on the login page')
    await page.locator('.privacy-sheet__consent').click()
    await page.locator('#privacy-agree').click()
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('.home__step').getByText('第一步：绑定住址').waitFor()
    await screenshot('02-home-first-step')
  })

  it('community → building → household, then waiting for the committee', async (t) => {
    if (needsIssue9(t)) return
    await page.locator('.home__step taro-button-core').click()
    await page.waitForURL(/pages\/bind\/index/)
    await page.locator('.bind__search input').fill('青和')
    await page.locator('.bind__choice', { hasText: '青和居社区' }).click()
    await page.locator('.bind__choice', { hasText: '青和居2栋' }).click()
    await page.getByText('3. 哪一户').waitFor()
    await page.locator('.bind__choice', { hasText: '2单元301' }).click()
    await page.locator('.bind__submit').click()
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('.home__step').getByText('住址审核中').waitFor()
    await page.waitForTimeout(500)
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.locator('.mine__home-status').getByText(/青和居2栋2单元301：审核中/).waitFor()
    await screenshot('03-mine-waiting')
  })

  it('a committee member approves the request in 住户审核', async (t) => {
    if (needsIssue9(t)) return
    await enterAs(page, server.base, COMMITTEE)
    await open('committee/bindings/index')
    const card = page.locator('.review__item', { hasText: '2单元301' })
    await card.waitFor()
    await screenshot('04-committee-approves')
    await card.locator('.review__approve').click()
    await card.waitFor({ state: 'detached' })
  })

  it('the resident logs in again as the same WeChat user, is bound, proves a phone and reports a first matter', async (t) => {
    if (needsIssue9(t)) return
    await page.evaluate(() => localStorage.removeItem('linli.session'))
    await wechatLogin() // consent is kept: no sheet this time
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('.home__entries').first().waitFor()
    assert.equal(await page.locator('.home__step:visible').count(), 0, 'no missing step once approved')

    await open('pages/profile/index')
    await page.locator('.profile__test-phone input').fill(PHONE)
    await page.locator('.profile__test-phone taro-button-core').click()
    await page.getByText('138****1111（已验证）').waitFor()
    await screenshot('05-phone')

    await open('pages/report/index')
    await page.getByText('环境卫生', { exact: true }).click()
    await page.locator('.report__description textarea').fill('2栋楼下垃圾桶满溢，已经两天没人清运')
    await page.locator('.report__building', { hasText: '青和居2栋' }).waitFor()
    await page.locator('.report__submit').click()
    await page.getByText('报事成功').waitFor()
    await screenshot('06-first-report')
  })

  it('a text WeChat doubts is held; the committee member reads it in 内容审核 and releases it', async (t) => {
    if (needsIssue9(t)) return
    const held = '单元门禁坏了，门上还贴了待审的小广告'
    // Still on the first report's 报事成功: 继续报事 clears the form for the next.
    await page.locator('taro-button-core', { hasText: '继续报事' }).click()
    await page.locator('.nut-dialog').waitFor({ state: 'hidden' })
    // Another category: a second 环境卫生 matter nearby would be offered 附议 instead.
    await page.getByText('设施损坏', { exact: true }).click()
    await page.locator('.report__description textarea').fill(held)
    await page.locator('.report__building', { hasText: '青和居2栋' }).waitFor()
    await page.locator('.report__submit').click()
    await page.getByText('报事成功').waitFor()

    await enterAs(page, server.base, COMMITTEE)
    await open('committee/holds/index')
    const card = page.locator('.review__item', { hasText: held })
    await card.waitFor()
    // The first report passed WeChat's check: it is not here.
    assert.equal(await page.locator('.review__item', { hasText: '垃圾桶满溢' }).count(), 0)
    await screenshot('07-held-text')
    await card.locator('.review__approve').click()
    await page.locator('taro-button-core', { hasText: '确认放行' }).click()
    await card.waitFor({ state: 'detached' })
    const token = JSON.parse(await page.evaluate(() => localStorage.getItem('linli.session'))).data.token
    const holds = await (await fetch(`${server.base}/api/content-holds?communityId=1`, { headers: { authorization: `Bearer ${token}` } })).json()
    assert.equal(holds.items.some((h) => h.text === held), false, 'released on the server too')
  })
})
