// Structural check of the WeChat build (dist/weapp): what WeChat's tools would refuse or what the
// platform rules require, checked without them. Run after `npm run build:weapp`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { kb, MAIN_BUDGET_BYTES, packageSizes, readAppJson, SUBPACKAGE_BUDGET_BYTES, WEAPP_DIR } from './weapp-package.mjs'

const app = readAppJson()
const subPackages = app.subPackages ?? []
const allPages = [...app.pages, ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]

test('every page listed in app.json has its .js, .json, .wxml and .wxss', () => {
  const missing = allPages.flatMap((page) => ['js', 'json', 'wxml', 'wxss'].map((ext) => `${page}.${ext}`)).filter((f) => !existsSync(join(WEAPP_DIR, f)))
  assert.deepEqual(missing, [])
})

test('the tab bar is 首页 / 报事 / 议事 / 我的 and points at main-package pages', () => {
  assert.deepEqual(
    app.tabBar.list.map((t) => t.text),
    ['首页', '报事', '议事', '我的'],
  )
  for (const t of app.tabBar.list) assert.ok(app.pages.includes(t.pagePath), `${t.pagePath} must be in the main package`)
})

test('every tab has a PNG icon and a selected one, in the package and under WeChat\'s 40 KB', () => {
  for (const t of app.tabBar.list) {
    for (const icon of [t.iconPath, t.selectedIconPath]) {
      assert.match(icon ?? '', /\.png$/, `${t.text}: ${icon}`)
      const file = join(WEAPP_DIR, icon)
      assert.ok(existsSync(file), `${file} is in the build`)
      const bytes = readFileSync(file)
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG', `${icon} is a PNG`)
      assert.ok(bytes.length < 40 * 1024, `${icon} is ${bytes.length} bytes`)
    }
    assert.notEqual(t.iconPath, t.selectedIconPath, `${t.text}: the selected icon differs`)
  }
})

test('role pages are subpackages: worker, committee, provider and owners (业委会)', () => {
  assert.deepEqual(subPackages.map((p) => p.root).sort(), ['committee', 'owners', 'provider', 'worker'])
  for (const p of subPackages) {
    assert.ok(p.pages.length > 0, `${p.root} has pages`)
    for (const page of app.pages) assert.ok(!page.startsWith(`${p.root}/`), `${page} is in the main package but under ${p.root}/`)
  }
})

test('privacy: __usePrivacyCheck__, requiredPrivateInfos for chooseLocation, a location permission text', () => {
  assert.equal(app.__usePrivacyCheck__, true)
  assert.ok(app.requiredPrivateInfos?.includes('chooseLocation'))
  assert.ok(app.permission?.['scope.userLocation']?.desc?.length > 0)
})

test('the privacy sheet with an agreePrivacyAuthorization button is compiled into the app', () => {
  const code = ['base.wxml', 'app.js', 'common.js', 'vendors.js'].filter((f) => existsSync(join(WEAPP_DIR, f))).map((f) => readFileSync(join(WEAPP_DIR, f), 'utf8')).join('\n')
  assert.match(code, /agreePrivacyAuthorization/)
  assert.match(code, /onNeedPrivacyAuthorization/)
})

test(`the main package stays under ${kb(MAIN_BUDGET_BYTES)}, each subpackage under ${kb(SUBPACKAGE_BUDGET_BYTES)}`, () => {
  const sizes = packageSizes()
  for (const [name, bytes] of Object.entries(sizes)) console.log(`# package ${name}: ${kb(bytes)}`)
  assert.ok(sizes.main < MAIN_BUDGET_BYTES, `main package is ${kb(sizes.main)}`)
  for (const p of subPackages) assert.ok(sizes[p.root] < SUBPACKAGE_BUDGET_BYTES, `${p.root} is ${kb(sizes[p.root])}`)
})

test('onboarding: the legal, profile, binding and data pages are in the main package, committee review in its subpackage', () => {
  for (const page of ['pages/legal/index', 'pages/profile/index', 'pages/bind/index', 'pages/mydata/index']) assert.ok(app.pages.includes(page), page)
  const committee = subPackages.find((p) => p.root.replace(/\/$/, '') === 'committee')
  assert.ok(['bindings/index', 'claims/index', 'holds/index'].every((p) => committee.pages.includes(p)))
})

test("WeChat's own phone and avatar buttons and nickname input are compiled in", () => {
  const code = ['base.wxml', 'app.js', 'common.js', 'vendors.js', 'pages/profile/index.js'].filter((f) => existsSync(join(WEAPP_DIR, f))).map((f) => readFileSync(join(WEAPP_DIR, f), 'utf8')).join('\n')
  assert.match(code, /getPhoneNumber/)
  assert.match(code, /chooseAvatar/)
  assert.match(code, /nickname/)
})

test('议事: the resident pages are in the main package, the committee pages in its subpackage', () => {
  for (const page of ['pages/deliberation/index', 'pages/topic/index', 'pages/topic-new/index', 'pages/vote/index', 'pages/results/index']) assert.ok(app.pages.includes(page), page)
  const committee = subPackages.find((p) => p.root.replace(/\/$/, '') === 'committee')
  for (const page of ['topics/index', 'topic/index', 'vote-roll/index']) assert.ok(committee.pages.includes(page), page)
})

test('预约: the resident pages in the main package, the roster and check-in in provider/, 代办 in worker/, scanCode compiled in', () => {
  for (const page of ['pages/services/index', 'pages/service/index', 'pages/bookings/index', 'pages/booking/index']) assert.ok(app.pages.includes(page), page)
  const provider = subPackages.find((p) => p.root.replace(/\/$/, '') === 'provider')
  for (const page of ['slots/index', 'roster/index', 'figures/index', 'service/index', 'schedule/index']) assert.ok(provider.pages.includes(page), page)
  const worker = subPackages.find((p) => p.root.replace(/\/$/, '') === 'worker')
  assert.ok(worker.pages.includes('book-for/index'))
  assert.match(readFileSync(join(WEAPP_DIR, 'provider/roster/index.js'), 'utf8'), /scanCode/)
})

test('台账: the ledger pages are in the committee subpackage, and the import picks files from chats', () => {
  const committee = subPackages.find((p) => p.root.replace(/\/$/, '') === 'committee')
  for (const page of ['ledger/index', 'ledger-import/index', 'ledger-household/index', 'ledger-care/index']) assert.ok(committee.pages.includes(page), page)
  assert.ok(!app.pages.some((p) => p.includes('ledger')), 'no ledger page in the main package')
  const code = ['common.js', 'vendors.js', 'committee/ledger-import/index.js'].filter((f) => existsSync(join(WEAPP_DIR, f))).map((f) => readFileSync(join(WEAPP_DIR, f), 'utf8')).join('\n')
  assert.match(code, /chooseMessageFile/)
})

test('accessibility reaches WeChat: view and text templates carry aria-role and aria-label under the names the runtime gives them', async () => {
  const { createRequire } = await import('node:module')
  const require = createRequire(import.meta.url)
  // The runtime's short names for props, as the WeChat build's runtime computes them: Taro's components, WeChat's, ours.
  const shared = require('@tarojs/shared')
  shared.mergeInternalComponents(require('@tarojs/plugin-platform-weapp/dist/runtime-utils.js').components)
  shared.mergeInternalComponents(require('../config/aria-components.json'))
  const alias = shared.getComponentsAlias(shared.internalComponents)
  const wxml = readFileSync(join(WEAPP_DIR, 'base.wxml'), 'utf8')
  for (const tag of ['view', 'text']) {
    const name = alias[tag]
    const tags = wxml.match(new RegExp(`<${tag} [^>]*>`, 'g')) ?? []
    const named = tags.filter((t) => t.includes(`aria-role="{{i.${name.ariaRole}}}"`) && t.includes(`aria-label="{{i.${name.ariaLabel}}}"`))
    assert.ok(named.length > 0, `<${tag}> templates pass aria-role and aria-label on to WeChat`)
  }
  const views = wxml.match(/<view [^>]*>/g) ?? []
  assert.ok(views.some((t) => t.includes(`aria-checked="{{i.${alias.view.ariaChecked}}}"`)), '<view> templates pass aria-checked on')
})

test('the pages give roles and spoken names: buttons, choices in groups, the progress summary, labelled switches', () => {
  const code = ['common.js', 'app.js', 'pages/index/index.js', 'pages/report/index.js', 'pages/mine/index.js']
    .filter((f) => existsSync(join(WEAPP_DIR, f)))
    .map((f) => readFileSync(join(WEAPP_DIR, f), 'utf8'))
    .join('\n')
  for (const role of ['button', 'radio', 'radiogroup', 'img']) assert.match(code, new RegExp(`ariaRole:"${role}"`), `role ${role}`)
  // The minifier writes Chinese as \\u escapes.
  const escaped = (text) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
  for (const label of ['报事类别', '办理进度', '适老化模式', '匿名公示', '楼栋：绑定住址后可选，点击去绑定住址', '地图选点：']) assert.ok(code.includes(label) || code.includes(escaped(label)), `spoken name ${label}`)
})
