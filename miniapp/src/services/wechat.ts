/**
 * The codes WeChat hands the app for the server to exchange: a login code (wx.login) and a phone code
 * (<button open-type="getPhoneNumber">). In the H5 test build (WECHAT_TEST_MODE, .env.test only) there is
 * no WeChat: the codes are made in the fake WeChat's format, which real WeChat refuses.
 */
import Taro from '@tarojs/taro'
import { WECHAT_TEST_MODE } from './config'
import { ERROR_MESSAGES } from './messages'

/** Taro.login failed: the message says why, in words a resident can act on. */
export class WechatLoginError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WechatLoginError'
  }
}

/** One browser is one "WeChat user" for the fake: the same openid on every login (o_<code>). */
const TEST_IDENTITY_KEY = 'linli.test-wechat-identity'

function testIdentity(): string {
  const kept = Taro.getStorageSync(TEST_IDENTITY_KEY)
  if (typeof kept === 'string' && kept) return kept
  const made = `h5-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  Taro.setStorageSync(TEST_IDENTITY_KEY, made)
  return made
}

export function explainLoginFailure(errMsg: string | undefined): string {
  const msg = errMsg ?? ''
  if (/time ?out|timed out|network|offline/i.test(msg)) return ERROR_MESSAGES.wechatNetwork
  return ERROR_MESSAGES.wechatLoginFailed(msg)
}

/** A fresh wx.login code (valid once, for 5 minutes). */
export async function wechatLoginCode(): Promise<string> {
  if (WECHAT_TEST_MODE) return testIdentity()
  let res: { code?: string; errMsg?: string }
  try {
    res = await Taro.login()
  } catch (err) {
    throw new WechatLoginError(explainLoginFailure((err as { errMsg?: string })?.errMsg))
  }
  if (!res?.code) throw new WechatLoginError(explainLoginFailure(res?.errMsg))
  return res.code
}

/** The test build asks for the number in a field and hands the fake WeChat's code for it. */
export function testPhoneCode(digits: string): string {
  return `phone-${digits.replace(/\D/g, '')}`
}
