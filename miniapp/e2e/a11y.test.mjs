// Accessibility of every page (e2e/pages.mjs) for every role, in normal and in elder mode (适老化), on the H5 test
// build at a 375 px phone: axe-core finds no serious or critical violation; text is at least 14 px (elder mode:
// 18 px); every tap target is at least 44 × 44 px, and in elder mode the main controls at least 60 × 60 px.
// Every problem found is printed with its page, role and mode before the test fails. A screenshot of each page in
// each mode lands in miniapp/test-results/a11y/.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { apiAs, ensureBookingDemo, PHONE_375, RESULTS_DIR, startBrowser, startTestBuildServer, writeTestPhoto } from './harness.mjs'
import { PAGES, PEOPLE } from './pages.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core')

const MODES = {
  normal: { minText: 14, minTarget: 44, minMain: 44 },
  elder: { minText: 18, minTarget: 44, minMain: 60 },
}
/**
 * The main controls, which elder mode makes at least 60 × 60 px (MIIT 适老化): primary and large buttons, the
 * entries and 随手拍 on 首页, and the tab bar's items.
 */
const MAIN_CONTROLS = '.nut-button--primary, .nut-button--large, .btn--primary, .home__entry, .home__snap, .weui-tabbar__item'

/** Runs in the page: text below `minText`, tap targets below their minimum. Hidden pages of Taro's stack are skipped. */
function measure({ minText, minTarget, minMain, mainControls }) {
  const visible = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 3).join('.') : ''
    return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''} «${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 16)}»`
  }
  const smallText = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) {
    const node = walker.currentNode
    const el = node.parentElement
    if (!node.nodeValue.trim() || !el || ['STYLE', 'SCRIPT'].includes(el.tagName) || !visible(el)) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const box = range.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < minText) smallText.push(`${size}px ${describe(el)}`)
  }
  const roles = ['button', 'link', 'tab', 'switch', 'checkbox', 'radio', 'menuitem', 'option']
  // NutUI's tags and steps listen for taps whether or not the app does: they are not targets.
  const isTarget = (el) =>
    (Boolean(el.__events?.click) && !el.matches('.nut-tag, .nut-step')) || // a tap handler (Taro's H5 components keep theirs here)
    ['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT', 'TARO-BUTTON-CORE'].includes(el.tagName) ||
    roles.includes(el.getAttribute('role')) ||
    el.matches(mainControls)
  const smallTargets = []
  for (const el of document.querySelectorAll('body *')) {
    if (!isTarget(el) || !visible(el)) continue
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    const min = el.matches(mainControls) ? minMain : minTarget
    if (box.width < min - 0.5 || box.height < min - 0.5) smallTargets.push(`${Math.round(box.width)}×${Math.round(box.height)} < ${min} ${describe(el)}`)
  }
  return { smallText, smallTargets }
}

describe('accessibility of every page, every role, normal and elder mode (H5 test build, 375 px)', { timeout: 600_000 }, () => {
  let server
  let browser
  let page
  let users
  let visits = 0

  before(async () => {
    mkdirSync(join(RESULTS_DIR, 'a11y'), { recursive: true })
    // Every person logs in twice per mode (the page's session and the test's API) from one address, within a minute
    // when few pages are swept (A11Y_PAGES): more than the login limit allows a real client.
    server = await startTestBuildServer({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '200' } })
    await ensureBookingDemo(server.base)
    users = await (await fetch(`${server.base}/api/auth/dev-users`)).json()
    const started = await startBrowser({ viewport: PHONE_375 })
    browser = started.browser
    page = await started.context.newPage()
    page.on('pageerror', (err) => console.log(`# page error: ${err.message}`))
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** Logs in as `who` the way the app keeps a session (the H5 test build logs in through WeChat only), elder mode on or off. */
  const enter = async (who, mode) => {
    const name = PEOPLE[who]
    let session = null
    if (name) {
      const user = users.find((u) => u.name === name)
      assert.ok(user, `demo user ${name}`)
      const res = await fetch(`${server.base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.id }) })
      const login = await res.json()
      session = { token: login.token, expiresAt: login.expiresAt, receivedAt: new Date().toISOString(), user: login.user }
    }
    await page.goto(`${server.base}/?visit=${++visits}`)
    await page.evaluate(
      ({ session, elder }) => {
        localStorage.clear()
        if (session) localStorage.setItem('linli.session', JSON.stringify({ data: session }))
        localStorage.setItem('linli.elderMode', JSON.stringify({ data: elder }))
      },
      { session, elder: mode === 'elder' },
    )
    return name ? await apiAs(server.base, users.find((u) => u.name === name).id) : null
  }

  /** A fresh load of the page (a new query string), so Taro's stack holds only it; then settled. */
  const visit = async (route) => {
    await page.goto(`${server.base}/?visit=${++visits}#/${route}`)
    await page.waitForLoadState('networkidle')
    await page.locator('[data-testid="loading"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {})
    await page.waitForTimeout(300)
    assert.ok(page.url().includes(`#/${route.split('?')[0]}`), `${route} opened (now at ${page.url()})`)
  }

  it('a keyboard reaches and presses what a finger taps: Tab to a 首页 entry, Enter opens it; Space picks a filter', async () => {
    await enter('resident', 'normal')
    await visit('pages/index/index')
    const board = page.locator('.home__entry--board')
    assert.equal(await board.getAttribute('role'), 'button')
    for (let i = 0; i < 30 && !(await board.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    assert.ok(await board.evaluate((el) => el === document.activeElement), 'Tab reaches 公示栏')
    await page.keyboard.press('Enter')
    await page.waitForURL(/pages\/board\/index/)

    await visit('pages/tickets/index')
    const chip = page.locator('.my-tickets [role="radio"]', { hasText: '已办结' })
    assert.equal(await chip.getAttribute('aria-checked'), 'false')
    await chip.focus()
    await page.keyboard.press(' ')
    await page.waitForFunction(() => document.querySelector('.my-tickets [role="radio"][aria-checked="true"]')?.textContent?.includes('已办结'))
  })

  /** axe-core's serious and critical findings and the size checks on the page as it stands, as lines to print. */
  const problemsHere = async (mode) => {
    await page.addScriptTag({ path: AXE })
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    const sizes = await page.evaluate(measure, { ...MODES[mode], mainControls: MAIN_CONTROLS })
    return {
      serious: serious.length,
      sizes,
      found: [
        ...serious.flatMap((v) => v.nodes.map((n) => `axe ${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}${n.failureSummary ? ' — ' + n.failureSummary.split('\n').slice(1).join(' ').trim() : ''}`)),
        ...sizes.smallText.map((t) => `text below ${MODES[mode].minText}px: ${t}`),
        ...sizes.smallTargets.map((t) => `tap target too small: ${t}`),
      ],
    }
  }

  it('随手拍: a report with a photo in 2 taps in the app after login (plus the camera\'s shutter and 使用照片), in elder mode; the committee sets its category and it is dispatched', async () => {
    const api = await enter('resident', 'elder')
    await visit('pages/index/index')
    let taps = 0
    const tap = async (locator) => {
      taps += 1
      await locator.click()
    }
    const chooser = page.waitForEvent('filechooser')
    await tap(page.locator('.home__snap'))
    await (await chooser).setFiles(writeTestPhoto(join(RESULTS_DIR, 'a11y'))) // in WeChat: the shutter, then 使用照片
    await page.waitForURL(/pages\/report\/index/)
    await page.locator('.report .photo-picker__item[data-status="done"]').waitFor({ timeout: 15_000 })
    await page.locator('.report__building', { hasText: '青和居1栋' }).waitFor() // the resident's building, filled in
    const building = page.locator('.report__building')
    assert.equal(await building.getAttribute('role'), 'button', 'the 楼栋 row is announced as a button')
    assert.equal(await building.getAttribute('aria-label'), '楼栋：青和居1栋，点击更换')
    await page.getByText('照片已拍好，可以直接提交').waitFor() // no category, no words needed: the community classifies it
    await page.screenshot({ path: join(RESULTS_DIR, 'a11y', 'snap-elder-report.png') })
    const onReport = await problemsHere('elder')
    assert.deepEqual(onReport.found, [], `随手拍's 报事 in elder mode:\n${onReport.found.join('\n')}`)
    const send = await page.locator('.report__snap-submit').boundingBox()
    assert.ok(send && send.y + send.height <= PHONE_375.height, '直接提交 is in sight without scrolling')
    await tap(page.locator('.report__snap-submit'))
    await page.getByText('报事成功').waitFor()
    assert.equal(taps, 2)
    const { items } = await api('/api/tickets?scope=mine&page=1&pageSize=1') // newest first: the one just sent
    const reported = await api(`/api/tickets/${items[0].id}`)
    assert.equal(reported.status, 'submitted', 'it waits in the dispatch queue')
    assert.equal(reported.category, null, 'with no category (待分类)')
    assert.equal(reported.description, '')
    assert.equal(reported.photoUrls.length, 1, 'with its photo')

    // 黄丽华 (committee) finds it from the dashboard's 待分类 count (the list filtered to 只看待分类), sets the
    // category on the ticket's page; the category's routing dispatches it at once.
    const committee = await enter('committee', 'elder')
    await visit('committee/dashboard/index')
    await page.locator('.dashboard__awaiting-go').click()
    await page.waitForURL(/committee\/tickets\/index\?uncategorised=1/)
    await page.locator(`.ticket-card[data-ticket-id="${reported.id}"]`).waitFor()
    await page.waitForFunction(() => document.querySelector('.ticket-card')?.getBoundingClientRect().left < 20) // the page has slid in (16 px margin)
    await page.screenshot({ path: join(RESULTS_DIR, 'a11y', 'snap-elder-awaiting-list.png') })
    await page.locator(`.ticket-card[data-ticket-id="${reported.id}"]`).click()
    await page.waitForURL(new RegExp(`committee/ticket/index\\?id=${reported.id}`))
    await page.getByText('社区分类后派单').waitFor()
    await page.locator('.committee-ticket__categorise').click()
    await page.locator('.sheet__option', { hasText: '环境卫生' }).click()
    await page.screenshot({ path: join(RESULTS_DIR, 'a11y', 'snap-elder-categorise.png') })
    const onSheet = await problemsHere('elder')
    assert.deepEqual(onSheet.found, [], `设置类别 in elder mode:\n${onSheet.found.join('\n')}`)
    await page.locator('.sheet__confirm', { hasText: '确定设置类别' }).click()
    await page.locator('.ticket-header', { hasText: '经办人 赵敏' }).waitFor()
    const dispatched = await committee(`/api/tickets/${reported.id}`)
    assert.equal(dispatched.status, 'dispatched')
    assert.equal(dispatched.category.name, '环境卫生')
    assert.equal(dispatched.handler.name, '赵敏')
    assert.deepEqual(dispatched.timeline.map((e) => e.type), ['submitted', 'categorised', 'dispatched'])
  })

  for (const mode of Object.keys(MODES)) {
    for (const who of Object.keys(PEOPLE)) {
      // A11Y_PAGES=committee/ runs only the routes that contain it (several: committee/,pages/report); npm test runs them all.
      const only = (process.env.A11Y_PAGES ?? '').split(',')
      const pages = PAGES.filter((p) => p.who.includes(who) && only.some((part) => p.route.includes(part)))
      if (pages.length === 0) continue
      it(`${who} (${PEOPLE[who] ?? '未登录'}), ${mode} mode: ${pages.length} pages`, async () => {
        const api = await enter(who, mode)
        const problems = []
        for (const p of pages) {
          const route = `${p.route}${p.query ? await p.query(api) : ''}`
          await visit(route)
          if (p.shows) assert.ok(await page.locator(p.shows).first().isVisible(), `${route}: shows ${p.shows} (the page loaded)`)
          if (mode === 'elder') assert.ok(await page.locator('.page--elder').first().isVisible(), `${route}: elder mode is on`)
          const { serious, sizes, found } = await problemsHere(mode)
          await page.screenshot({ path: join(RESULTS_DIR, 'a11y', `${mode}-${who}-${route.replace(/[/?=]/g, '_')}.png`) })
          console.log(`# ${found.length ? 'FAIL' : 'ok  '} ${route} — ${who}, ${mode}: ${serious} serious/critical axe rules, ${sizes.smallText.length} small texts, ${sizes.smallTargets.length} small targets`)
          problems.push(...found.map((f) => `${route}: ${f}`))
        }
        for (const problem of problems) console.log(`#   ${problem}`)
        assert.deepEqual(problems, [], `${problems.length} accessibility problems for ${who} in ${mode} mode (listed above)`)
      })
    }
  }
})
