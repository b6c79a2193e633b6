/**
 * WeChat privacy (enforced since 2023-10-17): when an API that touches personal information
 * (位置、相册) needs consent, WeChat calls onNeedPrivacyAuthorization and waits; we show our own sheet
 * and answer with the user's choice.
 */
import Taro from '@tarojs/taro'
import { IS_WEAPP } from './config'

type Answer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolver = (answer: Answer) => void

let pending: Resolver | null = null
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
    pending = resolve
    notify(true)
    resolve({ event: 'exposureAuthorization' })
  })
}

export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  pending = null
  notify(false)
}

export function declinePrivacy(): void {
  pending?.({ event: 'disagree' })
  pending = null
  notify(false)
}

export function onPrivacyRequest(listener: (open: boolean) => void): () => void {
  listeners.add(listener)
  if (pending) listener(true)
  return () => {
    listeners.delete(listener)
  }
}
