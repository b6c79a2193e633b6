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

test('the tab bar is 首页 / 报事 / 我的 and points at main-package pages', () => {
  assert.deepEqual(
    app.tabBar.list.map((t) => t.text),
    ['首页', '报事', '我的'],
  )
  for (const t of app.tabBar.list) assert.ok(app.pages.includes(t.pagePath), `${t.pagePath} must be in the main package`)
})

test('role pages are subpackages: worker and committee', () => {
  assert.deepEqual(subPackages.map((p) => p.root).sort(), ['committee', 'worker'])
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

test('台账: the ledger pages are in the committee subpackage, and the import picks files from chats', () => {
  const committee = subPackages.find((p) => p.root.replace(/\/$/, '') === 'committee')
  for (const page of ['ledger/index', 'ledger-import/index', 'ledger-household/index', 'ledger-care/index']) assert.ok(committee.pages.includes(page), page)
  assert.ok(!app.pages.some((p) => p.includes('ledger')), 'no ledger page in the main package')
  const code = ['common.js', 'vendors.js', 'committee/ledger-import/index.js'].filter((f) => existsSync(join(WEAPP_DIR, f))).map((f) => readFileSync(join(WEAPP_DIR, f), 'utf8')).join('\n')
  assert.match(code, /chooseMessageFile/)
})
