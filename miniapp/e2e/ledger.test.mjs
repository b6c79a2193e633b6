// 台账 in a real browser, on the H5 test build (dist/h5-test) and a server whose WeChat calls go to a fake WeChat:
// a committee member imports the demo ledger kept in the repository (server/src/seed/demo-ledger.csv), corrects the
// one rejected row's 10-digit phone in the app and confirms; then 刘德明, imported with phone 13900009001, logs in as a
// new WeChat user, proves that phone and is already bound to his flat, with nobody approving anything.
// Needs the ledger server (POST /api/ledger/import): without it every step is skipped and says why.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { enterAs, phonePage, RESULTS_DIR, startBrowser, startTestBuildServer } from './harness.mjs'

const DEMO_LEDGER = fileURLToPath(new URL('../../server/src/seed/demo-ledger.csv', import.meta.url))
const COMMITTEE = '黄丽华'
/** The demo file's row 10 (孙桂芝) has the 10-digit 1390700106; the committee types the right number. */
const REJECTED_ROW = 10
const FIXED_PHONE = '13907001006'
/** 刘德明, owner of 青和居1栋2单元301 in the demo file, not in the demo seed. */
const IMPORTED_PHONE = '13900009001'

describe('台账: a committee imports the demo ledger, an imported resident logs in already bound (H5 test build)', { timeout: 240_000 }, () => {
  let server
  let browser
  let page
  let served = false

  const screenshot = async (name) => {
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(RESULTS_DIR, `ledger-${name}.png`), fullPage: true })
  }
  const open = async (route) => {
    await page.goto(`${server.base}/#/${route}`)
    await page.waitForLoadState('networkidle')
  }
  const needsServer = (t) => {
    if (!served) t.skip('the server does not serve POST /api/ledger/import yet (issue 10 server)')
    return !served
  }
  /** Text of one count of the report (新增, 变更, 不变, 有问题). */
  const count = (kind) => page.locator(`.ledger-counts__item--${kind} .ledger-counts__value`).innerText()

  before(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true })
    server = await startTestBuildServer()
    // Unauthenticated: 401 where the route exists, 404 where it does not.
    served = (await fetch(`${server.base}/api/ledger/import`, { method: 'POST' })).status !== 404
    const started = await startBrowser()
    browser = started.browser
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the committee member previews the demo file: 12 rows to add, row 10 rejected for its phone', async (t) => {
    if (needsServer(t)) return
    page = await phonePage(browser)
    await page.goto(`${server.base}/`)
    await enterAs(page, server.base, COMMITTEE)

    await open('pages/mine/index')
    await page.locator('.mine__ledger').click()
    await page.waitForURL(/committee\/ledger\/index/)
    await page.locator('.ledger__link', { hasText: '台账导入' }).click()
    await page.waitForURL(/committee\/ledger-import\/index/)

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.ledger-import__choose').click()])
    await chooser.setFiles(DEMO_LEDGER)
    const rejected = page.locator(`.ledger-rejected[data-row="${REJECTED_ROW}"]`)
    await rejected.waitFor()
    assert.match(await rejected.innerText(), /手机号/)
    assert.match(await rejected.innerText(), /1390700106/)
    assert.deepEqual([await count('added'), await count('changed'), await count('unchanged'), await count('rejected')], ['12', '0', '0', '1'])
    await screenshot('01-dry-run')
  })

  it('corrects row 10’s phone in the app: the next dry run takes it, 13 rows to add', async (t) => {
    if (needsServer(t)) return
    const rejected = page.locator(`.ledger-rejected[data-row="${REJECTED_ROW}"]`)
    await rejected.locator('.ledger-rejected__edit').click()
    const phone = rejected.locator('.ledger-fix__cell--phone input')
    assert.equal(await phone.inputValue(), '1390700106')
    await phone.fill(FIXED_PHONE)
    await screenshot('02-fix')
    await rejected.locator('.ledger-fix__save').click()
    await rejected.waitFor({ state: 'detached' })
    assert.equal(await count('added'), '13')
    assert.equal(await count('rejected'), '0')
    await page.locator('.ledger-row', { hasText: '孙桂芝' }).waitFor()
  })

  it('confirms after the confirmation dialog: the ledger is written and the households list shows it', async (t) => {
    if (needsServer(t)) return
    await page.locator('.ledger-import__confirm').click()
    // 青和居3栋 has no 3单元601 in the seed: the one flat the file makes.
    await page.locator('.nut-dialog').getByText('将新增 13 人、变更 0 人、新建 1 户（请核对门牌）。确认后一次写入台账。').waitFor()
    await screenshot('03-confirm')
    await page.locator('.nut-dialog-footer-ok').click()
    await page.locator('.ledger-import__done').getByText('新增 13 人，变更 0 人，不变 0 人。').waitFor()
    await screenshot('04-done')

    // The template and the export come down as files (a browser saves them; WeChat opens them in its viewer).
    for (const [button, name] of [['.ledger-import__template', '台账导入模板.xlsx'], ['.ledger-import__export', '社区台账.xlsx']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()])
      assert.equal(download.suggestedFilename(), name)
      const bytes = readFileSync(await download.path())
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${name} is an xlsx (a zip)`)
    }

    await page.locator('.ledger-import__households').click()
    await page.waitForURL(/committee\/ledger\/index/)
    // Taro keeps the pages below in the DOM (hidden): only the one in front counts.
    const flat = page.locator('.ledger-household:visible', { hasText: '2单元301' }).filter({ hasText: '青和居1栋' })
    await flat.waitFor()
    await flat.click()
    await page.waitForURL(/committee\/ledger-household\/index/)
    const owner = page.locator('.ledger-member', { hasText: '刘德明' })
    await owner.waitFor()
    assert.match(await owner.innerText(), /139\*{4}9001/)
    assert.match(await owner.innerText(), /未登录小程序/)
    await screenshot('05-household')
    await page.context().close()
  })

  it('刘德明 logs in as a new WeChat user, proves 13900009001 and is already bound to 青和居1栋2单元301', async (t) => {
    if (needsServer(t)) return
    page = await phonePage(browser) // a phone that has never logged in: a new WeChat user
    await open('pages/login/index')
    await page.locator('.login .actions taro-button-core', { hasText: /微信一键登录|重试/ }).click()
    await page.locator('.privacy-sheet').waitFor()
    await page.locator('.privacy-sheet__consent').click()
    await page.locator('#privacy-agree').click()
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('.home__step').getByText('第一步：绑定住址').waitFor() // a new WeChat user: nobody yet

    await open('pages/profile/index')
    await page.locator('.profile__test-phone input').fill(IMPORTED_PHONE)
    await page.locator('.profile__test-phone taro-button-core').click()
    await page.getByText('139****9001（已验证）').waitFor()

    await open('pages/mine/index')
    await page.locator('.mine__home-status').getByText('青和居1栋2单元301（已认证）').waitFor()
    await screenshot('06-resident-bound')
    await open('pages/index/index')
    await page.locator('.home__entries').first().waitFor()
    assert.equal(await page.locator('.home__step:visible').count(), 0, 'no missing step: the ledger bound him')
  })
})
