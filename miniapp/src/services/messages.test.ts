import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LEDGER_FILE_ERRORS } from '../committee/ledger'
import { ERROR_MESSAGES, type ErrorMessageKey } from './messages'

/**
 * Every message the app itself shows when something goes wrong says what to do next (issue 11, "plain words").
 * The next step each one must name is written here by hand, per message: a new message needs its own line.
 */
const NEXT_STEP: Record<ErrorMessageKey, string> = {
  network: '请检查网络后再试一次',
  timeout: '请检查网络后再试一次',
  loadNetwork: '请检查网络后点“重试”',
  loadTimeout: '请检查网络后点“重试”',
  loadFailed: '请点“重试”',
  unavailable: '请过几分钟再试',
  sessionExpired: '请重新登录',
  loginFailed: '请点“重试”',
  loginConsentNeeded: '请点“重试”并勾选同意',
  privacyNotTicked: '请先阅读并勾选同意',
  demoLoginUnavailable: '请在微信中打开邻里小程序',
  wechatNetwork: '请检查网络后点“重试”',
  wechatLoginFailed: '请稍后点“重试”',
  phoneNotGiven: '请稍后再试',
  nicknameMissing: '请填写昵称',
  nicknameTooLong: '请删短一些',
  cameraUnavailable: '请在设置里允许邻里使用相机',
  albumUnavailable: '请在设置里允许邻里使用相册和相机',
  mapUnavailable: '可以改选楼栋',
  chatFileUnavailable: '请在微信聊天中先收到该文件再选择',
  tooManyPhotos: '请先删去一张再添加',
  photosUploading: '请等上传完再提交',
  photoUploadFailed: '请点击照片重试或删除',
  reportNotConfirmed: '请再点一次提交',
  bookingNotConfirmed: '请再点一次',
  bookingFailed: '请稍后再试',
  checkInFailed: '请重试',
  saveFailed: '请重试',
  actionFailed: '请重试',
  importFailed: '请重试',
  submitFailed: '请检查网络后再点一次提交',
}

function text(key: ErrorMessageKey): string {
  const m = ERROR_MESSAGES[key]
  return typeof m === 'function' ? m(9 as never) : m
}

describe("the app's own error messages say what to do next", () => {
  it('each message names its next step', () => {
    const missing = (Object.keys(ERROR_MESSAGES) as ErrorMessageKey[]).filter((k) => !text(k).includes(NEXT_STEP[k]))
    expect(missing).toEqual([])
  })

  it('every message has a next step written here', () => {
    expect(Object.keys(NEXT_STEP).sort()).toEqual(Object.keys(ERROR_MESSAGES).sort())
  })

  it('messages that take a figure put it in', () => {
    expect(ERROR_MESSAGES.tooManyPhotos(9)).toBe('最多9张照片，请先删去一张再添加')
    expect(ERROR_MESSAGES.nicknameTooLong(20)).toBe('昵称最多20个字，请删短一些')
    expect(ERROR_MESSAGES.wechatLoginFailed('login:fail auth deny')).toBe('微信登录没有成功（login:fail auth deny）。请稍后点“重试”；如果一直不行，请更新微信后再试。')
  })

  // A form's own checks and the ledger's file refusals stay beside their rule; they ask for a step too (请…).
  const ASKS = /请|可以|再试|重试|联系/

  it("the forms' own checks and the ledger's file refusals ask for a next step", () => {
    const formProblem = /(?:problem|ok: false, text):\s*(['`])((?:(?!\1).)*[\u4e00-\u9fff](?:(?!\1).)*)\1/g
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
    const texts = ['provider/schedule/index.tsx', 'provider/service/index.tsx', 'provider/roster/index.tsx', 'pages/profile/index.tsx'].flatMap((f) => [...fs.readFileSync(path.join(src, f), 'utf8').matchAll(formProblem)].map((m) => m[2]))
    expect(texts).toContain('最后一天不能早于开始日期，请改一下最后一天')
    expect(texts).toContain('签到码是6位数字，请核对后再输入')
    expect(texts.length).toBeGreaterThan(15)
    expect(texts.filter((t) => !ASKS.test(t))).toEqual([])
    expect(Object.values(LEDGER_FILE_ERRORS).filter((t) => !ASKS.test(t))).toEqual([])
  })

  it('no error text is written anywhere else in the app', () => {
    // A Chinese literal made into an Error, or standing in for a missing err.message, belongs in messages.ts.
    const scattered = /new \w*Error\([^)]*?['`][^'`]*[\u4e00-\u9fff]|message\s*(?:\|\||\?\?|:)\s*['`][^'`]*[\u4e00-\u9fff]/
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
    const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== path.join('services', 'messages.ts'))
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap((f) =>
      fs
        .readFileSync(path.join(src, f), 'utf8')
        .split('\n')
        .filter((line) => scattered.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    )
    expect(found).toEqual([])
  })
})
