/**
 * Consent, in one sheet (components/PrivacySheet) for both moments that need it:
 * - before the first login: the user agreement and the privacy policy (text in @linli/shared legal.ts),
 *   a checkbox that starts unchecked, and the version agreed to sent with the login;
 * - WeChat privacy (enforced since 2023-10-17): when an API that touches personal information
 *   (位置、相册) needs consent, WeChat calls onNeedPrivacyAuthorization and waits; the same sheet answers.
 */
import Taro from '@tarojs/taro'
import { PRIVACY_POLICY_VERSION } from '@linli/shared'
import { IS_WEAPP } from './config'

type Answer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolver = (answer: Answer) => void

const CONSENT_KEY = 'linli.consent'

/** WeChat is waiting for an answer (onNeedPrivacyAuthorization). */
let pendingWechat: Resolver | null = null
/** The login page is waiting for the user to agree. */
let pendingLogin: ((agreed: boolean) => void) | null = null
const listeners = new Set<(open: boolean) => void>()

function notify(open: boolean) {
  listeners.forEach((l) => l(open))
}

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Register = (listener: (resolve: Resolver) => void) => void

function weappRegister(): Register | undefined {
  const api = (Taro as unknown as { onNeedPrivacyAuthorization?: Register }).onNeedPrivacyAuthorization
  return IS_WEAPP && typeof api === 'function' ? api : undefined
}

/** Called once at launch; on H5 there is nothing to register. */
export function installPrivacyHandler(register: Register | undefined = weappRegister()): void {
  if (!register) return
  register((resolve) => {
    pendingWechat = resolve
    notify(true)
    resolve({ event: 'exposureAuthorization' })
  })
}

/** The version of the policy this user agreed to on this phone, if it is the current one. */
export function currentConsent(): string | null {
  try {
    return Taro.getStorageSync(CONSENT_KEY) === PRIVACY_POLICY_VERSION ? PRIVACY_POLICY_VERSION : null
  } catch {
    return null
  }
}

/** The server refused the version we sent (CONSENT_REQUIRED): ask again. */
export function forgetConsent(): void {
  Taro.removeStorageSync(CONSENT_KEY)
}

/** Before the first login: open the sheet and wait for the user's choice. */
export function requestConsent(): Promise<boolean> {
  if (currentConsent()) return Promise.resolve(true)
  pendingLogin?.(false)
  return new Promise((resolve) => {
    pendingLogin = resolve
    notify(true)
  })
}

/** Only reachable with the box ticked (the sheet disables the button until then). */
export function agreePrivacy(): void {
  Taro.setStorageSync(CONSENT_KEY, PRIVACY_POLICY_VERSION)
  pendingWechat?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  pendingLogin?.(true)
  pendingWechat = null
  pendingLogin = null
  notify(false)
}

export function declinePrivacy(): void {
  pendingWechat?.({ event: 'disagree' })
  pendingLogin?.(false)
  pendingWechat = null
  pendingLogin = null
  notify(false)
}

export function onPrivacyRequest(listener: (open: boolean) => void): () => void {
  listeners.add(listener)
  if (pendingWechat || pendingLogin) listener(true)
  return () => {
    listeners.delete(listener)
  }
}
